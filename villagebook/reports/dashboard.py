"""挂图作战: the village's figures on one page. ``figures`` reads them (SQL, in one
snapshot), ``charts`` draws them once with reportlab's charts; the window shows those
drawings as SVG and the PDF holds them as vectors, so both show the same chart.

Figures: households by 户类别 and by 脱贫/监测 state, members by 劳动技能 and 务工 state,
measures and funds this year by type and by source, visits per month against the 遍访
need, 三保障 coverage, findings by rule (when given)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.shapes import Drawing, Line, Rect, String
from reportlab.lib import colors

from ..core import codes
from ..core.errors import InvalidOperation
from ..core.messages import translate_plain
from ..core.rules import BY_CODE, Finding
from ..core.today import current_date
from ..storage.book import Book, snapshot
from ..storage.book_settings import int_setting
from ..storage.measures import MeasureFilter, measure_totals
from ..storage.village import book_identity
from .fonts import register
from .layout import build, chinese_date, frame_width, page_size, para, styles

BAR = colors.HexColor("#3f7fbf")
NEED = colors.HexColor("#c0392b")


@dataclass
class Figure:
    """One chart's numbers: a title, labelled values, and (for visits) a need line."""

    key: str
    title: str
    labels: list[str]
    values: list[float]
    unit: str = ""
    need: float | None = None  # drawn as a line across the bars


def _counts(book: Book, sql: str, list_name: str, params: Sequence[Any] = ()
            ) -> tuple[list[str], list[float]]:
    rows = dict(book.conn.execute(sql, list(params)).fetchall())
    labels, values = [], []
    for entry in codes.code_list(list_name):
        if rows.get(entry.code):
            labels.append(entry.label)
            values.append(rows[entry.code])
    if rows.get(None):
        labels.append("未填")
        values.append(rows[None])
    return labels, values


ACTIVE_MEMBERS = (" FROM members m JOIN households h ON h.id = m.household_id"
                  " WHERE h.status = 'active' AND m.status = 'active'")


def figures(book: Book, today: dt.date | None = None,
            findings: Sequence[Finding] | None = None) -> list[Figure]:
    """The dashboard's figures for this year, read in one snapshot."""
    today = today or current_date()
    year = today.year
    out: list[Figure] = []
    with snapshot(book.conn):
        out.append(Figure("category", "户类别（户）", *_counts(
            book, "SELECT category, count(*) FROM households WHERE status = 'active'"
                  " GROUP BY category", "household_category")))
        labels, values = _counts(book, "SELECT poverty_status, count(*) FROM households"
                                       " WHERE status = 'active' AND category = '01'"
                                       " GROUP BY poverty_status", "poverty_status")
        monitored = dict(book.conn.execute(
            "SELECT (SELECT e.event FROM monitoring_events e WHERE e.household_id = h.id AND"
            " e.status = 'active' ORDER BY e.event_date DESC, e.created_at DESC LIMIT 1) AS"
            " last, count(*) FROM households h WHERE h.status = 'active' AND h.category = '02'"
            " GROUP BY last").fetchall())
        labels += ["监测中（风险未消除）", "风险已消除"]
        values += [monitored.get("01", 0) + monitored.get(None, 0), monitored.get("02", 0)]
        out.append(Figure("state", "脱贫户状态与监测户风险（户）", labels, values))
        out.append(Figure("labour", "劳动技能（人）", *_counts(
            book, "SELECT m.labor_skill, count(*)" + ACTIVE_MEMBERS + " GROUP BY m.labor_skill",
            "labor_skill")))
        out.append(Figure("work", "务工状态（人）", *_counts(
            book, "SELECT m.work_status, count(*)" + ACTIVE_MEMBERS + " GROUP BY m.work_status",
            "work_status")))
        totals = measure_totals(book.conn, MeasureFilter(year=year))
        for column, list_name, title in (("measure_type", "measure_type",
                                          f"{year}年帮扶资金按类型（万元）"),
                                         ("funding_source", "funding_source",
                                          f"{year}年帮扶资金按来源（万元）")):
            rows = [r for r in totals[column] if r[2]]
            out.append(Figure(column, title, [codes.label(list_name, c) or "未填"
                                              for c, _, _ in rows],
                              [round(amount / 100 / 10000, 2) for _, _, amount in rows]))
        per_month = dict(book.conn.execute(
            "SELECT CAST(substr(v.visit_date, 6, 2) AS INTEGER), count(*) FROM visits v JOIN"
            " households h ON h.id = v.household_id WHERE v.status = 'active' AND"
            " h.status = 'active' AND v.visit_date BETWEEN ? AND ? GROUP BY 1",
            [f"{year}-01-01", f"{year}-12-31"]).fetchall())
        paired = book.conn.execute(
            "SELECT count(DISTINCT p.household_id) FROM pairings p JOIN households h ON h.id ="
            " p.household_id WHERE p.status = 'active' AND h.status = 'active'"
            " AND (p.end_date IS NULL OR p.end_date >= ?)", [today.isoformat()]).fetchone()[0]
        need = paired * int_setting(book, "visits.required_per_year") / 12
        months = list(range(1, today.month + 1))
        out.append(Figure("visits", f"{year}年每月走访（次）；红线：遍访每月所需",
                          [f"{m}月" for m in months], [per_month.get(m, 0) for m in months],
                          need=round(need, 1)))
        since = (today - dt.timedelta(days=365)).isoformat()
        checked = dict(book.conn.execute(
            "SELECT CASE WHEN c.household_id IS NULL THEN 'none' WHEN c.ok THEN 'ok'"
            " ELSE 'gap' END, count(*) FROM households h LEFT JOIN (SELECT household_id,"
            " min(food AND clothing AND education AND medical AND housing AND water) AS ok"
            " FROM checks x WHERE x.status = 'active' AND x.check_date >= ? AND"
            " x.check_date = (SELECT max(y.check_date) FROM checks y WHERE y.household_id ="
            " x.household_id AND y.status = 'active') GROUP BY household_id) c"
            " ON c.household_id = h.id WHERE h.status = 'active' AND h.category IN ('01', '02')"
            " GROUP BY 1", [since]).fetchall())
        out.append(Figure("checks", "三保障核查（脱贫户和监测户，近一年）",
                          ["全部达标", "有未达标项", "一年内未核查"],
                          [checked.get("ok", 0), checked.get("gap", 0), checked.get("none", 0)]))
    if findings is not None:
        per_rule: dict[str, int] = {}
        for finding in findings:
            per_rule[finding.rule] = per_rule.get(finding.rule, 0) + 1
        ranked = sorted(per_rule.items(), key=lambda item: -item[1])[:10]
        out.append(Figure("findings", "预警（条，最多的十项）",
                          [translate_plain(BY_CODE[code].title) for code, _ in ranked],
                          [n for _, n in ranked]))
    return out


def chart(figure: Figure, width: float = 360, height: float = 220) -> Drawing:
    """One figure as a reportlab drawing: horizontal bars with their values, or monthly
    columns with the need line for visits."""
    font = register()
    drawing = Drawing(width, height)
    # a white ground: the window's SVG has no paper behind it
    drawing.add(Rect(0, 0, width, height, fillColor=colors.white, strokeColor=None))
    drawing.add(String(4, height - 14, figure.title, fontName=font, fontSize=10))
    if not figure.values:
        drawing.add(String(width / 2, height / 2, "暂无数据", fontName=font, fontSize=9,
                           textAnchor="middle", fillColor=colors.grey))
        return drawing
    top = max([*figure.values, figure.need or 0]) or 1
    if figure.key == "visits":
        bars = VerticalBarChart()
        bars.x, bars.y, bars.width, bars.height = 36, 30, width - 50, height - 60
        bars.categoryAxis.labels.fontName = font
        bars.categoryAxis.labels.fontSize = 7
    else:
        bars = HorizontalBarChart()
        longest = max(len(label) for label in figure.labels)
        left = min(10 + 9 * longest, width * 0.45)
        bars.x, bars.y, bars.width, bars.height = left, 12, width - left - 40, height - 36
        bars.categoryAxis.labels.fontName = font
        bars.categoryAxis.labels.fontSize = 8
        bars.categoryAxis.reverseDirection = 1  # the first label on top
    bars.data = [list(figure.values)]
    bars.categoryAxis.categoryNames = list(figure.labels)
    bars.valueAxis.valueMin = 0
    bars.valueAxis.valueMax = top * 1.15
    bars.valueAxis.labels.fontName = font
    bars.valueAxis.labels.fontSize = 7
    bars.bars[0].fillColor = BAR
    bars.barLabelFormat = "%s"
    bars.barLabels.fontName = font
    bars.barLabels.fontSize = 7
    bars.barLabels.nudge = 8
    drawing.add(bars)
    if figure.need:
        y = bars.y + bars.height * figure.need / bars.valueAxis.valueMax
        drawing.add(Line(bars.x, y, bars.x + bars.width, y, strokeColor=NEED, strokeWidth=1.2))
        drawing.add(String(bars.x + bars.width, y + 2, f"{figure.need:g}", fontName=font,
                           fontSize=7, fillColor=NEED, textAnchor="end"))
    return drawing


def svg(figure: Figure, width: float = 360, height: float = 220) -> bytes:
    """The chart as SVG, for the window (QtSvg)."""
    from reportlab.graphics import renderSVG

    return renderSVG.drawToString(chart(figure, width, height)).encode("utf-8")


def print_dashboard(book: Book, path: str | Path, findings: Sequence[Finding] | None = None,
                    today: dt.date | None = None, paper: str = "A4") -> int:
    """The figures on one landscape page for the wall of the office (counts only: no
    names), A4 or A3: on A3 each chart is the A4 one drawn larger, its type too, to be
    read from across the room; returns the number of pages."""
    from reportlab.platypus import Table

    today = today or current_date()
    shown = figures(book, today, findings)
    if not any(f.values for f in shown):
        raise InvalidOperation("print.nothing", what="统计图")
    size = page_size(paper, landscape_=True)
    scale = frame_width(size) / frame_width(page_size("A4", landscape_=True))
    st = styles(scale)
    columns = 3
    width = frame_width(page_size("A4", landscape_=True)) / columns - 6
    height = 128
    cells = [_scaled(chart(f, width, height), scale) for f in shown]
    width *= scale
    grid = [cells[i:i + columns] + [""] * (columns - len(cells[i:i + columns]))
            for i in range(0, len(cells), columns)]
    name = book_identity(book)["name"]
    story: list[Any] = [para(f"{name}挂图作战 {today.year}年", st.title),
                        para(f"制表日期：{chinese_date(today)}", st.body),
                        Table(grid, colWidths=[width + 6] * columns)]
    return build(path, story, size=size, title="挂图作战", footer_text=name)


def _scaled(drawing: Drawing, scale: float) -> Drawing:
    """The same drawing, ``scale`` times larger (lines and type alike)."""
    if scale != 1:
        drawing.scale(scale, scale)
        drawing.width *= scale
        drawing.height *= scale
    return drawing


def figure_rows(shown: Sequence[Figure]) -> list[list[Any]]:
    """The same figures as rows of a sheet: a title row, then label and value."""
    rows: list[list[Any]] = []
    for figure in shown:
        rows.append([figure.title])
        rows.extend([label, value] for label, value in zip(figure.labels, figure.values))
        if figure.need is not None:
            rows.append(["遍访每月所需", figure.need])
        rows.append([])
    return rows
