"""sync/decide.py: what a person decides after a merge — a conflict of one field (keep a
side, or type a third value, checked as the form checks it) and a finding of one person
registered twice — and what each refuses, with the book unchanged."""

from __future__ import annotations

import pytest
from syncing import export, phone_changed_on_both_sides

from villagebook.core.errors import ValidationFailed
from villagebook.storage.households import load_household
from villagebook.sync.decide import mark_same_person, open_conflicts, resolve_conflict
from villagebook.sync.keys import SyncError


def _conflict_on_the_phone(pair, tmp_path, capsys) -> str:
    """The same household's phone changed on both sides before they met: the township's
    book holds one open conflict; returns the household's id."""
    village, township = pair
    household_id = phone_changed_on_both_sides(village, township, tmp_path, capsys)
    [second] = export(village, tmp_path / "2", capsys)
    assert township.run("sync", "import", str(second)) == 0
    return household_id


def test_keeping_one_side_closes_the_conflict_and_sets_the_field(pair, tmp_path, capsys):
    _village, township = pair
    household_id = _conflict_on_the_phone(pair, tmp_path, capsys)
    with township.book() as book:
        [conflict] = open_conflicts(book)
        resolve_conflict(book, conflict["id"], take="local")
        assert open_conflicts(book) == []
        assert load_household(book, household_id)[0]["phone"] == "13900000002"
        with pytest.raises(SyncError) as info:  # decided once
            resolve_conflict(book, conflict["id"], take="remote")
        assert info.value.code == "sync.conflict_decided"
        assert load_household(book, household_id)[0]["phone"] == "13900000002"


def test_a_typed_value_is_checked_as_the_form_checks_it(pair, tmp_path, capsys):
    _village, township = pair
    household_id = _conflict_on_the_phone(pair, tmp_path, capsys)
    with township.book() as book:
        [conflict] = open_conflicts(book)
        before = load_household(book, household_id)[0]["phone"]
        with pytest.raises(ValidationFailed) as info:
            resolve_conflict(book, conflict["id"], value="not a phone")
        assert [i.field for i in info.value.issues] == ["phone"]
        with pytest.raises(SyncError) as choose:  # neither a side nor a value
            resolve_conflict(book, conflict["id"])
        assert choose.value.code == "sync.choose_value"
        assert len(open_conflicts(book)) == 1
        assert load_household(book, household_id)[0]["phone"] == before
        resolve_conflict(book, conflict["id"], value="139 1111 2222")
        assert load_household(book, household_id)[0]["phone"] == "13911112222"


def test_unknown_conflicts_and_findings_and_decisions_are_refused(pair):
    _village, township = pair
    with township.book() as book:
        with pytest.raises(SyncError) as info:
            resolve_conflict(book, "no-such-conflict", take="local")
        assert info.value.code == "sync.no_conflict"
        with pytest.raises(SyncError) as finding:
            mark_same_person(book, "no-such-finding", "same")
        assert finding.value.code == "sync.no_finding"
        with pytest.raises(ValidationFailed) as decision:
            mark_same_person(book, "no-such-finding", "maybe")
        assert [i.code for i in decision.value.issues] == ["code.unknown"]
