"""What the printed lists need from the book: the households identified for monitoring or
cleared of risk in a period, the measures and funds of a period, the projects of a period,
and one row per household for the register.

Notice queries select only the columns a public sheet may show (name, 组, category,
household size, amounts): what is never read cannot leak onto the notice board.
"""

from __future__ import annotations

import json
from typing import Any

from ..core.today import current_date
from . import records
from .book import Book

MONITORING_IDENTIFIED = "01"
MONITORING_REMOVED = "02"


def monitoring_notice(book: Book, event: str, start: str, end: str) -> list[dict[str, Any]]:
    """Households with a 纳入监测 (``01``) or 风险消除 (``02``) event in [start, end]."""
    return records.rows(book, """
        SELECT h.number, h.group_name, h.head_name, h.member_count, e.event_date,
               e.category, e.removal_method,
               (SELECT i.category FROM monitoring_events i
                 WHERE i.household_id = h.id AND i.status = 'active' AND i.event = '01'
                   AND i.event_date <= e.event_date
                 ORDER BY i.event_date DESC LIMIT 1) AS identified_category
        FROM monitoring_events e JOIN households h ON h.id = e.household_id
        WHERE e.status = 'active' AND h.status = 'active' AND e.event = ?
          AND e.event_date BETWEEN ? AND ?
        ORDER BY h.group_name, h.number, e.event_date""", [event, start, end])


def measures_notice(book: Book, start: str, end: str) -> list[dict[str, Any]]:
    """Measures that started in [start, end], by 组 and household."""
    return records.rows(book, """
        SELECT h.number, h.group_name, h.head_name, h.member_count, h.category,
               m.measure_type, m.start_date, m.amount, m.funding_source
        FROM measures m JOIN households h ON h.id = m.household_id
        WHERE m.status = 'active' AND h.status = 'active'
          AND m.start_date BETWEEN ? AND ?
        ORDER BY h.group_name, h.number, m.start_date""", [start, end])


def projects_notice(book: Book, start: str, end: str) -> list[dict[str, Any]]:
    """Projects whose period touches [start, end]."""
    return records.rows(book, """
        SELECT name, project_type, funds, funding_source, start_date, end_date,
               households_benefiting, asset, asset_value, ownership, progress
        FROM projects
        WHERE status = 'active' AND start_date <= ? AND coalesce(end_date, start_date) >= ?
        ORDER BY start_date, name""", [end, start])


def register_rows(book: Book, household_ids: list[str] | None = None,
                  today: str | None = None) -> list[dict[str, Any]]:
    """One row per household (all active ones, or those given) for the printed register:
    the household, its head's ID number, its current helpers and its last visit."""
    today = today or current_date().isoformat()
    sql = """
        SELECT h.id, h.number, h.group_name, h.head_name, h.member_count, h.category,
               h.poverty_status, h.phone, h.last_visit,
               (SELECT m.id_number FROM members m WHERE m.household_id = h.id
                  AND m.status = 'active' AND m.relation = '01' LIMIT 1) AS head_id_number,
               (SELECT group_concat(name, '、') FROM (
                  SELECT DISTINCT x.name FROM pairings p JOIN helpers x ON x.id = p.helper_id
                   WHERE p.household_id = h.id AND p.status = 'active' AND p.start_date <= ?
                     AND (p.end_date IS NULL OR p.end_date >= ?))) AS helpers,
               (SELECT e.event FROM monitoring_events e WHERE e.household_id = h.id
                  AND e.status = 'active' ORDER BY e.event_date DESC LIMIT 1) AS last_event
        FROM households h"""
    if household_ids is None:
        return records.rows(book, sql + " WHERE h.status = 'active' ORDER BY h.number",
                            [today, today])
    return records.rows(book, sql + " WHERE h.id IN (SELECT value FROM json_each(?))"
                              " ORDER BY h.number", [today, today, json.dumps(household_ids)])
