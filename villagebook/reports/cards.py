"""户卡（明白卡）: one household's card on A4, printed for the household and for
inspectors. ID numbers are masked unless an archive copy is asked for explicitly.

Long text wraps (CJK line breaking) and long tables continue on the next page with their
header repeated: nothing is cut.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Spacer, Table

from ..core import codes, field_specs, idnumber
from ..core.income import people_in_year, summarize
from ..core.today import current_date
from ..storage.book import Book
from ..storage.book_settings import monitoring_line
from ..storage.cadres import current_helpers
from ..storage.guarantees import ANSWERS, current_check
from ..storage.households import load_household
from ..storage.measures import list_measures
from ..storage.monitoring import monitoring_state
from ..storage.village import get_village
from ..storage.visits import list_visits
from .layout import (
    BatchResult,
    PartStart,
    Styles,
    build_batch,
    cell,
    frame_width,
    grid,
    page_size,
    para,
    styles,
    table_style,
)

MAX_VISITS = 5


def _age(birth: str | None, today: dt.date) -> str:
    if not birth:
        return ""
    born = dt.date.fromisoformat(birth)
    return str(today.year - born.year - ((today.month, today.day) < (born.month, born.day)))


def household_story(book: Book, household_id: str, st: Styles, *, full_ids: bool = False,
                    today: dt.date | None = None) -> list[Any]:
    """The flowables of one household's card."""
    today = today or current_date()
    household, members = load_household(book, household_id)
    village = get_village(book) or {}
    present = [m for m in members if m["status"] == "active"]
    story: list[Any] = [PartStart(f"户编号 {household['number']}")]
    title = f"{village.get('name', '')}　户卡（明白卡）"
    if village.get("is_demo"):
        title += "【演示】"
    story.append(para(title, st.title))
    if full_ids:
        story.append(para("存档件：含完整证件号码，请妥善保管，不得张贴或外传。", st.small))
    category = codes.label("household_category", household.get("category"))
    status = codes.label("poverty_status", household.get("poverty_status"))
    facts = [("number", household["number"]), ("group_name", household.get("group_name")),
             ("head_name", household.get("head_name")),
             ("member_count", str(household["member_count"])),
             ("category", category), ("poverty_status", status),
             ("phone", household.get("phone")), ("address", household.get("address"))]
    cells = [text for name, value in facts for text in (_label("household", name), value or "")]
    info = [cells[i:i + 4] for i in range(0, len(cells), 4)]  # two facts a row
    width = frame_width(page_size())
    table = Table([[cell(c, st.cell) for c in row] for row in info],
                  colWidths=[22 * mm, width / 2 - 22 * mm, 22 * mm, width / 2 - 22 * mm])
    table.setStyle(table_style(("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                               ("BACKGROUND", (0, 0), (0, -1), colors.HexColor("#F2F2F2")),
                               ("BACKGROUND", (2, 0), (2, -1), colors.HexColor("#F2F2F2"))))
    story.append(table)

    story.append(para("家庭成员", st.heading))
    # 年龄 is worked out from the date of birth on the day of printing: not a field
    rows = [[_label("member", "name"), _label("member", "relation"), _label("member", "sex"),
             "年龄", *(_label("member", name) for name in (
                 "id_number", "education", "health", "labor_skill", "work_status"))]]
    for m in present:
        number = m.get("id_number") or ""
        rows.append([m["name"], codes.label("relation", m.get("relation")),
                     codes.label("sex", m.get("sex")), _age(m.get("birth_date"), today),
                     number if full_ids else idnumber.mask(number),
                     codes.label("education", m.get("education")),
                     codes.label("health", m.get("health")),
                     codes.label("labor_skill", m.get("labor_skill")),
                     codes.label("work_status", m.get("work_status"))])
    if len(rows) == 1:
        rows.append(["（无在册成员）", "", "", "", "", "", "", "", ""])
    story.append(grid(rows, [17 * mm, 18 * mm, 10 * mm, 11 * mm, 38 * mm, 20 * mm,
                               20 * mm, 24 * mm, 22 * mm], st.cell))

    causes = [codes.label("cause", household.get("main_cause"))] if household.get(
        "main_cause") else []
    causes += [codes.label("cause", c) for c in (household.get("other_causes") or "").split(",")
               if c]
    state = monitoring_state(book, household_id)
    lines = []
    if causes:
        lines.append("致贫原因：" + "、".join(causes))
    if state["monitored"]:
        risks = "、".join(codes.label("risk_type", r) for r in (state["risks"] or "").split(",")
                         if r)
        lines.append(f"防返贫监测：{codes.label('monitoring_category', state['category'])}，"
                     f"自 {state['since']} 起纳入监测；风险类型：{risks}")
    elif state["removed_on"]:
        lines.append(f"防返贫监测：已于 {state['removed_on']} 风险消除"
                     f"（{codes.label('removal_method', state['method'])}）")
    for line in lines:
        story.append(para(line, st.body))

    check = current_check(book, household_id)
    story.append(para("两不愁三保障及饮水安全", st.heading))
    if check:
        labels = [field_specs.label("check", a) for a in ANSWERS]
        answers = [codes.label("yes_no", str(check[a])) for a in ANSWERS]
        story.append(grid([labels, answers], [width / 6] * 6, st.cell))
        story.append(para(f"{_label('check', 'check_date')} {check['check_date']}，"
                          f"{_label('check', 'checker')} {check['checker']}", st.small))
    else:
        story.append(para("尚无核查记录。", st.body))

    incomes = book.conn.execute("SELECT * FROM incomes WHERE household_id = ? AND status ="
                                " 'active' ORDER BY year DESC LIMIT 1", [household_id])
    names = [d[0] for d in incomes.description]
    latest = incomes.fetchone()
    story.append(para("收入情况（元）", st.heading))
    if latest:
        income = dict(zip(names, latest))
        summary = summarize(income, people_in_year(members, income["year"]),
                            monitoring_line(book, income["year"]))
        story.append(grid([
            [_label("income", name) for name in (
                "year", "wage_total", "production_total", "property_total", "transfer_total",
                "prod_expense", "net", "per_capita")],
            [str(income["year"]), *(field_specs.format_money(total) for total in (
                summary["wage_total"], summary["production_total"],
                summary["property_total"], summary["transfer_total"])),
             field_specs.format_money(income.get("prod_expense") or 0),
             field_specs.format_money(summary["net"]),
             field_specs.format_money(summary["per_capita"])]],
            [14 * mm] + [(width - 14 * mm) / 7] * 7, st.cell))
    else:
        story.append(para("尚无收入记录。", st.body))

    measures = list_measures(book, household_id, today=today)
    story.append(para("帮扶措施", st.heading))
    this_year = [m for m in measures if m["start_date"][:4] == str(today.year)]
    earlier = [m for m in measures if m not in this_year]
    rows = [[_label("measure", name) for name in (
        "start_date", "measure_type", "member_name", "content", "amount", "funding_source",
        "progress")]]
    for m in this_year + earlier:
        rows.append([m["start_date"], codes.label("measure_type", m["measure_type"]),
                     m.get("member_name") or "", m.get("content") or "",
                     field_specs.format_money(m.get("amount")),
                     codes.label("funding_source", m.get("funding_source")),
                     codes.label("measure_status", m.get("progress"))])
    if len(rows) == 1:
        rows.append(["", "尚无帮扶措施", "", "", "", "", ""])
    story.append(grid(rows, [22 * mm, 26 * mm, 18 * mm, 46 * mm, 20 * mm, 32 * mm, 16 * mm],
                        st.cell))

    story.append(para("帮扶责任人", st.heading))
    helpers = current_helpers(book, household_id)
    if helpers:
        for h in helpers:
            story.append(para(f"{h['helper_name']}　{h['helper_unit']}　"
                              f"{_label('helper', 'phone')}：{h.get('helper_phone') or ''}　"
                              f"{_label('pairing', 'start_date')}：{h['start_date']}", st.body))
    else:
        story.append(para("尚未结对。", st.body))

    visits = list_visits(book, household_id)[:MAX_VISITS]
    story.append(para("最近走访", st.heading))
    rows = [[_label("visit", name) for name in (
        "visit_date", "visitor", "visit_kind", "found", "agreed")]]
    for v in visits:
        rows.append([v["visit_date"], v["visitor"], codes.label("visit_kind", v["visit_kind"]),
                     v.get("found") or "", v.get("agreed") or ""])
    if len(rows) == 1:
        rows.append(["", "尚无走访记录", "", "", ""])
    story.append(grid(rows, [22 * mm, 22 * mm, 20 * mm, 58 * mm, 58 * mm], st.cell))

    story.append(Spacer(1, 10 * mm))
    story.append(KeepTogether([para("户主签字：＿＿＿＿＿＿＿＿　　　帮扶责任人签字：＿＿＿＿＿＿＿＿",
                                  st.body),
                               para(f"打印日期：{today.isoformat()}", st.small)]))
    return story


def _label(record: str, name: str) -> str:
    """A column's or a line's printed name: the field's label (``fields.json``), as the
    window and the register name it; a table headed in yuan drops the unit it repeats."""
    return field_specs.label(record, name).removesuffix("（元）") \
        if record == "income" else field_specs.label(record, name)


def print_cards(book: Book, household_ids: Iterable[str], path: str | Path, *,
                full_ids: bool = False, progress: Callable[[int], None] | None = None,
                cancelled: Callable[[], bool] | None = None,
                today: dt.date | None = None) -> BatchResult:
    """Cards of the given households into one PDF (a new page each); says how many, and
    which could not be laid out."""
    st = styles()
    return build_batch(path, household_ids,
                       lambda hid: household_story(book, hid, st, full_ids=full_ids,
                                                   today=today),
                       size=page_size(), title="户卡", progress=progress, cancelled=cancelled)
