"""What the archive says of itself (``archive status``) and its 县级有档 register as a
workbook (``archive export-xlsx``), with the county book's register columns."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from openpyxl import Workbook

from ..core.errors import InvalidOperation
from ..reports.workbook import COUNTY_MEMBERS, SheetWriter, discard_sheet_files
from ..storage.files import replace_atomically
from ..storage.levels import COUNTY
from ..storage.township import register_kind
from ..sync.decide import status
from .store import ArchiveBook


def archive_status(book: ArchiveBook) -> dict[str, Any]:
    """The archive's identity and size, and its exchange with each township
    (``sync.decide.status``)."""
    conn = book.conn
    villages, = conn.execute("SELECT count(*) FROM village").fetchone()
    households, people = conn.execute(
        "SELECT count(*), coalesce(sum(member_count), 0) FROM households"
        " WHERE status = 'active'").fetchone()
    packages, = conn.execute("SELECT count(*) FROM sync_packages WHERE direction = 'in'"
                             " AND state IN ('applied', 'already')").fetchone()
    return {"name": book.meta(f"{COUNTY}_name") or "", "code": book.meta(f"{COUNTY}_code") or "",
            "villages": villages, "households": households, "people": int(people),
            "packages": packages, "sync": status(book)}


def export_register(book: ArchiveBook, path: str | Path) -> dict[str, int]:
    """The 县级有档 register (one row per member, the county book's columns) at ``path``;
    refused in words while the archive holds no village."""
    if book.conn.execute("SELECT 1 FROM village LIMIT 1").fetchone() is None:
        raise InvalidOperation("print.nothing", what=register_kind(book))
    workbook = Workbook(write_only=True)
    writer = SheetWriter(workbook)
    try:
        count = writer.sheet(book.conn, COUNTY_MEMBERS, lambda: None)
        writer.code_sheet()
        with replace_atomically(path) as tmp:
            workbook.save(tmp)
    except BaseException:
        discard_sheet_files(workbook)
        raise
    return {COUNTY_MEMBERS.title: count}
