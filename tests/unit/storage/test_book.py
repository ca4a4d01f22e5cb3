import hashlib
import sqlite3

import pytest
from sqlite_utils import Database

from villagebook.core.errors import BookError
from villagebook.storage import book as book_module
from villagebook.storage import open_book, schema


def digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_schema_version_counts_the_migrations():
    assert len(schema.migrations.pending(Database(memory=True))) == schema.SCHEMA_VERSION


def test_new_book_is_migrated_recorded_and_in_wal(book_path):
    with open_book(book_path, create=True) as book:
        assert book.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert book.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert book.conn.execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION
        applied = book.db["_sqlite_migrations"].rows
        assert [r["name"] for r in applied] == [
            m.name for m in schema.migrations.pending(Database(memory=True))]
        assert len(book.site_id) == 36


def test_missing_book_is_not_created_without_asking(book_path):
    with pytest.raises(BookError) as info:
        open_book(book_path)
    assert info.value.code == "book.missing"
    assert not book_path.exists()


def test_newer_book_is_refused_and_left_untouched(book_path):
    open_book(book_path, create=True).close()
    conn = sqlite3.connect(book_path)
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    before = digest(book_path)
    with pytest.raises(BookError) as info:
        open_book(book_path)
    assert info.value.code == "book.newer"
    assert info.value.values == {"version": 99, "supported": schema.SCHEMA_VERSION}
    assert digest(book_path) == before


def test_a_file_that_is_not_a_database_is_refused_untouched(book_path):
    book_path.write_bytes(b"this is a spreadsheet, not a book" * 100)
    before = digest(book_path)
    with pytest.raises(BookError) as info:
        open_book(book_path)
    assert info.value.code == "book.corrupt"
    assert digest(book_path) == before


def test_another_programs_database_is_refused(book_path):
    conn = sqlite3.connect(book_path)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    with pytest.raises(BookError) as info:
        open_book(book_path)
    assert info.value.code == "book.not_villagebook"


def test_read_only_book_is_refused(book_path, monkeypatch):
    open_book(book_path, create=True).close()
    monkeypatch.setattr(book_module.os, "access", lambda *a: False)
    with pytest.raises(BookError) as info:
        open_book(book_path)
    assert info.value.code == "book.read_only"


def test_a_backup_is_written_before_migrating(book_path, monkeypatch, book):
    from villagebook.storage.households import save_household

    save_household(book, None, {"number": "1", "category": "03"},
                   [{"name": "张三", "id_number": "11010519491231002X", "relation": "01"}])
    book.close()
    current = schema.SCHEMA_VERSION
    extra = schema.Migrations("villagebook")
    for migration in schema.migrations.pending(Database(memory=True)):
        extra(name=migration.name)(migration.fn)

    @extra(name="9999_test")
    def later(db):
        db.execute("CREATE TABLE later (x)")

    monkeypatch.setattr(book_module, "_migrations", lambda: extra)
    monkeypatch.setattr(book_module, "MIGRATION_NAMES",
                        (*book_module.MIGRATION_NAMES, "9999_test"))
    monkeypatch.setattr(book_module, "SCHEMA_VERSION", current + 1)
    reopened = open_book(book_path)
    try:
        assert reopened.conn.execute("PRAGMA user_version").fetchone()[0] == current + 1
        assert reopened.db["later"].exists()
    finally:
        reopened.close()
    backup = book_path.with_name(f"book.before-v{current + 1}.bak")
    conn = sqlite3.connect(backup)
    assert conn.execute("SELECT count(*) FROM households").fetchone()[0] == 1
    assert conn.execute("PRAGMA user_version").fetchone()[0] == current
    assert conn.execute("SELECT count(*) FROM sqlite_master WHERE name = 'later'"
                        ).fetchone()[0] == 0
    conn.close()


def test_a_reading_command_reads_an_older_book_without_changing_it(book_path, tmp_path):
    """Exports, prints and ``check`` never migrate: an older book is read through a
    migrated copy in the program's own temporary folder (gone when it closes), and the
    book on disk stays byte for byte as the older program left it, no backup made."""
    from helpers import back_to_schema_15, make_id

    from villagebook.cli import main
    from villagebook.storage import scratch
    from villagebook.storage.households import save_household
    from villagebook.storage.village import add_user, set_village

    with open_book(book_path, create=True) as book:
        add_user(book, "李文书", "01")
        book.operator = "李文书"
        set_village(book, {"name": "石桥村", "code": "110105001001"})
        save_household(book, None, {"number": "110105001001001", "category": "01"},
                       [{"name": "张三", "id_number": make_id("19600101", 11),
                         "relation": "01"}])
    back_to_schema_15(sqlite3.connect(book_path))
    before = book_path.read_bytes()
    with open_book(book_path, read_only=True) as reading:
        copy = reading.reading_copy
        assert copy is not None and copy.parent == scratch.claim()
        assert reading.conn.execute("SELECT head_sort FROM households").fetchone()[0] \
            .startswith("zhang san")
    assert not copy.exists()
    out = tmp_path / "register.xlsx"
    assert main(["export-xlsx", "--db", str(book_path), "--out", str(out)]) == 0
    assert main(["check", "--db", str(book_path)]) in (0, 1)
    assert out.exists() and book_path.read_bytes() == before
    assert not list(book_path.parent.glob("*.bak"))
    with open_book(book_path) as writing:  # written to: brought up to date, copy first
        assert writing.conn.execute("PRAGMA user_version").fetchone()[0] \
            == schema.SCHEMA_VERSION
    assert book_path.with_name("book.before-v16.bak").exists()


def test_no_change_without_an_operator(book_path):
    with open_book(book_path, create=True) as book:
        with pytest.raises(BookError) as info:
            with book.action("x"):
                pass
        assert info.value.code == "book.no_operator"


def test_locked_book_is_reported_as_locked(book, book_path):
    other = sqlite3.connect(book_path)
    other.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(BookError) as info:
            with book.action("user.add") as writer:
                writer.insert("users", {"name": "王五", "active": 1})
        assert info.value.code == "book.locked"
    finally:
        other.rollback()
        other.close()
    assert book.conn.execute("SELECT count(*) FROM users WHERE name='王五'").fetchone()[0] == 0


def test_a_book_of_schema_15_gets_its_sort_keys(book_path):
    """Migration 0016 on a book made before it: the households it holds get the keys the
    list sorts by (surnames read as surnames, 组 by number), and a copy is kept first."""
    from helpers import back_to_schema_15, make_id

    from villagebook.storage.households import save_household
    from villagebook.storage.queries import HouseholdQuery, household_page
    from villagebook.storage.village import add_user, set_village

    with open_book(book_path, create=True) as book:
        add_user(book, "李文书", "01")
        book.operator = "李文书"
        set_village(book, {"name": "石桥村", "code": "110105001001", "township": "城关镇",
                           "county": "朝阳区"})
        for serial, (group, head) in enumerate([("第10组", "张三"), ("第2组", "曾华"),
                                                ("第1组", "安娜")]):
            save_household(book, None, {"number": f"11010500100100{serial}",
                                        "group_name": group, "category": "01"},
                           [{"name": head, "id_number": make_id("19600101", 11 + 2 * serial),
                             "relation": "01"}])
    back_to_schema_15(sqlite3.connect(book_path))
    with open_book(book_path) as book:
        assert book.conn.execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION
        rows = household_page(book.conn, HouseholdQuery(sort="head_name"), 0, 9)
        assert [r[2] for r in rows] == ["安娜", "曾华", "张三"]
        rows = household_page(book.conn, HouseholdQuery(sort="group_name"), 0, 9)
        assert [r[3] for r in rows] == ["第1组", "第2组", "第10组"]
    assert book_path.with_name("book.before-v16.bak").exists()
