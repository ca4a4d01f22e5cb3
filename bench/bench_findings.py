"""The warning rules (storage/findings.py) over a demo book, each rule group against the
bare SQL that reads the same records with raw sqlite3 in the same run: the cost of the
rules' own work (per-capita income, ID checks, naming and sorting) over reading the data.

    python bench/bench_findings.py [--households 30000] [--db PATH]
"""

from __future__ import annotations

import argparse
import datetime as dt
import sqlite3
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import fresh_path, report, timed  # noqa: E402

from villagebook.cli import create_demo  # noqa: E402
from villagebook.storage import open_book  # noqa: E402
from villagebook.storage.findings import FINDERS, find_all  # noqa: E402

ACTIVE_MEMBERS = ("SELECT m.* FROM members m JOIN households h ON h.id = m.household_id"
                  " WHERE h.status = 'active' AND m.status = 'active'")
# what each finder reads, as one would read it with no program around it
BARE = {
    "find_income": ["SELECT * FROM incomes WHERE status = 'active'",
                    "SELECT household_id, birth_date, status, left_date FROM members"],
    "find_school": [ACTIVE_MEMBERS + " AND m.school_status = '01'"],
    "find_medical": [ACTIVE_MEMBERS + " AND m.medical_ins = 0"],
    "find_housing": ["SELECT * FROM households WHERE status = 'active' AND housing_grade"
                     " IN ('C', 'D')", "SELECT household_id FROM measures WHERE measure_type"
                     " IN ('04', '08')"],
    "find_water": ["SELECT id FROM households WHERE status = 'active' AND water_safe = 0"],
    "find_checks": ["SELECT household_id, max(check_date) FROM checks WHERE status ="
                    " 'active' GROUP BY household_id",
                    "SELECT id FROM households WHERE category IN ('01', '02')"],
    "find_monitoring": ["SELECT * FROM monitoring_events WHERE status = 'active'",
                        "SELECT household_id, start_date FROM measures WHERE status ="
                        " 'active'"],
    "find_labour": ["SELECT household_id, labor_skill, dibao, tekun FROM members WHERE"
                    " status = 'active'"],
    "find_candidates": [ACTIVE_MEMBERS + " AND m.health IN ('03', '04')"],
    "find_loans": ["SELECT * FROM measures WHERE status = 'active' AND measure_type = '10'"],
    "find_measures": ["SELECT * FROM measures WHERE status = 'active' AND progress = '02'"],
    "find_visits": ["SELECT id, last_visit, next_follow_up FROM households WHERE status ="
                    " 'active'"],
    "find_helpers": ["SELECT helper_id, count(*) FROM visits WHERE status = 'active'"
                     " GROUP BY helper_id", "SELECT * FROM helpers"],
    "find_problems": ["SELECT * FROM problems WHERE status = 'active'"],
    "find_ids": ["SELECT id, household_id, name, id_number FROM members WHERE status ="
                 " 'active' AND id_number IS NOT NULL"],
    "find_heads": ["SELECT household_id, count(*) FROM members WHERE status = 'active'"
                   " AND relation = '01' GROUP BY household_id"],
    "find_relations": ["SELECT household_id, relation, birth_date FROM members WHERE status"
                       " = 'active'"],
}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--households", type=int, default=30000)
    parser.add_argument("--db", type=Path, help="an existing book (else a demo is made)")
    args = parser.parse_args()
    path = args.db
    if path is None:
        path = fresh_path("findings.db")
        create_demo(path, args.households, seed=5).close()
    today = dt.date.today()
    raw = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    with open_book(path, read_only=True) as book:
        households = book.conn.execute("SELECT count(*) FROM households").fetchone()[0]
        print(f"{households} households")
        ours_total = bare_total = 0.0
        for _codes, finder in FINDERS:
            ours = timed(lambda finder=finder: list(finder(book, today)), repeat=3)
            bare = timed(lambda finder=finder: [raw.execute(sql).fetchall()
                                                for sql in BARE[finder.__name__]], repeat=3)
            ours_total, bare_total = ours_total + ours, bare_total + bare
            report(finder.__name__, ours, bare, "ms")
        report("all rule groups", ours_total, bare_total, "ms")
        report("find_all (named, sorted, accepted left out)",
               timed(lambda: find_all(book, today=today)), bare_total, "ms")


if __name__ == "__main__":
    main()
