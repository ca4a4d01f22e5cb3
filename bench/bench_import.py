"""Importing a village register: our import (every row checked by the window's rules, the
change log and the search index written, all in one transaction) against a raw
python-calamine read of the same sheets plus a raw ``sqlite3.executemany`` of the same
rows into bare tables, measured in the same run.

    python bench/bench_import.py [--households 28000]   # about 100,000 member rows

Two more figures give the floor no check can lower: calamine's read of the sheets and
``executemany`` of the very rows the import stores (the book's schema and indexes, the
change log, the search index), then the same with one Python pass folding each cell's
text (``cell_text``), the least any reading of a cell does.
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import python_calamine  # noqa: E402
from _common import fresh_path, report, timed  # noqa: E402

from villagebook.cli import create_demo  # noqa: E402
from villagebook.reports.workbook import export_register  # noqa: E402
from villagebook.reports.workbook_import import cell_text, import_workbook  # noqa: E402
from villagebook.storage import open_book  # noqa: E402
from villagebook.storage.book import Book  # noqa: E402
from villagebook.storage.village import add_user, get_village, set_village  # noqa: E402

SHEETS = ("农户", "家庭成员")
STORED = ("actions", "village", "households", "members", "changes")  # in this order: keys


def raw(path: Path) -> None:
    """Read the two sheets with calamine and insert their rows as they are."""
    workbook = python_calamine.CalamineWorkbook.from_path(str(path))
    conn = sqlite3.connect(fresh_path("raw.db"))
    for title in SHEETS:
        rows = workbook.get_sheet_by_name(title).to_python()
        header, body = rows[0], rows[1:]
        columns = ", ".join(f"c{i}" for i in range(len(header)))
        conn.execute(f"CREATE TABLE t ({columns})" if title == "农户"
                     else f"CREATE TABLE m ({columns})")
        marks = ", ".join("?" * len(header))
        conn.executemany(f"INSERT INTO {'t' if title == '农户' else 'm'} VALUES ({marks})",
                         body)
    conn.commit()
    conn.close()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--households", type=int, default=28_000)
    parser.add_argument("--profile", action="store_true", help="print a profile of ours")
    args = parser.parse_args()
    source = create_demo(fresh_path("source.db"), args.households)
    members = source.conn.execute("SELECT count(*) FROM members").fetchone()[0]
    village = get_village(source)
    path = fresh_path("register.xlsx")
    export_register(source, path)
    source.close()

    def imported() -> Book:
        """A new book of the list's village with the register imported into it."""
        book = open_book(fresh_path("book.db"), create=True)
        add_user(book, "导入", "01")
        book.operator = "导入"
        set_village(book, {k: village[k] for k in ("name", "code", "township", "county")})
        result = import_workbook(book, path)
        assert result.committed, result.problems[:3]
        return book

    def ours() -> None:
        imported().close()

    def stored_rows() -> dict[str, tuple[list[str], list[tuple]]]:
        """The rows an import writes (its action, the village, households, members and
        their change log), read back from a book it imported into."""
        book = imported()
        out = {}
        for table in STORED:
            cursor = book.conn.execute(f"SELECT * FROM {table}")
            out[table] = ([d[0] for d in cursor.description], cursor.fetchall())
        book.close()
        return out

    def floor(rows: dict[str, tuple[list[str], list[tuple]]], fold: bool = False) -> None:
        """What no check can save: calamine's read of the sheets and ``executemany`` of
        the very rows the import stores, into an empty book (its indexes, the change log,
        the search index filled as the import fills it); ``fold``: and one pass over the
        cells folding each one's text, the least any reading of a cell does."""
        workbook = python_calamine.CalamineWorkbook.from_path(str(path))
        sheets = [workbook.get_sheet_by_name(title).to_python() for title in SHEETS]
        if fold:
            for sheet in sheets:
                for row in sheet:
                    for value in row:
                        cell_text(value)
        book = open_book(fresh_path("floor.db"), create=True)
        with book.writing():
            for table, (columns, values) in rows.items():
                marks = ", ".join("?" * len(columns))
                book.conn.executemany(f"INSERT INTO {table} ({', '.join(columns)})"
                                      f" VALUES ({marks})", values)
            book.conn.execute("INSERT INTO household_fts (rowid, search_text)"
                              " SELECT rid, search_text FROM households")
        book.close()

    if args.profile:
        import cProfile
        import pstats

        cProfile.runctx("ours()", globals(), locals(), "/tmp/import.prof")
        pstats.Stats("/tmp/import.prof").sort_stats("cumulative").print_stats(40)
        return
    print(f"{args.households} households, {members} member rows")
    baseline = timed(lambda: raw(path), 3)
    report("import the register vs raw calamine+executemany", timed(ours), baseline)
    rows = stored_rows()
    report("  floor: read + the same rows written", timed(lambda: floor(rows), 3), baseline)
    report("  floor + one pass folding each cell", timed(lambda: floor(rows, True), 3),
           baseline)


if __name__ == "__main__":
    main()
