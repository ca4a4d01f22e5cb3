"""The one write path: every created record and every changed field goes to ``changes``.

Values are stored as JSON text so that ``null``, ``""``, numbers and text stay distinct,
and a later sync can ship the rows as they are (see docs/changelog.md).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from ..core.errors import Issue, NotFound, ValidationFailed
from ..core.today import now_text
from ..core.ids import new_id
from .kinds import HOUSEHOLD_DERIVED, KINDS, VILLAGE

if TYPE_CHECKING:
    from .book import Book

_STAMPS = ("created_at", "updated_at")


_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))


def to_json(value: Any) -> str:
    """Compact JSON text, Chinese kept readable (one encoder reused: bulk paths call this a lot)."""
    return _ENCODER.encode(value)


def created_value(table: str, record: Mapping[str, Any]) -> dict[str, Any]:
    """What a 'create' row keeps: the record's non-empty fields, derived columns left out.
    Binary content (a photo) is named by its SHA-256 and size, not copied into the log."""
    derived = DERIVED.get(table, ())
    return {k: (_named(v) if isinstance(v, bytes) else v)
            for k, v in record.items() if v is not None and k not in derived}


def _named(content: bytes) -> dict[str, Any]:
    import hashlib  # with OpenSSL: read for a photo, not at start

    return {"sha256": hashlib.sha256(content).hexdigest(), "bytes": len(content)}


def close_conflicts(conn: Any, record_id: str, field: str, base: str | None,
                    stamp: str) -> None:
    """A change made by someone who saw both values of a sync conflict decides it."""
    if base is None:
        return
    conn.execute("UPDATE sync_conflicts SET resolved_stamp = ? WHERE record_id = ?"
                 " AND field = ? AND resolved_stamp IS NULL AND local_stamp <= ?"
                 " AND remote_stamp <= ?", [stamp, record_id, field, base, base])


def base_stamp(conn: Any, record_id: str, field: str | None) -> str | None:
    """The stamp of a field's current value: its newest change, or the record's creation.
    (Values converge on the newest stamp, so the newest is the one a writer saw.)"""
    return conn.execute(
        "SELECT max(hlc) FROM changes WHERE record_id = ? AND (field = ? OR field IS NULL)",
        [record_id, field]).fetchone()[0]


INSERT_CHANGE = ("INSERT INTO changes (hlc, action_seq, table_name, record_id, household_id,"
                  " op, field, old_value, new_value, base) VALUES (?,?,?,?,?,?,?,?,?,?)")


class ChangeWriter:
    """Writes records inside one user action (one transaction) and logs each change."""

    def __init__(self, book: Book, action: str) -> None:
        self.book = book
        self.action = action
        self.action_id = new_id()
        self.at = now_text()
        self.changed = 0
        self._action_seq: int | None = None

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

    def _log(self, table: str, record_id: str, household_id: str | None, op: str,
             field: str | None, old: Any, new: Any) -> None:
        conn = self.book.conn
        stamp = self.book.clock.now()
        base = None if op == "create" else base_stamp(conn, record_id, field)
        conn.execute(INSERT_CHANGE, (stamp, self.action_seq, table, record_id, household_id,
                                      op, field, None if op == "create" else to_json(old),
                                      to_json(new), base))
        if field is not None:  # a person who changes a field has seen its conflict
            close_conflicts(conn, record_id, field, base, stamp)
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
        return (self.book.clock.now(), self.action_seq, table, record["id"], household_id,
                "create", None, None, to_json(created_value(table, record)), None)

    def update(self, table: str, record_id: str, values: Mapping[str, Any],
               household_id: str | None = None, force: bool = False) -> list[str]:
        """Change the given fields of a record; log each field that really changed.

        Derived columns (see ``DERIVED``) are written but not logged: they follow from
        other records and are recomputed wherever the data arrives.
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
                self._log(table, record_id, household_id, "update", column, old, values[column])
        return [c for c, _ in changed if c not in derived]


# Columns computed from other records: stored for speed, never logged as a person's change.
DERIVED: dict[str, Iterable[str]] = {"households": HOUSEHOLD_DERIVED}
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
    from .township import is_township

    home = book.home_village_id
    if home is None and is_township(book):
        raise ValidationFailed([Issue("village.required", "village_id")])
    return home
