"""The one write path: every created record and every changed field goes to ``changes``.

Values are stored as JSON text so that ``null``, ``""``, numbers and text stay distinct,
and a later sync can ship the rows as they are (see docs/change-log.md).
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

import orjson

from ..core.errors import BookError, Issue, NotFound, ValidationFailed
from ..core.ids import new_id
from ..core.today import now_text
from .kinds import HOUSEHOLD_DERIVED, KINDS, VILLAGE, village_kinds
from .levels import COUNTY

if TYPE_CHECKING:
    from .book import Book

_STAMPS = ("created_at", "updated_at")


def to_json(value: Any) -> str:
    """Compact JSON text, Chinese kept readable (orjson: bulk loads and sync merges call
    this for every change; the same text as json's compact form, several times faster)."""
    return orjson.dumps(value).decode()


def created_value(table: str, record: Mapping[str, Any]) -> dict[str, Any]:
    """What a 'create' row keeps: the record's non-empty fields, derived columns left out.
    Binary content (a photo) is named by its SHA-256 and size, not copied into the log."""
    derived = DERIVED.get(table, ())
    return {k: (_named(v) if isinstance(v, bytes) else v)
            for k, v in record.items() if v is not None and k not in derived}


def _named(content: bytes) -> dict[str, Any]:
    import hashlib  # with OpenSSL: read for a photo, not at start

    return {"sha256": hashlib.sha256(content).hexdigest(), "bytes": len(content)}


def conflict_ident(table: str, subject: str, field: str, one: str, other: str) -> str:
    """How every book names one conflict: the same field of one record changed from two
    sides (``subject`` the record, ``one``/``other`` the two changes' stamps), or two
    records on one key (``subject`` the key's value, ``one``/``other`` the two records):
    the two sides sorted, so that both sides of an exchange name it alike."""
    first, second = sorted((one, other))
    return f"{table}|{subject}|{field}|{first}|{second}"


def close_conflicts(conn: Any, idents: Sequence[str], stamp: str) -> None:
    """A person's decision (``stamp``) closes the conflicts it names, and only those: an
    ordinary edit of the field, or a later stamp, decides nothing."""
    conn.executemany("UPDATE sync_conflicts SET resolved_stamp = ? WHERE ident = ?"
                     " AND resolved_stamp IS NULL", [(stamp, ident) for ident in idents])


def decided(conn: Any, ident: str) -> str | None:
    """The stamp of a decision here that names the conflict ``ident`` (it may arrive
    before the conflict is seen here), or None."""
    row = conn.execute("SELECT c.hlc FROM changes c, json_each(c.closes) j"
                       " WHERE c.closes IS NOT NULL AND j.value = ? LIMIT 1",
                       [ident]).fetchone()
    return row[0] if row else None


FieldHistory = dict[str, tuple[list[str], "str | None", str]]


def field_history(conn: Any, record_id: str, field: str) -> FieldHistory:
    """Every change of one field of one record held here (and the record's creation):
    stamp → (the stamps its writer saw: its base, what a decision saw and the two sides of
    each conflict it closed; its value as JSON; its op)."""
    out: FieldHistory = {}
    for stamp, base, saw, closes, value, op in conn.execute(
            "SELECT hlc, base, saw, closes, new_value, op FROM changes"
            " WHERE record_id = ? AND (field = ? OR field IS NULL)", [record_id, field]):
        parents = [base] if base else []
        if saw:
            parents += json.loads(saw)
        for ident in json.loads(closes) if closes else ():
            *_, named_field, one, other = ident.split("|")
            if named_field == field:
                parents += [one, other]
        out[stamp] = (parents, value, op)
    return out


def seen_by(history: FieldHistory, stamp: str) -> set[str]:
    """A change and every change its writer saw, followed through bases and decisions as
    far as this book holds them."""
    seen: set[str] = set()
    todo = [stamp]
    while todo:
        current = todo.pop()
        if current not in seen:
            seen.add(current)
            todo += history[current][0] if current in history else []
    return seen


def heads(history: FieldHistory) -> list[str]:
    """The changes of a field no other change here saw: its values standing side by side
    (one, unless changes made apart met here)."""
    below: set[str] = set()
    for stamp in history:
        below |= seen_by(history, stamp) - {stamp}
    return sorted(set(history) - below)


def base_stamp(conn: Any, record_id: str, field: str | None) -> str | None:
    """The stamp of a field's current value: its newest change, or the record's creation.
    (Values converge on the newest stamp, so the newest is the one a writer saw.)"""
    return conn.execute(
        "SELECT max(hlc) FROM changes WHERE record_id = ? AND (field = ? OR field IS NULL)",
        [record_id, field]).fetchone()[0]


INSERT_CHANGE = ("INSERT INTO changes (hlc, action_seq, table_name, record_id, household_id,"
                  " op, field, old_value, new_value, base) VALUES (?,?,?,?,?,?,?,?,?,?)")


# what a person at a county changes: its villages' records (corrections, sent down through
# their township) and its own users
_COUNTY_CHANGES = frozenset({"users", "village", *(k.table for k in village_kinds())})


class ChangeWriter:
    """Writes records inside one user action (one transaction) and logs each change."""

    def __init__(self, book: Book, action: str) -> None:
        self.book = book
        self.action = action
        self.action_id = new_id()
        self.at = now_text()
        self.changed = 0
        self._action_seq: int | None = None
        # a county's book sends down through each township only its corrections of that
        # township's villages' records: a change of the shared settings or the helpers
        # (the townships') made there would reach no one, so it is refused
        self._county = book.level == COUNTY

    @property
    def action_seq(self) -> int:
        """The action's row, written with its first change: an action that changes
        nothing (a re-import of the same list) leaves no trace in the log."""
        if self._action_seq is None:
            # this site's next number, without gaps: a receiver can say "I have all of
            # site S up to N" (the index on (site_id, origin_seq) makes this a lookup)
            self._action_seq = self.book.conn.execute(
                "INSERT INTO actions (id, site_id, origin_seq, action, operator, at)"
                " VALUES (?, ?, (SELECT coalesce(max(origin_seq), 0) + 1 FROM actions"
                " WHERE site_id = ?), ?, ?, ?)",
                (self.action_id, self.book.site_id, self.book.site_id, self.action,
                 self.book.operator, self.at),
            ).lastrowid or 0
        return self._action_seq

    def _check_county(self, table: str) -> None:
        if self._county and table not in _COUNTY_CHANGES:
            raise BookError("book.county_records")

    def _log(self, table: str, record_id: str, household_id: str | None, op: str,
             field: str | None, old: Any, new: Any, closes: Sequence[str] = ()) -> None:
        self._check_county(table)
        conn = self.book.conn
        stamp = self.book.clock.now()
        base = None if op == "create" else base_stamp(conn, record_id, field)
        if base is not None and base >= stamp:  # a value from a clock that ran ahead
            stamp = self.book.clock.past(base, lambda s: conn.execute(
                "SELECT 1 FROM changes WHERE hlc = ?", [s]).fetchone() is not None)
        conn.execute(INSERT_CHANGE, (stamp, self.action_seq, table, record_id, household_id,
                                      op, field, None if op == "create" else to_json(old),
                                      to_json(new), base))
        if closes:  # a person's decision: it names the conflicts it closes and the values
            # it saw (every head of the field here: it settles them all), and travels
            assert field is not None  # a decision is an update of one field
            saw = [s for s in heads(field_history(conn, record_id, field)) if s != stamp]
            conn.execute("UPDATE changes SET closes = ?, saw = ? WHERE hlc = ?",
                         [json.dumps(sorted(closes)), json.dumps(saw), stamp])
            close_conflicts(conn, closes, stamp)
        self.changed += 1

    def insert(self, table: str, row: Mapping[str, Any], household_id: str | None = None) -> str:
        """Insert a new record (an id is made if none is given); log it as one 'create'."""
        record = {k: v for k, v in row.items() if k not in _STAMPS}
        record.setdefault("id", new_id())
        if table in _VILLAGE_OWNED and record.get("village_id") is None:
            record["village_id"] = village_of_new_record(self.book)
        columns = [*record, *_STAMPS]
        self.book.conn.execute(
            f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
            [*record.values(), self.at, self.at],
        )
        self.book.conn.execute(INSERT_CHANGE, self.created_row(table, record, household_id))
        self.changed += 1
        return record["id"]

    def created_row(self, table: str, record: Mapping[str, Any],
                    household_id: str | None) -> tuple:
        """The change row that logs a new record (for ``INSERT_CHANGE``): what bulk loads
        write many of at once with ``executemany``."""
        self._check_county(table)
        return (self.book.clock.now(), self.action_seq, table, record["id"], household_id,
                "create", None, None, to_json(created_value(table, record)), None)

    def update(self, table: str, record_id: str, values: Mapping[str, Any],
               household_id: str | None = None, force: bool = False,
               closes: Sequence[str] = ()) -> list[str]:
        """Change the given fields of a record; log each field that really changed.

        Derived columns (see ``DERIVED``) are written but not logged: they follow from
        other records and are recomputed wherever the data arrives. ``closes``: the
        conflicts this change decides (a person's decision), carried with it.
        """
        columns = [k for k in values if k not in _STAMPS and k != "id"]
        if not columns:
            return []
        current = self.book.conn.execute(
            f"SELECT {', '.join(columns)} FROM {table} WHERE id = ?", [record_id]
        ).fetchone()
        if current is None:
            raise NotFound(table=table, id=record_id)
        # ``force`` logs even an unchanged value: a person's decision of a conflict for
        # the value the book already shows must still travel
        changed = [(c, old) for c, old in zip(columns, current) if force or old != values[c]]
        if not changed:
            return []
        sets = ", ".join(f"{c} = ?" for c, _ in changed)
        self.book.conn.execute(
            f"UPDATE {table} SET {sets}, updated_at = ? WHERE id = ?",
            [*(values[c] for c, _ in changed), self.at, record_id],
        )
        derived = DERIVED.get(table, ())
        for column, old in changed:
            if column not in derived:
                self._log(table, record_id, household_id, "update", column, old, values[column],
                          closes)
        return [c for c, _ in changed if c not in derived]


# Columns computed from other records: stored for speed, never logged as a person's change.
DERIVED: dict[str, tuple[str, ...]] = {"households": HOUSEHOLD_DERIVED}
_VILLAGE_OWNED = {k.table for k in KINDS if k.owner == VILLAGE}


def history(book: Book, household_id: str) -> list[dict[str, Any]]:
    """Every change of a household and its members, newest first."""
    rows = book.conn.execute(
        "SELECT c.seq, c.hlc, a.action, c.table_name, c.record_id, c.op, c.field,"
        " c.old_value, c.new_value, a.operator, a.at"
        " FROM changes c JOIN actions a ON a.seq = c.action_seq"
        " WHERE c.household_id = ? ORDER BY c.seq DESC",
        [household_id],
    ).fetchall()
    keys = ("seq", "hlc", "action", "table_name", "record_id", "op", "field", "old_value",
            "new_value", "operator", "at")
    out = []
    for row in rows:
        item = dict(zip(keys, row))
        item["old_value"] = json.loads(item["old_value"]) if item["old_value"] else None
        item["new_value"] = json.loads(item["new_value"]) if item["new_value"] else None
        out.append(item)
    return out


def village_of_new_record(book: Book) -> str | None:
    """The village a new household, problem or project belongs to when none is named: the
    book's own. A township's book keeps many villages and names none: the record is refused
    (it would belong to no village and never reach one)."""
    home = book.home_village_id
    if home is None and book.holds_villages:
        raise ValidationFailed([Issue("village.required", "village_id")])
    return home
