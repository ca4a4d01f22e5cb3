"""县级有档: two villages → their township → the county. The county's book holds every
person of both villages, a replay changes nothing, the county's answers say what it
holds (the township then sends only what is new), and what may not pair is refused."""

from __future__ import annotations

import json

from helpers import family, make_id
from syncing import Site, another_village, export, households, pair_sites

from villagebook.core.errors import BookError
from villagebook.storage import open_book
from villagebook.storage.book_settings import set_int_setting
from villagebook.storage.households import load_household, save_household
from villagebook.storage.village import add_user, set_user_active


def _county(tmp_path, township: Site, capsys) -> Site:
    """昌宁县 (530524), paired with the township of ``pair``."""
    county = Site(tmp_path, "county", None)
    assert county.run("init-county", "--name", "昌宁县", "--code", "530524",
                      "--user", "县档案员") == 0
    assert county.run("sync", "pair", "--export", str(tmp_path / "county.card")) == 0
    assert township.run("sync", "pair", "--export", str(tmp_path / "town-up.card")) == 0
    assert county.accept(tmp_path / "town-up.card") == 0
    assert township.accept(tmp_path / "county.card") == 0
    capsys.readouterr()
    return county


def _people(site: Site) -> dict[str, str]:
    with site:
        with open_book(site.db, read_only=True) as book:
            return dict(book.conn.execute(
                "SELECT m.id_number, v.code FROM members m JOIN households h"
                " ON h.id = m.household_id JOIN village v ON v.id = h.village_id"))


def test_two_villages_reach_the_county_through_their_township(pair, tmp_path, capsys):
    village, township = pair
    other = another_village(tmp_path, township)
    with village.book() as book:
        first = save_household(book, None, *family()).household_id
    household, members = family()
    births = (("19700305", 511), ("19720614", 522), ("19980101", 533))
    members = [{**m, "id_number": make_id(birth, seq)} for m, (birth, seq) in
               zip(members, births)]
    with other.book() as book:
        save_household(book, None, {**household, "number": "530524101002001"}, members)
    for site in (village, other):
        for package in export(site, tmp_path / f"up-{site.db.stem}", capsys):
            assert township.run("sync", "import", str(package)) == 0
    county = _county(tmp_path, township, capsys)
    [up] = export(township, tmp_path / "to-county", capsys, "--to", "530524")
    capsys.readouterr()
    assert county.run("sync", "import", str(up), "--json") == 0
    [row] = json.loads(capsys.readouterr().out)
    assert row["state"] == "applied" and not row.get("skipped")
    people = _people(county)
    assert people == _people(township) and len(people) == 6
    assert set(people.values()) == {"530524101001", "530524101002"}
    with county:
        with open_book(county.db, read_only=True) as book:
            assert book.conn.execute("SELECT head_name FROM households WHERE id = ?",
                                     [first]).fetchone()[0] == "张三"  # derived here too
    # a replay changes nothing
    assert county.run("sync", "import", str(up), "--json") == 0
    assert json.loads(capsys.readouterr().out)[0]["state"] == "already"
    # nothing of the county's own waits to be sent (it sends nothing down)
    capsys.readouterr()
    assert county.run("sync", "status", "--json") == 0
    [town_peer] = json.loads(capsys.readouterr().out)["peers"]
    assert town_peer["waiting_actions"] == 0 and town_peer["waiting_since"] is None
    # the county's answer: what it holds, no records; the township then sends only news
    [answer] = export(county, tmp_path / "down", capsys)
    assert township.run("sync", "import", str(answer), "--json") == 0
    assert json.loads(capsys.readouterr().out)[0]["actions"] == 0
    with village.book() as book:
        household, members = load_household(book, first)
        save_household(book, first, {**household, "phone": "13900000001"}, members)
    [news] = export(village, tmp_path / "news", capsys, "--to", "530524101")
    assert township.run("sync", "import", str(news)) == 0
    [up2] = export(township, tmp_path / "to-county-2", capsys, "--to", "530524")
    capsys.readouterr()
    assert county.run("sync", "import", str(up2), "--json") == 0
    [row] = json.loads(capsys.readouterr().out)
    assert row["actions"] == 1
    with county.book() as book:
        household, members = load_household(book, first)
        assert household["phone"] == "13900000001"


def test_a_countys_correction_goes_down_through_the_township(pair, tmp_path, capsys):
    """The county corrects a village's record: its package to that township carries it,
    the township passes it to the village; another township of the county gets nothing
    of it; the county's shared settings and helpers stay the townships'."""
    village, township = pair
    with village.book() as book:
        first = save_household(book, None, *family()).household_id
        clerk = add_user(book, "村会计")
    [up] = export(village, tmp_path / "up", capsys)
    assert township.run("sync", "import", str(up)) == 0
    county = _county(tmp_path, township, capsys)
    second = Site(tmp_path, "second-town", None)
    assert second.run("init-township", "--name", "耈街乡", "--code", "530524102",
                      "--user", "李") == 0
    pair_sites(second, county, tmp_path)
    [to_county] = export(township, tmp_path / "to-county", capsys, "--to", "530524")
    assert county.run("sync", "import", str(to_county)) == 0
    # a user the village added, changed there later, relayed by the township: the county
    # takes it (the township carries its village's laptops' actions)
    with village.book() as book:
        set_user_active(book, clerk, False)
    [up] = export(village, tmp_path / "up-2", capsys)
    assert township.run("sync", "import", str(up)) == 0
    [to_county] = export(township, tmp_path / "to-county-2", capsys, "--to", "530524")
    capsys.readouterr()
    assert county.run("sync", "import", str(to_county), "--json") == 0
    [row] = json.loads(capsys.readouterr().out)
    assert row["state"] == "applied" and not row.get("skipped")
    with county.book() as book:
        assert book.conn.execute("SELECT active FROM users WHERE id = ?",
                                 [clerk]).fetchone()[0] == 0
        household, members = load_household(book, first)
        save_household(book, first, {**household, "phone": "13900000002"}, members)
        try:  # the shared settings are the townships'
            set_int_setting(book, "visits.max_days_unvisited", 45)
        except BookError as error:
            assert error.code == "book.county_records"
        else:
            raise AssertionError("a county's change of a shared setting was kept")
    capsys.readouterr()
    assert county.run("sync", "status", "--json") == 0
    waiting = {p["code"]: p["waiting_actions"]
               for p in json.loads(capsys.readouterr().out)["peers"]}
    assert waiting == {"530524101": 1, "530524102": 0}
    [down] = export(county, tmp_path / "down", capsys, "--to", "530524101")
    [elsewhere] = export(county, tmp_path / "elsewhere", capsys, "--to", "530524102")
    capsys.readouterr()
    assert second.run("sync", "import", str(elsewhere), "--json") == 0
    assert json.loads(capsys.readouterr().out)[0]["actions"] == 0
    assert township.run("sync", "import", str(down), "--json") == 0
    [row] = json.loads(capsys.readouterr().out)
    assert row["state"] == "applied" and row["actions"] == 1 and not row.get("skipped")
    assert households(township)["110105001001001"]["phone"] == "13900000002"
    [to_village] = export(township, tmp_path / "to-village", capsys, "--to", "530524101001")
    assert village.run("sync", "import", str(to_village)) == 0
    assert households(village)["110105001001001"]["phone"] == "13900000002"
    # the township's next package up says it holds the correction: nothing waits
    [to_county] = export(township, tmp_path / "to-county-3", capsys, "--to", "530524")
    assert county.run("sync", "import", str(to_county)) == 0
    capsys.readouterr()
    assert county.run("sync", "status", "--json") == 0
    assert [p["waiting_actions"] for p in json.loads(capsys.readouterr().out)["peers"]] \
        == [0, 0]
    # and the village's next package, carrying the correction back up, changes nothing
    [up] = export(village, tmp_path / "up-3", capsys)
    capsys.readouterr()
    assert township.run("sync", "import", str(up), "--json") == 0
    assert json.loads(capsys.readouterr().out)[0]["conflicts"] == []


def test_what_may_not_pair_with_a_county_is_refused(pair, tmp_path, capsys):
    village, township = pair
    county = _county(tmp_path, township, capsys)
    assert village.accept(tmp_path / "county.card") == 1  # a village with a county
    assert "sync.levels_apart" in capsys.readouterr().err
    far = Site(tmp_path, "far-town", None)
    assert far.run("init-township", "--name", "勐统镇", "--code", "530921101",
                   "--user", "赵") == 0
    assert far.run("sync", "pair", "--export", str(tmp_path / "far.card")) == 0
    capsys.readouterr()
    assert county.accept(tmp_path / "far.card") == 1  # a township of another county
    assert "sync.not_within" in capsys.readouterr().err
    wrong = Site(tmp_path, "wrong-county", None)
    assert wrong.run("init-county", "--name", "昌宁县", "--code", "53052", "--user", "赵") != 0
    assert "6" in capsys.readouterr().err and not wrong.db.exists()


def test_the_county_books_workbook_and_summary(pair, tmp_path, capsys):
    """From the command line: the county's workbook (a summary row a village, every
    household with its village) and its one-page summary, titled by the county."""
    from helpers import pdf_text
    from openpyxl import load_workbook

    village, township = pair
    with village.book() as book:
        save_household(book, None, *family())
    [up] = export(village, tmp_path / "up", capsys)
    assert township.run("sync", "import", str(up)) == 0
    county = _county(tmp_path, township, capsys)
    [to_county] = export(township, tmp_path / "to-county", capsys, "--to", "530524")
    assert county.run("sync", "import", str(to_county)) == 0
    out = tmp_path / "county.xlsx"
    assert county.run("export-xlsx", "--out", str(out)) == 0
    sheets = load_workbook(out, read_only=True)
    assert str(sheets["乡镇汇总"]["A1"].value).startswith("昌宁县县级有档")
    assert [r[:2] for r in sheets["农户"].iter_rows(min_row=2, values_only=True)] == \
        [("石桥村", "110105001001001")]
    # 县级有档: one row a member, the ID number in full, its 乡镇 from the pairing card
    members = list(sheets["县级有档"].iter_rows(values_only=True))
    assert members[0][:10] == ("乡镇", "村", "户编号", "户主姓名", "姓名", "证件号码",
                               "与户主关系", "户类别", "监测对象类型", "风险是否消除")
    _household, people = family()
    assert [(r[0], r[1], r[4], r[5]) for r in members[1:]] == \
        [("城关镇", "石桥村", p["name"], p["id_number"]) for p in people]
    capsys.readouterr()
    pdf = tmp_path / "county.pdf"
    assert county.run("print", "county", "--out", str(pdf)) == 0
    assert "昌宁县县级有档汇总 1 个村" in capsys.readouterr().out
    text = pdf_text(pdf)
    assert "昌宁县县级有档 汇总" in text and "共 1 个乡镇、1 个村" in text
    assert "城关镇（1 个村）" in text and "石桥村" in text and "合计" in text
    assert "监测户：边缘易致贫户" in text.replace("\n", "")
    assert "110105" not in text  # counts only: no ID numbers, no household numbers


def test_the_county_register_says_each_households_monitoring_as_its_events_do(demo_book):
    """监测对象类型 and 风险是否消除 read by SQL for every member agree with the
    household's monitoring worked out from its events (``monitoring_state``)."""
    from villagebook.reports.workbook import COUNTY_MEMBERS
    from villagebook.storage.monitoring import monitoring_state

    cursor = demo_book.conn.execute(COUNTY_MEMBERS.sql)
    names = [d[0] for d in cursor.description]
    seen = {}
    for row in cursor:
        record = dict(zip(names, row))
        seen[record["household_id"]] = (record["monitoring_category"], record["risk_removed"])
    monitored = removed = 0
    for household_id, (category, risk_removed) in seen.items():
        state = monitoring_state(demo_book, household_id)
        if state["monitored"]:
            monitored += 1
            assert (category, risk_removed) == (state["category"], 0), household_id
        elif state["removed_on"]:
            removed += 1
            assert risk_removed == 1 and category is not None, household_id
        else:
            assert (category, risk_removed) == (None, None), household_id
    assert monitored and removed  # the demo has both


def test_the_county_summary_counts_monitoring_as_the_events_say(demo_book):
    """The summary's monitored households by 监测对象类型 and risks removed, counted by
    SQL, agree with each household's monitoring worked out from its events."""
    from collections import Counter

    from villagebook.storage.monitoring import monitoring_state
    from villagebook.storage.township import MONITORING_CATEGORIES, county_summary

    [row] = county_summary(demo_book.conn)
    expected: Counter[str] = Counter()
    for (household_id,) in demo_book.conn.execute(
            "SELECT id FROM households WHERE status = 'active'"):
        state = monitoring_state(demo_book, household_id)
        if state["monitored"]:
            expected[f"monitored_{state['category']}"] += 1
        elif state["removed_on"]:
            expected["removed"] += 1
    counted = {k: row[k] for k in (*(f"monitored_{c}" for c in MONITORING_CATEGORIES),
                                   "removed")}
    assert counted == {k: expected.get(k, 0) for k in counted}
    assert sum(counted.values()) > 0


def test_a_county_restored_from_a_backup_gets_its_corrections_back(pair, tmp_path, capsys):
    """A county's laptop goes back to a backup older than a correction it had sent down:
    once its package says what it holds now, the township gives the correction back with
    its next package up (it holds the county's corrections of its villages, and the
    county takes its own back in that township's scope), and the county shows it again."""
    from villagebook.storage.backups import make_backup, restore

    village, township = pair
    with village.book() as book:
        first = save_household(book, None, *family()).household_id
    [up] = export(village, tmp_path / "up", capsys)
    assert township.run("sync", "import", str(up)) == 0
    county = _county(tmp_path, township, capsys)
    [to_county] = export(township, tmp_path / "to-county", capsys, "--to", "530524")
    assert county.run("sync", "import", str(to_county)) == 0
    with county.book() as book:
        backup = make_backup(book, tmp_path / "county-backups")
        household, members = load_household(book, first)
        save_household(book, first, {**household, "phone": "13900000003"}, members)
    [down] = export(county, tmp_path / "down", capsys, "--to", "530524101")
    assert township.run("sync", "import", str(down)) == 0
    with county:
        restore(county.db, backup)
    with county.book() as book:
        assert load_household(book, first)[0]["phone"] != "13900000003"
    # its next package says what it holds now; the township's answer brings the rest
    [answer] = export(county, tmp_path / "down-2", capsys, "--to", "530524101")
    assert township.run("sync", "import", str(answer)) == 0
    [to_county] = export(township, tmp_path / "to-county-2", capsys, "--to", "530524")
    capsys.readouterr()
    assert county.run("sync", "import", str(to_county), "--json") == 0
    [row] = json.loads(capsys.readouterr().out)
    assert row["state"] == "applied" and row["actions"] == 1
    with county.book() as book:
        assert load_household(book, first)[0]["phone"] == "13900000003"


def test_an_empty_county_book_says_its_register_has_nothing_yet(tmp_path, capsys):
    county = Site(tmp_path, "county", None)
    assert county.run("init-county", "--name", "昌宁县", "--code", "530524",
                      "--user", "县档案员") == 0
    capsys.readouterr()
    assert county.run("export-xlsx", "--out", str(tmp_path / "out.xlsx")) != 0
    error = capsys.readouterr().err
    assert "县级有档" in error and "乡镇有簿" not in error
    assert not (tmp_path / "out.xlsx").exists()


def test_photos_stay_at_the_township_the_county_keeps_their_hashes(pair, tmp_path, capsys,
                                                                   qtbot):
    """A visit's photo travels from the village to its township as its bytes; the
    township's package up carries its hash only: the county's book has the photo's
    record (its content kept in the township's book, as the window says)."""
    from villagebook.storage.photos import add_photo, list_photos, photo_data
    from villagebook.storage.visits import save_visit
    from villagebook.sync.keys import load_keys, unb64
    from villagebook.sync.package import open_package
    from villagebook.sync.peers import peer as peer_row
    from villagebook.ui.photos import PhotosDialog

    village, township = pair
    photo = b"\xff\xd8\xff" + b"photo" * 4000
    with village.book() as book:
        first = save_household(book, None, *family()).household_id
        visit = save_visit(book, first, None, {"visit_date": "2026-01-05", "visit_kind": "01",
                                               "visitor_role": "02", "visitor_name": "李"})
        add_photo(book, visit, photo, "image/jpeg", 100, 100, "门前.jpg")
    [up] = export(village, tmp_path / "up", capsys)
    assert township.run("sync", "import", str(up)) == 0
    county = _county(tmp_path, township, capsys)
    [to_county] = export(township, tmp_path / "to-county", capsys, "--to", "530524")
    with county:
        keys = load_keys()
        with open_book(county.db, read_only=True) as book:
            sender = next(iter(book.conn.execute("SELECT installation FROM sync_peers")))[0]
            package = open_package(to_county.read_bytes(), keys,
                                   unb64(peer_row(book, sender)["sign_key"]))
    assert package.blobs == {} and to_county.stat().st_size < len(photo)
    capsys.readouterr()
    assert county.run("sync", "import", str(to_county), "--json") == 0
    assert json.loads(capsys.readouterr().out)[0]["state"] == "applied"
    with county.book() as book:
        [kept] = list_photos(book, visit)
        assert photo_data(book, kept["id"]) == b""
        logged = book.conn.execute("SELECT new_value FROM changes WHERE table_name ="
                                   " 'visit_photos'").fetchone()[0]
        assert json.loads(logged)["image"]["sha256"]
        dialog = PhotosDialog(book, visit)
        qtbot.addWidget(dialog)
        # (in whichever language the run installed)
        assert dialog.list.item(0).text() == dialog.tr(
            "{name} (the photo is kept in the township's book)").format(name="门前.jpg")
    with township.book() as book:
        assert photo_data(book, kept["id"]) == photo
