"""Dates as people write them, read one way everywhere."""

from __future__ import annotations

import datetime as dt

import pytest

from villagebook.core.dates import normalize_date_text, parse_date
from villagebook.core.field_specs import convert, field


@pytest.mark.parametrize("text", ["2026-03-05", "20260305", "2026.3.5", "2026/3/5",
                                  "2026年3月5日", " 2026-3-5 ", "２０２６-０３-０５"])
def test_the_forms_villages_write_name_one_day(text):
    assert parse_date(text) == dt.date(2026, 3, 5)
    assert normalize_date_text(text) == "2026-03-05"


@pytest.mark.parametrize("text", ["2026-02-30", "2026035", "3/5/2026", "明天", "",
                                  "2026-W10-1", "2026-13-01"])
def test_what_is_no_date_is_kept_as_typed_for_the_message(text):
    with pytest.raises(ValueError):
        parse_date(text)
    assert normalize_date_text(text) == text


def test_bounds_are_the_rule_of_the_field_not_the_widget():
    today = dt.date(2026, 11, 27)
    assert convert(field("measure", "due_date"), "20290510", today) == ("2029-05-10", None)
    value, issue = convert(field("visit", "visit_date"), "2026.12.1", today)
    assert value is None and issue.code == "date.future"
    value, issue = convert(field("visit", "visit_date"), "2026.2.30", today)
    assert issue.code == "date.invalid" and issue.values["value"] == "2026.2.30"
