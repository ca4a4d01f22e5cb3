"""Backups of a book and restoring one.

A backup is a whole copy made with SQLite's online backup API (consistent while the
window keeps working), written under a temporary name, checked with ``PRAGMA quick_check``
and only then given its name. Automatic backups (on close, at most daily) go to a folder
beside the book and rotate: the newest of each of the last 7 days and of each of the last
4 weeks stay, within a size budget (local settings). Restoring first keeps the current
book aside, so a restore can be undone; the restored book gets a site id of its own when
opened (``book._claim_site``), so it never reuses numbers its township has seen.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import re
import shutil
from dataclasses import dataclass
from pathlib import Path
from sqlite3 import Connection

from ..core.errors import BookError
from ..core.today import current_date, current_time
from .book import CARRIED_PAIRINGS, RESTORED, Book, backup, book_version, release_wal
from .book_files import backup_folder
from .book_settings import local_setting, set_local_setting
from .connection import connect, db_errors, take_alone
from .schema_names import SCHEMA_VERSION
from .village import book_identity

SUFFIX = ".db"
DAILY, WEEKLY = 7, 4  # backups kept: the newest of each of the last days, and weeks
BUDGET_MB = 2048  # the folder's size budget (a 30,000-household book is about 350 MB)
STAMP = "%Y%m%d-%H%M%S"


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    made: dt.datetime
    households: int
    last_change: str | None  # when the newest change in it was made
    size: int


def backup_name(book: Book, made: dt.datetime) -> str:
    """``{stem}-{village}-{time}.db``: the book's own stem first (rotation and locking find
    a book's backups by it), then the village (or township) a secretary recognises,
    unless the stem names it already."""
    stem = book.path.stem
    name = book_identity(book)["name"]
    name = re.sub(r'[\\/:*?"<>|\s.]+', "_", name or "").strip("_")
    middle = f"-{name}" if name and name not in stem else ""
    return f"{stem}{middle}-{made.strftime(STAMP)}{SUFFIX}"


def make_backup(book: Book, folder: Path | None = None,
                now: dt.datetime | None = None) -> Path:
    """Copy the open book into ``folder`` (the folder beside it by default), checked;
    returns the backup's path. Raises ``BookError('backup.damaged')`` if the copy does
    not pass its check (nothing is left under the backup's name)."""
    now = now or current_time()
    folder = folder or backup_folder(book.path)
    target = backup(book.conn, folder / backup_name(book, now))
    if folder == backup_folder(book.path) and not book.read_only:
        set_local_setting(book, "backup.last", now.isoformat(timespec="seconds"))
    return target


def backup_due(book: Book, now: dt.datetime | None = None) -> bool:
    """Whether the automatic backup of the day is still to be made."""
    last = local_setting(book, "backup.last")
    now = now or current_time()
    return last is None or dt.datetime.fromisoformat(last).date() < now.date()


def automatic_backup(book: Book, now: dt.datetime | None = None) -> Path | None:
    """On close: at most one backup a day, then the folder rotated. None when not due."""
    if book.read_only or not backup_due(book, now):
        return None
    path = make_backup(book, now=now)
    rotate(backup_folder(book.path), book.path.stem,
           budget=int(local_setting(book, "backup.budget_mb") or BUDGET_MB) * 2**20,
           today=(now or current_time()).date())
    return path


def _made(path: Path, stem: str) -> dt.datetime | None:
    """When a backup of the book ``stem`` was made, from its name (its last part)."""
    text = path.stem[-len("YYYYmmdd-HHMMSS"):] if path.stem.startswith(stem + "-") else ""
    try:
        return dt.datetime.strptime(text, STAMP)
    except ValueError:
        return None


def _backups(folder: Path, stem: str) -> list[tuple[dt.datetime, Path]]:
    found = [(made, p) for p in folder.glob(f"{stem}-*{SUFFIX}")
             if (made := _made(p, stem)) is not None] if folder.is_dir() else []
    return sorted(found, reverse=True)


def rotate(folder: Path, stem: str, budget: int = BUDGET_MB * 2**20,
           today: dt.date | None = None) -> list[Path]:
    """Keep the newest backup of each of the last ``DAILY`` days and of each of the last
    ``WEEKLY`` weeks, within ``budget`` bytes (the newest always stays); returns what went."""
    today = today or current_date()
    backups = _backups(folder, stem)
    keep: set[Path] = set()
    days: set[dt.date] = set()
    weeks: set[tuple[int, int]] = set()
    for made, path in backups:  # newest first
        day, week = made.date(), made.isocalendar()[:2]
        if (today - day).days < DAILY and day not in days:
            days.add(day)
            keep.add(path)
        elif (today - day).days < 7 * WEEKLY and week not in weeks:
            weeks.add(week)
            keep.add(path)
        weeks.add(week)
    kept = [p for _, p in backups if p in keep]
    total = sum(p.stat().st_size for p in kept)
    while len(kept) > 1 and total > budget:  # over budget: the oldest go first
        total -= kept[-1].stat().st_size
        kept.pop()
    gone = [p for _, p in backups if p not in kept]
    for path in gone:
        with contextlib.suppress(OSError):
            path.unlink()
    return gone


def describe_backup(path: Path) -> BackupInfo:
    """What a backup holds: households, its newest change, its time and size."""
    conn = connect(path, mode="ro")
    try:
        households = conn.execute("SELECT count(*) FROM households WHERE status = 'active'"
                                  ).fetchone()[0]
        last = conn.execute("SELECT max(at) FROM actions").fetchone()[0]
    except db_errors() as error:
        raise BookError("backup.damaged", path=str(path)) from error
    finally:
        conn.close()
    made = _made(path, path.stem.rsplit("-", 2)[0]) or \
        dt.datetime.fromtimestamp(path.stat().st_mtime)
    return BackupInfo(path, made, households, last, path.stat().st_size)


def list_backups(book_path: Path, folder: Path | None = None) -> list[BackupInfo]:
    """The backups of a book in its folder, newest first (damaged ones left out)."""
    out = []
    for _, path in _backups(folder or backup_folder(book_path), book_path.stem):
        with contextlib.suppress(BookError):
            out.append(describe_backup(path))
    return out


def quick_check(conn: Connection) -> str:
    """SQLite's ``quick_check`` of an open book: "ok", or what is broken."""
    try:
        return "\n".join(row[0] for row in conn.execute("PRAGMA quick_check"))
    except db_errors() as error:
        return str(error)


def check_book(path: Path) -> bool:
    """``quick_check`` of a book file (read-only): True when it is sound."""
    try:
        conn = connect(path, mode="ro")
    except db_errors():
        return False
    try:
        return quick_check(conn) == "ok"
    finally:
        conn.close()


def restore(book_path: Path, backup_path: Path, now: dt.datetime | None = None) -> Path:
    """Put ``backup_path`` in place of the (closed) book at ``book_path``; the current book
    is kept aside first (returned), so the restore can be undone. The backup is checked
    before anything moves; a failure leaves the book as it was."""
    now = now or current_time()
    if not check_book(backup_path):
        raise BookError("backup.damaged", path=str(backup_path))
    version = book_version(backup_path)
    if version > SCHEMA_VERSION:
        raise BookError("book.newer", version=version, supported=SCHEMA_VERSION)
    aside = book_path.parent / f"{book_path.stem}-恢复前-{now.strftime(STAMP)}{SUFFIX}"
    pairings: list[dict[str, object]] = []
    if book_path.exists():
        # refused (book.locked) while a window has it open; a damaged book is not asked
        # (asking changes its header) but kept aside byte for byte
        if check_book(book_path):
            take_alone(book_path)
            pairings = _pairings(book_path)
        _keep_aside(book_path, aside)
    source = connect(backup_path, mode="ro")
    try:  # marked: its next open takes a new site, whatever this laptop remembers; and
        # it keeps the pairings made or retired since the backup (computers, not records)
        backup(source, book_path, meta={RESTORED: now.isoformat(timespec="seconds"),
                                        CARRIED_PAIRINGS: json.dumps(pairings)})
    finally:
        source.close()
    # the old book's log and index must never be read as the restored book's
    for leftover in (Path(f"{book_path}-wal"), Path(f"{book_path}-shm")):
        with contextlib.suppress(FileNotFoundError):
            os.unlink(leftover)
    return aside


def _pairings(book_path: Path) -> list[dict[str, object]]:
    """The computers a book is paired with (and retired), as rows, to outlive a restore."""
    conn = connect(book_path, mode="ro")
    try:
        cursor = conn.execute("SELECT * FROM sync_peers")
        return [dict(zip([d[0] for d in cursor.description], r)) for r in cursor]
    except db_errors(BookError):
        return []  # too old to have pairings, or unreadable: nothing to carry
    finally:
        conn.close()


def _keep_aside(book_path: Path, aside: Path) -> None:
    """The current book, whole (its WAL folded in), kept under ``aside``; a book too
    damaged to copy that way is kept as its files are."""
    try:
        current = connect(book_path)
        try:
            backup(current, aside)
            release_wal(current)
        finally:
            current.close()
    except db_errors(BookError):
        for suffix in ("", "-wal"):
            source = Path(f"{book_path}{suffix}")
            if source.exists():
                shutil.copyfile(source, f"{aside}{suffix}")
