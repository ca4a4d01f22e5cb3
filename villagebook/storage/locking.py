"""Locking a book with a password, changing it, taking it off.

The book and the copies that sit beside it (automatic backups, the book kept aside
before a restore, the copy made before a migration) are written anew, each under a
temporary name, checked and renamed into place: killed at any moment, each file is whole,
locked or not. They all get the book's salt and key, so one password opens them all and a
locked book's backups stay locked. The book must be closed (no connection open on it).

The whole change is one recoverable operation: a journal beside the book
(``.NAME.password``) says what it was to become, before the first file is rewritten, and
goes when the last one is done. Locking or changing rewrites the book first, then its
copies; taking the password off rewrites the copies first, the book last. So a change
cut short leaves the book locked whenever a copy may still be: the next open (which asks
the book's password) finishes it — with the old key kept in the journal under the new
one, for the copies still under the old password — or, when the book itself was not yet
rewritten, drops the journal (nothing had changed) — and says which (``resume``).
"""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Callable
from pathlib import Path

import sqlcipher3

from ..core.errors import BookError
from .book_files import companions
from .connection import (
    MIN_PASSWORD,
    SALT_BYTES,
    cipher_connection,
    db_errors,
    derive_key,
    is_locked,
    key_of,
    remember_key,
    salt_of,
    take_alone,
)
from .files import replace_atomically


def journal_of(book_path: Path) -> Path:
    """Where a change of the book's password says what it is to become, until done
    (``open_book`` looks for it by the same name without loading this module)."""
    return book_path.with_name(f".{book_path.name}.password")


def set_password(book_path: str | Path, password: str | None,
                 then: Callable[[], None] | None = None) -> list[Path]:
    """Lock the closed book at ``book_path`` and its companions with ``password``, give
    them a new one, or (None) take the password off; ``then`` runs last, before the
    journal goes (the sync keys follow). The current key must be known when the book is
    locked (``connection.unlock``). Returns the companions rewritten (a companion that
    cannot be read with the book's key is left as it is and not listed)."""
    book_path = Path(book_path)
    if password is not None and len(password) < MIN_PASSWORD:
        raise BookError("book.password_short", count=MIN_PASSWORD)
    old = key_of(book_path)
    salt = os.urandom(SALT_BYTES) if password is not None else None
    key = derive_key(password, salt) if password is not None and salt is not None else None
    _write_journal(book_path, old, salt, key)
    if key is None:  # the copies first: cut short, the book still asks its password
        done = _rewrite_companions(book_path, old, None, None)
        _rewrite(book_path, None, None)
    else:
        _rewrite(book_path, key, salt)
        assert salt is not None
        remember_key(salt, key)
        done = _rewrite_companions(book_path, old, key, salt)
    if then is not None:
        then()
    journal_of(book_path).unlink(missing_ok=True)
    return done


def _rewrite_companions(book_path: Path, old: tuple[bytes, bytes] | None,
                        key: bytes | None, salt: bytes | None) -> list[Path]:
    """The companions under the book's old key (or plain) written with the new one; one
    already done (a change resumed) is rewritten alike, harmlessly."""
    done = []
    for path in companions(book_path):
        if is_locked(path) and salt_of(path) not in {s for s in (old and old[0], salt) if s}:
            continue  # locked with another password: not this book's to change
        with contextlib.suppress(*db_errors(BookError)):
            _rewrite(path, key, salt)
            done.append(path)
    return done


def _write_journal(book_path: Path, old: tuple[bytes, bytes] | None, salt: bytes | None,
                   key: bytes | None) -> None:
    """What the change is to become; the old key only sealed under the new one (never
    in the clear: it opens the copies not yet rewritten)."""
    entry: dict[str, str | None] = {"salt": salt.hex() if salt else None,
                                    "old_salt": old[0].hex() if old else None,
                                    "old_key": None}
    if old is not None and key is not None:
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        nonce = os.urandom(12)
        entry["old_key"] = (nonce + AESGCM(key).encrypt(nonce, old[1], None)).hex()
    with replace_atomically(journal_of(book_path), mode=0o600) as tmp:
        tmp.write_text(json.dumps(entry), encoding="utf-8")


_resumed: dict[Path, str] = {}  # what ``resume`` did at an open, until said


def take_resumed(book_path: str | Path) -> str | None:
    """What resuming a cut-short change did when the book was opened (``"finished"``,
    ``"undone"``), once, for the window or the command to say; None when nothing."""
    return _resumed.pop(Path(book_path).resolve(), None)


def resume(book_path: str | Path, then: Callable[[], None] | None = None,
           undo: Callable[[], None] | None = None) -> str | None:
    """A change of the password cut short, met when the book is opened (its key known):
    ``"finished"`` (the book had been rewritten: its copies follow, then ``then``),
    ``"undone"`` (the book had not: nothing had changed; ``undo`` runs), or None when
    there was none."""
    book_path = Path(book_path)
    journal = journal_of(book_path)
    try:
        entry = json.loads(journal.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except ValueError:  # cut short while written: nothing had been rewritten yet
        entry = None
    current = key_of(book_path)
    if entry is None or (entry["salt"] and (
            current is None or current[0] != bytes.fromhex(entry["salt"]))):
        if undo is not None:
            undo()
        journal.unlink(missing_ok=True)
        _resumed[book_path.resolve()] = "undone"
        return "undone"
    if entry["salt"] is None and current is None:  # taken off: only the journal was left
        journal.unlink(missing_ok=True)
        _resumed[book_path.resolve()] = "finished"
        return "finished"
    if entry["salt"] is None:  # taking it off: copies, then the book (still locked)
        _rewrite_companions(book_path, current, None, None)
        _rewrite(book_path, None, None)
    else:
        assert current is not None
        old = None
        if entry["old_key"] and entry["old_salt"]:
            from cryptography.hazmat.primitives.ciphers.aead import AESGCM

            sealed = bytes.fromhex(entry["old_key"])
            old = (bytes.fromhex(entry["old_salt"]),
                   AESGCM(current[1]).decrypt(sealed[:12], sealed[12:], None))
            remember_key(*old)
        _rewrite_companions(book_path, old, current[1], current[0])
    if then is not None:
        then()
    journal.unlink(missing_ok=True)
    _resumed[book_path.resolve()] = "finished"
    return "finished"


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

