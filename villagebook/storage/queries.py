"""The village household list: filtering, searching and sorting done in SQL, one page at a time.

The list never loads the whole village: the window asks for pages as it scrolls. Every
sortable column has an index ``(column, number)`` so a sorted first page is an index walk.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from typing import Any

from ..core.search_keys import group_sort_key
from .search_index import word_clause
from .village import in_villages

LIST_COLUMNS = ("number", "head_name", "group_name", "member_count", "category",
                "poverty_attr", "poverty_status", "phone", "status")
SORTABLE = frozenset(LIST_COLUMNS) - {"status"}
# names sort by pinyin and 组 by their numbers, through keys stored beside them (indexed)
SORT_KEYS = {"head_name": "head_sort", "group_name": "group_sort"}


@dataclass(frozen=True)
class HouseholdQuery:
    """What the list shows: search words, filters, and the sort order."""

    search: str = ""
    category: str | None = None
    poverty_status: str | None = None
    group_name: str | None = None
    village_id: str | None = None  # in a township's book, one village's households
    township_code: str | None = None  # in a county's book, one township's
    include_closed: bool = False
    sort: str = "number"
    descending: bool = False

    def where(self, conn: sqlite3.Connection) -> tuple[str, list[Any]]:
        """The WHERE clause and its parameters for this search and these filters."""
        clauses: list[str] = []
        params: list[Any] = []
        if not self.include_closed:
            clauses.append("status = 'active'")
        for column in ("category", "poverty_status", "group_name"):
            value = getattr(self, column)
            if value:
                clauses.append(f"{column} = ?")
                params.append(value)
        if self.village_id or self.township_code:
            village, village_params = in_villages("village_id", self.village_id,
                                                  self.township_code)
            clauses.append(village)
            params.extend(village_params)
        for word in self.search.split():
            clause, word_params = word_clause(conn, word)
            clauses.append(clause)
            params.extend(word_params)
        return (" WHERE " + " AND ".join(clauses)) if clauses else "", params

    def order_by(self) -> str:
        """The ORDER BY clause for the chosen column (ties broken by 户编号)."""
        if self.sort not in SORTABLE:
            raise ValueError(f"cannot sort by {self.sort}")
        direction = "DESC" if self.descending else "ASC"
        if self.sort == "number":
            return f" ORDER BY number {direction}"
        column = SORT_KEYS.get(self.sort, self.sort)
        return f" ORDER BY {column} {direction}, number {direction}"


def household_page(conn: sqlite3.Connection, query: HouseholdQuery, offset: int,
                   limit: int) -> list[tuple]:
    """Rows ``(id, *LIST_COLUMNS, village_id)`` of one page of the list."""
    where, params = query.where(conn)
    sql = (f"SELECT id, {', '.join(LIST_COLUMNS)}, village_id FROM households{where}"
           f"{query.order_by()} LIMIT ? OFFSET ?")
    return conn.execute(sql, [*params, limit, offset]).fetchall()


def household_count(conn: sqlite3.Connection, query: HouseholdQuery) -> int:
    """How many households the query matches (slow at township size: run it off the GUI
    thread with its own connection, see ``ui/jobs.py``)."""
    where, params = query.where(conn)
    return conn.execute(f"SELECT count(*) FROM households{where}", params).fetchone()[0]


def group_names(conn: sqlite3.Connection) -> list[str]:
    """The 组 in use, for the filter."""
    # the 组 index alone answers (a township has tens of thousands of households and a
    # few dozen 组); they are then put in their numbers' order as the list sorts them
    names = [r[0] for r in conn.execute(
        "SELECT DISTINCT group_name FROM households WHERE group_name IS NOT NULL")]
    return sorted(names, key=lambda name: group_sort_key(name) or "")


def active_household_ids(conn: sqlite3.Connection) -> list[str]:
    """Every household still in the book's active list, in 户编号 order (for printing)."""
    return [r[0] for r in conn.execute(
        "SELECT id FROM households WHERE status = 'active' ORDER BY number")]
