"""What a package carries: the actions its receiver has not acknowledged, per origin site
in gap-free ranges, with the records' photos, this book's receipts and the counts of the
village it is about (账账相符)."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

import orjson

from ..core.today import current_date, now_text
from ..storage.book import Book, snapshot
from ..storage.files import replace_atomically
from ..storage.kinds import HOUSEHOLD, in_village, kind, village_kinds, village_of
from ..storage.levels import COUNTY, TOWNSHIP, VILLAGE
from ..storage.schema_names import SHIPPED_SCHEMA
from ..storage.village import book_identity, own_sites
from .holdings import FULL, held, peer_holds, township_scope
from .keys import Keys, SyncError, load_keys, unb64
from .package import Package, write_package
from .peers import peer, peers
from .verify import read_stored

# Kinds that belong to the whole book: a township's package to a village carries them.
_BOOK_WIDE = ("book_settings", "helpers")


def own_scope(book: Book) -> str:
    """What concerns this book: its village (a village's book), its township's part of the
    county's actions besides all it holds in full (a township's), everything (a county's)."""
    if book.level == TOWNSHIP:
        return township_scope(book_identity(book)["code"])
    return book.home_village_id or FULL


def received(book: Book) -> dict[str, int]:
    """Per origin site, how far this book holds what concerns it without a gap."""
    return held(book, own_scope(book))


def village_of_peer(book: Book, target: dict[str, Any]) -> str | None:
    """The village a package is about: this book's own (a village book), or the village
    the township sends to (by its code)."""
    if target["kind"] == "village":
        row = book.conn.execute("SELECT id FROM village WHERE code = ?",
                                [target["code"]]).fetchone()
        return row[0] if row else None
    return book.home_village_id


def village_counts(book: Book, village_id: str | None) -> dict[str, int]:
    """Rows of each record kind that belong to a village (账账相符 compares these)."""
    if village_id is None:
        return {}
    return {k.table: book.conn.execute(f"SELECT count(*) FROM {k.table} WHERE"
                                       f" {in_village(k.table)}", {"v": village_id}
                                       ).fetchone()[0] for k in village_kinds()}


def village_records(book: Book, village_id: str) -> tuple[set[str], set[str]]:
    """(record ids, household ids) of a village: what its package may carry."""
    conn = book.conn
    households = {r[0] for r in conn.execute("SELECT id FROM households WHERE village_id = ?",
                                             [village_id])}
    records = set(households) | {village_id}
    # the kinds a household does not own (problems, projects and their incomes, photos…),
    # up their owner chain; a household's own travel by its id
    for record_kind in village_kinds():
        if record_kind.owner != HOUSEHOLD and record_kind.table != "households":
            records |= {r[0] for r in conn.execute(
                f"SELECT id FROM {record_kind.table} WHERE {in_village(record_kind.table)}",
                {"v": village_id})}
    return records, households


def scope_of(book: Book, target: dict[str, Any]) -> str:
    """What a package to ``target`` is about: the village a township sends to, this
    village book's own village (to its township), the villages of the township a county
    sends to; a township's to its county: all it holds in full, and its part of the
    county's corrections (so that a county gone back to a backup gets them again)."""
    if target["kind"] == VILLAGE:
        return village_of_peer(book, target) or FULL
    if book.level == COUNTY:
        return township_scope(target["code"])
    return own_scope(book)


def collect(book: Book, target: dict[str, Any], full: bool = False
            ) -> tuple[dict[str, list[int]], list[dict[str, Any]], dict[str, bytes],
                       list[int]]:
    """The ranges, actions and photos a package to ``target`` carries (and each action's
    weight, about the bytes of its JSON, without writing it twice): per origin site
    everything this book holds of the package's scope after what the target's newest
    package said it holds (all with ``full``). To a village, of each action only the
    changes about that village (and the township's shared settings and helpers): the
    ranges are then the village's scope, not full, and the village keeps them so. A
    county sends a township only its own corrections of that township's villages."""
    if book.level == COUNTY:
        return _county_corrections(book, target, full)
    stated = {} if full else peer_holds(book, target["installation"])
    to_village = target["kind"] == "village"
    village_id = village_of_peer(book, target) if to_village else None
    # a package to a village: only its own records (none before this book has heard of
    # the village); None: everything, to the township
    keep: tuple[set[str], set[str]] | None = None
    if to_village:
        keep = village_records(book, village_id) if village_id else (set(), set())
    ranges: dict[str, list[int]] = {}
    actions: list[dict[str, Any]] = []
    blobs: dict[str, bytes] = {}
    weights: list[int] = []
    # changes a laptop of this village sent of records not here yet (their creation comes
    # later): a package to the village declares its ranges only up to before the first of
    # them, so that the village gets them once the record is here (a village's computer
    # changes only its own village's records: no other village waits for them); the
    # county's corrections of records not here yet hold back its range to every village
    parked = {r[0] for r in book.conn.execute(
        "SELECT hlc FROM sync_parked WHERE (sender_kind = 'village' AND sender_code = ?)"
        " OR sender_kind = 'county'", [target["code"]])} if to_village else set()
    for site, upto in sorted(held(book, scope_of(book, target)).items()):
        start = stated.get(site, 0) + 1
        if start > upto:
            continue
        ranges[site] = [start, upto]
        cursor = book.conn.execute(
            "SELECT a.seq, a.id, a.origin_seq, a.action, a.operator, a.at FROM actions a"
            " WHERE a.site_id = ? AND a.origin_seq BETWEEN ? AND ? ORDER BY a.origin_seq",
            [site, start, upto])
        for seq, action_id, origin_seq, what, operator, at in cursor.fetchall():
            changes, weight = _changes(book, seq)
            if parked and any(c["hlc"] in parked for c in changes):
                if origin_seq > start:
                    ranges[site] = [start, origin_seq - 1]
                else:
                    del ranges[site]
                break
            if keep is not None:
                changes = [c for c in changes if c["table"] in _BOOK_WIDE
                           or c["record"] in keep[0] or c["household"] in keep[1]]
                if not changes:
                    continue
            if target["kind"] != COUNTY:  # photos stay at the township: their hashes go
                _attach_photos(book, changes, blobs)
            actions.append({"id": action_id, "site": site, "seq": origin_seq,
                            "action": what, "operator": operator, "at": at,
                            "changes": changes})
            weights.append(weight)
    return ranges, actions, blobs, weights


def _county_corrections(book: Book, target: dict[str, Any], full: bool
                        ) -> tuple[dict[str, list[int]], list[dict[str, Any]],
                                   dict[str, bytes], list[int]]:
    """A county's package to a township: of the county's own actions the township has not
    said it holds, the changes of records of that township's villages (the county's users
    stay in its book). The ranges are the township's scope, never full: the numbers of
    actions about other townships are declared without being carried."""
    stated = {} if full else peer_holds(book, target["installation"])
    ranges: dict[str, list[int]] = {}
    actions: list[dict[str, Any]] = []
    blobs: dict[str, bytes] = {}
    weights: list[int] = []
    own = own_sites(book)
    for site, upto in sorted(held(book, scope_of(book, target)).items()):
        start = stated.get(site, 0) + 1
        if site not in own or start > upto:
            continue
        ranges[site] = [start, upto]
        for seq, action_id, origin_seq, what, operator, at in book.conn.execute(
                "SELECT seq, id, origin_seq, action, operator, at FROM actions WHERE"
                " site_id = ? AND origin_seq BETWEEN ? AND ? ORDER BY origin_seq",
                [site, start, upto]).fetchall():
            changes, weight = _changes(book, seq)
            changes = [c for c in changes if in_township(book, c, target["code"])]
            _attach_photos(book, changes, blobs)
            if changes:
                actions.append({"id": action_id, "site": site, "seq": origin_seq,
                                "action": what, "operator": operator, "at": at,
                                "changes": changes})
                weights.append(weight)
    return ranges, actions, blobs, weights


def _attach_photos(book: Book, changes: list[dict[str, Any]], blobs: dict[str, bytes]) -> None:
    """Add to ``blobs`` the content of the binary columns (photos) the changes' new
    records name by its hash."""
    for change in changes:
        if change["op"] != "create":
            continue
        for column in kind(change["table"]).binary:
            digest = (change["new"].get(column) or {}).get("sha256")
            if digest:
                blobs[digest] = book.conn.execute(
                    f"SELECT {column} FROM {change['table']} WHERE id = ?",
                    [change["record"]]).fetchone()[0]


def in_township(book: Book, change: dict[str, Any], code: str) -> bool:
    """Whether a change is of a record of a village of the township ``code`` (read up the
    record's owner chain in this book)."""
    if change["table"] not in _VILLAGE_TABLES:
        return False
    village_id = village_of(change["table"], change["record"],
                            lambda t, rid, column: read_stored(book, t, rid, column))
    if village_id is None:
        return False
    row = book.conn.execute("SELECT code FROM village WHERE id = ?", [village_id]).fetchone()
    return row is not None and str(row[0] or "").startswith(code)


_VILLAGE_TABLES = frozenset({"village", *(k.table for k in village_kinds())})


# the JSON of a change beyond its values (keys, stamps, ids): for weighing a part
_CHANGE_OVERHEAD = 256


def _changes(book: Book, action_seq: int) -> tuple[list[dict[str, Any]], int]:
    """An action's changes as shipped, and about how many bytes their JSON takes."""
    cursor = book.conn.execute(
        "SELECT hlc, table_name, record_id, household_id, op, field, old_value, new_value,"
        " base, closes, saw FROM changes WHERE action_seq = ? ORDER BY seq", [action_seq])
    out = []
    weight = 0
    for hlc, table, record, household, op, field, old, new, base, closes, saw in cursor:
        weight += _CHANGE_OVERHEAD + len(old or "") + len(new or "") + len(closes or "") \
            + len(saw or "")
        change = {"hlc": hlc, "table": table, "record": record, "household": household,
                  "op": op, "field": field, "old": None if old is None else orjson.loads(old),
                  "new": None if new is None else orjson.loads(new), "base": base}
        if closes:  # a decision: the conflicts it closes (absent from other changes)
            change["closes"] = json.loads(closes)
        if saw:  # and the values of the field its maker saw
            change["saw"] = json.loads(saw)
        out.append(change)
    return out, weight


# What one package carries at most (its actions' JSON and its photos): a whole history
# larger than this (a village's photos over years) is split across several files, each
# well under what a receiver reads (package.MAX_FILE)
PACKAGE_BUDGET = 192 * 1024 * 1024


def build(book: Book, target: dict[str, Any], full: bool = False,
          keys: Keys | None = None) -> Package:
    """The package for a paired ``target``, read from one snapshot of the book (whole,
    however large: ``build_parts`` splits it)."""
    return build_parts(book, target, full, keys, budget=None)[0]


def build_parts(book: Book, target: dict[str, Any], full: bool, keys: Keys | None,
                budget: int | None) -> list[Package]:
    """The packages for a paired ``target``, read from one snapshot of the book: one,
    unless what it carries exceeds ``budget`` bytes; then consecutive parts, each with
    the ranges it carries (a receiver applies them in any order: a part after a gap
    waits for the one before)."""
    keys = keys or load_keys()
    with snapshot(book.conn):
        ranges, actions, blobs, weights = collect(book, target, full)
        parts = _split(ranges, actions, blobs, weights, budget,
                       full_ranges=target["kind"] != "village")
        # the village's counts (账账相符) only with the last part: before it, the
        # receiver cannot hold them all yet
        return [_package(book, target, keys, *part, counted=index == len(parts) - 1)
                for index, part in enumerate(parts)]


def _split(ranges: dict[str, list[int]], actions: list[dict[str, Any]],
           blobs: dict[str, bytes], weights: list[int], budget: int | None,
           full_ranges: bool
           ) -> list[tuple[dict[str, list[int]], list[dict[str, Any]], dict[str, bytes]]]:
    """The actions in consecutive parts of at most ``budget`` bytes each (one action is
    never split). Each part declares, per origin, the numbers from the end of the part
    before to its last action there; the last part of an origin declares up to the end
    of its range (to a village, numbers whose actions were about other villages are
    declared without being carried)."""
    if budget is None:
        return [(ranges, actions, blobs)]
    chunks: list[list[dict[str, Any]]] = [[]]
    size = 0
    for action, weight in zip(actions, weights, strict=True):
        weight += sum(len(blobs.get(d, b"")) for d in _digests(action))
        if chunks[-1] and size + weight > budget:
            chunks.append([])
            size = 0
        chunks[-1].append(action)
        size += weight
    if len(chunks) == 1:
        return [(ranges, actions, blobs)]
    last_part = {site: max((i for i, chunk in enumerate(chunks)
                            if any(a["site"] == site for a in chunk)), default=len(chunks) - 1)
                 for site in ranges}
    if not full_ranges:  # a scoped range carrying nothing: declared by the last part
        last_part = {site: (i if any(a["site"] == site for a in actions) else len(chunks) - 1)
                     for site, i in last_part.items()}
    start = {site: span[0] for site, span in ranges.items()}
    out = []
    for index, chunk in enumerate(chunks):
        part_ranges: dict[str, list[int]] = {}
        for site, span in ranges.items():
            carried = [a["seq"] for a in chunk if a["site"] == site]
            if index == last_part[site]:
                part_ranges[site] = [start[site], span[1]]
            elif carried:
                part_ranges[site] = [start[site], max(carried)]
                start[site] = max(carried) + 1
        digests = {d for action in chunk for d in _digests(action)}
        out.append((part_ranges, chunk, {d: blobs[d] for d in digests if d in blobs}))
    return out


def _digests(action: dict[str, Any]) -> set[str]:
    """The hashes of the binary content (photos) an action's new records name."""
    return {str(digest) for change in action["changes"] if change["op"] == "create"
            for column in kind(change["table"]).binary
            for digest in [(change["new"].get(column) or {}).get("sha256")] if digest}


def _package(book: Book, target: dict[str, Any], keys: Keys, ranges: dict[str, list[int]],
             actions: list[dict[str, Any]], blobs: dict[str, bytes], counted: bool
             ) -> Package:
    """One package to ``target`` carrying ``actions`` under ``ranges`` (inside the
    caller's snapshot), with the village's counts when ``counted``."""
    me = book_identity(book)
    village_id = village_of_peer(book, target)
    village = book.conn.execute("SELECT id, code, name FROM village WHERE id = ?",
                                [village_id]).fetchone() if village_id else None
    manifest = {
        "format": 1, "schema": SHIPPED_SCHEMA, "created_at": now_text(),
        "sender": {"installation": keys.installation, "site": book.site_id, **me,
                   "previous_sites": json.loads(book.meta("previous_sites") or "[]")},
        "receiver": target["installation"],
        "village": ({"id": village[0], "code": village[1], "name": village[2]}
                    if village else None),
        "ranges": ranges, "acks": held(book, scope_of(book, target)),
        # to a village: what this book holds in full, which is what counts for the
        # village's own sites (held of them only in its scope, passed on by another
        # laptop of the village, is not all of them: a user it added is not passed on)
        **({"acks_full": held(book, FULL)} if target["kind"] == "village" else {}),
        "counts": village_counts(book, village_id) if counted else {},
        "record_counts": _action_counts(actions),
    }
    header = {"sender": keys.installation, "receiver": target["installation"],
              "ranges": ranges, "created_at": manifest["created_at"]}
    return Package(header, manifest, actions, blobs)


def _action_counts(actions: list[dict[str, Any]]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for action in actions:
        for change in action["changes"]:
            counts[change["table"]] = counts.get(change["table"], 0) + 1
    return counts


def file_name(book: Book, target: dict[str, Any], when: dt.date | None = None) -> str:
    """村名-至对方-日期-序号-对方电脑.vbsync, so that a person can tell packages apart, and
    the packages for two computers of one village (two laptops, or a replaced one) never
    take each other's name on the stick: the last characters of the receiving
    installation's id (random, where its first ones are a time) end the name."""
    me = book_identity(book)
    day = (when or current_date()).strftime("%Y%m%d")
    count = book.conn.execute("SELECT count(*) FROM sync_packages WHERE direction = 'out'"
                              " AND peer = ?", [target["installation"]]).fetchone()[0]
    name = re.sub(r'[\\/:*?"<>|\s]+', "_", me["name"] or "book")
    to = re.sub(r'[\\/:*?"<>|\s]+', "_", target["name"] or target["code"])
    computer = re.sub(r"[^0-9A-Za-z]", "", target["installation"])[-6:]
    return f"{name}-至{to}-{day}-{count + 1:03d}-{computer}.vbsync"


def export_packages(book: Book, folder: str | Path, to_code: str | None = None,
                    full: bool = False, keys: Keys | None = None) -> list[Path]:
    """Write one package per paired peer (or the one with ``to_code``) into ``folder``;
    returns the files written."""
    targets = [p for p in peers(book) if to_code is None or p["code"] == to_code]
    if not targets:
        if to_code is None:
            raise SyncError("sync.no_peers")
        raise SyncError("sync.no_peer", peer=to_code)
    keys = keys or load_keys()
    written = []
    for target in targets:
        for package in build_parts(book, peer(book, target["installation"]), full, keys,
                                   PACKAGE_BUDGET):
            data = write_package(package, keys, unb64(target["enc_key"]))
            path = Path(folder) / file_name(book, target)
            with replace_atomically(path) as tmp:
                tmp.write_bytes(data)
            book.conn.execute(
                "INSERT INTO sync_packages (id, peer, direction, file_name, at, ranges,"
                " actions, state) VALUES (?,?,?,?,?,?,?,?)",
                [package.manifest["created_at"] + "/" + target["installation"] + "/"
                 + path.name, target["installation"], "out", path.name,
                 package.manifest["created_at"], json.dumps(package.manifest["ranges"]),
                 len(package.actions), "sent"])
            book.conn.commit()
            written.append(path)
    return written
