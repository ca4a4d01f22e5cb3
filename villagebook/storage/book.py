"""Opening a book (one SQLite file), its pragmas, migrations and the operator.

A book is refused, untouched, when it was made by a newer program, is not a database,
is locked by another writer or cannot be written. Before migrating an existing book a
backup copy is written beside it.
"""

from __future__ import annotations

import contextlib
import errno
import functools
import json
import os
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, cast

from ..core.clock import HybridClock, wall_ms
from ..core.errors import BookError, VillagebookError
from ..core.ids import new_id
from . import scratch
from .connection import connect, connect_like, db_errors, is_locked
from .files import replace_atomically
from .installation import installation_id, remember_sequence, seen_sequence
from .levels import VILLAGE
from .schema_names import MIGRATION_NAMES, MIGRATION_SET, MIGRATIONS_TABLE, SCHEMA_VERSION

if TYPE_CHECKING:
    from sqlite_utils import Database
    from sqlite_utils.migrations import Migrations

    from .changelog import ChangeWriter


def classify(error: sqlite3.Error) -> BookError | None:
    """Sort an SQLite error into one a person can act on, or None for a bug."""
    text = str(error).lower()
    if "locked" in text or "busy" in text:
        return BookError("book.locked")
    if "readonly" in text or "read-only" in text:
        return BookError("book.read_only")
    if "disk is full" in text or "database or disk is full" in text:
        return BookError("book.disk_full")
    if "not a database" in text or "malformed" in text or "corrupt" in text:
        return BookError("book.corrupt")
    if "unable to open" in text or "disk i/o" in text:
        return BookError("book.cannot_open")
    return None


def person_error(error: BaseException) -> VillagebookError | None:
    """The error a person can act on behind any failure of a job (disk full while SQLite
    or a file write ran, a locked or read-only book…); None for a bug."""
    if isinstance(error, VillagebookError):
        return error
    if isinstance(error, db_errors()):
        return classify(cast(sqlite3.Error, error))
    if isinstance(error, OSError) and error.errno == errno.ENOSPC or \
            type(error).__name__ == "SerialisationError" and "ENOSPC" in str(error):
        # (lxml, writing a workbook's sheet, says a full disk in its own words)
        return BookError("book.disk_full")
    if isinstance(error, PermissionError):
        return BookError("file.cannot_write", path=str(error.filename or ""))
    return None


@contextlib.contextmanager
def snapshot(conn: sqlite3.Connection) -> Iterator[None]:
    """One read transaction: everything read inside sees the book as it was at the first
    read, whatever another connection commits meanwhile (an export's sheets, a batch
    print's pages, a package's records agree with each other)."""
    if conn.in_transaction:
        yield
        return
    conn.execute("BEGIN")
    try:
        yield
    finally:
        conn.rollback()


def release_wal(conn: sqlite3.Connection) -> None:
    """Give back the disk space the write-ahead log holds (after a failed job on a full
    disk, a large WAL would keep the disk full)."""
    with contextlib.suppress(*db_errors()):
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")


@contextlib.contextmanager
def sqlite_errors() -> Iterator[None]:
    """Turn SQLite errors a person can act on into ``BookError``; let bugs through."""
    try:
        yield
    except db_errors() as error:
        mapped = classify(cast(sqlite3.Error, error))
        if mapped is None:
            raise
        raise mapped from error


# How far ahead of this laptop's clock a stamp from another book may lie before a package
# with it is held (hours; a local setting of the book)
MAX_AHEAD_SETTING, MAX_AHEAD_HOURS = "sync.max_clock_ahead_hours", 24


def followed_stamp(book: Book) -> str | None:
    """The newest stamp a book's clock follows: the newest in the book (an index lookup),
    unless another book's stamp lies further ahead of this laptop's clock than allowed (a
    package from a clock that ran ahead, accepted by a person): then the newest of this
    book's own and of the others within reach. Accepting such stamps never drags this
    laptop's clock along; a change of a field they set is stamped just past them
    (``ChangeWriter``)."""
    conn = book.conn
    last = conn.execute("SELECT max(hlc) FROM changes").fetchone()[0]
    reach = book.reach_ms()
    if last is None or int(last.split(".", 1)[0], 16) <= reach:
        return last
    own = {book.site_id, *(p["site"] for p in json.loads(book.meta("previous_sites") or "[]"))}
    within = conn.execute("SELECT max(hlc) FROM changes WHERE hlc <= ?",
                          [f"{reach:013x}"]).fetchone()[0]
    mine = conn.execute(
        "SELECT max(c.hlc) FROM changes c JOIN actions a ON a.seq = c.action_seq"
        f" WHERE a.site_id IN ({', '.join('?' * len(own))})", sorted(own)).fetchone()[0]
    return max(filter(None, (within, mine)), default=None)


class Book:
    """An open book. ``operator`` (the person working) must be set before any change."""

    def __init__(self, path: Path, conn: sqlite3.Connection) -> None:
        self.path = path
        self.conn = conn
        self.operator: str | None = None
        self.read_only = False  # opened for reading: every change is refused
        self.closed = False  # a background result may arrive after ``close``
        # an older book opened for reading is read from a migrated copy (removed on close)
        self.reading_copy: Path | None = None
        self.site_id: str = self.meta("site_id") or ""
        # The newest stamp in the book (ours or, after sync, another site's: an index
        # lookup) seeds the clock, so stamps keep increasing across restarts even if the
        # laptop's clock went back.
        self.clock = HybridClock(self.site_id, followed_stamp(self))

    @functools.cached_property
    def db(self) -> Database:
        """sqlite-utils over this connection (its transactions), loaded at the first write:
        opening and reading a book does not need it."""
        from sqlite_utils import Database

        return Database(self.conn)

    # -- meta ---------------------------------------------------------------
    def meta(self, key: str) -> str | None:
        """A fact of this file (``meta``: site id, home village, local settings), or None."""
        row = self.conn.execute("SELECT value FROM meta WHERE key = ?", [key]).fetchone()
        return row[0] if row else None

    @property
    def home_village_id(self) -> str | None:
        """The village this book keeps (a village book's own; None in a township book),
        which new households, problems and projects belong to unless told otherwise."""
        home = self.meta("home_village")
        if home:
            return home
        if self.holds_villages:
            return None
        row = self.conn.execute("SELECT id FROM village ORDER BY created_at LIMIT 1").fetchone()
        return row[0] if row else None

    def set_meta(self, key: str, value: str) -> None:
        """A local fact of this file (never shipped): written at once."""
        self.conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", [key, value])

    # -- writing ------------------------------------------------------------
    @contextlib.contextmanager
    def action(self, what: str) -> Iterator[ChangeWriter]:
        """One user action: one transaction, every change logged with the operator."""
        from .changelog import ChangeWriter

        if self.read_only:
            raise BookError("book.read_only", path=str(self.path))
        if not self.operator:
            raise BookError("book.no_operator")
        with self.writing():
            yield ChangeWriter(self, what)

    @contextlib.contextmanager
    def writing(self) -> Iterator[None]:
        """One transaction (a savepoint inside another): SQLite errors a person can act
        on become ``BookError``; after a full disk, the outermost one gives the space the
        write-ahead log took back."""
        try:
            with sqlite_errors(), self.db.atomic():
                yield
        except BookError as error:
            if error.code == "book.disk_full" and not self.conn.in_transaction:
                release_wal(self.conn)
            raise

    @property
    def level(self) -> str:
        """What the book is: a village's, a township's or a county's (``storage.levels``)."""
        return self.meta("book_kind") or VILLAGE

    @property
    def holds_villages(self) -> bool:
        """Whether the book holds many villages (a township's or a county's) rather than
        keeping one."""
        return self.level != VILLAGE

    def max_ahead_ms(self) -> int:
        """How far ahead of this laptop's clock another book's stamps may lie before its
        package is held rather than dragging the book's clock along (a local setting)."""
        hours = self.meta(f"local.{MAX_AHEAD_SETTING}") or MAX_AHEAD_HOURS
        return int(float(hours) * 3_600_000)

    def reach_ms(self) -> int:
        """The wall-clock milliseconds up to which another book's stamps are followed."""
        return wall_ms() + self.max_ahead_ms()

    def catch_up_clock(self) -> None:
        """Move this connection's clock past every stamp in the book: another connection
        (a sync import in the background) may have applied stamps from a clock ahead of
        ours, and a change made here afterwards must sort after them."""
        last = followed_stamp(self)
        if last:
            self.clock.observe(last)

    def own_sequence(self) -> int:
        """How many actions this book's own site has numbered."""
        return self.conn.execute("SELECT coalesce(max(origin_seq), 0) FROM actions"
                                 " WHERE site_id = ?", [self.site_id]).fetchone()[0]

    def close(self) -> None:
        """Close the book: statistics refreshed and this site's sequence remembered (so a
        restored copy is recognised) when it was open for writing."""
        self.closed = True
        if not self.read_only:
            with contextlib.suppress(*db_errors()):
                self.conn.execute("PRAGMA optimize")
            with contextlib.suppress(*db_errors(OSError)):
                remember_sequence(self.site_id, self.own_sequence())
        self.conn.close()
        if self.reading_copy is not None:
            with contextlib.suppress(OSError):
                self.reading_copy.unlink()

    def __enter__(self) -> Book:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


_HEADER = b"SQLite format 3\x00"


# ``PRAGMA application_id`` of every book ("VBK1"): another program's SQLite file is told
# apart before anything reads or migrates it (books made before it have 0 and are known
# by their record of this program's migrations; they get the mark when next written)
APPLICATION_ID = 0x56424B31
# books up to this size are checked (``PRAGMA quick_check``) each time they are opened:
# a few hundredths of a second for a village's book; a larger one (a township's) is
# checked by ``check`` and before a backup, and a damaged page met while working is
# ``book.corrupt`` all the same
QUICK_CHECK_BYTES = 64 * 1024 * 1024


def _read_header(path: Path) -> tuple[int, bool, int]:
    """(user_version, has_tables, application_id) from the file's first 100 bytes:
    reading them opens no connection and so leaves nothing beside the book (no ``-shm``,
    no ``-wal``)."""
    if is_locked(path):
        return _read_locked_header(path)
    try:
        with open(path, "rb") as handle:
            header = handle.read(100)
    except OSError as error:
        raise BookError("book.cannot_open", path=str(path)) from error
    if len(header) < 100 or not header.startswith(_HEADER):
        raise BookError("book.corrupt")
    version = int.from_bytes(header[60:64], "big", signed=True)
    schema_cookie = int.from_bytes(header[40:44], "big")
    return version, schema_cookie > 0, int.from_bytes(header[68:72], "big")


def _read_locked_header(path: Path) -> tuple[int, bool, int]:
    """(user_version, has_tables, application_id) of a locked book: its header is
    encrypted, so it is asked through a connection (``book.password_needed`` when its key
    is not known)."""
    conn = connect(path, mode="ro")
    try:
        with sqlite_errors():
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
            application = conn.execute("PRAGMA application_id").fetchone()[0]
    finally:
        conn.close()
    return version, tables > 0, application


def _check_ours(conn: sqlite3.Connection, path: Path) -> None:
    """Refuse another program's SQLite file (``book.not_villagebook``) before anything
    reads or changes it, and a damaged book (``book.corrupt``) before anything is read
    from it or written into it."""
    application = conn.execute("PRAGMA application_id").fetchone()[0]
    if application != APPLICATION_ID:
        tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        ours = application == 0 and (tables == 0 or conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?",
            [MIGRATIONS_TABLE]).fetchone() is not None and conn.execute(
            f"SELECT 1 FROM {MIGRATIONS_TABLE} WHERE migration_set = ? AND name = ?",
            [MIGRATION_SET, MIGRATION_NAMES[0]]).fetchone() is not None)
        if not ours:
            raise BookError("book.not_villagebook", path=str(path))
    if path.stat().st_size <= QUICK_CHECK_BYTES and \
            conn.execute("PRAGMA quick_check(1)").fetchone()[0] != "ok":
        raise BookError("book.corrupt")


def _writable(path: Path) -> bool:
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)


def _connect_read_only(path: Path) -> sqlite3.Connection:
    """A connection that can never write. A book nobody may write (a CD, a protected
    stick) is opened ``immutable`` so that no ``-shm`` is left beside it, unless a
    ``-wal`` holds changes not yet in the file."""
    wal = path.with_name(path.name + "-wal")
    immutable = not _writable(path) and not (wal.exists() and wal.stat().st_size > 0)
    return connect(path, mode="immutable" if immutable else "ro", check_same_thread=False)


def _migrations() -> Migrations:
    """The migrations themselves (``schema``, with sqlite-utils): loaded only when a book
    needs one."""
    from .schema import migrations

    return migrations


def _check_known(conn: sqlite3.Connection, version: int) -> list[str]:
    """Refuse a book that a newer program changed: a newer version, or a recorded
    migration this program does not know (its version number left as it was). Returns
    the migrations still to apply (read from the book's own record of them)."""
    if version > SCHEMA_VERSION:
        raise BookError("book.newer", version=version, supported=SCHEMA_VERSION)
    applied: list[str] = []
    if conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?",
                    [MIGRATIONS_TABLE]).fetchone() is not None:
        applied = [row[0] for row in conn.execute(
            f"SELECT name FROM {MIGRATIONS_TABLE} WHERE migration_set = ? ORDER BY rowid",
            [MIGRATION_SET])]
    unknown = sorted(name for name in applied if name not in MIGRATION_NAMES)
    if unknown:
        raise BookError("book.unknown_migration", name=", ".join(unknown))
    return [name for name in MIGRATION_NAMES if name not in applied]


def open_book(path: str | Path, *, create: bool = False, read_only: bool = False) -> Book:
    """Open (or with ``create`` make) the book at ``path``, migrating it if needed.

    ``read_only`` opens for reading (exports, prints): nothing is written (an older book
    is read through a migrated copy), and a change is refused with ``book.read_only``. Raises ``BookError`` with code ``book.missing``,
    ``book.newer`` (values ``version``, ``supported``), ``book.unknown_migration``,
    ``book.corrupt``, ``book.read_only`` (a book that cannot be written, opened for
    writing), ``book.locked`` or ``book.not_villagebook``.
    """
    path = Path(path)
    exists = path.exists() and path.stat().st_size > 0
    if not exists and not create:
        raise BookError("book.missing", path=str(path))
    if exists and not is_locked(path) and _writable(path.parent) and \
            path.with_name(f".{path.name}.password").exists():
        from .locking import resume  # (with SQLCipher: only when a change was cut short)

        resume(path)  # locking it was cut short before the book itself: dropped
    version, has_tables, application = (0, False, APPLICATION_ID)
    if exists:
        version, has_tables, application = _read_header(path)
        if application not in (0, APPLICATION_ID):
            raise BookError("book.not_villagebook", path=str(path))
        if version > SCHEMA_VERSION:
            raise BookError("book.newer", version=version, supported=SCHEMA_VERSION)
        if has_tables and version == 0:
            raise BookError("book.not_villagebook", path=str(path))
        if read_only:
            return _open_for_reading(path, version)
        if not _writable(path):
            raise BookError("book.read_only", path=str(path))
    else:
        path.parent.mkdir(parents=True, exist_ok=True)

    conn = connect(path, timeout=1.0, check_same_thread=False)
    try:
        with sqlite_errors():
            # the header read above may predate changes still in the -wal: ask again
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            _check_ours(conn, path)
            pending = _check_known(conn, version)
            if conn.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:
                conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA foreign_keys=ON")
            conn.execute("PRAGMA synchronous=FULL")
            # 64 MB of page cache (the default is 2 MB): a household write touches about
            # ten indexes, and at township size they stop fitting in the small cache.
            conn.execute("PRAGMA cache_size=-65536")
            if pending and version > 0:
                backup(conn, path.with_name(f"{path.stem}.before-v{version + 1}.bak"))
            if pending:
                _migrate(conn)
        book = Book(path, conn)
        _claim_site(book)
        return book
    except BaseException:
        conn.close()
        raise


RESTORED = "restored_at"  # meta: put in place by a restore, not yet opened since
CARRIED_PAIRINGS = "restored_pairings"  # meta: the pairings of the book a restore replaced


def _claim_site(book: Book) -> None:
    """Give a copied or restored book a site id of its own (see ``installation``)."""
    mine = installation_id()
    owner = book.meta("installation")
    top = book.own_sequence()
    # a restore marks the book it puts in place; a restore this program did not make (a
    # file copied back by hand) shows when the installation saw more of the site before
    restored = book.meta(RESTORED) is not None
    reason = "copy" if owner is not None and owner != mine else \
        "restore" if restored or seen_sequence(book.site_id) > top else None
    with sqlite_errors():
        if restored:
            book.conn.execute("DELETE FROM meta WHERE key = ?", [RESTORED])
            _carry_pairings(book)
        if reason is not None:
            previous = json.loads(book.meta("previous_sites") or "[]")
            previous.append({"site": book.site_id, "upto": top, "why": reason})
            book.set_meta("previous_sites", json.dumps(previous))
            book.site_id = new_id()
            book.set_meta("site_id", book.site_id)
            book.clock = HybridClock(book.site_id, followed_stamp(book))
        if owner != mine:
            book.set_meta("installation", mine)
        book.conn.commit()


def _carry_pairings(book: Book) -> None:
    """A restored book keeps the pairings the book it replaced had: a computer paired
    since the backup stays paired, one retired since stays retired, one paired again
    keeps its new keys (pairing is about computers, not records)."""
    carried = json.loads(book.meta(CARRIED_PAIRINGS) or "[]")
    book.conn.execute("DELETE FROM meta WHERE key = ?", [CARRIED_PAIRINGS])
    known = {r[1] for r in book.conn.execute("PRAGMA table_info(sync_peers)")}
    for row in carried:
        values = {k: v for k, v in row.items() if k in known}
        here = book.conn.execute("SELECT paired_at, retired_at FROM sync_peers WHERE"
                                 " installation = ?", [values.get("installation")]).fetchone()
        newer = here is None or (values.get("paired_at") or "") > (here[0] or "") or (
            values.get("retired_at") or "") > (here[1] or "")
        if newer and values.get("installation"):
            # names from the table's own columns, never from the carried text
            columns = [c for c in known if c in values]
            book.conn.execute(
                f"INSERT OR REPLACE INTO sync_peers ({', '.join(columns)}) VALUES"
                f" ({', '.join('?' * len(columns))})", [values[c] for c in columns])


def _migrate(conn: sqlite3.Connection) -> None:
    """Apply the migrations a book has not had yet and mark it current."""
    from sqlite_utils import Database

    _migrations().apply(Database(conn))
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")


def _open_for_reading(path: Path, version: int) -> Book:
    conn = _connect_read_only(path)
    copy: Path | None = None
    try:
        with sqlite_errors():
            _check_ours(conn, path)
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            if _check_known(conn, version):
                copy = _brought_up_to_date(conn, path)
                conn.close()
                conn = _connect_read_only(copy)
            conn.execute("PRAGMA cache_size=-65536")
        book = Book(path, conn)
    except BaseException:
        conn.close()
        if copy is not None:
            copy.unlink(missing_ok=True)
        raise
    book.read_only = True
    book.reading_copy = copy
    return book


def _brought_up_to_date(conn: sqlite3.Connection, path: Path) -> Path:
    """A copy of an older book, migrated, in this process's own temporary folder: a
    reading command (an export, a print, ``check``) reads it and leaves the book itself
    as it found it; the book is brought up to date when it is next opened for writing
    (with its backup from before). A locked book's copy stays locked with its key."""
    copy = scratch.claim() / f"reading-{os.urandom(4).hex()}-{path.name}"
    backup(conn, copy)
    target = connect(copy)  # (a locked copy: its key is the book's, held already)
    try:
        with sqlite_errors():
            _migrate(target)
            target.commit()
    except BaseException:
        target.close()
        copy.unlink(missing_ok=True)
        raise
    target.close()
    return copy


def create_book(path: str | Path, fill: Callable[[Book], None]) -> Book:
    """Make a new book at ``path`` and fill it (village, first user, demo records…).

    It is built under a temporary name beside ``path`` and renamed into place only when
    complete, so an interrupted run leaves no half-made book blocking the next try (its
    leftover is replaced). Refused with ``book.exists`` when a book is there already.
    Returns the new book, open, with the operator that ``fill`` set.
    """
    path = Path(path)
    if path.exists() and path.stat().st_size > 0:
        raise BookError("book.exists", path=str(path))
    building = path.with_name(f".{path.name}.creating")
    _remove_with_journal(building)
    scratch.note_part(building)  # swept at the next start if this process dies first
    book = open_book(building, create=True)
    try:
        fill(book)
        operator = book.operator
    except BaseException:
        book.close()
        _remove_with_journal(building)
        raise
    book.close()  # the last connection checkpoints and removes the -wal
    _remove_with_journal(building, keep_main=True)
    os.replace(building, path)
    made = open_book(path)
    made.operator = operator
    return made


def _remove_with_journal(path: Path, keep_main: bool = False) -> None:
    for suffix in ("-wal", "-shm", "-journal") + (() if keep_main else ("",)):
        with contextlib.suppress(FileNotFoundError):
            path.with_name(path.name + suffix).unlink()


def backup(conn: sqlite3.Connection, target: Path, meta: dict[str, str] | None = None
           ) -> Path:
    """A consistent copy of the open book (SQLite's online backup API), one file with no
    journal beside it, checked with ``quick_check``, written under a temporary name then
    renamed; ``BookError('backup.damaged')`` if the copy fails its check. ``meta``: local
    facts written into the copy before it takes the name (a restore's mark)."""
    with replace_atomically(target) as tmp:
        dest = connect_like(conn, tmp)
        try:
            conn.backup(dest)
            if meta:
                dest.executemany("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)",
                                 list(meta.items()))
                dest.commit()
            dest.execute("PRAGMA journal_mode=DELETE")
            if dest.execute("PRAGMA quick_check").fetchone()[0] != "ok":
                raise BookError("backup.damaged", path=str(target))
        finally:
            dest.close()
    return target


def book_version(path: Path) -> int:
    """The schema version a book file declares (read from its header, nothing opened)."""
    return _read_header(path)[0]
