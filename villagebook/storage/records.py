"""Records that belong to a household and are simply added, edited, removed and restored
(an income year, a 三保障 check, later measures and visits). Removal is a status, never a
delete, and every step goes through the change log."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any

from ..core.errors import InvalidOperation, Issue, NotFound, ValidationFailed
from ..core.records import fields
from ..core.validation import clean_fields
from .book import Book
from .changelog import ChangeWriter
from ..core.today import current_date


def rows(book: Book, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
    """The rows of a query as dictionaries of column name to value."""
    cursor = book.conn.execute(sql, params)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row)) for row in cursor.fetchall()]


def count(book: Book, sql: str, params: list[Any]) -> int:
    """How many rows a ``SELECT`` gives (without reading them)."""
    return book.conn.execute(f"SELECT count(*) FROM ({sql})", params).fetchone()[0]


def select(book: Book, sql: str, params: list[Any], *, include_removed: bool, order_by: str,
           alias: str = "") -> list[dict[str, Any]]:
    """Rows of a ``SELECT … WHERE …`` with removed records left out unless asked for,
    in ``order_by`` order. ``alias`` names the table whose status counts."""
    if not include_removed:
        sql += f" AND {alias + '.' if alias else ''}status = 'active'"
    return rows(book, f"{sql} ORDER BY {order_by}", params)


def get(book: Book, table: str, record_id: str) -> dict[str, Any]:
    """One record by id; ``NotFound`` when there is none."""
    found = rows(book, f"SELECT * FROM {table} WHERE id = ?", [record_id])
    if not found:
        raise NotFound(table=table, id=record_id)
    return found[0]


def save(book: Book, table: str, record: str, household_id: str | None, record_id: str | None,
         raw: dict[str, Any], *, extra: Callable[[dict[str, Any]], list[Issue]] | None = None,
         today: dt.date | None = None, owner_column: str = "household_id",
         after: Callable[[ChangeWriter, str], None] | None = None) -> str:
    """Check ``raw`` against the record's fields (and ``extra`` rules) and save it in one
    action; returns the record id. Raises ``ValidationFailed`` with every error.
    ``household_id`` is None for records of the village (helpers, problems…); records
    that belong to another record (a project's yearly income) name it in
    ``owner_column``. ``after(writer, record_id)`` runs inside the same transaction
    (to keep derived data in step)."""
    values, issues = clean_fields(record, {s.name: raw.get(s.name) for s in fields(record)},
                                  today or current_date())
    if extra is not None and not issues:
        issues += extra(values)
    if issues:
        raise ValidationFailed(issues)
    with book.action(f"{record}.{'create' if record_id is None else 'save'}") as writer:
        logged_household = household_id if owner_column == "household_id" else None
        if record_id is None:
            owner = {} if household_id is None else {owner_column: household_id}
            record_id = writer.insert(table, {**owner, **values, "status": "active"},
                                      logged_household)
        else:
            writer.update(table, record_id, values, logged_household)
        if after is not None:
            after(writer, record_id)
        return record_id


def set_removed(book: Book, table: str, record: str, record_id: str, removed: bool,
                check_restore: Callable[[dict[str, Any]], list[Issue]] | None = None,
                after: Callable[[ChangeWriter, str], None] | None = None) -> None:
    """Remove a record (it stays, marked removed) or restore it; ``after`` as in ``save``."""
    current = get(book, table, record_id)
    wanted = "removed" if removed else "active"
    if current["status"] == wanted:
        raise InvalidOperation(f"record.already_{wanted}")
    if not removed and check_restore is not None:
        issues = check_restore(current)
        if issues:
            raise ValidationFailed(issues)
    action = f"{record}.{'remove' if removed else 'restore'}"
    with book.action(action) as writer:
        writer.update(table, record_id, {"status": wanted}, current.get("household_id"))
        if after is not None:
            after(writer, record_id)


def one_a_year(book: Book, table: str, owner_column: str, owner_id: str,
               record_id: str | None) -> Callable[[dict[str, Any]], list[Issue]]:
    """A rule for records kept once a year per owner (a household's income, a project's
    distributed income): the year must not already have an active record."""
    def check(values: dict[str, Any]) -> list[Issue]:
        taken = book.conn.execute(
            f"SELECT 1 FROM {table} WHERE {owner_column} = ? AND year = ?"
            " AND status = 'active' AND id IS NOT ?",
            [owner_id, values.get("year"), record_id]).fetchone()
        return [Issue("income.year_taken", "year", {"year": values.get("year")})] if taken else []
    return check
