"""问题排查整改台账: problems of the village (optionally about one household), their
deadlines and closing; overdue ones are listed."""

from __future__ import annotations

import datetime as dt
from typing import Any

from ..core.errors import Issue, ValidationFailed
from ..core.field_specs import fields
from ..core.today import current_date
from ..core.validation import clean_fields
from . import records
from .book import Book
from .village import in_villages

DONE = "03"  # progress 已整改


def overdue(problem: dict[str, Any], today: dt.date | None = None) -> bool:
    """Whether a problem is past its deadline and not rectified."""
    today = today or current_date()
    return bool(problem.get("deadline") and problem.get("progress") != DONE
                and problem["deadline"] < today.isoformat())


def list_problems(book: Book, include_removed: bool = False, only_overdue: bool = False,
                  today: dt.date | None = None, village_id: str | None = None,
                  township_code: str | None = None) -> list[dict[str, Any]]:
    """Problems, open ones first by deadline, each with its household, village and overdue
    flag (one village's in a township's book, with ``village_id``; one township's in a
    county's, with ``township_code``)."""
    where, params = in_villages("p.village_id", village_id, township_code)
    rows = records.select(book, "SELECT p.*, h.number AS household_number, h.head_name,"
                                " (SELECT name FROM village WHERE id = p.village_id)"
                                " AS village_name FROM problems p LEFT JOIN households h"
                                " ON h.id = p.household_id WHERE " + where, params,
                          include_removed=include_removed, alias="p",
                          order_by=f"p.progress = '{DONE}', coalesce(p.deadline, '9999'),"
                                   " p.found_date")
    for row in rows:
        row["overdue"] = int(overdue(row, today))
    return [r for r in rows if r["overdue"]] if only_overdue else rows


def save_problem(book: Book, record_id: str | None, raw: dict[str, Any],
                 today: dt.date | None = None, village_id: str | None = None) -> str:
    """Record or update a problem; the household is given by its 户编号 (looked up in
    ``village_id`` when given: a township's book). A new problem belongs to its household's
    village, else to ``village_id``, else to the book's own."""
    today = today or current_date()
    values, issues = clean_fields("problem", {s.name: raw.get(s.name)
                                              for s in fields("problem")}, today)
    household_id = None
    number = values.pop("household_number", None)
    if number:
        row = book.conn.execute("SELECT id, village_id FROM households WHERE number = ?"
                                " AND (? IS NULL OR village_id = ?)",
                                [number, village_id, village_id]).fetchone()
        if row is None:
            issues.append(Issue("household.unknown", "household_number", {"number": number}))
        else:
            household_id, village_id = row
    if not issues:
        issues += _rules(values)
    if issues:
        raise ValidationFailed(issues)
    row = {**values, "household_id": household_id}
    with book.action("problem.create" if record_id is None else "problem.save") as writer:
        if record_id is None:
            return writer.insert("problems", {**row, "status": "active",
                                              "village_id": village_id}, household_id)
        writer.update("problems", record_id, row, household_id)
        return record_id


def _rules(values: dict[str, Any]) -> list[Issue]:
    issues = []
    found = values["found_date"]
    for name in ("deadline", "closed_date"):
        if values.get(name) and values[name] < found:
            issues.append(Issue("date.before_start", name, {"start": found}))
    if values.get("progress") == DONE and not values.get("closed_date"):
        issues.append(Issue("field.required", "closed_date"))
    if values.get("closed_date") and values.get("progress") != DONE:
        issues.append(Issue("problem.closed_not_done", "closed_date"))
    return issues


def remove_problem(book: Book, record_id: str) -> None:
    """Mark a problem removed: it stays, restorable, and the change is logged."""
    records.set_removed(book, "problems", "problem", record_id, True)


def restore_problem(book: Book, record_id: str) -> None:
    """Bring a removed problem back (checked again; logged)."""
    records.set_removed(book, "problems", "problem", record_id, False)
