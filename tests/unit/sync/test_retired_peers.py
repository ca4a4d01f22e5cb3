"""A pairing retired when the other side's computer is replaced, lost or stolen: its
packages are refused with a reason and nothing written, none are made for it, it waits for
nothing; pairing again makes it a peer again; what it sent before stays."""

from __future__ import annotations

import json

from helpers import family, make_id
from syncing import Site, export, households

from villagebook.storage.households import save_household
from villagebook.sync.keys import read_card
from villagebook.sync.peers import paired_elsewhere, peers


def _import(site: Site, path, capsys) -> dict:
    capsys.readouterr()
    site.run("sync", "import", str(path), "--json")
    [row] = json.loads(capsys.readouterr().out)
    return row


def test_a_retired_computers_packages_are_refused_until_it_is_paired_again(
        pair, tmp_path, capsys):
    village, township = pair
    with village.book() as book:
        save_household(book, None, *family())
    [first] = export(village, tmp_path / "usb1", capsys)
    assert _import(township, first, capsys)["state"] == "applied"
    with village.book() as book:  # made on the laptop after it was stolen
        household, _ = family()
        household["number"] = "530524101001099"
        save_household(book, None, household, [
            {"name": "王五", "id_number": make_id("19600101", 55), "relation": "01"}])
    [stolen] = export(village, tmp_path / "usb2", capsys)
    capsys.readouterr()
    assert township.run("sync", "retire", "530524101001", "--user", "李文书") == 0
    assert "retired the pairing with 石桥村" in capsys.readouterr().out
    before = households(township)
    refused = _import(township, stolen, capsys)
    assert refused["state"] == "refused" and refused["reason"] == "sync.retired"
    assert "停用" in refused["reason_text"] and "石桥村" in refused["reason_text"]
    assert households(township) == before and len(before) == 1  # what came before stays
    # nothing is made for it, nothing waits for it, and the status says so
    capsys.readouterr()
    assert township.run("sync", "export", "--out", str(tmp_path / "usb3")) == 1
    assert "sync.no_peers" in capsys.readouterr().err
    assert township.run("sync", "status", "--json") == 0
    state = json.loads(capsys.readouterr().out)
    assert state["peers"] == [] and [p["code"] for p in state["retired"]] == ["530524101001"]
    assert state["retired"][0]["retired_by"] == "李文书"
    # its card again (the laptop was found): a peer again, its package imported
    assert township.accept(tmp_path / "village.card") == 0
    assert _import(township, stolen, capsys)["state"] == "applied"
    assert len(households(township)) == 2


def test_retiring_names_the_computer_or_says_why_not(pair, tmp_path, capsys):
    village, township = pair
    capsys.readouterr()
    assert township.run("sync", "retire", "999999999999") == 1
    assert "sync.unpaired" in capsys.readouterr().err
    # the village's new laptop paired while the old pairing stands: two under one code
    new_laptop = Site(tmp_path, "new-laptop", None)
    assert new_laptop.run("init", "--village", "石桥村", "--code", "530524101001",
                          "--user", "李文书") == 0
    assert new_laptop.run("sync", "pair", "--export", str(tmp_path / "new.card")) == 0
    card = read_card(tmp_path / "new.card")
    with township.book() as book:
        assert [p["code"] for p in paired_elsewhere(book, card)] == ["530524101001"]
    assert township.accept(tmp_path / "new.card") == 0
    capsys.readouterr()
    assert township.run("sync", "retire", "530524101001") == 1
    assert "sync.retire_which" in capsys.readouterr().err
    with township.book() as book:
        old = next(p for p in peers(book) if p["installation"] != card["installation"])
    assert township.run("sync", "retire", old["installation"]) == 0
    with township.book() as book:
        assert [p["installation"] for p in peers(book)] == [card["installation"]]
