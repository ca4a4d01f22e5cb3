"""Applying packages: verified first, then ordered, merged and reported.

- Nothing is written before the package is verified (``package.open_package``).
- Per origin site, actions apply in their order: a package after a gap is held (kept in
  the book) with the missing numbers named, and applies by itself once the gap is filled;
  what was applied before is skipped (a package applied twice changes nothing).
- A whole package applies in one transaction, or not at all.
- Two changes of a field that did not see each other are a conflict, named by the history
  alone (``concurrent_changes``): both values are kept for a person; meanwhile every
  replica shows the later stamp's value. A person's decision is an ordinary change that
  saw every value of the field and closes its conflicts wherever it arrives. Two records clashing on a key a person enters once (the same 户编号 in a
  village, two incomes for one year) are both kept and shown as a conflict.
- A member whose ID number (or, weaker, name and birth date) is active elsewhere in the
  book is a "same person" finding; nothing merges by itself.
- After applying, the village's counts are compared with the sender's (账账相符).
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..core.clock import ClockAhead, decode
from ..core.errors import VillagebookError
from ..core.idnumber import parse as parse_id
from ..core.ids import new_id
from ..core.today import now_text
from ..storage.book import Book
from ..storage.book_settings import local_setting, set_local_setting
from ..storage.changelog import (
    DERIVED,
    FieldHistory,
    base_stamp,
    close_conflicts,
    conflict_ident,
    decided,
    field_history,
    seen_by,
    to_json,
)
from ..storage.derived import refresh
from ..storage.kinds import kind
from ..storage.levels import COUNTY, VILLAGE
from ..storage.schema_names import SCHEMA_VERSION
from ..storage.village import own_sites
from .adopt import adopt_village, village_to_adopt
from .export import own_scope, village_counts, village_records
from .holdings import FULL, held, hold, peer_holds, replace_peer_holds, township_scope
from .keys import Keys, SyncError, load_keys, unb64
from .package import MAX_FILE, Package, open_package, read_header, sender_of
from .peers import peer
from .verify import Sender, Verdict, check_shape, columns, may_apply_parked, own_name, park, verify


@dataclass
class Outcome:
    """What became of one package."""

    name: str
    # applied, already, held, refused; not_for_us: made by this computer or addressed to
    # another (a stick holds both directions), left alone and never counted as refused
    state: str
    detail: str = ""
    values: dict[str, Any] = field(default_factory=dict)
    actions: int = 0
    conflicts: list[dict[str, Any]] = field(default_factory=list)
    same_person: list[dict[str, Any]] = field(default_factory=list)
    count_errors: list[dict[str, Any]] = field(default_factory=list)
    sender: str = ""
    sender_name: str = ""  # the sending book's village or township, as it calls itself
    ranges: dict[str, list[int]] = field(default_factory=dict)  # per origin, the numbers
    held_id: str = ""  # the row that keeps it while held
    # changes its sender may not make here (table, record, field, reason): not applied
    skipped: list[dict[str, Any]] = field(default_factory=list)
    # a new book of a village took the township's record of it (the village's name)
    adopted: str = ""


def package_files(paths: Sequence[str | Path]) -> list[Path]:
    """The files ``paths`` name; a folder stands for the packages in it (``.vbsync`` in
    any case: some USB sticks show names in capitals)."""
    files: list[Path] = []
    for path in map(Path, paths):
        if path.is_dir():
            files += sorted(p for p in path.iterdir()
                            if p.suffix.lower() == ".vbsync" and p.is_file())
        else:
            files.append(path)
    return files


def import_files(book: Book, paths: Sequence[str | Path], dry_run: bool = False,
                 cancelled: Callable[[], bool] | None = None,
                 keys: Keys | None = None) -> list[Outcome]:
    """Apply each package file (each all or nothing), then any held package whose gap is
    now filled. A folder stands for the packages in it. ``cancelled()`` stops between
    packages (each one applied stays applied). ``keys``: this installation's (read from
    its data folder unless given). One outcome per file, as it stands at the end: a file
    held and then applied within this call says applied; held packages of earlier calls
    that apply now are reported after the files."""
    keys = keys or load_keys()
    outcomes: list[Outcome] = []
    for path in package_files(paths):
        if cancelled is not None and cancelled():
            break
        outcomes.append(import_file(book, path, dry_run, keys))
    if not dry_run:
        for later in retry_held(book, keys):
            earlier = next((i for i, o in enumerate(outcomes)
                            if later.held_id and o.held_id == later.held_id), None)
            if earlier is None:
                outcomes.append(later)
            else:
                outcomes[earlier] = later
    return outcomes


def import_file(book: Book, path: Path, dry_run: bool = False,
                keys: Keys | None = None) -> Outcome:
    """One file: its size is checked before it is read (a file larger than any package
    is never read into memory)."""
    try:
        if path.stat().st_size > MAX_FILE:
            return Outcome(path.name, "refused", "sync.too_large")
        data = path.read_bytes()
    except OSError:
        return Outcome(path.name, "refused", "sync.cannot_read")
    return import_bytes(book, data, path.name, dry_run, keys)


def not_for_us(data: bytes, keys: Keys) -> str:
    """Why a package is none of this computer's business ('' when it is): made by this
    computer, or addressed to another. Read from the header alone: a forged header can
    only make its own file be left alone."""
    try:
        header, *_ = read_header(data)
    except SyncError:
        return ""
    if header.get("sender") == keys.installation:
        return "sync.own_package"
    if header.get("receiver") not in (None, keys.installation):
        return "sync.not_addressed"
    return ""


def import_bytes(book: Book, data: bytes, name: str, dry_run: bool = False,
                 keys: Keys | None = None, held_id: str = "",
                 clock_accepted: bool = False) -> Outcome:
    """Verify and apply one package; a refusal names its reason and writes nothing.
    ``held_id``: the row keeping this package while held (a retry); ``clock_accepted``:
    a person accepted its stamps from a clock that ran ahead (``accept_held``). Nothing
    escapes as a
    traceback: a package whose content cannot be applied is refused as damaged, and a
    full disk or a damaged book is said as such, with the package not applied."""
    keys = keys or load_keys()
    try:
        return _import(book, data, name, dry_run, keys, held_id, clock_accepted)
    except SyncError as error:
        return Outcome(name, "refused", error.code, dict(error.values), held_id=held_id)
    except VillagebookError as error:  # the book's own trouble (a full disk…): not applied
        return Outcome(name, "refused", error.code, dict(error.values), held_id=held_id)
    except (KeyError, TypeError, ValueError, AttributeError):  # content no check foresaw
        return Outcome(name, "refused", "sync.damaged", held_id=held_id)


def _import(book: Book, data: bytes, name: str, dry_run: bool, keys: Keys,
            held_id: str, clock_accepted: bool = False) -> Outcome:
    elsewhere = not_for_us(data, keys)
    if elsewhere:
        return Outcome(name, "not_for_us", elsewhere)
    installation, _ = sender_of(data)
    received = book.conn.execute("SELECT at FROM sync_packages WHERE id = ?",
                                 [held_id]).fetchone() if held_id else None
    # a package held before its sender's pairing was retired was sent before: it stays
    paired = peer(book, installation, received[0] if received else None)
    package = open_package(data, keys, unb64(paired["sign_key"]))
    _check_manifest(book, package, installation, keys)
    for action in package.actions:  # the registry and the schema, before anything else
        for change in action["changes"]:
            check_shape(book, change, package)
    adopting = village_to_adopt(book, package, paired["kind"])
    if adopting and not dry_run:
        # a book of its own, consistent whatever becomes of the package (held, killed)
        adopt_village(book, *adopting)
    sender = sender_of_package(book, paired, package, home=adopting[0] if adopting else None)
    about = {"sender": installation, "ranges": package.manifest["ranges"],
             "sender_name": str((package.manifest.get("sender") or {}).get("name") or "")}
    scopes = range_scopes(book, package, sender)
    have = _have(book, scopes)  # per origin, how far this book holds the package's scope
    missing = _gaps(package, have)
    if missing:
        if not dry_run:
            held_id = _hold(book, installation, name, package, data,
                            json.dumps(missing, ensure_ascii=False), held_id)
        return Outcome(name, "held", "sync.gap", {"missing": missing}, held_id=held_id,
                       **about)
    if clock_accepted and not dry_run:
        _accept_ahead(book, package)
    ahead = _too_far_ahead(book, package)
    if ahead:
        if not dry_run:
            held_id = _hold(book, installation, name, package, data, "clock_ahead", held_id)
        return Outcome(name, "held", "sync.clock_ahead", {"hours": ahead // 3_600_000},
                       held_id=held_id, **about)
    outcome = Outcome(name, "applied", held_id=held_id, **about)
    if adopting:
        outcome.adopted = str((package.manifest.get("village") or {}).get("name") or "")
    if dry_run:  # verified; what is new in it, nothing written
        verdict = verify(book, package, sender)
        outcome.skipped = list(verdict.skipped.values())
        outcome.actions = sum(not _known_action(book, a) for a in package.actions)
        news = outcome.actions or any(end > have.get(site, 0) for site, (_s, end)
                                      in package.manifest["ranges"].items())
        outcome.state = "applied" if news else "already"
        return outcome
    with book.writing():  # the package, its receipts and its record here: one transaction
        verdict = verify(book, package, sender)
        outcome.skipped = list(verdict.skipped.values())
        applied = _apply(book, package, installation, outcome, have, scopes, verdict)
        outcome.count_errors = compare_counts(book, package, have)
        if applied or held_id:
            _record(book, installation, name, package, "applied" if applied else "already",
                    json.dumps(outcome.count_errors, ensure_ascii=False)
                    if outcome.count_errors else "", held_id)
    if not applied:
        outcome.state = "already"
    return outcome


def sender_of_package(book: Book, paired: dict[str, Any], package: Package,
                      home: str | None = None) -> Sender:
    """The sending computer as the pairing knows it (kind, code) with the sites its book
    numbered actions under, as its package states them, and the village this book keeps
    (a village book's; ``home``: the id it is about to take, see ``adopt``)."""
    stated = package.manifest.get("sender") or {}
    sites = {stated.get("site")} | {p.get("site") for p in stated.get("previous_sites") or []
                                    if isinstance(p, dict)}
    sender = Sender(paired["kind"], paired["code"],
                    frozenset(s for s in sites if isinstance(s, str)))
    if not book.holds_villages:
        return dataclasses.replace(sender, here=home or book.home_village_id or "")
    if sender.kind == "village":
        return dataclasses.replace(sender, village=_village_of_sender(book, package, sender))
    if book.level == COUNTY:
        return dataclasses.replace(sender, relayed=_relayed_sites(
            book, paired["installation"], package))
    return sender


def _relayed_sites(book: Book, installation: str, package: Package) -> frozenset[str]:
    """The origins a township carries up to this county: those of this package and of
    every package taken from it before (its villages' laptops and its own)."""
    sites = set(package.manifest["ranges"])
    for (ranges,) in book.conn.execute(
            "SELECT DISTINCT ranges FROM sync_packages WHERE peer = ? AND direction = 'in'"
            " AND state IN ('applied', 'already')", [installation]):
        sites.update(json.loads(ranges or "{}"))
    return frozenset(sites)


def range_scopes(book: Book, package: Package, sender: Sender) -> dict[str, str]:
    """Per origin of a package, the scope its range has here. In a village book all that
    comes is about its village (its own sites, given back after a restore, in full). In a
    township book a village's own sites come in full, other origins scoped to that
    village. A county holds what its townships send in full (a township's package up
    carries everything it holds in full), but its own corrections given back after a
    restore in that township's scope; a township holds its county's corrections in the
    township's scope (a county sends each township only its part)."""
    ranges = package.manifest["ranges"]
    own = own_sites(book)
    if not book.holds_villages:
        home = sender.here or book.home_village_id or FULL
        return {site: FULL if site in own else home for site in ranges}
    if sender.kind == COUNTY:
        return {site: own_scope(book) for site in ranges}
    if sender.kind != VILLAGE:  # a township to its county: the county's own, its part
        return {site: township_scope(sender.code) if site in own else FULL
                for site in ranges}
    village = _village_of_sender(book, package, sender)
    return {site: FULL if site in sender.sites else village for site in ranges}


def _village_of_sender(book: Book, package: Package, sender: Sender) -> str:
    """The id of a sending village here (its package's village, whose code is the
    pairing's, when this book has not heard of it yet)."""
    row = book.conn.execute("SELECT id FROM village WHERE code = ?", [sender.code]).fetchone()
    stated = package.manifest.get("village") or {}
    if row is not None:
        other = stated.get("id")
        if isinstance(other, str) and other != row[0] and not book.conn.execute(
                "SELECT 1 FROM village WHERE id = ?", [other]).fetchone():
            # a new book of a village known here: it takes this book's record of its
            # village from the next package it imports (sync/adopt.py); nothing of it is
            # held here until then
            raise SyncError("sync.village_book_new", village=str(stated.get("name") or ""))
        return str(row[0])
    if stated.get("code") != sender.code or not isinstance(stated.get("id"), str):
        raise SyncError("sync.damaged")
    return str(stated["id"])


def _have(book: Book, scopes: dict[str, str]) -> dict[str, int]:
    """Per origin, how far this book holds it in the scope the package gives it."""
    by_scope: dict[str, dict[str, int]] = {}
    return {site: by_scope.setdefault(scope, held(book, scope)).get(site, 0)
            for site, scope in scopes.items()}


def _known_action(book: Book, action: dict[str, Any]) -> bool:
    return book.conn.execute("SELECT 1 FROM actions WHERE site_id = ? AND origin_seq = ?",
                             [action["site"], action["seq"]]).fetchone() is not None


def retry_held(book: Book, keys: Keys | None = None) -> list[Outcome]:
    """Apply held packages whose gap is now filled (repeatedly: one may fill another's).
    A held package's bytes stay in its row until the transaction that applies it marks
    it applied: a kill or a failure at any moment leaves it held."""
    outcomes: list[Outcome] = []
    failed: set[str] = set()  # tried once in this call and not applied: once is enough
    progress = True
    while progress:
        progress = False
        for package_id, name, data in book.conn.execute(
                "SELECT id, file_name, data FROM sync_packages WHERE state = 'held'"
                " ORDER BY at, id").fetchall():  # (received in one second: still one order)
            if package_id in failed:
                continue
            outcome = import_bytes(book, data, name, keys=keys, held_id=package_id)
            if outcome.state == "refused":
                failed.add(package_id)
            if outcome.state in ("applied", "already"):
                progress = True
            if outcome.state == "refused" and outcome.detail.startswith("sync."):
                # its content, not the book's trouble (a full disk): kept, with why
                book.conn.execute("UPDATE sync_packages SET state = 'refused', detail = ?"
                                  " WHERE id = ?", [outcome.detail, package_id])
                book.conn.commit()
            if outcome.state != "held":
                outcomes.append(outcome)
    return outcomes


def accept_held(book: Book, held_id: str, keys: Keys | None = None) -> Outcome:
    """A person accepts a package held because its stamps ran ahead of this laptop's
    clock (the sender's clock was set ahead, and its changes kept those stamps when it
    was corrected). It is applied as it is; this book's clock is not moved: the accepted
    values keep their stamps, a later edit here of the same field still replaces them
    (its writer saw them), and changes made here meanwhile keep this laptop's own time."""
    row = book.conn.execute("SELECT file_name, data, detail FROM sync_packages WHERE id = ?"
                            " AND state = 'held'", [held_id]).fetchone()
    if row is None:
        raise SyncError("sync.no_held", id=held_id)
    name, data, detail = row
    if detail != "clock_ahead":
        raise SyncError("sync.held_for_gap", id=held_id)
    outcome = import_bytes(book, data, name, keys=keys, held_id=held_id, clock_accepted=True)
    if outcome.state in ("applied", "already"):
        retry_held(book, keys)
    return outcome


def _check_manifest(book: Book, package: Package, installation: str, keys: Keys) -> None:
    manifest = package.manifest
    if manifest.get("receiver") != keys.installation:
        raise SyncError("sync.wrong_receiver")
    sender = manifest.get("sender") or {}
    if sender.get("installation") != installation or package.header.get("sender") != installation:
        raise SyncError("sync.bad_signature")
    schema = manifest.get("schema")
    if not isinstance(schema, int) or schema > SCHEMA_VERSION:
        raise SyncError("sync.newer_schema", version=schema, supported=SCHEMA_VERSION)
    ranges = manifest.get("ranges")
    if not isinstance(ranges, dict) or ranges != package.header.get("ranges"):
        raise SyncError("sync.damaged")
    for span in ranges.values():
        if not (isinstance(span, list) and len(span) == 2 and all(isinstance(n, int) for n in span)
                and 1 <= span[0] <= span[1]):
            raise SyncError("sync.damaged")
    for action in package.actions:
        if not isinstance(action, dict) or action.get("site") not in ranges or \
                not isinstance(action.get("seq"), int) or \
                not ranges[action["site"]][0] <= action["seq"] <= ranges[action["site"]][1] or \
                not isinstance(action.get("changes"), list):
            raise SyncError("sync.damaged")
        if not all(isinstance(change, dict) for change in action["changes"]):
            raise SyncError("sync.damaged")
    _check_fork(book, package)


def _check_fork(book: Book, package: Package) -> None:
    """The same (site, number) with other content than applied before: a forked book."""
    for action in package.actions:
        row = book.conn.execute("SELECT id FROM actions WHERE site_id = ? AND origin_seq = ?",
                                [action["site"], action["seq"]]).fetchone()
        if row is not None and row[0] != action.get("id"):
            raise SyncError("sync.forked", site=action["site"], seq=action["seq"])


def _gaps(package: Package, have: dict[str, int]) -> dict[str, list[int]]:
    """Per origin, the numbers missing before this package can apply."""
    missing = {}
    for site, (start, _end) in package.manifest["ranges"].items():
        upto = have.get(site, 0)
        if start > upto + 1:
            missing[site] = [upto + 1, start - 1]
    return missing


ACCEPTED_AHEAD = "sync.accepted_clock_ahead"  # local: per origin site, milliseconds


def _accepted_ahead(book: Book) -> dict[str, int]:
    """Per origin site, how far ahead a person accepted its stamps (``accept_held``)."""
    return json.loads(local_setting(book, ACCEPTED_AHEAD) or "{}")


def _ahead_beyond_accepted(book: Book, stamp: str, accepted: dict[str, int]) -> int:
    """How far a stamp lies ahead of this laptop's clock, less what was accepted of its
    site, and less how far this book's own clock runs ahead (a book whose clock ran ahead
    takes back, without asking, stamps no further ahead than its own)."""
    try:
        site = decode(stamp)[2]
    except ValueError:
        return 0  # judged as damaged where it is applied
    return book.clock.ahead(stamp) - max(accepted.get(site, 0), book.clock.lead())


def _too_far_ahead(book: Book, package: Package) -> int:
    """How far the package's stamps run ahead of this laptop's clock beyond what is
    allowed (0: not too far). A site whose clock-ahead stamps a person accepted is allowed
    as far as was accepted: its clock was corrected, its stamps stay ahead by design."""
    accepted = _accepted_ahead(book)
    worst = 0
    for action in package.actions:
        for change in action["changes"]:
            worst = max(worst, _ahead_beyond_accepted(book, str(change.get("hlc")),
                                                      accepted))
    return worst if worst > book.max_ahead_ms() else 0


def _accept_ahead(book: Book, package: Package) -> None:
    """Remember how far ahead each origin's stamps in an accepted package run."""
    accepted = _accepted_ahead(book)
    for action in package.actions:
        for change in action["changes"]:
            try:
                site = decode(str(change.get("hlc")))[2]
            except ValueError:
                continue
            accepted[site] = max(accepted.get(site, 0), book.clock.ahead(change["hlc"]))
    set_local_setting(book, ACCEPTED_AHEAD, json.dumps(accepted))


def _apply(book: Book, package: Package, installation: str, outcome: Outcome,
           have: dict[str, int], scopes: dict[str, str], verdict: Verdict) -> bool:
    """Apply what is new in a package inside the caller's transaction (``have``: how far
    this book held each origin before, in the scope ``scopes`` gives it; ``verdict``: the
    changes its sender may not make here). Every change not here yet is applied, also of
    an action seen before through another village (a township's action about two
    villages comes to a new township in two parts). False when everything in it was here
    already."""
    conn = book.conn
    touched: set[str] = set()
    members: set[str] = set()
    applied = False
    limit = book.max_ahead_ms()
    accepted = _accepted_ahead(book)
    seen = _Known.read(conn, package)
    # in the order the actions were made (their stamps): a package carries several
    # origins, site by site, and a member added at one laptop to a household made at
    # another comes after that household, whatever the order of the sites
    for action in sorted(package.actions,
                         key=lambda a: min((c["hlc"] for c in a["changes"]), default="")):
        row = conn.execute("SELECT seq FROM actions WHERE site_id = ? AND origin_seq = ?",
                           [action["site"], action["seq"]]).fetchone()
        if row is None:
            applied = True
            outcome.actions += 1
            action_seq = conn.execute(  # (RETURNING: the archive's PostgreSQL too)
                "INSERT INTO actions (id, site_id, origin_seq, action, operator, at)"
                " VALUES (?,?,?,?,?,?) RETURNING seq",
                [action["id"], action["site"], action["seq"], action["action"],
                 action["operator"], action["at"]]).fetchone()[0]
        else:
            action_seq = row[0]
        assert action_seq is not None  # an INSERT gives its row
        for change in action["changes"]:
            if change["hlc"] in verdict.skipped:
                continue
            try:
                book.clock.observe(change["hlc"], limit)
            except ClockAhead as error:
                if _ahead_beyond_accepted(book, change["hlc"], accepted) > limit:
                    raise SyncError("sync.damaged") from error
                # accepted: applied with its stamp, this book's clock left where it is
            except ValueError as error:
                raise SyncError("sync.damaged") from error
            if change["hlc"] in verdict.parked:
                park(book, change, verdict.sender)
                seen.parked.add(change["record"])
            if _apply_change(book, action_seq, action, change, package.blobs, outcome, seen):
                applied = True
                if change.get("household"):
                    touched.add(change["household"])
                if change["table"] == "members":
                    members.add(change["record"])
    for site, (_start, end) in package.manifest["ranges"].items():
        if end > have.get(site, 0):
            applied = True
            hold(book, site, scopes[site], end)
    sender_site = str((package.manifest.get("sender") or {}).get("site"))
    replace_peer_holds(book, installation, stated_holds(book, package), sender_site)
    refresh(book, touched)
    outcome.same_person = find_same_person(book, members)
    return applied


@dataclass
class _Known:
    """What the book held of a package's changes and records before applying it, read once
    per package and kept up as it applies (a look-up a change saved: the archive's
    PostgreSQL is a network round trip away)."""

    stamps: set[str]  # changes here (by stamp)
    updated: set[str]  # records the log holds updates of (of those the package creates)
    parked: set[str]  # records with updates parked until they arrive (of those)
    existing: dict[str, set[str]]  # per table, the records here (of those)

    @classmethod
    def read(cls, conn: Any, package: Package) -> _Known:
        changes = [c for a in package.actions for c in a["changes"]]
        stamps = json.dumps([c["hlc"] for c in changes])
        by_table: dict[str, set[str]] = {}
        for c in changes:
            if c.get("op") == "create":
                by_table.setdefault(kind(c["table"]).table, set()).add(str(c["record"]))
        created = json.dumps(sorted(set().union(*by_table.values())))
        # (table names from the registry, never from the package's text)
        existing = {table: {r[0] for r in conn.execute(
                        f"SELECT id FROM {table} WHERE id IN (SELECT value FROM json_each(?))",
                        [json.dumps(sorted(ids))])} for table, ids in by_table.items()}
        return cls({r[0] for r in conn.execute(
                        "SELECT hlc FROM changes WHERE hlc IN (SELECT value FROM"
                        " json_each(?))", [stamps])},
                   {r[0] for r in conn.execute(
                       "SELECT DISTINCT record_id FROM changes WHERE op = 'update' AND"
                       " record_id IN (SELECT value FROM json_each(?))", [created])},
                   {r[0] for r in conn.execute(
                       "SELECT DISTINCT record_id FROM sync_parked WHERE record_id IN"
                       " (SELECT value FROM json_each(?))", [created])}, existing)


def _apply_change(book: Book, action_seq: int, action: dict[str, Any], change: dict[str, Any],
                  blobs: dict[str, bytes], outcome: Outcome, seen: _Known) -> bool:
    """Apply one change (checked by ``verify``); False when it was here already."""
    conn = book.conn
    if change["hlc"] in seen.stamps:
        return False  # this very change is here already
    seen.stamps.add(change["hlc"])
    # names as this book's registry and schema spell them: no SQL from package text
    table, record_id, op = kind(change["table"]).table, change["record"], change["op"]
    known = columns(book, table)
    field_name = None if op == "create" else own_name(known, change["field"])
    merging = op == "create" and record_id in seen.existing.get(table, ())
    if merging:  # made on two sides under one natural id (a setting's key)
        stamps = {own_name(known, name): base_stamp(conn, record_id, name)
                  for name in change["new"] if name != "id"}
    local_stamp = None if op == "create" else base_stamp(conn, record_id, field_name)
    closes = [str(c) for c in change.get("closes") or []]
    saw = change.get("saw")
    conn.execute(
        "INSERT INTO changes (hlc, action_seq, table_name, record_id, household_id, op, field,"
        " old_value, new_value, base, closes, saw) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
        [change["hlc"], action_seq, table, record_id, change.get("household"), op, field_name,
         None if op == "create" else to_json(change.get("old")), to_json(change.get("new")),
         change.get("base"), json.dumps(sorted(closes)) if closes else None,
         json.dumps(saw) if saw else None])
    if op == "update":
        seen.updated.add(record_id)
    if closes:  # a person's decision: closes the conflicts it names, here too
        close_conflicts(conn, closes, change["hlc"])
    if merging:  # each field as a concurrent change of it
        for name, stamp in stamps.items():
            _merge_field(book, action, change, table, record_id, name, change["new"][name],
                         stamp, outcome)
        return True
    if op == "create":
        _create(book, table, record_id, change, action, blobs, outcome, seen)
        seen.existing.setdefault(table, set()).add(record_id)
        return True
    assert field_name is not None  # an update names its field (check_shape)
    if field_name in DERIVED.get(table, ()):
        return True
    history, concurrent = concurrent_changes(conn, record_id, field_name, change)
    for other, pair in concurrent:
        _record_conflict_with(conn, history, change, table, record_id, field_name, other, pair,
                              outcome)
    # the value that stands is the newest stamp's: a writer's stamp is later than every
    # value it saw, so between two that did not see each other every book picks alike
    _merge_field(book, action, change, table, record_id, field_name, change.get("new"),
                 None, outcome, later=local_stamp is None or change["hlc"] > local_stamp)
    return True


def concurrent_changes(conn: Any, record_id: str, field_name: str, change: dict[str, Any]
                       ) -> tuple[FieldHistory, list[tuple[str, tuple[str, str]]]]:
    """The changes of one field held here that a remote change (stored already) and they
    did not see of each other, with another value: each with the pair that names their
    conflict — on each side the earliest change the other did not see, where the two
    lines part. Every two such changes are judged once, when the later of them arrives,
    and the name depends on the history alone: every book lists the same conflicts
    whatever order the packages met in (three laptops' concurrent edits of one field are
    three conflicts, alike everywhere). An edit on top of one side of a conflict names
    that conflict again, not a new one. Also gives the field's history."""
    history = field_history(conn, record_id, field_name)
    remote = change["hlc"]
    seen_remote = seen_by(history, remote)
    value = _value(history[remote][1])
    out = []
    for stamp, (_parents, other_value, op) in history.items():
        if op != "update" or stamp in seen_remote:
            continue
        seen_other = seen_by(history, stamp)
        if remote in seen_other or _value(other_value) == value:
            continue
        out.append((stamp, (min(seen_remote - seen_other), min(seen_other - seen_remote))))
    return history, out


def _value(text: str | None) -> Any:
    return json.loads(text) if text else None


def _record_conflict_with(conn: Any, history: FieldHistory, change: dict[str, Any],
                          table: str, record_id: str, field_name: str, other: str,
                          pair: tuple[str, str], outcome: Outcome) -> None:
    """Keep a remote change and another change of its field, neither having seen the
    other, as a conflict named by ``pair``. Known already and open, each side shows the
    newest value of its side (an edit on top of one side while the conflict waits is
    what a person decides about, not the value it replaced)."""
    ident = conflict_ident(table, record_id, field_name, *pair)
    stamps = {change["hlc"]: pair[0], other: pair[1]}  # each change, its side's first
    known = conn.execute("SELECT id, local_stamp, remote_stamp, resolved_stamp FROM"
                         " sync_conflicts WHERE ident = ?", [ident]).fetchone()
    if known is not None:
        if known[3] is None:
            for stamp, first in stamps.items():
                for column, shown in (("local", known[1]), ("remote", known[2])):
                    if shown and first in seen_by(history, shown) and stamp > shown:
                        _show(conn, known[0], column, stamp)
        return
    # the values and who made them are shown below (``_show``), from the log
    conflict = _conflict_row(table, record_id, change.get("household"), field_name, ident,
                             local=(None, other, None), remote=(None, change["hlc"], None))
    if _record_conflict(conn, conflict):
        outcome.conflicts.append(conflict)
    for column, stamp in (("local", other), ("remote", change["hlc"])):
        _show(conn, conflict["id"], column, stamp)
        conflict[f"{column}_value"], conflict[f"{column}_operator"] = conn.execute(
            f"SELECT {column}_value, {column}_operator FROM sync_conflicts WHERE id = ?",
            [conflict["id"]]).fetchone()


def _show(conn: Any, conflict_id: str, column: str, stamp: str) -> None:
    """One side of a conflict shows the value of the change ``stamp`` (``column``: local
    or remote), with who made it."""
    conn.execute(
        f"UPDATE sync_conflicts SET ({column}_value, {column}_stamp, {column}_operator) ="
        " (SELECT c.new_value, c.hlc, a.operator FROM changes c JOIN actions a"
        " ON a.seq = c.action_seq WHERE c.hlc = ?) WHERE id = ?", [stamp, conflict_id])


def _merge_field(book: Book, action: dict[str, Any], change: dict[str, Any], table: str,
                 record_id: str, field_name: str, remote: Any, concurrent_with: str | None,
                 outcome: Outcome, later: bool | None = None) -> None:
    """Set one field from a remote change. Concurrent with a local value made under the
    same natural id (``concurrent_with`` its stamp; a setting's key made on two sides):
    both kept as a conflict. Either way the value of the later stamp stands, so every
    replica shows the same."""
    conn = book.conn
    current = conn.execute(f"SELECT {field_name} FROM {table} WHERE id = ?",
                           [record_id]).fetchone()
    if current is None:
        return  # its record has not arrived: applied with the record (see _create)
    if concurrent_with is not None and current[0] != remote:
        local = conn.execute(
            "SELECT a.operator FROM changes c JOIN actions a ON a.seq = c.action_seq"
            " WHERE c.hlc = ?", [concurrent_with]).fetchone()
        conflict = _conflict_row(
            table, record_id, change.get("household"), field_name,
            conflict_ident(table, record_id, field_name, concurrent_with, change["hlc"]),
            local=(to_json(current[0]), concurrent_with, local[0] if local else None),
            remote=(to_json(remote), change["hlc"], action["operator"]))
        if _record_conflict(conn, conflict):
            outcome.conflicts.append(conflict)
    if later is None:
        later = concurrent_with is None or change["hlc"] > concurrent_with
    if later:  # the later stamp's value
        conn.execute(f"UPDATE {table} SET {field_name} = ?, updated_at = ? WHERE id = ?",
                     [remote, action["at"], record_id])


def _create(book: Book, table: str, record_id: str, change: dict[str, Any],
            action: dict[str, Any], blobs: dict[str, bytes], outcome: Outcome,
            seen: _Known) -> None:
    """A new record (``_apply_change`` found none under its id)."""
    conn = book.conn
    known = columns(book, table)
    values = {name: change["new"][name] for name in known if name in change["new"]}
    values["id"] = record_id
    for binary in kind(table).binary:
        digest = (change["new"].get(binary) or {}).get("sha256")
        if digest in blobs:
            values[binary] = blobs[digest]
        elif book.level == COUNTY:  # the photo stays at the township; its hash is logged
            values[binary] = b""
        else:
            raise SyncError("sync.damaged")
    values.setdefault("created_at", action["at"])
    values.setdefault("updated_at", action["at"])
    if table == "households":
        values.setdefault("member_count", 0)
    _report_clash(book, table, values, change, action, outcome)
    conn.execute(f"INSERT INTO {table} ({', '.join(values)}) VALUES"
                 f" ({', '.join('?' * len(values))})", list(values.values()))
    # updates of this record that arrived before it (from another origin) apply now,
    # each judged as its sender would have been had the record been here
    if record_id in seen.updated:
        for field_name, new, stamp in conn.execute(
                "SELECT field, new_value, hlc FROM changes WHERE record_id = ? AND"
                " op = 'update' AND hlc > ? ORDER BY hlc", [record_id, change["hlc"]]
        ).fetchall():
            if field_name in known and field_name not in DERIVED.get(table, ()) \
                    and may_apply_parked(book, table, record_id, stamp):
                conn.execute(f"UPDATE {table} SET {own_name(known, field_name)} = ?"
                             " WHERE id = ?", [json.loads(new), record_id])
    if record_id in seen.parked:
        conn.execute("DELETE FROM sync_parked WHERE record_id = ?", [record_id])


def _report_clash(book: Book, table: str, values: dict[str, Any], change: dict[str, Any],
                  action: dict[str, Any], outcome: Outcome) -> None:
    """Two records on a key a person may enter only once (the same 户编号 in a village,
    two incomes for one year), made in two books before they met: both are kept, the
    same on every replica, and the clash is a conflict for a person to settle."""
    record_kind = kind(table)
    conn = book.conn
    for key in record_kind.unique:
        if any(values.get(c) is None for c in key):
            continue
        where = " AND ".join(f"{c} = ?" for c in key)
        # current records only (the key's index holds those): a removal may arrive before
        # the other record in one book and after it in another, so a clash is open only
        # while both records are current (``decide.open_conflicts``), wherever it was kept
        active = " AND status = 'active'" if record_kind.removable else ""
        for (other,) in conn.execute(f"SELECT id FROM {table} WHERE {where}{active}"
                                     f" AND id != ?", [*(values[c] for c in key),
                                                       values["id"]]).fetchall():
            if record_kind.removable and values.get("status", "active") != "active":
                continue
            conflict = _conflict_row(
                table, values["id"], change.get("household"), "+".join(key),
                conflict_ident(table, "+".join(str(values[c]) for c in key), "+".join(key),
                               other, values["id"]),
                local=(to_json(other), "", None),
                remote=(to_json(values["id"]), change["hlc"], action["operator"]))
            if _record_conflict(conn, conflict):
                outcome.conflicts.append(conflict)


Side = tuple[Any, str, Any]  # a conflict's side: (value as JSON, stamp, who made it)


def _conflict_row(table: str, record_id: str, household_id: str | None, field_name: str,
                  ident: str, *, local: Side, remote: Side) -> dict[str, Any]:
    """A conflict as ``sync_conflicts`` keeps it (one shape for the three kinds found: a
    field changed on both sides, a field's decisions crossing, a key entered twice)."""
    row: dict[str, Any] = {"id": new_id(), "table_name": table, "record_id": record_id,
                           "household_id": household_id, "field": field_name}
    for side, (value, stamp, operator) in (("local", local), ("remote", remote)):
        row.update({f"{side}_value": value, f"{side}_stamp": stamp,
                    f"{side}_operator": operator})
    return {**row, "found_at": now_text(), "ident": ident}


def _record_conflict(conn: Any, conflict: dict[str, Any]) -> bool:
    """Keep a conflict found here, once under its name (both sides name it alike); one a
    decision here already named is kept as decided. False when it was known before."""
    if conn.execute("SELECT 1 FROM sync_conflicts WHERE ident = ?",
                    [conflict["ident"]]).fetchone():
        return False
    conflict = {**conflict, "resolved_stamp": decided(conn, conflict["ident"])}
    conn.execute(f"INSERT INTO sync_conflicts ({', '.join(conflict)}) VALUES"
                 f" ({', '.join('?' * len(conflict))})", list(conflict.values()))
    return conflict["resolved_stamp"] is None


def normalized_id(text: str | None) -> str | None:
    """An ID number as the book compares them: 18 characters, upper-case X."""
    if not text:
        return None
    parsed, _ = parse_id(text)
    return parsed.number if parsed is not None else text.strip().upper()


def find_same_person(book: Book, member_ids: set[str]) -> list[dict[str, Any]]:
    """Record, for members that just arrived or changed, anyone active elsewhere in the book
    with the same ID number (or, weaker, the same name and birth date). Read in three
    queries for all of them (not three a member: the archive's PostgreSQL is a network
    round trip away)."""
    conn = book.conn
    wanted = json.dumps(sorted(member_ids))
    arrived = [r for r in conn.execute(
        "SELECT id, household_id, name, id_number, birth_date FROM members WHERE id IN"
        " (SELECT value FROM json_each(?)) AND status = 'active' ORDER BY id", [wanted])]
    numbers = {normalized_id(r[3]) for r in arrived} - {None}
    spelled = sorted(n for number in numbers if number for n in (number, number.lower()))
    by_number: dict[str, list[tuple[str, str]]] = {}
    for other, number, household in conn.execute(
            "SELECT m.id, m.id_number, m.household_id FROM members m JOIN households h"
            " ON h.id = m.household_id WHERE m.id_number IN (SELECT value FROM json_each(?))"
            " AND m.status = 'active' AND h.status = 'active' ORDER BY m.id",
            [json.dumps(spelled)]):
        by_number.setdefault(number.upper(), []).append((other, household))
    named = [r for r in arrived if r[2] and r[4]]
    by_name_birth: dict[tuple[str, str], list[tuple[str, str]]] = {}
    for other, name, birth, household in conn.execute(
            "SELECT m.id, m.name, m.birth_date, m.household_id FROM members m JOIN households h"
            " ON h.id = m.household_id WHERE m.name IN (SELECT value FROM json_each(?)) AND"
            " m.birth_date IS NOT NULL AND m.status = 'active' AND h.status = 'active'"
            " ORDER BY m.id",  # (by name alone: two lists' product would probe each pair)
            [json.dumps(sorted({r[2] for r in named}))]) if named else ():
        by_name_birth.setdefault((name, birth), []).append((other, household))
    found = []
    for member_id, household_id, name, id_number, birth in arrived:
        number = normalized_id(id_number)
        candidates = [(other, "id") for other, household in by_number.get(number or "", [])
                      if household != household_id]
        if birth and name:
            candidates += [(other, "name_birth") for other, household
                           in by_name_birth.get((name, birth), [])
                           if household != household_id and (other, "id") not in candidates]
        for other, basis in candidates:
            a, b = sorted((member_id, other))
            finding = {"id": new_id(), "member_a": a, "member_b": b,
                       "basis": basis, "found_at": now_text()}
            cursor = conn.execute(
                "INSERT OR IGNORE INTO sync_same_person (id, member_a, member_b, basis,"
                " found_at) VALUES (?,?,?,?,?)", list(finding.values()))
            if cursor.rowcount:
                found.append(finding)
    return found


def stated_holds(book: Book, package: Package) -> dict[str, Any]:
    """What a package's sender holds, as it concerns what this book sends it: of this
    book's own sites, what it holds in full when it says so (``acks_full``; a range it
    holds only in this village's scope would otherwise hide a gap it cannot fill)."""
    stated = dict(package.manifest.get("acks") or {})
    full = package.manifest.get("acks_full")
    if isinstance(full, dict):
        for site in own_sites(book):
            stated[site] = full.get(site, 0)
    return stated


def compare_counts(book: Book, package: Package, have: dict[str, int]
                   ) -> list[dict[str, Any]]:
    """账账相符: the village's rows here against the sender's, once the sender has
    acknowledged every change here about that village (before, they cannot agree yet).
    An old package replayed is not compared (``have``: what this book held of each origin
    before it): its counts are those of its own day."""
    village = package.manifest.get("village") or {}
    theirs = package.manifest.get("counts") or {}
    if not village.get("id") or not theirs:
        return []
    sender_site = str((package.manifest.get("sender") or {}).get("site"))
    sender_top = (package.manifest.get("acks") or {}).get(sender_site, 0)
    if not isinstance(sender_top, int) or sender_top < have.get(sender_site, 0):
        return []
    ours = village_counts(book, village["id"])
    differ = [{"table": table, "sender": count, "here": ours.get(table, 0)}
              for table, count in sorted(theirs.items()) if ours.get(table, 0) != count]
    if not differ:  # (as it mostly is: the pass over the village's history is not needed)
        return []
    acks = peer_holds(book, package.manifest["sender"]["installation"])
    for site, top in _village_tops(book, village["id"]).items():
        if acks.get(site, 0) < top:
            return []
    return differ


def _village_tops(book: Book, village_id: str) -> dict[str, int]:
    """Per origin site, the newest action here that touched the village's records (through
    the indexes on the change log's household and record columns)."""
    records, _households = village_records(book, village_id)
    tops: dict[str, int] = {}
    queries = [("SELECT a.site_id, max(a.origin_seq) FROM changes c JOIN actions a"
                " ON a.seq = c.action_seq WHERE c.household_id IN (SELECT id FROM households"
                " WHERE village_id = ?) GROUP BY a.site_id", [village_id])]
    others = sorted(records - _households)
    queries += [("SELECT a.site_id, max(a.origin_seq) FROM changes c JOIN actions a"
                 " ON a.seq = c.action_seq WHERE c.record_id IN (SELECT value FROM"
                 " json_each(?)) GROUP BY a.site_id", [json.dumps(others)])]
    for sql, params in queries:
        for site, top in book.conn.execute(sql, params):
            tops[site] = max(tops.get(site, 0), top)
    return tops


def _hold(book: Book, installation: str, name: str, package: Package, data: bytes,
          detail: str, held_id: str) -> str:
    """Keep a package until its gap is filled (or the clock is corrected): one row per
    package, whatever the number of times it is imported; returns the row's id."""
    if held_id:
        book.conn.execute("UPDATE sync_packages SET state = 'held', detail = ? WHERE id = ?",
                          [detail, held_id])
        book.conn.commit()
        return held_id
    digest = hashlib.sha256(data).hexdigest()
    held_id = f"held:{digest}"
    book.conn.execute(
        "INSERT INTO sync_packages (id, peer, direction, file_name, at, ranges, actions, state,"
        " detail, data) VALUES (?,?,?,?,?,?,?,?,?,?) ON CONFLICT(id) DO UPDATE SET"
        " state = 'held', detail = excluded.detail, data = excluded.data",
        [held_id, installation, "in", name, now_text(),
         json.dumps(package.manifest["ranges"]), len(package.actions), "held", detail, data])
    book.conn.commit()
    return held_id


def _record(book: Book, installation: str, name: str, package: Package, state: str,
            detail: str, held_id: str) -> None:
    """The package's row once applied, inside the caller's transaction: a held one's row
    turns applied and lets its bytes go."""
    if held_id:
        book.conn.execute("UPDATE sync_packages SET state = ?, detail = ?, data = NULL"
                          " WHERE id = ?", [state, detail, held_id])
        return
    book.conn.execute(
        "INSERT INTO sync_packages (id, peer, direction, file_name, at, ranges, actions, state,"
        " detail, data) VALUES (?,?,?,?,?,?,?,?,?,?)",
        [new_id(), installation, "in", name, now_text(),
         json.dumps(package.manifest["ranges"]), len(package.actions), state, detail, None])
