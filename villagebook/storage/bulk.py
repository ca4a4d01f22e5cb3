"""Adding many households at once (demo village, later Excel import) in one transaction.

Uses ``executemany`` on the connection directly: sqlite-utils' ``insert_all`` measured
15× slower than that here. Each record still gets its 'create' row in the change log.
Input must already be checked (``core.validation``); nothing here validates.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from ..core.field_specs import fields
from .book import Book
from .changelog import INSERT_CHANGE, new_id, village_of_new_record
from .households import HOUSEHOLD_COLUMNS, MEMBER_COLUMNS, derived
from .kinds import VILLAGE, bulk_children, kind

_HH_COLS = ["id", "village_id", *HOUSEHOLD_COLUMNS, "status", "head_name", "member_count",
            "search_text", "head_sort", "group_sort", "last_visit", "next_follow_up",
            "created_at", "updated_at"]
_M_STATE = ["status", "left_reason", "left_date", "left_note"]
_M_FIELDS = [*MEMBER_COLUMNS, *_M_STATE]  # a member's row as given (the log keeps those set)
_M_STATUS = _M_FIELDS.index("status")
_M_COLS = ["id", "household_id", "position", *_M_FIELDS, "created_at", "updated_at"]
# Records a household may bring along, under these keys of its dict: table → record kind.
CHILD_RECORDS = bulk_children()
# a problem names its household by number in the form; here the household is known (and
# a record the village owns names the village too)
_CHILD_COLS = {table: [s.name for s in fields(kind_) if s.name != "household_number"]
               + (["village_id"] if kind(table).owner == VILLAGE else [])
               for table, kind_ in CHILD_RECORDS.items()}


def _insert_sql(table: str, columns: list[str]) -> str:
    return f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"


def insert_households(book: Book, items: Iterable[tuple[dict[str, Any], list[dict[str, Any]]]],
                      action: str = "household.bulk_create", batch: int = 5000) -> int:
    """Insert (household, members) pairs as new records of the book's village; returns
    how many households."""
    count = 0
    with book.action(action) as writer:
        at, home = writer.at, village_of_new_record(book)
        first_rid = book.conn.execute("SELECT coalesce(max(rid), 0) + 1 FROM households"
                                      ).fetchone()[0]
        hh_rows: list[tuple] = []
        m_rows: list[tuple] = []
        changes: list[tuple] = []
        children: dict[str, list[tuple]] = {table: [] for table in CHILD_RECORDS}

        def flush() -> None:
            book.conn.executemany(_insert_sql("households", _HH_COLS), hh_rows)
            book.conn.executemany(_insert_sql("members", _M_COLS), m_rows)
            for table, rows in children.items():
                columns = ["id", "household_id", *_CHILD_COLS[table], "status", "created_at",
                           "updated_at"]
                book.conn.executemany(_insert_sql(table, columns), rows)
            book.conn.executemany(INSERT_CHANGE, changes)
            for rows in (hh_rows, m_rows, changes, *children.values()):
                rows.clear()

        for household, members in items:
            hid = new_id()
            village_id = household.get("village_id") or home
            values = {k: household.get(k) for k in HOUSEHOLD_COLUMNS}
            extra = derived(household, members)
            visits = household.get("visits", ())
            last_visit = max((v["visit_date"] for v in visits), default=None)
            next_follow_up = max(
                (v["follow_up_date"] for v in visits if v["visit_date"] == last_visit
                 and v.get("follow_up_date")), default=None)
            hh_rows.append((hid, village_id, *values.values(), "active", extra["head_name"],
                            extra["member_count"], extra["search_text"], extra["head_sort"],
                            extra["group_sort"], last_visit, next_follow_up, at, at))
            changes.append(writer.created_row("households", {
                "id": hid, "village_id": village_id, **values, "status": "active"}, hid))
            for position, member in enumerate(members):
                mid = new_id()
                mvalues = [member.get(k) for k in _M_FIELDS]
                # a member may arrive having left already (an imported register)
                mvalues[_M_STATUS] = mvalues[_M_STATUS] or "active"
                m_rows.append((mid, hid, position, *mvalues, at, at))
                logged = {"id": mid, "household_id": hid, "position": position}
                for key, value in zip(_M_FIELDS, mvalues):
                    if value is not None:
                        logged[key] = value
                changes.append(writer.created_row("members", logged, hid))
            member_ids = [row[0] for row in m_rows[len(m_rows) - len(members):]]
            for table in CHILD_RECORDS:
                for record in household.get(table, ()):
                    rid_ = new_id()
                    if "member_position" in record:  # a record about one member of this batch
                        record = {**record, "member_id": member_ids[record["member_position"]]}
                    cvalues = {k: record.get(k) for k in _CHILD_COLS[table]}
                    if "village_id" in cvalues:
                        cvalues["village_id"] = cvalues["village_id"] or village_id
                    children[table].append((rid_, hid, *cvalues.values(), "active", at, at))
                    changes.append(writer.created_row(table, {
                        "id": rid_, "household_id": hid, **cvalues, "status": "active"}, hid))
            count += 1
            if len(hh_rows) >= batch:
                flush()
        flush()
        # households inserted here carry their search text: index them in one statement
        book.conn.execute("INSERT INTO household_fts (rowid, search_text)"
                          " SELECT rid, search_text FROM households WHERE rid >= ?", [first_rid])
        writer.changed += len(changes)
    # fresh statistics after a large load, so the planner picks the indexes of the lists
    book.conn.execute("PRAGMA optimize=0x10002")
    return count


def insert_village_records(book: Book, table: str, record: str, rows: list[dict[str, Any]],
                           action: str, extra_columns: tuple[str, ...] = ()) -> list[str]:
    """Insert checked records of the village (the demo's helpers…); returns their ids.
    ``extra_columns`` are stored too (the project a yearly income belongs to)."""
    columns = [s.name for s in fields(record)] + list(extra_columns)
    ids = []
    with book.action(action) as writer:
        for row in rows:
            ids.append(writer.insert(table, {**{k: row.get(k) for k in columns},
                                             "status": "active"}))
    return ids
