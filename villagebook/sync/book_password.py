"""A book's password, and with it this installation's sync keys.

The keys that sign and receive packages are the laptop's, not the book's, but they are
as much worth stealing: whoever holds them can send packages in the village's name. So
they are kept under the same password as the locked book, and read when it is opened.
"""

from __future__ import annotations

from pathlib import Path

from ..storage import connection, locking
from .keys import (
    SyncError,
    commit_staged_keys,
    drop_staged_keys,
    forget_unlocked_keys,
    protect_keys,
    stage_protected_keys,
    unlock_keys,
)


def open_locked(path: str | Path, password: str) -> str | None:
    """Unlock the locked book at ``path`` (``BookError('book.wrong_password')``) and the
    sync keys kept under the same password, for this process. A change of the password
    cut short is finished (or, when the book was not yet rewritten, dropped) first:
    returns ``"finished"`` or ``"undone"`` then, to be said; None otherwise."""
    connection.unlock(path, password)
    locking.resume(path, then=commit_staged_keys, undo=drop_staged_keys)
    unlock_keys(password)
    return locking.take_resumed(path)


def set_password(path: str | Path, password: str | None) -> list[Path]:
    """Lock the closed book with ``password``, change it, or (None) take it off; its
    backups beside it and this installation's sync keys follow, as one recoverable
    operation (``locking``). Returns the backups rewritten."""
    if password is None:  # the keys first: cut short after, the book still opens them
        _protect_keys(None)
        return locking.set_password(path, None)
    try:  # the keys under the new password, ready beside the old ones
        stage_protected_keys(password)
    except SyncError as error:
        if error.code != "sync.keys_locked":
            raise
        # kept under another book's password on this laptop: that password opens them
    return locking.set_password(path, password, then=commit_staged_keys)


def _protect_keys(password: str | None) -> None:
    try:
        protect_keys(password)
    except SyncError as error:
        if error.code != "sync.keys_locked":
            raise
        # kept under another book's password on this laptop: protected already, and
        # that book's password still opens them


def forget() -> None:
    """Drop every key held in memory: the books' and the sync keys."""
    connection.forget_keys()
    forget_unlocked_keys()
