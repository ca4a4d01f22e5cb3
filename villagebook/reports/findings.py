"""The 预警 list on paper (for the village meeting) and as a workbook: the findings a
person has chosen to show, one row each, most serious first. Internal papers: they name
people and their circumstances, so the header says they are not for the notice board."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from openpyxl import Workbook

from ..core.errors import InvalidOperation
from ..core.messages import describe_plain, translate_plain
from ..core.rules import BY_CODE, Finding
from ..core.today import current_date
from ..storage.files import replace_atomically
from .layout import build, chinese_date, frame_width, grid, page_size, para, styles

HEADER = ("级别", "预警", "村", "户编号", "户主", "成员", "说明")
SEVERITY_WORDS = {"error": "错误", "warning": "预警", "reminder": "提醒"}
INTERNAL = "内部工作资料，含个人信息，不得张贴公示"


def finding_row(finding: Finding) -> list[Any]:
    """A finding in the words of the list (Chinese, as printed)."""
    return [SEVERITY_WORDS[finding.severity], translate_plain(BY_CODE[finding.rule].title),
            finding.village_code or "", finding.household_number or "",
            finding.head_name or "", finding.member_name or "",
            describe_plain(dataclasses.replace(finding.issue(), subject=""))]  # named beside


def export_findings(findings: Sequence[Finding], path: str | Path, title: str) -> int:
    """The findings as a one-sheet workbook; returns how many rows."""
    if not findings:
        raise InvalidOperation("print.nothing", what="预警清单")
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("预警清单")
    sheet.append([title])
    sheet.append([INTERNAL])
    sheet.append(list(HEADER))
    for finding in findings:
        sheet.append(finding_row(finding))
    with replace_atomically(path) as tmp:
        workbook.save(tmp)
    return len(findings)


def print_findings(findings: Sequence[Finding], path: str | Path, title: str,
                   today: dt.date | None = None) -> int:
    """The findings as a landscape A4 list with page numbers; returns the pages."""
    if not findings:
        raise InvalidOperation("print.nothing", what="预警清单")
    today = today or current_date()
    size = page_size("A4", landscape_=True)
    st = styles()
    widths = [.06, .14, .1, .13, .08, .08, .41]
    story: list[Any] = [para(title, st.title),
                        para(f"共 {len(findings)} 条　制表日期：{chinese_date(today)}　"
                             f"{INTERNAL}", st.body),
                        grid([list(HEADER), *(finding_row(f) for f in findings)],
                             [frame_width(size) * w for w in widths], st.cell)]
    return build(path, story, size=size, title="预警清单", footer_text=INTERNAL)
