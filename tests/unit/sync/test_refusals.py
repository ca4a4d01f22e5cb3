"""Hostile and wrong packages are refused with a clear reason and nothing written."""

from __future__ import annotations

import io
import json
import zipfile

import pytest
from helpers import family
from syncing import Site, crafted, export, households

from villagebook.storage import open_book
from villagebook.storage.households import save_household
from villagebook.sync import package as package_module
from villagebook.sync.export import build
from villagebook.sync.peers import peers


def refused(site: Site, path, capsys, code: str) -> None:
    capsys.readouterr()
    assert site.run("sync", "import", str(path), "--json") == 1
    [row] = json.loads(capsys.readouterr().out)
    assert row["state"] == "refused" and row["reason"] == code, row
    assert row["reason_text"] and row["reason_text"] != code  # said in words


def nothing_written(site: Site) -> None:
    assert households(site) == {}
    with site:
        with open_book(site.db, read_only=True) as book:
            assert book.conn.execute("SELECT count(*) FROM sync_packages").fetchone()[0] == 0
            assert book.conn.execute("SELECT count(*) FROM actions WHERE site_id != ?",
                                     [book.site_id]).fetchone()[0] == 0


@pytest.fixture
def village_with_data(pair):
    village, township = pair
    with village.book() as book:
        save_household(book, None, *family())
    return village, township


def test_a_package_for_another_township_is_not_for_it(village_with_data, tmp_path, capsys,
                                                     monkeypatch):
    village, township = village_with_data
    other = Site(tmp_path, "other-town", monkeypatch)
    assert other.run("init-township", "--name", "河口镇", "--code", "530524102",
                     "--user", "赵") == 0
    # (石桥村 is not in 河口镇: the two cannot even pair)
    assert other.accept(tmp_path / "village.card") == 1
    [package] = export(village, tmp_path / "usb", capsys, "--to", "530524101")
    capsys.readouterr()
    assert other.run("sync", "import", str(package), "--json") == 0  # not refused
    [row] = json.loads(capsys.readouterr().out)
    assert row["state"] == "not_for_us" and row["reason"] == "sync.not_addressed"
    assert row["reason_text"] and row["reason_text"] != row["reason"]
    nothing_written(other)


def test_a_package_from_an_unpaired_village_is_refused(village_with_data, tmp_path, capsys,
                                                       monkeypatch):
    village, township = village_with_data
    stranger = Site(tmp_path, "stranger", monkeypatch)
    assert stranger.run("init", "--village", "外村", "--code", "530524101009",
                        "--user", "钱") == 0
    assert stranger.accept(tmp_path / "town.card") == 0
    [package] = export(stranger, tmp_path / "usb", capsys)
    refused(township, package, capsys, "sync.unpaired")
    nothing_written(township)


def test_a_forked_book_is_refused(village_with_data, tmp_path, capsys):
    village, township = village_with_data
    [first] = export(village, tmp_path / "usb", capsys)
    assert township.run("sync", "import", str(first)) == 0
    before = households(township)

    def fork(package):
        package.actions[-1]["id"] = "01900000-0000-7000-8000-000000000000"

    refused(township, crafted(village, tmp_path, fork), capsys, "sync.forked")
    assert households(township) == before


@pytest.mark.parametrize("change, code", [
    (lambda p: p.manifest.update(schema=999), "sync.newer_schema"),
    (lambda p: p.manifest.update(receiver="someone-else"), "sync.wrong_receiver"),
    (lambda p: p.actions[0].update(seq=10_000), "sync.damaged"),
    (lambda p: p.actions[0]["changes"].append({"op": "drop", "table": "households"}),
     "sync.damaged"),
    (lambda p: p.actions[0]["changes"].append(
        {"op": "update", "table": "households", "field": "x; DROP TABLE households",
         "record": "r", "hlc": "0", "new": 1}), "sync.unknown_field"),
])
def test_a_signed_package_with_wrong_content_is_refused(village_with_data, tmp_path, capsys,
                                                        change, code):
    village, township = village_with_data
    refused(township, crafted(village, tmp_path, change), capsys, code)
    nothing_written(township)


def test_a_newer_format_is_refused(village_with_data, tmp_path, capsys):
    village, township = village_with_data
    refused(township, crafted(village, tmp_path, header={"format": 2}), capsys,
            "sync.newer_format")
    nothing_written(township)


def archive_of(entries: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as out:
        for name, data in entries.items():
            out.writestr(name, data)
    return buffer.getvalue()


def test_path_traversal_names_are_refused(village_with_data, tmp_path, capsys):
    village, township = village_with_data
    hostile = archive_of({"manifest.json": b"{}", "actions.json": b"[]",
                          "../../villagebook.db": b"x"})
    refused(township, crafted(village, tmp_path, archive=hostile), capsys, "sync.bad_names")
    hostile = archive_of({"manifest.json": b"{}", "actions.json": b"[]",
                          "blobs/../../x": b"x"})
    refused(township, crafted(village, tmp_path, archive=hostile), capsys, "sync.bad_names")
    nothing_written(township)


def test_a_payload_that_inflates_past_its_bound_is_refused(village_with_data, tmp_path,
                                                            capsys, monkeypatch):
    village, township = village_with_data
    monkeypatch.setattr(package_module, "MAX_JSON", 1024 * 1024)
    bomb = archive_of({"manifest.json": b"{}", "actions.json": b"[" + b" " * 4_000_000 + b"]"})
    assert len(bomb) < 100_000
    refused(township, crafted(village, tmp_path, archive=bomb), capsys, "sync.too_large")
    nothing_written(township)


def test_malformed_json_is_refused(village_with_data, tmp_path, capsys):
    village, township = village_with_data
    broken = archive_of({"manifest.json": b"{\"format\": 1,", "actions.json": b"[{"})
    refused(township, crafted(village, tmp_path, archive=broken), capsys, "sync.damaged")
    nothing_written(township)


def test_a_township_not_yet_updated_reads_a_package_of_a_newer_program(
        village_with_data, tmp_path, capsys, monkeypatch):
    """A migration that only adds what each book derives for itself (0016's sort keys)
    does not make packages unreadable to a township still on the schema before it."""
    from villagebook.storage.schema_names import SCHEMA_VERSION, SHIPPED_SCHEMA
    from villagebook.sync import apply as apply_module

    village, township = village_with_data
    with village:
        with open_book(village.db) as book:
            assert build(book, peers(book)[0]).manifest["schema"] == SHIPPED_SCHEMA
    assert SHIPPED_SCHEMA < SCHEMA_VERSION
    [package] = export(village, tmp_path / "usb", capsys)
    monkeypatch.setattr(apply_module, "SCHEMA_VERSION", SHIPPED_SCHEMA)  # the older program
    assert township.run("sync", "import", str(package)) == 0
    assert households(township)


def test_pairing_follows_the_levels_and_the_codes(pair, tmp_path, capsys, monkeypatch):
    """A village pairs with the township its code lies in; two villages, two townships,
    or a village of another township are refused in words, and nothing is paired."""
    village, township = pair
    neighbour = Site(tmp_path, "neighbour", monkeypatch)
    assert neighbour.run("init", "--village", "河口村", "--code", "530524101002",
                         "--user", "王") == 0
    assert neighbour.run("sync", "pair", "--export", str(tmp_path / "neighbour.card")) == 0
    far = Site(tmp_path, "far", monkeypatch)
    assert far.run("init", "--village", "远村", "--code", "530524199001", "--user", "钱") == 0
    assert far.run("sync", "pair", "--export", str(tmp_path / "far.card")) == 0
    town2 = Site(tmp_path, "town2", monkeypatch)
    assert town2.run("init-township", "--name", "河口镇", "--code", "530524102",
                     "--user", "赵") == 0
    assert town2.run("sync", "pair", "--export", str(tmp_path / "town2.card")) == 0
    capsys.readouterr()
    for site, card, code, words in (
            (village, "neighbour.card", "sync.same_kind", "同一级的账本不能相互配对"),
            (township, "town2.card", "sync.same_kind", "同一级的账本不能相互配对"),
            (township, "far.card", "sync.not_within", "远村（530524199001）不属于城关镇"),
            (far, "town.card", "sync.not_within", "远村（530524199001）不属于城关镇")):
        assert site.accept(tmp_path / card) == 1
        said = capsys.readouterr().err
        assert code in said and words in said, said
    with township.book() as book:
        assert [row[0] for row in book.conn.execute(
            "SELECT code FROM sync_peers")] == ["530524101001"]
