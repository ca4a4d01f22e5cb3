import datetime as dt

import pytest
from helpers import family

from villagebook.core.errors import ValidationFailed
from villagebook.core.measures import overdue
from villagebook.storage.households import load_household, save_household
from villagebook.storage.measures import (
    MeasureFilter,
    list_measures,
    measure_totals,
    remove_measure,
    save_measure,
    village_measures,
)

pytestmark = pytest.mark.dated  # runs today and on each day of tests/dates.py

TODAY = dt.date(2026, 11, 27)


@pytest.fixture
def household(book):
    h, members = family()
    return save_household(book, None, h, members).household_id


def loan(**extra):
    return {"measure_type": "10", "start_date": "2023-05-01", "amount": "50000",
            "due_date": "2026-05-01", "funding_source": "07", "progress": "02", **extra}


def test_overdue_loans_by_hand():
    base = {"measure_type": "10", "amount": 5000000, "due_date": "2026-05-01"}
    assert overdue(base, TODAY)
    assert not overdue({**base, "repaid_amount": 5000000}, TODAY)
    assert not overdue({**base, "loan_extension": "03"}, TODAY)  # 展期
    assert not overdue({**base, "due_date": "2027-01-01"}, TODAY)
    assert not overdue({**base, "measure_type": "01"}, TODAY)


def test_measure_for_a_member_with_amount_in_fen(book, household):
    _, members = load_household(book, household)
    save_measure(book, household, None, {
        "measure_type": "05", "member_id": members[2]["id"], "content": "雨露计划",
        "start_date": "2025-09-01", "end_date": "2026-07-01", "amount": "3000",
        "funding_source": "01", "progress": "03"}, today=TODAY)
    [measure] = list_measures(book, household, today=TODAY)
    assert measure["member_name"] == "张小" and measure["amount"] == 3000_00
    assert measure["overdue"] is None  # not a loan


def test_loan_overdue_is_computed_and_fields_are_checked(book, household):
    save_measure(book, household, None, loan(), today=TODAY)
    assert list_measures(book, household, today=TODAY)[0]["overdue"] == 1
    with pytest.raises(ValidationFailed) as info:
        save_measure(book, household, None, loan(due_date="2023-01-01",
                                                 repaid_amount="60000"), today=TODAY)
    assert sorted(i.code for i in info.value.issues) == ["date.before_start",
                                                         "measure.repaid_too_much"]
    with pytest.raises(ValidationFailed) as info:
        save_measure(book, household, None, {"measure_type": "01", "start_date": "2025-01-01",
                                             "progress": "01", "due_date": "2026-01-01"},
                     today=TODAY)
    assert [i.code for i in info.value.issues] == ["measure.loan_field"]


@pytest.mark.parametrize("change,code", [({"amount": "-1"}, "money.negative"),
                                         ({"start_date": "2026-13-01"}, "date.invalid"),
                                         ({"end_date": "2020-01-01"}, "date.before_start"),
                                         ({"measure_type": ""}, "field.required")])
def test_bad_measures_are_refused(book, household, change, code):
    raw = {"measure_type": "01", "start_date": "2025-01-01", "progress": "02", **change}
    with pytest.raises(ValidationFailed) as info:
        save_measure(book, household, None, raw, today=TODAY)
    assert code in [i.code for i in info.value.issues]


def test_village_list_filters_and_totals(book, household):
    save_measure(book, household, None, loan(), today=TODAY)
    save_measure(book, household, None, {"measure_type": "01", "start_date": "2025-03-01",
                                         "amount": "1200.50", "funding_source": "01",
                                         "progress": "03"}, today=TODAY)
    removed = save_measure(book, household, None, {"measure_type": "01", "amount": "99",
                                                   "start_date": "2025-04-01",
                                                   "progress": "01"}, today=TODAY)
    remove_measure(book, removed)
    everything = village_measures(book, MeasureFilter(), today=TODAY)
    assert [m["measure_type"] for m in everything] == ["01", "10"]
    assert everything[0]["household_number"] == "110105001001001"
    assert [m["measure_type"] for m in village_measures(book, MeasureFilter(year=2024))] == [
        "10"]  # the loan runs from 2023, the other started in 2025
    assert village_measures(book, MeasureFilter(funding_source="01"))[0]["amount"] == 1200_50
    totals = measure_totals(book.conn, MeasureFilter())
    assert totals["measure_type"] == [("01", 1, 1200_50), ("10", 1, 50000_00)]
    assert totals["funding_source"] == [("01", 1, 1200_50), ("07", 1, 50000_00)]
