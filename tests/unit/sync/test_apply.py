"""sync/apply.py: what a merge keeps for a person (two records on a key entered once, the
same person registered in two villages) and the counts of a village compared (账账相符).
Delivery, order and refusals are in the other modules of this folder."""

from __future__ import annotations

import json

from helpers import ZHANG_SAN, family, make_id
from syncing import Site, another_village, export, households

from villagebook.storage.households import save_household
from villagebook.storage.incomes import save_income


def incomes(site: Site, year: int) -> list[tuple]:
    with site.book() as book:
        return book.conn.execute("SELECT id, wage_migrant FROM incomes WHERE year = ? AND"
                                 " status = 'active' ORDER BY id", [year]).fetchall()


def test_two_incomes_for_one_year_are_both_kept_and_shown(pair, tmp_path, capsys):
    village, township = pair
    with village.book() as book:
        household_id = save_household(book, None, *family()).household_id
    [first] = export(village, tmp_path / "1", capsys)
    assert township.run("sync", "import", str(first)) == 0
    for site, wage in ((village, "1000"), (township, "2000")):
        with site.book() as book:
            save_income(book, household_id, None, {"year": "2024", "wage_migrant": wage})
    [up] = export(village, tmp_path / "2", capsys)
    [down] = export(township, tmp_path / "3", capsys)
    assert township.run("sync", "import", str(up)) == 0
    assert village.run("sync", "import", str(down)) == 0
    assert incomes(village, 2024) == incomes(township, 2024)
    assert len(incomes(village, 2024)) == 2  # nothing lost, nothing merged by itself
    capsys.readouterr()
    assert township.run("sync", "conflicts", "--json") == 0
    [conflict] = json.loads(capsys.readouterr().out)
    assert conflict["field"] == "household_id+year" and conflict["unique_key"]


def test_the_same_person_in_two_villages_is_found_not_merged(pair, tmp_path, capsys,
                                                             monkeypatch):
    village, township = pair
    other = another_village(tmp_path, township)
    with village.book() as book:
        save_household(book, None, *family())
    with other.book() as book:  # 张三 moved and was registered again, his ID in lower case
        save_household(book, None, {"number": "530524101002001", "category": "01"},
                       [{"name": "张三", "relation": "01", "id_number": ZHANG_SAN.lower()},
                        {"name": "王芳", "relation": "02",
                         "id_number": make_id("19800101", 62)}])
    for site in (village, other):
        [package] = export(site, tmp_path / site.db.stem, capsys)
        assert township.run("sync", "import", str(package)) == 0
    capsys.readouterr()
    assert township.run("sync", "same-person", "--json") == 0
    [finding] = json.loads(capsys.readouterr().out)
    assert finding["basis"] == "id" and finding["a_name"] == finding["b_name"] == "张三"
    assert {finding["a_village_code"], finding["b_village_code"]} == {"530524101001",
                                                                      "530524101002"}
    assert isinstance(finding["a_id_number"], str)
    assert len(households(township)) == 2  # nothing merged by itself
    assert township.run("sync", "same-person", "--mark", finding["id"], "different",
                        "--user", "李文书") == 0
    capsys.readouterr()
    assert township.run("sync", "same-person", "--json") == 0
    assert json.loads(capsys.readouterr().out) == []


def test_counts_that_disagree_are_an_error_naming_the_kind(pair, tmp_path, capsys):
    village, township = pair
    with village.book() as book:
        save_household(book, None, *family())
    [first] = export(village, tmp_path / "1", capsys)
    assert township.run("sync", "import", str(first)) == 0
    with township.book() as book:  # a member lost at the township (a broken copy)
        book.conn.execute("PRAGMA foreign_keys = OFF")
        book.conn.execute("DELETE FROM members WHERE name = '张小'")
        book.conn.commit()
    [second] = export(village, tmp_path / "2", capsys, "--full")
    capsys.readouterr()
    assert township.run("sync", "import", str(second), "--json") == 1
    [row] = json.loads(capsys.readouterr().out)
    assert {"table": "members", "sender": 3, "here": 2} in row["count_errors"]


def test_counts_that_agree_are_not_weighed_against_the_history(pair, tmp_path, capsys,
                                                                monkeypatch):
    """账账相符 reads the village's history (whether the counts can agree yet) only when
    they differ: a merge of counts that agree never walks it."""
    from villagebook.sync import apply

    village, township = pair
    with village.book() as book:
        save_household(book, None, *family())
    [first] = export(village, tmp_path / "1", capsys)

    def walked(*_args):
        raise AssertionError("the village's history read for counts that agree")

    monkeypatch.setattr(apply, "_village_tops", walked)
    capsys.readouterr()
    assert township.run("sync", "import", str(first), "--json") == 0
    [row] = json.loads(capsys.readouterr().out)
    assert row["state"] == "applied" and row["count_errors"] == []
