"""Locking a book with a password, changing it, taking it off.

The book and the copies that sit beside it (automatic backups, the book kept aside
before a restore, the copy made before a migration) are written anew, each under a
temporary name, checked and renamed into place: killed at any moment, each file is whole,
locked or not. They all get the book's salt and key, so one password opens them all and a
locked book's backups stay locked. The book must be closed (no connection open on it).
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

import sqlcipher3

from ..core.errors import BookError
from .connection import (MIN_PASSWORD, SALT_BYTES, cipher_connection, db_errors,
                         derive_key, is_locked, key_of, remember_key, salt_of, take_alone)
from .files import replace_atomically


def companions(book_path: Path) -> list[Path]:
    """The copies of a book kept beside it that hold its records: automatic backups, the
    book kept aside before a restore, the copy made before a migration."""
    from .backups import backup_folder

    stem = book_path.stem
    found = sorted(book_path.parent.glob(f"{stem}-恢复前-*.db"))
    found += sorted(book_path.parent.glob(f"{stem}.before-v*.bak"))
    folder = backup_folder(book_path)
    if folder.is_dir():
        found += sorted(folder.glob(f"{stem}-*.db"))
    return found


def set_password(book_path: str | Path, password: str | None) -> list[Path]:
    """Lock the closed book at ``book_path`` and its companions with ``password``, give
    them a new one, or (None) take the password off. The current key must be known when
    the book is locked (``connection.unlock``). Returns the companions rewritten (a
    companion that cannot be read with the book's key is left as it is and not listed)."""
    book_path = Path(book_path)
    if password is not None and len(password) < MIN_PASSWORD:
        raise BookError("book.password_short", count=MIN_PASSWORD)
    old = key_of(book_path)
    salt = os.urandom(SALT_BYTES) if password is not None else None
    key = derive_key(password, salt) if password is not None and salt is not None else None
    _rewrite(book_path, key, salt)
    if key is not None and salt is not None:
        remember_key(salt, key)
    done = []
    for path in companions(book_path):
        if is_locked(path) and (old is None or salt_of(path) != old[0]):
            continue  # locked with another password: not this book's to change
        with contextlib.suppress(*db_errors(BookError)):
            _rewrite(path, key, salt)
            done.append(path)
    return done


def _rewrite(path: Path, key: bytes | None, salt: bytes | None) -> None:
    """``path`` (closed) written anew: locked with ``key`` and ``salt``, or plain."""
    take_alone(path)  # refused while another program has it open; its -wal folded in
    with replace_atomically(path) as tmp:
        _export(path, tmp, key, salt)
    for leftover in (Path(f"{path}-wal"), Path(f"{path}-shm")):
        with contextlib.suppress(FileNotFoundError):
            leftover.unlink()


def _export(source: Path, target: Path, key: bytes | None, salt: bytes | None) -> None:
    """``sqlcipher_export`` copies the schema and rows into ``target``; the version
    number is copied by hand. The copy is checked before it is kept."""
    current = key_of(source)
    if current is not None:
        conn = cipher_connection(str(source), current[1])
    else:
        conn = sqlcipher3.connect(str(source))  # a plain file: SQLCipher reads it as is
    try:
        version = conn.execute("PRAGMA main.user_version").fetchone()[0]
        attach_key = f"x'{key.hex()}{salt.hex()}'" if key is not None and salt else ""
        conn.execute("ATTACH DATABASE ? AS target KEY ?", [str(target), attach_key])
        conn.execute("SELECT sqlcipher_export('target')")
        conn.execute(f"PRAGMA target.user_version = {int(version)}")
        if conn.execute("PRAGMA target.quick_check").fetchone()[0] != "ok":
            raise BookError("backup.damaged", path=str(target))
        conn.commit()
        conn.execute("DETACH DATABASE target")
    finally:
        conn.close()

