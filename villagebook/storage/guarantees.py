"""两不愁三保障 and safe water: dated checks, each kept; the newest is the current state."""

from __future__ import annotations

import datetime as dt
from typing import Any

from . import records
from .book import Book

TABLE, RECORD = "checks", "check"
ANSWERS = ("food", "clothing", "education", "medical", "housing", "water")


def list_checks(book: Book, household_id: str, include_removed: bool = False
                ) -> list[dict[str, Any]]:
    """The household's checks, newest first."""
    return records.select(book, "SELECT * FROM checks WHERE household_id = ?", [household_id],
                          include_removed=include_removed,
                          order_by="check_date DESC, created_at DESC")


def current_check(book: Book, household_id: str) -> dict[str, Any] | None:
    """The household's newest active 三保障 check, or None."""
    checks = list_checks(book, household_id)
    return checks[0] if checks else None


def save_check(book: Book, household_id: str, record_id: str | None, raw: dict[str, Any],
               today: dt.date | None = None) -> str:
    """Record (or correct) a check: every answer explicit, dated, with who checked."""
    return records.save(book, TABLE, RECORD, household_id, record_id, raw, today=today)


def remove_check(book: Book, record_id: str) -> None:
    """Mark a 三保障 check removed: it stays, restorable, and the change is logged."""
    records.set_removed(book, TABLE, RECORD, record_id, True)


def restore_check(book: Book, record_id: str) -> None:
    """Bring a removed 三保障 check back (checked again; logged)."""
    records.set_removed(book, TABLE, RECORD, record_id, False)
