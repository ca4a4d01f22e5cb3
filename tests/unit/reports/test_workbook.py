"""The village register workbook: content, types, drop-downs, no formulas, atomic write."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import zipfile

import pytest
from helpers import family
from openpyxl import load_workbook

from villagebook.cli import main
from villagebook.reports.workbook import Cancelled, export_register
from villagebook.storage.households import save_household
from villagebook.storage.incomes import save_income


@pytest.mark.dated
def test_register_sheets_headers_and_values(book, tmp_path):
    household, members = family()
    hid = save_household(book, None, household, members).household_id
    save_income(book, hid, None, {"year": "2025", "wage_migrant": "18000.10"})
    path = tmp_path / "村册.xlsx"
    counts = export_register(book, path)
    assert counts["农户"] == 1 and counts["家庭成员"] == 3 and counts["收支"] == 1
    workbook = load_workbook(path)
    assert workbook.sheetnames[:6] == ["农户", "家庭成员", "收支", "帮扶措施", "走访记录",
                                       "问题整改"]
    assert workbook["代码表"].sheet_state == "hidden"
    stats = {row[0]: row[1] for row in workbook["统计"].iter_rows(values_only=True)
             if len(row) > 1 and row[1] is not None}
    assert stats["脱贫户"] == 1  # the 挂图作战 figures beside the records
    members_sheet = workbook["家庭成员"]
    header = [c.value for c in members_sheet[1]]
    assert header[:5] == ["户编号", "户主姓名", "姓名", "证件号码", "与户主关系"]
    row = dict(zip(header, [c.value for c in members_sheet[3]]))
    assert row["姓名"] == "李梅" and row["证件号码"] == members[1]["id_number"]
    assert row["与户主关系"] == "配偶" and row["性别"] == "女"
    assert row["出生日期"] == dt.datetime(1972, 6, 14)  # a date, not text
    birth = members_sheet.cell(3, header.index("出生日期") + 1)
    assert birth.number_format == "yyyy-mm-dd"  # shown as a date, without a time
    assert members_sheet.freeze_panes == "A2"
    income = workbook["收支"]
    money = dict(zip([c.value for c in income[1]], income[2]))["务工收入（元）"]
    assert money.value == 18000.1 and money.number_format == "0.00"
    validations = {str(v.sqref)[:1]: v.formula1
                   for v in members_sheet.data_validations.dataValidation}
    relation_column = "E"
    assert validations[relation_column].startswith("代码表!")


def test_text_that_looks_like_a_formula_stays_text(book, tmp_path):
    household, members = family()
    household["address"] = "=HYPERLINK(\"http://x\",\"点我\")"
    household["note"] = "@SUM(A1)"
    save_household(book, None, household, members)
    path = tmp_path / "r.xlsx"
    export_register(book, path)
    with zipfile.ZipFile(path) as archive:
        sheets = [n for n in archive.namelist() if n.startswith("xl/worksheets/")]
        assert not any(b"<f>" in archive.read(n) or b"<f " in archive.read(n) for n in sheets)
    values = [c.value for c in load_workbook(path)["农户"][2]]
    assert household["address"] in values and "@SUM(A1)" in values


def test_cancel_leaves_no_file(demo_book, tmp_path):
    folder = tmp_path / "out"
    folder.mkdir()
    path = folder / "r.xlsx"
    path.write_bytes(b"an older register")
    with pytest.raises(Cancelled):
        export_register(demo_book, path, cancelled=lambda: True)
    assert path.read_bytes() == b"an older register"  # untouched
    assert [p.name for p in folder.iterdir()] == ["r.xlsx"]  # no half-written file


@pytest.mark.dated
def test_cli_export_xlsx(tmp_path, capsys):
    db = tmp_path / "demo.db"
    main(["demo", "--db", str(db), "--households", "30"])
    out = tmp_path / "register.xlsx"
    assert main(["export-xlsx", "--db", str(db), "--out", str(out)]) == 0
    assert "农户 30" in capsys.readouterr().out
    assert sum(1 for _ in load_workbook(out, read_only=True)["农户"].iter_rows()) == 31


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None and shutil.which("libreoffice") is None,
                    reason="LibreOffice is not installed")
def test_libreoffice_reads_the_register_without_repair(demo_book, tmp_path):
    path = tmp_path / "register.xlsx"
    export_register(demo_book, path)
    office = shutil.which("soffice") or shutil.which("libreoffice")
    # 44,34,76: comma, double quote, UTF-8
    result = subprocess.run([office, "--headless", "--convert-to",
                             "csv:Text - txt - csv (StarCalc):44,34,76", "--outdir",
                             str(tmp_path), str(path)], capture_output=True, text=True,
                            timeout=180)
    csv = tmp_path / "register.csv"
    assert result.returncode == 0 and csv.exists(), result.stderr
    text = csv.read_text(encoding="utf-8", errors="replace")
    assert "户编号" in text and "5323221052010001" in text
