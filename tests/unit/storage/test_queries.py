import pytest

from villagebook.storage.households import save_household
from villagebook.storage.queries import HouseholdQuery, household_count, household_page

from helpers import ZHANG_HUA, family, make_id


@pytest.fixture
def two(book):
    household, members = family()
    save_household(book, None, household, members)
    save_household(book, None, {"number": "110105001001002", "group_name": "第二组",
                                "category": "03"},
                   [{"name": "王芳", "id_number": ZHANG_HUA, "relation": "01"},
                    {"name": "赵大", "id_number": make_id("19500101", 51), "relation": "11"}])
    return book


def numbers(book, **query):
    return [r[1] for r in household_page(book, HouseholdQuery(**query), 0, 100)]


@pytest.mark.parametrize("text,expected", [
    ("zs", ["110105001001001"]), ("张三", ["110105001001001"]), ("zhangsan", ["110105001001001"]),
    ("wf", ["110105001001002"]), ("002", ["110105001001002"]),
    (ZHANG_HUA[-6:].lower(), ["110105001001002"]), ("赵 19500101", ["110105001001002"]),
    ("nobody", []),
])
def test_search_by_name_pinyin_id_and_number(two, text, expected):
    assert numbers(two, search=text) == expected
    assert household_count(two, HouseholdQuery(search=text)) == len(expected)


def test_sort_and_filter(two):
    assert numbers(two, sort="member_count") == ["110105001001002", "110105001001001"]
    assert numbers(two, sort="member_count", descending=True) == ["110105001001001",
                                                                   "110105001001002"]
    assert numbers(two, category="03") == ["110105001001002"]
    assert numbers(two, group_name="第一组") == ["110105001001001"]


def test_unknown_sort_column_is_refused(two):
    with pytest.raises(ValueError):
        numbers(two, sort="id_number; DROP TABLE households")


def test_search_follows_edits_and_leaving(two):
    from villagebook.storage.households import find_household_id, load_household, member_leave

    hid = find_household_id(two, "110105001001001")
    household, members = load_household(two, hid)
    members[2]["name"] = "张晓明"
    save_household(two, hid, household, members)
    assert numbers(two, search="张晓明") == ["110105001001001"]
    assert numbers(two, search="zxm") == ["110105001001001"]
    assert numbers(two, search="张小") == []
    member_leave(two, members[2]["id"], "02", "2025-01-01")
    assert numbers(two, search="zxm") == [] and numbers(two, search="张晓明") == []
    assert numbers(two, search="zs") == ["110105001001001"]


def test_quotes_and_operators_in_search_are_plain_text(two):
    for text in ['"', 'a"b"c', "OR", "张 AND", "*", "NEAR(", "-"]:
        numbers(two, search=text)  # no SQL or FTS syntax error
