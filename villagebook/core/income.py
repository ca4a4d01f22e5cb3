"""Household income (收支), one record a household a year, and what follows from it.

All amounts are integers in fen. 家庭纯收入 is every income component less 生产经营性支出;
人均纯收入 divides it by the people of the household in that year, rounded half up to the
fen. A household whose 人均纯收入 is under the year's monitoring line is flagged.
"""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal
from typing import Any, TypedDict

WAGES = ("wage_migrant", "wage_public_post")
PRODUCTION = ("prod_planting", "prod_breeding", "prod_forestry", "prod_other")
PROPERTY = ("property_dividend", "property_land", "property_other")
TRANSFERS = ("transfer_dibao", "transfer_tekun", "transfer_pension", "transfer_eco",
             "transfer_family_planning", "transfer_other")
COMPONENTS = WAGES + PRODUCTION + PROPERTY + TRANSFERS
EXPENSE = "prod_expense"
DEFAULT_MONITORING_LINE = 6000_00  # 元 per person per year (seed 002), in fen


def people_in_year(members: list[dict[str, Any]], year: int) -> int:
    """Members who belonged to the household at the end of ``year``: born by then, and
    not left before it ended (a member who left during the year no longer counts)."""
    end = dt.date(year, 12, 31).isoformat()
    count = 0
    for m in members:
        if m.get("birth_date") and m["birth_date"] > end:
            continue
        if m.get("status") == "left" and (m.get("left_date") or "") <= end:
            continue
        count += 1
    return count


def _sum(income: dict[str, Any], names: tuple[str, ...]) -> int:
    return sum(int(income.get(n) or 0) for n in names)


def per_person(net: int, people: int) -> int | None:
    """Net income per person in fen, rounded half up (None with nobody to count)."""
    if people <= 0:
        return None
    return int((Decimal(net) / Decimal(people)).quantize(Decimal(1), ROUND_HALF_UP))


def net_sql(alias: str) -> str:
    """The net income of an ``incomes`` row as an SQL expression (the same sum as
    ``summarize``), for reading a whole book at once."""
    parts = " + ".join(f"coalesce({alias}.{name}, 0)" for name in COMPONENTS)
    return f"({parts} - coalesce({alias}.{EXPENSE}, 0))"


class IncomeSummary(TypedDict):
    """A year's income summed up (yuan): by kind, net, per person, against the line."""

    wage_total: int
    production_total: int
    property_total: int
    transfer_total: int
    net: int
    people: int
    per_capita: int | None  # None when nobody lived in the household that year
    below_line: int | None  # 1 below the monitoring line, 0 not, None unknown


def summarize(income: dict[str, Any], people: int, line: int) -> IncomeSummary:
    """Totals by kind, net income, per-person income and the monitoring flag."""
    net = _sum(income, COMPONENTS) - int(income.get(EXPENSE) or 0)
    per_capita = per_person(net, people)
    return {
        "wage_total": _sum(income, WAGES), "production_total": _sum(income, PRODUCTION),
        "property_total": _sum(income, PROPERTY), "transfer_total": _sum(income, TRANSFERS),
        "net": net, "people": people, "per_capita": per_capita,
        "below_line": None if per_capita is None else int(per_capita < line),
    }
