"""防返贫监测 events of a household (storage side of ``core.monitoring``)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from ..core.errors import Issue, ValidationFailed
from ..core.monitoring import (
    IDENTIFY,
    MonitoringState,
    check_event,
    check_sequence,
    current_state,
)
from . import records
from .book import Book

TABLE, RECORD = "monitoring_events", "monitoring"


def list_events(book: Book, household_id: str, include_removed: bool = False
                ) -> list[dict[str, Any]]:
    """The household's events, newest first."""
    return records.select(book, "SELECT * FROM monitoring_events WHERE household_id = ?",
                          [household_id], include_removed=include_removed,
                          order_by="event_date DESC, created_at DESC")


# A household's monitoring now, for every household at once in SQL (the county's register
# and summary; ``monitoring_state`` works it out for one from its events): a CTE
# ``monitoring_now(household_id, last_event, category)`` — its newest active event, and
# the 监测对象类型 of its newest 纳入监测 (in force, or last in force before a removal)
MONITORING_NOW = (
    "monitoring_now AS (SELECT household_id,"
    " max(CASE WHEN newest = 1 THEN event END) AS last_event,"
    f" max(CASE WHEN event = '{IDENTIFY}' AND newest_of_kind = 1 THEN category END)"
    " AS category FROM (SELECT household_id, event, category, row_number() OVER"
    " (PARTITION BY household_id ORDER BY event_date DESC, created_at DESC) AS newest,"
    " row_number() OVER (PARTITION BY household_id, event ORDER BY event_date DESC,"
    " created_at DESC) AS newest_of_kind FROM monitoring_events WHERE status = 'active')"
    " AS ranked GROUP BY household_id)")  # (the alias: PostgreSQL's archive reads it too)


def monitoring_state(book: Book, household_id: str) -> MonitoringState:
    """Whether the household is monitored now, since when, by which category and risks."""
    return current_state(list_events(book, household_id))


def _rules(book: Book, household_id: str, record_id: str | None):
    def check(values: dict[str, Any]) -> list[Issue]:
        issues = check_event(values)
        if issues:
            return issues
        others = [e for e in list_events(book, household_id) if e["id"] != record_id]
        return check_sequence([*others, {**values, "created_at": "~"}])
    return check


def save_event(book: Book, household_id: str, record_id: str | None, raw: dict[str, Any],
               today: dt.date | None = None) -> str:
    """Record (or correct) a 纳入监测 or 风险消除 event; the sequence must stay valid."""
    return records.save(book, TABLE, RECORD, household_id, record_id, raw,
                        extra=_rules(book, household_id, record_id), today=today)


def remove_event(book: Book, record_id: str) -> None:
    """Mark a monitoring event removed: it stays, restorable, and the change is logged."""
    current = records.get(book, TABLE, record_id)
    others = [e for e in list_events(book, current["household_id"]) if e["id"] != record_id]
    issues = check_sequence(others)
    if issues:
        raise ValidationFailed(issues)
    records.set_removed(book, TABLE, RECORD, record_id, True)


def restore_event(book: Book, record_id: str) -> None:
    """Bring a removed monitoring event back (checked again; logged)."""
    current = records.get(book, TABLE, record_id)
    records.set_removed(book, TABLE, RECORD, record_id, False,
                        _rules(book, current["household_id"], record_id))
