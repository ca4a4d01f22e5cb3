"""Opening one heavy household in the window: 10 years of income, 50 measures, 100 visits
(and their change history), through the real HouseholdWindow, against the bare SQL that
reads the same rows.

    python bench/bench_household.py
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import fresh_path, report, timed  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from villagebook.cli import create_demo  # noqa: E402
from villagebook.core import demo  # noqa: E402
from villagebook.storage.bulk import insert_households, insert_village_records  # noqa: E402
from villagebook.ui import i18n  # noqa: E402
from villagebook.ui.household_window import HouseholdWindow  # noqa: E402


def heavy_household(helper_id: str) -> tuple[dict, list]:
    household, members = next(demo.generate(1, seed=11))
    household["number"] = "HEAVY0001"
    household["category"] = "01"
    year = dt.date.today().year
    household["incomes"] = [{"year": year - i, "wage_migrant": 20000_00 + i,
                             "prod_planting": 3000_00} for i in range(1, 11)]
    household["measures"] = [{"measure_type": "01", "start_date": f"{year - 1 - i % 5}-03-01",
                              "amount": 1000_00 + i, "funding_source": "01", "progress": "03",
                              "content": f"产业帮扶第{i}批"} for i in range(50)]
    household["visits"] = [{"visit_date": (dt.date.today() - dt.timedelta(days=7 * i)).isoformat(),
                            "visitor_role": "01", "helper_id": helper_id, "visit_kind": "01",
                            "found": "生产生活正常", "confirmed": 1} for i in range(100)]
    return household, members


def main() -> None:
    app = QApplication([])
    i18n.install("zh")
    book = create_demo(fresh_path("book.db"), 300)
    [helper] = insert_village_records(book, "helpers", "helper",
                                      [{"name": "王干部", "unit": "县农业农村局"}], "bench")
    insert_households(book, [heavy_household(helper)], "bench")
    household_id = book.conn.execute("SELECT id FROM households WHERE number = 'HEAVY0001'"
                                     ).fetchone()[0]
    conn = book.conn

    def bare() -> None:
        for table in ("households WHERE id", "members WHERE household_id",
                      "incomes WHERE household_id", "checks WHERE household_id",
                      "monitoring_events WHERE household_id", "measures WHERE household_id",
                      "pairings WHERE household_id", "visits WHERE household_id",
                      "changes WHERE household_id"):
            conn.execute(f"SELECT * FROM {table} = ?", [household_id]).fetchall()

    def ours() -> None:
        window = HouseholdWindow(book, household_id)
        app.processEvents()
        window.dirty = False
        window.deleteLater()
        app.processEvents()

    ours()  # warm the caches once, as a person's second opening would
    report("open a household (10 incomes, 50 measures, 100 visits)", timed(ours, 7),
           timed(bare, 7), "ms")
    book.close()


if __name__ == "__main__":
    main()
