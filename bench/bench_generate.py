"""Generating a book: our bulk path (households, members, change log, search indexes)
against two baselines measured in the same run:

1. raw ``sqlite3.executemany`` of the same household and member rows into bare tables with
   the same columns (what a program without change log or search would write);
2. raw ``executemany`` of every row our book ends up holding (households, members, the
   change log) into an empty book of the same schema, plus the same one-statement search
   index build: the cost of our Python layer over SQLite's own work.

    python bench/bench_generate.py [--households 300000]
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import fresh_path, report, timed  # noqa: E402

from villagebook.core import demo  # noqa: E402
from villagebook.storage import open_book  # noqa: E402
from villagebook.storage.bulk import insert_households  # noqa: E402
from villagebook.storage.households import HOUSEHOLD_COLUMNS, MEMBER_COLUMNS  # noqa: E402
from villagebook.storage.village import add_user  # noqa: E402


def raw_insert(path: Path, items) -> None:
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    hh_cols = ["id", *HOUSEHOLD_COLUMNS]
    m_cols = ["id", "household_id", "position", *MEMBER_COLUMNS]
    conn.execute(f"CREATE TABLE households ({', '.join(hh_cols)}, PRIMARY KEY (id))")
    conn.execute(f"CREATE TABLE members ({', '.join(m_cols)}, PRIMARY KEY (id))")
    hh_rows, m_rows = [], []
    for i, (household, members) in enumerate(items):
        hid = f"household-{i:08d}-0000-0000-000000000000"
        hh_rows.append((hid, *(household.get(k) for k in HOUSEHOLD_COLUMNS)))
        for j, member in enumerate(members):
            m_rows.append((f"{hid[:-3]}{j:03d}", hid, j, *(member.get(k) for k in MEMBER_COLUMNS)))
    with conn:
        conn.executemany(f"INSERT INTO households VALUES ({', '.join('?' * len(hh_cols))})",
                         hh_rows)
        conn.executemany(f"INSERT INTO members VALUES ({', '.join('?' * len(m_cols))})", m_rows)
    conn.close()


def ours(path: Path, items) -> None:
    book = open_book(path, create=True)
    add_user(book, "bench")
    book.operator = "bench"
    insert_households(book, items)
    book.close()


def same_rows(source: Path, target: Path) -> float:
    """Copy every row of ``source``'s tables into a new book with raw executemany; seconds."""
    open_book(target, create=True).close()
    src = sqlite3.connect(source)
    tables = ("actions", "households", "members", "changes")
    rows = {t: src.execute(f"SELECT * FROM {t}").fetchall() for t in tables}
    src.close()
    conn = sqlite3.connect(target)
    conn.execute("PRAGMA synchronous=FULL")

    def run() -> None:
        with conn:
            for table in tables:
                width = len(rows[table][0])
                conn.executemany(f"INSERT INTO {table} VALUES ({', '.join('?' * width)})",
                                 rows[table])
            conn.execute("INSERT INTO household_fts (rowid, search_text)"
                         " SELECT rid, search_text FROM households")

    seconds = timed(run)
    conn.close()
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--households", type=int, default=300_000)
    args = parser.parse_args()
    items = list(demo.generate(args.households, seed=1))
    members = sum(len(m) for _, m in items)
    print(f"{args.households} households, {members} members (generated in memory first)")
    baseline = timed(lambda: raw_insert(fresh_path("raw.db"), items))
    book_path = fresh_path("book.db")
    mine = timed(lambda: ours(book_path, items))
    report("generate book vs raw rows (households, members)", mine, baseline)
    report("generate book vs raw copy of all its rows", mine,
           same_rows(book_path, fresh_path("copy.db")))


if __name__ == "__main__":
    main()
