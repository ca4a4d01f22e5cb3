"""The cost of a locked book (SQLCipher): the same work on a plain book and on the same
book locked with a password, in the same run.

    python bench/bench_locked.py [--households 30000]

Figures (locked against plain): the household list's first page, sorting by every
column and search keystrokes through the real Qt model; saving a household 200 times
(one transaction each, as the window does); importing the register workbook into an
empty book; opening the book (key derivation included, once).
"""

from __future__ import annotations

import argparse
import os
import shutil
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
from villagebook.reports.workbook import export_register  # noqa: E402
from villagebook.reports.workbook_import import import_workbook  # noqa: E402
from villagebook.storage import open_book  # noqa: E402
from villagebook.storage.connection import forget_keys, unlock  # noqa: E402
from villagebook.storage.households import load_household, save_household  # noqa: E402
from villagebook.storage.locking import set_password  # noqa: E402
from villagebook.storage.queries import SORTABLE  # noqa: E402
from villagebook.storage.village import add_user, get_village, set_village  # noqa: E402
from villagebook.ui.household_list import HouseholdListModel  # noqa: E402

PASSWORD = "bench-password"


def list_work(book) -> None:
    model = HouseholdListModel(book)
    for column in range(min(len(SORTABLE), model.columnCount())):
        model.sort(column, Qt.SortOrder.AscendingOrder)
    for word in ("张", "张三", "李", "王"):
        model.set_query(search=word)


def save_work(book, hid: str) -> None:
    household, members = load_household(book, hid)
    for i in range(200):
        save_household(book, hid, {**household, "phone": f"139{i:08d}"}, members)


def import_work(path: Path, workbook: Path, village: dict, lock: bool) -> None:
    book = open_book(path, create=True)
    add_user(book, "导入", "01")
    book.operator = "导入"
    set_village(book, village)
    book.close()
    if lock:
        set_password(path, PASSWORD)
    book = open_book(path)
    book.operator = "导入"
    assert import_workbook(book, workbook).committed
    book.close()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--households", type=int, default=30_000)
    args = parser.parse_args()
    QApplication([])
    plain_path = fresh_path("plain.db")
    source = create_demo(plain_path, args.households)
    village = {k: get_village(source)[k] for k in ("name", "code", "township", "county")}
    hid = source.conn.execute("SELECT id FROM households LIMIT 1").fetchone()[0]
    workbook = fresh_path("register.xlsx")
    export_register(source, workbook)
    source.close()
    locked_path = fresh_path("locked.db")
    shutil.copyfile(plain_path, locked_path)
    set_password(locked_path, PASSWORD)
    print(f"{args.households} households; plain {plain_path.stat().st_size >> 20} MiB, "
          f"locked {locked_path.stat().st_size >> 20} MiB")

    def opened(path: Path, lock: bool):
        if lock:
            forget_keys()
            unlock(path, PASSWORD)
        book = open_book(path)
        book.operator = "演示"
        return book

    report("open (with the key derivation)", timed(lambda: opened(locked_path, True).close(), 3),
           timed(lambda: opened(plain_path, False).close(), 3), "ms")
    plain, locked = opened(plain_path, False), opened(locked_path, True)
    report("household list: first page, sorts, searches", timed(lambda: list_work(locked), 3),
           timed(lambda: list_work(plain), 3), "ms")
    start = time.perf_counter()
    save_work(plain, hid)
    plain_save = time.perf_counter() - start
    start = time.perf_counter()
    save_work(locked, hid)
    report("200 household saves", time.perf_counter() - start, plain_save, "ms")
    plain.close()
    locked.close()
    report("import the register into an empty book",
           timed(lambda: import_work(fresh_path("i.db"), workbook, village, True)),
           timed(lambda: import_work(fresh_path("i.db"), workbook, village, False)))


if __name__ == "__main__":
    main()
