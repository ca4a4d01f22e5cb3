"""The village a book belongs to, and the people who work in it (the operators)."""

from __future__ import annotations

import json
import re
from typing import Any, TypedDict

from ..core.errors import Issue, ValidationFailed
from .book import Book

_AREA_CODE = re.compile(r"^\d{12}$")


def get_village(book: Book, village_id: str | None = None) -> dict[str, Any] | None:
    """A village of the book: the one named, or the book's own (its home village)."""
    village_id = village_id or book.home_village_id
    if village_id is None:
        return None
    cursor = book.conn.execute("SELECT * FROM village WHERE id = ?", [village_id])
    row = cursor.fetchone()
    if row is None:
        return None
    return dict(zip([d[0] for d in cursor.description], row))


class BookIdentity(TypedDict):
    """What a book is: its kind (its level: "village", "township" or "county"), name and
    area code."""

    kind: str
    name: str
    code: str  # 12 digits for a village, 9 for a township, 6 for a county


def book_identity(book: Book) -> BookIdentity:
    """What this book is: a village (name, 12-digit code) or a township (name, 9-digit
    code); its name heads the window, the printed lists and the pairing card."""
    if book.holds_villages:  # its own name and code, beside its villages
        level = book.level
        return BookIdentity(kind=level, name=book.meta(f"{level}_name") or "",
                            code=book.meta(f"{level}_code") or "")
    village = get_village(book) or {}
    return BookIdentity(kind="village", name=village.get("name") or "",
                        code=village.get("code") or "")


def check_village(values: dict[str, Any]) -> list[Issue]:
    """The issues of a village's name and 12-digit code, before it is saved."""
    issues = []
    if not (values.get("name") or "").strip():
        issues.append(Issue("field.required", "name"))
    if not _AREA_CODE.match((values.get("code") or "").strip()):
        issues.append(Issue("village.code", "code", {"value": values.get("code") or ""}))
    return issues


def set_village(book: Book, values: dict[str, Any]) -> str:
    """Create or change the book's village (name, 12-digit 行政区划代码, township, county)."""
    issues = check_village(values)
    if issues:
        raise ValidationFailed(issues)
    clean = {k: (values.get(k) or "").strip() for k in ("name", "code", "township", "county")}
    clean["is_demo"] = int(bool(values.get("is_demo")))
    current = get_village(book)
    with book.action("village.save") as writer:
        if current is None:
            village_id = writer.insert("village", clean)
            book.set_meta("home_village", village_id)
            return village_id
        writer.update("village", current["id"], clean)
        return current["id"]


def list_users(book: Book, include_inactive: bool = False) -> list[dict[str, Any]]:
    """The people who work in this book. Users that arrived by sync from another book
    (a village's secretaries, in its township's book) name changes in the audit trail but
    do not work here."""
    sql = ("SELECT id, name, role, active FROM users u WHERE NOT EXISTS ("
           " SELECT 1 FROM changes c JOIN actions a ON a.seq = c.action_seq"
           " WHERE c.record_id = u.id AND c.op = 'create'"
           " AND a.site_id NOT IN (SELECT value FROM json_each(?)))")
    if not include_inactive:
        sql += " AND active = 1"
    cursor = book.conn.execute(sql + " ORDER BY name", [json.dumps(sorted(own_sites(book)))])
    return [dict(zip(("id", "name", "role", "active"), r)) for r in cursor.fetchall()]


def own_sites(book: Book) -> set[str]:
    """The sites this book's own changes were numbered under (now and before a copy or
    restore gave it a new one)."""
    previous = json.loads(book.meta("previous_sites") or "[]")
    return {book.site_id, *(p["site"] for p in previous)}


def add_user(book: Book, name: str, role: str | None = None) -> str:
    """Add a person to the book's list of operators. The first user adds themself."""
    name = name.strip()
    if not name:
        raise ValidationFailed([Issue("field.required", "user_name")])
    if any(u["name"] == name for u in list_users(book, include_inactive=True)):
        raise ValidationFailed([Issue("user.exists", "user_name", {"name": name})])
    previous = book.operator
    book.operator = previous or name
    try:
        with book.action("user.add") as writer:
            return writer.insert("users", {"name": name, "role": role, "active": 1})
    finally:
        book.operator = previous


def set_user_active(book: Book, user_id: str, active: bool) -> None:
    """Stop (or resume) offering a user at start; their past changes keep their name."""
    if not active:
        others = [u for u in list_users(book) if u["id"] != user_id]
        if not others:
            raise ValidationFailed([Issue("user.last_active", "user_name")])
    with book.action("user.active") as writer:
        writer.update("users", user_id, {"active": int(active)})


class VillageChoice(TypedDict):
    """Which villages a list of a township's or a county's book shows (``in_villages``):
    one (``village_id``), one township's (``township_code``), or all (both None)."""

    village_id: str | None
    township_code: str | None


def in_villages(column: str, village_id: str | None = None,
                township_code: str | None = None) -> tuple[str, list[Any]]:
    """The condition (to AND in; ``1`` for every village) that keeps the rows whose
    ``column`` names the village ``village_id``, or a village of the township whose
    9 digits begin its code (``township_code``: a county's lists, one township)."""
    if village_id:
        return f"{column} = ?", [village_id]
    if township_code:
        return f"{column} IN (SELECT id FROM village WHERE code LIKE ?)", [f"{township_code}%"]
    return "1", []
