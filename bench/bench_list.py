"""The household list at township size, through the real Qt model, against bare SQL.

    python bench/bench_list.py [--db PATH] [--households 300000]

Without --db a demo book of that size is generated first (about two minutes). Figures:
the list's first page (and the count shown under it), sorting by every visible column,
and a search keystroke (median over names typed character by character), each with the
bare SQL query for the same rows as baseline.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import fresh_path, report, timed  # noqa: E402
from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from villagebook.cli import create_demo  # noqa: E402
from villagebook.storage import open_book  # noqa: E402
from villagebook.storage.queries import LIST_COLUMNS, SORT_KEYS, SORTABLE  # noqa: E402
from villagebook.storage.search_index import fts_query  # noqa: E402
from villagebook.ui.household_list import PAGE, HouseholdListModel  # noqa: E402

COLUMNS = ", ".join(LIST_COLUMNS)


def sort_time(model: HouseholdListModel, column: int, order: Qt.SortOrder,
              repeat: int = 3) -> float:
    """Median seconds of the list sorting by ``column``, from another order each time (a
    list asked for the order it has already does nothing)."""
    times = []
    for _ in range(repeat):
        other = "head_name" if LIST_COLUMNS[column] == "number" else "number"
        model.set_query(sort=other, descending=False)
        start = time.perf_counter()
        model.sort(column, order)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def report_sorts(model: HouseholdListModel, conn, columns: str) -> None:
    """The list sorted by each sortable column both ways, against the bare query for
    ``columns`` of the same rows in the same order; the list is left sorted by 户编号."""
    for column, name in enumerate(LIST_COLUMNS):
        if name not in SORTABLE:
            continue
        for order, sql_order in ((Qt.SortOrder.AscendingOrder, "ASC"),
                                 (Qt.SortOrder.DescendingOrder, "DESC")):
            bare = timed(lambda name=name, sql_order=sql_order: conn.execute(
                f"SELECT id, {columns} FROM households WHERE status = 'active'"
                f" ORDER BY {SORT_KEYS.get(name, name)} {sql_order}, number {sql_order}"
                f" LIMIT {PAGE}").fetchall(), 3)
            report(f"sort by {name} {sql_order}", sort_time(model, column, order), bare, "ms")
    model.sort(0, Qt.SortOrder.AscendingOrder)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", type=Path)
    parser.add_argument("--households", type=int, default=300_000)
    args = parser.parse_args()
    if args.db is None:
        args.db = fresh_path("township.db")
        start = time.perf_counter()
        create_demo(args.db, args.households).close()
        print(f"generated {args.households} households in {time.perf_counter() - start:.0f} s")
    QApplication([])
    book = open_book(args.db)
    conn = book.conn
    n = conn.execute("SELECT count(*) FROM households").fetchone()[0]
    m = conn.execute("SELECT count(*) FROM members").fetchone()[0]
    print(f"book: {n} households, {m} members")

    bare_first = timed(lambda: conn.execute(
        f"SELECT id, {COLUMNS} FROM households WHERE status = 'active' ORDER BY number"
        f" LIMIT {PAGE}").fetchall(), 5)
    report("list first page", timed(lambda: HouseholdListModel(book), 5), bare_first, "ms")
    model = HouseholdListModel(book)
    bare_count = timed(lambda: conn.execute("SELECT count(*) FROM households").fetchone(), 3)
    report("count under the list", timed(model.total, 3), bare_count, "ms")

    report_sorts(model, conn, COLUMNS)

    rng = random.Random(5)
    names = [r[0] for r in conn.execute(
        "SELECT name FROM members WHERE rowid IN (SELECT abs(random()) % ? + 1 FROM members"
        " LIMIT 40)", [m]).fetchall()]
    ids = [r[0] for r in conn.execute("SELECT id_number FROM members LIMIT 5 OFFSET ?",
                                      [rng.randrange(m - 10)])]
    words = names + ["zs", "wjh", "zhangs"] + [i[-6:] for i in ids] + [i[:10] for i in ids]
    ours_times, bare_times = [], []
    for word in words:
        for end in range(1, len(word) + 1):  # each keystroke
            typed = word[:end]
            start = time.perf_counter()
            model.set_query(search=typed)
            ours_times.append(time.perf_counter() - start)
            start = time.perf_counter()
            conn.execute(
                f"SELECT id, {COLUMNS} FROM households WHERE status = 'active' AND rid IN"
                " (SELECT rowid FROM household_fts WHERE household_fts MATCH ?)"
                f" ORDER BY number LIMIT {PAGE}", [fts_query(typed)]).fetchall()
            bare_times.append(time.perf_counter() - start)
    report(f"search keystroke median ({len(ours_times)} keys)", statistics.median(ours_times),
           statistics.median(bare_times), "ms")
    ours_times.sort()
    bare_times.sort()
    p90 = int(len(ours_times) * 0.9)
    report("search keystroke 90th percentile", ours_times[p90], bare_times[p90], "ms")
    book.close()


if __name__ == "__main__":
    main()
