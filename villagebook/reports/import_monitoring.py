"""The 防返贫监测 columns of a national list, brought in as the window would record them.

The national system's export of a village's people carries, on every person's row, the
household's monitoring state: its type (易返贫致贫户(监测对象)类型, or a 户类别 such as
脱贫不稳定户), 风险识别时间, 风险是否消除, 风险消除时间 and sometimes the risks and the way
the risk was removed. They come in as 纳入监测 and 风险消除 events, through the same
checked and logged path as the household window (``storage.monitoring.save_event``).

Nothing is made up: an event the list does not say enough for (no date, no risk type
that the list or the household's 致贫原因 names, a removal without its way) is not
recorded, and the import says which households need it entered by hand. A household
that already has monitoring events keeps them: the book's record stands.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from ..core import codes
from ..core.errors import Issue, ValidationFailed
from ..core.monitoring import IDENTIFY, REMOVE
from ..storage.book import Book
from ..storage.households import find_household_id
from ..storage.monitoring import list_events, save_event

MONITORING = "monitoring"  # the import's name for these columns (headers.json)
DATES = ("identified_on", "removed_on")
YES = "1"  # yes_no's code for 是


@dataclass
class Pending:
    """One household's monitoring columns, with where the list said them."""

    number: str
    values: dict[str, Any]
    sheet: str
    row: int
    main_cause: str | None = None


@dataclass
class Outcome:
    """What came in, and what the person must enter by hand (户编号 each)."""

    identified: int = 0
    removed: int = 0
    kept: list[str] = field(default_factory=list)  # had events already
    no_date: list[str] = field(default_factory=list)
    no_risk: list[str] = field(default_factory=list)
    removal_incomplete: list[str] = field(default_factory=list)


def category_of_household_type(text: str, code_of: Any) -> str | None:
    """The monitoring category a 户类别 word names (脱贫不稳定户 → 01), or None."""
    code = code_of("monitoring_category", text)
    return code if code in {e.code for e in codes.code_list("monitoring_category")} else None


def risks_from_cause(cause: str | None) -> str | None:
    """The risk type the household's 致贫原因 names (因病 → 因病, 因灾 → 因自然灾害),
    through the list's labels and the words in vocabulary.json; None when it names none."""
    if not cause:
        return None
    label = codes.label("cause", cause)
    known = {e.code for e in codes.code_list("risk_type")}
    by_label = {e.label: e.code for e in codes.code_list("risk_type")}
    found = by_label.get(label) or codes.vocabulary("risk_type").get(label)
    return found if found in known else None


def apply(book: Book, pending: list[Pending], today: dt.date | None
          ) -> tuple[Outcome, list[tuple[str, int, Issue, str]]]:
    """Record the events the list says; returns the outcome and the refusals (sheet, row,
    issue, value) of events the monitoring rules refused (dates out of order…)."""
    outcome = Outcome()
    refused: list[tuple[str, int, Issue, str]] = []
    for item in pending:
        values = item.values
        if not (values.get("identified_on") or values.get("category")
                or values.get("removed") == YES):
            continue  # nothing about monitoring on this household's rows
        household_id = find_household_id(book, item.number)
        if household_id is None:
            continue  # refused with its household: already a problem of the import
        if list_events(book, household_id):
            outcome.kept.append(item.number)
            continue
        if not values.get("identified_on"):
            outcome.no_date.append(item.number)
            continue
        risks = values.get("risks") or risks_from_cause(item.main_cause)
        if not risks:
            outcome.no_risk.append(item.number)
            continue
        try:
            save_event(book, household_id, None, {
                "event": IDENTIFY, "event_date": values["identified_on"],
                "category": values.get("category"), "risks": risks}, today=today)
            outcome.identified += 1
            if values.get("removed") == YES:
                if not (values.get("removed_on") and values.get("removal_method")):
                    outcome.removal_incomplete.append(item.number)
                    continue
                save_event(book, household_id, None, {
                    "event": REMOVE, "event_date": values["removed_on"],
                    "removal_method": values["removal_method"]}, today=today)
                outcome.removed += 1
        except ValidationFailed as failed:
            for issue in failed.errors:
                refused.append((item.sheet, item.row, issue,
                                str(values.get(issue.field) or values.get("identified_on"))))
    return outcome, refused


def warnings(outcome: Outcome) -> list[Issue]:
    """What the person is told: events recorded, and households to complete by hand."""
    out = []
    if outcome.identified:
        out.append(Issue("import.monitoring_in", "", {
            "identified": outcome.identified, "removed": outcome.removed},
            severity="warning"))
    for code, numbers in (("import.monitoring_kept", outcome.kept),
                          ("import.monitoring_no_date", outcome.no_date),
                          ("import.monitoring_no_risk", outcome.no_risk),
                          ("import.monitoring_removal_incomplete",
                           outcome.removal_incomplete)):
        if numbers:
            shown = "、".join(numbers[:5]) + ("…" if len(numbers) > 5 else "")
            out.append(Issue(code, "", {"count": len(numbers), "numbers": shown},
                             severity="warning"))
    return out
