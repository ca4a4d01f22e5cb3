"""乡镇有簿: the township's register workbook (a summary row per village, then every
household with its village) and its one-page summary for the wall, as PDF."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable
from itertools import groupby
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from reportlab.lib import colors

from ..core import codes, field_specs
from ..core.errors import InvalidOperation
from ..core.today import current_date
from ..storage.book import Book, snapshot
from ..storage.files import replace_atomically
from ..storage.levels import COUNTY
from ..storage.township import (
    MONITORING_CATEGORIES,
    SUMMARY_CATEGORIES,
    county_summary,
    register_kind,
    register_name,
    township_names,
    township_summary,
)
from ..storage.village import book_identity
from .layout import (
    build,
    chinese_date,
    frame_width,
    grid,
    page_size,
    para,
    styles,
    table_style,
)

SUMMARY_HEADER = ("村", "行政区划代码", "户数", "人数",
                  *(codes.label("household_category", c) for c in SUMMARY_CATEGORIES),
                  "本年帮扶措施（项）", "本年帮扶资金（元）", "本年走访（次）")
ROSTER_HEADER = ("村", "户编号", "组（自然村）", "户主姓名", "家庭人口数", "户类别",
                 "脱贫状态", "状态")


def _summary_rows(rows: list[dict[str, Any]], money: Callable[[int], Any]
                  ) -> list[list[Any]]:
    """The summary table's rows with a 合计 line; ``money`` turns fen into what the
    table shows (a number cell in a workbook, text as the forms write it on paper)."""
    keys = ("households", "people", *(f"category_{c}" for c in SUMMARY_CATEGORIES),
            "measures", "funds", "visits")
    out = [[r["village"], r["code"], *(r[k] for k in keys)] for r in rows]
    totals = [sum(r[k] for r in rows) for k in keys]
    out.append(["合计", "", *totals])
    funds_column = 2 + keys.index("funds")
    for row in out:
        row[funds_column] = money(row[funds_column])
    return out


def _title(book: Book, year: int) -> str:
    return f"{register_name(book)} {year}年汇总"


def export_township_register(book: Book, path: str | Path, year: int | None = None) -> dict[str, int]:
    """The township register workbook; returns the rows per sheet."""
    year = year or current_date().year
    workbook = Workbook(write_only=True)
    with snapshot(book.conn):
        summary = township_summary(book.conn, year)
        if not summary:
            raise InvalidOperation("print.nothing", what=register_kind(book))
        first = workbook.create_sheet("乡镇汇总")
        first.append([_title(book, year)])
        first.append(list(SUMMARY_HEADER))
        def yuan(fen: int) -> WriteOnlyCell:  # a number, so that Excel's totals add it
            cell = WriteOnlyCell(first, value=fen / 100)
            cell.number_format = "#,##0.00"
            return cell

        for row in _summary_rows(summary, yuan):
            first.append(row)
        counts: dict[str, int] = {}
        if book.level == COUNTY:  # 县级有档: every member, first
            from .workbook import COUNTY_MEMBERS, SheetWriter

            writer = SheetWriter(workbook)
            counts[COUNTY_MEMBERS.title] = writer.sheet(book.conn, COUNTY_MEMBERS,
                                                        lambda: None)
            writer.code_sheet()
        roster = workbook.create_sheet("农户")
        roster.append(list(ROSTER_HEADER))
        count = 0
        for row in book.conn.execute(
                "SELECT v.name, h.number, h.group_name, h.head_name, h.member_count,"
                " h.category, h.poverty_status, h.status FROM households h"
                " JOIN village v ON v.id = h.village_id ORDER BY v.code, h.number"):
            roster.append([*row[:5], codes.label("household_category", row[5]),
                           codes.label("poverty_status", row[6]),
                           codes.label("record_status", row[7])])
            count += 1
        with replace_atomically(path) as tmp:
            workbook.save(tmp)
    return {"乡镇汇总": len(summary), **counts, "农户": count}


def print_township_summary(book: Book, path: str | Path, year: int | None = None,
                           today: dt.date | None = None) -> int:
    """One page for the wall: every village's counts side by side (a county's: by
    township, ``print_county_summary``); returns how many villages."""
    today = today or current_date()
    year = year or today.year
    if book.level == COUNTY:
        return print_county_summary(book, path, today)
    with snapshot(book.conn):
        summary = township_summary(book.conn, year)
    if not summary:
        raise InvalidOperation("print.nothing", what="乡镇有簿")
    size = page_size("A4", landscape_=True)
    st = styles()
    widths = [.14, .13, .06, .06, .07, .07, .08, .13, .14, .12]
    story: list[Any] = [para(_title(book, year), st.title),
                        para(f"{book.meta('county') or ''}　{book_identity(book)['name']}"
                             f"　共 {len(summary)} 个村　制表日期：{chinese_date(today)}",
                             st.body),
                        grid([list(SUMMARY_HEADER),
                              *_summary_rows(summary, field_specs.format_money)],
                             [frame_width(size) * w for w in widths], st.cell)]
    build(path, story, size=size, title=register_name(book),
          footer_text=book_identity(book)["name"])
    return len(summary)


COUNTY_HEADER = ("乡镇 / 村", "户数", "人数", "脱贫户",
                 *(f"监测户：{codes.label('monitoring_category', c)}"
                   for c in MONITORING_CATEGORIES), "风险已消除", "预警")


def print_county_summary(book: Book, path: str | Path, today: dt.date | None = None) -> int:
    """县级有档 on one page (or a few) for the county's wall: each township with a 小计
    row, its villages under it — households, people, 脱贫户, households monitored now by
    监测对象类型, risks removed, and the warning rules' findings of error and warning
    level; a 合计 row. Counts only, no names; returns how many villages."""
    from ..storage.findings import find_all

    today = today or current_date()
    with snapshot(book.conn):
        summary = county_summary(book.conn)
        if not summary:
            raise InvalidOperation("print.nothing", what="县级有档")
        findings = Counter(f.village_code for f in find_all(book, today=today)
                           if f.severity in ("error", "warning"))
        names = township_names(book.conn)
    keys = ("households", "people", "lifted",
            *(f"monitored_{c}" for c in MONITORING_CATEGORIES), "removed", "findings")
    for row in summary:
        row["findings"] = findings.get(row["code"], 0)
    rows: list[list[Any]] = [list(COUNTY_HEADER)]
    subtotals: list[int] = []  # the rows that sum a township
    for code, villages in groupby(summary, key=lambda r: r["township_code"]):
        members = list(villages)
        subtotals.append(len(rows))
        rows.append([f"{names[code]}（{len(members)} 个村）",
                     *(sum(r[k] for r in members) for k in keys)])
        rows += [[f"　{r['village']}", *(r[k] for k in keys)] for r in members]
    rows.append(["合计", *(sum(r[k] for r in summary) for k in keys)])
    size = page_size("A4", landscape_=True)
    st = styles()
    table = grid(rows, [frame_width(size) * w for w in
                        (.22, .07, .07, .07, .11, .11, .11, .09, .07)], st.cell)
    table.setStyle(table_style(*(("BACKGROUND", (0, i), (-1, i), colors.HexColor("#F2F2F2"))
                                 for i in (*subtotals, len(rows) - 1))))
    story: list[Any] = [para(f"{register_name(book)} 汇总", st.title),
                        para(f"共 {len(subtotals)} 个乡镇、{len(summary)} 个村　"
                             f"制表日期：{chinese_date(today)}", st.body), table]
    build(path, story, size=size, title=register_name(book),
          footer_text=book_identity(book)["name"])
    return len(summary)
