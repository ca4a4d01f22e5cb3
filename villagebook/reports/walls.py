"""户内公示牌: the sheet posted inside a household's home, in large type on A4 or A3
landscape: who the household is, the assistance it receives with amounts, its helper and
phone, and the policy hotline.

It hangs where visitors see it, so it shows nothing sensitive: no ID numbers, no member's
phone, nothing about health or disability (measure types that would tell, such as 健康帮扶,
print under their neutral public label), no free-text notes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.platypus import Spacer, Table

from ..core import codes, field_specs
from ..core.today import current_date
from ..storage.book import Book
from ..storage.book_settings import text_setting
from ..storage.cadres import current_helpers
from ..storage.measures import list_measures
from ..storage.village import get_village
from .layout import (
    BatchResult,
    PartStart,
    Styles,
    build_batch,
    cell,
    chinese_date,
    fits_one_page,
    frame_width,
    grid,
    page_size,
    para,
    styles,
    table_style,
)

# type sizes are read from across a room: A3 gets the A4 sizes times √2; a sheet whose
# content leaves room takes the larger type (LARGER times), one that would not fit one page
# at it keeps the base size
SCALE = {"A4": 1.6, "A3": 2.26}
LARGER = 1.3


def committee(village: dict[str, Any]) -> str:
    """``柳树村村民委员会`` from the village name, with or without its 村 (a demo
    village's ``（演示）`` mark is left to the title)."""
    name = (village.get("name") or "").strip().removesuffix("（演示）")
    return (name if name.endswith("村") else name + "村") + "村民委员会"


def wall_story(book: Book, household_id: str, st: Styles, size: tuple[float, float], *,
               today: dt.date) -> list[Any]:
    """The flowables of one household's wall sheet."""
    village = get_village(book) or {}
    household = book.conn.execute(
        "SELECT number, group_name, head_name, member_count, category FROM households"
        " WHERE id = ?", [household_id]).fetchone()
    number, group_name, head_name, member_count, category = household
    width = frame_width(size)
    title = "户内公示牌" + ("【演示】" if village.get("is_demo") else "")
    story: list[Any] = [PartStart(f"户编号 {number}"), para(title, st.title),
                        para("　".join(x for x in (village.get("county"), village.get("township"),
                                                  village.get("name"), group_name) if x),
                             st.body), Spacer(1, 4 * st.body.fontSize / 10)]
    info = Table([[cell(c, st.body) for c in (
        "户主", head_name or "", "家庭人口", f"{member_count} 人",
        "户类别", codes.label("household_category", category), "户编号", number)]],
        # the 15-digit 户编号 on one line at the larger type too
        colWidths=[width * w for w in (0.075, 0.12, 0.13, 0.075, 0.10, 0.13, 0.10, 0.27)])
    info.setStyle(table_style(("GRID", (0, 0), (-1, -1), 0.8, colors.black),
                              *[("BACKGROUND", (c, 0), (c, 0), colors.HexColor("#F2F2F2"))
                                for c in (0, 2, 4, 6)]))
    story.append(info)

    story.append(para("享受的帮扶措施", st.heading))
    rows: list[list[Any]] = [["序号", "开始日期", "帮扶措施", "资金来源", "金额（元）", "进展"]]
    total = 0
    for i, m in enumerate(list_measures(book, household_id, today=today), 1):
        total += m.get("amount") or 0
        rows.append([i, m["start_date"], codes.public_label("measure_type", m["measure_type"]),
                     codes.label("funding_source", m.get("funding_source")),
                     field_specs.format_money(m.get("amount")),
                     codes.label("measure_status", m.get("progress"))])
    if len(rows) == 1:
        rows.append(["", "", "尚无帮扶措施", "", "", ""])
    else:
        rows.append(["", "", "合计", "", field_specs.format_money(total), ""])
    story.append(grid(rows, [width * w for w in (0.07, 0.16, 0.3, 0.21, 0.14, 0.12)],
                      st.body))

    story.append(para("帮扶责任人", st.heading))
    helpers = current_helpers(book, household_id)
    for h in helpers:
        story.append(para(f"{h['helper_name']}（{h['helper_unit']}）　联系电话："
                          f"{h.get('helper_phone') or '—'}", st.body))
    if not helpers:
        story.append(para("尚未结对。", st.body))
    story.append(Spacer(1, 6 * st.body.fontSize / 10))
    story.append(para(f"政策咨询及监督举报电话：{text_setting(book, 'print.hotline')}",
                      st.heading))
    story.append(para(f"{committee(village)}　{chinese_date(today)}",
                      st.small))
    return story


def print_walls(book: Book, household_ids: Iterable[str], path: str | Path, *,
                paper: str = "A4", progress: Callable[[int], None] | None = None,
                cancelled: Callable[[], bool] | None = None,
                today: dt.date | None = None) -> BatchResult:
    """Wall sheets of the given households into one PDF (a new page each); says how many,
    and which could not be laid out."""
    today = today or current_date()
    size = page_size(paper, landscape_=True)
    sizes = [styles(SCALE[paper] * LARGER), styles(SCALE[paper])]

    def one(household_id: str) -> list[Any]:
        for st in sizes:  # the largest type that fits the sheet on its one page
            story = wall_story(book, household_id, st, size, today=today)
            if st is sizes[-1] or fits_one_page(story, size):
                return story
        raise AssertionError("unreachable: the last size is always taken")

    return build_batch(path, household_ids, one, size=size, title="户内公示牌",
                       progress=progress, cancelled=cancelled)
