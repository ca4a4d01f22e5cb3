"""帮扶措施 of a household, and the village's list of measures with totals."""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import dataclass
from typing import Any

from ..core.errors import Issue
from ..core.measures import MICROCREDIT, check_measure, overdue
from . import records
from .book import Book
from .village import in_villages

TABLE, RECORD = "measures", "measure"


def _with_derived(book: Book, measures: list[dict[str, Any]],
                  today: dt.date | None = None) -> list[dict[str, Any]]:
    names = dict(book.conn.execute(
        f"SELECT id, name FROM members WHERE id IN ({','.join('?' * len(measures))})",
        [m["member_id"] for m in measures])) if measures else {}
    for m in measures:
        m["member_name"] = names.get(m["member_id"])
        m["overdue"] = int(overdue(m, today)) if m["measure_type"] == MICROCREDIT else None
    return measures


def list_measures(book: Book, household_id: str, include_removed: bool = False,
                  today: dt.date | None = None) -> list[dict[str, Any]]:
    """The household's measures, newest first, with the member's name and loan overdue."""
    return _with_derived(book, records.select(
        book, "SELECT * FROM measures WHERE household_id = ?", [household_id],
        include_removed=include_removed, order_by="start_date DESC"), today)


def _rules(book: Book, household_id: str):
    def check(values: dict[str, Any]) -> list[Issue]:
        member_ids = {r[0] for r in book.conn.execute(
            "SELECT id FROM members WHERE household_id = ?", [household_id])}
        return check_measure(values, member_ids)
    return check


def save_measure(book: Book, household_id: str, record_id: str | None, raw: dict[str, Any],
                 today: dt.date | None = None) -> str:
    """Add or change a measure of a household, with the measure rules (a loan's fields, its
    member); returns its id."""
    return records.save(book, TABLE, RECORD, household_id, record_id, raw,
                        extra=_rules(book, household_id), today=today)


def remove_measure(book: Book, record_id: str) -> None:
    """Mark a measure removed: it stays, restorable, and the change is logged."""
    records.set_removed(book, TABLE, RECORD, record_id, True)


def restore_measure(book: Book, record_id: str) -> None:
    """Bring a removed measure back (checked again; logged)."""
    records.set_removed(book, TABLE, RECORD, record_id, False)


@dataclass(frozen=True)
class MeasureFilter:
    """What the village list of measures shows."""

    measure_type: str | None = None
    year: int | None = None
    progress: str | None = None
    funding_source: str | None = None
    village_id: str | None = None  # a township's book: one village's measures
    township_code: str | None = None  # a county's book: one township's

    def where(self) -> tuple[str, list[Any]]:
        """The WHERE clause and its parameters for these filters."""
        village, params = in_villages("h.village_id", self.village_id, self.township_code)
        clauses = ["m.status = 'active'", "h.status = 'active'", village]
        for column in ("measure_type", "progress", "funding_source"):
            value = getattr(self, column)
            if value:
                clauses.append(f"m.{column} = ?")
                params.append(value)
        if self.year:
            # a measure counts in every year its period touches (a loan runs to its due date)
            clauses.append("m.start_date <= ?"
                           " AND coalesce(m.end_date, m.due_date, m.start_date) >= ?")
            params += [f"{self.year}-12-31", f"{self.year}-01-01"]
        return " WHERE " + " AND ".join(clauses), params


_FROM = " FROM measures m JOIN households h ON h.id = m.household_id"


def village_measures(book: Book, where: MeasureFilter, today: dt.date | None = None,
                     limit: int = 5000, offset: int = 0) -> list[dict[str, Any]]:
    """The measures that match (at most ``limit``, from ``offset``), with their household's
    number and head, newest first. Totals over all of them: ``measure_totals``."""
    sql, params = where.where()
    rows = records.rows(book, "SELECT m.*, h.number AS household_number,"
                              " h.head_name AS head_name, (SELECT name FROM village"
                              " WHERE id = h.village_id) AS village_name" + _FROM + sql +
                              # start date, then the row: an index walk, not a sort
                              " ORDER BY m.start_date DESC, m.rowid DESC LIMIT ? OFFSET ?",
                              [*params, limit, offset])
    return _with_derived(book, rows, today)


def measure_years(book: Book) -> list[int]:
    """The years in which measures started, newest first, for the year filter."""
    return [int(r[0]) for r in book.conn.execute(
        "SELECT DISTINCT substr(start_date, 1, 4) FROM measures WHERE status = 'active'"
        " ORDER BY 1 DESC")]


def measure_totals(conn: sqlite3.Connection, where: MeasureFilter
                   ) -> dict[str, list[tuple[str, int, int]]]:
    """Count and amount (fen) by type and by funding source, for the same filter (about a
    second at township size: the window runs it in the background on its own connection)."""
    sql, params = where.where()
    out = {}
    for column in ("measure_type", "funding_source"):
        out[column] = [tuple(r) for r in conn.execute(
            f"SELECT coalesce(m.{column}, ''), count(*), coalesce(sum(m.amount), 0)" + _FROM
            + sql + f" GROUP BY m.{column} ORDER BY m.{column}", params)]
    return out
