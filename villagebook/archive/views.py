"""The archive's reports as SQL views, for the tools a county's analysts already use
(a spreadsheet's database link, a BI tool, psql):

- ``report_counts``: per township, village and 户类别, active households and people;
- ``report_monitored``: each household monitored now (防返贫监测) or whose risk was
  removed, with its 监测对象类型 and risks;
- ``report_register``: the 县级有档 register, one row per member, with the columns of the
  county book's register (``reports.workbook.COUNTY_MEMBERS``: the same query);
- ``code_labels``: each code list's codes and their Chinese labels, to join for words.

The views read the code lists' codes; ``code_labels`` is filled from this program's code
lists, again whenever the archive is brought up to a newer program.
"""

from __future__ import annotations

from typing import Any

import psycopg

from ..core import codes
from ..core.monitoring import IDENTIFY
from ..reports.workbook import COUNTY_MEMBERS
from ..storage.levels import CODE_DIGITS, TOWNSHIP
from ..storage.monitoring import MONITORING_NOW

_TOWNSHIP_NAME = (
    "coalesce((SELECT p.name FROM sync_peers p WHERE p.kind = 'township' AND p.code ="
    f" substr(v.code, 1, {CODE_DIGITS[TOWNSHIP]}) ORDER BY p.paired_at DESC LIMIT 1),"
    " v.township)")

VIEWS = {
    "report_counts": (
        f"SELECT substr(v.code, 1, {CODE_DIGITS[TOWNSHIP]}) AS township_code,"
        f" {_TOWNSHIP_NAME} AS township_name, v.code AS village_code, v.name AS village_name,"
        " h.category, count(*) AS households, coalesce(sum(h.member_count), 0) AS people"
        " FROM households h JOIN village v ON v.id = h.village_id WHERE h.status = 'active'"
        " GROUP BY v.id, v.code, v.name, v.township, h.category"),
    "report_monitored": (
        f"WITH {MONITORING_NOW} SELECT substr(v.code, 1, {CODE_DIGITS[TOWNSHIP]})"
        f" AS township_code, {_TOWNSHIP_NAME} AS township_name, v.code AS village_code,"
        " v.name AS village_name, h.number AS household_number, h.head_name,"
        " h.member_count, h.category, mn.category AS monitoring_category,"
        f" mn.last_event <> '{IDENTIFY}' AS risk_removed, mn.last_event,"
        " (SELECT e.risks FROM monitoring_events e WHERE e.household_id = h.id AND"
        f" e.event = '{IDENTIFY}' AND e.status = 'active' ORDER BY e.event_date DESC,"
        " e.created_at DESC LIMIT 1) AS risks"
        " FROM households h JOIN village v ON v.id = h.village_id"
        " JOIN monitoring_now mn ON mn.household_id = h.id WHERE h.status = 'active'"),
    "report_register": (
        f"SELECT {', '.join(COUNTY_MEMBERS.columns)} FROM ({COUNTY_MEMBERS.sql}) AS register"),
}


def create_views(raw: psycopg.Connection[Any]) -> None:
    """(Re)make the report views and the code labels table."""
    for name, sql in VIEWS.items():
        raw.execute(f"DROP VIEW IF EXISTS {name}")
        raw.execute(f"CREATE VIEW {name} AS {sql}")
    raw.execute('CREATE TABLE IF NOT EXISTS code_labels (list text COLLATE "C" NOT NULL,'
                ' code text COLLATE "C" NOT NULL, label text NOT NULL,'
                ' PRIMARY KEY (list, code))')
    raw.execute("DELETE FROM code_labels")
    with raw.cursor() as cursor:
        cursor.executemany("INSERT INTO code_labels (list, code, label) VALUES (%s, %s, %s)",
                           [(name, code.code, code.label) for name in codes.list_names()
                            for code in codes.code_list(name)])
