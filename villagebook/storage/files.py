"""Writing files safely: to a temporary name beside the target, then renamed into place."""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

from ..core.errors import BookError
from . import scratch


@contextlib.contextmanager
def replace_atomically(target: str | Path, mode: int | None = None) -> Iterator[Path]:
    """Yield a temporary path beside ``target``; on success it replaces ``target``, with
    the permissions ``mode`` (default: those a new file gets; 0o600 for a private key).

    On any error the temporary file is removed and ``target`` is left as it was, so no
    half-written file ever carries the target's name.
    """
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    scratch.sweep_beside(target.parent)  # what a killed run left here (an ID number or more)
    fd, name = tempfile.mkstemp(prefix=f".{target.name}.{scratch.owner_tag()}.",
                                suffix=".part", dir=target.parent)
    os.close(fd)
    tmp = Path(name)
    scratch.note_part(tmp)  # removed by the next start if this process dies first
    try:
        yield tmp
        with open(tmp, "rb+") as handle:
            os.fsync(handle.fileno())
        if mode is None:  # mkstemp made the file private; a new file's permissions
            umask = os.umask(0)
            os.umask(umask)
            mode = 0o666 & ~umask
        os.chmod(tmp, mode)
        os.replace(tmp, target)
    except BaseException as error:
        with contextlib.suppress(OSError):
            tmp.unlink()
        if isinstance(error, OSError) and error.errno == errno.ENOSPC:
            raise BookError("book.disk_full") from error
        raise
