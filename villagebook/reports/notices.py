"""公示名单: the notices the village committee posts on its notice board — households
identified for monitoring or cleared of risk, the measures and funds of a period, and the
projects of a period — with the notice period, the hotline and a signature block.

A county rule and 个人信息保护法 art. 28: a notice shows name, 组, category, household size
and amounts only. The rows come from ``storage.notices``, whose queries never read ID
numbers, phones, bank accounts, health or disability; measure types that would reveal
health print under their public label; risk types and causes (因病, 因残) are left out.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import KeepTogether, Spacer

from ..core import codes, field_specs
from ..core.errors import Cancelled, InvalidOperation, Issue, ValidationFailed
from ..core.today import current_date
from ..storage import notices
from ..storage.book import Book
from ..storage.book_settings import text_setting
from ..storage.village import get_village
from .layout import build, chinese_date, frame_width, grid, page_size, para, styles
from .walls import committee

MAX_NOTICE_DAYS = 60


@dataclass(frozen=True)
class NoticeKind:
    title: str
    intro: str  # what is being published, after 现将
    columns: tuple[tuple[str, float], ...]  # header and share of the width
    total_column: int | None  # the amount column summed in a last row
    landscape: bool = False


KINDS: dict[str, NoticeKind] = {
    "monitoring_in": NoticeKind(
        "防返贫监测对象识别纳入名单公示",
        "经农户申请（或排查发现）、村民代表评议、村委会审核，{period}拟纳入防返贫监测的对象",
        (("序号", .07), ("组", .12), ("户主姓名", .18), ("家庭人口", .11),
         ("监测类别", .28), ("纳入日期", .24)), None),
    "monitoring_out": NoticeKind(
        "防返贫监测对象风险消除名单公示",
        "经入户核实、村民代表评议、村委会审核，{period}拟标注风险消除的监测对象",
        (("序号", .07), ("组", .12), ("户主姓名", .18), ("家庭人口", .11),
         ("监测类别", .22), ("消除方式", .13), ("消除日期", .17)), None),
    "measures": NoticeKind(
        "帮扶措施及资金使用情况公示",
        "{period}落实到户的帮扶措施及资金",
        (("序号", .05), ("组", .07), ("户主姓名", .1), ("家庭人口", .07), ("户类别", .08),
         ("帮扶措施", .19), ("开始日期", .13), ("金额（元）", .11), ("资金来源", .2)), 7),
    "projects": NoticeKind(
        "帮扶项目及资产情况公示",
        "{period}实施的帮扶项目及形成的资产",
        (("序号", .05), ("项目名称", .19), ("项目类型", .1), ("资金（元）", .1),
         ("资金来源", .12), ("建设期", .12), ("受益户数", .07), ("形成资产", .12),
         ("资产权属", .07), ("进展", .06)), 3, landscape=True),
}


def _date(text: str) -> str:
    return chinese_date(dt.date.fromisoformat(text))


def _rows(book: Book, kind: str, start: str, end: str) -> list[list[Any]]:
    if kind in ("monitoring_in", "monitoring_out"):
        event = (notices.MONITORING_IDENTIFIED if kind == "monitoring_in"
                 else notices.MONITORING_REMOVED)
        out = []
        for r in notices.monitoring_notice(book, event, start, end):
            category = codes.label("monitoring_category",
                                   r["category"] or r["identified_category"])
            row = [r["group_name"], r["head_name"], r["member_count"], category]
            if kind == "monitoring_out":
                row.append(codes.label("removal_method", r["removal_method"]))
            out.append([*row, r["event_date"]])
        return out
    if kind == "measures":
        return [[r["group_name"], r["head_name"], r["member_count"],
                 codes.label("household_category", r["category"]),
                 codes.public_label("measure_type", r["measure_type"]), r["start_date"],
                 r["amount"], codes.label("funding_source", r["funding_source"])]
                for r in notices.measures_notice(book, start, end)]
    return [[r["name"], codes.label("project_type", r["project_type"]), r["funds"],
             codes.label("funding_source", r["funding_source"]),
             f"{r['start_date']}至{r['end_date'] or ''}", r["households_benefiting"],
             r["asset"], codes.label("asset_ownership", r["ownership"]),
             codes.label("measure_status", r["progress"])]
            for r in notices.projects_notice(book, start, end)]


def check_notice(start: str, end: str, days: int) -> None:
    """Refuse a period that ends before it starts and a notice period out of 1–60 days."""
    issues = []
    if end < start:
        issues.append(Issue("print.period", "end", {"start": start, "end": end}))
    if not 1 <= days <= MAX_NOTICE_DAYS:
        issues.append(Issue("print.notice_days", "days", {"value": days}))
    if issues:
        raise ValidationFailed(issues)


def print_notice(book: Book, kind: str, path: str | Path, *, start: str, end: str,
                 posted: dt.date | None = None, days: int = 7,
                 cancelled: Callable[[], bool] | None = None) -> int:
    """One notice of ``kind`` (see ``KINDS``) over the records of [start, end], posted on
    ``posted`` for ``days`` days; returns the number of rows. Nothing to list is refused."""
    posted = posted or current_date()
    check_notice(start, end, days)
    spec = KINDS[kind]
    rows = _rows(book, kind, start, end)
    if not rows:
        raise InvalidOperation("print.nothing", what=spec.title)
    village = get_village(book) or {}
    size = page_size(landscape_=spec.landscape)
    width = frame_width(size)
    st = styles()
    period = f"{_date(start)}至{_date(end)}"
    closes = posted + dt.timedelta(days=days - 1)
    title = f"{village.get('name', '')}{spec.title}" + ("【演示】" if village.get("is_demo")
                                                        else "")
    story: list[Any] = [para(title, st.title), para(
        "根据防止返贫动态监测和帮扶工作有关规定，现将" + spec.intro.format(period=period) +
        f"予以公示。公示期为{chinese_date(posted)}至{chinese_date(closes)}"
        f"（{days}天）。公示期间如有异议，请向村民委员会或乡镇人民政府反映，也可拨打监督举报电话"
        f"{text_setting(book, 'print.hotline')}。", st.body), Spacer(1, 6)]
    table: list[list[Any]] = [[c for c, _ in spec.columns]]
    total = 0
    for i, row in enumerate(rows, 1):
        if cancelled is not None and cancelled():
            raise Cancelled()
        if spec.total_column is not None:
            amount = row[spec.total_column - 1]
            total += amount or 0
            row[spec.total_column - 1] = field_specs.format_money(amount)
        table.append([i, *row])
    if spec.total_column is not None:
        last = [""] * len(spec.columns)
        last[1] = f"合计（{len(rows)}项）"
        last[spec.total_column] = field_specs.format_money(total)
        table.append(last)
    story.append(grid(table, [width * share for _, share in spec.columns], st.cell))
    right = ParagraphStyle("right", parent=st.body, alignment=TA_RIGHT)
    story.append(Spacer(1, 18))
    story.append(KeepTogether([para(f"{committee(village)}（盖章）", right),
                               para(chinese_date(posted), right),
                               Spacer(1, 8),
                               para("村民委员会负责人签字：＿＿＿＿＿＿　　监督委员会签字：＿＿＿＿＿＿",
                                    st.body)]))
    build(path, story, size=size, title=spec.title, footer_text=village.get("name") or "")
    return len(rows)
