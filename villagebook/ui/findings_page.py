"""预警: what needs attention, found by the warning rules in the background (the page
shows at once and fills in). Tiles count each rule's findings and filter the list by a
click; the list filters by rule, severity and group, opens the household a finding points
at, accepts a finding that is right as it is, and prints or exports what it shows."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..core.rules import BY_CODE, RULES, SEVERITIES, Finding
from ..core.today import current_date
from ..storage.book import Book
from ..storage.cadres import helper_choices
from ..storage.findings import accept_finding
from ..storage.queries import group_names
from ..storage.village import book_identity
from .dialogs import attempt, error_label
from .exports import ask_save_path, run_in_background
from .findings_source import COLOURS, FindingsSource, fill_tiles, severity_word
from .messages import describe, tr
from .scope import VillageScope
from .tables import fit_columns, selected_households

Index = QModelIndex | QPersistentModelIndex
# Where a household's finding is put right: the tab of the household window that holds
# the records its rule reads (None: the basic tab)
FIXED_IN: dict[str, str | None] = {
    "income.below_line": "incomes", "income.fell": "incomes",
    "school.out": "members", "medical.uninsured": "members", "water.unsafe": None,
    "housing.unsafe": "measures", "checks.stale": "checks",
    "monitoring.no_measure": "measures", "monitoring.removed_soon": "monitoring_events",
    "monitoring.work_without_labour": "monitoring_events",
    "household.no_labour_uncovered": "members", "monitoring.candidate": "members",
    "loan.overdue": "measures", "measure.past_end": "measures",
    "visit.overdue": "visits", "visit.follow_up": "visits",
    "id.invalid": "members", "id.twice": "members", "household.heads": "members",
    "relation.age": "members",
}


class FindingsModel(QAbstractTableModel):
    """The findings shown, one row each."""

    def __init__(self, parent=None, book: Book | None = None) -> None:
        super().__init__(parent)
        self.rows: list[Finding] = []
        # a township's book: each row says its village (codes → names, read per list)
        self.book = book if book is not None and book.holds_villages else None
        self.villages: dict[str, str] = {}
        self.headers = [self.tr("Level"), self.tr("Finding"), self.tr("Household number"),
                        self.tr("Head"), self.tr("Member"), self.tr("Details")]
        if self.book is not None:
            self.headers.insert(2, self.tr("Village"))

    def set_rows(self, rows: list[Finding]) -> None:
        self.beginResetModel()
        self.rows = rows
        if self.book is not None:  # villages may have arrived with a sync package
            self.villages = dict(self.book.conn.execute("SELECT code, name FROM village"))
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.headers)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        finding = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            cells = [severity_word(finding.severity), tr(BY_CODE[finding.rule].title),
                     finding.household_number or finding.village_code or "",
                     finding.head_name or "", finding.member_name or "",
                     describe(finding.issue(), with_subject=False)]
            if self.book is not None:
                cells.insert(2, self.villages.get(finding.village_code or "", ""))
            return cells[index.column()]
        if role == Qt.ItemDataRole.BackgroundRole and index.column() == 0:
            return QBrush(QColor(COLOURS[finding.severity]))
        if role == Qt.ItemDataRole.ToolTipRole:
            return tr(BY_CODE[finding.rule].explanation)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers[section]
        return None


class FindingsPage(QWidget):
    # a household at the tab where its finding is put right (household id, record table)
    open_household_at = Signal(str, str)
    open_record = Signal(str, str)  # the side page ("helpers", "problems") and the record

    def __init__(self, book: Book, parent: QWidget | None = None,
                 scope: VillageScope | None = None,
                 source: FindingsSource | None = None) -> None:
        super().__init__(parent)
        self.book = book
        self.scope = scope or VillageScope()
        self.source = source or FindingsSource(book, self)
        layout = QVBoxLayout(self)
        self.state = QLabel()
        layout.addWidget(self.state)
        self.tiles_box = QGridLayout()
        layout.addLayout(self.tiles_box)
        self.tiles: dict[str, QPushButton] = {}
        bar = QHBoxLayout()
        self.rule_filter = QComboBox()
        self.rule_filter.addItem(self.tr("All findings"), None)
        for rule in RULES:
            self.rule_filter.addItem(tr(rule.title), rule.code)
        self.severity_filter = QComboBox()
        self.severity_filter.addItem(self.tr("All levels"), None)
        for severity in SEVERITIES:
            self.severity_filter.addItem(severity_word(severity), severity)
        self.group_filter = QComboBox()
        self.helper_filter = QComboBox()  # the households a helper is paired with
        for combo in (self.rule_filter, self.severity_filter, self.group_filter,
                      self.helper_filter):
            # the groups and helpers arrive after the first show: the combos grow with them
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            combo.currentIndexChanged.connect(self.show_list)
            bar.addWidget(combo)
        bar.addStretch(1)
        self.refresh_button = QPushButton(self.tr("Check again"))
        self.refresh_button.clicked.connect(self.refresh)
        bar.addWidget(self.refresh_button)
        layout.addLayout(bar)
        self.model = FindingsModel(self, book)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.doubleClicked.connect(lambda index: self.open_row(index.row()))
        layout.addWidget(self.table, 1)
        self.error = error_label()
        layout.addWidget(self.error)
        buttons = QHBoxLayout()
        self.open_button = QPushButton(self.tr("Open the household"))
        self.open_button.clicked.connect(lambda: self.open_row(self.table.currentIndex().row()))
        self.accept_button = QPushButton(self.tr("Right as it is: do not show again…"))
        self.accept_button.clicked.connect(lambda: self.accept_current())
        self.print_button = QPushButton(self.tr("Print the list…"))
        self.print_button.clicked.connect(lambda: self.print_list())
        self.export_button = QPushButton(self.tr("Export to Excel…"))
        self.export_button.clicked.connect(lambda: self.export_list())
        for button in (self.open_button, self.accept_button, self.print_button,
                       self.export_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.source.arrived.connect(self._arrived)
        self.source.failed.connect(lambda text: self.state.setText("✖ " + text))
        self.source.progress.connect(lambda done, total: self.state.setText(
            self.tr("Checking the book… {done} of {total} rule groups").format(
                done=done, total=total)))

    @property
    def findings(self) -> list[Finding]:
        return self.source.findings

    # -- computing ---------------------------------------------------------------
    def refresh(self) -> None:
        """Compute the findings again in the background; the page shows at once."""
        self.state.setText(self.tr("Checking the book…"))
        self.source.refresh()

    def _arrived(self, _findings: list[Finding]) -> None:
        self._fill_groups()
        self.show_list()

    def _in_scope(self) -> list[Finding]:
        return self.source.in_scope(self.scope)

    def _fill_groups(self) -> None:
        current = self.group_filter.currentData()
        self.group_filter.blockSignals(True)
        self.group_filter.clear()
        self.group_filter.addItem(self.tr("All groups"), None)
        for name in group_names(self.book.conn):
            if name:
                self.group_filter.addItem(name, name)
        self.group_filter.setCurrentIndex(max(0, self.group_filter.findData(current)))
        self.group_filter.blockSignals(False)
        current = self.helper_filter.currentData()
        self.helper_filter.blockSignals(True)
        self.helper_filter.clear()
        self.helper_filter.addItem(self.tr("All helpers"), None)
        for helper_id, label in helper_choices(self.book):
            self.helper_filter.addItem(label, helper_id)
        self.helper_filter.setCurrentIndex(max(0, self.helper_filter.findData(current)))
        self.helper_filter.blockSignals(False)

    # -- showing -------------------------------------------------------------------
    def shown(self) -> list[Finding]:
        """The findings that pass the filters, in order."""
        rule, severity = self.rule_filter.currentData(), self.severity_filter.currentData()
        group, helper = self.group_filter.currentData(), self.helper_filter.currentData()
        numbers = None
        if group:
            numbers = {r[0] for r in self.book.conn.execute(
                "SELECT number FROM households WHERE group_name = ?", [group])}
        helped = None
        if helper:  # the helper's households now, and the findings about the helper
            helped = {r[0] for r in self.book.conn.execute(
                "SELECT household_id FROM pairings WHERE helper_id = ? AND status = 'active'"
                " AND (end_date IS NULL OR end_date >= ?)",
                [helper, current_date().isoformat()])}
        return [f for f in self._in_scope()
                if (rule is None or f.rule == rule)
                and (severity is None or f.severity == severity)
                and (numbers is None or f.household_number in numbers)
                and (helped is None or f.household_id in helped or f.record_id == helper)]

    def show_list(self) -> None:
        rows = self.shown()
        self.model.set_rows(rows)
        fit_columns(self.table)
        scoped = self._in_scope()
        counts = {s: sum(1 for f in scoped if f.severity == s) for s in SEVERITIES}
        self.state.setText(self.tr("<b>{errors} errors, {warnings} warnings, {reminders} "
                                   "reminders</b> (showing {shown})").format(
            errors=counts["error"], warnings=counts["warning"], reminders=counts["reminder"],
            shown=len(rows)))
        self._fill_tiles(scoped)

    def _fill_tiles(self, findings: list[Finding]) -> None:
        """A tile per rule that found something; a click shows only that rule."""
        self.tiles = fill_tiles(self.tiles_box, self.tiles, findings, 6, lambda code:
                                self.rule_filter.setCurrentIndex(
                                    self.rule_filter.findData(code)))

    # -- acting ------------------------------------------------------------------------
    def open_row(self, row: int) -> None:
        """Open what the finding is about: its household, or the helper or problem."""
        if not 0 <= row < len(self.model.rows):
            return
        finding = self.model.rows[row]
        page = {"helper": "helpers", "problem": "problems"}.get(BY_CODE[finding.rule].about)
        if finding.household_id:
            self.open_household_at.emit(finding.household_id,
                                        FIXED_IN.get(finding.rule) or "")
        elif page is not None and finding.record_id:
            self.open_record.emit(page, finding.record_id)

    def accept_current(self, note: str | None = None) -> bool:
        """Mark the selected finding right as it is, with the reason a person gives."""
        row = self.table.currentIndex().row()
        if not 0 <= row < len(self.model.rows):
            return False
        finding = self.model.rows[row]
        if note is None:
            about = "，".join(part for part in (
                finding.household_number or finding.village_code, finding.head_name,
                finding.member_name) if part)
            note, ok = QInputDialog.getText(self, self.tr("Right as it is"), self.tr(
                "{rule}: {about}\n{details}\n\nWhy is this right as it is? (kept in the "
                "history)").format(rule=tr(BY_CODE[finding.rule].title), about=about,
                                   details=describe(finding.issue(), with_subject=False)))
            if not ok:
                return False
        if not attempt(self.error, lambda: accept_finding(self.book, finding, note)):
            return False
        self.source.forget(finding)
        return True

    def _title(self) -> str:
        name = book_identity(self.book)["name"]
        return f"{name}预警清单（{current_date().isoformat()}）"

    def _target(self, suffix: str, file_filter: str) -> Path | None:
        path = ask_save_path(self, self.tr("Save the list"), self._title() + suffix,
                             file_filter)
        return Path(path) if path else None

    def selected_household_ids(self) -> tuple[str, ...]:
        """The household of the finding selected (what 打印 offers as 这一户)."""
        return selected_households(self.table, lambda row: self.model.rows[row].household_id)

    def print_list(self, path: str | None = None) -> None:
        """The list as shown, as a PDF for the meeting: previewed (to print or save from
        there), or written to ``path``."""
        rows, title = self.shown(), self._title()
        from ..reports.findings import print_findings  # reportlab: when first used

        def work(_book, target, _stop, _step) -> str:
            return f"{print_findings(rows, target, title)} 页"

        if path is None:
            from .pdf_view import preview_in_background  # pdfium: when first used

            preview_in_background(self, self.book.path, self.tr("Writing the list…"),
                                  title + ".pdf", work)
            return
        run_in_background(self, self.book.path, Path(path), self.tr("Writing the list…"),
                          work)

    def export_list(self, path: str | None = None) -> None:
        """The list as shown, as a workbook."""
        rows, title = self.shown(), self._title()
        out = Path(path) if path else self._target(".xlsx", self.tr("Workbooks (*.xlsx)"))
        if out is None:
            return
        from ..reports.findings import export_findings  # openpyxl: when first used

        run_in_background(self, self.book.path, out, self.tr("Writing the list…"),
                          lambda _book, target, _stop, _step:
                          f"{export_findings(rows, target, title)} 条")
