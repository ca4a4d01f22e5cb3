"""The warning rules: what a secretary should look at today (预警).

Each rule has a stable code, a severity, a short title and an explanation (English
sources, translated like every message), and says what it points at. The finding's own
sentence is the message of the issue code ``rule.<code>`` (``core.messages``). The book is
read by ``storage.findings``, one small function a rule; the thresholds are shared book
settings (``RULE_SETTINGS``), so the township's values reach its villages.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from typing import Any

from .errors import Issue
from .messages import QT_TRANSLATE_NOOP

SEVERITIES = ("error", "warning", "reminder")  # 错误, 预警, 提醒: most serious first

# Thresholds of the rules: book settings (shared, logged), these unless set otherwise.
RULE_SETTINGS = {
    "rules.income_drop_percent": 30,  # per-capita income fell by more than this share
    "rules.check_max_days": 365,  # a 三保障 check older than this is due again
    "rules.measure_within_days": 30,  # a monitored household gets a measure within this
    "rules.removal_min_days": 61,  # 帮扶消除 sooner than this after 纳入监测 (national checker)
    "rules.loan_overdue_permille": 5,  # the village's overdue microcredit, ‰ of the balance
}


@dataclass(frozen=True)
class Rule:
    code: str
    severity: str
    about: str  # what a finding points at: household, member, measure, helper, problem, village
    title: str
    explanation: str


def _rule(code: str, severity: str, about: str, title: str, explanation: str) -> Rule:
    return Rule(code, severity, about, title, explanation)


RULES: tuple[Rule, ...] = (
    # income
    _rule("income.below_line", "warning", "household",
          QT_TRANSLATE_NOOP("Messages", "Income under the monitoring line"),
          QT_TRANSLATE_NOOP("Messages", "The latest year's per-capita net income is under "
                                        "that year's monitoring line, and the household is "
                                        "not monitored (应纳尽纳).")),
    _rule("income.fell", "reminder", "household",
          QT_TRANSLATE_NOOP("Messages", "Income fell sharply"),
          QT_TRANSLATE_NOOP("Messages", "Per-capita net income fell by more than the set "
                                        "share from the year before.")),
    # 两不愁三保障
    _rule("school.out", "error", "member",
          QT_TRANSLATE_NOOP("Messages", "Child of school age not in school"),
          QT_TRANSLATE_NOOP("Messages", "A child aged 6 to 15 on 1 September is not in "
                                        "school and no reason is noted (控辍保学).")),
    _rule("medical.uninsured", "warning", "member",
          QT_TRANSLATE_NOOP("Messages", "No basic medical insurance"),
          QT_TRANSLATE_NOOP("Messages", "A member is recorded without basic medical "
                                        "insurance (医保全覆盖).")),
    _rule("housing.unsafe", "error", "household",
          QT_TRANSLATE_NOOP("Messages", "Unsafe house without a measure"),
          QT_TRANSLATE_NOOP("Messages", "A C or D grade house with no renovation, no "
                                        "relocation and no housing measure.")),
    _rule("water.unsafe", "error", "household",
          QT_TRANSLATE_NOOP("Messages", "Drinking water not safe"),
          QT_TRANSLATE_NOOP("Messages", "The household's drinking water is recorded as not "
                                        "safe.")),
    _rule("checks.stale", "reminder", "household",
          QT_TRANSLATE_NOOP("Messages", "Assurance check due"),
          QT_TRANSLATE_NOOP("Messages", "A household out of poverty or monitored has no "
                                        "two-assurances-three-guarantees check within the set "
                                        "number of days.")),
    # monitoring
    _rule("monitoring.no_measure", "warning", "household",
          QT_TRANSLATE_NOOP("Messages", "Monitored without a measure"),
          QT_TRANSLATE_NOOP("Messages", "A household taken into monitoring has had no "
                                        "assistance measure within the set number of days.")),
    _rule("monitoring.removed_soon", "warning", "household",
          QT_TRANSLATE_NOOP("Messages", "Risk removed too soon"),
          QT_TRANSLATE_NOOP("Messages", "A risk removed by assistance within two months of "
                                        "being taken in (the national checker's rule).")),
    _rule("monitoring.work_without_labour", "warning", "household",
          QT_TRANSLATE_NOOP("Messages", "Work risk without labour"),
          QT_TRANSLATE_NOOP("Messages", "A risk of unstable work in a household with no "
                                        "member able to work.")),
    _rule("household.no_labour_uncovered", "warning", "household",
          QT_TRANSLATE_NOOP("Messages", "No labour and no basic support"),
          QT_TRANSLATE_NOOP("Messages", "Nobody in the household can work and nobody "
                                        "receives subsistence or extreme-poverty support.")),
    _rule("monitoring.candidate", "reminder", "member",
          QT_TRANSLATE_NOOP("Messages", "Candidate for monitoring"),
          QT_TRANSLATE_NOOP("Messages", "An ordinary household with a member seriously ill "
                                        "or disabled, not monitored (应纳尽纳).")),
    # measures and loans
    _rule("loan.overdue", "error", "measure",
          QT_TRANSLATE_NOOP("Messages", "Overdue microcredit loan"),
          QT_TRANSLATE_NOOP("Messages", "A microcredit loan is past its due date, not "
                                        "repaid and not extended.")),
    _rule("loan.overdue_rate", "warning", "village",
          QT_TRANSLATE_NOOP("Messages", "Overdue loan rate"),
          QT_TRANSLATE_NOOP("Messages", "The overdue share of the village's microcredit "
                                        "balance is above the set line (0.5%).")),
    _rule("measure.past_end", "reminder", "measure",
          QT_TRANSLATE_NOOP("Messages", "Measure past its end"),
          QT_TRANSLATE_NOOP("Messages", "A measure is still in progress after its planned end.")),
    # visits and helpers
    _rule("visit.overdue", "warning", "household",
          QT_TRANSLATE_NOOP("Messages", "Not visited"),
          QT_TRANSLATE_NOOP("Messages", "A household out of poverty or monitored has not "
                                        "been visited for the set number of days (遍访).")),
    _rule("visit.follow_up", "reminder", "household",
          QT_TRANSLATE_NOOP("Messages", "Follow-up due"),
          QT_TRANSLATE_NOOP("Messages", "A visit's follow-up date has come and the "
                                        "household has not been visited since.")),
    _rule("helper.behind", "reminder", "helper",
          QT_TRANSLATE_NOOP("Messages", "Helper behind on visits"),
          QT_TRANSLATE_NOOP("Messages", "A helper has made fewer visits this year than the "
                                        "yearly count requires by now.")),
    # problems
    _rule("problem.overdue", "warning", "problem",
          QT_TRANSLATE_NOOP("Messages", "Problem past its deadline"),
          QT_TRANSLATE_NOOP("Messages", "A problem found is not rectified by its deadline.")),
    # data quality
    _rule("id.invalid", "warning", "member",
          QT_TRANSLATE_NOOP("Messages", "ID number to check"),
          QT_TRANSLATE_NOOP("Messages", "An ID number fails its check, or its area code was "
                                        "not yet in use in the birth year.")),
    _rule("id.twice", "error", "member",
          QT_TRANSLATE_NOOP("Messages", "The same ID number twice"),
          QT_TRANSLATE_NOOP("Messages", "Two current members carry the same ID number.")),
    _rule("household.heads", "error", "household",
          QT_TRANSLATE_NOOP("Messages", "Not exactly one head of household"),
          QT_TRANSLATE_NOOP("Messages", "A household must have exactly one current head.")),
    _rule("relation.age", "warning", "member",
          QT_TRANSLATE_NOOP("Messages", "Age and relation disagree"),
          QT_TRANSLATE_NOOP("Messages", "A child of the head of household is older than the "
                                        "head, or a parent younger.")),
)

BY_CODE = {rule.code: rule for rule in RULES}


@dataclass(frozen=True)
class Finding:
    """One thing a rule found: which rule, what it points at, and the values of its
    sentence. ``household_id`` is None for a finding about a helper or the village."""

    rule: str
    household_id: str | None = None
    record_id: str | None = None  # the member, measure, helper or problem
    member_name: str | None = None
    values: dict[str, Any] = dataclasses.field(default_factory=dict)
    household_number: str | None = None
    head_name: str | None = None
    village_code: str | None = None

    @property
    def severity(self) -> str:
        return BY_CODE[self.rule].severity

    def issue(self) -> Issue:
        """The finding as an issue: its sentence is the message of ``rule.<code>``."""
        return Issue(f"rule.{self.rule}", values=self.values, severity=self.severity,
                     subject=self.member_name or "")


def school_year_start(today: dt.date) -> dt.date:
    """1 September of the school year ``today`` is in."""
    year = today.year if today >= dt.date(today.year, 9, 1) else today.year - 1
    return dt.date(year, 9, 1)


def school_age_births(today: dt.date) -> tuple[str, str]:
    """The birth dates (ISO, inclusive) of children aged 6 to 15 on 1 September of the
    current school year (义务教育 age)."""
    start = school_year_start(today)
    oldest = dt.date(start.year - 16, 9, 2)  # 16 on 1 September: no longer of school age
    youngest = dt.date(start.year - 6, 9, 1)  # 6 on 1 September
    return oldest.isoformat(), youngest.isoformat()


def share_of_year(today: dt.date) -> float:
    """How much of the calendar year has passed by ``today`` (0–1)."""
    start = dt.date(today.year, 1, 1)
    days = (dt.date(today.year + 1, 1, 1) - start).days
    return (today - start).days / days
