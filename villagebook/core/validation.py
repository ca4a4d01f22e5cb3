"""Checks a household and its members before they are saved.

``check_household`` returns cleaned records and every issue found. Errors block saving;
warnings can be accepted by the person (and that acceptance is kept by storage).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from . import codes, idnumber
from .errors import Issue
from .field_specs import BOOL_WORDS, HOUSEHOLD, MEMBER, FieldSpec, convert, fields, too_long
from .today import current_date

HEAD = "01"
SPOUSE = "02"
MALE_RELATIONS = {"03", "07", "09", "11", "13", "15", "17"}
FEMALE_RELATIONS = {"04", "05", "08", "10", "12", "14", "16", "18"}
YOUNGER_RELATIONS = {"03", "04", "05", "06", "07", "08", "09", "10", "20"}
OLDER_RELATIONS = {"11", "12", "13", "14", "15", "16", "17", "18"}
DISABLED = "04"  # health code 残疾
OUT_OF_SCHOOL = "01"  # school_status code 非在校生

_MOBILE = re.compile(r"^1[3-9]\d{9}$")
_LANDLINE = re.compile(r"^0\d{2,3}-?\d{7,8}$")


def normalize_phone(text: str) -> str:
    return text.replace(" ", "").replace("－", "-").replace("—", "-").strip()


def phone_ok(text: str) -> bool:
    return bool(_MOBILE.match(text) or _LANDLINE.match(text))


@dataclass
class Checked:
    """Cleaned household and members, with the issues found."""

    household: dict[str, Any]
    members: list[dict[str, Any]]
    issues: list[Issue] = field(default_factory=list)

    @property
    def errors(self) -> list[Issue]:
        return [i for i in self.issues if i.is_error]

    @property
    def warnings(self) -> list[Issue]:
        return [i for i in self.issues if not i.is_error]


def clean_fields(record: str, raw: dict[str, Any], today: dt.date, row: int | None = None,
                 subject: str = "") -> tuple[dict[str, Any], list[Issue]]:
    """Convert and check the fields of ``record`` present in ``raw``; a required field that
    is missing or empty is an issue. Returns the cleaned values and the issues."""
    cleaned: dict[str, Any] = {}
    issues: list[Issue] = []
    for spec in fields(record):
        name = spec.name
        if name not in raw:
            continue
        value = raw[name]
        # the two commonest kinds inline (an import checks 100,000 rows of them); the
        # result is what convert and _check_value give
        if value.__class__ is str and spec.kind in ("text", "code"):
            text = value.strip()
            if not text:
                cleaned[name] = None
            elif spec.max_length is not None and len(text) > spec.max_length:
                issue = too_long(spec, text)
                issues.append(Issue(issue.code, name, issue.values, row=row, subject=subject))
            elif spec.kind == "text" or codes.is_valid(spec.codes or "", text):
                cleaned[name] = text
            else:
                issues.append(Issue("code.unknown", name, {"value": text}, row=row,
                                    subject=subject))
            continue
        if value.__class__ is str and spec.kind == "bool":  # the next commonest (是/否)
            flag = BOOL_WORDS.get(value.strip().lower())
            if flag is not None:
                cleaned[name] = flag
                continue
        value, failed = convert(spec, value, today)
        if failed:
            issues.append(Issue(failed.code, failed.field, failed.values, row=row,
                                subject=subject))
            continue
        failed = _check_value(spec, value)
        if failed:
            issues.append(Issue(failed.code, name, failed.values, row=row, subject=subject))
            continue
        # a phone is kept as one writes it without spaces, whichever form or import it
        # came through (a helper's, a member's, a value typed to settle a conflict)
        cleaned[name] = normalize_phone(value) if spec.kind == "phone" and value else value
    for spec in _required(record):
        if cleaned.get(spec.name) is None and not any(i.field == spec.name for i in issues):
            issues.append(Issue("field.required", spec.name, row=row, subject=subject))
    return cleaned, issues


@cache
def _required(record: str) -> tuple[FieldSpec, ...]:
    return tuple(s for s in fields(record) if s.required and s.kind != "id")


def _check_value(spec: FieldSpec, value: Any) -> Issue | None:
    if value is None:
        return None
    if spec.kind == "code" and not codes.is_valid(spec.codes or "", value):
        return Issue("code.unknown", spec.name, {"value": value})
    if spec.kind == "codes":
        bad = [c for c in value.split(",") if not codes.is_valid(spec.codes or "", c)]
        if bad:
            return Issue("code.unknown", spec.name, {"value": ",".join(bad)})
    if spec.kind == "phone":
        if not phone_ok(normalize_phone(value)):
            return Issue("phone.invalid", spec.name, {"value": value})
    return None


def check_household(
    household: dict[str, Any],
    members: list[dict[str, Any]],
    *,
    today: dt.date | None = None,
    id_owner: Callable[[str], str | None] | None = None,
) -> Checked:
    """Clean and check one household with all its members (active and left).

    ``id_owner(number)`` returns the 户编号 of another household whose active member holds
    that ID number, or None; it lets the check refuse the same person in two households.
    """
    today = today or current_date()
    hh, issues = clean_fields(HOUSEHOLD, household, today, None, "")
    closed = household.get("status") == "closed"

    cleaned_members: list[dict[str, Any]] = []
    for row, raw in enumerate(members):
        name = str(raw.get("name") or "").strip()
        member, member_issues = clean_fields(MEMBER, raw, today, row, name)
        for key in ("id", "status", "left_reason", "left_date", "left_note", "position"):
            if key in raw:
                member[key] = raw[key]
        member.setdefault("status", "active")
        member_issues += _check_member_id(member, raw.get("id_number", ""), today, row, name)
        member_issues += _check_member_details(member, today, row, name)
        issues += member_issues
        cleaned_members.append(member)

    active = [(row, m) for row, m in enumerate(cleaned_members) if m["status"] == "active"]
    issues += _check_family(active, closed)
    issues += _check_duplicate_ids(cleaned_members, hh.get("number"), id_owner)
    return Checked(hh, cleaned_members, issues)


def _check_member_id(member: dict[str, Any], raw_id: Any, today: dt.date, row: int,
                     name: str) -> list[Issue]:
    parsed, found = idnumber.parse(str(raw_id or ""), today)
    issues = [Issue(i.code, "id_number", i.values, i.severity, row, name) for i in found]
    if parsed is None:
        member.pop("id_number", None)
        return issues
    member["id_number"] = parsed.number
    if member.get("sex") and member["sex"] != parsed.sex:
        issues.append(Issue("member.sex_mismatch", "sex",
                            {"expected": codes.label("sex", parsed.sex)}, row=row, subject=name))
    if member.get("sex") is None:
        member["sex"] = parsed.sex
    birth = parsed.birth_date.isoformat()
    if member.get("birth_date") and member["birth_date"] != birth:
        issues.append(Issue("member.birth_mismatch", "birth_date", {"expected": birth},
                            row=row, subject=name))
    if member.get("birth_date") is None:
        member["birth_date"] = birth
    return issues


def _age(birth: str | None, today: dt.date) -> int | None:
    if not birth:
        return None
    day = dt.date.fromisoformat(birth)
    return today.year - day.year - ((today.month, today.day) < (day.month, day.day))


def _check_member_details(member: dict[str, Any], today: dt.date, row: int,
                          name: str) -> list[Issue]:
    issues: list[Issue] = []

    def warn(code: str, field_name: str, **values: Any) -> None:
        issues.append(Issue(code, field_name, values, "warning", row, name))

    if member.get("status") == "left":
        issues += _check_left(member, today, row, name)
    relation, sex = member.get("relation"), member.get("sex")
    if relation in MALE_RELATIONS and sex == "2" or relation in FEMALE_RELATIONS and sex == "1":
        warn("member.relation_sex", "relation", relation=codes.label("relation", relation),
             sex=codes.label("sex", sex))
    if member.get("health") == DISABLED and not member.get("disability_category"):
        warn("member.disability_missing", "disability_category")
    cert = member.get("disability_cert")
    if cert and member.get("id_number"):
        expected = member["id_number"] + (member.get("disability_category") or "") + (
            member.get("disability_grade") or "")
        if cert.upper() != expected:
            warn("member.disability_cert", "disability_cert", expected=expected)
    age = _age(member.get("birth_date"), today)
    if (member.get("status", "active") == "active" and age is not None and 6 <= age <= 15
            and member.get("school_status") == OUT_OF_SCHOOL):
        warn("member.out_of_school", "school_status", age=age)
    return issues


def _check_left(member: dict[str, Any], today: dt.date, row: int, name: str) -> list[Issue]:
    """A member who left carries the event: a known reason and a real, past date."""
    issues: list[Issue] = []
    if not codes.is_valid("member_left_reason", member.get("left_reason") or ""):
        issues.append(Issue("member.left_reason", "left_reason", row=row, subject=name))
    try:
        day = dt.date.fromisoformat(str(member.get("left_date") or ""))
    except ValueError:
        issues.append(Issue("member.left_date", "left_date", row=row, subject=name))
    else:
        if day > today:
            issues.append(Issue("date.future", "left_date", {"value": day.isoformat()},
                                row=row, subject=name))
    return issues


def _check_family(active: list[tuple[int, dict[str, Any]]], closed: bool) -> list[Issue]:
    issues: list[Issue] = []
    if not active:
        if not closed:
            issues.append(Issue("household.no_members", "members"))
        return issues
    heads = [(row, m) for row, m in active if m.get("relation") == HEAD]
    if not heads:
        issues.append(Issue("household.no_head", "relation"))
    elif len(heads) > 1:
        names = "、".join(m.get("name", "") for _, m in heads)
        for row, m in heads:
            issues.append(Issue("household.many_heads", "relation", {"names": names},
                                row=row, subject=m.get("name", "")))
    spouses = [(row, m) for row, m in active if m.get("relation") == SPOUSE]
    if len(spouses) > 1:
        names = "、".join(m.get("name", "") for _, m in spouses)
        for row, m in spouses:
            issues.append(Issue("household.many_spouses", "relation", {"names": names},
                                row=row, subject=m.get("name", "")))
    if len(heads) == 1:
        head = heads[0][1]
        for row, m in active:
            issues += _check_against_head(head, row, m)
    return issues


def _check_against_head(head: dict[str, Any], row: int, m: dict[str, Any]) -> list[Issue]:
    relation = m.get("relation")
    name = m.get("name", "")
    out: list[Issue] = []
    if relation == SPOUSE and m.get("sex") and m.get("sex") == head.get("sex"):
        out.append(Issue("member.spouse_sex", "relation", {}, "warning", row, name))
    head_birth, birth = head.get("birth_date"), m.get("birth_date")
    if not head_birth or not birth or relation not in YOUNGER_RELATIONS | OLDER_RELATIONS:
        return out
    gap = (dt.date.fromisoformat(birth) - dt.date.fromisoformat(head_birth)).days / 365.25
    if relation in {"03", "04"} and gap < 14 or relation in {"07", "08", "09", "10"} and gap < 28:
        out.append(Issue("member.relation_age", "relation",
                         {"relation": codes.label("relation", relation)}, "warning", row, name))
    if relation in OLDER_RELATIONS and gap > -14:
        out.append(Issue("member.relation_age", "relation",
                         {"relation": codes.label("relation", relation)}, "warning", row, name))
    return out


def _check_duplicate_ids(members: list[dict[str, Any]], number: str | None,
                         id_owner: Callable[[str], str | None] | None) -> list[Issue]:
    issues: list[Issue] = []
    seen: dict[str, tuple[int, str]] = {}
    for row, m in enumerate(members):
        number_id = m.get("id_number")
        if not number_id or m.get("status") != "active":
            continue
        if number_id in seen:
            other = seen[number_id][1]
            issues.append(Issue("member.duplicate_id", "id_number", {"other": other},
                                row=row, subject=m.get("name", "")))
            continue
        seen[number_id] = (row, m.get("name", ""))
        if id_owner:
            owner = id_owner(number_id)
            if owner is not None:
                issues.append(Issue("member.id_elsewhere", "id_number", {"household": owner},
                                    row=row, subject=m.get("name", "")))
    return issues
