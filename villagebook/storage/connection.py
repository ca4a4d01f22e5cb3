"""Every connection to a book file, plain or locked with a password.

A locked book is an SQLCipher file (``sqlcipher3``): every page encrypted, the first 16
bytes its salt. A plain book is opened with Python's own ``sqlite3``. Each file is opened
by one library only, chosen by the file itself, because two SQLite libraries in one
process do not share their POSIX locks on the same file.

The password never reaches SQLCipher: ``derive_key`` makes a raw 256-bit key from the
password and the file's salt (PBKDF2-HMAC-SHA512, as SQLCipher 4 does itself), once per
file, and connections get that raw key, so the background readers and backups do not pay
the key derivation again. The keys are kept in this process's memory only, by salt: a
backup made from a locked book keeps its salt and opens with the same key.
"""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path
from typing import cast

from ..core.errors import BookError

PLAIN_HEADER = b"SQLite format 3\x00"
SALT_BYTES = 16
KDF_ITERATIONS = 256_000  # SQLCipher 4's own default for PBKDF2-HMAC-SHA512
MIN_PASSWORD = 6


_keys: dict[bytes, bytes] = {}  # salt -> raw key, for this process only


def db_errors(*also: type[Exception]) -> tuple[type[Exception], ...]:
    """What a failing SQLite call raises, whichever library made the connection, and the
    exception classes ``also`` given. SQLCipher's errors count once it is loaded (before a
    locked file is first opened, nothing of it can fail): read at the moment of the
    failure, as in ``except db_errors(OSError):``."""
    cipher = sys.modules.get("sqlcipher3")
    return (*also, sqlite3.Error) if cipher is None else (*also, sqlite3.Error, cipher.Error)


def _sqlcipher():
    """The SQLCipher library, loaded when a locked file is first opened (3 ms otherwise
    paid at every start)."""
    import sqlcipher3

    return sqlcipher3


def _first_bytes(path: Path, count: int) -> bytes:
    try:
        with open(path, "rb") as handle:
            return handle.read(count)
    except FileNotFoundError:
        return b""


def is_locked(path: str | Path) -> bool:
    """True when the file is a locked book (or, what cannot be told apart without its
    password, a damaged file whose whole first page is unreadable)."""
    path = Path(path)
    head = _first_bytes(path, len(PLAIN_HEADER))
    if len(head) < len(PLAIN_HEADER) or head == PLAIN_HEADER:
        return False
    # SQLCipher writes whole pages; a plain file cut short is damaged, not locked
    return path.stat().st_size % 1024 == 0


def salt_of(path: str | Path) -> bytes:
    """A locked file's salt: its first 16 bytes, stored in the clear by SQLCipher."""
    return _first_bytes(Path(path), SALT_BYTES)


def derive_key(password: str, salt: bytes) -> bytes:
    """The raw SQLCipher key for ``password`` on a file with ``salt``."""
    import hashlib  # with OpenSSL: read for a locked book only

    return hashlib.pbkdf2_hmac("sha512", password.encode("utf-8"), salt, KDF_ITERATIONS, 32)


def _key_pragma(key: bytes, salt: bytes | None = None) -> str:
    # x'…' is SQLCipher's raw key; with the salt appended it also sets a new file's salt
    return f"PRAGMA key = \"x'{key.hex()}{salt.hex() if salt else ''}'\""


def _cipher(target: str, *, key: bytes, salt: bytes | None = None,
            uri: bool = False, **options: object) -> sqlite3.Connection:
    sqlcipher3 = _sqlcipher()
    conn = sqlcipher3.connect(target, uri=uri, **options)
    conn.execute("PRAGMA cipher_log_level = NONE")  # a wrong key is our error to tell
    conn.execute(_key_pragma(key, salt))
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlcipher3.DatabaseError as error:
        conn.close()
        raise BookError("book.wrong_password") from error
    return cast(sqlite3.Connection, conn)


def unlock(path: str | Path, password: str) -> None:
    """Check ``password`` against the locked file at ``path`` and keep its key for this
    process. Raises ``BookError('book.wrong_password')``."""
    path = Path(path)
    salt = salt_of(path)
    key = derive_key(password, salt)
    _cipher(f"{path.resolve().as_uri()}?mode=ro", key=key, uri=True).close()
    _keys[salt] = key


def forget_keys() -> None:
    """Drop every key this process holds (the window locks, the program ends)."""
    _keys.clear()


def connect(path: str | Path, *, mode: str | None = None, timeout: float = 5.0,
            check_same_thread: bool = True) -> sqlite3.Connection:
    """A connection to the book file at ``path``: ``mode`` "ro" for reading only,
    "immutable" for a file nobody may write, None for reading and writing (the file is
    made if missing). A locked file needs its key (``unlock`` first), else
    ``BookError('book.password_needed')``."""
    path = Path(path)
    uri = f"{path.resolve().as_uri()}?{'immutable=1' if mode == 'immutable' else 'mode=ro'}"
    found = key_of(path) if path.exists() else None  # book.password_needed
    if found is not None:
        key = found[1]
        if mode is None:
            return _cipher(str(path), key=key, timeout=timeout,
                           check_same_thread=check_same_thread)
        return _cipher(uri, key=key, uri=True, timeout=timeout,
                       check_same_thread=check_same_thread)
    if mode is None:
        return sqlite3.connect(str(path), timeout=timeout,
                               check_same_thread=check_same_thread)
    return sqlite3.connect(uri, uri=True, timeout=timeout,
                           check_same_thread=check_same_thread)


def take_alone(path: str | Path) -> None:
    """Make sure nobody else has the book open before its file is replaced (a restore, a
    new password): a window still writing into a replaced file would write into nothing.
    Leaving WAL mode needs every other connection gone, and folds the ``-wal`` into the
    file; ``BookError('book.locked')`` when another program holds it."""
    conn = connect(path, timeout=1.0)
    try:
        mode = conn.execute("PRAGMA journal_mode=DELETE").fetchone()[0]
    except db_errors() as error:
        text = str(error).lower()
        if "locked" in text or "busy" in text:
            raise BookError("book.locked") from error
        raise  # a damaged file: its caller decides
    finally:
        conn.close()
    if str(mode).lower() != "delete":
        raise BookError("book.locked")


def connect_like(source: sqlite3.Connection, path: str | Path) -> sqlite3.Connection:
    """A new file at ``path`` for a copy of ``source`` (SQLite's backup API): locked with
    the same key and salt when ``source`` is locked, so the copy stays locked and opens
    with the same password."""
    cipher = sys.modules.get("sqlcipher3")  # no locked file opened yet: source is plain
    if cipher is not None and isinstance(source, cipher.Connection):
        found = key_of(source.execute("PRAGMA database_list").fetchone()[2])
        assert found is not None  # an SQLCipher connection is to a locked file
        salt, key = found
        return _cipher(str(path), key=key, salt=salt)
    return sqlite3.connect(str(path))


def key_of(path: str | Path) -> tuple[bytes, bytes] | None:
    """(salt, key) of a locked file whose key this process holds; None for a plain file."""
    if not is_locked(path):
        return None
    salt = salt_of(path)
    if salt not in _keys:
        raise BookError("book.password_needed", path=str(path))
    return salt, _keys[salt]


def remember_key(salt: bytes, key: bytes) -> None:
    """Keep the key of a file just locked with ``salt`` (see ``locking``)."""
    _keys[salt] = key


def cipher_connection(target: str, key: bytes, salt: bytes | None = None
                      ) -> sqlite3.Connection:
    """An SQLCipher connection to ``target`` with a raw key (``locking`` rewrites files
    through it); ``BookError('book.wrong_password')`` when the key does not open it."""
    return _cipher(target, key=key, salt=salt)
