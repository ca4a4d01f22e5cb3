"""The village household list: a table model over SQL pages (never the whole village)."""

from __future__ import annotations

import dataclasses
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from ..core import codes
from ..storage.book import Book
from ..storage.queries import LIST_COLUMNS, HouseholdQuery, household_count, household_page
from ..storage.search_index import matched_members
from . import i18n
from .jobs import LatestOnly

PAGE = 200
_CODE_LISTS = {"category": "household_category", "poverty_attr": "poverty_attr",
               "poverty_status": "poverty_status", "status": "record_status"}
ID_ROLE = Qt.ItemDataRole.UserRole + 1

Index = QModelIndex | QPersistentModelIndex


class HouseholdListModel(QAbstractTableModel):
    """Rows of ``households`` for a ``HouseholdQuery``, fetched a page at a time as the view
    scrolls; sorting and filtering are done by SQL (``storage.queries``). The count shown
    under the list is computed in the background (``count_changed``)."""

    count_changed = Signal(int)

    def __init__(self, book: Book, parent=None, show_village: bool = False) -> None:
        super().__init__(parent)
        self.book = book
        # a township's book: a last column names each household's village
        self.villages = dict(book.conn.execute("SELECT id, name FROM village")) \
            if show_village else None
        self.query = HouseholdQuery()
        self._rows: list[tuple] = []
        self._exhausted = False
        self._matched: dict[str, list[str]] = {}  # while searching: whom the words found
        self._counter = LatestOnly(self)
        self._counter.done.connect(self.count_changed.emit)
        self._fetch()

    # -- query ---------------------------------------------------------------
    def set_query(self, **changes: Any) -> None:
        """Change search words, filters or sort and show the first page again."""
        self.beginResetModel()
        self.query = dataclasses.replace(self.query, **changes)
        self._rows, self._exhausted, self._matched = [], False, {}
        self._fetch()
        self.endResetModel()

    def refresh(self) -> None:
        if self.villages is not None:  # villages may have arrived with a sync package
            self.villages = dict(self.book.conn.execute("SELECT id, name FROM village"))
        self.set_query()

    def total(self) -> int:
        """How many households match (on this thread: see ``request_count``)."""
        return household_count(self.book.conn, self.query)

    def request_count(self) -> None:
        """Count the matching households; ``count_changed`` follows. Filters and the whole
        list walk indexes (1 ms at 30,000 households): counted at once; a search can take
        tens of milliseconds: counted in the background."""
        query = self.query
        if not query.search.strip():
            self._counter.drop()  # a search's count still on its way is out of date
            self.count_changed.emit(household_count(self.book.conn, query))
            return
        self._counter.submit_reading(self.book.path, lambda conn: household_count(conn, query))

    def _fetch(self) -> list[tuple]:
        page = household_page(self.book.conn, self.query, len(self._rows), PAGE)
        self._exhausted = len(page) < PAGE
        self._rows.extend(page)
        self._note_matches(page)
        return page

    def _note_matches(self, page: list[tuple]) -> None:
        """While searching: which members of each household on the page the words found
        (shown beside the head's name when the match is someone else)."""
        if self.query.search.strip():
            self._matched.update(matched_members(self.book.conn, [r[0] for r in page],
                                                 self.query.search))

    def household_id(self, row: int) -> str | None:
        return self._rows[row][0] if 0 <= row < len(self._rows) else None

    def row_of(self, household_id: str) -> int:
        """The row of a household among the rows loaded so far, loading more pages if needed."""
        while True:
            for row, values in enumerate(self._rows):
                if values[0] == household_id:
                    return row
            if self._exhausted:
                return -1
            self.fetchMore(QModelIndex())

    # -- Qt model ------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(LIST_COLUMNS) + (self.villages is not None)

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:
        return not parent.isValid() and not self._exhausted

    def fetchMore(self, parent: Index = QModelIndex()) -> None:
        if parent.isValid() or self._exhausted:
            return
        start = len(self._rows)
        page = household_page(self.book.conn, self.query, start, PAGE)
        if not page:
            self._exhausted = True
            return
        self.beginInsertRows(QModelIndex(), start, start + len(page) - 1)
        self._rows.extend(page)
        self._note_matches(page)
        self._exhausted = len(page) < PAGE
        self.endInsertRows()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if index.column() == len(LIST_COLUMNS):  # the village column
            if role == Qt.ItemDataRole.DisplayRole:
                return (self.villages or {}).get(row[-1], "")
            return row[0] if role == ID_ROLE else None
        column = LIST_COLUMNS[index.column()]
        value = row[index.column() + 1]
        if role == Qt.ItemDataRole.DisplayRole:
            if column in _CODE_LISTS:
                return codes.label(_CODE_LISTS[column], value)
            if column == "head_name" and row[0] in self._matched:
                others = [n for n in self._matched[row[0]] if n != value]
                if others:  # found by another member: say whom
                    found = self.tr("found")
                    return f"{value or ''}（{found}：{'、'.join(others)}）"
            return "" if value is None else str(value)
        if role == ID_ROLE:
            return row[0]
        if role == Qt.ItemDataRole.TextAlignmentRole and column == "member_count":
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            if section == len(LIST_COLUMNS):
                return self.tr("Village")
            return i18n.field_label("household", LIST_COLUMNS[section])
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            return str(section + 1)
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if column >= len(LIST_COLUMNS):
            return  # the village column: filter by village instead
        name = LIST_COLUMNS[column]
        descending = order == Qt.SortOrder.DescendingOrder
        if name == "status" or (name, descending) == (self.query.sort, self.query.descending):
            return  # already so sorted: the view sorts once more when sorting is switched on
        self.set_query(sort=name, descending=descending)
