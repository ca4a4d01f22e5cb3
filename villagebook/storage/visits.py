"""走访记录: visits to a household, and the village lists that follow from them —
households not visited for too long, and follow-ups that are due."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from typing import Any, TypedDict

from ..core.errors import Issue
from ..core.today import current_date
from . import records
from .book import Book
from .book_settings import int_setting
from .changelog import ChangeWriter
from .village import in_villages

HELPER_ROLE = "01"  # visitor_role 帮扶责任人
# households that must be visited: 脱贫户 and 监测户
VISITED_CATEGORIES = ("01", "02")


def _visitor(visit: dict[str, Any]) -> str:
    return visit.get("helper_name") or visit.get("visitor_name") or ""


def list_visits(book: Book, household_id: str, include_removed: bool = False
                ) -> list[dict[str, Any]]:
    """The household's visits, newest first, each with who visited."""
    visits = records.select(book, "SELECT v.*, h.name AS helper_name FROM visits v"
                                  " LEFT JOIN helpers h ON h.id = v.helper_id"
                                  " WHERE v.household_id = ?", [household_id],
                            include_removed=include_removed,
                            order_by="v.visit_date DESC, v.created_at DESC", alias="v")
    for visit in visits:
        visit["visitor"] = _visitor(visit)
    return visits


def _visit_rules(book: Book):
    def check(values: dict[str, Any]) -> list[Issue]:
        issues = []
        if not values.get("helper_id") and not values.get("visitor_name"):
            issues.append(Issue("visit.who", "visitor_name"))
        if values.get("visitor_role") == HELPER_ROLE and not values.get("helper_id"):
            issues.append(Issue("field.required", "helper_id"))
        follow = values.get("follow_up_date")
        if follow and follow < values["visit_date"]:
            issues.append(Issue("date.before_start", "follow_up_date",
                                {"start": values["visit_date"]}))
        return issues
    return check


def _follow_last_visit(writer: ChangeWriter, visit_id: str) -> None:
    """Keep the household's derived ``last_visit`` in step, in the visit's transaction
    (derived data: not logged, recomputed the same way wherever visits arrive)."""
    conn = writer.book.conn
    household_id = conn.execute("SELECT household_id FROM visits WHERE id = ?",
                                [visit_id]).fetchone()[0]
    writer.update("households", household_id, latest_visit(conn, household_id), household_id)


class VisitColumns(TypedDict):
    """The household columns that follow from its visits."""

    last_visit: str | None
    next_follow_up: str | None


def latest_visit(conn: sqlite3.Connection, household_id: str) -> VisitColumns:
    """The derived columns of a household from its visits: the newest visit's date and
    the follow-up date agreed then (``next_follow_up``)."""
    return latest_visits(conn, [household_id])[household_id]


def latest_visits(conn: sqlite3.Connection, household_ids: list[str]
                  ) -> dict[str, VisitColumns]:
    """``latest_visit`` of many households in one query (a sync package's refresh)."""
    found = {household_id: VisitColumns(last_visit=None, next_follow_up=None)
             for household_id in household_ids}
    for household_id, last, follow in conn.execute(
            "WITH last AS (SELECT household_id, max(visit_date) AS visit_date FROM visits"
            " WHERE household_id IN (SELECT value FROM json_each(?)) AND status = 'active'"
            " GROUP BY household_id)"
            " SELECT l.household_id, l.visit_date, (SELECT max(follow_up_date) FROM visits v"
            " WHERE v.household_id = l.household_id AND v.status = 'active'"
            " AND v.visit_date = l.visit_date) FROM last l", [json.dumps(household_ids)]):
        found[household_id] = VisitColumns(last_visit=last, next_follow_up=follow)
    return found


def save_visit(book: Book, household_id: str, record_id: str | None, raw: dict[str, Any],
               today: dt.date | None = None) -> str:
    """Record a visit: dated (not in the future), who visited, what kind, what was found
    and agreed."""
    return records.save(book, "visits", "visit", household_id, record_id, raw,
                        extra=_visit_rules(book), today=today, after=_follow_last_visit)


def remove_visit(book: Book, record_id: str) -> None:
    """Mark a visit removed: it stays, restorable, and the change is logged."""
    records.set_removed(book, "visits", "visit", record_id, True, after=_follow_last_visit)


def restore_visit(book: Book, record_id: str) -> None:
    """Bring a removed visit back (checked again; logged)."""
    records.set_removed(book, "visits", "visit", record_id, False, after=_follow_last_visit)


def _in_village(village_id: str | None, township_code: str | None = None
                ) -> tuple[str, list[Any]]:
    """The clause that keeps one village's households (a township's book) or one
    township's (a county's), or none."""
    clause, params = in_villages("h.village_id", village_id, township_code)
    return f" AND {clause}", params


_VILLAGE_NAME = " (SELECT name FROM village WHERE id = h.village_id) AS village_name"


def _not_visited_query(book: Book, today: dt.date, village_id: str | None,
                       township_code: str | None = None) -> tuple[str, list[Any]]:
    days = int_setting(book, "visits.max_days_unvisited")
    limit = (today - dt.timedelta(days=days)).isoformat()
    # households.last_visit is derived from visits; (category, last_visit) is indexed
    village, village_params = _in_village(village_id, township_code)
    return ("SELECT h.id AS household_id, h.number AS household_number,"
            " h.head_name, h.last_visit," + _VILLAGE_NAME + " FROM households h"
            " WHERE h.category IN (?, ?) AND h.status = 'active'"
            " AND (h.last_visit IS NULL OR h.last_visit < ?)" + village,
            [*VISITED_CATEGORIES, limit, *village_params])


def not_visited(book: Book, today: dt.date | None = None, village_id: str | None = None,
                limit: int = -1, offset: int = 0, township_code: str | None = None
                ) -> list[dict[str, Any]]:
    """脱贫户 and 监测户 with no visit for more than the set number of days (90 unless
    set otherwise), longest first; never visited first of all. ``limit`` and ``offset``
    read a page of them (-1: all)."""
    today = today or current_date()
    sql, params = _not_visited_query(book, today, village_id, township_code)
    rows = records.rows(book, sql + " ORDER BY h.last_visit IS NOT NULL, h.last_visit,"
                        " h.number LIMIT ? OFFSET ?", [*params, limit, offset])
    for row in rows:
        row["days"] = (today - dt.date.fromisoformat(row["last_visit"])).days \
            if row["last_visit"] else None
    return rows


def count_not_visited(book: Book, today: dt.date | None = None,
                      village_id: str | None = None, township_code: str | None = None) -> int:
    """How many households ``not_visited`` lists."""
    return records.count(book, *_not_visited_query(book, today or current_date(),
                                                   village_id, township_code))


def _follow_ups_query(today: dt.date, village_id: str | None,
                      township_code: str | None = None) -> tuple[str, list[Any]]:
    village, village_params = _in_village(village_id, township_code)
    # next_follow_up is derived from the household's newest visit (indexed). CROSS JOIN
    # keeps the households outside: left to itself SQLite walked every visit that ever
    # had a follow-up date (35 ms at 30,000 households, against 3 ms this way)
    return ("SELECT v.*, h.number AS household_number, h.head_name,"
            " hp.name AS helper_name," + _VILLAGE_NAME + " FROM households h"
            " CROSS JOIN visits v ON v.household_id = h.id AND v.status = 'active'"
            " AND v.visit_date = h.last_visit AND v.follow_up_date = h.next_follow_up"
            " LEFT JOIN helpers hp ON hp.id = v.helper_id"
            " WHERE h.next_follow_up <= ? AND h.status = 'active'" + village,
            [today.isoformat(), *village_params])


def follow_ups_due(book: Book, today: dt.date | None = None, village_id: str | None = None,
                   limit: int = -1, offset: int = 0, township_code: str | None = None
                   ) -> list[dict[str, Any]]:
    """Visits whose follow-up date has come, with no later visit to the household yet
    (``limit`` and ``offset``: a page of them)."""
    sql, params = _follow_ups_query(today or current_date(), village_id, township_code)
    rows = records.rows(book, sql + " ORDER BY h.next_follow_up, h.number LIMIT ? OFFSET ?",
                        [*params, limit, offset])
    for row in rows:
        row["visitor"] = _visitor(row)
    return rows


def count_follow_ups_due(book: Book, today: dt.date | None = None,
                         village_id: str | None = None, township_code: str | None = None
                         ) -> int:
    """How many visits ``follow_ups_due`` lists."""
    return records.count(book, *_follow_ups_query(today or current_date(), village_id,
                                                  township_code))


def recent_visits(book: Book, limit: int = 500, village_id: str | None = None,
                  offset: int = 0, township_code: str | None = None) -> list[dict[str, Any]]:
    """The village's visit log: the newest visits to any household (a page of them)."""
    village, village_params = _in_village(village_id, township_code)
    rows = records.rows(book,
                        "SELECT v.*, h.number AS household_number, h.head_name,"
                        " hp.name AS helper_name," + _VILLAGE_NAME + " FROM visits v"
                        " JOIN households h ON h.id = v.household_id"
                        " LEFT JOIN helpers hp ON hp.id = v.helper_id"
                        " WHERE v.status = 'active'" + village +
                        " ORDER BY v.visit_date DESC, v.rowid DESC LIMIT ? OFFSET ?",
                        [*village_params, limit, offset])
    for row in rows:
        row["visitor"] = _visitor(row)
    return rows
