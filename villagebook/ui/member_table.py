"""The member table of the household window: a small editable model, code-list delegates,
and keyboard entry (Enter moves on; Enter in the last cell adds a member)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QKeyEvent
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate, QTableView, QWidget

from ..core import codes, idnumber
from ..core.errors import Issue
from ..core.field_specs import MEMBER, FieldSpec, fields
from . import i18n
from .code_widgets import YES_NO, combo_value, set_combo_value, settle, setup_code_combo
from .messages import describe

Index = QModelIndex | QPersistentModelIndex
COLUMNS: tuple[FieldSpec, ...] = fields(MEMBER)
STATE_COLUMN = len(COLUMNS)  # the last column shows 正常 / 已减少（…）
ERROR_BRUSH = QBrush(QColor("#f8d0d0"))
WARNING_BRUSH = QBrush(QColor("#fbeec4"))
LEFT_BRUSH = QBrush(QColor("#777777"))


def code_list_of(spec: FieldSpec) -> str | None:
    if spec.kind == "code":
        return spec.codes
    if spec.kind == "bool":
        return YES_NO
    return None


def display(spec: FieldSpec, value: Any) -> str:
    if value is None or value == "":
        return ""
    list_name = code_list_of(spec)
    if list_name:
        return codes.label(list_name, str(value))
    return str(value)


class MemberTableModel(QAbstractTableModel):
    """All members of one household (those who left too); ``show_left`` hides or shows the
    latter. Values are kept as stored (codes, ISO dates) or as typed until validated."""

    edited = Signal()

    def __init__(self, members: list[dict[str, Any]], parent=None) -> None:
        super().__init__(parent)
        self.members = [dict(m) for m in members]
        self.show_left = False
        self._visible = self._compute_visible()
        self.issues: dict[tuple[int, str], Issue] = {}

    def _compute_visible(self) -> list[int]:
        return [i for i, m in enumerate(self.members)
                if self.show_left or m.get("status", "active") == "active"]

    def set_show_left(self, show: bool) -> None:
        self.beginResetModel()
        self.show_left = show
        self._visible = self._compute_visible()
        self.endResetModel()

    def member_index(self, row: int) -> int:
        """Position in ``members`` of a visible row."""
        return self._visible[row]

    def visible_row(self, member_index: int) -> int:
        return self._visible.index(member_index) if member_index in self._visible else -1

    def add_member(self) -> int:
        """Append an empty member; returns its visible row."""
        row = len(self._visible)
        self.beginInsertRows(QModelIndex(), row, row)
        self.members.append({"status": "active"})
        self._visible = self._compute_visible()
        self.endInsertRows()
        self.edited.emit()
        return row

    def update_member(self, member_index: int, **values: Any) -> None:
        """Change a member outside the table (leaving, restoring) and refresh the view."""
        self.beginResetModel()
        self.members[member_index].update(values)
        self._visible = self._compute_visible()
        self.endResetModel()
        self.edited.emit()

    def set_issues(self, issues: list[Issue]) -> None:
        self.issues = {}
        for issue in issues:
            if issue.row is not None:
                key = (issue.row, issue.field)
                if key not in self.issues or issue.is_error:
                    self.issues[key] = issue
        if self._visible:
            # only the looks change: an open editor keeps what is being typed
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(len(self._visible) - 1, STATE_COLUMN),
                                  [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole,
                                   Qt.ItemDataRole.BackgroundRole])

    # -- Qt model ------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._visible)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS) + 1

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        member = self.members[self.member_index(index.row())]
        if index.column() < STATE_COLUMN and member.get("status", "active") == "active":
            base |= Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        position = self.member_index(index.row())
        member = self.members[position]
        if index.column() == STATE_COLUMN:
            if role == Qt.ItemDataRole.DisplayRole:
                if member.get("status") == "left":
                    return f"{codes.label('record_status', 'left')}（" \
                           f"{codes.label('member_left_reason', member.get('left_reason'))} " \
                           f"{member.get('left_date') or ''}）"
                return codes.label("record_status", "active")
            return None
        spec = COLUMNS[index.column()]
        value = member.get(spec.name)
        issue = self.issues.get((position, spec.name))
        if role == Qt.ItemDataRole.DisplayRole:
            text = display(spec, value)
            if issue:  # a mark in the text too: colour is never the only signal
                return ("✖ " if issue.is_error else "⚠ ") + text
            return text
        if role == Qt.ItemDataRole.EditRole:
            return "" if value is None else value
        if role == Qt.ItemDataRole.ToolTipRole and issue:
            return describe(issue, with_subject=False)
        if role == Qt.ItemDataRole.BackgroundRole and issue:
            return ERROR_BRUSH if issue.is_error else WARNING_BRUSH
        if role == Qt.ItemDataRole.ForegroundRole and member.get("status") == "left":
            return LEFT_BRUSH
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or index.column() >= STATE_COLUMN:
            return False
        spec = COLUMNS[index.column()]
        member = self.members[self.member_index(index.row())]
        if isinstance(value, str):
            value = value.strip() or None
        if member.get(spec.name) == value:
            return False
        member[spec.name] = value
        self.dataChanged.emit(index, index)
        if spec.name == "name":  # the row's header shows it
            self.headerDataChanged.emit(Qt.Orientation.Vertical, index.row(), index.row())
        if spec.name == "id_number":
            self._fill_from_id(index.row(), member)
        self.edited.emit()
        return True

    def _fill_from_id(self, row: int, member: dict[str, Any]) -> None:
        """A valid ID number says the sex and birth date: fill them in where still empty."""
        parsed, _ = idnumber.parse(str(member.get("id_number") or ""))
        if parsed is None:
            return
        for name, value in (("sex", parsed.sex), ("birth_date", parsed.birth_date.isoformat())):
            if not member.get(name):
                member[name] = value
                column = [s.name for s in COLUMNS].index(name)
                self.dataChanged.emit(self.index(row, column), self.index(row, column))

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            # the member's name beside the number: it stays in sight while the row's
            # right-hand columns are filled (the row header does not scroll sideways)
            name = self.members[self.member_index(section)].get("name") \
                if section < self.rowCount() else ""
            return f"{section + 1} {name or ''}".strip()
        if section == STATE_COLUMN:
            return i18n.field_label("member", "status")
        return i18n.field_label("member", COLUMNS[section].name)


_LOADED = "villagebookLoaded"  # editor property: the cell's value was put in once


class CodeDelegate(QStyledItemDelegate):
    """Code-list and yes/no cells are edited with a typing combo box.

    An editor gets the cell's value once, when it opens: Qt calls ``setEditorData`` again
    whenever the model reports a change over a range of cells (the checks that run while
    a person types do), and that would wipe what was typed meanwhile. Up and Down leave
    the editor and move to the next row, as in a spreadsheet; they never step a closed
    code list to its neighbouring value.
    """

    def createEditor(self, parent: QWidget, option, index: Index) -> QWidget:
        if index.column() < STATE_COLUMN:
            list_name = code_list_of(COLUMNS[index.column()])
            if list_name:
                combo = QComboBox(parent)
                setup_code_combo(combo, list_name)
                return combo
        return super().createEditor(parent, option, index)

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        if editor.property(_LOADED):
            return
        editor.setProperty(_LOADED, True)
        if isinstance(editor, QComboBox):
            set_combo_value(editor, index.data(Qt.ItemDataRole.EditRole))
            # the first key typed replaces the value, as in a spreadsheet
            line = editor.lineEdit()
            if line is not None:
                line.selectAll()
        else:
            super().setEditorData(editor, index)

    def eventFilter(self, editor: QObject, event: QEvent) -> bool:
        if isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress and \
                isinstance(editor, QWidget) and \
                event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down) and \
                event.modifiers() == Qt.KeyboardModifier.NoModifier and \
                not _list_open(editor):
            view = self.parent()
            if isinstance(view, QTableView):
                current = view.currentIndex()
                self.commitData.emit(editor)
                self.closeEditor.emit(editor, QStyledItemDelegate.EndEditHint.NoHint)
                step = 1 if event.key() == Qt.Key.Key_Down else -1
                target = current.siblingAtRow(current.row() + step)
                if target.isValid():
                    view.setCurrentIndex(target)
                return True
        return super().eventFilter(editor, event)

    def setModelData(self, editor: QWidget, model, index: Index) -> None:
        if isinstance(editor, QComboBox):
            settle(editor)
            model.setData(index, combo_value(editor))
        else:
            super().setModelData(editor, model, index)


def _list_open(editor: QWidget) -> bool:
    """Is a drop-down of the editor showing (where Up and Down choose an entry)?"""
    if not isinstance(editor, QComboBox):
        return False
    completer = editor.completer()
    popup = completer.popup() if completer else None
    view = editor.view()
    return bool(view and view.isVisible()) or bool(popup and popup.isVisible())


class MemberTableView(QTableView):
    """Enter moves to the next cell like a paper form; Enter in the last cell adds a member."""

    member_added = Signal(int)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and \
                self.state() != QTableView.State.EditingState:
            model = self.model()
            current = self.currentIndex()
            if current.isValid() and isinstance(model, MemberTableModel):
                last_row = current.row() == model.rowCount() - 1
                last_column = current.column() >= STATE_COLUMN - 1
                if last_row and last_column:
                    row = model.add_member()
                    self.setCurrentIndex(model.index(row, 0))
                    self.edit(model.index(row, 0))
                    self.member_added.emit(row)
                    return
                column = current.column() + 1
                row = current.row()
                if column >= STATE_COLUMN:
                    row, column = row + 1, 0
                self.setCurrentIndex(model.index(row, column))
                return
        super().keyPressEvent(event)
