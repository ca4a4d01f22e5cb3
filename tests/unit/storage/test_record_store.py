"""The record store checks, for every kind, the keys the registry says a person enters
once (``RecordKind.unique``): on saving a new record, on changing one, on restoring one."""

from __future__ import annotations

import datetime as dt

import pytest
from helpers import family

from villagebook.core.errors import ValidationFailed
from villagebook.core.messages import TEMPLATES
from villagebook.storage.households import save_household
from villagebook.storage.incomes import remove_income, restore_income, save_income
from villagebook.storage.kinds import KINDS

TODAY = dt.date(2026, 11, 27)


def test_every_key_entered_once_is_named_in_words():
    """Adding a key to a kind needs its message: ``<record>.<column>_taken``."""
    for record_kind in KINDS:
        for key in record_kind.unique:
            assert f"{record_kind.record}.{key[-1]}_taken" in TEMPLATES, record_kind.table


def test_a_changed_record_may_not_take_another_s_key(book):
    household = save_household(book, None, *family()).household_id
    save_income(book, household, None, {"year": "2024"}, today=TODAY)
    other = save_income(book, household, None, {"year": "2025"}, today=TODAY)
    with pytest.raises(ValidationFailed) as refused:
        save_income(book, household, other, {"year": "2024"}, today=TODAY)
    assert [(i.code, i.values) for i in refused.value.issues] == [
        ("income.year_taken", {"year": 2024})]
    save_income(book, household, other, {"year": "2025", "wage_migrant": "10"}, today=TODAY)
    remove_income(book, other)
    save_income(book, household, None, {"year": "2025"}, today=TODAY)
    with pytest.raises(ValidationFailed):  # its year was entered again meanwhile
        restore_income(book, other)


def test_a_household_number_is_one_household_s_in_its_village(book):
    household, members = family()
    save_household(book, None, household, members)
    with pytest.raises(ValidationFailed) as refused:
        save_household(book, None, dict(household), [])
    assert "household.number_taken" in [i.code for i in refused.value.issues]
