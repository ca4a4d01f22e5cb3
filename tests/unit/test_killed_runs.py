"""kill -9 at many moments of a run: never a half-made book, never a half-applied import,
never personal data left in a temp folder or a hidden file beside a target."""

from __future__ import annotations

import sqlite3
import sys

import pytest
from killing import duration, environment, integrity, killed_runs, run, spread

from villagebook.sync.keys import read_card

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")]


def households(path) -> int:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT count(*) FROM households").fetchone()[0]
    finally:
        conn.close()


def test_a_killed_demo_leaves_no_book_or_a_whole_one(tmp_path):
    env = environment(tmp_path / "data", tmp_path / "systemp")
    book = tmp_path / "demo.db"
    outcomes = set()
    for delay, _finished in killed_runs(["demo", "--db", str(book), "--households", "1500"],
                                       env, spread(0.3, 1.2, 5)):
        if book.exists():
            assert integrity(book) == "ok" and households(book) == 1500, delay
            outcomes.add("whole")
            book.unlink()
        else:
            outcomes.add("none")
            # nothing blocks the next try
            assert run(["demo", "--db", str(book), "--households", "5"], env).returncode == 0
            book.unlink()
    assert "none" in outcomes  # some kills did land inside the work
    # a killed run's half-made book (under its temporary name) is replaced by the next
    assert run(["demo", "--db", str(book), "--households", "5"], env).returncode == 0
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".demo.db")] == []


def test_a_killed_export_leaves_no_personal_data_anywhere(tmp_path):
    env = environment(tmp_path / "data", tmp_path / "systemp")
    book = tmp_path / "v.db"
    assert run(["demo", "--db", str(book), "--households", "1500"], env).returncode == 0
    out = tmp_path / "exports" / "村册.xlsx"
    out.parent.mkdir()
    killed_inside = 0
    for _delay, finished in killed_runs(["export-xlsx", "--db", str(book), "--out", str(out)],
                                        env, spread(0.5, 1.4, 5)):
        killed_inside += not finished
        assert list((tmp_path / "systemp").iterdir()) == []  # never the system's temp
    assert killed_inside
    # the next start sweeps what the killed runs left in the program's own folder
    assert run(["export-json", "--db", str(book)], env).returncode == 0
    assert [p.name for p in out.parent.iterdir() if p.name.endswith(".part")] == []
    scratch = tmp_path / "data" / "tmp"
    assert not scratch.exists() or list(scratch.iterdir()) == []
    assert integrity(book) == "ok"


def test_a_killed_import_is_all_or_nothing(tmp_path):
    env = environment(tmp_path / "data", tmp_path / "systemp")
    source = tmp_path / "source.db"
    assert run(["demo", "--db", str(source), "--households", "1500"], env).returncode == 0
    workbook = tmp_path / "register.xlsx"
    assert run(["export-xlsx", "--db", str(source), "--out", str(workbook)],
               env).returncode == 0
    book = tmp_path / "v.db"
    assert run(["init", "--db", str(book), "--village", "石桥村", "--code", "110105001001",
                "--user", "李文书"], env).returncode == 0
    seen = set()
    for delay, _finished in killed_runs(["import-xlsx", "--db", str(book), str(workbook)],
                                        env, spread(0.4, 1.3, 5)):
        assert integrity(book) == "ok", delay
        count = households(book)
        assert count in (0, 1500), (delay, count)
        seen.add(count)
        if count:
            break
    assert 0 in seen  # some kills landed before the commit


def test_a_killed_sync_import_leaves_the_book_as_before_or_as_after(tmp_path):
    village_env = environment(tmp_path / "village-data", tmp_path / "systemp")
    town_env = environment(tmp_path / "town-data", tmp_path / "systemp")
    village, town = tmp_path / "village.db", tmp_path / "town.db"
    assert run(["demo", "--db", str(village), "--households", "1500"], village_env).returncode == 0
    assert run(["init-township", "--db", str(town), "--name", "城关镇", "--code", "110105001",
                "--user", "站长"], town_env).returncode == 0
    for env, book, card in ((village_env, village, "v.card"), (town_env, town, "t.card")):
        assert run(["sync", "pair", "--db", str(book), "--export", str(tmp_path / card)],
                   env).returncode == 0
    for env, book, card in ((village_env, village, "t.card"), (town_env, town, "v.card")):
        assert run(["sync", "pair", "--db", str(book), "--accept", str(tmp_path / card),
                    "--fingerprint", read_card(tmp_path / card)["fingerprint"]],
                   env).returncode == 0
    exported = run(["sync", "export", "--db", str(village), "--out", str(tmp_path / "usb")],
                   village_env)
    package = exported.stdout.split()[0]
    seen = set()
    for delay, _finished in killed_runs(["sync", "import", "--db", str(town), package],
                                        town_env, spread(0.5, 2.0, 4)):
        assert integrity(town) == "ok", delay
        count = households(town)
        assert count in (0, 1500), (delay, count)
        seen.add(count)
        if count:
            break
    assert 0 in seen
    assert run(["sync", "import", "--db", str(town), package], town_env).returncode == 0
    assert households(town) == 1500


def test_a_killed_backup_or_restore_leaves_a_whole_book_and_no_half_backup(tmp_path):
    env = environment(tmp_path / "data", tmp_path / "systemp")
    book = tmp_path / "v.db"
    assert run(["demo", "--db", str(book), "--households", "3000"], env).returncode == 0
    usb = tmp_path / "usb"
    backing_up = ["backup", "--db", str(book), "--to", str(usb)]
    whole_run = duration(backing_up, env)  # the start, the copy, its check
    killed = 0
    for delay, finished in killed_runs(backing_up, env,
                                       spread(0.3 * whole_run, 0.95 * whole_run, 5)):
        killed += not finished
        assert integrity(book) == "ok" and households(book) == 3000, delay
        for made in usb.glob("*.db"):  # a backup under its name is whole and checked
            assert integrity(made) == "ok" and households(made) == 3000
    assert killed  # some kills landed inside the copy
    whole = run(["backup", "--db", str(book), "--to", str(usb)], env)
    backup = whole.stdout.strip()

    def phone() -> str:
        conn = sqlite3.connect(book)
        try:
            return conn.execute("SELECT phone FROM households WHERE rid = 1").fetchone()[0]
        finally:
            conn.close()

    def change_after_backup() -> None:
        conn = sqlite3.connect(book)
        conn.execute("UPDATE households SET phone = '13900000009' WHERE rid = 1")
        conn.commit()
        conn.close()

    before = phone()
    change_after_backup()
    restoring = ["restore", "--db", str(book), backup]
    whole_restore = duration(restoring, env)  # measured here, as the backup's
    assert phone() == before
    change_after_backup()
    # a restore killed at any moment leaves the book whole: as it was, or the backup
    seen = set()
    for delay, _finished in killed_runs(restoring, env,
                                        spread(0.2 * whole_restore, 1.5 * whole_restore, 5)):
        assert integrity(book) == "ok" and households(book) == 3000, delay
        seen.add(phone())
    assert seen <= {before, "13900000009"} and before in seen
    # the next start sweeps the half files the killed runs began beside their targets
    assert run(["export-json", "--db", str(book)], env).returncode == 0
    assert [p.name for p in tmp_path.rglob("*.part")] == []


def test_a_killed_password_change_leaves_the_book_whole_locked_or_not(tmp_path):
    """Locking rewrites the book under a temporary name and renames it into place: killed
    at any moment, the book is whole, plain as it was or locked, never half of each."""
    from villagebook.storage.connection import connect, forget_keys, is_locked, unlock

    env = environment(tmp_path / "data", tmp_path / "systemp")
    book = tmp_path / "v.db"
    assert run(["demo", "--db", str(book), "--households", "3000"], env).returncode == 0
    locking = {**env, "VILLAGEBOOK_NEW_PASSWORD": "kill-test-password"}
    states = set()
    for delay, _finished in killed_runs(["password", "--db", str(book)], locking,
                                       spread(0.4, 2.0, 5)):
        if is_locked(book):
            states.add("locked")
            forget_keys()
            unlock(book, "kill-test-password")
            conn = connect(book, mode="ro")
            try:
                assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok", delay
                assert conn.execute("SELECT count(*) FROM households").fetchone()[0] == 3000
            finally:
                conn.close()
            break  # locked and whole: a second run would change the password
        states.add("plain")
        assert integrity(book) == "ok" and households(book) == 3000, delay
    assert "plain" in states  # some kills landed before the rename
    assert run(["export-json", "--db", str(book), "--plain"],
               {**env, "VILLAGEBOOK_PASSWORD": "kill-test-password"}).returncode == 0
    assert [p.name for p in tmp_path.rglob("*.part")] == []
