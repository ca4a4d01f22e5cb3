"""收支: one income record a household a year, with its derived totals."""

from __future__ import annotations

import datetime as dt
from typing import Any

from ..core.errors import Issue
from ..core.income import people_in_year, summarize
from . import records
from .book import Book
from .book_settings import monitoring_line

TABLE, RECORD = "incomes", "income"


def list_incomes(book: Book, household_id: str, include_removed: bool = False
                 ) -> list[dict[str, Any]]:
    """The household's income years, newest first, each with its totals and flag."""
    incomes = records.select(book, "SELECT * FROM incomes WHERE household_id = ?",
                             [household_id], include_removed=include_removed,
                             order_by="year DESC")
    members = records.rows(book, "SELECT birth_date, status, left_date FROM members"
                                 " WHERE household_id = ?", [household_id])
    for income in incomes:
        income.update(summarize(income, people_in_year(members, income["year"]),
                                monitoring_line(book, income["year"])))
    return incomes


def _year_is_free(book: Book, household_id: str, record_id: str | None):
    def check(values: dict[str, Any]) -> list[Issue]:
        taken = book.conn.execute(
            "SELECT 1 FROM incomes WHERE household_id = ? AND year = ? AND status = 'active'"
            " AND id IS NOT ?", [household_id, values.get("year"), record_id]).fetchone()
        return [Issue("income.year_taken", "year", {"year": values.get("year")})] if taken else []
    return check


def save_income(book: Book, household_id: str, record_id: str | None, raw: dict[str, Any],
                today: dt.date | None = None) -> str:
    """Add or change one year's income (amounts typed in 元, stored in fen)."""
    return records.save(book, TABLE, RECORD, household_id, record_id, raw,
                        extra=_year_is_free(book, household_id, record_id), today=today)


def remove_income(book: Book, record_id: str) -> None:
    records.set_removed(book, TABLE, RECORD, record_id, True)


def restore_income(book: Book, record_id: str) -> None:
    current = records.get(book, TABLE, record_id)
    records.set_removed(book, TABLE, RECORD, record_id, False,
                        _year_is_free(book, current["household_id"], record_id))
