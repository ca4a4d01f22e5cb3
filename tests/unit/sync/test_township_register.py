"""乡镇有簿: the township's register workbook and its one-page summary, from the villages'
packages."""

from __future__ import annotations

import datetime as dt

import pytest
from helpers import family, pdf_text
from syncing import export

from villagebook.reports.workbook import rows_of
from villagebook.storage.households import save_household
from villagebook.storage.measures import save_measure


@pytest.mark.dated  # this year's funds
def test_the_township_register_and_summary_hold_every_village(pair, tmp_path, capsys):
    village, township = pair
    with village.book() as book:
        household_id = save_household(book, None, *family()).household_id
        save_measure(book, household_id, None, {  # this year's funds: begun this year
            "measure_type": "01", "start_date": f"{dt.date.today().year}-01-01",
            "amount": "1200.50", "progress": "02"})
    [package] = export(village, tmp_path / "usb", capsys)
    assert township.run("sync", "import", str(package)) == 0
    out = tmp_path / "乡镇有簿.xlsx"
    assert township.run("export-xlsx", "--out", str(out)) == 0
    summary = list(rows_of(out, "乡镇汇总"))
    assert summary[0][0].startswith("城关镇乡镇有簿")
    header, first, total = summary[1], summary[2], summary[-1]
    assert header[:4] == ("村", "行政区划代码", "户数", "人数")
    assert first[:4] == ("石桥村", "530524101001", 1, 3)
    assert total[0] == "合计" and total[2] == 1
    # every count and the funds are numbers, so that Excel adds them up
    assert all(isinstance(v, (int, float)) for v in first[2:] + total[2:])
    assert first[header.index("本年帮扶资金（元）")] == 1200.5
    assert total[header.index("本年帮扶资金（元）")] == 1200.5
    roster = list(rows_of(out, "农户"))
    assert roster[1][:2] == ("石桥村", "110105001001001")
    pdf = tmp_path / "summary.pdf"
    assert township.run("print", "township", "--out", str(pdf)) == 0
    text = pdf_text(pdf)
    assert "石桥村" in text and "合计" in text and "乡镇有簿" in text
    assert "11010519" not in text  # no ID numbers on the wall
