"""The one registry of record kinds matches the schema, and the book holds many villages."""

from __future__ import annotations

import json

import pytest
from helpers import family, make_id

from villagebook.cli import main
from villagebook.core.errors import ValidationFailed
from villagebook.core.field_specs import fields
from villagebook.storage.households import find_household_id, save_household
from villagebook.storage.kinds import KINDS, bulk_children, household_tables, kind
from villagebook.storage.problems import save_problem

# tables of the book that hold no records (the log, the search index, local facts)
NOT_RECORDS = {"sync_parked", "meta", "actions", "changes", "_sqlite_migrations", "sync_peers",
               "sync_received", "sync_acks", "sync_packages", "sync_conflicts",
               "sync_same_person"}


def columns(book, table: str) -> set[str]:
    return {row[1] for row in book.conn.execute(f"PRAGMA table_info({table})")}


def test_every_record_table_of_the_schema_is_registered_once(book):
    tables = {r[0] for r in book.conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table'"
        " AND name NOT LIKE 'household_fts%' AND name NOT LIKE 'sqlite_%'")}
    assert tables - NOT_RECORDS == {k.table for k in KINDS}
    assert len({k.table for k in KINDS}) == len(KINDS)


def test_each_kind_names_real_columns(book):
    for k in KINDS:
        have = columns(book, k.table)
        assert {"id", "created_at", "updated_at"} <= have, k.table
        if k.owner_column:
            assert k.owner_column in have, k.table
        for key in k.unique:
            assert set(key) <= have, k.table
        assert set(k.binary) <= have
        assert not k.removable or "status" in have, k.table
        if k.record:
            stored = {s.name for s in fields(k.record)} - {"household_number"}
            assert stored <= have, (k.table, stored - have)
    for table in household_tables():
        assert "household_id" in columns(book, table)
    assert set(bulk_children()) == {"incomes", "checks", "monitoring_events", "measures",
                                     "pairings", "visits", "problems"}
    assert kind("households").unique == (("village_id", "number"),)


def test_a_village_problem_without_a_household_exports(book, book_path, capsys):
    save_problem(book, None, {"problem": "村道未硬化", "source": "01", "category": "04",
                              "found_date": "2026-03-01", "responsible": "李文书",
                              "progress": "01"})
    book.close()
    assert main(["export-json", "--db", str(book_path)]) == 0
    [village] = json.loads(capsys.readouterr().out)["villages"]
    assert [p["problem"] for p in village["problems"]] == ["村道未硬化"]
    assert village["problems"][0]["village_id"] == village["id"]


def test_a_household_number_is_unique_within_its_village_not_the_book(book):
    household, members = family()
    first = save_household(book, None, household, members).household_id
    with book.action("village.save") as writer:
        other = writer.insert("village", {"name": "河口村", "code": "110105001002",
                                          "is_demo": 0})
    wang = [{"name": "王五", "relation": "01", "id_number": make_id("19650101", 51)}]
    with pytest.raises(ValidationFailed) as info:
        save_household(book, None, household, wang)
    assert [i.code for i in info.value.issues] == ["household.number_taken"]
    second = save_household(book, None, {**household, "village_id": other},
                            wang).household_id
    assert find_household_id(book, household["number"]) == first
    assert find_household_id(book, household["number"], other) == second


def test_an_older_book_is_brought_ready_for_sync(tmp_path):
    import sqlite3

    from sqlite_utils import Database
    from sqlite_utils.migrations import Migrations

    from villagebook.storage import open_book, schema

    path = tmp_path / "old.db"
    older = Migrations("villagebook")
    for migration in schema.migrations._migrations[:10]:
        older(name=migration.name)(migration.fn)
    conn = sqlite3.connect(path)
    older.apply(Database(conn))
    conn.execute("PRAGMA user_version = 10")
    site = conn.execute("SELECT value FROM meta WHERE key = 'site_id'").fetchone()[0]
    conn.executescript(f"""
        INSERT INTO village VALUES ('v1', '石桥村', '110105001001', '', '', 0, 't', 't');
        INSERT INTO households (id, number, category, created_at, updated_at)
            VALUES ('h1', '001', '01', 't', 't');
        INSERT INTO actions (id, site_id, action, operator, at) VALUES
            ('a1', '{site}', 'x', '李', 't'), ('a2', '{site}', 'x', '李', 't'),
            ('a3', 'elsewhere', 'x', '王', 't');
        INSERT INTO accepted_warnings (household_id, record_id, code, detail, operator, at)
            VALUES ('h1', NULL, 'id.area_unknown', '{{}}', '李', 't');
    """)
    conn.commit()
    conn.close()
    with open_book(path) as book:
        assert book.conn.execute("SELECT village_id FROM households").fetchone()[0] == "v1"
        assert book.home_village_id == "v1"
        assert book.conn.execute("SELECT site_id, origin_seq FROM actions ORDER BY seq"
                                 ).fetchall() == [(site, 1), (site, 2), ("elsewhere", 1)]
        [(warning_id, code)] = book.conn.execute(
            "SELECT id, code FROM accepted_warnings").fetchall()
        assert code == "id.area_unknown" and isinstance(warning_id, str)


def test_every_record_of_a_village_is_found_up_its_owner_chain(demo_book):
    """The counts a package states (账账相符) and what it may carry follow the registry's
    owner chain: a photo through its visit and household to the village."""
    from villagebook.storage.kinds import BOOK, KINDS, in_village, village_kinds
    from villagebook.sync.export import village_counts

    assert in_village("visit_photos") == (
        "visit_id IN (SELECT id FROM visits WHERE household_id IN"
        " (SELECT id FROM households WHERE village_id = :v))")
    assert {k.table for k in village_kinds()} == {
        k.table for k in KINDS if k.owner != BOOK and k.table != "village"}
    village = demo_book.conn.execute("SELECT id FROM village").fetchone()[0]
    counts = village_counts(demo_book, village)
    for table, count in counts.items():  # one village: every record of the kind is its
        assert count == demo_book.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    assert counts["households"] == 60 and counts["members"] > 60

