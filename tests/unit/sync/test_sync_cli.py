"""A village and its township exchange packages through the command line: pairing,
export, import, corrections back, idempotence, held packages, conflicts, refusals."""

from __future__ import annotations

import json

from helpers import family
from syncing import Site, export, households, phone_changed_on_both_sides

from villagebook.storage.households import load_household, save_household


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
    phone_changed_on_both_sides(village, township, tmp_path, capsys)
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
    # its own package, left beside the township's answer on the stick: not for it, left
    # alone, never counted as refused
    capsys.readouterr()
    assert village.run("sync", "import", str(package), "--json") == 0
    [row] = json.loads(capsys.readouterr().out)
    assert row["state"] == "not_for_us" and row["reason"] == "sync.own_package"
    assert "这台电脑" in row["reason_text"]


def test_a_package_from_a_clock_far_ahead_is_held_not_followed(pair, tmp_path, capsys):
    import time as time_module

    village, township = pair
    from villagebook.core.clock import decode

    real = time_module.time_ns
    with village.book() as book:  # the village laptop's clock runs a year ahead
        book.clock._wall = lambda: (real() + 365 * 86_400 * 10**9) // 1_000_000
        save_household(book, None, *family())
    [package] = export(village, tmp_path / "usb", capsys)
    capsys.readouterr()
    assert township.run("sync", "import", str(package), "--json") == 3
    [row] = json.loads(capsys.readouterr().out)
    assert row["state"] == "held" and row["reason"] == "sync.clock_ahead"
    assert households(township) == {}
    with township.book() as book:  # its clock was not dragged along
        assert decode(book.clock.now())[0] < real() // 1_000_000 + 86_400_000


def test_accepted_findings_travel_to_the_township(pair, tmp_path, capsys):
    from villagebook.storage.cadres import save_helper, save_pairing
    from villagebook.storage.findings import accept_finding, find_all

    village, township = pair
    with village.book() as book:
        household_id = save_household(book, None, *family()).household_id
        helper = save_helper(book, None, {"name": "王干部", "unit": "县农业农村局"})
        save_pairing(book, household_id, None, {"helper_id": helper,
                                                "start_date": "2026-01-01"})
        import datetime as dt

        behind = find_all(book, ["helper.behind"], today=dt.date(2026, 11, 27))
        accept_finding(book, behind[0], "新调入")
    [package] = export(village, tmp_path / "usb", capsys)
    assert township.run("sync", "import", str(package)) == 0
    with township.book() as book:
        row = book.conn.execute("SELECT a.record_id, v.code FROM accepted_findings a"
                                " JOIN village v ON v.id = a.village_id").fetchone()
        assert row == (helper, "530524101001")


def test_exporting_to_a_township_not_paired_says_so(pair, tmp_path, capsys):
    village, _township = pair
    assert village.run("sync", "export", "--out", str(tmp_path / "usb"), "--to",
                       "999999999") == 1
    err = capsys.readouterr().err
    assert "sync.no_peer" in err and "本账本尚未与 999999999 配对" in err
