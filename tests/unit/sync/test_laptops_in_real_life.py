"""The laptops' lives, each as found by hand, through the command line: a township
replaced, a village and a township restored from a backup, a stolen village key sending
out of its scope, a package claiming numbers it does not carry, a change of a field no
book has (issue: sync that survives real life, items 1, 2, 3, 5, 6, 8)."""

from __future__ import annotations

import json
import shutil

from helpers import make_id
from syncing import Site, another_village, crafted, export, households, pair_sites

from villagebook.core.clock import decode, encode
from villagebook.storage.households import load_household, save_household


def household_of(code: str, number: int, seq: int) -> tuple[dict, list[dict]]:
    """A household of the village ``code`` with two members of their own ID numbers."""
    return ({"number": f"{code}{number:03d}", "category": "01", "phone": "13800000000"},
            [{"name": "户主", "relation": "01", "id_number": make_id("19700305", seq)},
             {"name": "配偶", "relation": "02", "id_number": make_id("19720614", seq + 1)}])


def add_households(site: Site, code: str, count: int, first_seq: int, first: int = 1) -> None:
    with site.book() as book:
        for n in range(first, first + count):
            save_household(book, None, *household_of(code, n, first_seq + 10 * n))


def exchange(village: Site, township: Site, tmp_path, capsys, tag: str) -> None:
    """The village's package to the township, and the township's answer back."""
    for package in export(village, tmp_path / f"{tag}-up", capsys):
        assert township.run("sync", "import", str(package)) in (0, 3)
    for package in export(township, tmp_path / f"{tag}-down", capsys,
                          "--to", _code(village)):
        assert village.run("sync", "import", str(package)) in (0, 3)


def _code(site: Site) -> str:
    with site.book() as book:
        return book.conn.execute("SELECT code FROM village").fetchone()[0]


def import_json(site: Site, capsys, *files) -> tuple[int, list[dict]]:
    capsys.readouterr()
    code = site.run("sync", "import", *map(str, files), "--json")
    return code, json.loads(capsys.readouterr().out)


def numbers(site: Site, code: str) -> set[str]:
    return {n for n in households(site) if n.startswith(code)}


def test_a_replaced_township_gets_every_village_s_whole_history(pair, tmp_path, capsys):
    village, township = pair
    other = another_village(tmp_path, township)
    add_households(village, "530524101001", 3, 100)
    add_households(other, "530524101002", 4, 300)
    for site, tag in ((village, "v"), (other, "o")):
        exchange(site, township, tmp_path, capsys, tag)
    # the township's laptop is replaced: a new book, a new computer
    new_town = Site(tmp_path, "new-town", None)
    assert new_town.run("init-township", "--name", "城关镇", "--code", "530524101",
                        "--user", "新站长") == 0
    assert new_town.run("sync", "pair", "--export", str(tmp_path / "new-town.card")) == 0
    for site, card in ((village, "village.card"), (other, "other.card")):
        assert site.run("sync", "retire", "530524101", "--user",
                        "李文书" if site is village else "王文书") == 0
        assert site.accept(tmp_path / "new-town.card") == 0
        assert new_town.accept(tmp_path / card) == 0
    for site in (village, other):
        [package] = export(site, tmp_path / f"to-new-{site.db.stem}", capsys)
        code, [row] = import_json(new_town, capsys, package)
        assert code == 0 and row["state"] == "applied" and row["count_errors"] == []
    assert numbers(new_town, "530524101001") == numbers(village, "530524101001")
    assert numbers(new_town, "530524101002") == numbers(other, "530524101002")
    assert len(numbers(new_town, "5305241010")) == 7


def test_a_village_restored_from_a_backup_gets_its_lost_edit_back(pair, tmp_path, capsys):
    village, township = pair
    add_households(village, "530524101001", 1, 100)
    exchange(village, township, tmp_path, capsys, "first")
    capsys.readouterr()
    assert village.run("backup", "--to", str(tmp_path / "backups")) == 0
    backup = capsys.readouterr().out.strip()
    with village.book() as book:  # edit X, sent: the township has it
        [household_id] = [r[0] for r in book.conn.execute("SELECT id FROM households")]
        household, members = load_household(book, household_id)
        save_household(book, household_id, {**household, "phone": "13911112222"}, members)
    exchange(village, township, tmp_path, capsys, "x")
    assert households(township)["530524101001001"]["phone"] == "13911112222"
    assert village.run("restore", backup) == 0
    assert households(village)["530524101001001"]["phone"] == "13800000000"
    with village.book() as book:  # edit Y on another field after the restore
        household, members = load_household(book, household_id)
        save_household(book, household_id, {**household, "address": "新地址"}, members)
    for tag in ("y1", "y2"):  # exchange both ways, twice: nobody chooses --full
        exchange(village, township, tmp_path, capsys, tag)
    mine, theirs = households(village), households(township)
    assert mine["530524101001001"]["phone"] == "13911112222"  # X came back
    assert mine == theirs
    with village.book() as book:
        assert book.conn.execute("SELECT address FROM households").fetchone()[0] == "新地址"


def test_a_township_restored_from_a_backup_gets_what_it_lost(pair, tmp_path, capsys):
    village, township = pair
    add_households(village, "530524101001", 1, 100)
    exchange(village, township, tmp_path, capsys, "first")
    capsys.readouterr()
    assert township.run("backup", "--to", str(tmp_path / "town-backups")) == 0
    backup = capsys.readouterr().out.strip()
    add_households(village, "530524101001", 2, 500, first=2)  # the township gets them
    exchange(village, township, tmp_path, capsys, "second")
    assert len(households(township)) == 3
    assert township.run("restore", backup) == 0
    assert len(households(township)) == 1
    with village.book() as book:  # one more edit after the township's restore
        hid = book.conn.execute("SELECT id FROM households ORDER BY number").fetchone()[0]
        household, members = load_household(book, hid)
        save_household(book, hid, {**household, "phone": "13700000001"}, members)
    for tag in ("after1", "after2"):
        exchange(village, township, tmp_path, capsys, tag)
    assert households(township) == households(village)
    with township.book() as book:  # nothing stays held
        assert book.conn.execute("SELECT count(*) FROM sync_packages WHERE state = 'held'"
                                 ).fetchone()[0] == 0


def test_a_stolen_village_key_changes_nothing_outside_its_village(pair, tmp_path, capsys):
    village, township = pair
    other = another_village(tmp_path, township)
    add_households(village, "530524101001", 1, 100)
    add_households(other, "530524101002", 1, 300)
    for site, tag in ((village, "v"), (other, "o")):
        exchange(site, township, tmp_path, capsys, tag)
    with township.book() as book:
        theirs = book.conn.execute("SELECT id, address FROM households WHERE number ="
                                   " '530524101002001'").fetchone()
        member = book.conn.execute("SELECT id, id_number FROM members WHERE household_id = ?"
                                   " ORDER BY position", [theirs[0]]).fetchone()
        town_user = book.conn.execute(  # the township's own user, made there
            "SELECT c.record_id FROM changes c JOIN actions a ON a.seq = c.action_seq"
            " WHERE c.table_name = 'users' AND c.op = 'create' AND a.site_id = ?",
            [book.site_id]).fetchone()[0]
        own = book.conn.execute("SELECT id FROM households WHERE number = '530524101001001'"
                                ).fetchone()[0]
    with village.book() as book:  # an ordinary edit, for the forged changes to ride on
        household, members = load_household(book, own)
        save_household(book, own, {**household, "address": "本村新址"}, members)

    def steal(package):  # signed with the village's real key, changes beyond its village
        action = package.actions[-1]
        base = dict(action["changes"][0])
        ms, counter, site = decode(base["hlc"])
        forged = [("households", theirs[0], "address", "被改的地址", theirs[0]),
                  ("members", member[0], "id_number", make_id("19800101", 999), theirs[0]),
                  ("users", town_user, "active", 0, None),
                  ("book_settings", "monitoring_line", "value", "1", None),
                  ("households", own, "phone", "13600000000", own)]
        for i, (table, record, name, value, _hh) in enumerate(forged, 1):
            action["changes"].append({**base, "hlc": encode(ms, counter + i, site),
                                      "table": table, "record": record, "op": "update",
                                      "field": name, "new": value, "old": None,
                                      "household": own, "base": None})

    code, [row] = import_json(township, capsys, crafted(village, tmp_path, steal))
    assert row["state"] == "applied"
    reasons = {(k["table"], k["field"]): k["reason"] for k in row["skipped"]}
    assert reasons[("households", "address")] == "sync.out_of_scope"
    assert reasons[("members", "id_number")] == "sync.out_of_scope"
    assert reasons[("users", "active")] == "sync.not_theirs"
    assert all(k["reason_text"] for k in row["skipped"])
    with township.book() as book:
        assert book.conn.execute("SELECT address FROM households WHERE id = ?",
                                 [theirs[0]]).fetchone()[0] == theirs[1]
        assert book.conn.execute("SELECT id_number FROM members WHERE id = ?",
                                 [member[0]]).fetchone()[0] == member[1]
        assert book.conn.execute("SELECT active FROM users WHERE id = ?",
                                 [town_user]).fetchone()[0] == 1
        # in scope: its own household's phone
        assert book.conn.execute("SELECT phone FROM households WHERE id = ?",
                                 [own]).fetchone()[0] == "13600000000"
    # and the township's next package to the other village carries none of it
    [down] = export(township, tmp_path / "down", capsys, "--to", "530524101002")
    assert other.run("sync", "import", str(down)) == 0
    assert households(other)["530524101002001"] == households(township)["530524101002001"]


def test_a_package_claiming_numbers_it_does_not_carry_is_refused(pair, tmp_path, capsys):
    village, township = pair
    add_households(village, "530524101001", 1, 100)

    def empty(package):
        package.actions.clear()

    code, [row] = import_json(township, capsys, crafted(village, tmp_path, empty))
    assert code == 1 and row["state"] == "refused"
    assert row["reason"] == "sync.range_not_carried" and "没有全部带上" in row["reason_text"]
    [real] = export(village, tmp_path / "real", capsys)  # the real one still applies
    code, [row] = import_json(township, capsys, real)
    assert code == 0 and row["state"] == "applied" and len(households(township)) == 1


def test_a_change_of_a_field_no_book_has_is_refused_in_words(pair, tmp_path, capsys):
    village, township = pair
    add_households(village, "530524101001", 1, 100)

    def unknown_update(package):
        change = dict(package.actions[-1]["changes"][0])
        package.actions[-1]["changes"].append({**change, "op": "update", "field": "nickname",
                                               "new": "x", "hlc": change["hlc"] + "0"})

    def unknown_create(package):
        change = package.actions[-1]["changes"][0]
        change["new"] = {**change["new"], "nickname": "x"}

    for mutate in (unknown_update, unknown_create):
        code, [row] = import_json(township, capsys, crafted(village, tmp_path, mutate))
        assert code == 1 and row["reason"] == "sync.unknown_field", row
        assert "nickname" in row["reason_text"]
        assert households(township) == {}


def _open(site: Site, capsys) -> list[dict]:
    capsys.readouterr()
    assert site.run("sync", "conflicts", "--json") == 0
    return json.loads(capsys.readouterr().out)


def test_a_conflict_stays_open_on_both_sides_until_a_decision_names_it(pair, tmp_path,
                                                                         capsys):
    """The township sets a phone; the village, not having seen it, saves the field twice:
    both sides list the one conflict under one name, and only a decision closes it,
    there and here."""
    village, township = pair
    add_households(village, "530524101001", 1, 100)
    exchange(village, township, tmp_path, capsys, "first")
    with township.book() as book:
        hid = book.conn.execute("SELECT id FROM households").fetchone()[0]
        household, members = load_household(book, hid)
        save_household(book, hid, {**household, "phone": "13900000001"}, members)
    for phone in ("13900000002", "13900000003"):  # twice, never having seen the township's
        with village.book() as book:
            household, members = load_household(book, hid)
            save_household(book, hid, {**household, "phone": phone}, members)
    for tag in ("crossed", "again"):
        exchange(village, township, tmp_path, capsys, tag)
    here, there = _open(village, capsys), _open(township, capsys)
    assert len(here) == 1 and [c["ident"] for c in here] == [c["ident"] for c in there]
    assert {here[0]["local_value"], here[0]["remote_value"]} in (
        {"13900000001", "13900000003"}, {"13900000001", "13900000002"})
    # an ordinary edit of the field decides nothing
    with village.book() as book:
        household, members = load_household(book, hid)
        save_household(book, hid, {**household, "phone": "13900000004"}, members)
    exchange(village, township, tmp_path, capsys, "edited")
    assert len(_open(village, capsys)) == 1 and len(_open(township, capsys)) == 1
    # a decision at the township closes it there, and here when it arrives
    assert township.run("sync", "conflicts", "--resolve", there[0]["id"], "--take", "local",
                        "--user", "李文书") == 0
    exchange(village, township, tmp_path, capsys, "decided")
    assert _open(village, capsys) == [] and _open(township, capsys) == []
    assert households(village) == households(township)


def test_three_laptops_editing_one_field_name_the_same_conflicts(pair, tmp_path, capsys):
    """A village with two laptops and its township set one phone, none having seen the
    others: whatever order the packages meet in, every book lists the same open
    conflicts (one for each two of the three values), and one decision on the field
    closes them all, everywhere."""
    village, township = pair
    add_households(village, "530524101001", 1, 100)
    second = Site(tmp_path, "second", None)  # the first secretary's: a copy of the book
    shutil.copy(village.db, second.db)
    pair_sites(second, township, tmp_path)
    laptops = (village, second)

    def round_trip(tag: str, order=laptops) -> None:
        for n, laptop in enumerate(order):
            for package in export(laptop, tmp_path / f"{tag}-up{n}", capsys):
                assert township.run("sync", "import", str(package)) in (0, 3)
        for package in export(township, tmp_path / f"{tag}-down", capsys):
            for laptop in laptops:
                assert laptop.run("sync", "import", str(package)) in (0, 3)

    round_trip("first")
    with second.book() as book:
        hid = book.conn.execute("SELECT id FROM households").fetchone()[0]
    for n, site in enumerate((village, second, township)):
        with site.book() as book:
            household, members = load_household(book, hid)
            save_household(book, hid, {**household, "phone": f"1390000000{n}"}, members)
    # the second laptop's package reaches the township first, the village's later
    round_trip("crossed", order=(second, village))
    round_trip("again")
    books = [_open(site, capsys) for site in (village, second, township)]
    idents = [sorted(c["ident"] for c in found) for found in books]
    assert len(idents[0]) == 3 and idents[0] == idents[1] == idents[2]
    values = {frozenset((c["local_value"], c["remote_value"])) for c in books[2]}
    assert values == {frozenset(("13900000000", "13900000001")),
                      frozenset(("13900000000", "13900000002")),
                      frozenset(("13900000001", "13900000002"))}
    # one decision on the field closes all three, here and where it arrives
    assert township.run("sync", "conflicts", "--resolve", books[2][0]["id"],
                        "--value", "13900000009", "--user", "李文书") == 0
    round_trip("decided")
    assert [_open(site, capsys) for site in (village, second, township)] == [[], [], []]
    assert {households(site)[next(iter(households(site)))]["phone"]
            for site in (village, second, township)} == {"13900000009"}


def test_a_clock_that_ran_ahead_is_said_and_its_package_accepted(pair, tmp_path, capsys):
    """The village's clock ran a year ahead for one edit: its stamps stay ahead once the
    clock is right again. The village's status says so; the township holds the package
    until a person accepts it; accepting applies it without moving the township's clock,
    later packages of that village come in by themselves, and a later edit at the
    township still replaces the accepted value everywhere."""
    import time as time_module

    from villagebook.core.clock import decode

    village, township = pair
    add_households(village, "530524101001", 1, 100)
    exchange(village, township, tmp_path, capsys, "first")
    real = time_module.time_ns
    with village.book() as book:  # one edit while the clock runs a year ahead
        hid = book.conn.execute("SELECT id FROM households").fetchone()[0]
        book.clock._wall = lambda: (real() + 365 * 86_400 * 10**9) // 1_000_000
        household, members = load_household(book, hid)
        save_household(book, hid, {**household, "phone": "13900000001"}, members)
    capsys.readouterr()
    assert village.run("sync", "status", "--json") == 0
    assert json.loads(capsys.readouterr().out)["clock_ahead_hours"] >= 8700
    assert village.run("sync", "status") == 0
    assert "时钟" in capsys.readouterr().out  # said in words on the village's side
    [package] = export(village, tmp_path / "ahead", capsys)
    code, [row] = import_json(township, capsys, package)
    assert code == 3 and row["state"] == "held" and row["reason"] == "sync.clock_ahead"
    capsys.readouterr()
    assert township.run("sync", "status", "--json") == 0
    [held] = json.loads(capsys.readouterr().out)["peers"][0]["held"]
    assert township.run("sync", "accept", held["id"], "--json", "--user", "李文书") == 0
    [row] = json.loads(capsys.readouterr().out)
    assert row["state"] == "applied"
    assert households(township)["530524101001001"]["phone"] == "13900000001"
    with township.book() as book:  # its clock was not dragged a year ahead
        assert decode(book.clock.now())[0] < real() // 1_000_000 + 86_400_000
    with village.book() as book:  # the clock is right again; its stamps still run ahead
        household, members = load_household(book, hid)
        save_household(book, hid, {**household, "address": "新址"}, members)
    [later] = export(village, tmp_path / "later", capsys)
    code, [row] = import_json(township, capsys, later)
    assert code == 0 and row["state"] == "applied"  # accepted once: no question again
    with township.book() as book:  # the township's later edit of the accepted field
        household, members = load_household(book, hid)
        save_household(book, hid, {**household, "phone": "13900000002"}, members)
    exchange(village, township, tmp_path, capsys, "after")
    assert households(village)["530524101001001"]["phone"] == "13900000002"
    assert households(township)["530524101001001"]["phone"] == "13900000002"


def test_a_village_whose_code_was_corrected_is_still_its_own(tmp_path, capsys,
                                                             monkeypatch):
    """A village is known by its record, not by the code it first had: a code corrected
    before pairing does not put the village's own history out of its scope."""
    from villagebook.storage.village import get_village, set_village

    village, township = Site(tmp_path, "village", None), Site(tmp_path, "town", None)
    assert village.run("init", "--village", "石桥村", "--code", "530524101009",
                       "--user", "李文书") == 0
    add_households(village, "530524101009", 2, 100)
    with village.book() as book:  # the code was mistyped: corrected
        set_village(book, {**get_village(book), "code": "530524101001"})
    assert township.run("init-township", "--name", "城关镇", "--code", "530524101",
                        "--user", "王站长") == 0
    for site, card in ((village, "v.card"), (township, "t.card")):
        assert site.run("sync", "pair", "--export", str(tmp_path / card)) == 0
    assert village.accept(tmp_path / "t.card") == 0 and township.accept(tmp_path / "v.card") == 0
    [package] = export(village, tmp_path / "usb", capsys)
    code, [row] = import_json(township, capsys, package)
    assert code == 0 and row["skipped"] == [] and len(households(township)) == 2


def test_actions_apply_in_the_order_they_were_made_whatever_the_package_order(
        pair, tmp_path, capsys):
    """A package lists its origins site by site: a member added on one laptop to a
    household made on another can come before that household (found by the model,
    a village's second laptop relaying to a new township). Applied in the order of the
    stamps, all of it comes in."""
    village, township = pair
    add_households(village, "530524101001", 1, 100)
    with village.book() as book:
        hid = book.conn.execute("SELECT id FROM households").fetchone()[0]
        household, members = load_household(book, hid)
        save_household(book, hid, household, [*members, {
            "name": "孩子", "relation": "03", "id_number": make_id("20100101", 300)}],
            accept_warnings=True)
    code, [row] = import_json(township, capsys, crafted(
        village, tmp_path, lambda package: package.actions.reverse()))
    assert code == 0 and row["state"] == "applied"
    [(number, counted)] = households(township).items()
    assert counted["members"] == 3


def test_a_replaced_village_laptop_gets_its_village_back(pair, tmp_path, capsys):
    """A village's laptop is replaced (stolen, broken): a new book made with the same
    village code, paired with the township, receives the village's whole history, and
    what it adds afterwards reaches the township (no second village of the same code)."""
    village, township = pair
    add_households(village, "530524101001", 3, 100)
    exchange(village, township, tmp_path, capsys, "v")
    new = Site(tmp_path, "new-village", None)
    assert new.run("init", "--village", "石桥村", "--code", "530524101001",
                   "--user", "新文书") == 0
    assert new.run("sync", "pair", "--export", str(tmp_path / "new-village.card")) == 0
    assert township.run("sync", "pair", "--export", str(tmp_path / "town.card")) == 0
    assert new.accept(tmp_path / "town.card") == 0
    assert township.accept(tmp_path / "new-village.card") == 0
    add_households(new, "530524101001", 1, 700, first=5)  # typed before the first exchange
    # its first package: the township holds nothing of a second record of its village
    [first] = export(new, tmp_path / "n-up", capsys)
    code, [row] = import_json(township, capsys, first)
    assert code == 1 and row["state"] == "refused" and row["reason"] == "sync.village_book_new"
    assert len(numbers(township, "530524101001")) == 3
    for package in export(township, tmp_path / "n-down", capsys, "--to", "530524101001"):
        code, rows = import_json(new, capsys, package)
        if rows[0]["state"] == "not_for_us":
            continue
        assert code == 0 and rows[0]["adopted"] == "石桥村", rows
        assert rows[0]["skipped"] == []
    exchange(new, township, tmp_path, capsys, "n")
    assert numbers(new, "530524101001") == numbers(township, "530524101001")
    assert len(numbers(new, "530524101001")) == 4
    with new.book() as book:  # its own history names the township's village
        [village_id] = book.conn.execute("SELECT id FROM village").fetchone()
        assert book.home_village_id == village_id
        assert book.conn.execute("SELECT count(*) FROM changes WHERE op = 'create' AND"
                                 " table_name = 'households' AND"
                                 " json_extract(new_value, '$.village_id') != ?",
                                 [village_id]).fetchone()[0] == 0
    add_households(new, "530524101001", 1, 900, first=7)
    exchange(new, township, tmp_path, capsys, "n2")
    with township.book() as book:
        assert book.conn.execute("SELECT count(*) FROM village WHERE code = ?",
                                 ["530524101001"]).fetchone()[0] == 1
    assert len(numbers(township, "530524101001")) == 5
    exchange(village, township, tmp_path, capsys, "v2")  # the old laptop, if it still works
    assert numbers(village, "530524101001") == numbers(township, "530524101001")
    for site in (new, township, village):  # the township named at the first init stays
        with site.book() as book:
            assert book.conn.execute("SELECT township FROM village").fetchone()[0] == "城关镇"
            assert book.conn.execute("SELECT count(*) FROM sync_conflicts").fetchone()[0] == 0


def test_a_second_laptop_s_edits_reach_a_new_township_the_first_passed_on(pair, tmp_path,
                                                                           capsys):
    """A village with two laptops and a replaced township: the first laptop hands the new
    township the second's edits (only in the village's scope), the new township answers
    the second, and the second's next package is still taken whole (the township says
    what it holds of the second's own numbers in full, not in the village's scope)."""
    village, township = pair
    add_households(village, "530524101001", 2, 100)
    exchange(village, township, tmp_path, capsys, "v")
    second = Site(tmp_path, "second", None)
    shutil.copy(village.db, second.db)
    pair_sites(second, township, tmp_path)
    add_households(second, "530524101001", 1, 500, first=5)
    exchange(second, township, tmp_path, capsys, "s")
    exchange(village, township, tmp_path, capsys, "v2")  # the first has the second's now
    add_households(second, "530524101001", 1, 600, first=6)
    new_town = Site(tmp_path, "new-town", None)
    assert new_town.run("init-township", "--name", "城关镇", "--code", "530524101",
                        "--user", "新站长") == 0
    assert new_town.run("sync", "pair", "--export", str(tmp_path / "new-town.card")) == 0
    for site, card in ((village, "village.card"), (second, "second.card")):
        assert site.run("sync", "retire", "530524101", "--user", "李文书") == 0
        assert site.accept(tmp_path / "new-town.card") == 0
        assert new_town.accept(tmp_path / card) == 0
    for package in export(village, tmp_path / "to-new", capsys):
        assert new_town.run("sync", "import", str(package)) == 0
    for package in export(new_town, tmp_path / "from-new", capsys, "--to", "530524101001"):
        assert second.run("sync", "import", str(package)) in (0, 3)
    [package] = export(second, tmp_path / "second-to-new", capsys)
    code, [row] = import_json(new_town, capsys, package)
    assert code == 0 and row["state"] == "applied", row
    assert numbers(new_town, "530524101001") == numbers(second, "530524101001")
    assert len(numbers(new_town, "530524101001")) == 4


def test_an_edit_of_a_record_not_arrived_yet_is_kept_until_it_comes(pair, tmp_path,
                                                                     capsys):
    """The township goes back to a backup older than a household; the village's second
    laptop, not yet told, sends only its own edit of that household (made on the first
    laptop). The edit is kept, not left out for ever while its number counts as held,
    and applied once the household arrives; the first laptop gets it then."""
    from villagebook.storage.backups import make_backup, restore

    village, township = pair
    second = Site(tmp_path, "second", None)
    shutil.copy(village.db, second.db)
    pair_sites(second, township, tmp_path)
    with township.book() as book:
        backup = make_backup(book, tmp_path / "town-backups")
    add_households(village, "530524101001", 1, 100)
    exchange(village, township, tmp_path, capsys, "first")
    exchange(second, township, tmp_path, capsys, "second")
    with second.book() as book:
        hid = book.conn.execute("SELECT id FROM households").fetchone()[0]
        household, members = load_household(book, hid)
        save_household(book, hid, {**household, "phone": "13900000009"}, members)
    with township:  # the pairings made since the backup stay
        restore(township.db, backup)
    [only_the_edit] = export(second, tmp_path / "edit", capsys)
    code, [row] = import_json(township, capsys, only_the_edit)
    # applied; the counts say honestly that the township lacks a household yet
    assert row["state"] == "applied" and row["skipped"] == [] and households(township) == {}
    assert code == 1 and {(e["table"], e["here"]) for e in row["count_errors"]} == {
        ("households", 0), ("members", 0)}
    for package in export(township, tmp_path / "told", capsys, "--to", "530524101001"):
        village.run("sync", "import", str(package))  # told what the township holds,
    for package in export(village, tmp_path / "again", capsys):  # it sends the rest
        code, rows = import_json(township, capsys, package)
        assert code == 0, rows
    assert households(township)["530524101001001"]["phone"] == "13900000009"
    for package in export(township, tmp_path / "last", capsys, "--to", "530524101001"):
        assert village.run("sync", "import", str(package)) == 0
    assert households(village)["530524101001001"]["phone"] == "13900000009"
