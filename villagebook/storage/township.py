"""A township's book (乡镇有簿): the same program, holding the villages it merges. Its own
identity (name, 9-digit code, county) is kept beside its villages."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from ..core.errors import Issue, ValidationFailed
from .book import Book, create_book
from .levels import TOWNSHIP
from .village import add_user

_TOWNSHIP_CODE = re.compile(r"^\d{9}$")


def check_township(values: dict[str, Any]) -> list[Issue]:
    """The issues of a township's name and 9-digit code, before a book is made."""
    issues = []
    if not (values.get("name") or "").strip():
        issues.append(Issue("field.required", "name"))
    if not _TOWNSHIP_CODE.match((values.get("code") or "").strip()):
        issues.append(Issue("township.code", "code", {"value": values.get("code") or ""}))
    if not (values.get("user") or "").strip():
        issues.append(Issue("field.required", "user_name"))
    return issues


def create_township(path: str | Path, values: dict[str, Any]) -> Book:
    """A new township book (name, 9-digit code, county, the first user)."""
    issues = check_township(values)
    if issues:
        raise ValidationFailed(issues)
    user = values["user"].strip()

    def fill(book: Book) -> None:
        with book.writing():
            book.set_meta("book_kind", TOWNSHIP)
            book.set_meta("township_name", values["name"].strip())
            book.set_meta("township_code", values["code"].strip())
            book.set_meta("county", (values.get("county") or "").strip())
        add_user(book, user, values.get("role"))
        book.operator = user

    return create_book(path, fill)


SUMMARY_CATEGORIES = ("01", "02", "03")  # 脱贫户, 监测户, 一般农户 (household_category)


def township_summary(conn: Any, year: int) -> list[dict[str, Any]]:
    """One row per village of the book, in code order: active households and people, by
    户类别, measures and their funds started in ``year``, visits made in ``year``."""
    year_start, year_end = f"{year}-01-01", f"{year}-12-31"
    out = []
    for village_id, name, code in conn.execute("SELECT id, name, code FROM village"
                                               " ORDER BY code").fetchall():
        households, people = conn.execute(
            "SELECT count(*), coalesce(sum(member_count), 0) FROM households"
            " WHERE village_id = ? AND status = 'active'", [village_id]).fetchone()
        by_category = dict(conn.execute(
            "SELECT category, count(*) FROM households WHERE village_id = ?"
            " AND status = 'active' GROUP BY category", [village_id]).fetchall())
        measures, funds = conn.execute(
            "SELECT count(*), coalesce(sum(m.amount), 0) FROM measures m JOIN households h"
            " ON h.id = m.household_id WHERE h.village_id = ? AND m.status = 'active'"
            " AND m.start_date BETWEEN ? AND ?", [village_id, year_start, year_end]).fetchone()
        visits = conn.execute(
            "SELECT count(*) FROM visits v JOIN households h ON h.id = v.household_id"
            " WHERE h.village_id = ? AND v.status = 'active' AND v.visit_date BETWEEN ? AND ?",
            [village_id, year_start, year_end]).fetchone()[0]
        out.append({"village": name, "code": code, "households": households,
                    "people": people,
                    **{f"category_{c}": by_category.get(c, 0) for c in SUMMARY_CATEGORIES},
                    "measures": measures, "funds": funds, "visits": visits})
    return out
