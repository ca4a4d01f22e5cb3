"""A PostgreSQL connection that the sync engine can talk to as it talks to a book's SQLite
connection: ``execute(sql, params)`` with the engine's own SQL, turned into PostgreSQL's
dialect once per statement text.

The engine's statements are written for SQLite; the few places where the two dialects
part are turned here, so that one engine (``sync/``) applies packages to both stores and
no second list of rules exists:

- ``?`` placeholders become ``%s`` (and a literal ``%`` is doubled);
- ``INSERT OR IGNORE`` becomes ``INSERT … ON CONFLICT DO NOTHING`` and ``INSERT OR
  REPLACE`` an upsert on the table's primary key;
- SQLite's two-argument ``max(a, b)`` and ``min(a, b)`` become ``GREATEST`` and ``LEAST``;
- ``IN (SELECT value FROM json_each(x))`` becomes ``= ANY(ARRAY(…))`` of the list;
- ``json_each(x)`` becomes ``json_array_elements_text(x::json)`` with the column
  ``value`` SQLite names;
- ``PRAGMA table_info(t)`` reads the table's columns from ``information_schema``.

A Python ``bool`` is sent as an integer (a book keeps 0/1 in INTEGER columns), and a value
PostgreSQL cannot store in its column (text in a number column, which SQLite keeps as
text) is a ``ValueError``: the engine refuses such a package as damaged.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterator, Sequence
from functools import lru_cache
from typing import Any

import psycopg
from psycopg import errors as pg_errors
from psycopg.adapt import Dumper


class BoolAsInteger(Dumper):
    """A Python bool as PostgreSQL's bigint 0/1, as SQLite stores it."""

    oid = psycopg.adapters.types["int8"].oid

    def dump(self, obj: Any) -> bytes:
        return b"1" if obj else b"0"


class BadValue(ValueError):
    """A value its PostgreSQL column cannot hold (``DataError``)."""


_JSON_EACH = re.compile(r"json_each\(([^()]*)\)(?:\s+(?!(?:WHERE|GROUP|ORDER|JOIN|ON|LIMIT)\b)"
                        r"([A-Za-z_]\w*))?", re.IGNORECASE)
_TABLE_INFO = re.compile(r"^\s*PRAGMA\s+table_info\(\s*\"?(\w+)\"?\s*\)\s*$", re.IGNORECASE)
_OR_REPLACE = re.compile(r"^\s*INSERT\s+OR\s+REPLACE\s+INTO\s+(\w+)\s*\(([^)]*)\)",
                         re.IGNORECASE)
_OR_IGNORE = re.compile(r"^\s*INSERT\s+OR\s+IGNORE\s+INTO", re.IGNORECASE)
# ``x IN (SELECT value FROM json_each(?))``: the list read once (an init plan), so that
# PostgreSQL looks each value up in the index rather than reading the JSON again for
# every row it joins (as it did with the planner's guesses on tables just filled)
_IN_JSON = re.compile(r"IN\s*\(\s*SELECT\s+value\s+FROM\s+json_each\(([^()]*)\)\s*\)",
                      re.IGNORECASE)
_SCALAR_MAX = re.compile(r"\b(max|min)\(([^(),]+),([^(),]+)\)", re.IGNORECASE)

COLUMNS_SQL = ("SELECT ordinal_position - 1, column_name, upper(data_type),"
               " (is_nullable = 'NO')::int, column_default, 0 FROM information_schema.columns"
               " WHERE table_schema = current_schema() AND table_name = %s"
               " ORDER BY ordinal_position")


def primary_keys(conn: psycopg.Connection[Any]) -> dict[str, tuple[str, ...]]:
    """Each table's primary key columns (for ``INSERT OR REPLACE``)."""
    keys: dict[str, list[str]] = {}
    for table, column in conn.execute(
            "SELECT tc.table_name, kcu.column_name FROM information_schema.table_constraints tc"
            " JOIN information_schema.key_column_usage kcu ON kcu.constraint_name ="
            " tc.constraint_name AND kcu.table_schema = tc.table_schema WHERE"
            " tc.constraint_type = 'PRIMARY KEY' AND tc.table_schema = current_schema()"
            " ORDER BY tc.table_name, kcu.ordinal_position"):
        keys.setdefault(table, []).append(column)
    return {table: tuple(columns) for table, columns in keys.items()}


@lru_cache(maxsize=2048)
def translate(sql: str, keys: tuple[tuple[str, tuple[str, ...]], ...]) -> str:
    """The engine's SQLite statement in PostgreSQL's dialect (``keys``: each table's primary
    key, for an upsert)."""
    replace = _OR_REPLACE.match(sql)
    if replace:
        table, names = replace.group(1), [n.strip() for n in replace.group(2).split(",")]
        key = dict(keys)[table]
        sets = ", ".join(f"{n} = EXCLUDED.{n}" for n in names if n not in key)
        sql = (f"INSERT INTO {table} ({', '.join(names)})" + sql[replace.end():]
               + f" ON CONFLICT ({', '.join(key)}) DO "
               + (f"UPDATE SET {sets}" if sets else "NOTHING"))
    elif _OR_IGNORE.match(sql):
        sql = _OR_IGNORE.sub("INSERT INTO", sql) + " ON CONFLICT DO NOTHING"
    sql = _IN_JSON.sub(lambda m: "= ANY(ARRAY(SELECT json_array_elements_text("
                                 f"CAST({m.group(1)} AS json))))", sql)
    sql = _JSON_EACH.sub(_json_each, sql)
    sql = _SCALAR_MAX.sub(lambda m: f"{'GREATEST' if m.group(1).lower() == 'max' else 'LEAST'}"
                                    f"({m.group(2)},{m.group(3)})", sql)
    return sql.replace("%", "%%").replace("?", "%s")


def _json_each(match: re.Match[str]) -> str:
    alias = match.group(2)
    return (f"json_array_elements_text(CAST({match.group(1)} AS json))"
            + (f" AS {alias}(value)" if alias else " AS value"))


class Cursor:
    """The part of a sqlite3 cursor the engine reads. Inside a pipeline (a package being
    applied) a statement's result is waited for only when it is read."""

    def __init__(self, cursor: psycopg.Cursor[Any], connection: Connection) -> None:
        self._cursor = cursor
        self._connection = connection

    def _results(self) -> None:
        if self._connection.pipeline is not None:
            with _bad_values():
                self._connection.pipeline.sync()

    def fetchone(self) -> Any:
        self._results()
        return self._cursor.fetchone() if self._cursor.description else None

    def fetchall(self) -> list[Any]:
        self._results()
        return self._cursor.fetchall() if self._cursor.description else []

    def __iter__(self) -> Iterator[Any]:
        return iter(self.fetchall())

    @property
    def description(self) -> Any:
        self._results()
        return self._cursor.description

    @property
    def rowcount(self) -> int:
        self._results()
        return self._cursor.rowcount


@contextlib.contextmanager
def _bad_values() -> Iterator[None]:
    try:
        yield
    except pg_errors.DataError as error:
        raise BadValue(str(error)) from error


class Inserted:
    """What a held-back insert gives: no rows; one row written (as it will be)."""

    description = None
    rowcount = 1

    def fetchone(self) -> Any:
        return None

    def fetchall(self) -> list[Any]:
        return []

    def __iter__(self) -> Iterator[Any]:
        return iter(())


# a plain insert (no upsert, no RETURNING, no INSERT … SELECT): nobody reads its result
_PLAIN_INSERT = re.compile(r"^\s*INSERT\s+INTO\s+\w+\s*\([^)]*\)\s*VALUES\s*\([?,\s]*\)\s*$",
                           re.IGNORECASE)


class Connection:
    """A psycopg connection spoken to as the engine speaks to SQLite.

    While a package is applied (``pipeline`` set), plain inserts are held back and sent
    together, each statement's rows in one ``executemany``, before the next statement of
    any other kind: a package's change log and records go in batches (psycopg's cost
    per statement, not the server's, was what was left). Inserts into other rows commute;
    those of one statement keep their order, and every read or update sees them all."""

    def __init__(self, conn: psycopg.Connection[Any]) -> None:
        self.raw = conn
        self.pipeline: psycopg.Pipeline | None = None  # while a package is applied
        self._held: dict[str, list[list[Any]]] = {}
        conn.adapters.register_dumper(bool, BoolAsInteger)
        self._keys = tuple(sorted(primary_keys(conn).items()))

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Cursor | Inserted:
        if self.pipeline is not None and _PLAIN_INSERT.match(sql):
            self._held.setdefault(translate(sql, self._keys), []).append(list(params))
            return Inserted()
        self.send_held()
        info = _TABLE_INFO.match(sql)
        if info:
            return Cursor(self.raw.execute(COLUMNS_SQL, [info.group(1)]), self)
        with _bad_values():
            return Cursor(self.raw.execute(translate(sql, self._keys), list(params)), self)

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        self.send_held()
        with _bad_values(), self.raw.cursor() as cursor:
            cursor.executemany(translate(sql, self._keys), rows)

    def send_held(self) -> None:
        """Send the inserts held back (see the class)."""
        held, self._held = self._held, {}
        with _bad_values(), self.raw.cursor() as cursor:
            for sql, rows in held.items():
                cursor.executemany(sql, rows)

    def drop_held(self) -> None:
        """Forget the inserts held back (their transaction is rolled back)."""
        self._held = {}

    @property
    def in_transaction(self) -> bool:
        return self.raw.info.transaction_status != psycopg.pq.TransactionStatus.IDLE

    def commit(self) -> None:
        self.raw.commit()

    def rollback(self) -> None:
        self.raw.rollback()

    def close(self) -> None:
        self.raw.close()
