"""A new book of a village its township already knows takes the township's record of it.

``init`` gives a village's row a new id. A laptop replaced without a backup, or a second
laptop set up from scratch rather than copied, therefore makes a second record of a
village the township has known for years under the id its first book gave it; every
record of the village names that first id. A village is one village per code (its natural
key, as a setting's is its name), so the new book **adopts** the township's id: when the
township's package brings the village's row of the same code under another id, the book
renames its own village, every record naming it, and its own history to that id, before
anything is applied. Its village row and the township's are then two creations of one
record, merged field by field like any record made on two sides under one natural id
(a different name or township typed at ``init`` is a conflict for a person).

A rename is safe only while nothing of this book has reached another one: no peer holds
any of its actions (the township refuses the package of a new book of a village it knows,
``sync.village_book_new``, so that it holds nothing of it before the adoption). A book
whose actions a peer holds keeps its village, and the township's record of the same code
is named as such (``sync.village_twice``): restoring a backup is the way back.
"""

from __future__ import annotations

import json
from typing import Any

from ..storage.book import Book
from ..storage.changelog import to_json
from ..storage.kinds import KINDS, owner_step
from ..storage.village import own_sites
from .package import Package


def village_to_adopt(book: Book, package: Package, sender_kind: str
                     ) -> tuple[str, dict[str, Any]] | None:
    """The id and first values of the village row a township's package brings under the
    code of this (village) book's own village and another id, when this book may still
    take it (nothing of it has reached another book); None otherwise."""
    if sender_kind != "township" or book.holds_villages:
        return None
    found = _other_record_of_home(book, package)
    if found is None or _reached_a_peer(book, package):
        return None
    return found


def _other_record_of_home(book: Book, package: Package) -> tuple[str, dict[str, Any]] | None:
    home = book.home_village_id
    row = book.conn.execute("SELECT code FROM village WHERE id = ?", [home]).fetchone()
    if row is None:
        return None
    for action in package.actions:
        for change in action["changes"]:
            if change["table"] == "village" and change["op"] == "create" \
                    and change["record"] != home and change["new"].get("code") == row[0] \
                    and not book.conn.execute("SELECT 1 FROM village WHERE id = ?",
                                              [change["record"]]).fetchone():
                return str(change["record"]), dict(change["new"])
    return None


def _reached_a_peer(book: Book, package: Package) -> bool:
    """Whether any peer (this package's sender included) holds an action of this book."""
    own = own_sites(book)
    stated = package.manifest.get("acks") or {}
    if any(isinstance(upto, int) and upto > 0 for site, upto in stated.items()
           if site in own):
        return True
    return book.conn.execute(
        "SELECT 1 FROM sync_acks WHERE upto > 0 AND site_id IN"
        " (SELECT value FROM json_each(?))", [json.dumps(sorted(own))]).fetchone() is not None


def adopt_village(book: Book, village_id: str, theirs: dict[str, Any]) -> str:
    """Rename this book's own village to ``village_id`` (the township's id of its code):
    its row, every record naming it, its history and what it holds in its scope, in one
    transaction; a field left empty at ``init`` takes the value the township's record
    was made with (``theirs``), as if typed then. Returns the id the village had."""
    conn = book.conn
    old = book.home_village_id
    assert old is not None  # a village book has its village (village_to_adopt)
    with book.writing():
        _fill_empty_fields(book, old, theirs)
        conn.execute("PRAGMA defer_foreign_keys = ON")  # the row and its records move together
        conn.execute("UPDATE village SET id = ? WHERE id = ?", [village_id, old])
        for record_kind in KINDS:
            step = owner_step(record_kind)
            if step is None or step[0] != "village":
                continue
            table, column = record_kind.table, step[1]
            conn.execute(f"UPDATE {table} SET {column} = ? WHERE {column} = ?",
                         [village_id, old])
            _rename_in_history(conn, table, column, old, village_id)
        conn.execute("UPDATE changes SET record_id = ? WHERE record_id = ?", [village_id, old])
        conn.execute("UPDATE sync_conflicts SET record_id = ? WHERE record_id = ?",
                     [village_id, old])
        conn.execute("UPDATE OR REPLACE sync_received SET scope = ? WHERE scope = ?",
                     [village_id, old])
        book.set_meta("home_village", village_id)
        book.set_meta("adopted_village", json.dumps({"from": old, "to": village_id}))
    return old


def _rename_in_history(conn: Any, table: str, column: str, old: str, new: str) -> None:
    """The history's creations of ``table`` and changes of its owner column name the
    village by its new id (the column names come from the registry)."""
    conn.execute(
        f"UPDATE changes SET new_value = json_set(new_value, '$.{column}', ?)"
        f" WHERE table_name = ? AND op = 'create'"
        f" AND json_extract(new_value, '$.{column}') = ?", [new, table, old])
    for side in ("new_value", "old_value"):
        conn.execute(f"UPDATE changes SET {side} = ? WHERE table_name = ? AND op = 'update'"
                     f" AND field = ? AND {side} = ?",
                     [to_json(new), table, column, to_json(old)])


def _fill_empty_fields(book: Book, village_id: str, theirs: dict[str, Any]) -> None:
    """The village's empty fields (and its creation in the history, which has reached no
    other book) take the township's first values: no conflict of a value against nothing."""
    cursor = book.conn.execute("SELECT * FROM village WHERE id = ?", [village_id])
    mine = dict(zip([d[0] for d in cursor.description], cursor.fetchone()))
    for column in mine:  # names from this book's schema, never from the package
        value = theirs.get(column)
        if column in _OWN or mine[column] not in (None, "") or value in (None, "") \
                or not isinstance(value, (str, int, float)):
            continue
        book.conn.execute(f"UPDATE village SET {column} = ? WHERE id = ?", [value, village_id])
        book.conn.execute(
            f"UPDATE changes SET new_value = json_set(new_value, '$.{column}', json(?))"
            " WHERE record_id = ? AND op = 'create'", [to_json(value), village_id])


_OWN = frozenset({"id", "created_at", "updated_at", "rid"})  # each copy's own
