"""A township's book (乡镇有簿) and a county's (县级有档): the same program, holding the
villages it merges. Its own identity (name, code, a township's county) is kept beside its
villages."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..core.errors import Issue, ValidationFailed
from ..core.monitoring import IDENTIFY
from .book import Book, create_book
from .levels import CODE_DIGITS, COUNTY, TOWNSHIP
from .monitoring import MONITORING_NOW
from .village import add_user, book_identity


def check_township(values: dict[str, Any], level: str = TOWNSHIP) -> list[Issue]:
    """The issues of a township's (or, with ``level``, a county's) name and code (9
    digits, 6 for a county), before a book is made."""
    issues = []
    if not (values.get("name") or "").strip():
        issues.append(Issue("field.required", "name"))
    code = (values.get("code") or "").strip()
    if not (code.isascii() and code.isdigit() and len(code) == CODE_DIGITS[level]):
        issues.append(Issue(f"{level}.code", "code", {"value": values.get("code") or ""}))
    if not (values.get("user") or "").strip():
        issues.append(Issue("field.required", "user_name"))
    return issues


def create_township(path: str | Path, values: dict[str, Any], level: str = TOWNSHIP) -> Book:
    """A new book of many villages: a township's (name, 9-digit code, county, the first
    user) or, with ``level``, a county's (name, 6-digit code), fed by its townships'
    packages (县级有档)."""
    issues = check_township(values, level)
    if issues:
        raise ValidationFailed(issues)
    user = values["user"].strip()

    def fill(book: Book) -> None:
        with book.writing():
            book.set_meta("book_kind", level)
            book.set_meta(f"{level}_name", values["name"].strip())
            book.set_meta(f"{level}_code", values["code"].strip())
            if level == TOWNSHIP:
                book.set_meta("county", (values.get("county") or "").strip())
        add_user(book, user, values.get("role"))
        book.operator = user

    return create_book(path, fill)


def register_kind(book: Book) -> str:
    """What the book's register is called: 乡镇有簿, or 县级有档 for a county's."""
    return "县级有档" if book.level == COUNTY else "乡镇有簿"


def register_name(book: Book) -> str:
    """The book's register by its name: 城关镇乡镇有簿, or 昌宁县县级有档 for a county's."""
    return f"{book_identity(book)['name']}{register_kind(book)}"


SUMMARY_CATEGORIES = ("01", "02", "03")  # 脱贫户, 监测户, 一般农户 (household_category)
LIFTED = SUMMARY_CATEGORIES[0]  # 脱贫户
# 脱贫不稳定户, 边缘易致贫户, 突发严重困难户 (monitoring_category)
MONITORING_CATEGORIES = ("01", "02", "03")


def township_names(conn: Any) -> dict[str, str]:
    """The townships of the book's villages, code → name, in code order: named by the
    township's pairing card (the newest), else as the village's record names it."""
    named = dict(conn.execute("SELECT code, name FROM sync_peers WHERE kind = ?"
                              " ORDER BY paired_at", [TOWNSHIP]))
    found: dict[str, str] = {}
    for code, township in conn.execute("SELECT substr(code, 1, ?), township FROM village"
                                       " ORDER BY code", [CODE_DIGITS[TOWNSHIP]]):
        found.setdefault(code, named.get(code) or township or code)
    return found


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


def county_summary(conn: Any) -> list[dict[str, Any]]:
    """One row per village of a county's book, in code order, with its township's code:
    active households and people, 脱贫户, households monitored now by 监测对象类型
    (``monitored_01``…), and households whose risk was removed (their last event)."""
    monitored: dict[tuple[str, str], int] = {}
    removed: dict[str, int] = {}
    for village_id, event, category, count in conn.execute(
            f"WITH {MONITORING_NOW} SELECT h.village_id, mn.last_event, mn.category,"
            " count(*) FROM households h JOIN monitoring_now mn ON mn.household_id = h.id"
            " WHERE h.status = 'active' GROUP BY h.village_id, mn.last_event, mn.category"):
        if event == IDENTIFY:
            monitored[(village_id, category)] = count
        else:
            removed[village_id] = removed.get(village_id, 0) + count
    out = []
    for village_id, name, code in conn.execute("SELECT id, name, code FROM village"
                                               " ORDER BY code").fetchall():
        households, people, lifted = conn.execute(
            "SELECT count(*), coalesce(sum(member_count), 0), coalesce(sum(category = ?), 0)"
            " FROM households WHERE village_id = ? AND status = 'active'",
            [LIFTED, village_id]).fetchone()
        out.append({"village": name, "code": code,
                    "township_code": code[:CODE_DIGITS[TOWNSHIP]],
                    "households": households, "people": people, "lifted": lifted,
                    **{f"monitored_{c}": monitored.get((village_id, c), 0)
                       for c in MONITORING_CATEGORIES},
                    "removed": removed.get(village_id, 0)})
    return out
