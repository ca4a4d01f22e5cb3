"""变更记录: the change history of one household, newest first."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from ..core import codes, field_specs
from ..core.messages import QT_TRANSLATE_NOOP
from ..storage.book import Book
from ..storage.changelog import history
from ..storage.kinds import KINDS
from . import i18n
from .member_table import code_list_of

Index = QModelIndex | QPersistentModelIndex
HEADERS = (QT_TRANSLATE_NOOP("History", "Time"), QT_TRANSLATE_NOOP("History", "By"),
           QT_TRANSLATE_NOOP("History", "Action"), QT_TRANSLATE_NOOP("History", "Record"),
           QT_TRANSLATE_NOOP("History", "Field"), QT_TRANSLATE_NOOP("History", "Old value"),
           QT_TRANSLATE_NOOP("History", "New value"))
# table → (record kind of its fields, what the history calls such a record)
# each kind's record (whose field labels name its changes) and noun, from the registry
TABLES = {k.table: (k.record or k.labels or field_specs.HOUSEHOLD, k.noun) for k in KINDS}
ACTIONS = {
    "household.create": QT_TRANSLATE_NOOP("History", "New household"),
    "household.save": QT_TRANSLATE_NOOP("History", "Edited"),
    "household.close": QT_TRANSLATE_NOOP("History", "Household closed"),
    "household.reopen": QT_TRANSLATE_NOOP("History", "Household reopened"),
    "household.bulk_create": QT_TRANSLATE_NOOP("History", "Imported"),
    "member.leave": QT_TRANSLATE_NOOP("History", "Member left"),
    "member.restore": QT_TRANSLATE_NOOP("History", "Member restored"),
    "income.create": QT_TRANSLATE_NOOP("History", "Income added"),
    "income.save": QT_TRANSLATE_NOOP("History", "Income changed"),
    "income.remove": QT_TRANSLATE_NOOP("History", "Income removed"),
    "income.restore": QT_TRANSLATE_NOOP("History", "Income restored"),
    "check.create": QT_TRANSLATE_NOOP("History", "Check recorded"),
    "check.save": QT_TRANSLATE_NOOP("History", "Check corrected"),
    "check.remove": QT_TRANSLATE_NOOP("History", "Check removed"),
    "check.restore": QT_TRANSLATE_NOOP("History", "Check restored"),
    "monitoring.create": QT_TRANSLATE_NOOP("History", "Monitoring event recorded"),
    "monitoring.save": QT_TRANSLATE_NOOP("History", "Monitoring event corrected"),
    "monitoring.remove": QT_TRANSLATE_NOOP("History", "Monitoring event removed"),
    "monitoring.restore": QT_TRANSLATE_NOOP("History", "Monitoring event restored"),
    "measure.create": QT_TRANSLATE_NOOP("History", "Measure added"),
    "measure.save": QT_TRANSLATE_NOOP("History", "Measure changed"),
    "measure.remove": QT_TRANSLATE_NOOP("History", "Measure removed"),
    "measure.restore": QT_TRANSLATE_NOOP("History", "Measure restored"),
    "pairing.create": QT_TRANSLATE_NOOP("History", "Helper paired"),
    "pairing.save": QT_TRANSLATE_NOOP("History", "Pairing changed"),
    "pairing.remove": QT_TRANSLATE_NOOP("History", "Pairing removed"),
    "pairing.restore": QT_TRANSLATE_NOOP("History", "Pairing restored"),
    "visit.create": QT_TRANSLATE_NOOP("History", "Visit recorded"),
    "visit.save": QT_TRANSLATE_NOOP("History", "Visit corrected"),
    "visit.remove": QT_TRANSLATE_NOOP("History", "Visit removed"),
    "visit.restore": QT_TRANSLATE_NOOP("History", "Visit restored"),
    "photo.create": QT_TRANSLATE_NOOP("History", "Photo added"),
    "photo.remove": QT_TRANSLATE_NOOP("History", "Photo removed"),
    "problem.create": QT_TRANSLATE_NOOP("History", "Problem recorded"),
    "problem.save": QT_TRANSLATE_NOOP("History", "Problem updated"),
    "problem.remove": QT_TRANSLATE_NOOP("History", "Problem removed"),
    "problem.restore": QT_TRANSLATE_NOOP("History", "Problem restored"),
    "demo.create": QT_TRANSLATE_NOOP("History", "Demo data"),
}


def tr(text: str) -> str:
    return QCoreApplication.translate("History", text)


def format_value(record: str, field: str | None, value: Any) -> str:
    """A logged value as a person reads it: code labels, 是/否, yuan."""
    if value is None:
        return ""
    if field is None:
        return QCoreApplication.translate("History", "(created)")
    try:
        spec = field_specs.field(record, field)
    except KeyError:
        return str(value)
    list_name = code_list_of(spec)
    if list_name:
        return codes.label(list_name, str(value))
    if spec.kind == "codes":
        return "、".join(codes.label(spec.codes or "", c) for c in str(value).split(","))
    if spec.kind == "money":
        return field_specs.format_money(int(value))
    return str(value)


def _action_label(change: dict[str, Any]) -> str:
    """What the person did, as the history names it: a member added while the household
    was edited says so, not only that the household was edited (untranslated)."""
    if change["action"] == "household.save" and change["op"] == "create" and \
            change["table_name"] == "members":
        return MEMBER_ADDED
    return ACTIONS.get(change["action"], change["action"])


MEMBER_ADDED = QT_TRANSLATE_NOOP("History", "Member added")


class HistoryModel(QAbstractTableModel):
    def __init__(self, book: Book, parent=None) -> None:
        super().__init__(parent)
        self.book = book
        self._rows: list[tuple[str, ...]] = []

    def load(self, household_id: str | None, member_names: dict[str, str]) -> None:
        self.beginResetModel()
        self._rows = []
        for change in history(self.book, household_id) if household_id else []:
            record, noun = TABLES.get(change["table_name"], (field_specs.HOUSEHOLD, ""))
            subject = member_names.get(change["record_id"], "") if record == field_specs.MEMBER \
                else tr(noun)
            field = change["field"]
            field_label = field_specs.label(record, field, i18n.language()) if field else ""
            self._rows.append((
                change["at"].replace("T", " ")[:19], change["operator"],
                tr(_action_label(change)), subject, field_label,
                format_value(record, field, change["old_value"]),
                format_value(record, field, change["new_value"]) if field else
                QCoreApplication.translate("History", "(created)"),
            ))
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(HEADERS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if index.isValid() and role == Qt.ItemDataRole.DisplayRole:
            return self._rows[index.row()][index.column()]
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return tr(HEADERS[section])
        return None
