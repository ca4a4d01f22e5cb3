"""The household window: 基本信息, 家庭成员 and 变更记录 of one household.

Edits stay in the window until 保存 (Ctrl+S), which saves the household and all its members
in one transaction. Errors are shown next to the field (and listed below); nothing is saved
while one stands. Warnings can be accepted with one click and are kept.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QWidget,
)

from ..core import codes, field_specs
from ..core.errors import BookError, InvalidOperation, Issue, ValidationFailed, VillagebookError
from ..core.field_specs import HOUSEHOLD, MEMBER
from ..core.validation import HEAD, check_household
from ..storage.book import Book
from ..storage.households import close_household, load_household, reopen_household, save_household
from ..storage.kinds import household_kinds
from ..storage.village import get_village
from . import field_editors
from .event_dialogs import EventDialog
from .forms.ui_household import Ui_HouseholdForm
from .history import HistoryModel
from .household_records import HOUSEHOLD_TABS
from .member_table import CodeDelegate, MemberTableModel
from .messages import describe, describe_error
from .record_tab import RecordTab
from .tables import fit_columns

ISSUE_ROLE = Qt.ItemDataRole.UserRole + 1


class HouseholdWindow(QWidget):
    """One household, new (``household_id`` None) or existing."""

    saved = Signal(str)  # household id

    def __init__(self, book: Book, household_id: str | None = None,
                 parent: QWidget | None = None, village_id: str | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.book = book
        self.household_id = household_id
        self.village_id = village_id  # a new household of a township's book: its village
        self.ui = Ui_HouseholdForm()
        self.ui.setupUi(self)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._loading = False
        self.dirty = False
        self.household: dict[str, Any] = {}
        self._is_demo = bool((get_village(book) or {}).get("is_demo"))
        self._setup_fields()
        self.members = MemberTableModel([], self)
        self.history = HistoryModel(book, self)
        self._setup_tables()
        # a tab for each kind the household owns that has one, in the registry's order
        self.record_tabs: list[RecordTab] = []
        self.tab_of: dict[str, QWidget] = {"members": self.ui.membersTab}  # table → tab
        for record_kind in household_kinds():
            if record_kind.table not in HOUSEHOLD_TABS:
                continue  # members: the member table; accepted warnings: in the checks
            make, title = HOUSEHOLD_TABS[record_kind.table]
            tab = RecordTab(make(book), self)
            self.ui.tabs.insertTab(2 + len(self.record_tabs), tab, self.tr(title))
            self.record_tabs.append(tab)
            self.tab_of[record_kind.table] = tab
            tab.changed.connect(self._record_changed)
        self._setup_actions()
        self._revalidate = QTimer(self, singleShot=True, interval=250)
        self._revalidate.timeout.connect(self.validate)
        self.load()

    # -- setup ---------------------------------------------------------------
    def _setup_fields(self) -> None:
        self.editors: dict[str, QWidget] = {}
        for spec in field_specs.fields(HOUSEHOLD):
            editor = getattr(self.ui, f"{spec.name}Edit")
            label: QLabel = getattr(self.ui, f"{spec.name}Label")
            label.setText(field_editors.label_text(HOUSEHOLD, spec))
            label.setBuddy(editor)
            field_editors.prepare(editor, spec, self._changed)
            self.editors[spec.name] = editor

    def _setup_tables(self) -> None:
        table = self.ui.memberTable
        table.setModel(self.members)
        table.setItemDelegate(CodeDelegate(table))
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header = table.horizontalHeader()
        header.setDefaultSectionSize(110)
        for column in range(self.members.columnCount()):  # each heading read whole
            text = str(self.members.headerData(column, Qt.Orientation.Horizontal))
            table.setColumnWidth(column, max(110, header.fontMetrics().horizontalAdvance(
                text) + 24))
        table.setColumnWidth(1, max(190, table.columnWidth(1)))  # the ID number
        self.members.edited.connect(self._changed)
        self.ui.historyTable.setModel(self.history)
        self.ui.historyTable.horizontalHeader().setStretchLastSection(True)
        self.ui.historyTable.setEditTriggers(self.ui.historyTable.EditTrigger.NoEditTriggers)

    def _setup_actions(self) -> None:
        self.ui.saveButton.setText(self.ui.saveButton.text() + " (Ctrl+S)")
        # the key for the next member, said where a person looks for it
        self.ui.addMemberButton.setText(self.ui.addMemberButton.text() + " (Insert)")
        self.ui.saveButton.clicked.connect(self.save)
        self.ui.closeButton.clicked.connect(self.close)
        self.ui.addMemberButton.clicked.connect(self.add_member)
        self.ui.memberLeaveButton.clicked.connect(self.member_leaves)
        self.ui.memberRestoreButton.clicked.connect(self.restore_member)
        self.ui.showLeftCheck.toggled.connect(self.members.set_show_left)
        self.ui.closeHouseholdButton.clicked.connect(self.close_or_reopen)
        self.print_button = QPushButton(self.tr("Print…"))
        self.print_button.clicked.connect(lambda: self.print_household())
        self.ui.bottomButtons.insertWidget(1, self.print_button)
        self.ui.issueList.itemActivated.connect(self._go_to_issue)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.close)
        # the tabs from anywhere, the member table and an open cell editor included
        for keys, step in (("Ctrl+Tab", 1), ("Ctrl+PgDown", 1), ("Ctrl+Shift+Tab", -1),
                           ("Ctrl+Backtab", -1), ("Ctrl+PgUp", -1)):
            QShortcut(QKeySequence(keys), self, lambda s=step: self.next_tab(s))
        self.ui.tabs.currentChanged.connect(self._focus_tab)
        add_member = QShortcut(QKeySequence(Qt.Key.Key_Insert), self.ui.memberTable,
                               self.add_member)
        add_member.setContext(Qt.ShortcutContext.WidgetShortcut)

    # -- loading and collecting ----------------------------------------------
    def load(self) -> None:
        """Show the saved state of the household (or an empty form with one member row)."""
        self._loading = True
        try:
            if self.household_id:
                self.household, members = load_household(self.book, self.household_id)
            else:
                self.household, members = {"status": "active"}, [{"status": "active",
                                                                  "relation": HEAD}]
            for spec in field_specs.fields(HOUSEHOLD):
                field_editors.set_value(self.editors[spec.name], spec,
                                        self.household.get(spec.name))
            self._hint_number()
            self.members.beginResetModel()
            self.members.members = [dict(m) for m in members]
            self.members._visible = self.members._compute_visible()
            self.members.endResetModel()
            self.history.load(self.household_id,
                              {m["id"]: m.get("name") or "" for m in members if m.get("id")})
            fit_columns(self.ui.historyTable)
            for tab in self.record_tabs:
                tab.set_household(self.household_id)
        finally:
            self._loading = False
        self.dirty = False
        self._show_state()
        if self.household_id:
            self.validate()
        else:  # an empty new form is not yet wrong: checks start with the first entry
            self.show_issues([])
        self.ui.tabs.setCurrentWidget(self.ui.basicTab)
        self.editors["number"].setFocus()

    def _hint_number(self) -> None:
        """户编号's form, shown in its empty box: the village's 12-digit code and the
        household's number in the village (530524101001 + 001)."""
        village = get_village(self.book, self.household.get("village_id") or self.village_id)
        code = (village or {}).get("code") or ""
        editor = self.editors["number"]
        if code and hasattr(editor, "setPlaceholderText"):
            hint = self.tr("village code and 3 digits: {code}001").format(code=code)
            editor.setPlaceholderText(hint)
            editor.setToolTip(hint)

    def show_records(self, table: str | None) -> None:
        """Bring forward the tab of a kind of record (a warning's: income → 收入); the
        basic tab for anything else."""
        self.ui.tabs.setCurrentWidget(self.tab_of.get(table or "", self.ui.basicTab))

    def collect(self) -> tuple[dict[str, Any], list[dict[str, Any]]]:
        """What the form holds now: household fields and all members, as typed."""
        household = {spec.name: field_editors.get_value(self.editors[spec.name], spec)
                     for spec in field_specs.fields(HOUSEHOLD)}
        household["status"] = self.household.get("status", "active")
        if self.household_id is None and self.village_id:
            household["village_id"] = self.village_id
        return household, [dict(m) for m in self.members.members]

    # -- state -----------------------------------------------------------------
    def _changed(self, *_: object) -> None:
        if self._loading:
            return
        if not self.dirty:
            self.dirty = True
            self._show_state()
        self._revalidate.start()

    def _show_state(self) -> None:
        number = self.household.get("number") or ""
        head = self.household.get("head_name") or ""
        if self.household_id:
            title = self.tr("Household {number} {head}").format(number=number, head=head)
        else:
            title = self.tr("New household")
        village = get_village(self.book, self.household.get("village_id") or self.village_id) \
            if self.book.holds_villages else None
        if village:  # a township's book: whose household this is
            title += f"（{village['name']}）"
        if self._is_demo:
            title += " " + self.tr("[DEMO: not real data]")
        self.ui.titleLabel.setText(f"<b>{title}</b>")
        self.setWindowTitle(("* " if self.dirty else "") + title)
        closed = self.household.get("status") == "closed"
        if closed:
            reason = codes.label("household_closed_reason", self.household.get("closed_reason"))
            self.ui.stateLabel.setText(self.tr("Closed on {date}: {reason}. {note}").format(
                date=self.household.get("closed_date") or "", reason=reason,
                note=self.household.get("closed_note") or ""))
        self.ui.stateLabel.setVisible(closed)
        self.ui.closeHouseholdButton.setEnabled(self.household_id is not None)
        self.ui.closeHouseholdButton.setText(
            self.tr("Reopen household") if closed else self.tr("Close household…"))

    def _record_changed(self) -> None:
        """A record tab saved something: the history shows it at once."""
        members = {m["id"]: m.get("name") or "" for m in self.members.members if m.get("id")}
        self.history.load(self.household_id, members)
        self.saved.emit(self.household_id)

    # -- validation ------------------------------------------------------------
    def validate(self) -> list[Issue]:
        """Check what is typed now and show every issue beside its field and in the list."""
        household, members = self.collect()
        issues = check_household(household, members).issues
        self.show_issues(issues)
        return issues

    def show_issues(self, issues: list[Issue]) -> None:
        household_issues: dict[str, Issue] = {}
        for issue in issues:
            if issue.row is None and (issue.field not in household_issues or issue.is_error):
                household_issues[issue.field] = issue
        for spec in field_specs.fields(HOUSEHOLD):
            field_editors.mark(getattr(self.ui, f"{spec.name}Label"), self.editors[spec.name],
                               HOUSEHOLD, spec, household_issues.get(spec.name))
        self.members.set_issues(issues)
        self.ui.issueList.clear()
        for issue in sorted(issues, key=lambda i: (not i.is_error, i.row or -1)):
            item = QListWidgetItem(("✖ " if issue.is_error else "⚠ ") + describe(issue))
            item.setData(ISSUE_ROLE, issue)
            self.ui.issueList.addItem(item)
        self.ui.issueList.setVisible(bool(issues))

    def _go_to_issue(self, item: QListWidgetItem) -> None:
        """Jump to the field or member cell an issue is about."""
        issue: Issue = item.data(ISSUE_ROLE)
        if issue.row is None and issue.field in self.editors:
            self.ui.tabs.setCurrentWidget(self.ui.basicTab)
            self.editors[issue.field].setFocus()
            return
        if issue.row is not None:
            self.ui.tabs.setCurrentWidget(self.ui.membersTab)
            row = self.members.visible_row(issue.row)
            names = [s.name for s in field_specs.fields(MEMBER)]
            column = names.index(issue.field) if issue.field in names else 0
            if row >= 0:
                self.ui.memberTable.setCurrentIndex(self.members.index(row, column))
                self.ui.memberTable.setFocus()

    # -- actions ---------------------------------------------------------------
    def save(self, accept_warnings: bool = False) -> bool:
        """Save in one transaction; returns True when saved."""
        self._revalidate.stop()
        household, members = self.collect()
        try:
            result = save_household(self.book, self.household_id, household, members,
                                    accept_warnings=accept_warnings)
        except ValidationFailed as failed:
            self.show_issues(failed.issues)
            if failed.errors:
                QMessageBox.warning(self, self.tr("Not saved"), self.tr(
                    "Not saved: {count} problem(s) must be corrected first. They are listed "
                    "at the bottom of the window.").format(count=len(failed.errors)))
                return False
            return self._confirm_warnings(failed.issues)
        except VillagebookError as error:
            QMessageBox.critical(self, self.tr("Not saved"), describe_error(error))
            return False
        self.household_id = result.household_id
        self.load()
        self.saved.emit(self.household_id)
        return True

    def _confirm_warnings(self, warnings: list[Issue]) -> bool:
        text = "\n".join("⚠ " + describe(w) for w in warnings)
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Please check"),
                          self.tr("Please check these points:") + "\n\n" + text, parent=self)
        accept = box.addButton(self.tr("Correct, save anyway"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Go back and change"), QMessageBox.ButtonRole.RejectRole)
        box.exec()
        if box.clickedButton() is accept:
            return self.save(accept_warnings=True)
        return False

    def next_tab(self, step: int) -> None:
        """Ctrl+Tab / Ctrl+PgDn (step 1) and Ctrl+Shift+Tab / Ctrl+PgUp (-1), round."""
        tabs = self.ui.tabs
        tabs.setCurrentIndex((tabs.currentIndex() + step) % tabs.count())

    def _focus_tab(self, index: int) -> None:
        """A tab shown takes the keyboard into its list (or its first field)."""
        page = self.ui.tabs.widget(index)
        if page is self.ui.membersTab:
            self.ui.memberTable.setFocus()
            if not self.ui.memberTable.currentIndex().isValid() and self.members.rowCount():
                self.ui.memberTable.setCurrentIndex(self.members.index(0, 0))
        elif isinstance(page, RecordTab):
            page.take_focus()
        elif page is self.ui.basicTab:
            next(iter(self.editors.values())).setFocus()  # its first field (户编号)

    def add_member(self) -> None:
        row = self.members.add_member()
        self.ui.tabs.setCurrentWidget(self.ui.membersTab)
        index = self.members.index(row, 0)
        self.ui.memberTable.setCurrentIndex(index)
        self.ui.memberTable.edit(index)

    def _selected_member(self) -> int | None:
        index = self.ui.memberTable.currentIndex()
        return self.members.member_index(index.row()) if index.isValid() else None

    def member_leaves(self) -> None:
        """Record that the selected member left (an event, saved with the household)."""
        position = self._selected_member()
        if position is None:
            QMessageBox.information(self, self.tr("Member leaves"),
                                    self.tr("Select the member in the table first."))
            return
        member = self.members.members[position]
        if member.get("status") == "left":
            return
        new_head = None
        if member.get("relation") == HEAD:
            new_head = [(m.get("name") or "", i) for i, m in enumerate(self.members.members)
                        if i != position and m.get("status", "active") == "active"]
        dialog = EventDialog(self, self.tr("Member leaves"), "member_left_reason",
                             self.tr("{name} leaves the household. The record is kept and can "
                                     "be restored.").format(name=member.get("name") or ""),
                             (MEMBER, "left_date"), new_head)
        if not dialog.exec():
            return
        values = dialog.values()
        self.members.update_member(position, status="left", left_reason=values["reason"],
                                   left_date=values["date"], left_note=values["note"])
        head_index = dialog.new_head_index()
        if head_index is not None:
            self.members.update_member(head_index, relation=HEAD)

    def restore_member(self) -> None:
        position = self._selected_member()
        if position is None or self.members.members[position].get("status") != "left":
            QMessageBox.information(self, self.tr("Restore member"), self.tr(
                "Tick “Show members who left” and select the member to restore."))
            return
        self.members.update_member(position, status="active", left_reason=None,
                                   left_date=None, left_note=None)

    def print_household(self) -> QWidget | None:
        """The print dialog for this household (its card, or its wall sheet); a saved
        household only."""
        if self.household_id is None or (self.dirty and not self.save()):
            return None
        from .print_dialog import PrintDialog  # reportlab and pdfium: when first used

        dialog = PrintDialog(self.book, self, document="cards", selected=(self.household_id,),
                             prefer_selected=True)
        dialog.show()
        return dialog

    def close_or_reopen(self) -> None:
        """注销 the household (with a reason) or undo it; each is its own saved action."""
        if self.household_id is None:
            return
        if self.dirty and not self.save():
            return
        try:
            if self.household.get("status") == "closed":
                reopen_household(self.book, self.household_id)
            else:
                dialog = EventDialog(self, self.tr("Close household"), "household_closed_reason",
                                     self.tr("The household leaves the active list. Nothing is "
                                             "deleted; it can be reopened."),
                                     (HOUSEHOLD, "closed_date"))
                if not dialog.exec():
                    return
                values = dialog.values()
                close_household(self.book, self.household_id, values["reason"] or "",
                                values["date"] or "", values["note"] or "")
        except ValidationFailed as failed:
            QMessageBox.warning(self, self.tr("Not done"),
                                "\n".join(describe(i) for i in failed.issues))
            return
        except (InvalidOperation, BookError) as error:
            QMessageBox.warning(self, self.tr("Not done"), describe_error(error))
            return
        self.load()
        self.saved.emit(self.household_id)

    def closeEvent(self, event: QCloseEvent) -> None:
        """Unsaved changes are never dropped without asking."""
        if self.dirty:
            answer = QMessageBox.question(
                self, self.tr("Unsaved changes"),
                self.tr("This household has unsaved changes. Save them?"),
                QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Save)
            if answer == QMessageBox.StandardButton.Cancel:
                event.ignore()
                return
            if answer == QMessageBox.StandardButton.Save and not self.save():
                event.ignore()
                return
        event.accept()
