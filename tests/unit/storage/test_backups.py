"""Backups: checked copies made while the book is open, rotation, restore with the
current book kept aside, a damaged backup refused, and the restored book's new site."""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest
from helpers import family

from villagebook.core.errors import BookError
from villagebook.storage import open_book
from villagebook.storage.backups import (
    automatic_backup,
    backup_due,
    backup_folder,
    list_backups,
    make_backup,
    restore,
    rotate,
)
from villagebook.storage.households import load_household, save_household

NOW = dt.datetime(2026, 11, 27, 18, 30)


def test_a_backup_is_a_checked_copy_listed_with_what_it_holds(book, book_path):
    hid = save_household(book, None, *family()).household_id
    path = make_backup(book, now=NOW)
    # named for the book's file and its village
    assert path.parent == backup_folder(book_path) and path.name == "book-石桥村-20261127-183000.db"
    assert not list(path.parent.glob("*.part")) and not path.with_name(path.name + "-wal").exists()
    [info] = list_backups(book_path)
    assert info.path == path and info.households == 1 and info.made == NOW
    older = path.with_name("book-20261120-090000.db")  # named before the village was
    older.write_bytes(path.read_bytes())
    assert [b.made for b in list_backups(book_path)] == [NOW, dt.datetime(2026, 11, 20, 9)]
    older.unlink()
    copy = sqlite3.connect(path)
    assert copy.execute("SELECT id FROM households").fetchone()[0] == hid
    assert copy.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    copy.close()
    assert not backup_due(book, NOW) and backup_due(book, NOW + dt.timedelta(days=1))


def test_automatic_backups_are_daily_and_rotate(book, book_path):
    first = automatic_backup(book, NOW)
    assert first is not None and automatic_backup(book, NOW + dt.timedelta(hours=2)) is None
    folder = backup_folder(book_path)
    for days in range(1, 60):  # one a day for two months
        make_backup(book, now=NOW - dt.timedelta(days=days))
    gone = rotate(folder, book_path.stem, today=NOW.date())
    kept = sorted(p.name for p in folder.glob("*.db"))
    assert len(kept) <= 7 + 4 and gone
    assert "book-石桥村-20261127-183000.db" in kept  # the newest stays
    assert all(not p.exists() for p in gone)
    # over the size budget the oldest go, the newest always stays
    rotate(folder, book_path.stem, budget=1, today=NOW.date())
    assert [p.name for p in folder.glob("*.db")] == ["book-石桥村-20261127-183000.db"]


def test_restore_keeps_the_current_book_aside_and_gets_a_new_site(book, book_path):
    hid = save_household(book, None, *family()).household_id
    saved = make_backup(book, now=NOW)
    household, members = load_household(book, hid)
    save_household(book, hid, {**household, "phone": "13900000009"}, members)
    site = book.site_id
    book.close()
    aside = restore(book_path, saved, now=NOW + dt.timedelta(hours=1))
    assert aside.exists() and "恢复前" in aside.name
    with open_book(book_path) as restored:
        assert load_household(restored, hid)[0]["phone"] == "13812345678"  # as backed up
        assert restored.site_id != site  # numbers the township has seen are not reused
    with open_book(aside) as before:
        assert load_household(before, hid)[0]["phone"] == "13900000009"


def test_a_damaged_backup_is_refused_and_the_book_left_as_it_was(book, book_path, tmp_path):
    save_household(book, None, *family())
    book.close()
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"SQLite format 3\x00" + b"\x00" * 4000)
    before = book_path.read_bytes()
    with pytest.raises(BookError) as refused:
        restore(book_path, bad)
    assert refused.value.code == "backup.damaged"
    assert book_path.read_bytes() == before and not list(tmp_path.glob("*恢复前*"))


def test_backup_and_restore_from_the_command_line(book, book_path, tmp_path, capsys):
    from villagebook.cli import main

    save_household(book, None, *family())
    book.close()
    assert main(["backup", "--db", str(book_path), "--to", str(tmp_path / "usb")]) == 0
    path = capsys.readouterr().out.strip()
    assert path.startswith(str(tmp_path / "usb")) and path.endswith(".db")
    assert main(["restore", "--db", str(book_path), path]) == 0
    assert "恢复前" in capsys.readouterr().out


def test_a_damaged_book_is_kept_aside_as_it_is_and_replaced(book, book_path):
    hid = save_household(book, None, *family()).household_id
    saved = make_backup(book, now=NOW)
    book.close()
    data = bytearray(book_path.read_bytes())
    data[4096:8192] = b"\xff" * 4096  # a page of the book overwritten
    book_path.write_bytes(bytes(data))
    aside = restore(book_path, saved, now=NOW + dt.timedelta(hours=1))
    assert aside.read_bytes() == bytes(data)  # nothing of it thrown away
    with open_book(book_path) as restored:
        assert load_household(restored, hid)[0]["number"] == "110105001001001"
        assert restored.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
