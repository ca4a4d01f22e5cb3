"""防返贫监测 events of a household (storage side of ``core.monitoring``)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from ..core.errors import Issue, ValidationFailed
from ..core.monitoring import MonitoringState, check_event, check_sequence, current_state
from . import records
from .book import Book

TABLE, RECORD = "monitoring_events", "monitoring"


def list_events(book: Book, household_id: str, include_removed: bool = False
                ) -> list[dict[str, Any]]:
    """The household's events, newest first."""
    return records.select(book, "SELECT * FROM monitoring_events WHERE household_id = ?",
                          [household_id], include_removed=include_removed,
                          order_by="event_date DESC, created_at DESC")


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
