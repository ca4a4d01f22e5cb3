"""A household tab listing one kind of record (income years, 三保障 checks…): a table,
and buttons to add, edit, remove and restore. Every button is one saved action."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..core import codes, field_specs
from ..core.errors import ValidationFailed, VillagebookError
from . import i18n
from .messages import describe, describe_error
from .record_dialog import RecordDialog
from .tables import fit_columns

Index = QModelIndex | QPersistentModelIndex
WARN_BRUSH = QBrush(QColor("#fbeec4"))
PAGE = 300  # rows read at a time by a paged list


@dataclass(frozen=True)
class Column:
    name: str  # a field of the record, or one of its derived (state) fields
    warn_when: Any = object()  # a value that deserves a mark (e.g. 0 for a 三保障 answer)


def display(spec: field_specs.FieldSpec, value: Any) -> str:
    if value is None or value == "":
        return ""
    if spec.kind == "money":
        return field_specs.format_money(int(value))
    if spec.kind == "bool":
        return codes.label("yes_no", str(value))
    if spec.kind == "code":
        return codes.label(spec.codes or "", str(value))
    if spec.kind == "codes":
        return "、".join(codes.label(spec.codes or "", c) for c in str(value).split(","))
    return str(value)


class RecordTableModel(QAbstractTableModel):
    def __init__(self, record: str, columns: list[Column], parent=None) -> None:
        super().__init__(parent)
        self.record = record
        self.columns = columns
        self.rows: list[dict[str, Any]] = []
        self.specs = [field_specs.field(record, c.name) for c in columns]
        self._load_page: Callable[[int, int], list[dict[str, Any]]] | None = None

    def set_rows(self, rows: list[dict[str, Any]]) -> None:
        self.beginResetModel()
        self.rows = rows
        self._load_page = None
        self.endResetModel()

    def set_pages(self, load_page: Callable[[int, int], list[dict[str, Any]]]) -> None:
        """Show the rows ``load_page(offset, limit)`` gives, a page at a time as the view
        scrolls (a township's lists hold tens of thousands)."""
        self.beginResetModel()
        self.rows = load_page(0, PAGE)
        self._load_page = load_page if len(self.rows) == PAGE else None
        self.endResetModel()

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:
        return not parent.isValid() and self._load_page is not None

    def fetchMore(self, parent: Index = QModelIndex()) -> None:
        if parent.isValid() or self._load_page is None:
            return
        page = self._load_page(len(self.rows), PAGE)
        if len(page) < PAGE:
            self._load_page = None
        if page:
            start = len(self.rows)
            self.beginInsertRows(QModelIndex(), start, start + len(page) - 1)
            self.rows.extend(page)
            self.endInsertRows()

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        column, spec = self.columns[index.column()], self.specs[index.column()]
        value = row.get(column.name)
        flagged = value is not None and value == column.warn_when
        removed = row.get("status") == "removed"
        if role == Qt.ItemDataRole.DisplayRole:
            text = display(spec, value)
            if index.column() == 0 and removed:
                text += "（" + codes.label("record_status", "removed") + "）"
            return ("⚠ " + text) if flagged else text
        if role == Qt.ItemDataRole.BackgroundRole and flagged:
            return WARN_BRUSH
        if role == Qt.ItemDataRole.ForegroundRole and removed:
            return QBrush(QColor("#777777"))
        if role == Qt.ItemDataRole.TextAlignmentRole and spec.kind in ("money", "int"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return i18n.field_label(self.record, self.columns[section].name)
        return None


@dataclass
class TabSpec:
    """What a tab (a household window's, or a page of records) needs to know about its
    records: not the record kind itself, which `storage.kinds` describes."""

    record: str
    columns: list[Column]
    title: Callable[[dict[str, Any] | None], str]
    load: Callable[[str, bool], list[dict[str, Any]]]  # (owner id, with removed)
    save: Callable[[str, str | None, dict[str, Any]], object]  # (owner, id, raw)
    remove: Callable[[str], None]
    restore: Callable[[str], None]
    # the values a new record starts with, given the household (None for the village)
    new_values: Callable[[str | None], dict[str, Any]] = lambda _household: {}
    summary: Callable[[str], str] | None = None  # a line above the table (current state)
    village: bool = False  # records of the village (helpers…), not of one household
    hint: str | None = None  # shown while there is no owner yet (default: save the household)
    # more buttons: (label, what to do with the selected record)
    actions: list[tuple[str, Callable[[QWidget, dict[str, Any]], object]]] = \
        dataclasses.field(default_factory=list)
    choices: Callable[[str], dict[str, list[tuple[str, str]]]] | None = None
    # a check box that narrows the list: (label, which rows it keeps)
    only: tuple[str, Callable[[dict[str, Any]], bool]] | None = None
    # asked before a new record's dialog opens (a township's village); False: cancelled
    prepare_new: Callable[[QWidget], bool] | None = None


class RecordTab(QWidget):
    """The list of one kind of record of a household, with its buttons."""

    changed = Signal()

    def __init__(self, kind: TabSpec, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = kind
        self.household_id: str | None = None
        self.model = RecordTableModel(kind.record, kind.columns, self)
        layout = QVBoxLayout(self)
        self.hint = QLabel(kind.hint or self.tr(
            "Save the household first; then its records can be added."))
        layout.addWidget(self.hint)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.doubleClicked.connect(lambda _: self.edit())
        # by keyboard: Insert or Ctrl+N adds, Enter changes the highlighted record
        for keys, slot in ((QKeySequence(Qt.Key.Key_Insert), self.add),
                           (QKeySequence("Ctrl+N"), self.add),
                           (QKeySequence(Qt.Key.Key_Return), self.edit),
                           (QKeySequence(Qt.Key.Key_Enter), self.edit)):
            shortcut = QShortcut(keys, self.table, slot)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
        layout.addWidget(self.table)
        buttons = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Add…"))
        self.edit_button = QPushButton(self.tr("Change…"))
        self.remove_button = QPushButton(self.tr("Remove"))
        self.restore_button = QPushButton(self.tr("Restore"))
        self.show_removed = QCheckBox(self.tr("Show removed"))
        self.add_button.clicked.connect(self.add)
        self.edit_button.clicked.connect(self.edit)
        self.remove_button.clicked.connect(lambda: self._set_removed(True))
        self.restore_button.clicked.connect(lambda: self._set_removed(False))
        self.show_removed.toggled.connect(lambda _: self.reload())
        self.action_buttons: list[QPushButton] = []
        for label, action in kind.actions:
            button = QPushButton(label)
            button.clicked.connect(lambda _=False, act=action: self._act(act))
            self.action_buttons.append(button)
        self.only_check: QCheckBox | None = None
        if kind.only is not None:
            self.only_check = QCheckBox(kind.only[0])
            self.only_check.toggled.connect(lambda _: self.reload())
        for widget in (self.add_button, self.edit_button, self.remove_button,
                       self.restore_button, *self.action_buttons, self.show_removed,
                       *([self.only_check] if self.only_check else [])):
            buttons.addWidget(widget)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.set_household(None)

    def take_focus(self) -> None:
        """Keyboard into the list, on its first record when none is highlighted."""
        self.table.setFocus()
        if not self.table.currentIndex().isValid() and self.model.rowCount():
            self.table.selectRow(0)

    def set_household(self, household_id: str | None) -> None:
        self.household_id = household_id
        ready = household_id is not None or self.kind.village
        self.hint.setVisible(not ready)
        for widget in (self.table, self.add_button, self.edit_button, self.remove_button,
                       self.restore_button, *self.action_buttons, self.show_removed):
            widget.setEnabled(ready)
        self.reload()

    def refresh(self) -> None:
        """Read the records again, of the household shown (as a page of the main window:
        the village's, or all the book's)."""
        self.set_household(self.household_id)

    @property
    def owner(self) -> str:
        """The household (or project) whose records are shown; "" for records of the
        village, whose kinds take no owner."""
        return self.household_id or ""

    def reload(self) -> None:
        ready = self.household_id is not None or self.kind.village
        rows = self.kind.load(self.owner, self.show_removed.isChecked()) if ready else []
        if self.only_check is not None and self.only_check.isChecked() and self.kind.only:
            keep = self.kind.only[1]
            rows = [r for r in rows if keep(r)]
        self.model.set_rows(rows)
        fit_columns(self.table)
        if self.kind.summary is not None and self.household_id is not None:
            self.summary.setText(self.kind.summary(self.household_id))
        self.summary.setVisible(bool(self.summary.text()) and self.household_id is not None)

    def select_record(self, record_id: str) -> bool:
        """Highlight the record with this id (reading further pages of a long list)."""
        while True:
            for row, record in enumerate(self.model.rows):
                if record.get("id") == record_id:
                    self.table.selectRow(row)
                    self.table.scrollTo(self.model.index(row, 0))
                    return True
            if not self.model.canFetchMore():
                return False
            self.model.fetchMore()

    def _selected(self) -> dict[str, Any] | None:
        index = self.table.currentIndex()
        return self.model.rows[index.row()] if index.isValid() else None

    def _open(self, current: dict[str, Any] | None) -> bool:
        household_id = self.owner
        record_id = current["id"] if current else None
        choices = self.kind.choices(household_id) if self.kind.choices else None
        dialog = RecordDialog(self, self.kind.title(current), self.kind.record,
                              current or self.kind.new_values(household_id),
                              lambda raw: self.kind.save(household_id, record_id, raw), choices)
        if not dialog.exec():
            return False
        self.reload()
        self.changed.emit()
        return True

    def add(self) -> bool:
        if self.household_id is None and not self.kind.village:
            return False
        if self.kind.prepare_new is not None and not self.kind.prepare_new(self):
            return False
        return self._open(None)

    def edit(self) -> bool:
        current = self._selected()
        if current is None or current.get("status") == "removed":
            return False
        return self._open(current)

    def _act(self, action: Callable[[QWidget, dict[str, Any]], object]) -> None:
        current = self._selected()
        if current is not None and current.get("status") != "removed":
            action(self, current)
            self.reload()

    def _set_removed(self, removed: bool) -> None:
        current = self._selected()
        if current is None:
            return
        try:
            (self.kind.remove if removed else self.kind.restore)(current["id"])
        except ValidationFailed as failed:
            QMessageBox.warning(self, self.tr("Not done"),
                                "\n".join(describe(i) for i in failed.issues))
            return
        except VillagebookError as error:
            QMessageBox.warning(self, self.tr("Not done"), describe_error(error))
            return
        self.reload()
        self.changed.emit()
