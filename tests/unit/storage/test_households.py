import json

import pytest
from helpers import LI_MEI, ZHANG_HUA, ZHANG_SAN, family

from villagebook.core.errors import InvalidOperation, ValidationFailed
from villagebook.storage.changelog import history
from villagebook.storage.households import (
    close_household,
    load_household,
    member_leave,
    member_restore,
    reopen_household,
    save_household,
)


def count(book, table):
    return book.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def test_create_then_read_back(book):
    household, members = family()
    result = save_household(book, None, household, members)
    saved, saved_members = load_household(book, result.household_id)
    assert saved["number"] == "110105001001001"
    assert saved["head_name"] == "张三" and saved["member_count"] == 3
    assert [m["name"] for m in saved_members] == ["张三", "李梅", "张小"]
    assert saved_members[1]["sex"] == "2" and saved_members[1]["birth_date"] == "1972-06-14"
    # one 'create' change per record, with the operator
    rows = history(book, result.household_id)
    assert sorted(r["table_name"] for r in rows) == ["households", "members", "members", "members"]
    assert {r["operator"] for r in rows} == {"李文书"} and {r["op"] for r in rows} == {"create"}


def test_every_changed_field_is_logged_with_old_and_new(book):
    household, members = family()
    hid = save_household(book, None, household, members).household_id
    _, saved = load_household(book, hid)
    saved[2]["education"] = "04"
    saved[0]["name"] = "张叁"
    before = count(book, "changes")
    save_household(book, hid, {**household, "group_name": "第二组"}, saved)
    new_rows = [r for r in history(book, hid)][: count(book, "changes") - before]
    changed = {(r["table_name"], r["field"], r["old_value"], r["new_value"]) for r in new_rows}
    assert changed == {("households", "group_name", "第一组", "第二组"),
                       ("members", "education", None, "04"),
                       ("members", "name", "张三", "张叁")}
    # derived columns follow but are not logged as a person's change
    assert load_household(book, hid)[0]["head_name"] == "张叁"
    assert len({r["hlc"] for r in new_rows}) == 3


def test_saving_unchanged_data_logs_nothing(book):
    household, members = family()
    hid = save_household(book, None, household, members).household_id
    before = count(book, "changes")
    saved_household, saved_members = load_household(book, hid)
    assert save_household(book, hid, saved_household, saved_members).changes == 0
    assert count(book, "changes") == before


def test_invalid_id_saves_nothing_and_names_the_member(book):
    household, members = family()
    members[1]["id_number"] = LI_MEI[:-1] + ("0" if LI_MEI[-1] != "0" else "1")
    before = {t: count(book, t) for t in ("households", "members", "changes")}
    with pytest.raises(ValidationFailed) as info:
        save_household(book, None, household, members)
    [issue] = info.value.errors
    assert issue.code == "id.check_char" and issue.subject == "李梅" and issue.row == 1
    assert {t: count(book, t) for t in before} == before


def test_missing_head_and_two_heads_are_errors(book):
    household, members = family()
    members[0]["relation"] = "03"
    with pytest.raises(ValidationFailed) as info:
        save_household(book, None, household, members)
    assert "household.no_head" in {i.code for i in info.value.errors}
    members[0]["relation"] = members[1]["relation"] = "01"
    with pytest.raises(ValidationFailed) as info:
        save_household(book, None, household, members)
    assert {i.subject for i in info.value.errors if i.code == "household.many_heads"} == {"张三", "李梅"}


def test_same_person_in_two_households_is_refused(book):
    household, members = family()
    save_household(book, None, household, members)
    with pytest.raises(ValidationFailed) as info:
        save_household(book, None, {"number": "2", "category": "03"},
                       [{"name": "张三", "id_number": ZHANG_SAN.lower(), "relation": "01"}])
    assert [(i.code, i.values) for i in info.value.errors] == [
        ("member.id_elsewhere", {"household": "110105001001001"})]


def test_household_number_must_be_unique(book):
    household, members = family()
    save_household(book, None, household, members)
    with pytest.raises(ValidationFailed) as info:
        save_household(book, None, household,
                       [{"name": "赵四", "id_number": ZHANG_HUA, "relation": "01"}])
    assert [i.code for i in info.value.errors] == ["household.number_taken"]


def test_warnings_must_be_accepted_once_and_are_kept(book):
    household, members = family()
    members[2]["relation"] = "04"  # 之女, but the ID says male
    with pytest.raises(ValidationFailed) as info:
        save_household(book, None, household, members)
    assert info.value.errors == [] and info.value.issues[0].code == "member.relation_sex"
    result = save_household(book, None, household, members, accept_warnings=True)
    assert [w.code for w in result.accepted] == ["member.relation_sex"]
    row = book.conn.execute("SELECT code, operator, detail FROM accepted_warnings").fetchone()
    assert row[0] == "member.relation_sex" and row[1] == "李文书"
    assert json.loads(row[2])["subject"] == "张小"
    # saving again does not ask about the same warning
    saved_household, saved_members = load_household(book, result.household_id)
    save_household(book, result.household_id, saved_household, saved_members)


def test_member_leaves_by_event_and_can_be_restored(book):
    household, members = family()
    hid = save_household(book, None, household, members).household_id
    _, saved = load_household(book, hid)
    son = saved[2]["id"]
    member_leave(book, son, "02", "2025-03-01", "外出定居")
    h, after = load_household(book, hid)
    assert count(book, "members") == 3  # nothing deleted
    assert after[2]["status"] == "left" and after[2]["left_reason"] == "02"
    assert h["member_count"] == 2
    fields = {r["field"] for r in history(book, hid) if r["op"] == "update"}
    assert {"status", "left_reason", "left_date", "left_note"} <= fields
    assert "member.leave" in {r["action"] for r in history(book, hid)}
    member_restore(book, son)
    h, after = load_household(book, hid)
    assert after[2]["status"] == "active" and after[2]["left_reason"] is None
    assert h["member_count"] == 3
    with pytest.raises(InvalidOperation):
        member_restore(book, son)


def test_head_leaving_needs_a_new_head(book):
    household, members = family()
    hid = save_household(book, None, household, members).household_id
    _, saved = load_household(book, hid)
    with pytest.raises(ValidationFailed) as info:
        member_leave(book, saved[0]["id"], "01", "2025-01-01")
    assert [i.code for i in info.value.errors] == ["household.no_head"]
    member_leave(book, saved[0]["id"], "01", "2025-01-01", new_head_id=saved[1]["id"])
    h, _ = load_household(book, hid)
    assert h["head_name"] == "李梅"


def test_leaving_needs_a_reason_and_a_past_date(book):
    household, members = family()
    hid = save_household(book, None, household, members).household_id
    _, saved = load_household(book, hid)
    with pytest.raises(ValidationFailed) as info:
        member_leave(book, saved[2]["id"], "", "2999-01-01")
    assert {i.code for i in info.value.errors} == {"member.left_reason", "date.future"}


def test_close_and_reopen_household(book):
    household, members = family()
    hid = save_household(book, None, household, members).household_id
    close_household(book, hid, "01", "2025-05-01", "全家迁往县城")
    h, _ = load_household(book, hid)
    assert h["status"] == "closed" and h["closed_reason"] == "01"
    assert count(book, "households") == 1
    # people of a closed household may be registered elsewhere; reopening then is refused
    save_household(book, None, {"number": "9", "category": "03"},
                   [{"name": "张三", "id_number": ZHANG_SAN, "relation": "01"}])
    with pytest.raises(ValidationFailed):
        reopen_household(book, hid)


def test_reopen_restores_a_closed_household(book):
    household, members = family()
    hid = save_household(book, None, household, members).household_id
    close_household(book, hid, "04", "2025-05-01")
    reopen_household(book, hid)
    h, _ = load_household(book, hid)
    assert h["status"] == "active" and h["closed_reason"] is None
    with pytest.raises(InvalidOperation):
        reopen_household(book, hid)


def test_no_delete_statement_exists_in_storage():
    from pathlib import Path

    import villagebook.storage as storage

    for path in Path(storage.__file__).parent.glob("*.py"):
        text = path.read_text(encoding="utf-8").upper()
        assert "DELETE FROM HOUSEHOLDS" not in text and "DELETE FROM MEMBERS" not in text, path


def test_a_failure_mid_save_leaves_the_book_as_it_was(book, monkeypatch):
    household, members = family()
    hid = save_household(book, None, household, members).household_id
    before = {t: count(book, t) for t in ("households", "members", "changes")}
    h, saved = load_household(book, hid)
    saved[0]["name"] = "张叁"
    saved.append({"name": "张华", "id_number": ZHANG_HUA, "relation": "04"})
    from villagebook.storage import households as module

    real = module._save_member
    calls = []

    def crash(writer, household_id, position, member):
        calls.append(position)
        if position == 3:
            raise OSError("power cut")
        real(writer, household_id, position, member)

    monkeypatch.setattr(module, "_save_member", crash)
    with pytest.raises(OSError):
        save_household(book, hid, h, saved)
    assert calls == [0, 1, 2, 3]
    assert {t: count(book, t) for t in before} == before
    assert load_household(book, hid)[1][0]["name"] == "张三"
