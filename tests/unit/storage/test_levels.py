"""storage/levels.py: the levels of books and which of them pair."""

from __future__ import annotations

import pytest

from villagebook.storage.levels import COUNTY, TOWNSHIP, VILLAGE, level_above, pairing_refusal

SHIQIAO = (VILLAGE, "石桥村", "530524101001")
CHENGGUAN = (TOWNSHIP, "城关镇", "530524101")
CHANGNING = (COUNTY, "昌宁县", "530524")


def test_each_level_reports_to_the_one_above():
    assert [level_above(level) for level in (VILLAGE, TOWNSHIP, COUNTY)] == \
        [TOWNSHIP, COUNTY, None]


@pytest.mark.parametrize("mine, theirs", [(SHIQIAO, CHENGGUAN), (CHENGGUAN, SHIQIAO),
                                          (CHENGGUAN, CHANGNING), (CHANGNING, CHENGGUAN)])
def test_a_book_pairs_with_the_level_above_or_below_that_holds_it(mine, theirs):
    assert pairing_refusal(mine, theirs) is None


def test_what_is_refused_and_why():
    assert pairing_refusal(SHIQIAO, (VILLAGE, "河口村", "530524101002"))[0] == "sync.same_kind"
    assert pairing_refusal(SHIQIAO, CHANGNING) == (
        "sync.levels_apart", {"name": "昌宁县", "card_code": "530524"})
    assert pairing_refusal((TOWNSHIP, "河口镇", "530524102"), SHIQIAO) == (
        "sync.not_within", {"lower": "石桥村", "lower_code": "530524101001",
                            "higher": "河口镇", "higher_code": "530524102"})
    assert pairing_refusal(CHENGGUAN, (COUNTY, "施甸县", "530521"))[0] == "sync.not_within"


def test_each_level_has_the_one_below_that_reports_to_it():
    from villagebook.storage.levels import level_below

    assert [level_below(level) for level in (VILLAGE, TOWNSHIP, COUNTY)] == \
        [None, VILLAGE, TOWNSHIP]


def test_a_book_of_every_level_is_marked_as_this_programs(tmp_path):
    """The application id ("VBK1") in the file's header, whatever the level: another
    program's SQLite file is told apart from a village's, a township's or a county's."""
    from villagebook.cli import create_demo
    from villagebook.storage import open_book
    from villagebook.storage.book import APPLICATION_ID
    from villagebook.storage.township import create_township

    create_demo(tmp_path / "village.db", 2).close()
    for level, code in ((TOWNSHIP, "530524101"), (COUNTY, "530524")):
        create_township(tmp_path / f"{level}.db", {"name": "某", "code": code,
                                                   "user": "站长"}, level).close()
    for level in (VILLAGE, TOWNSHIP, COUNTY):
        path = tmp_path / f"{level}.db"
        assert int.from_bytes(path.read_bytes()[68:72], "big") == APPLICATION_ID
        with open_book(path, read_only=True) as book:
            assert book.level == level
