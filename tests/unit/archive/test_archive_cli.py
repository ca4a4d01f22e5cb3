"""The archive through the command line, against a real PostgreSQL server: two villages →
their township → the archive; its answers, status, conflicts, register and views; and
its bad inputs (a wrong DSN, a server not there, another program's database, a newer
archive, the server going away in the middle) each said in words, nothing half-written."""

from __future__ import annotations

import json

import psycopg
import pytest
from chain import COUNTY, County, archive, archive_json
from syncing import export

from villagebook.reports.workbook import COUNTY_MEMBERS, rows_of
from villagebook.storage import open_book
from villagebook.storage.households import load_household, save_household
from villagebook.sync import apply


@pytest.fixture
def county(tmp_path, capsys, archive_dsn) -> County:
    made = County(tmp_path, capsys, archive_dsn, households=4)
    for village in ("v1", "v2", "v3"):
        made.up(village)
    return made


def _people(conn) -> set[tuple]:
    return set(conn.execute("SELECT m.id_number, v.code FROM members m JOIN households h"
                            " ON h.id = m.household_id JOIN village v ON v.id = h.village_id"
                            ).fetchall())


def test_villages_reach_the_archive_and_its_answers_go_back(county, tmp_path, capsys,
                                                           archive_dsn):
    t1, t2 = county.towns["t1"], county.towns["t2"]
    packages = [county.to_county("t1"), county.to_county("t2")]
    code, rows = archive_json(county.county, capsys, "ingest", archive_dsn, *map(str, packages))
    assert code == 0 and [r["state"] for r in rows] == ["applied", "applied"]
    with psycopg.connect(archive_dsn) as conn:
        in_archive = _people(conn)
    with t1.book() as one, t2.book() as two:
        assert in_archive == _people(one.conn) | _people(two.conn) and len(in_archive) > 20
    # a replay changes nothing; a package for another computer on the stick is left alone
    village_package = export(county.villages["v1"], tmp_path / "stick", capsys)[0]
    code, rows = archive_json(county.county, capsys, "ingest", archive_dsn,
                              str(packages[0]), str(village_package))
    assert code == 0 and [r["state"] for r in rows] == ["already", "not_for_us"]
    code, state = archive_json(county.county, capsys, "status", archive_dsn)
    assert code == 0 and state["households"] == 12 and state["villages"] == 3
    assert state["name"] == "双柏县" and state["code"] == COUNTY and state["packages"] == 2
    assert sorted(p["name"] for p in state["sync"]["peers"]) == ["河口乡", "田园镇"]
    assert archive_json(county.county, capsys, "conflicts", archive_dsn) == (0, [])
    # its answers: what it holds, so that 田园镇 then sends only what is new
    capsys.readouterr()
    assert archive(county.county, "export", archive_dsn, "--out", str(tmp_path / "down")) == 0
    answers = [line for line in capsys.readouterr().out.split() if "田园镇" in line]
    assert len(answers) == 1
    capsys.readouterr()
    assert t1.run("sync", "import", answers[0], "--json") == 0
    assert json.loads(capsys.readouterr().out)[0]["actions"] == 0
    with county.villages["v1"].book() as book:
        first = book.conn.execute("SELECT id FROM households LIMIT 1").fetchone()[0]
        household, members = load_household(book, first)
        save_household(book, first, {**household, "phone": "13900000009"}, members)
    county.up("v1")
    news = county.to_county("t1")
    code, rows = archive_json(county.county, capsys, "ingest", archive_dsn, str(news))
    assert code == 0 and rows[0]["actions"] == 1
    with psycopg.connect(archive_dsn) as conn:
        assert conn.execute("SELECT phone FROM households WHERE id = %s",
                            [first]).fetchone() == ("13900000009",)


def test_the_register_and_the_views_say_what_the_county_book_says(county, tmp_path, capsys,
                                                                  archive_dsn):
    packages = [county.to_county("t1"), county.to_county("t2")]
    county.deliver(*packages)
    out = tmp_path / "档案.xlsx"
    assert archive(county.county, "export-xlsx", archive_dsn, "--out", str(out)) == 0
    county_out = tmp_path / "county.xlsx"
    assert county.county.run("export-xlsx", "--out", str(county_out)) == 0
    ours = list(rows_of(out, COUNTY_MEMBERS.title))
    theirs = list(rows_of(county_out, COUNTY_MEMBERS.title))
    assert ours == theirs and len(ours) > 20  # the same header, the same rows, in order
    with county.county:
        with open_book(county.county.db, read_only=True) as book:
            households, people = book.conn.execute(
                "SELECT count(*), sum(member_count) FROM households WHERE status = 'active'"
            ).fetchone()
            monitored = book.conn.execute(
                "SELECT count(DISTINCT household_id) FROM monitoring_events WHERE status ="
                " 'active'").fetchone()[0]
    with psycopg.connect(archive_dsn) as conn:
        assert conn.execute("SELECT sum(households), sum(people) FROM report_counts"
                            ).fetchone() == (households, people)
        assert conn.execute("SELECT count(*) FROM report_register").fetchone()[0] == \
            len(ours) - 1
        assert conn.execute("SELECT count(*) FROM report_monitored").fetchone()[0] <= monitored
        assert conn.execute("SELECT label FROM code_labels WHERE list = 'household_category'"
                            " AND code = '01'").fetchone() == ("脱贫户",)
        assert "id_number" in [d.name for d in conn.execute(
            "SELECT * FROM report_register LIMIT 0").description or []]


def _said(capsys) -> str:
    return capsys.readouterr().err


def test_bad_addresses_and_other_databases_are_refused_in_words(pg_server, county, capsys,
                                                                archive_dsn):
    site = county.county
    assert archive(site, "status", "this is no address") == 1
    assert "archive.bad_dsn" in _said(capsys)
    closed = pg_server.dsn().replace(f":{pg_server.port}/", ":1/")
    assert archive(site, "status", closed) == 1
    err = _said(capsys)
    assert "archive.cannot_connect" in err and "服务器" in err
    # an empty database: no archive yet
    empty = pg_server.new_database("empty_one")
    assert archive(site, "ingest", empty, "x.vbsync") == 1
    assert "archive.missing" in _said(capsys)
    # another program's database: never touched
    other = pg_server.new_database("other_program")
    with psycopg.connect(other) as conn:
        conn.execute("CREATE TABLE invoices (id int)")
    for verb, extra in (("init", ("--name", "双柏县", "--code", COUNTY)), ("status", ())):
        assert archive(site, verb, other, *extra) == 1
        err = _said(capsys)
        assert "archive.not_ours" in err and "invoices" in err
    with psycopg.connect(other) as conn:
        assert [r[0] for r in conn.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'"
        )] == ["invoices"]
    # an archive made twice; an archive brought up by a newer program
    assert archive(site, "init", archive_dsn, "--name", "双柏县", "--code", COUNTY) == 1
    assert "archive.exists" in _said(capsys)
    with psycopg.connect(archive_dsn) as conn:
        conn.execute("INSERT INTO archive_migrations VALUES (99, 'later', 'x', '9.9')")
    assert archive(site, "status", archive_dsn) == 1
    err = _said(capsys)
    assert "archive.newer" in err and "99" in err
    # a bad code, before anything is made
    assert archive(site, "init", pg_server.new_database("bad_code"), "--name", "县",
                   "--code", "5323") == 1
    assert "county.code" in _said(capsys)


def test_a_village_card_is_refused_by_the_archive(county, tmp_path, capsys, archive_dsn):
    card = tmp_path / "v1.card"
    from villagebook.sync.keys import read_card

    assert archive(county.county, "pair", archive_dsn, "--accept", str(card),
                   "--fingerprint", read_card(card)["fingerprint"]) == 1
    assert "sync.levels_apart" in capsys.readouterr().err


def test_the_server_going_away_mid_ingest_writes_nothing_and_the_next_run_resumes(
        county, capsys, archive_dsn, monkeypatch):
    first, second = county.to_county("t1"), county.to_county("t2")
    refresh = apply.refresh
    calls = []

    def cut(book, households):  # the server's end of the connection killed mid-package
        calls.append(1)
        if len(calls) == 2:
            with psycopg.connect(archive_dsn, autocommit=True) as admin:
                admin.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE"
                              " application_name = 'villagebook' AND pid <> pg_backend_pid()")
        return refresh(book, households)

    monkeypatch.setattr(apply, "refresh", cut)
    capsys.readouterr()
    assert archive(county.county, "ingest", archive_dsn, str(first), str(second)) == 1
    err = capsys.readouterr().err
    assert "archive.server_gone" in err and "再次运行" in err and "Traceback" not in err
    with psycopg.connect(archive_dsn) as conn:  # the first package stays, none of the second
        assert conn.execute("SELECT count(*) FROM sync_packages WHERE direction = 'in'"
                            ).fetchone()[0] == 1
        codes = {r[0] for r in conn.execute("SELECT code FROM village")}
    assert codes == {"532322105001", "532322105002"}
    monkeypatch.setattr(apply, "refresh", refresh)
    code, rows = archive_json(county.county, capsys, "ingest", archive_dsn, str(first),
                              str(second))
    assert code == 0 and [r["state"] for r in rows] == ["already", "applied"]


def test_a_townships_stolen_laptop_is_retired_at_the_archive(county, capsys, archive_dsn):
    """A township's laptop stolen: the archive retires its pairing (who, when kept), its
    packages are refused from then on, and status says so in words."""
    assert county.deliver(county.to_county("t1"))[1][0]["state"] == "applied"
    stolen = county.to_county("t1")  # made before the theft, on the stolen laptop
    capsys.readouterr()
    with pytest.raises(SystemExit):  # who retires it is kept: --user is asked for
        archive(county.county, "retire", archive_dsn, "530524999")
    assert archive(county.county, "retire", archive_dsn, "530524999", "--user", "王") == 1
    assert "sync.unpaired" in capsys.readouterr().err
    capsys.readouterr()
    assert archive(county.county, "retire", archive_dsn, f"{COUNTY}105", "--user",
                   "县档案员") == 0
    assert "田园镇" in capsys.readouterr().out
    code, rows = archive_json(county.county, capsys, "ingest", archive_dsn, str(stolen))
    assert code == 1 and rows[0]["state"] == "refused" and "sync.retired" in json.dumps(rows)
    code, state = archive_json(county.county, capsys, "status", archive_dsn)
    assert [(p["name"], p["retired_by"]) for p in state["sync"]["retired"]] == [
        ("田园镇", "县档案员")]
    assert [p["name"] for p in state["sync"]["peers"]] == ["河口乡"]
    assert archive(county.county, "status", archive_dsn) == 0
    said = capsys.readouterr().out
    assert "本档案库站点" in said and "田园镇" in said and "已停用配对" in said


def test_the_register_leaves_the_archive_protected_when_asked(county, tmp_path, capsys,
                                                             archive_dsn, monkeypatch):
    """Every ID number in full: --protect writes it under a password, as a book's export."""
    from villagebook.reports.protected import is_protected, unprotected

    county.deliver(county.to_county("t1"))
    out = tmp_path / "档案.xlsx"
    monkeypatch.delenv("VILLAGEBOOK_FILE_PASSWORD", raising=False)
    assert archive(county.county, "export-xlsx", archive_dsn, "--out", str(out),
                   "--protect") == 1  # no password given, none at a terminal
    assert "file.password_needed" in capsys.readouterr().err and not out.exists()
    monkeypatch.setenv("VILLAGEBOOK_FILE_PASSWORD", "county-secret")
    assert archive(county.county, "export-xlsx", archive_dsn, "--out", str(out),
                   "--protect") == 0
    assert "(protected)" in capsys.readouterr().out and is_protected(out)
    with unprotected(out, "county-secret") as plain:
        rows = list(rows_of(plain, COUNTY_MEMBERS.title))
    assert len(rows) > 10 and rows[0][:3] == ("乡镇", "村", "户编号")
