"""A lock on a file, held while this process runs: the system lets it go when the process
ends, a crash included, so a lock left by a dead process never blocks anyone."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import IO

if sys.platform == "win32":
    import msvcrt

    def hold(handle: IO[bytes]) -> None:
        """Lock the open file ``handle`` for this process; ``OSError`` when another
        process (or another handle) holds it."""
        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)

    def _let_go(handle: IO[bytes]) -> None:
        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)
else:
    import fcntl

    def hold(handle: IO[bytes]) -> None:
        """Lock the open file ``handle`` for this process; ``OSError`` when another
        process (or another handle) holds it."""
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _let_go(handle: IO[bytes]) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


def take(path: Path) -> IO[bytes]:
    """Open ``path`` (made if missing) and hold its lock; the caller keeps the returned
    handle open for as long as it holds the lock. ``BlockingIOError`` when another holds
    it; any other ``OSError`` when the file cannot be opened."""
    handle = open(path, "a+b")  # noqa: SIM115 (kept open while held)
    try:
        hold(handle)
    except OSError as error:
        handle.close()
        raise BlockingIOError(*error.args) from error
    return handle


def is_held(path: Path) -> bool:
    """Whether a running process holds the lock on ``path`` (False when it is missing)."""
    try:
        with open(path, "a+b") as handle:
            hold(handle)
            _let_go(handle)
    except FileNotFoundError:
        return False
    except OSError:
        return True
    return False
