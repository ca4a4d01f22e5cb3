"""Every change of a package checked before anything is written: against the registry of
record kinds and the book's schema (a damaged or forged package is refused whole), each
declared full range against the actions carried, and each change against what its sender
may change (out of scope: never applied, named in the outcome). No SQL is built from
package text: table and column names come from the registry and the book's own schema.

What a sender may change (docs/sync-format.md, "Authority"):

- a village's computer: the records of its village (a household, its members and every
  record it owns, problems, projects…), the village's own row, the users and helpers its
  book added. Shared settings are the township's: a village's change of one stays in its
  own book.
- a township's computer: the records of its villages, the shared settings, every helper
  (a township pairs cadres across its villages), the users its book added.

The village of a change is read from the receiver's own copy of the record through its
owner chain (or from a record the same package creates first), never from the change's
``household`` field; a change of an owner column is checked on the old and the new value.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..storage.book import Book
from ..storage.changelog import DERIVED
from ..storage.kinds import kind, owner_step, village_of
from ..storage.levels import COUNTY, TOWNSHIP, VILLAGE
from ..storage.village import own_sites
from .keys import SyncError
from .package import Package

# columns a package never sets by an update: identity and this copy's own stamps
_NOT_UPDATED = frozenset({"id", "created_at", "updated_at", "rid"})
# what a township shares with all its villages
_SHARED_BY_TOWNSHIP = ("book_settings",)


@dataclass(frozen=True)
class Sender:
    """A paired computer as this book knows it: a village's or a township's, its code, and
    the sites its book numbered actions under (now and before a copy or restore); with
    the village this book keeps, if it is a village's."""

    kind: str  # "village" or "township"
    code: str
    sites: frozenset[str]
    village: str | None = None  # a village's computer: its village here (the id)
    # the village this book keeps (a village book takes no other village's records, from
    # anyone); None in a township book
    here: str | None = None
    # a township's package to its county: the sites whose actions it carries up (its
    # villages' laptops'), whose users it relays as it took them from its villages
    relayed: frozenset[str] = frozenset()

    def may_change_village(self, village_id: str | None, code: str | None) -> bool:
        """Whether this sender may change, in this book, the records of the village
        ``village_id`` (its code ``code`` here). A village is known by its id: its code
        may have changed since its first record."""
        if village_id is None or (self.here is not None and village_id != self.here):
            return False
        if self.kind == "village":
            return village_id == self.village
        return code is not None and code.startswith(self.code)


@dataclass
class Verdict:
    """What to apply of a package: the changes left out, by stamp, with why; and the
    changes of records not here yet (``parked``: kept, judged when the record arrives)."""

    sender: Sender
    skipped: dict[str, dict[str, Any]] = field(default_factory=dict)
    parked: set[str] = field(default_factory=set)

    def skip(self, change: dict[str, Any], reason: str) -> None:
        self.skipped[str(change.get("hlc"))] = {
            "table": change.get("table"), "record": change.get("record"),
            "field": change.get("field"), "reason": reason}


_COLUMNS: dict[str, frozenset[str]] = {}


def columns(book: Book, table: str) -> frozenset[str]:
    """A table's columns as this book's schema has them (every book is brought up to
    this program's schema when opened, so one reading serves the whole run)."""
    if table not in _COLUMNS:
        _COLUMNS[table] = frozenset(r[1] for r in book.conn.execute(
            f"PRAGMA table_info({kind(table).table})"))
    return _COLUMNS[table]


def own_name(known: frozenset[str], name: Any) -> str:
    """``name`` as this book's schema spells it (``check_shape`` made sure it is one)."""
    for column in known:
        if column == name:
            return column
    raise SyncError("sync.damaged")


def full_sites(book: Book, package: Package, sender: Sender) -> set[str]:
    """The origins a package carries in full: a village's own sites (to its township);
    to a county, every origin a township holds in full, which is all but the county's
    own (of those a township holds only its part). A township's package to a village
    carries only that village's actions of any origin, a county's to a township only
    that township's."""
    if sender.kind == VILLAGE:
        return {site for site in package.manifest["ranges"] if site in sender.sites}
    if sender.kind == TOWNSHIP and book.level == COUNTY:
        return set(package.manifest["ranges"]) - own_sites(book)
    return set()


def verify(book: Book, package: Package, sender: Sender) -> Verdict:
    """Check a package's content before anything is written; ``SyncError`` for a package
    that is damaged or claims what it does not carry, a ``Verdict`` naming the changes its
    sender may not make here."""
    _check_full_ranges(package, full_sites(book, package, sender))
    verdict = Verdict(sender)
    # the records the package creates, known before any change is judged: a package holds
    # several origins, and an update of one may come before the create of another
    pending: dict[str, tuple[str, dict[str, Any]]] = {
        change["record"]: (change["table"], dict(change["new"]))
        for action in package.actions for change in action["changes"]
        if change["op"] == "create"}

    # what the book holds, read once each (nothing is written while a package is judged:
    # a household's village is asked for each of its changes, and the archive's
    # PostgreSQL is a network round trip away)
    stored: dict[tuple[str, str, str], str | None] = {}

    def read(table: str, record_id: str, column: str) -> str | None:
        if record_id in pending and pending[record_id][0] == table:
            value = pending[record_id][1].get(column)
            return None if value is None else str(value)
        key = (table, record_id, column)
        if key not in stored:
            stored[key] = read_stored(book, table, record_id, column)
        return stored[key]

    for action in package.actions:
        for change in action["changes"]:
            reason = _out_of_scope(book, change, sender, read, pending)
            if reason == _PARK:
                verdict.parked.add(str(change["hlc"]))
            elif reason:
                verdict.skip(change, reason)
                if change["op"] == "create":  # nothing of it comes in
                    pending.pop(change["record"], None)
            elif change["op"] == "update" and change["record"] in pending:
                # an owner column moved within the package: judged as moved from here on
                pending[change["record"]][1][change["field"]] = change.get("new")
    _skip_orphans(book, package, verdict, pending)
    return verdict


def _skip_orphans(book: Book, package: Package, verdict: Verdict,
                  pending: dict[str, tuple[str, dict[str, Any]]]) -> None:
    """A record whose owner the package creates but may not (judged later in the package)
    is left out with it: nothing comes in without its owner."""
    creates = [c for a in package.actions for c in a["changes"]
               if c["op"] == "create" and str(c["hlc"]) not in verdict.skipped]
    changed = True
    while changed:
        changed = False
        for change in creates:
            if str(change["hlc"]) in verdict.skipped:
                continue
            step = owner_step(kind(change["table"]))
            if step is None:
                continue
            owner_table, column = step
            owner = change["new"].get(column)
            if owner is None or owner in pending or _stored(book, owner_table, str(owner)):
                continue
            verdict.skip(change, "sync.out_of_scope")
            pending.pop(change["record"], None)
            changed = True


def _check_full_ranges(package: Package, full: set[str]) -> None:
    """A full range carries every action in it, once: a package may not mark as received
    what it does not bring."""
    carried: dict[str, list[int]] = {}
    for action in package.actions:
        carried.setdefault(action["site"], []).append(action["seq"])
    for site in full:
        start, end = package.manifest["ranges"][site]
        if sorted(carried.get(site, [])) != list(range(start, end + 1)):
            raise SyncError("sync.range_not_carried", site=site, start=start, end=end)


def check_shape(book: Book, change: dict[str, Any], package: Package) -> None:
    """A change of a known kind, on columns the book has, its values plain data."""
    try:
        record_kind = kind(str(change.get("table")))
    except KeyError as error:
        raise SyncError("sync.damaged") from error
    if not isinstance(change.get("record"), str) or not isinstance(change.get("hlc"), str):
        raise SyncError("sync.damaged")
    for listed in ("closes", "saw"):  # a decision's: the conflicts and values it settles
        stamps = change.get(listed, [])
        if not isinstance(stamps, list) or not all(isinstance(c, str) for c in stamps):
            raise SyncError("sync.damaged")
    known = columns(book, record_kind.table)
    if change.get("op") == "update":
        name = change.get("field")
        if not isinstance(name, str) or name not in known or name in _NOT_UPDATED:
            raise SyncError("sync.unknown_field", table=record_kind.table, field=str(name))
        _check_value(change.get("new"))
    elif change.get("op") == "create":
        new = change.get("new")
        if not isinstance(new, dict):
            raise SyncError("sync.damaged")
        if not known.issuperset(new):
            unknown = sorted(str(k) for k in new if k not in known)
            raise SyncError("sync.unknown_field", table=record_kind.table, field=unknown[0])
        for name in record_kind.binary:
            value = new.get(name)
            digest = value.get("sha256") if isinstance(value, dict) else None
            # a county keeps a photo's hash, its content stays at the township
            if name in new and digest not in package.blobs and (
                    book.level != COUNTY or not isinstance(digest, str)):
                raise SyncError("sync.damaged")
        # every other value plain: a type check per value, without a call per value
        if not _PLAIN_TYPES.issuperset(map(type, (v for k, v in new.items()
                                                  if k not in record_kind.binary))):
            raise SyncError("sync.damaged")
    else:
        raise SyncError("sync.damaged")


_PLAIN_TYPES = frozenset({str, int, float, type(None)})  # what a column holds (bool is int)


def _check_value(value: Any) -> None:
    """A value a column can hold: text, a number, or nothing."""
    if type(value) not in _PLAIN_TYPES and not isinstance(value, (str, int, float)):
        raise SyncError("sync.damaged")


def _out_of_scope(book: Book, change: dict[str, Any], sender: Sender, read: Any,
                  pending: dict[str, tuple[str, dict[str, Any]]]) -> str:
    """Why ``sender`` may not make this change here ('' when it may)."""
    table, record_id, op = change["table"], change["record"], change["op"]
    if change.get("field") in DERIVED.get(table, ()):
        return ""  # derived: never applied as sent, recomputed here
    if table in _SHARED_BY_TOWNSHIP:
        return "" if sender.kind == "township" else "sync.settings_stay"
    if table == "village":
        if read("village", record_id, "id") is None:
            return "sync.unknown_record"
        if sender.here is not None and record_id != sender.here and op == "create" \
                and read("village", record_id, "code") == read("village", sender.here, "code"):
            return "sync.village_twice"  # see sync/adopt.py
        if not sender.may_change_village(record_id, read("village", record_id, "code")):
            return "sync.out_of_scope"
        if op == "update" and change.get("field") == "code" and sender.kind != VILLAGE \
                and not str(change.get("new")).startswith(sender.code):
            return "sync.out_of_scope"  # a township or county moves no village out of it
        return ""
    if table in ("users", "helpers"):
        if not _stored(book, table, record_id):  # new here (this package creates it)
            return ""
        if table == "helpers" and sender.kind == "township":
            return ""
        maker = _made_by(book, record_id)
        if maker is None:
            return "sync.unknown_record"
        return "" if maker in sender.sites | sender.relayed else "sync.not_theirs"
    step_column = kind(table).owner_column
    if op == "create":
        owner_ok = _village_allowed(book, table, record_id, sender, read, change["new"])
        return "" if owner_ok else "sync.out_of_scope"
    if read(table, record_id, "id") is None:
        # its record has not arrived (its creation comes from another origin, later):
        # kept, and judged when it arrives (``may_apply_parked``)
        return _PARK
    if not _village_allowed(book, table, record_id, sender, read, None):
        return "sync.out_of_scope"
    if change.get("field") == step_column:  # moved to another owner: both sides checked
        moved = dict(pending.get(record_id, (table, {}))[1])
        moved[str(step_column)] = change.get("new")
        if not _village_allowed(book, table, record_id, sender, read, moved):
            return "sync.out_of_scope"
    return ""


_PARK = "park"


def park(book: Book, change: dict[str, Any], sender: Sender) -> None:
    """Keep who sent a change of a record not here yet (inside the caller's transaction)."""
    book.conn.execute("INSERT OR IGNORE INTO sync_parked (hlc, record_id, sender_kind,"
                      " sender_code, sender_village) VALUES (?,?,?,?,?)",
                      [change["hlc"], change["record"], sender.kind, sender.code,
                       sender.village])


def may_apply_parked(book: Book, table: str, record_id: str, stamp: str) -> bool:
    """Whether a change kept before its record arrived (``stamp``) may be applied now that
    the record is here: its sender judged as when it came; True for a change that was
    not parked (it came through a sender that had the record)."""
    row = book.conn.execute("SELECT sender_kind, sender_code, sender_village FROM"
                            " sync_parked WHERE hlc = ?", [stamp]).fetchone()
    if row is None:
        return True
    here = None if book.holds_villages else (book.home_village_id or "")
    sender = Sender(row[0], row[1], frozenset(), village=row[2], here=here)
    return _village_allowed(book, table, record_id, sender,
                            lambda t, rid, column: read_stored(book, t, rid, column), None)


def read_stored(book: Book, table: str, record_id: str, column: str) -> str | None:
    """One column of one record as this book holds it (None: no such record or column);
    the names come from the registry and the book's schema, never from package text."""
    if column not in columns(book, table):
        return None
    row = book.conn.execute(f"SELECT {column} FROM {kind(table).table} WHERE id = ?",
                            [record_id]).fetchone()
    return None if row is None or row[0] is None else str(row[0])


def _village_allowed(book: Book, table: str, record_id: str, sender: Sender, read: Any,
                     values: dict[str, Any] | None) -> bool:
    """Whether the record (as stored, or with ``values`` for its own columns) belongs to a
    village ``sender`` may change."""
    def lookup(t: str, rid: str, column: str) -> str | None:
        if values is not None and t == table and rid == record_id:
            value = values.get(column)
            return None if value is None else str(value)
        return read(t, rid, column)

    village_id = village_of(table, record_id, lookup)
    if village_id is None:
        return False
    return sender.may_change_village(village_id, read("village", village_id, "code"))


def _stored(book: Book, table: str, record_id: str) -> bool:
    """Whether this book has the record already (before the package)."""
    return book.conn.execute(f"SELECT 1 FROM {kind(table).table} WHERE id = ?",
                             [record_id]).fetchone() is not None


def _made_by(book: Book, record_id: str) -> str | None:
    """The site whose action created a record here (None: no creation is known)."""
    row = book.conn.execute(
        "SELECT a.site_id FROM changes c JOIN actions a ON a.seq = c.action_seq"
        " WHERE c.record_id = ? AND c.op = 'create' ORDER BY c.hlc LIMIT 1",
        [record_id]).fetchone()
    return None if row is None else str(row[0])
