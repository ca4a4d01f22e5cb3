import datetime as dt

import pytest

from villagebook.core.errors import ValidationFailed
from villagebook.storage.projects import (
    list_project_incomes,
    list_projects,
    remove_project_income,
    save_project,
    save_project_income,
)

TODAY = dt.date(2026, 11, 27)
PROJECT = {"name": "光伏扶贫电站", "project_type": "01", "funds": "800000", "funding_source": "01",
           "start_date": "2019-04-01", "end_date": "2019-10-01", "households_benefiting": "86",
           "asset": "村级光伏电站 300kW", "asset_value": "780000", "ownership": "01",
           "progress": "03"}


def test_project_with_yearly_income_distributed(book):
    project = save_project(book, None, PROJECT, today=TODAY)
    save_project_income(book, project, None, {"year": "2024", "amount": "45000.50",
                                              "households": "86"}, today=TODAY)
    second = save_project_income(book, project, None, {"year": "2025", "amount": "52000"},
                                 today=TODAY)
    [row] = list_projects(book)
    assert row["funds"] == 800000_00 and row["distributed_total"] == 97000_50
    with pytest.raises(ValidationFailed) as info:
        save_project_income(book, project, None, {"year": "2025", "amount": "1"}, today=TODAY)
    assert [i.code for i in info.value.issues] == ["project_income.year_taken"]
    remove_project_income(book, second)
    assert list_projects(book)[0]["distributed_total"] == 45000_50
    assert [i["year"] for i in list_project_incomes(book, project)] == [2024]


@pytest.mark.parametrize("change,code", [({"end_date": "2019-01-01"}, "date.before_start"),
                                         ({"funds": "-5"}, "money.negative"),
                                         ({"name": ""}, "field.required")])
def test_bad_projects_are_refused(book, change, code):
    with pytest.raises(ValidationFailed) as info:
        save_project(book, None, {**PROJECT, **change}, today=TODAY)
    assert code in [i.code for i in info.value.issues]
    assert list_projects(book) == []
