"""The warning rules of ``core.rules`` read from the book: one small finder a rule, each a
few SQL queries (indexed where the book is large), then the households named, accepted
findings left out, most serious first."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from ..core import codes, idnumber
from ..core.field_specs import format_money
from ..core.income import net_sql, per_person
from ..core.measures import MICROCREDIT, overdue
from ..core.messages import describe_plain
from ..core.rules import (
    BY_CODE,
    RULES,
    SEVERITIES,
    Finding,
    school_age_births,
    school_year_start,
    share_of_year,
)
from ..core.today import current_date
from .book import Book
from .book_settings import int_setting, monitoring_line
from .cadres import list_helpers
from .changelog import to_json
from .problems import list_problems
from .records import rows
from .village import book_identity
from .visits import follow_ups_due, not_visited

ACTIVE = "h.status = 'active'"
OUT_OR_MONITORED = "h.category IN ('01', '02')"  # 脱贫户, 监测户
ABLE = ("01", "02", "03")  # labour skill: 普通, 技能, 弱或半劳动力
MONITORED_NOW = ("(SELECT e.event FROM monitoring_events e WHERE e.household_id = h.id"
                 " AND e.status = 'active' ORDER BY e.event_date DESC, e.created_at DESC"
                 " LIMIT 1) = '01'")


def _yuan(fen: int | None) -> str:
    return format_money(fen or 0)


# -- income -------------------------------------------------------------------------
def _incomes(book: Book) -> dict[str, list[dict[str, Any]]]:
    """The two latest active income years of every active household, newest first, each
    with its net income and the people counted that year (as ``people_in_year``), summed
    by SQL."""
    out: dict[str, list[dict[str, Any]]] = {}
    end = "(i.year || '-12-31')"
    for row in rows(book, "SELECT i.id, i.household_id, i.year, " + net_sql("i") +
                           " AS net, (SELECT count(*) FROM members m WHERE m.household_id ="
                           " i.household_id AND NOT (m.birth_date IS NOT NULL AND"
                           f" m.birth_date > {end}) AND NOT (m.status = 'left' AND"
                           f" coalesce(m.left_date, '') <= {end})) AS people"
                           " FROM incomes i JOIN households h ON h.id = i.household_id"
                           " WHERE i.status = 'active' AND " + ACTIVE +
                           " ORDER BY i.household_id, i.year DESC"):
        years = out.setdefault(row["household_id"], [])
        if len(years) < 2:
            years.append(row)
    return out


def find_income(book: Book, today: dt.date) -> Iterator[Finding]:
    """The findings of its rules (``FINDERS``) in the book as it is today."""
    category = dict(book.conn.execute("SELECT id, category FROM households WHERE status ="
                                      " 'active'"))
    drop = int_setting(book, "rules.income_drop_percent")
    lines: dict[int, int] = {}
    for household_id, years in _incomes(book).items():
        latest = years[0]
        now = per_person(latest["net"], latest["people"])
        if now is None:
            continue
        line = lines.setdefault(latest["year"], monitoring_line(book, latest["year"]))
        if now < line and category.get(household_id) != "02":
            yield Finding("income.below_line", household_id, latest["id"], values={
                "year": latest["year"], "per_capita": _yuan(now), "line": _yuan(line)})
        if len(years) > 1 and years[1]["year"] == latest["year"] - 1:
            before = per_person(years[1]["net"], years[1]["people"])
            if before and before > 0 and (before - now) * 100 > before * drop:
                yield Finding("income.fell", household_id, latest["id"], values={
                    "before": _yuan(before), "previous": years[1]["year"],
                    "after": _yuan(now), "year": latest["year"],
                    "percent": round((before - now) * 100 / before)})


# -- two assurances, three guarantees ------------------------------------------------
def find_school(book: Book, today: dt.date) -> Iterator[Finding]:
    """The findings of its rules (``FINDERS``) in the book as it is today."""
    oldest, youngest = school_age_births(today)
    start = school_year_start(today)
    for row in rows(book, "SELECT m.id, m.household_id, m.name, m.birth_date FROM members m"
                           " JOIN households h ON h.id = m.household_id WHERE " + ACTIVE +
                           " AND m.status = 'active' AND m.school_status = '01'"
                           " AND m.birth_date BETWEEN ? AND ? AND coalesce(m.note, '') = ''",
                     [oldest, youngest]):
        born = dt.date.fromisoformat(row["birth_date"])
        age = start.year - born.year - ((start.month, start.day) < (born.month, born.day))
        yield Finding("school.out", row["household_id"], row["id"], row["name"],
                      {"age": age})


def find_medical(book: Book, today: dt.date) -> Iterator[Finding]:
    """The findings of its rules (``FINDERS``) in the book as it is today."""
    for row in rows(book, "SELECT m.id, m.household_id, m.name FROM members m JOIN"
                           " households h ON h.id = m.household_id WHERE " + ACTIVE +
                           " AND m.status = 'active' AND m.medical_ins = 0"):
        yield Finding("medical.uninsured", row["household_id"], row["id"], row["name"])


def find_housing(book: Book, today: dt.date) -> Iterator[Finding]:
    """The findings of its rules (``FINDERS``) in the book as it is today."""
    for row in rows(book, "SELECT h.id, h.housing_grade FROM households h WHERE " + ACTIVE +
                           " AND h.housing_grade IN ('C', 'D')"
                           " AND h.housing_renovated_year IS NULL"
                           " AND coalesce(h.relocated, 0) = 0 AND NOT EXISTS (SELECT 1 FROM"
                           " measures m WHERE m.household_id = h.id AND m.status = 'active'"
                           " AND m.measure_type IN ('04', '08'))"):
        yield Finding("housing.unsafe", row["id"], values={"grade": row["housing_grade"]})


def find_water(book: Book, today: dt.date) -> Iterator[Finding]:
    """The findings of its rules (``FINDERS``) in the book as it is today."""
    for (household_id,) in book.conn.execute("SELECT h.id FROM households h WHERE " + ACTIVE +
                                             " AND h.water_safe = 0"):
        yield Finding("water.unsafe", household_id)


def find_checks(book: Book, today: dt.date) -> Iterator[Finding]:
    """The findings of its rules (``FINDERS``) in the book as it is today."""
    days = int_setting(book, "rules.check_max_days")
    since = (today - dt.timedelta(days=days)).isoformat()
    for row in rows(book, "SELECT h.id, (SELECT max(c.check_date) FROM checks c WHERE"
                           " c.household_id = h.id AND c.status = 'active') AS last"
                           " FROM households h WHERE " + ACTIVE + " AND " + OUT_OR_MONITORED):
        if row["last"] is None or row["last"] < since:
            yield Finding("checks.stale", row["id"], values={"last": row["last"] or "—",
                                                              "days": days})


# -- monitoring ------------------------------------------------------------------------
def _monitored(book: Book) -> list[dict[str, Any]]:
    """Households monitored now, each with its latest 纳入监测 event."""
    return rows(book, "SELECT h.id AS household_id, e.event_date, e.risks FROM households h"
                       " JOIN monitoring_events e ON e.household_id = h.id AND e.status ="
                       " 'active' AND e.event = '01' WHERE " + ACTIVE + " AND " +
                       MONITORED_NOW + " AND e.event_date = (SELECT max(x.event_date) FROM"
                       " monitoring_events x WHERE x.household_id = h.id AND x.status ="
                       " 'active' AND x.event = '01')")


def find_monitoring(book: Book, today: dt.date) -> Iterator[Finding]:
    """The findings of its rules (``FINDERS``) in the book as it is today."""
    within = int_setting(book, "rules.measure_within_days")
    able = ",".join(f"'{code}'" for code in ABLE)
    for row in _monitored(book):
        taken = dt.date.fromisoformat(row["event_date"])
        if (today - taken).days > within:
            # a measure given late still ends the warning: it says what is to be done
            helped = book.conn.execute(
                "SELECT 1 FROM measures WHERE household_id = ? AND status = 'active'"
                " AND start_date >= ?", [row["household_id"], row["event_date"]]).fetchone()
            if helped is None:
                yield Finding("monitoring.no_measure", row["household_id"], values={
                    "date": row["event_date"], "days": within})
        if "07" in (row["risks"] or "").split(","):
            working = book.conn.execute(
                f"SELECT 1 FROM members WHERE household_id = ? AND status = 'active'"
                f" AND labor_skill IN ({able})", [row["household_id"]]).fetchone()
            if working is None:
                yield Finding("monitoring.work_without_labour", row["household_id"])
    shortest = int_setting(book, "rules.removal_min_days")
    for row in rows(book, "SELECT r.id, r.household_id, r.event_date AS removed,"
                           " (SELECT max(t.event_date) FROM monitoring_events t WHERE"
                           " t.household_id = r.household_id AND t.status = 'active' AND"
                           " t.event = '01' AND t.event_date <= r.event_date) AS taken"
                           " FROM monitoring_events r JOIN households h ON h.id ="
                           " r.household_id WHERE " + ACTIVE + " AND r.status = 'active'"
                           " AND r.event = '02' AND r.removal_method = '01'"):
        if row["taken"] is None:
            continue
        days = (dt.date.fromisoformat(row["removed"])
                - dt.date.fromisoformat(row["taken"])).days
        if days < shortest:
            yield Finding("monitoring.removed_soon", row["household_id"], row["id"], values={
                "taken": row["taken"], "removed": row["removed"], "days": days})


def find_labour(book: Book, today: dt.date) -> Iterator[Finding]:
    """The findings of its rules (``FINDERS``) in the book as it is today."""
    able = ",".join(f"'{code}'" for code in ABLE)
    # only where every current member's labour skill is known: an empty field says nothing
    for (household_id,) in book.conn.execute(
            "SELECT h.id FROM households h WHERE " + ACTIVE + " AND " + OUT_OR_MONITORED +
            " AND EXISTS (SELECT 1 FROM members m WHERE m.household_id = h.id"
            " AND m.status = 'active') AND NOT EXISTS (SELECT 1 FROM members m"
            " WHERE m.household_id = h.id AND m.status = 'active' AND (m.labor_skill IS NULL"
            f" OR m.labor_skill IN ({able}) OR m.dibao = 1 OR m.tekun = 1))"):
        yield Finding("household.no_labour_uncovered", household_id)


def find_candidates(book: Book, today: dt.date) -> Iterator[Finding]:
    """The findings of its rules (``FINDERS``) in the book as it is today."""
    for row in rows(book, "SELECT m.id, m.household_id, m.name, m.health FROM members m"
                           " JOIN households h ON h.id = m.household_id WHERE " + ACTIVE +
                           " AND h.category = '03' AND m.status = 'active'"
                           " AND m.health IN ('03', '04')"):
        yield Finding("monitoring.candidate", row["household_id"], row["id"], row["name"],
                      {"health": codes.label("health", row["health"])})


# -- measures and loans --------------------------------------------------------------------
def find_loans(book: Book, today: dt.date) -> Iterator[Finding]:
    """The findings of its rules (``FINDERS``) in the book as it is today."""
    balance: dict[str, int] = {}  # per village: a township's book holds many
    late: dict[str, int] = {}
    for row in rows(book, "SELECT m.*, v.code AS village_code FROM measures m JOIN"
                           " households h ON h.id = m.household_id LEFT JOIN village v ON"
                           " v.id = h.village_id WHERE " + ACTIVE + " AND m.status = 'active'"
                           " AND m.measure_type = ?", [MICROCREDIT]):
        owed = max((row["amount"] or 0) - (row["repaid_amount"] or 0), 0)
        village = row["village_code"] or ""
        balance[village] = balance.get(village, 0) + owed
        if overdue(row, today):
            late[village] = late.get(village, 0) + owed
            yield Finding("loan.overdue", row["household_id"], row["id"], values={
                "amount": _yuan(row["amount"]), "due": row["due_date"],
                "repaid": _yuan(row["repaid_amount"])})
    line = int_setting(book, "rules.loan_overdue_permille")
    for village, owed in balance.items():
        overdue_total = late.get(village, 0)
        if owed and overdue_total * 1000 > owed * line:
            yield Finding("loan.overdue_rate", village_code=village or None, values={
                "overdue": _yuan(overdue_total), "balance": _yuan(owed),
                "rate": f"{overdue_total * 1000 / owed:.1f}", "line": line})


def find_measures(book: Book, today: dt.date) -> Iterator[Finding]:
    """The findings of its rules (``FINDERS``) in the book as it is today."""
    for row in rows(book, "SELECT m.id, m.household_id, m.measure_type, m.end_date FROM"
                           " measures m JOIN households h ON h.id = m.household_id WHERE " +
                           ACTIVE + " AND m.status = 'active' AND m.progress = '02'"
                           " AND m.end_date < ?", [today.isoformat()]):
        yield Finding("measure.past_end", row["household_id"], row["id"], values={
            "measure": codes.label("measure_type", row["measure_type"]),
            "end": row["end_date"]})


# -- visits, helpers, problems ------------------------------------------------------------
def find_visits(book: Book, today: dt.date) -> Iterator[Finding]:
    """The findings of its rules (``FINDERS``) in the book as it is today."""
    days = int_setting(book, "visits.max_days_unvisited")
    for row in not_visited(book, today):
        yield Finding("visit.overdue", row["household_id"], values={
            "last": row["last_visit"] or "—", "days": days})
    for row in follow_ups_due(book, today):
        yield Finding("visit.follow_up", row["household_id"], row["id"], values={
            "date": row["follow_up_date"], "agreed": row["agreed"] or ""})


def find_helpers(book: Book, today: dt.date) -> Iterator[Finding]:
    """The findings of its rules (``FINDERS``) in the book as it is today."""
    share = share_of_year(today)
    for helper in list_helpers(book, year=today.year):
        due = int(helper["required"] * share)
        if helper["visits_this_year"] < due:
            yield Finding("helper.behind", record_id=helper["id"], values={
                "helper": helper["name"], "visits": helper["visits_this_year"], "due": due,
                "required": helper["required"]})


def find_problems(book: Book, today: dt.date) -> Iterator[Finding]:
    """The findings of its rules (``FINDERS``) in the book as it is today."""
    for row in list_problems(book, only_overdue=True, today=today):
        yield Finding("problem.overdue", row["household_id"], row["id"], values={
            "problem": row["problem"], "deadline": row["deadline"]})


# -- data quality ---------------------------------------------------------------------------
def find_ids(book: Book, today: dt.date) -> Iterator[Finding]:
    """The findings of its rules (``FINDERS``) in the book as it is today."""
    current = ("FROM members m JOIN households h ON h.id = m.household_id WHERE " + ACTIVE +
               " AND m.status = 'active' AND m.id_number IS NOT NULL AND m.id_number != ''")
    seen: set[str] = set()
    twice: set[str] = set()
    for member_id, household_id, name, number in book.conn.execute(
            "SELECT m.id, m.household_id, m.name, m.id_number " + current):
        if number in seen:
            twice.add(number)
        seen.add(number)
        if idnumber.is_clean(number, today):
            continue
        _, issues = idnumber.parse(number, today)
        if issues:
            yield Finding("id.invalid", household_id, member_id, name, {
                "masked": idnumber.mask(number), "detail": describe_plain(issues[0])})
    numbers = sorted(twice)  # the same number twice: named, the first holder as "other"
    for start in range(0, len(numbers), 500):
        chunk = numbers[start:start + 500]
        first: dict[str, dict[str, Any]] = {}
        marks = ",".join("?" * len(chunk))
        for row in rows(book, "SELECT m.id, m.household_id, m.name, m.id_number, h.number " +
                         current + f" AND m.id_number IN ({marks}) ORDER BY m.id_number,"
                         " h.number", chunk):
            if row["id_number"] in first:
                other = first[row["id_number"]]
                yield Finding("id.twice", row["household_id"], row["id"], row["name"], {
                    "other": other["name"], "number": other["number"]})
            else:
                first[row["id_number"]] = row


def find_heads(book: Book, today: dt.date) -> Iterator[Finding]:
    """The findings of its rules (``FINDERS``) in the book as it is today."""
    for household_id, count in book.conn.execute(
            "SELECT h.id, (SELECT count(*) FROM members m WHERE m.household_id = h.id AND"
            " m.status = 'active' AND m.relation = '01') AS heads FROM households h WHERE " +
            ACTIVE + " AND heads != 1"):
        yield Finding("household.heads", household_id, values={"count": count})


CHILDREN, PARENTS = ("03", "04"), ("11", "12", "13", "14", "15", "16")


def find_relations(book: Book, today: dt.date) -> Iterator[Finding]:
    """The findings of its rules (``FINDERS``) in the book as it is today."""
    for row in rows(book, "SELECT m.id, m.household_id, m.name, m.relation, m.birth_date,"
                           " head.birth_date AS head_birth FROM members m JOIN households h"
                           " ON h.id = m.household_id JOIN members head ON head.household_id"
                           " = h.id AND head.status = 'active' AND head.relation = '01'"
                           " WHERE " + ACTIVE + " AND m.status = 'active'"
                           " AND m.birth_date IS NOT NULL AND head.birth_date IS NOT NULL"
                           " AND ((m.relation IN ('03', '04') AND m.birth_date < head.birth_date)"
                           " OR (m.relation IN ('11', '12', '13', '14', '15', '16')"
                           " AND m.birth_date > head.birth_date))"):
        yield Finding("relation.age", row["household_id"], row["id"], row["name"], {
            "relation": codes.label("relation", row["relation"]), "birth": row["birth_date"],
            "head_birth": row["head_birth"]})


# each finder and the rules it reports
FINDERS: tuple[tuple[tuple[str, ...], Callable[[Book, dt.date], Iterable[Finding]]], ...] = (
    (("income.below_line", "income.fell"), find_income),
    (("school.out",), find_school),
    (("medical.uninsured",), find_medical),
    (("housing.unsafe",), find_housing),
    (("water.unsafe",), find_water),
    (("checks.stale",), find_checks),
    (("monitoring.no_measure", "monitoring.work_without_labour", "monitoring.removed_soon"),
     find_monitoring),
    (("household.no_labour_uncovered",), find_labour),
    (("monitoring.candidate",), find_candidates),
    (("loan.overdue", "loan.overdue_rate"), find_loans),
    (("measure.past_end",), find_measures),
    (("visit.overdue", "visit.follow_up"), find_visits),
    (("helper.behind",), find_helpers),
    (("problem.overdue",), find_problems),
    (("id.invalid", "id.twice"), find_ids),
    (("household.heads",), find_heads),
    (("relation.age",), find_relations),
)


def find_all(book: Book, rules: Iterable[str] | None = None, today: dt.date | None = None,
             progress: Callable[[int, int], None] | None = None,
             cancelled: Callable[[], bool] | None = None,
             each: Callable[[list[Finding]], None] | None = None) -> list[Finding]:
    """Every finding of the rules asked for (all by default), accepted ones left out,
    most serious first, then by village and household number. ``progress(done, total)``
    after each finder, and ``each(its findings)`` (not yet named, accepted ones not yet
    left out: for a first count); ``cancelled()`` true stops early with what was found."""
    today = today or current_date()
    wanted = set(rules) if rules is not None else set(BY_CODE)
    unknown = wanted - set(BY_CODE)
    if unknown:
        raise KeyError(", ".join(sorted(unknown)))
    finders = [(codes_, finder) for codes_, finder in FINDERS if wanted & set(codes_)]
    found: list[Finding] = []
    for done, (_codes, finder) in enumerate(finders, 1):
        if cancelled is not None and cancelled():
            break
        these = [f for f in finder(book, today) if f.rule in wanted]
        found.extend(these)
        if each is not None:
            each(these)
        if progress is not None:
            progress(done, len(finders))
    accepted = set(book.conn.execute("SELECT household_id, record_id, code FROM"
                                     " accepted_warnings WHERE code LIKE 'rule.%'"))
    named = _named(book, [f for f in found if (f.household_id, f.record_id, f"rule.{f.rule}")
                          not in accepted])
    # about a helper or the village: accepted for that village and record
    settled = set(book.conn.execute("SELECT v.code, a.record_id, a.code FROM"
                                    " accepted_findings a LEFT JOIN village v ON v.id ="
                                    " a.village_id"))
    return [f for f in named if f.household_id is not None
            or (f.village_code, f.record_id, f"rule.{f.rule}") not in settled]


def _named(book: Book, found: list[Finding]) -> list[Finding]:
    """Each finding with its household's number, head and village code; sorted."""
    households = {row[0]: row[1:] for row in book.conn.execute(
        "SELECT h.id, h.number, h.head_name, v.code FROM households h LEFT JOIN village v"
        " ON v.id = h.village_id")} if found else {}
    # a finding of no household (a helper's) is the book's own: its village, or in a
    # township's book the township (not whichever village comes first)
    home = book_identity(book)["code"] or None
    out = []
    for finding in found:
        number, head, village = households.get(finding.household_id, (None, None, None))
        out.append(dataclasses.replace(
            finding, household_number=number, head_name=head,
            village_code=finding.village_code or village or home))
    order = {s: i for i, s in enumerate(SEVERITIES)}
    rank = {rule.code: i for i, rule in enumerate(RULES)}
    out.sort(key=lambda f: (order[f.severity], f.village_code or "", f.household_number or "",
                            rank[f.rule]))
    return out


def accept_finding(book: Book, finding: Finding, note: str = "") -> None:
    """A person has looked at a finding and judged it right as it is (the reason in
    ``note``): it is not shown again for the same record. Logged like any change, so the
    decision travels with the village's records."""
    detail = to_json({"values": finding.values, "note": note.strip()})
    with book.action("finding.accept") as writer:
        if finding.household_id is not None:
            writer.insert("accepted_warnings", {
                "household_id": finding.household_id, "record_id": finding.record_id,
                "code": f"rule.{finding.rule}", "detail": detail,
                "operator": book.operator, "at": writer.at}, finding.household_id)
            return
        village = book.conn.execute("SELECT id FROM village WHERE code = ?",
                                    [finding.village_code]).fetchone()
        writer.insert("accepted_findings", {
            "village_id": village[0] if village else None, "record_id": finding.record_id,
            "code": f"rule.{finding.rule}", "detail": detail, "operator": book.operator,
            "at": writer.at})
