import pytest

from villagebook.core.monitoring import check_event, check_sequence, current_state

pytestmark = pytest.mark.dated  # runs today and on each day of tests/dates.py


def identify(date, **extra):
    return {"event": "01", "event_date": date, "category": "02", "risks": "01", **extra}


def remove(date, method="01"):
    return {"event": "02", "event_date": date, "removal_method": method}


def test_state_follows_the_events_in_date_order():
    events = [remove("2025-09-01"), identify("2025-01-10", risks="01,04",
                                             disaster_subtype="01")]
    state = current_state(events)
    assert state["monitored"] is False and state["removed_on"] == "2025-09-01"
    assert state["method"] == "01" and state["suspicious"] is False
    state = current_state([*events, identify("2026-02-01", category="03")])
    assert state["monitored"] and state["category"] == "03" and state["since"] == "2026-02-01"
    assert current_state([])["monitored"] is False


def test_removal_by_assistance_within_two_months_is_suspicious():
    assert current_state([identify("2025-01-10"), remove("2025-02-20")])["suspicious"]
    assert not current_state([identify("2025-01-10"), remove("2025-02-20", "02")])["suspicious"]
    assert not current_state([identify("2025-01-10"), remove("2025-04-20")])["suspicious"]


def test_events_must_alternate_starting_with_identification():
    assert check_sequence([remove("2025-01-01")])[0].code == "monitoring.not_monitored"
    twice = [identify("2025-01-01"), identify("2025-02-01")]
    assert check_sequence(twice)[0].code == "monitoring.already_monitored"
    assert check_sequence([identify("2025-01-01"), remove("2025-05-01"),
                           identify("2026-01-01")]) == []


def test_fields_that_each_event_needs():
    assert [i.code for i in check_event({"event": "01", "event_date": "2025-01-01"})] == [
        "field.required", "field.required"]
    six = identify("2025-01-01", risks="01,02,03,05,06,07")
    assert [i.code for i in check_event(six)] == ["monitoring.too_many_risks"]
    assert [i.field for i in check_event(identify("2025-01-01", risks="04"))] == [
        "disaster_subtype"]
    assert [i.code for i in check_event({"event": "02", "event_date": "2025-01-01",
                                         "category": "01"})] == [
        "field.required", "monitoring.not_for_remove"]
