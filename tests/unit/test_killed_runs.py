"""kill -9 at many moments of a run: never a half-made book, never a half-applied import,
never personal data left in a temp folder or a hidden file beside a target."""

from __future__ import annotations

import contextlib
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
    assert run(["init-township", "--db", str(town), "--name", "田园镇", "--code", "532322105",
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


def _id_numbers_in(path, wanted: set[bytes]) -> set[bytes]:
    """The ID numbers of ``wanted`` that can be read from the file at ``path`` without a
    password: in its bytes (an SQLite file, a JSON or CSV file), in the members of a zip
    (a workbook) and in the text of a PDF that is not encrypted."""
    import re
    import zipfile

    data = path.read_bytes()
    texts = [data]
    if data.startswith(b"PK"):
        with contextlib.suppress(zipfile.BadZipFile, NotImplementedError, RuntimeError):
            with zipfile.ZipFile(path) as archive:
                texts += [archive.read(name) for name in archive.namelist()]
    if data.startswith(b"%PDF"):
        from pypdf import PdfReader

        reader = PdfReader(path)
        if not reader.is_encrypted:
            texts += [(page.extract_text() or "").encode() for page in reader.pages]
    found: set[bytes] = set()
    for text in texts:
        found |= set(re.findall(rb"\d{17}[\dX]", text)) & wanted
    return found


def test_no_id_number_is_left_outside_a_locked_book_whatever_is_killed(tmp_path):
    """A book locked with a password, then every command that writes personal data run
    to the end and killed on the way (locking itself, backups, exports, prints): after
    the next start, no file anywhere under the test's folder — the book's folder, the
    targets, the data folder with its backups and keys, the system's temp — holds one
    of the book's ID numbers readable without a password, and the sync keys are kept
    under the password. Only the program's own temporary folder is left out (swept)."""
    env = environment(tmp_path / "data", tmp_path / "systemp")
    book = tmp_path / "v.db"
    assert run(["demo", "--db", str(book), "--households", "1500"], env).returncode == 0
    conn = sqlite3.connect(book)
    wanted = {row[0].encode() for row in conn.execute("SELECT id_number FROM members")
              if row[0] and len(row[0]) == 18}
    conn.execute("VACUUM INTO ?", [str(tmp_path / "plain.db")])
    conn.close()
    assert len(wanted) > 1000
    assert run(["backup", "--db", str(book)], env).returncode == 0  # plain, then locked
    assert run(["sync", "pair", "--db", str(book), "--export", str(tmp_path / "card.json")],
               env).returncode == 0  # this installation's sync keys, plain until locked
    locking = {**env, "VILLAGEBOOK_NEW_PASSWORD": "kill-test-password"}
    opened = {**env, "VILLAGEBOOK_PASSWORD": "kill-test-password",
              "VILLAGEBOOK_FILE_PASSWORD": "file-password"}
    whole = duration(["demo", "--db", str(tmp_path / "timing.db"), "--households", "1500"],
                     env)
    (tmp_path / "timing.db").unlink()
    cut_short = 0
    for _delay, finished in killed_runs(["password", "--db", str(book)], locking,
                                        spread(0.2, 1.5 * whole, 6)):
        cut_short += not finished
        # the next open finishes or undoes the change cut short
        assert run(["check", "--db", str(book)], opened).returncode in (0, 4)
        if finished:
            break
    if run(["check", "--db", str(book)], env).returncode in (0, 4):  # not locked yet
        assert run(["password", "--db", str(book)], locking).returncode == 0
    out = tmp_path / "out"
    out.mkdir()
    writing = [["backup", "--db", str(book)],
               ["export-xlsx", "--db", str(book), "--protect", "--out", str(out / "册.xlsx")],
               ["print", "cards", "--db", str(book), "--protect", "--full-ids",
                "--out", str(out / "卡.pdf")]]
    for args in writing:
        for _delay, finished in killed_runs(args, opened, spread(0.3, 1.2, 3)):
            cut_short += not finished
        assert run(args, opened).returncode == 0, args
    # without --protect or --plain, a locked book's personal data is not written at all
    for args in (["export-xlsx", "--db", str(book), "--out", str(out / "plain.xlsx")],
                 ["print", "register", "--db", str(book), "--out", str(out / "plain.pdf")]):
        assert run(args, opened).returncode != 0
    assert run(["print", "walls", "--db", str(book), "--out", str(out / "墙.pdf")],
               opened).returncode == 0
    assert run(["check", "--db", str(book)], opened).returncode in (0, 4)  # sweeps
    own_temp = tmp_path / "data" / "tmp"
    leaks = {str(path.relative_to(tmp_path)): len(found)
             for path in sorted(tmp_path.rglob("*"))
             if path.is_file() and not path.is_relative_to(own_temp)
            and path.name != "plain.db"
             and (found := _id_numbers_in(path, wanted))}
    assert leaks == {} and cut_short >= 6
    assert _id_numbers_in(tmp_path / "plain.db", wanted) == wanted  # (it would see them)
    keys = tmp_path / "data" / "keys"
    assert sorted(p.name for p in keys.iterdir() if p.suffix in (".key", ".pem")) \
        == ["receiving.pem", "signing.pem"]
    assert {p.name for p in out.iterdir()} == {"册.xlsx", "卡.pdf", "墙.pdf"}
