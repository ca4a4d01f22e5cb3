"""What sync leaves for a person: conflicts to decide, same-person findings to mark, and
the state of the exchange with each peer."""

from __future__ import annotations

import json
from typing import Any, TypedDict

from ..core import field_specs
from ..core.errors import Issue, ValidationFailed
from ..core.today import current_date, now_text
from ..core.validation import clean_fields
from ..storage.book import Book
from ..storage.kinds import kind
from ..storage.levels import COUNTY
from ..storage.records import rows
from ..storage.village import own_sites
from .export import collect, received
from .holdings import peer_holds
from .keys import SyncError
from .peers import peers
from .verify import columns, own_name


def open_conflicts(book: Book) -> list[dict[str, Any]]:
    """Conflicts waiting for a person, with both values (as they would be shown), who made
    each and the household's 户编号."""
    out = []
    for row in rows(book, "SELECT c.*, h.number AS household_number, v.code AS village_code"
                           " FROM sync_conflicts c LEFT JOIN households h"
                           " ON h.id = c.household_id LEFT JOIN village v ON v.id = h.village_id"
                           " WHERE c.resolved_stamp IS NULL ORDER BY c.found_at", []):
        row["local_value"] = json.loads(row["local_value"]) if row["local_value"] else None
        row["remote_value"] = json.loads(row["remote_value"]) if row["remote_value"] else None
        row["unique_key"] = "+" in row["field"]  # two records on one key, not one field
        if row["unique_key"] and not _both_current(book, row):
            continue  # one of the two was removed: nothing left to settle while it is
        out.append(row)
    return out


def open_conflict_count(book: Book) -> int:
    """How many conflicts wait for a person (as ``open_conflicts`` lists them)."""
    return len(open_conflicts(book))


def _both_current(book: Book, conflict: dict[str, Any]) -> bool:
    """Whether both records of a clash on a key are current (not removed)."""
    record_kind = kind(conflict["table_name"])
    if not record_kind.removable:
        return True
    ids = [conflict["record_id"], conflict["local_value"]]
    return book.conn.execute(f"SELECT count(*) FROM {record_kind.table} WHERE id IN (?, ?)"
                             " AND status = 'active'", ids).fetchone()[0] == 2


def resolve_conflict(book: Book, conflict_id: str, *, take: str | None = None,
                     value: str | None = None) -> None:
    """Decide a conflict: keep this side's value (``take='local'``), the other's
    (``'remote'``), or a third (``value``, typed as in the window). The decision is a
    logged change that names the conflicts it closes (every open one of the field: the
    value chosen settles it): it syncs, and closes them wherever it arrives (only a
    decision closes a conflict; an ordinary edit of the field does not). Two records on one key are settled by editing them (renumbering, removing
    one); deciding such a conflict says both stay as they are, and travels the same way."""
    found = rows(book, "SELECT * FROM sync_conflicts WHERE id = ?", [conflict_id])
    if not found:
        raise SyncError("sync.no_conflict", id=conflict_id)
    conflict = found[0]
    if conflict["resolved_stamp"]:
        raise SyncError("sync.conflict_decided", id=conflict_id)
    if "+" in conflict["field"]:  # both stay: said by restating the record's own key
        column = conflict["field"].split("+")[-1]
        current = book.conn.execute(
            f"SELECT {own_name(columns(book, conflict['table_name']), column)} FROM"
            f" {kind(conflict['table_name']).table} WHERE id = ?",
            [conflict["record_id"]]).fetchone()
        with book.action("sync.resolve") as writer:
            writer.update(conflict["table_name"], conflict["record_id"],
                          {column: current[0] if current else None},
                          conflict["household_id"], force=True, closes=[conflict["ident"]])
        return
    if take in ("local", "remote"):
        chosen = json.loads(conflict[f"{take}_value"] or "null")
    elif value is not None:
        chosen = _typed(conflict["table_name"], conflict["field"], value)
    else:
        raise SyncError("sync.choose_value")
    # the value chosen settles the field: every open conflict of it closes (three
    # laptops' concurrent edits are three conflicts, one decision)
    idents = [row[0] for row in book.conn.execute(
        "SELECT ident FROM sync_conflicts WHERE table_name = ? AND record_id = ? AND field = ?"
        " AND resolved_stamp IS NULL ORDER BY ident",
        [conflict["table_name"], conflict["record_id"], conflict["field"]])]
    with book.action("sync.resolve") as writer:
        writer.update(conflict["table_name"], conflict["record_id"],
                      {conflict["field"]: chosen}, conflict["household_id"], force=True,
                      closes=idents)


def _typed(table: str, field_name: str, text: str) -> Any:
    """A value typed for a field, converted and checked by the field's own rules."""
    record = kind(table).record
    if not record or field_name not in {s.name for s in field_specs.fields(record)}:
        return text
    cleaned, issues = clean_fields(record, {field_name: text}, current_date())
    issues = [i for i in issues if i.field == field_name]  # the others were not given
    if issues:
        raise ValidationFailed(issues)
    return cleaned.get(field_name)


def same_person_findings(book: Book, undecided_only: bool = True,
                         limit: int | None = None) -> list[dict[str, Any]]:
    """Findings of one person registered twice, both members side by side."""
    sql = ("SELECT s.*, "
           + ", ".join(f"{side}.name AS {side}_name, {side}.id_number AS {side}_id_number,"
                       f" h{side}.number AS {side}_household_number,"
                       f" h{side}.head_name AS {side}_head_name,"
                       f" v{side}.code AS {side}_village_code,"
                       f" v{side}.name AS {side}_village_name"
                       for side in ("a", "b"))
           + " FROM sync_same_person s"
           " JOIN members a ON a.id = s.member_a JOIN households ha ON ha.id = a.household_id"
           " LEFT JOIN village va ON va.id = ha.village_id"
           " JOIN members b ON b.id = s.member_b JOIN households hb ON hb.id = b.household_id"
           " LEFT JOIN village vb ON vb.id = hb.village_id")
    if undecided_only:
        sql += " WHERE s.decision IS NULL"
    sql += " ORDER BY s.found_at"
    return rows(book, sql + (f" LIMIT {int(limit)}" if limit else ""), [])


def mark_same_person(book: Book, finding_id: str, decision: str) -> None:
    """A person's word on a finding: the ``same`` person (the one to keep active is then
    chosen through the ordinary leave events, which can be undone) or ``different``."""
    if decision not in ("same", "different"):
        raise ValidationFailed([Issue("code.unknown", "decision", {"value": decision})])
    if book.read_only:
        from ..core.errors import BookError

        raise BookError("book.read_only", path=str(book.path))
    cursor = book.conn.execute(
        "UPDATE sync_same_person SET decision = ?, decided_by = ?, decided_at = ? WHERE id = ?",
        [decision, book.operator, now_text(), finding_id])
    if not cursor.rowcount:
        raise SyncError("sync.no_finding", id=finding_id)
    book.conn.commit()


class PeerStatus(TypedDict):
    """The exchange with one peer (a township, or a village for a township)."""

    installation: str
    kind: str  # "village" or "township"
    name: str
    code: str
    acknowledged: dict[str, int]  # site id → the last of its actions the peer confirmed
    waiting_actions: int  # this book's own actions the peer has not confirmed
    waiting_since: str | None  # when the oldest of them was made
    last_received: dict[str, Any] | None  # the newest package in (file_name, at, …)
    last_sent: dict[str, Any] | None  # the newest package out
    held: list[dict[str, Any]]  # packages kept after a gap, with what they wait for


class RetiredPeer(TypedDict):
    """A computer this book was paired with, retired (replaced, lost or stolen)."""

    installation: str
    kind: str
    name: str
    code: str
    retired_at: str
    retired_by: str


class SyncStatus(TypedDict):
    """This book's sync state: its site, what it has received, each peer, decisions due."""

    site: str
    received: dict[str, int]
    # how many hours this book's own newest stamp lies ahead of this laptop's clock (its
    # clock ran ahead once): its packages are held until a person accepts them
    clock_ahead_hours: int
    peers: list[PeerStatus]
    retired: list[RetiredPeer]  # pairings retired: no package to or from them
    open_conflicts: int
    same_person_undecided: int


def own_clock_ahead(book: Book) -> int:
    """Milliseconds by which this book's own newest stamp lies ahead of this laptop's
    clock (0 when not): a clock that was set ahead once leaves its stamps ahead."""
    own = sorted(own_sites(book))
    newest = book.conn.execute(
        "SELECT max(c.hlc) FROM changes c JOIN actions a ON a.seq = c.action_seq"
        f" WHERE a.site_id IN ({', '.join('?' * len(own))})", own).fetchone()[0]
    return book.clock.ahead(newest) if newest else 0


def status(book: Book) -> SyncStatus:
    """The exchange with each peer: what was sent and acknowledged, what of this book's own
    changes waits to be sent (and since when), held packages and what they wait for,
    decisions waiting."""
    have = received(book)
    out_peers = []
    for p in peers(book):
        acks = peer_holds(book, p["installation"])
        # this book's own changes the peer has not acknowledged (an index range per site);
        # a county's: its corrections of that township's villages
        count, since = 0, None
        if book.level == COUNTY:
            corrections = collect(book, p)[1]
            count = len(corrections)
            since = min((a["at"] for a in corrections), default=None)
        else:
            for site in own_sites(book):
                n, first = book.conn.execute(
                    "SELECT count(*), min(at) FROM actions WHERE site_id = ? AND"
                    " origin_seq > ?", [site, acks.get(site, 0)]).fetchone()
                count += n
                since = min(filter(None, (since, first)), default=None)
        waiting = (count, since)
        last = {direction: rows(book, "SELECT file_name, at, actions, state, detail FROM"
                                       " sync_packages WHERE peer = ? AND direction = ?"
                                       " ORDER BY at DESC LIMIT 1",
                                 [p["installation"], direction])
                for direction in ("in", "out")}
        held = rows(book, "SELECT id, file_name, at, detail FROM sync_packages WHERE peer = ?"
                           " AND state = 'held' ORDER BY at", [p["installation"]])
        out_peers.append(PeerStatus(
            installation=p["installation"], kind=p["kind"], name=p["name"], code=p["code"],
            acknowledged=acks, waiting_actions=waiting[0], waiting_since=waiting[1],
            last_received=next(iter(last["in"]), None),
            last_sent=next(iter(last["out"]), None),
            held=[{**h, "missing": json.loads(h["detail"]) if h["detail"] and
                   h["detail"].startswith("{") else h["detail"]} for h in held]))
    retired = [RetiredPeer(installation=p["installation"], kind=p["kind"], name=p["name"],
                           code=p["code"], retired_at=p["retired_at"],
                           retired_by=p["retired_by"] or "")
               for p in peers(book, retired=True)]
    return SyncStatus(
        site=book.site_id, received=have, clock_ahead_hours=own_clock_ahead(book) // 3_600_000,
        peers=out_peers, retired=retired,
        open_conflicts=open_conflict_count(book),
        same_person_undecided=book.conn.execute(
            "SELECT count(*) FROM sync_same_person WHERE decision IS NULL").fetchone()[0])
