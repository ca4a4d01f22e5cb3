"""Nothing lost, nothing leaked: temporary files, snapshots, bounds, half-made books,
read-only books, unknown migrations, a full disk, who the CLI works as."""

from __future__ import annotations

import errno
import os
import sqlite3
import tempfile
from pathlib import Path

import pytest
from helpers import family, make_id, pdf_text
from sqlite_utils import Database

from villagebook.cli import main
from villagebook.core.errors import BookError, ValidationFailed
from villagebook.paths import data_dir
from villagebook.reports import workbook as workbook_module
from villagebook.reports.cards import print_cards
from villagebook.reports.printing import PrintRequest, render
from villagebook.reports.workbook import export_register, rows_of
from villagebook.storage import book as book_module
from villagebook.storage import open_book, scratch
from villagebook.storage.book import create_book
from villagebook.storage.file_lock import take
from villagebook.storage.files import replace_atomically
from villagebook.storage.households import close_household, load_household, save_household
from villagebook.storage.village import add_user, set_village

OPERATOR = "李文书"  # the book fixture's user
VILLAGE = {"name": "石桥村", "code": "110105001001", "township": "城关镇", "county": "朝阳区"}


def saved(book, number: str = "110105001001001", k: int = 0) -> str:
    """A household of three; ``k`` gives its people ID numbers of their own."""
    household, members = family()
    household["number"] = number
    if k:
        for member, seq in zip(members, (101 + 4 * k, 102 + 4 * k, 103 + 4 * k)):
            member["id_number"] = make_id(member["id_number"][6:14], seq)
    return save_household(book, None, household, members).household_id


# -- temporary files -----------------------------------------------------------------

def test_the_program_keeps_its_temporary_files_in_its_data_folder(book, tmp_path):
    folder = scratch.claim()
    assert folder.parent == data_dir() / "tmp"
    assert Path(tempfile.gettempdir()) == folder
    saved(book)
    seen: list[str] = []
    real = tempfile.NamedTemporaryFile

    def spy(*args, **kwargs):
        handle = real(*args, **kwargs)
        seen.append(handle.name)
        return handle

    tempfile.NamedTemporaryFile = spy
    try:
        import openpyxl.worksheet._writer as sheet_writer

        sheet_writer.NamedTemporaryFile, before = spy, sheet_writer.NamedTemporaryFile
        try:
            export_register(book, tmp_path / "out.xlsx")
        finally:
            sheet_writer.NamedTemporaryFile = before
    finally:
        tempfile.NamedTemporaryFile = real
    assert seen and all(Path(name).parent == folder for name in seen)


def test_the_next_start_removes_what_a_dead_process_left(tmp_path):
    root = data_dir() / "tmp"
    dead = root / "99999-deadbeef"
    dead.mkdir(parents=True)
    (dead / ".lock").touch()
    (dead / "openpyxl.xml").write_text("11010519491231002X")
    target_dir = tmp_path / "exports"
    target_dir.mkdir()
    part = target_dir / ".村册.xlsx.abc.part"
    part.write_text("11010519491231002X")
    kept = target_dir / "村册.xlsx"
    kept.write_text("finished")
    (dead / "parts.txt").write_text(f"{part}\n{kept}\n")
    mine = scratch.start()
    assert not dead.exists() and not part.exists()
    assert kept.read_text() == "finished"  # only .part files are removed
    assert mine.exists() and scratch.sweep() == 0  # a live process's folder stays


def test_a_running_process_keeps_its_folder(tmp_path):
    import subprocess
    import sys

    code = ("import sys,time; from villagebook.storage import scratch; "
            "print(scratch.claim(), flush=True); time.sleep(30)")
    child = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True,
                             env={**os.environ})
    try:
        folder = Path(child.stdout.readline().strip())
        assert folder.exists()
        scratch.sweep()
        assert folder.exists()
    finally:
        child.kill()
        child.wait()
    scratch.sweep()
    assert not folder.exists()


def test_an_unfinished_file_is_noted_for_the_sweep(tmp_path):
    scratch.claim()
    target = tmp_path / "x.pdf"
    with pytest.raises(RuntimeError):
        with replace_atomically(target) as tmp:
            journal = (Path(tempfile.gettempdir()) / "parts.txt").read_text()
            assert str(tmp) in journal
            raise RuntimeError("killed")
    assert list(tmp_path.glob(".x.pdf.*")) == []


# -- one snapshot ----------------------------------------------------------------------

def test_an_export_reads_one_snapshot_while_an_import_commits(book, book_path, tmp_path,
                                                              monkeypatch):
    saved(book)
    other = open_book(book_path)
    other.operator = OPERATOR
    real_sheet = workbook_module.SheetWriter.sheet
    calls = []

    def sheet_then_commit(self, conn, spec, tick):
        count = real_sheet(self, conn, spec, tick)
        if not calls:  # after 农户, another program saves a household with members
            saved(other, "110105001001002", 1)
        calls.append(spec.title)
        return count

    monkeypatch.setattr(workbook_module.SheetWriter, "sheet", sheet_then_commit)
    out = tmp_path / "register.xlsx"
    counts = export_register(book.conn, out)
    other.close()
    assert counts["农户"] == 1 and counts["家庭成员"] == 3
    numbers = {row[0] for row in list(rows_of(out, "农户"))[1:]}
    member_numbers = {row[0] for row in list(rows_of(out, "家庭成员"))[1:]}
    assert member_numbers <= numbers


# -- bounded text ----------------------------------------------------------------------

def test_overlong_text_is_refused_on_entry_with_both_lengths(book):
    household, members = family()
    household["note"] = "长" * 2001
    members[0]["name"] = "张" * 51
    with pytest.raises(ValidationFailed) as info:
        save_household(book, None, household, members)
    found = {(i.field, i.values["length"], i.values["max"]) for i in info.value.issues
             if i.code == "text.too_long"}
    assert found == {("note", 2001, 2000), ("name", 51, 50)}
    assert book.conn.execute("SELECT count(*) FROM households").fetchone()[0] == 0


def test_overlong_notes_of_events_are_refused(book):
    household_id = saved(book)
    with pytest.raises(ValidationFailed) as info:
        close_household(book, household_id, "01", "2026-01-05", note="长" * 2001)
    assert info.value.issues[0].code == "text.too_long"
    assert load_household(book, household_id)[0]["status"] == "active"


def test_one_record_that_cannot_be_laid_out_never_stops_a_batch(book, tmp_path):
    first, second = saved(book), saved(book, "110105001001002", 1)
    # a book from before the bounds: a note far longer than a page
    book.conn.execute("UPDATE households SET group_name = ? WHERE id = ?",
                      ["很长的组名" * 3000, second])
    book.conn.commit()
    out = tmp_path / "cards.pdf"
    result = print_cards(book, [first, second], out)
    assert result.count == 2 and result.skipped == []  # cut visibly, not refused
    assert "字略" in pdf_text(out)


def test_a_household_that_cannot_be_laid_out_is_named_and_the_rest_print(book, tmp_path,
                                                                        monkeypatch):
    from reportlab.platypus import Flowable

    from villagebook.reports import cards

    first, second = saved(book), saved(book, "110105001001002", 1)

    class Tall(Flowable):  # a thing no page can hold
        def wrap(self, width, height):
            return width, 5000

        def draw(self):
            pass

    real = cards.household_story

    def story(book_, household_id, *args, **kwargs):
        parts = real(book_, household_id, *args, **kwargs)
        return parts + [Tall()] if household_id == second else parts

    monkeypatch.setattr(cards, "household_story", story)
    out = tmp_path / "cards.pdf"
    summary = render(book, PrintRequest("cards", (first, second)), out)
    assert "1 户；1 户内容过长" in summary and "户编号 110105001001002" in summary
    text = pdf_text(out)
    assert "110105001001001" in text and "110105001001002" not in text


# -- making, opening, refusing ---------------------------------------------------------

def test_an_interrupted_new_book_leaves_nothing_and_the_next_try_works(tmp_path):
    path = tmp_path / "new.db"

    def fill_then_die(book):
        add_user(book, OPERATOR, "01")
        book.operator = OPERATOR
        set_village(book, VILLAGE)
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        create_book(path, fill_then_die)
    assert [p.name for p in tmp_path.iterdir() if "new.db" in p.name] == []

    def fill(book):
        add_user(book, OPERATOR, "01")
        book.operator = OPERATOR
        set_village(book, VILLAGE)

    with create_book(path, fill) as book:
        assert book.operator == OPERATOR
        assert book.conn.execute("SELECT name FROM village").fetchone()[0] == "石桥村"
    assert sorted(p.name for p in tmp_path.iterdir() if "new.db" in p.name) == ["new.db"]
    with pytest.raises(BookError) as info:
        create_book(path, fill)
    assert info.value.code == "book.exists"


def test_a_book_that_cannot_be_written_is_read_and_never_changed(book, book_path,
                                                               monkeypatch, capsys):
    saved(book)
    book.close()
    monkeypatch.setattr(book_module.os, "access", lambda *a: False)
    with pytest.raises(BookError) as info:
        open_book(book_path)  # for writing: refused, with a clear code
    assert info.value.code == "book.read_only"
    before = book_path.read_bytes()
    assert main(["export-json", "--db", str(book_path)]) == 0
    assert "110105001001001" in capsys.readouterr().out
    with open_book(book_path, read_only=True) as reading:
        assert reading.read_only
        reading.operator = OPERATOR
        with pytest.raises(BookError) as info:
            saved(reading, "2", 2)
        assert info.value.code == "book.read_only"
    assert book_path.read_bytes() == before
    assert [p.name for p in book_path.parent.iterdir() if p.name.startswith("book.db-")] == []


def test_a_refused_book_leaves_nothing_beside_it(book_path):
    conn = sqlite3.connect(book_path)
    conn.execute("PRAGMA user_version = 999")
    conn.execute("CREATE TABLE x (y)")
    conn.commit()
    conn.close()
    with pytest.raises(BookError) as info:
        open_book(book_path)
    assert info.value.code == "book.newer"
    assert sorted(p.name for p in book_path.parent.iterdir()
                  if p.name.startswith("book.db")) == ["book.db"]


def test_a_migration_this_program_does_not_know_is_refused(book, book_path):
    book.close()
    db = Database(sqlite3.connect(book_path))
    db["_sqlite_migrations"].insert({"migration_set": "villagebook", "name": "0011_future",
                                     "applied_at": "2027-01-01"})
    db.conn.commit()
    db.conn.close()
    before = book_path.read_bytes()
    for read_only in (False, True):
        with pytest.raises(BookError) as info:
            open_book(book_path, read_only=read_only)
        assert info.value.code == "book.unknown_migration"
        assert "0011_future" in info.value.values["name"]
    assert book_path.read_bytes() == before


# -- the change log ----------------------------------------------------------------------

def test_an_action_that_changes_nothing_is_not_written(book):
    household_id = saved(book)
    household, members = load_household(book, household_id)
    before = book.conn.execute("SELECT count(*) FROM actions").fetchone()[0]
    save_household(book, household_id, household, members)
    assert book.conn.execute("SELECT count(*) FROM actions").fetchone()[0] == before


def test_reimporting_the_own_export_writes_no_action(demo_book, tmp_path):
    from villagebook.reports.workbook_import import import_workbook

    out = tmp_path / "register.xlsx"
    export_register(demo_book, out)
    before = demo_book.conn.execute("SELECT count(*) FROM actions").fetchone()[0]
    result = import_workbook(demo_book, out)
    assert result.committed and not result.problems
    assert demo_book.conn.execute("SELECT count(*) FROM actions").fetchone()[0] == before


def test_cli_import_names_who_ran_it(book, book_path, tmp_path, capsys):
    from villagebook.reports.workbook import export_template

    add_user(book, "王会计", "02")
    book.close()
    empty = tmp_path / "t.xlsx"
    export_template(empty)
    assert main(["import-xlsx", "--db", str(book_path), str(empty)]) == 1
    assert "--user" in capsys.readouterr().err  # two users: say which
    assert main(["import-xlsx", "--db", str(book_path), str(empty), "--user", "赵六"]) == 1
    assert "user.unknown" in capsys.readouterr().err


# -- a full disk ---------------------------------------------------------------------------

def test_a_full_disk_while_writing_a_file_says_so(book, tmp_path, monkeypatch, capsys):
    saved(book)
    book.close()

    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(workbook_module.Workbook, "save", full)
    out = tmp_path / "register.xlsx"
    assert main(["export-xlsx", "--db", str(tmp_path / "book.db"), "--out", str(out)]) == 1
    err = capsys.readouterr().err
    assert "book.disk_full" in err and "磁盘" in err and "Traceback" not in err
    assert list(tmp_path.glob("*register*")) == []


def test_a_full_data_folder_while_writing_a_sheet_says_so_without_a_traceback(
        book, tmp_path, monkeypatch, capsys):
    """With the program's data folder (its temporary sheets) on a full disk, lxml says so
    in its own words (SerialisationError IO_ENOSPC), and a file Python closes while
    cleaning up fails again: one message in words, no traceback."""
    import gc

    from lxml import etree

    saved(book)
    book.close()

    class Unflushable:
        def __del__(self):
            raise OSError(errno.ENOSPC, "No space left on device")

    def full(*args, **kwargs):
        Unflushable()  # a file object dropped on the way out, failing to flush
        gc.collect()
        raise etree.SerialisationError("IO_ENOSPC")

    monkeypatch.setattr(workbook_module.Workbook, "save", full)
    out = tmp_path / "register.xlsx"
    assert main(["export-xlsx", "--db", str(tmp_path / "book.db"), "--out", str(out)]) == 1
    err = capsys.readouterr().err
    assert "book.disk_full" in err and "Traceback" not in err and "Exception ignored" not in err


def test_a_full_disk_during_an_import_says_so_and_frees_the_log(demo_book, tmp_path, capsys):
    from villagebook.reports.workbook_import import import_workbook

    out = tmp_path / "register.xlsx"
    export_register(demo_book, out)
    path = demo_book.path
    demo_book.close()
    fresh = tmp_path / "fresh.db"

    def fill(book):
        add_user(book, OPERATOR, "01")
        book.operator = OPERATOR
        set_village(book, VILLAGE)

    create_book(fresh, fill).close()
    conn = sqlite3.connect(fresh)
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.close()
    with open_book(fresh) as book:
        book.operator = OPERATOR
        book.conn.execute(f"PRAGMA max_page_count = {pages + 60}")
        book.conn.execute("PRAGMA cache_size = 5")  # pages spill into the log as it goes
        with pytest.raises(BookError) as info:
            import_workbook(book, out)
        assert info.value.code == "book.disk_full"
        assert book.conn.execute("SELECT count(*) FROM households").fetchone()[0] == 0
        wal = fresh.with_name("fresh.db-wal")
        assert wal.stat().st_size == 0  # the failed import's pages do not hold the disk
    assert path.exists()


def test_a_stopped_export_leaves_no_sheet_file_while_the_program_runs(demo_book, tmp_path):
    from villagebook.reports.workbook import Cancelled

    folder = scratch.claim()
    ticks = []

    def stop_after_a_while() -> bool:
        ticks.append(1)
        return len(ticks) > 3

    with pytest.raises(Cancelled):
        export_register(demo_book, tmp_path / "r.xlsx", cancelled=stop_after_a_while)
    assert [p.name for p in folder.iterdir() if p.name not in (".lock", "parts.txt")] == []
    assert list(tmp_path.glob("*r.xlsx*")) == []


def test_a_half_file_on_a_stick_mounted_elsewhere_goes_with_the_next_write_there(tmp_path):
    """A backup killed on a USB stick leaves a hidden .part (every ID number in it); the
    stick is mounted at another path next time, so the remembered path is no help: the
    next write into that folder removes it by its name, unless its process still runs."""

    stick = tmp_path / "media" / "B"  # where the stick is mounted now
    stick.mkdir(parents=True)
    left = stick / ".石桥村-备份.db.99999-deadbeef.k3j2.part"
    left.write_text("11010519491231002X")
    scratch.start()
    running = scratch.scratch_root() / "12345-cafebabe"  # another process, still writing
    running.mkdir(parents=True)
    handle = take(running / ".lock")
    try:
        busy = stick / ".村册.xlsx.12345-cafebabe.a1b2.part"
        busy.write_text("being written")
        foreign = stick / ".someone-else.part"  # not a name of ours: left alone
        foreign.write_text("theirs")
        with replace_atomically(stick / "石桥村-备份2.db") as tmp:
            tmp.write_text("new backup")
        assert not left.exists() and busy.exists() and foreign.exists()
        assert (stick / "石桥村-备份2.db").read_text() == "new backup"
    finally:
        handle.close()


def test_a_book_begun_by_a_killed_run_is_swept_at_the_next_start(tmp_path):
    root = data_dir() / "tmp"
    dead = root / "99998-deadbeef"
    dead.mkdir(parents=True)
    (dead / ".lock").touch()
    building = tmp_path / ".demo.db.creating"
    building.write_text("110105194912310021")
    (tmp_path / ".demo.db.creating-wal").write_text("110105194912310021")
    (dead / "parts.txt").write_text(f"{building}\n")
    scratch.start()
    assert not building.exists() and not (tmp_path / ".demo.db.creating-wal").exists()
