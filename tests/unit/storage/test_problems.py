import datetime as dt

import pytest
from helpers import family

from villagebook.core.errors import ValidationFailed
from villagebook.storage.changelog import history
from villagebook.storage.households import save_household
from villagebook.storage.problems import list_problems, save_problem

pytestmark = pytest.mark.dated  # runs today and on each day of tests/dates.py

TODAY = dt.date(2026, 11, 27)


def problem(**extra):
    return {"problem": "饮水管道老化", "source": "02", "category": "01",
            "found_date": "2026-09-01", "deadline": "2026-10-31", "responsible": "村委会",
            "progress": "02", **extra}


def test_problem_about_a_household_and_overdue(book):
    h, members = family()
    household = save_household(book, None, h, members).household_id
    save_problem(book, None, problem(household_number="110105001001001"), today=TODAY)
    [row] = list_problems(book, today=TODAY)
    assert row["head_name"] == "张三" and row["overdue"] == 1
    assert list_problems(book, only_overdue=True, today=TODAY) == [row]
    save_problem(book, row["id"], problem(household_number="110105001001001", progress="03",
                                          closed_date="2026-11-20", evidence="已更换管道"),
                 today=TODAY)
    assert list_problems(book, only_overdue=True, today=TODAY) == []
    assert "problem.save" in {c["action"] for c in history(book, household)}


@pytest.mark.parametrize("change,code", [
    ({"household_number": "999"}, "household.unknown"),
    ({"progress": "03"}, "field.required"),
    ({"closed_date": "2026-10-01"}, "problem.closed_not_done"),
    ({"deadline": "2026-01-01"}, "date.before_start"),
    ({"responsible": ""}, "field.required"),
])
def test_bad_problems_are_refused(book, change, code):
    with pytest.raises(ValidationFailed) as info:
        save_problem(book, None, problem(**change), today=TODAY)
    assert code in [i.code for i in info.value.issues]
    assert list_problems(book) == []
