"""This installation of the program: its own id, kept in the user's data folder, outside
any book (a book gets copied to other laptops and restored from backups; this does not).

A book's changes are numbered per site (``meta.site_id``). Two laptops writing copies of one
book, or a book restored from a backup that reuses numbers the township has already seen,
must not pass as the same site. So on opening a book for writing:

- a book last written by another installation is a copy: it gets a new site id;
- a book whose own site has fewer actions than this installation saw it write is a
  restored backup: it gets a new site id too.

The old site is kept in ``meta.previous_sites`` (with how far it went), so that a package
can say which site the new one continues and its paired township accepts it.
"""

from __future__ import annotations

import contextlib
import json
from pathlib import Path
from typing import Any

from ..core.ids import new_id
from ..paths import data_dir
from .files import replace_atomically

_FILE = "installation.json"


def _path() -> Path:
    return data_dir() / _FILE


def _load() -> dict[str, Any]:
    with contextlib.suppress(OSError, ValueError):
        data = json.loads(_path().read_text(encoding="utf-8"))
        if isinstance(data, dict) and isinstance(data.get("id"), str):
            data.setdefault("sites", {})
            return data
    return {}


def _save(data: dict[str, Any]) -> None:
    with replace_atomically(_path()) as tmp:
        tmp.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")


def installation_id() -> str:
    """This installation's id, made on first use."""
    data = _load()
    if not data:
        data = {"id": new_id(), "sites": {}}
        _save(data)
    return data["id"]


def seen_sequence(site_id: str) -> int:
    """The highest action number this installation saw a book of ``site_id`` reach."""
    return int(_load().get("sites", {}).get(site_id, 0))


def remember_sequence(site_id: str, origin_seq: int) -> None:
    """Note how far this installation's book of ``site_id`` has numbered its actions."""
    installation_id()  # made on first use
    data = _load()
    if int(data["sites"].get(site_id, 0)) < origin_seq:
        data["sites"][site_id] = origin_seq
        _save(data)
