"""帮扶责任人 (the village's roster) and their pairings with households over time."""

from __future__ import annotations

import datetime as dt
from typing import Any

from ..core.errors import Issue
from ..core.today import current_date
from . import records
from .book import Book
from .book_settings import int_setting


def list_helpers(book: Book, include_removed: bool = False, year: int | None = None
                 ) -> list[dict[str, Any]]:
    """The roster with, for each helper, households paired now and visits this year
    against the number required: a book setting (4 by default, seed 002) for each paired
    household."""
    year = year or current_date().year
    today = current_date().isoformat()
    required = int_setting(book, "visits.required_per_year")
    # counted per helper through the (helper_id, …) indexes: a seek each, where one
    # GROUP BY over every visit of the township took 0.8 s
    helpers = records.select(
        book, "SELECT h.*,"
              " (SELECT count(*) FROM pairings p WHERE p.helper_id = h.id"
              "  AND p.status = 'active' AND p.start_date <= ?"
              "  AND (p.end_date IS NULL OR p.end_date >= ?)) AS paired,"
              " (SELECT count(*) FROM visits v WHERE v.helper_id = h.id"
              "  AND v.status = 'active' AND v.visit_date BETWEEN ? AND ?) AS visited"
              " FROM helpers h WHERE 1", [today, today, f"{year}-01-01", f"{year}-12-31"],
        include_removed=include_removed, order_by="h.name", alias="h")
    for helper in helpers:
        households = helper.pop("paired")
        helper.update(households=households, visits_this_year=helper.pop("visited"),
                      required=required * households)
        helper["short"] = int(helper["visits_this_year"] < helper["required"])
    return helpers


def helper_choices(book: Book) -> list[tuple[str, str]]:
    """(id, "name（unit）") of the current helpers, for choosing one."""
    return [(h["id"], f"{h['name']}（{h['unit']}）") for h in list_helpers(book)]


def save_helper(book: Book, record_id: str | None, raw: dict[str, Any]) -> str:
    """Add or change a helper (帮扶责任人) of the village; returns its id."""
    return records.save(book, "helpers", "helper", None, record_id, raw)


def remove_helper(book: Book, record_id: str) -> None:
    """Mark a helper removed: it stays, restorable, and the change is logged."""
    records.set_removed(book, "helpers", "helper", record_id, True)


def restore_helper(book: Book, record_id: str) -> None:
    """Bring a removed helper back (checked again; logged)."""
    records.set_removed(book, "helpers", "helper", record_id, False)


def list_pairings(book: Book, household_id: str, include_removed: bool = False
                  ) -> list[dict[str, Any]]:
    """The household's helpers over time, newest first."""
    return records.select(book, "SELECT p.*, h.name AS helper_name, h.unit AS helper_unit,"
                                " h.phone AS helper_phone FROM pairings p"
                                " JOIN helpers h ON h.id = p.helper_id WHERE p.household_id = ?",
                          [household_id], include_removed=include_removed,
                          order_by="p.start_date DESC", alias="p")


def current_helpers(book: Book, household_id: str) -> list[dict[str, Any]]:
    """The helpers paired with a household now, with their unit and phone."""
    today = current_date().isoformat()
    return [p for p in list_pairings(book, household_id)
            if p["start_date"] <= today and (p["end_date"] is None or p["end_date"] >= today)]


def _pairing_rules(book: Book):
    def check(values: dict[str, Any]) -> list[Issue]:
        issues = []
        if values.get("end_date") and values["end_date"] < values["start_date"]:
            issues.append(Issue("date.before_start", "end_date", {"start": values["start_date"]}))
        known = book.conn.execute("SELECT 1 FROM helpers WHERE id = ? AND status = 'active'",
                                  [values.get("helper_id")]).fetchone()
        if not known:
            issues.append(Issue("helper.unknown", "helper_id"))
        return issues
    return check


def save_pairing(book: Book, household_id: str, record_id: str | None, raw: dict[str, Any],
                 today: dt.date | None = None) -> str:
    """Pair a household with a helper (or change the pairing); returns its id."""
    return records.save(book, "pairings", "pairing", household_id, record_id, raw,
                        extra=_pairing_rules(book), today=today)


def remove_pairing(book: Book, record_id: str) -> None:
    """Mark a pairing removed: it stays, restorable, and the change is logged."""
    records.set_removed(book, "pairings", "pairing", record_id, True)


def restore_pairing(book: Book, record_id: str) -> None:
    """Bring a removed pairing back (checked again; logged)."""
    records.set_removed(book, "pairings", "pairing", record_id, False)
