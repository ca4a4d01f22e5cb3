"""Households and their members: load, save (validated, logged), close and reopen.

Nothing here deletes: a member leaves by an event (status ``left`` with reason, date and
note) and a household is closed (注销) with a reason; both can be undone.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypedDict

from ..core import field_specs
from ..core.errors import InvalidOperation, Issue, NotFound, ValidationFailed
from ..core.field_specs import HOUSEHOLD, MEMBER, fields, too_long
from ..core.search_keys import group_sort_key, name_sort_key
from ..core.today import current_date
from ..core.validation import HEAD, check_household
from .book import Book
from .changelog import ChangeWriter, new_id, to_json
from .records import unique_issues
from .search_index import search_text

HOUSEHOLD_COLUMNS = [s.name for s in fields(HOUSEHOLD)]
MEMBER_COLUMNS = [s.name for s in fields(MEMBER)]
MEMBER_STATE = ["status", "left_reason", "left_date", "left_note"]


@dataclass
class SaveResult:
    household_id: str
    changes: int
    accepted: list[Issue] = field(default_factory=list)


def _rows(book: Book, sql: str, params: list[Any]) -> list[dict[str, Any]]:
    cursor = book.conn.execute(sql, params)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row)) for row in cursor.fetchall()]


def load_household(book: Book, household_id: str) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """The household and all its members (those who left too), in form order."""
    found = _rows(book, "SELECT * FROM households WHERE id = ?", [household_id])
    if not found:
        raise NotFound(table="households", id=household_id)
    members = _rows(book, "SELECT * FROM members WHERE household_id = ? ORDER BY position, id",
                    [household_id])
    return found[0], members


def find_household_id(book: Book, number: str, village_id: str | None = None) -> str | None:
    """The household with this 户编号 in a village (by default the book's own)."""
    row = book.conn.execute("SELECT id FROM households WHERE number = ? AND village_id IS ?",
                            [number, village_id or book.home_village_id]).fetchone()
    return row[0] if row else None


class HouseholdDerived(TypedDict):
    """The household columns that follow from its members and its 组 (never logged)."""

    head_name: str | None
    member_count: int
    search_text: str
    head_sort: str | None
    group_sort: str | None


def derived(household: dict[str, Any], members: list[dict[str, Any]]) -> HouseholdDerived:
    """Columns that follow from the members and the 组: 户主姓名, 家庭人口数, search
    text, and the keys the list sorts names (by pinyin) and 组 (by number) with."""
    active = [m for m in members if m.get("status", "active") == "active"]
    head = next((m.get("name") for m in active if m.get("relation") == HEAD), None)
    return HouseholdDerived(head_name=head, member_count=len(active),
                            search_text=search_text(household, active),
                            head_sort=name_sort_key(head),
                            group_sort=group_sort_key(household.get("group_name")))


def id_owner(book: Book, household_id: str | None) -> Callable[[str], str | None]:
    """Who else holds an ID number: the 户编号 of another active household with that
    active member, or None."""
    def owner(number: str) -> str | None:
        row = book.conn.execute(
            "SELECT h.number FROM members m JOIN households h ON h.id = m.household_id"
            " WHERE m.id_number = ? AND m.status = 'active' AND h.status = 'active'"
            " AND h.id IS NOT ?", [number, household_id]).fetchone()
        return row[0] if row else None
    return owner


def _accepted_codes(book: Book, household_id: str | None) -> set[tuple[str | None, str]]:
    if household_id is None:
        return set()
    rows = book.conn.execute(
        "SELECT record_id, code FROM accepted_warnings WHERE household_id = ?", [household_id])
    return {(r[0], r[1]) for r in rows}


def save_household(book: Book, household_id: str | None, household: dict[str, Any],
                   members: list[dict[str, Any]], *, accept_warnings: bool = False,
                   today: dt.date | None = None, action: str | None = None,
                   owner: Callable[[str], str | None] | None = None) -> SaveResult:
    """Validate and save a household with all its members in one transaction.

    ``members`` is the whole list in form order; an existing member carries its ``id``.
    A member missing from the list is kept as it is: members leave by event, never by
    omission. Raises ``ValidationFailed`` with every error; when there are only
    warnings not yet accepted and ``accept_warnings`` is false, raises it with those.
    ``owner`` replaces the check that no other household holds an ID number (an import
    also looks at the households earlier in its file).
    """
    if household_id is not None:
        old_household, old_members = load_household(book, household_id)
        household = {**{k: old_household[k] for k in ("status",)}, **household}
        given = {m.get("id") for m in members if m.get("id")}
        members = members + [m for m in old_members if m["id"] not in given]
    checked = check_household(household, members, today=today,
                              id_owner=owner or id_owner(book, household_id))
    issues = list(checked.issues)
    village_id = old_household["village_id"] if household_id is not None else \
        household.get("village_id") or book.home_village_id
    issues += unique_issues(book, "households", {
        "village_id": village_id, "number": checked.household.get("number")}, household_id)
    errors = [i for i in issues if i.is_error]
    if errors:
        raise ValidationFailed(issues)
    accepted_before = _accepted_codes(book, household_id)
    new_warnings = [w for w in issues if (_warning_record(w, checked.members), w.code)
                    not in accepted_before]
    if new_warnings and not accept_warnings:
        raise ValidationFailed(new_warnings)

    action = action or ("household.create" if household_id is None else "household.save")
    with book.action(action) as writer:
        # Only the fields given are written: a caller that edits three fields must not
        # blank the others.
        hh_values = {k: checked.household[k] for k in HOUSEHOLD_COLUMNS if k in checked.household}
        if household_id is None:
            household_id = new_id()
            writer.insert("households", {"id": household_id, **hh_values, "status": "active",
                                         "village_id": household.get("village_id")},
                          household_id)
        else:
            writer.update("households", household_id, hh_values, household_id)
        for position, member in enumerate(checked.members):
            _save_member(writer, household_id, position, member)
        writer.update("households", household_id,
                      derived(checked.household, checked.members), household_id)
        _record_accepted(writer, household_id, new_warnings, checked.members)
        return SaveResult(household_id, writer.changed, new_warnings)


def _warning_record(issue: Issue, members: list[dict[str, Any]]) -> str | None:
    if issue.row is None or issue.row >= len(members):
        return None
    return members[issue.row].get("id")


def _save_member(writer: ChangeWriter, household_id: str, position: int,
                 member: dict[str, Any]) -> None:
    values = {k: member[k] for k in (*MEMBER_COLUMNS, *MEMBER_STATE) if k in member}
    values["status"] = values.get("status") or "active"
    values["position"] = position
    if member.get("id"):
        writer.update("members", member["id"], values, household_id)
    else:
        member["id"] = writer.insert("members", {**values, "household_id": household_id},
                                     household_id)


def _record_accepted(writer: ChangeWriter, household_id: str, warnings: list[Issue],
                     members: list[dict[str, Any]]) -> None:
    for w in warnings:  # a person's decision: logged, and it travels
        writer.insert("accepted_warnings", {
            "household_id": household_id, "record_id": _warning_record(w, members),
            "code": w.code,
            "detail": to_json({"field": w.field, "values": w.values, "subject": w.subject}),
            "operator": writer.book.operator, "at": writer.at}, household_id)


def close_household(book: Book, household_id: str, reason: str, date: str,
                    note: str = "", today: dt.date | None = None) -> None:
    """注销: the household leaves the active list, with a reason; it can be reopened."""
    household, _ = load_household(book, household_id)
    if household["status"] == "closed":
        raise InvalidOperation("household.already_closed")
    issues = _check_event("household_closed_reason", "closed_reason", reason,
                          "closed_date", date, today)
    issues += _check_note(HOUSEHOLD, "closed_note", note)
    if issues:
        raise ValidationFailed(issues)
    with book.action("household.close") as writer:
        writer.update("households", household_id, {
            "status": "closed", "closed_reason": reason, "closed_date": date,
            "closed_note": note or None}, household_id)


def reopen_household(book: Book, household_id: str) -> None:
    """Undo 注销. Refused if one of its people is now active in another household."""
    household, members = load_household(book, household_id)
    if household["status"] != "closed":
        raise InvalidOperation("household.not_closed")
    owner = id_owner(book, household_id)
    clashes = [Issue("member.id_elsewhere", "id_number", {"household": owner(m["id_number"])},
                     subject=m["name"])
               for m in members
               if m["status"] == "active" and m["id_number"] and owner(m["id_number"])]
    if clashes:
        raise ValidationFailed(clashes)
    with book.action("household.reopen") as writer:
        writer.update("households", household_id, {
            "status": "active", "closed_reason": None, "closed_date": None,
            "closed_note": None}, household_id)


def _check_event(codes_name: str, reason_field: str, reason: str, date_field: str,
                 date: str, today: dt.date | None) -> list[Issue]:
    from ..core import codes

    issues = []
    if not codes.is_valid(codes_name, reason or ""):
        issues.append(Issue("field.required", reason_field))
    try:
        day = dt.date.fromisoformat(date or "")
        if day > (today or current_date()):
            issues.append(Issue("date.future", date_field, {"value": date}))
    except ValueError:
        issues.append(Issue("field.required", date_field))
    return issues


def _check_note(record: str, name: str, note: str | None) -> list[Issue]:
    spec = field_specs.field(record, name)
    if note and spec.max_length is not None and len(note) > spec.max_length:
        return [too_long(spec, note)]
    return []


def member_leave(book: Book, member_id: str, reason: str, date: str, note: str = "",
                 new_head_id: str | None = None) -> SaveResult:
    """A member leaves (死亡, 迁出, 分户, 其他). When the 户主 leaves, name the new head."""
    issues = _check_note(MEMBER, "left_note", note)
    if issues:
        raise ValidationFailed(issues)
    household_id = _household_of(book, member_id)
    household, members = load_household(book, household_id)
    for m in members:
        if m["id"] == member_id:
            if m["status"] == "left":
                raise InvalidOperation("member.already_left")
            m.update(status="left", left_reason=reason, left_date=date, left_note=note or None)
        if new_head_id and m["id"] == new_head_id:
            m["relation"] = HEAD
    return save_household(book, household_id, household, members, accept_warnings=True,
                          action="member.leave")


def member_restore(book: Book, member_id: str) -> SaveResult:
    """Undo a member's leaving (e.g. recorded by mistake)."""
    household_id = _household_of(book, member_id)
    household, members = load_household(book, household_id)
    for m in members:
        if m["id"] == member_id:
            if m["status"] != "left":
                raise InvalidOperation("member.not_left")
            m.update(status="active", left_reason=None, left_date=None, left_note=None)
    return save_household(book, household_id, household, members, accept_warnings=True,
                          action="member.restore")


def _household_of(book: Book, member_id: str) -> str:
    row = book.conn.execute("SELECT household_id FROM members WHERE id = ?", [member_id]).fetchone()
    if row is None:
        raise NotFound(table="members", id=member_id)
    return row[0]

