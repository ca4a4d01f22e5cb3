"""The program's own temporary folder, inside its data folder, and the sweeping of what
an interrupted run left behind.

Exports and prints put personal data (ID numbers) in temporary files: openpyxl's sheet
files, print previews, the ``.part`` file beside a target being written. Such a file must
never sit in the system's temp folder, where nothing of ours removes it after a crash.
``claim()`` gives each running process a folder of its own under ``<data>/tmp`` and
points Python's ``tempfile`` at it (openpyxl has no folder parameter); ``sweep()``, run at
every start, removes the folders of processes that are gone, together with the ``.part``
files they had begun beside their targets and the books they had begun making
(``.NAME.creating``). A ``.part`` file's name carries the folder of the process writing
it, so that the next write into the same folder (a USB stick, mounted elsewhere by then)
removes one whose process is gone, whatever path it was begun under (``sweep_beside``).
"""

from __future__ import annotations

import atexit
import contextlib
import os
import re
import shutil
import tempfile
from pathlib import Path
from typing import IO

from ..paths import data_dir
from .file_lock import is_held, take

_LOCK = ".lock"
_PARTS = "parts.txt"  # one path a line: the .part files this process began

_claimed: Path | None = None
_lock_handle: IO[bytes] | None = None


def scratch_root() -> Path:
    """The folder under the data folder where processes keep their temporary files."""
    return data_dir() / "tmp"


def claim() -> Path:
    """This process's temporary folder (made once), set as ``tempfile``'s folder."""
    global _claimed, _lock_handle
    root = scratch_root()
    if _claimed is not None and _claimed.parent == root and _claimed.exists():
        tempfile.tempdir = str(_claimed)
        return _claimed
    if _lock_handle is not None:  # the data folder changed (tests): let the old one go
        with contextlib.suppress(OSError):
            _lock_handle.close()
    folder = root / f"{os.getpid()}-{os.urandom(4).hex()}"
    folder.mkdir(parents=True, exist_ok=True)
    _lock_handle = take(folder / _LOCK)  # held while we run
    _claimed = folder
    tempfile.tempdir = str(folder)
    atexit.register(_release, folder)
    return folder


def owner_tag() -> str:
    """What a ``.part`` file's name carries of the process writing it (its folder's name)."""
    return _claimed.name if _claimed is not None else "0-00000000"


# .NAME.<pid>-<8 hex>.<random>.part: a file begun by replace_atomically
_OWNED_PART = re.compile(r"^\..+\.(\d+-[0-9a-f]{8})\.[^.]+\.part$")


def sweep_beside(folder: Path) -> int:
    """Remove the ``.part`` files in ``folder`` whose process is gone (by their names:
    a stick mounted at another path since keeps none); returns how many."""
    removed = 0
    with contextlib.suppress(OSError):
        for entry in folder.iterdir():
            found = _OWNED_PART.match(entry.name)
            if found is None or found.group(1) == owner_tag():
                continue
            owner = scratch_root() / found.group(1)
            if owner.is_dir() and not _stale(owner):
                continue  # another running process is writing it
            with contextlib.suppress(OSError):
                entry.unlink()
                removed += 1
    return removed


def note_part(path: Path) -> None:
    """Remember a ``.part`` file begun beside its target, for the sweep after a crash."""
    if _claimed is None or not _claimed.exists():
        return
    with open(_claimed / _PARTS, "a", encoding="utf-8") as journal:
        journal.write(f"{path}\n")


def sweep() -> int:
    """Remove what processes that are gone left behind; returns how many folders."""
    root = scratch_root()
    if not root.is_dir():
        return 0
    removed = 0
    for folder in root.iterdir():
        if folder == _claimed or not folder.is_dir() or not _stale(folder):
            continue
        with contextlib.suppress(OSError):
            for line in (folder / _PARTS).read_text(encoding="utf-8").splitlines():
                part = Path(line)
                leftovers = [part] if part.name.endswith(".part") else [
                    part.with_name(part.name + suffix) for suffix in
                    ("", "-wal", "-shm", "-journal")] if part.name.endswith(".creating") \
                    else []
                for leftover in leftovers:
                    with contextlib.suppress(OSError):
                        leftover.unlink()
        shutil.rmtree(folder, ignore_errors=True)
        removed += 1
    return removed


def start() -> Path:
    """At the start of the window or a command: sweep, then claim."""
    sweep()
    return claim()


def _release(folder: Path) -> None:
    global _lock_handle
    if _lock_handle is not None:
        with contextlib.suppress(OSError):
            _lock_handle.close()
        _lock_handle = None
    shutil.rmtree(folder, ignore_errors=True)


def _stale(folder: Path) -> bool:
    """A folder whose process is gone (no one holds its lock)."""
    return not is_held(folder / _LOCK)
