"""A village and its township exchange packages through the command line: pairing,
export, import, corrections back, idempotence, held packages, conflicts, refusals."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from helpers import family, make_id
from villagebook.cli import main
from villagebook.storage import open_book
from villagebook.storage.households import load_household, save_household


class Site:
    """One installation (its own data folder: keys, id) and its book."""

    def __init__(self, root: Path, name: str, monkeypatch) -> None:
        self.data = root / f"{name}-data"
        self.db = root / f"{name}.db"
        self.monkeypatch = monkeypatch

    def __enter__(self) -> "Site":
        self._old = os.environ.get("VILLAGEBOOK_DATA_DIR")
        os.environ["VILLAGEBOOK_DATA_DIR"] = str(self.data)
        return self

    def __exit__(self, *exc) -> None:
        os.environ["VILLAGEBOOK_DATA_DIR"] = self._old or ""

    def run(self, *args: str) -> int:
        with self:
            return main([*args[:2], "--db", str(self.db), *args[2:]] if args[0] == "sync"
                        else [args[0], "--db", str(self.db), *args[1:]])

    def book(self):
        with self:
            book = open_book(self.db)
        book.operator = "李文书"
        return book


@pytest.fixture
def pair(tmp_path, monkeypatch, capsys):
    village, township = Site(tmp_path, "village", monkeypatch), Site(tmp_path, "town", monkeypatch)
    assert village.run("init", "--village", "石桥村", "--code", "530524101001",
                       "--township", "城关镇", "--user", "李文书") == 0
    assert township.run("init-township", "--name", "城关镇", "--code", "530524101",
                        "--county", "昌宁县", "--user", "李文书") == 0
    assert village.run("sync", "pair", "--export", str(tmp_path / "village.card")) == 0
    village_fp = capsys.readouterr().out.split("fingerprint: ")[1].strip()
    assert township.run("sync", "pair", "--export", str(tmp_path / "town.card")) == 0
    assert village.run("sync", "pair", "--accept", str(tmp_path / "town.card")) == 0
    assert township.run("sync", "pair", "--accept", str(tmp_path / "village.card"),
                        "--fingerprint", village_fp.replace(" ", "")) == 0
    capsys.readouterr()
    return village, township


def export(site: Site, out: Path, capsys, *extra: str) -> list[Path]:
    assert site.run("sync", "export", "--out", str(out), *extra) == 0
    return [Path(line) for line in capsys.readouterr().out.split()]


def households(site: Site) -> dict[str, dict]:
    with site:
        with open_book(site.db, read_only=True) as book:
            rows = book.conn.execute("SELECT number, phone, head_name, member_count, village_id"
                                     " FROM households").fetchall()
    return {r[0]: {"phone": r[1], "head": r[2], "members": r[3], "village": r[4]} for r in rows}


def test_village_to_township_and_a_correction_back(pair, tmp_path, capsys):
    village, township = pair
    with village.book() as book:
        household_id = save_household(book, None, *family()).household_id
    [package] = export(village, tmp_path / "usb", capsys)
    assert package.name.startswith("石桥村-至城关镇-") and package.suffix == ".vbsync"
    assert b"11010519" not in package.read_bytes()  # nothing readable without the key
    assert township.run("sync", "import", str(package)) == 0
    assert households(township) == households(village)
    assert households(township)["110105001001001"]["head"] == "张三"  # derived, recomputed
    # the township corrects the phone; the village's next import shows it
    with township.book() as book:
        household, members = load_household(book, household_id)
        save_household(book, household_id, {**household, "phone": "13988887777"}, members)
    capsys.readouterr()
    [back] = export(township, tmp_path / "back", capsys, "--to", "530524101001")
    assert village.run("sync", "import", str(back)) == 0
    assert households(village)["110105001001001"]["phone"] == "13988887777"
    # a package applied twice changes nothing
    capsys.readouterr()
    assert village.run("sync", "import", str(back), "--json") == 0
    [row] = json.loads(capsys.readouterr().out)
    assert row["state"] == "already"
    # receipts: the village's next package carries nothing the township has
    [again] = export(village, tmp_path / "usb2", capsys)
    capsys.readouterr()
    assert township.run("sync", "import", str(again), "--json") == 0
    [row] = json.loads(capsys.readouterr().out)
    assert row["actions"] == 0


def test_concurrent_edits_are_a_conflict_on_both_sides_and_the_decision_travels(
        pair, tmp_path, capsys):
    village, township = pair
    with village.book() as book:
        household_id = save_household(book, None, *family()).household_id
    [first] = export(village, tmp_path / "1", capsys)
    assert township.run("sync", "import", str(first)) == 0
    for site, phone in ((village, "13900000001"), (township, "13900000002")):
        with site.book() as book:
            household, members = load_household(book, household_id)
            save_household(book, household_id, {**household, "phone": phone}, members)
    capsys.readouterr()
    [to_town] = export(village, tmp_path / "2", capsys)
    [to_village] = export(township, tmp_path / "3", capsys)
    assert township.run("sync", "import", str(to_town)) == 0
    assert village.run("sync", "import", str(to_village)) == 0
    capsys.readouterr()
    phones = {households(s)["110105001001001"]["phone"] for s in (village, township)}
    assert len(phones) == 1  # the same interim value everywhere
    for site in (village, township):
        assert site.run("sync", "conflicts", "--json") == 0
        [conflict] = json.loads(capsys.readouterr().out)
        assert {conflict["local_value"], conflict["remote_value"]} == {"13900000001",
                                                                       "13900000002"}
        assert conflict["field"] == "phone" and conflict["household_number"] == "110105001001001"
    assert township.run("sync", "conflicts", "--resolve", conflict["id"] if False else
                        _open_conflict_id(township, capsys), "--value", "13911112222") == 0
    capsys.readouterr()
    [decision] = export(township, tmp_path / "4", capsys)
    assert village.run("sync", "import", str(decision)) == 0
    capsys.readouterr()
    for site in (village, township):
        assert households(site)["110105001001001"]["phone"] == "13911112222"
        assert site.run("sync", "conflicts", "--json") == 0
        assert json.loads(capsys.readouterr().out) == []


def _open_conflict_id(site: Site, capsys) -> str:
    capsys.readouterr()
    assert site.run("sync", "conflicts", "--json") == 0
    [conflict] = json.loads(capsys.readouterr().out)
    return conflict["id"]


def test_a_package_after_a_gap_is_held_and_applies_when_the_gap_fills(pair, tmp_path, capsys):
    village, township = pair
    with village.book() as book:
        household_id = save_household(book, None, *family()).household_id
    [one] = export(village, tmp_path / "1", capsys)
    with village.book() as book:  # the village sends again before hearing back
        household, members = load_household(book, household_id)
        save_household(book, household_id, {**household, "phone": "13900000009"}, members)
    # the second package repeats the first part (nothing acknowledged yet) and adds one:
    # deliver only its new part by exporting after marking the first as received
    with village.book() as book:
        book.conn.execute("INSERT INTO sync_acks VALUES (?, ?, ?)",
                          [_peer_id(book), book.site_id, _top(book) - 1])
        book.conn.commit()
    capsys.readouterr()
    [two] = export(village, tmp_path / "2", capsys)
    assert township.run("sync", "import", str(two)) == 3  # held: the first is missing
    err = capsys.readouterr().err
    assert "sync.gap" in err
    assert households(township) == {}
    assert township.run("sync", "import", str(one)) == 0  # fills the gap; the held one follows
    assert households(township)["110105001001001"]["phone"] == "13900000009"


def _peer_id(book) -> str:
    return book.conn.execute("SELECT installation FROM sync_peers").fetchone()[0]


def _top(book) -> int:
    return book.own_sequence()


def test_refusals_write_nothing(pair, tmp_path, capsys):
    village, township = pair
    with village.book() as book:
        save_household(book, None, *family())
    [package] = export(village, tmp_path / "1", capsys)
    data = package.read_bytes()
    flipped = tmp_path / "flipped.vbsync"
    flipped.write_bytes(data[:200] + bytes([data[200] ^ 1]) + data[201:])
    truncated = tmp_path / "truncated.vbsync"
    truncated.write_bytes(data[:-10])
    for bad, code in ((flipped, "sync."), (truncated, "sync.damaged")):
        assert township.run("sync", "import", str(bad)) == 1
        assert code in capsys.readouterr().err
        assert households(township) == {}
    # a package for another book cannot be read there
    assert village.run("sync", "import", str(package)) == 1
    assert "sync." in capsys.readouterr().err
