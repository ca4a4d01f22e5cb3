"""The record store: records that are simply added, edited, removed and restored (an
income year, a 三保障 check, measures, visits, a project's yearly income…). Removal is a
status, never a delete; every step goes through the change log; the keys a kind says are
entered once (``kinds.RecordKind.unique``) are checked here for every kind."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any

from ..core.errors import InvalidOperation, Issue, NotFound, ValidationFailed
from ..core.field_specs import fields
from ..core.today import current_date
from ..core.validation import clean_fields
from .book import Book
from .changelog import ChangeWriter
from .kinds import kind


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
    if not issues and kind(table).unique:  # the keys a person enters once (kinds.py)
        owner_id = household_id if record_id is None else get(book, table, record_id).get(
            owner_column)  # (an edit's owner is the stored record's)
        issues += unique_issues(book, table, {owner_column: owner_id, **values}, record_id)
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
    """Remove a record (it stays, marked removed) or restore it (checked again: a key
    entered once may have been taken meanwhile); ``after`` as in ``save``."""
    current = get(book, table, record_id)
    wanted = "removed" if removed else "active"
    if current["status"] == wanted:
        raise InvalidOperation(f"record.already_{wanted}")
    if not removed:
        issues = unique_issues(book, table, current, record_id)
        if check_restore is not None and not issues:
            issues = check_restore(current)
        if issues:
            raise ValidationFailed(issues)
    action = f"{record}.{'remove' if removed else 'restore'}"
    with book.action(action) as writer:
        writer.update(table, record_id, {"status": wanted}, current.get("household_id"))
        if after is not None:
            after(writer, record_id)


def unique_issues(book: Book, table: str, values: dict[str, Any], record_id: str | None
                  ) -> list[Issue]:
    """The kind's keys a person enters only once (``RecordKind.unique``) that another
    active record holds already: ``<record>.<last column>_taken`` (``income.year_taken``,
    ``household.number_taken``), naming the value. Every kind's store checks them here."""
    record_kind = kind(table)
    issues = []
    for key in record_kind.unique:
        if any(values.get(column) is None for column in key):
            continue
        where = " AND ".join(f"{column} = ?" for column in key)
        active = " AND status = 'active'" if record_kind.removable else ""
        if book.conn.execute(f"SELECT 1 FROM {table} WHERE {where}{active} AND id IS NOT ?",
                             [*(values[c] for c in key), record_id]).fetchone():
            issues.append(Issue(f"{record_kind.record}.{key[-1]}_taken", key[-1],
                                {key[-1]: values[key[-1]]}))
    return issues
