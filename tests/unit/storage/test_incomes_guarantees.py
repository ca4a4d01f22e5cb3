import datetime as dt

import pytest
from helpers import family

from villagebook.core.errors import InvalidOperation, ValidationFailed
from villagebook.core.income import people_in_year, summarize
from villagebook.storage.book_settings import monitoring_line, set_monitoring_line
from villagebook.storage.changelog import history
from villagebook.storage.guarantees import current_check, list_checks, remove_check, save_check
from villagebook.storage.households import load_household, member_leave, save_household
from villagebook.storage.incomes import list_incomes, remove_income, restore_income, save_income

pytestmark = pytest.mark.dated  # runs today and on each day of tests/dates.py

TODAY = dt.date(2026, 11, 27)


@pytest.fixture
def household(book):
    h, members = family()
    return save_household(book, None, h, members).household_id


def test_people_in_year_counts_births_and_leavings():
    members = [{"birth_date": "1970-01-01"}, {"birth_date": "2025-03-01"},
               {"birth_date": "1950-01-01", "status": "left", "left_date": "2024-06-30"}]
    assert people_in_year(members, 2023) == 2  # the baby not yet born
    assert people_in_year(members, 2024) == 1  # the grandfather left in 2024
    assert people_in_year(members, 2025) == 2


def test_summary_by_hand():
    income = {"wage_migrant": 24000_00, "prod_planting": 3500_50, "transfer_pension": 1200_00,
              "prod_expense": 1500_00}
    summary = summarize(income, people=3, line=6000_00)
    assert summary["wage_total"] == 24000_00 and summary["production_total"] == 3500_50
    assert summary["net"] == 27200_50
    assert summary["per_capita"] == 9066_83  # 27200.50 / 3 = 9066.8333… → 9066.83
    assert summary["below_line"] == 0
    assert summarize(income, people=5, line=6000_00)["below_line"] == 1  # 5440.10 < 6000
    assert summarize(income, people=0, line=6000_00)["per_capita"] is None


def test_income_year_saved_exactly_and_derived(book, household):
    income_id = save_income(book, household, None, {
        "year": "2025", "wage_migrant": "18,000.10", "transfer_dibao": "2400",
        "prod_expense": "0.05"}, today=TODAY)
    [income] = list_incomes(book, household)
    assert income["id"] == income_id and income["wage_migrant"] == 18000_10
    assert income["net"] == 18000_10 + 2400_00 - 5
    assert income["people"] == 3 and income["per_capita"] == round((18000_10 + 2400_00 - 5) / 3)
    assert income["below_line"] == 0


def test_monitoring_line_is_a_setting_per_year(book, household):
    save_income(book, household, None, {"year": "2025", "wage_migrant": "19000"}, today=TODAY)
    assert list_incomes(book, household)[0]["below_line"] == 0  # 6333.33 ≥ 6000
    assert monitoring_line(book, 2025) == 6000_00
    set_monitoring_line(book, 2025, 6500_00)
    assert monitoring_line(book, 2025) == 6500_00 and monitoring_line(book, 2024) == 6000_00
    assert list_incomes(book, household)[0]["below_line"] == 1


def test_one_income_record_a_year_and_removal_is_restorable(book, household):
    first = save_income(book, household, None, {"year": "2024", "wage_migrant": "100"},
                        today=TODAY)
    with pytest.raises(ValidationFailed) as info:
        save_income(book, household, None, {"year": "2024"}, today=TODAY)
    assert [i.code for i in info.value.issues] == ["income.year_taken"]
    remove_income(book, first)
    assert list_incomes(book, household) == []
    assert len(list_incomes(book, household, include_removed=True)) == 1
    second = save_income(book, household, None, {"year": "2024", "wage_migrant": "200"},
                         today=TODAY)
    with pytest.raises(ValidationFailed):  # restoring would make two records for 2024
        restore_income(book, first)
    remove_income(book, second)
    restore_income(book, first)
    assert [i["wage_migrant"] for i in list_incomes(book, household)] == [100_00]
    with pytest.raises(InvalidOperation):
        restore_income(book, first)
    actions = {c["action"] for c in history(book, household)}
    assert {"income.create", "income.remove", "income.restore"} <= actions


@pytest.mark.parametrize("raw,code", [
    ({"year": "2025", "wage_migrant": "-10"}, "money.negative"),
    ({"year": "2025", "wage_migrant": "999999999"}, "money.absurd"),
    ({"year": "2025", "wage_migrant": "12.345"}, "money.invalid"),
    ({"year": "2031"}, "year.range"), ({}, "field.required"),
])
def test_bad_income_is_refused_and_nothing_saved(book, household, raw, code):
    before = book.conn.execute("SELECT count(*) FROM changes").fetchone()[0]
    with pytest.raises(ValidationFailed) as info:
        save_income(book, household, None, raw, today=TODAY)
    assert code in [i.code for i in info.value.issues]
    assert book.conn.execute("SELECT count(*) FROM changes").fetchone()[0] == before


def test_checks_keep_history_and_the_newest_is_current(book, household):
    answers = dict(food="1", clothing="1", education="1", medical="1", housing="0", water="1")
    save_check(book, household, None, {"check_date": "2025-03-01", "checker": "李文书",
                                       **answers}, today=TODAY)
    later = save_check(book, household, None, {"check_date": "2026-03-01", "checker": "王书记",
                                               **answers, "housing": "1"}, today=TODAY)
    assert [c["check_date"] for c in list_checks(book, household)] == ["2026-03-01",
                                                                       "2025-03-01"]
    assert current_check(book, household)["housing"] == 1
    remove_check(book, later)
    assert current_check(book, household)["housing"] == 0


@pytest.mark.parametrize("change,code", [({"food": None}, "field.required"),
                                         ({"check_date": "2027-01-01"}, "date.future"),
                                         ({"checker": ""}, "field.required")])
def test_a_check_needs_every_answer_a_past_date_and_who(book, household, change, code):
    raw = dict(check_date="2025-03-01", checker="李文书", food="1", clothing="1",
               education="1", medical="1", housing="1", water="1")
    with pytest.raises(ValidationFailed) as info:
        save_check(book, household, None, {**raw, **change}, today=TODAY)
    assert [i.code for i in info.value.issues] == [code]


def test_income_counts_members_who_left(book, household):
    _, members = load_household(book, household)
    member_leave(book, members[2]["id"], "02", "2024-05-01")
    save_income(book, household, None, {"year": "2024", "wage_migrant": "9000"}, today=TODAY)
    save_income(book, household, None, {"year": "2023", "wage_migrant": "9000"}, today=TODAY)
    assert [(i["year"], i["people"]) for i in list_incomes(book, household)] == [(2024, 2),
                                                                                  (2023, 3)]


def test_monitoring_events_are_checked_in_sequence_and_removable(book, household):
    from villagebook.storage.monitoring import (
        list_events,
        monitoring_state,
        remove_event,
        save_event,
    )

    first = save_event(book, household, None, {"event": "01", "event_date": "2025-03-01",
                                               "category": "02", "risks": "01,09"}, today=TODAY)
    with pytest.raises(ValidationFailed) as info:
        save_event(book, household, None, {"event": "01", "event_date": "2025-06-01",
                                           "category": "01", "risks": "02"}, today=TODAY)
    assert [i.code for i in info.value.issues] == ["monitoring.already_monitored"]
    removal = save_event(book, household, None, {"event": "02", "event_date": "2025-10-01",
                                                 "removal_method": "01"}, today=TODAY)
    assert monitoring_state(book, household)["monitored"] is False
    with pytest.raises(ValidationFailed):  # without the identification the removal dangles
        remove_event(book, first)
    remove_event(book, removal)
    assert monitoring_state(book, household)["monitored"] is True
    assert [e["event"] for e in list_events(book, household, include_removed=True)] == [
        "02", "01"]
