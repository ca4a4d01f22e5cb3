"""村有册 on paper: every household of the village (or a selection) in one table on A4
landscape, for the village file and for inspectors. An internal document: the head's ID
number is masked unless an archive copy is asked for, as on the household card."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..core import codes, idnumber
from ..core.errors import Cancelled, InvalidOperation
from ..core.today import current_date
from ..storage.book import Book
from ..storage.notices import MONITORING_IDENTIFIED, register_rows
from ..storage.village import get_village
from .layout import build, frame_width, grid, page_size, para, styles

COLUMNS = (("序号", .05), ("户编号", .13), ("组", .06), ("户主姓名", .08),
           ("户主证件号码", .15), ("人口", .05), ("户类别", .07), ("脱贫状态", .07),
           ("监测", .06), ("联系电话", .1), ("帮扶责任人", .1), ("最近走访", .08))


def print_register(book: Book, path: str | Path, *, household_ids: list[str] | None = None,
                   full_ids: bool = False, cancelled: Callable[[], bool] | None = None,
                   today: dt.date | None = None) -> int:
    """The register of all active households (or those given); returns the row count."""
    today = today or current_date()
    rows = register_rows(book, household_ids, today.isoformat())
    if not rows:
        raise InvalidOperation("print.nothing", what="村有册")
    village = get_village(book) or {}
    size = page_size("A4", landscape_=True)
    st = styles()
    title = f"{village.get('name', '')}农户花名册（村有册）" + (
        "【演示】" if village.get("is_demo") else "")
    story: list[Any] = [para(title, st.title)]
    if full_ids:
        story.append(para("存档件：含完整证件号码，请妥善保管，不得张贴或外传。", st.small))
    story.append(para(f"共 {len(rows)} 户，{sum(r['member_count'] for r in rows)} 人。"
                      f"打印日期：{today.isoformat()}", st.body))
    table: list[list[Any]] = [[c for c, _ in COLUMNS]]
    for i, r in enumerate(rows, 1):
        if cancelled is not None and cancelled():
            raise Cancelled()
        number = r["head_id_number"] or ""
        table.append([i, r["number"], r["group_name"], r["head_name"],
                      number if full_ids else idnumber.mask(number), r["member_count"],
                      codes.label("household_category", r["category"]),
                      codes.label("poverty_status", r["poverty_status"]),
                      "监测中" if r["last_event"] == MONITORING_IDENTIFIED else "",
                      r["phone"], r["helpers"], r["last_visit"]])
    story.append(grid(table, [frame_width(size) * share for _, share in COLUMNS], st.cell))
    build(path, story, size=size, title="村有册", footer_text=village.get("name") or "")
    return len(rows)
