"""The pages of a township's book against the same pages of one village's book: each page
of the main window (households, measures, visits, problems, projects, sync with its
villages) filled and painted, on a township book of V villages merged from their packages,
against a book of one of those villages. The ratio should stay near 1: a page's cost
follows what it shows, not how many villages the book holds.

    python bench/bench_township_pages.py [--villages 30] [--households 1500]
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_sync  # noqa: E402  (builds the villages and the township)
from _common import report, timed  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from villagebook.storage import open_book  # noqa: E402
from villagebook.sync.apply import import_files  # noqa: E402
from villagebook.ui.main_window import MainWindow  # noqa: E402
from villagebook.ui.pages import PAGES, page_row  # noqa: E402


def page_times(book, label: str) -> dict[str, float]:
    """Seconds to build the window, and to show each page (filled and painted)."""
    app = QApplication.instance()
    times: dict[str, float] = {}
    holder: list[MainWindow] = []

    def build() -> None:
        window = MainWindow(book)
        window.show()
        app.processEvents()
        holder.append(window)

    times["window, household list"] = timed(build)
    window = holder[-1]
    households = page_row("households")
    for row in range(window.nav.count()):
        if PAGES[row].name in ("home", "households", "findings"):
            continue  # the rules' pages compute in the background: bench_findings.py
        name = window.nav.item(row).text()

        def show(row: int = row) -> None:
            window.nav.setCurrentRow(households)
            app.processEvents()
            window.nav.setCurrentRow(row)
            window.pages.currentWidget().repaint()
            app.processEvents()

        times[name] = timed(show, repeat=3)
    window.close()
    return times


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--villages", type=int, default=30)
    parser.add_argument("--households", type=int, default=1500)
    args = parser.parse_args()
    QApplication.instance() or QApplication([])
    town = bench_sync.township()
    villages = [bench_sync.make_village(i, args.households) for i in range(args.villages)]
    packages = [bench_sync.package_of(i) for i in range(args.villages)]
    bench_sync.as_site("town")
    with open_book(town) as book:
        import_files(book, packages)
    bench_sync.as_site("v0")
    with open_book(villages[0]) as book:
        book.operator = "演示用户"
        one = page_times(book, "village")
    bench_sync.as_site("town")
    with open_book(town) as book:
        book.operator = "站长"
        many = page_times(book, "township")
    for name, seconds in one.items():
        if name in many:
            report(f"{name} ({args.villages} villages)", many[name], seconds, "ms")


if __name__ == "__main__":
    main()
