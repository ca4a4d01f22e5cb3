"""The archive as the sync engine sees it: a book (``ArchiveBook``) whose connection is a
PostgreSQL database, made by ``init_archive`` and opened by ``open_archive``.

An archive is known by its table of migrations (``archive_migrations``): a database with
tables but without it is another program's and is never touched; one whose migrations
or book schema are newer than this program's is refused, never changed. Migrations are
numbered and each is recorded with the program's version; the book tables also follow
the program's book schema (a newer program adds the tables and columns a new book has).
"""

from __future__ import annotations

import contextlib
import os
import re
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import psycopg

from .. import __version__
from ..core.errors import VillagebookError
from ..core.today import now_text
from ..storage import scratch
from ..storage.book import Book, open_book
from ..storage.levels import COUNTY
from ..storage.schema_names import SCHEMA_VERSION
from ..storage.township import check_township
from .pg import Connection
from .schema import Table, book_tables
from .views import create_views


class ArchiveError(VillagebookError):
    """The archive cannot be used; ``code`` says why (cannot connect, another program's
    database, newer, the server went away…)."""

    code = "archive.error"


BOOK_SCHEMA = "archive_book_schema"  # meta: the book schema version its tables follow
_LOCK_KEY = 0x56424B31  # an advisory lock: one ingest into an archive at a time


def shown_dsn(dsn: str) -> str:
    """A DSN as it may be printed: without its password."""
    return re.sub(r"(password\s*=\s*)\S+", r"\1***", re.sub(r"(://[^:/@]*:)[^@]*@", r"\1***@",
                                                              dsn))


def connect(dsn: str) -> psycopg.Connection[Any]:
    """A connection to the archive's database; refused in words when the DSN is not one or
    the server cannot be reached (its own message kept)."""
    try:
        return psycopg.connect(dsn, connect_timeout=10, application_name="villagebook")
    except psycopg.ProgrammingError as error:
        raise ArchiveError("archive.bad_dsn", dsn=shown_dsn(dsn), reason=_first(error)) from error
    except psycopg.OperationalError as error:
        raise ArchiveError("archive.cannot_connect", dsn=shown_dsn(dsn),
                           reason=_first(error)) from error


def _first(error: BaseException) -> str:
    return (str(error).strip().splitlines() or [type(error).__name__])[0]


@contextlib.contextmanager
def server_errors(dsn: str) -> Iterator[None]:
    """The server going away (or refusing) in the middle: said in words. What the open
    transaction had written is gone with it; every package applied before stays."""
    try:
        yield
    except psycopg.OperationalError as error:
        raise ArchiveError("archive.server_gone", dsn=shown_dsn(dsn),
                           reason=_first(error)) from error


class ArchiveBook(Book):
    """A book kept in PostgreSQL: the engine's reads and writes go through ``Connection``;
    one transaction per package, as in a book."""

    def __init__(self, dsn: str, conn: Connection) -> None:
        self.dsn = dsn
        self._depth = 0
        super().__init__(Path(shown_dsn(dsn)), conn)  # type: ignore[arg-type]

    @contextlib.contextmanager
    def writing(self) -> Iterator[None]:
        """One transaction (a savepoint inside another)."""
        conn: Connection = self.conn  # type: ignore[assignment]
        self._depth += 1
        savepoint = f"sp{self._depth}"
        try:
            if self._depth > 1:
                conn.execute(f"SAVEPOINT {savepoint}")
                yield
                conn.execute(f"RELEASE SAVEPOINT {savepoint}")
            else:
                # the statements whose results nobody reads (inserts, updates) go without
                # waiting for each answer: a round trip saved each
                with conn.raw.pipeline() as pipeline:
                    conn.pipeline = pipeline
                    try:
                        yield
                        conn.send_held()
                    finally:
                        conn.pipeline = None
                conn.commit()
        except BaseException:
            conn.drop_held()
            with contextlib.suppress(psycopg.Error):
                if self._depth > 1:
                    conn.execute(f"ROLLBACK TO SAVEPOINT {savepoint}")
                else:
                    conn.rollback()
            raise
        finally:
            self._depth -= 1

    def __enter__(self) -> ArchiveBook:
        return self

    def close(self) -> None:
        self.closed = True
        with contextlib.suppress(psycopg.Error):
            self.conn.close()

    @contextlib.contextmanager
    def ingesting(self) -> Iterator[None]:
        """One ingest at a time into this archive (a second waits for the first)."""
        raw: psycopg.Connection[Any] = self.conn.raw  # type: ignore[attr-defined]
        raw.execute("SELECT pg_advisory_lock(%s)", [_LOCK_KEY])
        raw.commit()
        try:
            yield
        finally:
            with contextlib.suppress(psycopg.Error):
                raw.rollback()
                raw.execute("SELECT pg_advisory_unlock(%s)", [_LOCK_KEY])
                raw.commit()


@contextlib.contextmanager
def _template() -> Iterator[Book]:
    """A new, empty book in this process's scratch folder: its schema is the archive's."""
    path = scratch.claim() / f"archive-template-{os.urandom(4).hex()}.db"
    book = open_book(path, create=True)
    try:
        yield book
    finally:
        book.close()
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)


def _tables_here(raw: psycopg.Connection[Any]) -> set[str]:
    return {r[0] for r in raw.execute(
        "SELECT table_name FROM information_schema.tables WHERE table_schema ="
        " current_schema()")}


def _meta(raw: psycopg.Connection[Any], key: str) -> str | None:
    row = raw.execute("SELECT value FROM meta WHERE key = %s", [key]).fetchone()
    return row[0] if row else None


def _set_meta(raw: psycopg.Connection[Any], key: str, value: str) -> None:
    raw.execute("INSERT INTO meta (key, value) VALUES (%s, %s) ON CONFLICT (key) DO UPDATE"
                " SET value = EXCLUDED.value", [key, value])


def _create_tables(raw: psycopg.Connection[Any], conn: sqlite3.Connection) -> None:
    for table in book_tables(conn):
        _create_table(raw, table)


def _create_table(raw: psycopg.Connection[Any], table: Table) -> None:
    raw.execute(table.create())  # (names from the book's schema)
    for index in table.indexes:
        raw.execute(index)


# the archive's numbered migrations: (name, step); a step gets the raw connection and the
# connection of a new book (its schema is the one the tables follow)
MIGRATIONS: list[tuple[str, Callable[[psycopg.Connection[Any], sqlite3.Connection], None]]] = [
    ("the book's tables", _create_tables),
    ("report views", lambda raw, _book: create_views(raw)),
]


def init_archive(dsn: str, name: str, code: str) -> None:
    """Make an archive in the (empty) database ``dsn``: a county's (6-digit code) book
    tables, its views, its identity. Refused in words for a database that holds tables
    already (an archive, or another program's)."""
    from ..core.errors import ValidationFailed

    issues = check_township({"name": name, "code": code, "user": "-"}, COUNTY)
    if issues:  # (an archive has no user of its own: it makes no changes)
        raise ValidationFailed(issues)
    raw = connect(dsn)
    try:
        with server_errors(dsn):
            here = _tables_here(raw)
            if "archive_migrations" in here:
                raise ArchiveError("archive.exists", dsn=shown_dsn(dsn))
            if here:
                raise ArchiveError("archive.not_ours", dsn=shown_dsn(dsn),
                                   tables=", ".join(sorted(here)[:5]))
            with _template() as template:
                raw.execute("CREATE TABLE archive_migrations (version integer PRIMARY KEY,"
                            " name text NOT NULL, applied_at text NOT NULL,"
                            " program text NOT NULL)")
                _migrate(raw, template.conn, 0)
                for key, value in template.conn.execute("SELECT key, value FROM meta"):
                    _set_meta(raw, key, value)
            _set_meta(raw, "book_kind", COUNTY)
            _set_meta(raw, f"{COUNTY}_name", name.strip())
            _set_meta(raw, f"{COUNTY}_code", code.strip())
            _set_meta(raw, BOOK_SCHEMA, str(SCHEMA_VERSION))
            raw.commit()
    finally:
        raw.close()


def _migrate(raw: psycopg.Connection[Any], book: sqlite3.Connection, done: int) -> None:
    for number, (name, step) in enumerate(MIGRATIONS, start=1):
        if number > done:
            step(raw, book)
            raw.execute("INSERT INTO archive_migrations (version, name, applied_at, program)"
                        " VALUES (%s, %s, %s, %s)", [number, name, now_text(), __version__])


def _follow_book_schema(raw: psycopg.Connection[Any], book: sqlite3.Connection) -> None:
    """Add what a new book has and the archive's tables lack (a newer program's schema)."""
    here = _tables_here(raw)
    for table in book_tables(book):
        if table.name not in here:
            _create_table(raw, table)
            continue
        columns = {r[0] for r in raw.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_schema ="
            " current_schema() AND table_name = %s", [table.name])}
        for column in table.columns:
            if column.name not in columns:
                raw.execute(table.add_column(column))
        for index in table.indexes:
            raw.execute(index.replace(" INDEX ", " INDEX IF NOT EXISTS ", 1))


def open_archive(dsn: str) -> ArchiveBook:
    """Open the archive at ``dsn``, bringing its tables up to this program (in one
    transaction). Refused in words: no archive there (``archive init`` first), another
    program's database, a newer archive."""
    raw = connect(dsn)
    try:
        with server_errors(dsn):
            here = _tables_here(raw)
            if "archive_migrations" not in here:
                raise ArchiveError("archive.not_ours" if here else "archive.missing",
                                   dsn=shown_dsn(dsn), tables=", ".join(sorted(here)[:5]))
            done = raw.execute("SELECT coalesce(max(version), 0) FROM"
                               " archive_migrations").fetchone()[0]  # type: ignore[index]
            follows = int(_meta(raw, BOOK_SCHEMA) or 0)
            if done > len(MIGRATIONS) or follows > SCHEMA_VERSION:
                raise ArchiveError("archive.newer", dsn=shown_dsn(dsn), version=done,
                                   supported=len(MIGRATIONS))
            if done < len(MIGRATIONS) or follows < SCHEMA_VERSION:
                with _template() as template:
                    _follow_book_schema(raw, template.conn)
                    _migrate(raw, template.conn, done)
                create_views(raw)  # (a newer program's columns and code lists)
                _set_meta(raw, BOOK_SCHEMA, str(SCHEMA_VERSION))
            raw.commit()
            return ArchiveBook(dsn, Connection(raw))
    except BaseException:
        raw.close()
        raise
