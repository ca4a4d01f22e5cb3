"""A county's book (县级有档) at county size, through the real Qt model, against bare SQL;
and the county's summary and register at two sizes, to state how their cost grows.

    python bench/bench_county.py [--households 300000] [--small 30000] [--townships 15]

A demo book of each size is generated (about two minutes at 300,000 households) and made
a county's: its households spread over ``--townships`` townships of ten villages each
(codes under 530524), as its townships' packages would have brought them. Figures at the
large size: the household list's first page (with its 村 column), a sort by every
sortable column, the 乡镇 filter and the village filter, each against the bare SQL query
for the same rows. At both sizes: the printed summary (县级有档汇总表) and the register
workbook (one row per member), with the growth from the small book to the large one.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import fresh_path, report, timed  # noqa: E402
from bench_list import report_sorts  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from villagebook.cli import create_demo  # noqa: E402
from villagebook.core.ids import new_id  # noqa: E402
from villagebook.reports.township import (  # noqa: E402
    export_township_register,
    print_county_summary,
)
from villagebook.storage import open_book  # noqa: E402
from villagebook.storage.queries import LIST_COLUMNS  # noqa: E402
from villagebook.ui.household_list import PAGE, HouseholdListModel  # noqa: E402

COUNTY = "530524"
COLUMNS = ", ".join(LIST_COLUMNS)


def county_book(households: int, townships: int) -> Path:
    """A demo book of ``households`` made a county's: ``townships`` townships of ten
    villages each, the households dealt out over the villages in turn."""
    path = fresh_path(f"county-{households}.db")
    start = time.perf_counter()
    create_demo(path, households).close()
    print(f"generated {households} households in {time.perf_counter() - start:.0f} s")
    with open_book(path) as book:
        conn = book.conn
        [(first,)] = conn.execute("SELECT id FROM village").fetchall()
        villages = [(new_id(), f"{COUNTY}{t:03d}{v:03d}", f"第{t}乡{v}村", f"第{t}乡")
                    for t in range(101, 101 + townships) for v in range(1, 11)]
        with book.writing():
            conn.executemany("INSERT INTO village (id, code, name, township, county,"
                             " created_at, updated_at) VALUES (?, ?, ?, ?, '昌宁县',"
                             " '2026-01-01', '2026-01-01')", villages)
            ids = [v[0] for v in villages]
            for table in ("households", "problems", "projects"):
                conn.executemany(f"UPDATE {table} SET village_id = ? WHERE rowid % ? = ?",
                                 [(village_id, len(ids), i) for i, village_id in enumerate(ids)])
            conn.execute("DELETE FROM village WHERE id = ?", [first])
            for key, value in (("book_kind", "county"), ("county_name", "昌宁县"),
                               ("county_code", COUNTY)):
                book.set_meta(key, value)
        conn.execute("ANALYZE")
    return path


def list_figures(path: Path) -> None:
    """The household list's first page, sorts and filters against bare SQL."""
    book = open_book(path)
    conn = book.conn
    n = conn.execute("SELECT count(*) FROM households").fetchone()[0]
    print(f"county book: {n} households in"
          f" {conn.execute('SELECT count(*) FROM village').fetchone()[0]} villages")
    bare_first = timed(lambda: conn.execute(
        f"SELECT id, {COLUMNS}, village_id FROM households WHERE status = 'active'"
        f" ORDER BY number LIMIT {PAGE}").fetchall(), 5)
    report("list first page (with 村)",
           timed(lambda: HouseholdListModel(book, show_village=True), 5), bare_first, "ms")
    model = HouseholdListModel(book, show_village=True)
    report_sorts(model, conn, f"{COLUMNS}, village_id")
    township = f"{COUNTY}{103:03d}"
    bare = timed(lambda: conn.execute(
        f"SELECT id, {COLUMNS}, village_id FROM households WHERE status = 'active' AND"
        " village_id IN (SELECT id FROM village WHERE code LIKE ?) ORDER BY number"
        f" LIMIT {PAGE}", [f"{township}%"]).fetchall(), 5)
    report("乡镇 filter, first page", timed(
        lambda: model.set_query(township_code=township, village_id=None), 5), bare, "ms")
    bare = timed(lambda: conn.execute(
        "SELECT count(*) FROM households WHERE status = 'active' AND village_id IN"
        " (SELECT id FROM village WHERE code LIKE ?)", [f"{township}%"]).fetchone(), 5)
    report("乡镇 filter, count", timed(model.total, 5), bare, "ms")
    village = conn.execute("SELECT id FROM village WHERE code = ?",
                           [f"{township}005"]).fetchone()[0]
    bare = timed(lambda: conn.execute(
        f"SELECT id, {COLUMNS}, village_id FROM households WHERE status = 'active' AND"
        f" village_id = ? ORDER BY number LIMIT {PAGE}", [village]).fetchall(), 5)
    report("village filter, first page", timed(
        lambda: model.set_query(village_id=village), 5), bare, "ms")
    book.close()


def report_figures(path: Path) -> tuple[float, float]:
    """Seconds for the printed summary and the register workbook of the county book."""
    out = path.parent / "out"
    out.mkdir(exist_ok=True)
    with open_book(path, read_only=True) as book:
        summary = timed(lambda: print_county_summary(book, out / "summary.pdf"))
        register = timed(lambda: export_township_register(book, out / "register.xlsx"))
    return summary, register


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--households", type=int, default=300_000)
    parser.add_argument("--small", type=int, default=30_000)
    parser.add_argument("--townships", type=int, default=15)
    args = parser.parse_args()
    QApplication([])
    small = county_book(args.small, args.townships)
    large = county_book(args.households, args.townships)
    list_figures(large)
    sizes = {args.small: report_figures(small), args.households: report_figures(large)}
    growth = args.households / args.small
    for index, what in enumerate(("summary (县级有档汇总表)", "register (县级有档 workbook)")):
        a, b = sizes[args.small][index], sizes[args.households][index]
        print(f"{what}: {a:.1f} s at {args.small}, {b:.1f} s at {args.households}"
              f" households: {b / a:.1f}× for {growth:.0f}× the households")


if __name__ == "__main__":
    main()
