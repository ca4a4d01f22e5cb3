"""Files that are not a whole book of ours: another program's SQLite database, and a book
with damaged pages. Every command refuses them in words and leaves them as they were
(issue: nothing lost or leaked, round two)."""

from __future__ import annotations

import hashlib
import sqlite3

import pytest

from villagebook.cli import create_demo, main
from villagebook.core.errors import BookError
from villagebook.storage import open_book
from villagebook.storage.book import APPLICATION_ID

COMMANDS = [
    ["check"],
    ["export-xlsx", "--out", "{out}.xlsx"],
    ["export-json"],
    ["print", "cards", "--out", "{out}.pdf"],
    ["sync", "status"],
    ["import-xlsx", "{out}.xlsx"],
]


def digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def run(command: list[str], db, tmp_path) -> int:
    args = [a.replace("{out}", str(tmp_path / "out")) for a in command]
    if args[0] == "sync":
        return main([*args[:2], "--db", str(db), *args[2:]])
    return main([args[0], "--db", str(db), *args[1:]])


@pytest.fixture
def foreign(tmp_path):
    """Another program's database: tables of its own, its own user_version."""
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)")
    conn.execute("INSERT INTO notes (text) VALUES ('mine')")
    conn.execute("PRAGMA user_version = 3")
    conn.commit()
    conn.close()
    return path


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c[:2]))
def test_another_program_s_database_is_refused_and_left_as_it_was(foreign, tmp_path, capsys,
                                                                  command):
    before = digest(foreign)
    assert run(command, foreign, tmp_path) != 0
    assert "其他程序" in capsys.readouterr().err
    assert digest(foreign) == before
    assert not (tmp_path / "other.before-v4.bak").exists()


def test_a_database_marked_by_another_program_is_refused_even_empty(tmp_path):
    path = tmp_path / "marked.db"
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA application_id = 12345")
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    with pytest.raises(BookError) as refused:
        open_book(path, read_only=True)
    assert refused.value.code == "book.not_villagebook"


def test_books_are_marked_as_ours_and_older_ones_get_the_mark(tmp_path):
    book = create_demo(tmp_path / "demo.db", 3, seed=1)
    book.close()
    conn = sqlite3.connect(tmp_path / "demo.db")
    assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    conn.execute("PRAGMA application_id = 0")  # as books made before the mark
    conn.commit()
    conn.close()
    open_book(tmp_path / "demo.db").close()
    conn = sqlite3.connect(tmp_path / "demo.db")
    assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    conn.close()


@pytest.fixture
def damaged(tmp_path):
    """A demo book with garbage over pages in the middle (its change log among them)."""
    book = create_demo(tmp_path / "damaged.db", 40, seed=2)
    book.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    page = book.conn.execute("PRAGMA page_size").fetchone()[0]
    pages = book.conn.execute("PRAGMA page_count").fetchone()[0]
    book.close()
    data = bytearray((tmp_path / "damaged.db").read_bytes())
    for n in range(pages // 2, pages // 2 + 20):
        data[n * page:(n + 1) * page] = bytes([0xA5]) * page
    (tmp_path / "damaged.db").write_bytes(bytes(data))
    return tmp_path / "damaged.db"


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c[:2]))
def test_a_damaged_book_is_refused_by_every_command(damaged, tmp_path, capsys, command):
    before = digest(damaged)
    assert run(command, damaged, tmp_path) != 0
    assert "备份" in capsys.readouterr().err  # pointed to a backup to restore
    assert digest(damaged) == before
