"""Exporting the village register: our export against a bare openpyxl write-only run that
writes the same cell values (all sheets), measured in the same run.

    python bench/bench_export.py [--households 28000]   # about 100,000 member rows
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import fresh_path, report, timed  # noqa: E402
from openpyxl import Workbook, load_workbook  # noqa: E402

from villagebook.cli import create_demo  # noqa: E402
from villagebook.reports.workbook import export_register  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--households", type=int, default=28_000)
    args = parser.parse_args()
    book = create_demo(fresh_path("book.db"), args.households)
    members = book.conn.execute("SELECT count(*) FROM members").fetchone()[0]
    ours_path = fresh_path("ours.xlsx")
    ours = timed(lambda: export_register(book, ours_path), 3)
    # the same cells, read back from our file, then written bare
    source = load_workbook(ours_path, read_only=True)
    sheets = {ws.title: [list(r) for r in ws.iter_rows(values_only=True)]
              for ws in source.worksheets}
    source.close()

    def bare() -> None:
        workbook = Workbook(write_only=True)
        for title, rows in sheets.items():
            sheet = workbook.create_sheet(title)
            for row in rows:
                sheet.append(row)
        workbook.save(fresh_path("bare.xlsx"))

    print(f"{args.households} households, {members} member rows; "
          f"{sum(len(r) for r in sheets.values())} rows in all sheets")
    report("export the register vs bare openpyxl write-only", ours, timed(bare, 3))
    book.close()


if __name__ == "__main__":
    main()
