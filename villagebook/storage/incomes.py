"""收支: one income record a household a year, with its derived totals."""

from __future__ import annotations

import datetime as dt
from typing import Any

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


def save_income(book: Book, household_id: str, record_id: str | None, raw: dict[str, Any],
                today: dt.date | None = None) -> str:
    """Add or change one year's income (amounts typed in 元, stored in fen)."""
    return records.save(book, TABLE, RECORD, household_id, record_id, raw, today=today)


def remove_income(book: Book, record_id: str) -> None:
    """Mark a income year removed: it stays, restorable, and the change is logged."""
    records.set_removed(book, TABLE, RECORD, record_id, True)


def restore_income(book: Book, record_id: str) -> None:
    """Bring a removed income year back (checked again; logged)."""
    records.set_removed(book, TABLE, RECORD, record_id, False)
