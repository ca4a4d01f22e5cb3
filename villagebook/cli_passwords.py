"""Passwords on the command line: from an environment variable or typed at a terminal,
never an argument (every user of the machine sees those). ``cli.py`` and
``archive_cli.py`` both ask for them here."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from .core.errors import BookError, Issue
from .storage.connection import MIN_PASSWORD


def secret(variable: str, prompt: str, twice: bool = False) -> str | None:
    """A password from the environment variable ``variable`` or, at a terminal, typed
    after ``prompt`` (a message code), never shown and never an argument (every user of
    the machine sees those); ``twice`` asks it again to compare. None when neither."""
    value = os.environ.get(variable)
    if value is not None or sys.stdin is None or not sys.stdin.isatty():
        return value
    import getpass

    from .core.messages import describe_plain

    value = getpass.getpass(describe_plain(Issue(prompt, "")))
    if twice and getpass.getpass(describe_plain(Issue("cli.password_again", ""))) != value:
        raise BookError("book.password_mismatch")
    return value


def file_password(path: Path, new: bool) -> str:
    """The password of a workbook to protect (``new``: typed twice, long enough) or to
    open; ``BookError('file.password_needed')`` when none is given."""
    password = secret("VILLAGEBOOK_FILE_PASSWORD", "cli.file_password", twice=new)
    if not password:
        raise BookError("file.password_needed", name=path.name)
    if new and len(password) < MIN_PASSWORD:
        raise BookError("book.password_short", count=MIN_PASSWORD)
    return password
