"""The demo village has every kind of household its pages and tests need, whatever the
day it is made (issue: green on every day), and the same seed and day give the same
village."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from villagebook.core import demo
from villagebook.core.measures import overdue

HELPERS = ["helper-1", "helper-2"]


def kinds(households: list, today: dt.date) -> set[str]:
    """The kinds of ``demo.CAST`` that ``households`` hold on ``today``."""
    found = set()
    for hh, _members in households:
        if hh["category"] == "01" and hh.get("poverty_status") == "02":
            found.add("poor")
        events = hh.get("monitoring_events") or []
        removed = any(e["event"] == "02" for e in events)
        for event in events:
            if event["event"] == "01" and not removed:
                found.add(f"monitored_{event['category']}")
        if removed:
            found.add("risk_removed")
        if any(overdue(m, today) for m in hh.get("measures") or []):
            found.add("overdue_loan")
        visits = sorted(hh.get("visits") or [], key=lambda v: v["visit_date"])
        if visits and (visits[-1].get("follow_up_date") or "9999") <= today.isoformat():
            found.add("follow_up_due")
    return found


@settings(max_examples=60)
@given(today=st.dates(dt.date(2024, 1, 1), dt.date(2045, 12, 31)),
       seed=st.integers(0, 10_000), n=st.sampled_from([7, 12, 60, 120]))
def test_every_kind_of_household_on_every_day(today, seed, n):
    households = list(demo.generate(n, seed=seed, today=today, helper_ids=HELPERS))
    assert kinds(households, today) == set(demo.CAST)
    for hh, _members in households:  # nothing the demo records lies ahead of its day
        for table, field in (("visits", "visit_date"), ("monitoring_events", "event_date"),
                             ("measures", "start_date"), ("checks", "check_date")):
            assert all(row[field] <= today.isoformat() for row in hh.get(table) or [])


def test_the_same_seed_and_day_give_the_same_village():
    day = dt.date(2027, 9, 1)
    first = list(demo.generate(40, seed=3, today=day, helper_ids=HELPERS))
    assert first == list(demo.generate(40, seed=3, today=day, helper_ids=HELPERS))
    assert first != list(demo.generate(40, seed=4, today=day, helper_ids=HELPERS))


def test_another_day_changes_a_household_not_the_whole_village():
    """Each household draws from its own generator, so the day moves ages and dates but
    the village stays the same people."""
    one = list(demo.generate(40, seed=3, today=dt.date(2026, 11, 27), helper_ids=HELPERS))
    two = list(demo.generate(40, seed=3, today=dt.date(2026, 12, 4), helper_ids=HELPERS))
    assert [m[0]["name"] for _, m in one] == [m[0]["name"] for _, m in two]
