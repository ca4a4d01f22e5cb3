"""Opening a book (one SQLite file), its pragmas, migrations and the operator.

A book is refused, untouched, when it was made by a newer program, is not a database,
is locked by another writer or cannot be written. Before migrating an existing book a
backup copy is written beside it.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from sqlite_utils import Database

from ..core.clock import HybridClock
from ..core.errors import BookError
from .files import replace_atomically
from .schema import SCHEMA_VERSION, migrations

if TYPE_CHECKING:
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


@contextlib.contextmanager
def sqlite_errors() -> Iterator[None]:
    """Turn SQLite errors a person can act on into ``BookError``; let bugs through."""
    try:
        yield
    except sqlite3.Error as error:
        mapped = classify(error)
        if mapped is None:
            raise
        raise mapped from error


def now_text() -> str:
    """Local time to the second, as stored in ``created_at``/``updated_at``/``at``."""
    return dt.datetime.now().astimezone().isoformat(timespec="seconds")


class Book:
    """An open book. ``operator`` (the person working) must be set before any change."""

    def __init__(self, path: Path, conn: sqlite3.Connection) -> None:
        self.path = path
        self.conn = conn
        self.db = Database(conn)
        self.operator: str | None = None
        self.site_id: str = self.meta("site_id") or ""
        # The newest stamp in the book (ours or, after sync, another site's: an index
        # lookup) seeds the clock, so stamps keep increasing across restarts even if the
        # laptop's clock went back.
        last = conn.execute("SELECT max(hlc) FROM changes").fetchone()[0]
        self.clock = HybridClock(self.site_id, last)

    # -- meta ---------------------------------------------------------------
    def meta(self, key: str) -> str | None:
        row = self.conn.execute("SELECT value FROM meta WHERE key = ?", [key]).fetchone()
        return row[0] if row else None

    # -- writing ------------------------------------------------------------
    @contextlib.contextmanager
    def action(self, what: str) -> Iterator[ChangeWriter]:
        """One user action: one transaction, every change logged with the operator."""
        from .changelog import ChangeWriter

        if not self.operator:
            raise BookError("book.no_operator")
        with sqlite_errors(), self.db.atomic():
            yield ChangeWriter(self, what)

    def close(self) -> None:
        with contextlib.suppress(sqlite3.Error):
            self.conn.execute("PRAGMA optimize")
        self.conn.close()

    def __enter__(self) -> Book:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _read_version(path: Path) -> tuple[int, bool]:
    """(user_version, has_tables) read without writing anything."""
    uri = f"{path.resolve().as_uri()}?mode=ro"
    try:
        conn = sqlite3.connect(uri, uri=True)
    except sqlite3.Error as error:
        raise classify(error) or BookError("book.cannot_open") from error
    try:
        with sqlite_errors():
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
    finally:
        conn.close()
    return version, tables > 0


def open_book(path: str | Path, *, create: bool = False) -> Book:
    """Open (or with ``create`` make) the book at ``path``, migrating it if needed.

    Raises ``BookError`` with code ``book.missing``, ``book.newer`` (values ``version``,
    ``supported``), ``book.corrupt``, ``book.read_only``, ``book.locked`` or
    ``book.not_villagebook``.
    """
    path = Path(path)
    exists = path.exists() and path.stat().st_size > 0
    if not exists and not create:
        raise BookError("book.missing", path=str(path))
    version, has_tables = (0, False)
    if exists:
        version, has_tables = _read_version(path)
        if version > SCHEMA_VERSION:
            raise BookError("book.newer", version=version, supported=SCHEMA_VERSION)
        if has_tables and version == 0:
            raise BookError("book.not_villagebook", path=str(path))
        if not os.access(path, os.W_OK) or not os.access(path.parent, os.W_OK):
            raise BookError("book.read_only", path=str(path))
    else:
        path.parent.mkdir(parents=True, exist_ok=True)

    conn = sqlite3.connect(str(path), timeout=1.0, check_same_thread=False)
    try:
        with sqlite_errors():
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA foreign_keys=ON")
            conn.execute("PRAGMA synchronous=FULL")
            # 64 MB of page cache (the default is 2 MB): a household write touches about
            # ten indexes, and at township size they stop fitting in the small cache.
            conn.execute("PRAGMA cache_size=-65536")
            db = Database(conn)
            pending = migrations.pending(db)
            if pending and version > 0:
                backup(conn, path.with_name(f"{path.stem}.before-v{version + 1}.bak"))
            if pending:
                migrations.apply(db)
                conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        return Book(path, conn)
    except BaseException:
        conn.close()
        raise


def backup(conn: sqlite3.Connection, target: Path) -> Path:
    """A consistent copy of the open book, written under a temporary name then renamed."""
    with replace_atomically(target) as tmp:
        dest = sqlite3.connect(str(tmp))
        try:
            conn.backup(dest)
        finally:
            dest.close()
    return target
