"""A book locked with a password: its file and its copies unreadable without it, opened
only with it, every operation of the book working on it, the password changed or taken
off with nothing lost."""

from __future__ import annotations

import datetime as dt
import sqlite3
import subprocess
import sys

import pytest
from dates import travel_environment, villagebook_command
from helpers import ZHANG_SAN, back_to_schema_15, family, make_id

from villagebook.core.errors import BookError
from villagebook.storage import open_book
from villagebook.storage.backups import backup_folder, list_backups, make_backup, restore
from villagebook.storage.connection import connect, forget_keys, is_locked, unlock
from villagebook.storage.households import load_household, save_household
from villagebook.storage.locking import companions, set_password

PASSWORD = "石桥村2026"
NOW = dt.datetime(2026, 11, 27, 18, 30)


def _fill_and_close(book):
    hid = save_household(book, None, *family()).household_id
    make_backup(book, now=NOW - dt.timedelta(days=1))  # a plain backup from before
    book.close()
    return hid


def _second_household():
    household, _ = family()
    household["number"] = "110105001001002"
    return household, [{"name": "王五", "id_number": make_id("19600101", 55),
                        "relation": "01"}]


def _bytes_of(path) -> bytes:
    return path.read_bytes() + (path.with_name(path.name + "-wal").read_bytes()
                                if path.with_name(path.name + "-wal").exists() else b"")


def test_a_locked_book_and_its_backups_hold_no_readable_record(book, book_path):
    hid = _fill_and_close(book)
    assert ZHANG_SAN.encode() in _bytes_of(book_path)  # a plain book shows its ID numbers
    rewritten = set_password(book_path, PASSWORD)
    [old_backup] = list(backup_folder(book_path).glob("*.db"))
    assert rewritten == [old_backup] and companions(book_path) == [old_backup]
    for path in (book_path, old_backup):
        assert is_locked(path)
        data = _bytes_of(path)
        assert ZHANG_SAN.encode() not in data and "张三".encode() not in data
        with pytest.raises(sqlite3.DatabaseError):  # and no plain SQLite reads it
            sqlite3.connect(path).execute("SELECT count(*) FROM sqlite_master").fetchone()
    forget_keys()
    with pytest.raises(BookError) as needed:
        open_book(book_path)
    assert needed.value.code == "book.password_needed"
    with pytest.raises(BookError) as wrong:
        unlock(book_path, "石桥村2025")
    assert wrong.value.code == "book.wrong_password"
    with pytest.raises(BookError) as still:  # and no key was kept for it
        connect(book_path, mode="ro")
    assert still.value.code == "book.password_needed"
    unlock(book_path, PASSWORD)
    reopened = open_book(book_path)
    try:
        assert load_household(reopened, hid)[1][0]["id_number"] == ZHANG_SAN
        reopened.operator = "李文书"
        save_household(reopened, None, *_second_household())
        assert reopened.conn.execute("SELECT count(*) FROM households").fetchone()[0] == 2
    finally:
        reopened.close()
    # the backup made before locking opens with the same password, and shows its records
    [info] = list_backups(book_path)
    assert info.households == 1 and info.path == old_backup


def test_backups_reads_and_restore_of_a_locked_book(book, book_path):
    _fill_and_close(book)
    set_password(book_path, PASSWORD)
    locked = open_book(book_path)
    locked.operator = "李文书"
    try:
        path = make_backup(locked, now=NOW)
        assert is_locked(path) and ZHANG_SAN.encode() not in path.read_bytes()
        reader = connect(book_path, mode="ro")  # what background jobs read through
        assert reader.execute("SELECT count(*) FROM households").fetchone()[0] == 1
        reader.close()
        save_household(locked, None, *_second_household())
    finally:
        locked.close()
    aside = restore(book_path, path, now=NOW + dt.timedelta(hours=1))
    assert is_locked(aside) and is_locked(book_path)
    forget_keys()
    unlock(book_path, PASSWORD)
    restored = open_book(book_path)
    try:
        assert restored.conn.execute("SELECT count(*) FROM households").fetchone()[0] == 1
    finally:
        restored.close()
    kept = open_book(aside, read_only=True)  # the book from before the restore
    try:
        assert kept.conn.execute("SELECT count(*) FROM households").fetchone()[0] == 2
    finally:
        kept.close()


def test_the_password_is_changed_or_taken_off_with_nothing_lost(book, book_path):
    hid = _fill_and_close(book)
    set_password(book_path, PASSWORD)
    set_password(book_path, "新密码-123456")
    forget_keys()
    with pytest.raises(BookError):
        unlock(book_path, PASSWORD)
    unlock(book_path, "新密码-123456")
    assert [i.households for i in list_backups(book_path)] == [1]
    set_password(book_path, None)
    forget_keys()
    assert not is_locked(book_path)
    assert all(not is_locked(p) for p in companions(book_path))
    plain = sqlite3.connect(book_path)
    assert plain.execute("SELECT id FROM households").fetchone()[0] == hid
    assert plain.execute("PRAGMA user_version").fetchone()[0] > 0
    plain.close()
    with open_book(book_path) as reopened:
        assert load_household(reopened, hid)[0]["number"] == "110105001001001"


def test_a_short_password_is_refused_and_the_book_left_plain(book, book_path):
    _fill_and_close(book)
    with pytest.raises(BookError) as short:
        set_password(book_path, "12345")
    assert short.value.code == "book.password_short" and not is_locked(book_path)


def test_a_damaged_plain_file_is_not_taken_for_a_locked_one(tmp_path):
    cut = tmp_path / "cut.db"
    cut.write_bytes(b"SQLite format 3\x00" + b"\x00" * 500)
    assert not is_locked(cut)
    odd = tmp_path / "odd.db"
    odd.write_bytes(b"not a book at all")
    assert not is_locked(odd)
    with pytest.raises(BookError) as error:
        open_book(odd)
    assert error.value.code == "book.corrupt"


def test_the_command_line_opens_a_locked_book_with_its_password(book, book_path, tmp_path):
    _fill_and_close(book)
    set_password(book_path, PASSWORD)
    env = {"VILLAGEBOOK_DATA_DIR": str(tmp_path / "data"), "PATH": "/usr/bin:/bin",
           **travel_environment()}
    args = villagebook_command("export-json", "--db", str(book_path))
    refused = subprocess.run(args, env=env, capture_output=True, text=True,
                             stdin=subprocess.DEVNULL)
    assert refused.returncode != 0 and "密码" in refused.stderr
    opened = subprocess.run([*args, "--plain"], env={**env, "VILLAGEBOOK_PASSWORD": PASSWORD},
                            capture_output=True, text=True, stdin=subprocess.DEVNULL)
    assert opened.returncode == 0, opened.stderr
    assert "张三" in opened.stdout


def test_the_sync_keys_are_kept_under_the_books_password(book, book_path):
    from villagebook.paths import data_dir
    from villagebook.sync import book_password
    from villagebook.sync.keys import SyncError, keys_protected, load_keys

    before = load_keys()
    _fill_and_close(book)
    book_password.set_password(book_path, PASSWORD)
    assert keys_protected()
    raw = before.signing.private_bytes_raw()
    for path in (data_dir() / "keys").iterdir():  # no private key left in the clear
        assert raw not in path.read_bytes()
    book_password.forget()
    with pytest.raises(SyncError) as locked:
        load_keys()
    assert locked.value.code == "sync.keys_locked"
    book_password.open_locked(book_path, PASSWORD)
    assert load_keys().fingerprint == before.fingerprint  # the pairings hold
    book_password.set_password(book_path, None)
    book_password.forget()
    assert not keys_protected() and load_keys().fingerprint == before.fingerprint


def test_a_book_open_elsewhere_is_not_replaced(book, book_path):
    """A window still writing into a replaced file would write into nothing: locking and
    restoring are refused while another connection has the book open."""
    save_household(book, None, *family())
    path = make_backup(book, now=NOW)
    # `book` stays open, as a window elsewhere would hold it
    with pytest.raises(BookError) as locking:
        set_password(book_path, PASSWORD)
    assert locking.value.code == "book.locked" and not is_locked(book_path)
    with pytest.raises(BookError) as restoring:
        restore(book_path, path, now=NOW + dt.timedelta(hours=1))
    assert restoring.value.code == "book.locked"
    assert not list(book_path.parent.glob("*恢复前*"))
    save_household(book, None, *_second_household())  # the open book goes on working
    assert book.conn.execute("SELECT count(*) FROM households").fetchone()[0] == 2


def test_the_command_line_locks_changes_and_takes_the_password_off(book, book_path, tmp_path):
    _fill_and_close(book)
    env = {"VILLAGEBOOK_DATA_DIR": str(tmp_path / "data"), "PATH": "/usr/bin:/bin",
           **travel_environment()}

    def run(*args, **extra):
        return subprocess.run([*villagebook_command(*args, "--db", str(book_path))], env={**env, **extra},
                              capture_output=True, text=True, stdin=subprocess.DEVNULL)

    refused = run("password")  # no terminal and no variable: nothing is done
    assert refused.returncode == 2 and not is_locked(book_path)
    locked = run("password", VILLAGEBOOK_NEW_PASSWORD=PASSWORD)
    assert locked.returncode == 0, locked.stderr
    assert is_locked(book_path) and "book-备份" in locked.stdout  # its backup too
    changed = run("password", VILLAGEBOOK_PASSWORD=PASSWORD,
                  VILLAGEBOOK_NEW_PASSWORD="另一个密码-2027")
    assert changed.returncode == 0, changed.stderr
    wrong = run("export-json", VILLAGEBOOK_PASSWORD=PASSWORD)
    assert wrong.returncode == 1 and "密码不对" in wrong.stderr
    removed = run("password", "--remove", VILLAGEBOOK_PASSWORD="另一个密码-2027")
    assert removed.returncode == 0 and not is_locked(book_path)
    assert all(not is_locked(p) for p in companions(book_path))


def test_keys_under_another_books_password_stay_so(book, book_path, tmp_path):
    """Two books on one laptop: the sync keys stay under the first book's password when
    the second is locked with another one; each book opens with its own."""
    from villagebook.sync import book_password
    from villagebook.sync.keys import keys_protected, load_keys

    fingerprint = load_keys().fingerprint
    _fill_and_close(book)
    book_password.set_password(book_path, PASSWORD)
    other = tmp_path / "other.db"
    open_book(other, create=True).close()
    book_password.forget()
    book_password.set_password(other, "第二个账本的密码")
    assert is_locked(other) and keys_protected()
    book_password.forget()
    book_password.open_locked(book_path, PASSWORD)
    assert load_keys().fingerprint == fingerprint


def test_a_locked_book_in_a_chinese_folder(tmp_path):
    """A Windows user named 李文书 keeps the book under C:\\Users\\李文书\\…: every path
    of the locked book (the file, its backups, the rewrite's temporary name) is not ASCII."""
    from villagebook.storage.village import add_user, set_village

    folder = tmp_path / "李文书" / "石桥村 账本"
    path = folder / "石桥村.db"
    book = open_book(path, create=True)
    add_user(book, "李文书", "01")
    book.operator = "李文书"
    set_village(book, {"name": "石桥村", "code": "110105001001", "township": "城关镇",
                       "county": "朝阳区"})
    _fill_and_close(book)
    set_password(path, PASSWORD)
    forget_keys()
    unlock(path, PASSWORD)
    with open_book(path) as reopened:
        reopened.operator = "李文书"
        backup = make_backup(reopened, now=NOW)
        assert reopened.conn.execute("SELECT count(*) FROM households").fetchone()[0] == 1
    assert is_locked(backup) and backup.parent.name == "石桥村-备份"
    assert [i.households for i in list_backups(path)] == [1, 1]


def test_at_a_terminal_the_password_is_typed_twice_and_asked_in_words(book, book_path,
                                                                      monkeypatch):
    import getpass
    import io

    from villagebook.cli import main

    _fill_and_close(book)

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    prompts: list[str] = []
    typed = iter([PASSWORD, PASSWORD + "x", PASSWORD, PASSWORD, PASSWORD])
    monkeypatch.setattr(sys, "stdin", Terminal())
    monkeypatch.setattr(getpass, "getpass", lambda prompt: prompts.append(prompt) or next(typed))
    assert main(["password", "--db", str(book_path)]) == 1  # the two differ: refused
    assert not is_locked(book_path) and "找回" in prompts[0] and "再输" in prompts[1]
    assert main(["password", "--db", str(book_path)]) == 0
    assert is_locked(book_path)
    forget_keys()
    assert main(["export-json", "--db", str(book_path), "--plain"]) == 0  # asks the password
    assert prompts[-1] == "账本密码："


def test_a_locked_book_is_migrated_and_its_copy_before_stays_locked(book, book_path):
    """A locked book made by an older program: migrated through SQLCipher and
    sqlite-utils, the copy kept before the migration locked too."""
    _fill_and_close(book)
    set_password(book_path, PASSWORD)
    back_to_schema_15(connect(book_path))
    with open_book(book_path) as migrated:
        assert migrated.conn.execute("SELECT head_sort FROM households").fetchone()[0] \
            .startswith("zhang san")
    before = book_path.with_name("book.before-v16.bak")
    assert is_locked(before) and ZHANG_SAN.encode() not in before.read_bytes()


def test_a_locked_older_book_is_read_through_a_locked_copy(book, book_path):
    """A reading open of a locked older book migrates a copy that stays locked (no name
    in the clear in the temporary folder) and leaves the book as it was."""
    _fill_and_close(book)
    set_password(book_path, PASSWORD)
    back_to_schema_15(connect(book_path))
    before = book_path.read_bytes()
    with open_book(book_path, read_only=True) as reading:
        copy = reading.reading_copy
        assert copy is not None and is_locked(copy)
        assert ZHANG_SAN.encode() not in copy.read_bytes()
        assert reading.conn.execute("SELECT head_sort FROM households").fetchone()[0] \
            .startswith("zhang san")
    assert not copy.exists() and book_path.read_bytes() == before


def test_a_change_of_the_keys_protection_cut_short_loses_no_key(book, book_path):
    """New key files are all written before the old go: cut short at either point, the
    installation's keys (and so its pairings) are still there, plain or under the
    password."""
    from villagebook.paths import data_dir
    from villagebook.sync import book_password
    from villagebook.sync.keys import keys_protected, load_keys, unlock_keys

    fingerprint = load_keys().fingerprint
    folder = data_dir() / "keys"
    plain = {p.name: p.read_bytes() for p in folder.iterdir()}
    _fill_and_close(book)
    book_password.set_password(book_path, PASSWORD)
    # locking cut short after the protected files were written: the plain pair is whole
    for name, data in plain.items():
        (folder / name).write_bytes(data)
    book_password.forget()
    assert not keys_protected() and load_keys().fingerprint == fingerprint
    for name in plain:
        (folder / name).unlink()
    # taking it off cut short after one plain file was written: the protected pair holds
    (folder / "signing.key").write_bytes(plain["signing.key"])
    book_password.forget()
    assert keys_protected() and unlock_keys(PASSWORD)
    assert load_keys().fingerprint == fingerprint


def test_sqlcipher_loads_with_the_first_locked_book_and_its_errors_are_caught(
        book, book_path, tmp_path):
    from villagebook.storage.book import create_book
    from villagebook.storage.connection import db_errors

    _fill_and_close(book)
    plain = tmp_path / "plain.db"
    create_book(plain, lambda _book: None).close()
    opened_plain = subprocess.run(  # a new process: the library not loaded by other tests
        [sys.executable, "-c", "import sys; from villagebook.storage import open_book; "
         f"open_book({str(plain)!r}).close(); print('sqlcipher3' in sys.modules)"],
        capture_output=True, text=True, check=True)
    assert opened_plain.stdout.strip() == "False"
    set_password(book_path, PASSWORD)
    locked = open_book(book_path)
    try:
        with pytest.raises(db_errors()) as caught:  # SQLCipher's own error class
            locked.conn.execute("SELECT no_such_column FROM households")
        assert type(caught.value).__module__.startswith("sqlcipher3")
        assert not isinstance(caught.value, sqlite3.Error)  # why db_errors() is needed
    finally:
        locked.close()


def _state(book_path) -> set:
    """Each file's state: plain, or its salt (one password opens all when alike)."""
    from villagebook.storage.connection import salt_of

    return {salt_of(p) if is_locked(p) else "plain" for p in [book_path,
                                                                *companions(book_path)]}


@pytest.mark.parametrize("change", ["lock", "change", "remove"])
def test_a_password_change_cut_short_anywhere_is_finished_or_dropped_at_the_next_open(
        book, book_path, monkeypatch, change):
    """Cut short between any two files (or before the sync keys), the next open (with the
    password the book then asks for) brings the book, its backups and the sync keys to
    one state, says which, and loses nothing."""
    from villagebook.storage import locking
    from villagebook.sync import book_password, keys
    from villagebook.sync.keys import keys_protected, load_keys

    _fill_and_close(book)
    with open_book(book_path) as again:  # a second backup: three files in all
        again.operator = "李文书"
        make_backup(again, now=NOW - dt.timedelta(hours=2))
    fingerprint = load_keys().fingerprint
    before, after = {"lock": (None, PASSWORD), "change": (PASSWORD, "另一个密码-2027"),
                     "remove": (PASSWORD, None)}[change]
    if before is not None:
        book_password.set_password(book_path, before)
    real_rewrite, real_commit = locking._rewrite, keys.commit_staged_keys
    cuts = [("file", n) for n in range(3)] + ([("keys", 0)] if after else [])
    seen = set()
    for where, n in cuts:
        calls = 0

        def dies(*args, where=where, n=n):
            nonlocal calls
            if where == "file" and calls == n:
                raise KeyboardInterrupt  # as a kill, between two files
            calls += 1
            return real_rewrite(*args)

        def keys_die():
            raise KeyboardInterrupt

        monkeypatch.setattr(locking, "_rewrite", dies)
        if where == "keys":
            monkeypatch.setattr(book_password, "commit_staged_keys", keys_die)
        with pytest.raises(KeyboardInterrupt):
            book_password.set_password(book_path, after)
        monkeypatch.setattr(locking, "_rewrite", real_rewrite)
        monkeypatch.setattr(book_password, "commit_staged_keys", real_commit)
        book_password.forget()  # the program ended
        said = None  # the next open: with the password the book asks, if it asks one
        if is_locked(book_path):
            said = book_password.open_locked(book_path, next(
                p for p in (after, before) if p and _opens(book_path, p)))
        with open_book(book_path, read_only=True):
            said = said or locking.take_resumed(book_path)
        seen.add(said)
        assert len(_state(book_path)) == 1, (where, n, _state(book_path))
        assert not locking.journal_of(book_path).exists()
        assert keys_protected() == is_locked(book_path), (where, n)
        assert load_keys().fingerprint == fingerprint  # the same keys: pairings hold
        with open_book(book_path, read_only=True) as reopened:
            assert reopened.conn.execute("SELECT count(*) FROM households").fetchone()[0] == 1
        now = next((p for p in (after, before) if p and _opens(book_path, p)), None) \
            if is_locked(book_path) else None
        if now != before:  # back to where this round began, for the next cut
            book_password.set_password(book_path, before)
        book_password.forget()
        if before is not None:
            book_password.open_locked(book_path, before)
    assert "finished" in seen  # some cuts came after the book was rewritten


def _opens(book_path, password) -> bool:
    try:
        unlock(book_path, password)
        return True
    except BookError:
        return False
