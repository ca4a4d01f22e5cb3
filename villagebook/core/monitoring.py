"""防返贫监测: a household's monitoring events and the state that follows from them.

Events are 纳入监测 (identification: category, one to five risk types, the kind of disaster
when a risk is 因自然灾害) and 风险消除 (removal: how, when). They must alternate in date
order, starting with an identification. The current state is derived, never stored.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, TypedDict

from .errors import Issue

IDENTIFY, REMOVE = "01", "02"
DISASTER = "04"  # risk type 因自然灾害
BY_ASSISTANCE = "01"  # removal method 帮扶消除
MAX_RISKS = 5
SUSPICIOUS_DAYS = 61  # removed "by assistance" within about two months: worth a second look


def check_event(event: dict[str, Any]) -> list[Issue]:
    """Rules for one event's fields (the fields themselves are already converted)."""
    issues: list[Issue] = []
    risks = [r for r in (event.get("risks") or "").split(",") if r]
    if event.get("event") == IDENTIFY:
        if not event.get("category"):
            issues.append(Issue("field.required", "category"))
        if not risks:
            issues.append(Issue("field.required", "risks"))
        if len(risks) > MAX_RISKS:
            issues.append(Issue("monitoring.too_many_risks", "risks", {"count": len(risks)}))
        if DISASTER in risks and not event.get("disaster_subtype"):
            issues.append(Issue("field.required", "disaster_subtype"))
        if event.get("removal_method"):
            issues.append(Issue("monitoring.not_for_identify", "removal_method"))
    elif event.get("event") == REMOVE:
        if not event.get("removal_method"):
            issues.append(Issue("field.required", "removal_method"))
        for name in ("category", "risks", "disaster_subtype"):
            if event.get(name):
                issues.append(Issue("monitoring.not_for_remove", name))
    return issues


def check_sequence(events: list[dict[str, Any]]) -> list[Issue]:
    """Events in date order must alternate 纳入监测, 风险消除, 纳入监测…"""
    monitored = False
    for event in sorted(events, key=lambda e: (e["event_date"], e.get("created_at") or "")):
        if event["event"] == IDENTIFY and monitored:
            return [Issue("monitoring.already_monitored", "event",
                          {"date": event["event_date"]})]
        if event["event"] == REMOVE and not monitored:
            return [Issue("monitoring.not_monitored", "event", {"date": event["event_date"]})]
        monitored = event["event"] == IDENTIFY
    return []


class MonitoringState(TypedDict):
    """A household's monitoring now, as its events say."""

    monitored: bool
    category: str | None  # monitoring_category code, while monitored
    since: str | None  # date of the 纳入监测 in force
    risks: str | None  # risk_type codes, comma-separated
    removed_on: str | None  # date of the last 风险消除, when not monitored now
    method: str | None  # removal_method code of that removal
    suspicious: bool  # removed by assistance within SUSPICIOUS_DAYS of being taken in


def current_state(events: list[dict[str, Any]]) -> MonitoringState:
    """Whether the household is monitored now, since when, in which category, with which
    risks; or when and how its risk was last removed. ``suspicious`` flags a removal by
    assistance within about two months of identification (the national checker's rule)."""
    state = MonitoringState(monitored=False, category=None, since=None, risks=None,
                            removed_on=None, method=None, suspicious=False)
    identified: str | None = None
    for event in sorted(events, key=lambda e: (e["event_date"], e.get("created_at") or "")):
        if event["event"] == IDENTIFY:
            identified = event["event_date"]
            state = MonitoringState(monitored=True, category=event.get("category"),
                                    since=identified, risks=event.get("risks"),
                                    removed_on=None, method=None, suspicious=False)
        else:
            days = (dt.date.fromisoformat(event["event_date"])
                    - dt.date.fromisoformat(identified)).days if identified else None
            state["monitored"] = False
            state["removed_on"] = event["event_date"]
            state["method"] = event.get("removal_method")
            state["suspicious"] = bool(event.get("removal_method") == BY_ASSISTANCE
                                       and days is not None and days < SUSPICIOUS_DAYS)
    return state
