"""帮扶措施: rules of an assistance measure, and microcredit (扶贫小额信贷) overdue.

A loan is overdue when its due date has passed, it is not repaid in full, and it was not
renewed (续贷) or extended (展期) — seed 000 asks to keep overdue loans under 0.5%.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from .errors import Issue
from .today import current_date

MICROCREDIT = "10"  # measure type 小额信贷
NO_EXTENSION = "01"
LOAN_FIELDS = ("loan_term_months", "due_date", "repaid_amount", "loan_extension")


def check_measure(measure: dict[str, Any], member_ids: set[str]) -> list[Issue]:
    """Rules across fields: dates in order, loan fields only on loans, repaid ≤ amount."""
    issues: list[Issue] = []
    start, end = measure.get("start_date"), measure.get("end_date")
    if start and end and end < start:
        issues.append(Issue("date.before_start", "end_date", {"start": start}))
    member = measure.get("member_id")
    if member and member not in member_ids:
        issues.append(Issue("measure.member_unknown", "member_id"))
    if measure.get("measure_type") == MICROCREDIT:
        if not measure.get("amount"):
            issues.append(Issue("field.required", "amount"))
        if not measure.get("due_date"):
            issues.append(Issue("field.required", "due_date"))
        due = measure.get("due_date")
        if due and start and due < start:
            issues.append(Issue("date.before_start", "due_date", {"start": start}))
        repaid, amount = measure.get("repaid_amount") or 0, measure.get("amount") or 0
        if repaid > amount:
            issues.append(Issue("measure.repaid_too_much", "repaid_amount"))
    else:
        for name in LOAN_FIELDS:
            if measure.get(name) not in (None, ""):
                issues.append(Issue("measure.loan_field", name))
    return issues


def overdue(measure: dict[str, Any], today: dt.date | None = None) -> bool:
    """Whether a microcredit loan is overdue today."""
    if measure.get("measure_type") != MICROCREDIT or not measure.get("due_date"):
        return False
    today = today or current_date()
    repaid = (measure.get("repaid_amount") or 0) >= (measure.get("amount") or 0)
    extended = (measure.get("loan_extension") or NO_EXTENSION) != NO_EXTENSION
    return measure["due_date"] < today.isoformat() and not repaid and not extended
