"""Real lists come in as they are: a corpus shaped like the lists villages and counties
really hand around, each imported whole, by recognition or with answers given once.

The shapes follow public sources, not any real person's data: the column titles and
values of the 2016–2020 扶贫开发建档立卡 indicators (贫困户属性, 致贫原因, 务工状况 by
乡（镇）内 / 乡（镇）外县内 / 县外省内 / 省外), of the 全国防返贫监测信息系统's member
export (户编号, 人编号, 证件号码（身份证号/残疾证号）, 监测对象类别 …, a grouped title row
above the real one) and of the paper 贫困户登记表 that villages type up (a roster without
户编号, one row per person, each household starting at its 户主). The people are made up.
"""

from __future__ import annotations

import json

import pytest
from helpers import make_id
from openpyxl import Workbook

from villagebook.cli import main
from villagebook.core.errors import ValidationFailed
from villagebook.reports import import_answers
from villagebook.reports.import_answers import Answers
from villagebook.reports.workbook_import import ImportRefused, import_workbook

CODE = "110105001001"  # the test village's code (conftest.VILLAGE)


def _ids(n: int) -> list[str]:
    return [make_id("19650312", 100 + i) for i in range(n)]


def save(path, sheets: dict[str, list[list]], merged: dict[str, list[str]] | None = None):
    workbook = Workbook()
    workbook.remove(workbook.active)
    for title, rows in sheets.items():
        sheet = workbook.create_sheet(title)
        for row in rows:
            sheet.append(row)
        for cells in (merged or {}).get(title, []):
            sheet.merge_cells(cells)
    workbook.save(path)
    return path


def people(book) -> dict[str, tuple]:
    return {r[0]: r[1:] for r in book.conn.execute(
        "SELECT m.name, h.number, h.category, m.relation, m.education, m.health,"
        " m.work_status, m.birth_date, m.note, m.disability_cert"
        " FROM members m JOIN households h ON h.id = m.household_id")}


def monitoring_export(path):
    """The national monitoring system's member list: a title row, a grouped header row,
    numbered titles with notes, its own words for 文化程度, 健康状况, 务工状况, 户类型,
    a 合计 row and a 填表人 row at the bottom."""
    a, b, c, d = _ids(4)
    return save(path, {"Sheet1": [
        ["XX县防返贫监测对象家庭成员信息表"],
        ["基本信息", None, None, None, None, "家庭成员情况", None, None, None, None],
        ["序号", "户编号", "人编号", "姓名", "证件号码（身份证号/残疾证号）", "与户主关系",
         "文化程度", "健康状况", "务工状况", "户类型"],
        [1, f"{CODE}001", "01", "张大山", a, "户主", "大专及以上", "患有大病",
         "乡（镇）外县内务工", "脱贫户"],
        [2, f"{CODE}001", "02", "王秀英", b, "配偶", "小学", "长期慢性病", "省外务工", "脱贫户"],
        [3, f"{CODE}002", "01", "李二牛", c, "户主", "初中", "健康", "县外省内务工", "监测户"],
        [4, f"{CODE}002", "02", "李小花", d, "之女", "小学在读", "健康", "无", "监测户"],
        ["合计", None, None, "4人"],
        ["填表人：", None, "审核人："],
    ]})


def test_the_monitoring_system_s_export_comes_in_whole(book, tmp_path):
    result = import_workbook(book, monitoring_export(tmp_path / "监测对象.xlsx"))
    assert result.problems == [] and result.committed
    assert result.households_created == 2 and result.members == 4
    found = people(book)
    assert found["张大山"][1:6] == ("01", "01", "07", "03", "01")  # the national words read
    assert found["王秀英"][5] == "03" and found["李二牛"][5] == "02"
    assert found["李二牛"][1] == "02"
    # 小学在读 is no 文化程度: left empty, kept in 备注, said once
    assert found["李小花"][3] is None and "小学在读" in found["李小花"][7]
    [kept] = [w for w in result.warnings if w.issue.code == "import.value_kept"]
    assert kept.issue.values["count"] == 1 and kept.value == "小学在读"
    assert any(w.issue.code == "import.closing_rows" and w.issue.values["count"] == 2
               for w in result.warnings)
    assert "合计" not in found and len(found) == 4


def village_roster(path):
    """A roster typed from the paper 贫困户登记表: no 户编号, each household starting at
    its 户主; birth dates as 19650312, as an Excel serial and as 1965.03.12 or 196503; an
    ID column whose title carries a note; blank rows between households."""
    return save(path, {"花名册": [
        ["姓名", "性别", "身份证号码（18位）", "与户主关系", "出生日期", "户类别"],
        ["赵一", "男", make_id("19650312", 101), "户主", "19650312", "脱贫户"],
        ["钱二", "女", make_id("19650313", 102), "妻子", 23814, "脱贫户"],
        [],
        ["孙三", "男", make_id("19650312", 103), "户主", "1965.03.12", "一般农户"],
        ["李四", "男", make_id("19650301", 105), "之子", "196503", "一般农户"],
        ["周五", "女", make_id("19900101", 106), "之女", None, "一般农户"],
    ]})


def test_a_roster_without_household_numbers_is_numbered_in_list_order(book, tmp_path):
    result = import_workbook(book, village_roster(tmp_path / "花名册.xlsx"))
    assert result.problems == [] and result.committed
    found = people(book)
    assert {n: f[0] for n, f in found.items()} == {
        "赵一": f"{CODE}001", "钱二": f"{CODE}001", "孙三": f"{CODE}002",
        "李四": f"{CODE}002", "周五": f"{CODE}002"}
    assert found["赵一"][6] == "1965-03-12" and found["钱二"][6] == "1965-03-13"
    assert found["孙三"][6] == "1965-03-12" and found["李四"][6] == "1965-03-01"
    assert result.numbered == 2
    assert any(w.issue.code == "import.numbered" for w in result.warnings)
    # the same list again: the same numbers, nothing new
    again = import_workbook(book, tmp_path / "花名册.xlsx")
    assert again.committed and again.households_created == 0 and again.households_updated == 2


def old_register(path):
    """The 2016–2019 建档立卡 export: 贫困户属性 instead of 户类别, 致贫原因 in its words,
    numbered titles (A1. …), 户编号 merged down each household, a 残疾人证 number in the
    ID column."""
    a, b, c = _ids(3)
    return save(path, {"贫困人口": [
        ["A1.户编号", "A2.姓名", "A3.证件号码", "A4.与户主关系", "A5.贫困户属性",
         "A6.主要致贫原因", "A7.健康状况"],
        [f"{CODE}001", "吴六", a, "户主", "低保贫困户", "缺劳力", "健康"],
        [None, "郑七", b + "42", "配偶", None, None, "残疾"],
        [f"{CODE}002", "冯八", c, "户主", "特困供养贫困户", "因婚", "健康"],
    ]}, merged={"贫困人口": ["A2:A3"]})


def test_an_old_register_comes_in_with_one_answer_for_the_whole_list(book, tmp_path):
    path = old_register(tmp_path / "建档立卡.xlsx")
    answers = import_answers.from_options(defaults=["户类别=脱贫户"])
    result = import_workbook(book, path, answers=answers)
    assert result.problems == [] and result.committed
    found = people(book)
    assert found["吴六"][:2] == (f"{CODE}001", "01") and found["郑七"][0] == f"{CODE}001"
    assert found["郑七"][8] == _ids(2)[1] + "42"  # the 残疾人证 number kept as such
    assert book.conn.execute("SELECT poverty_attr, main_cause FROM households WHERE number"
                             " = ?", [f"{CODE}002"]).fetchone() == ("03", "12")


def test_a_list_in_two_sheets_takes_each_sheet_s_category(book, tmp_path):
    a, b = _ids(2)
    path = save(tmp_path / "两类.xlsx", {
        "脱贫户": [["户编号", "姓名", "证件号码", "与户主关系"],
                  [f"{CODE}001", "甲", a, "户主"]],
        "监测户": [["户编号", "姓名", "证件号码", "与户主关系"],
                  [f"{CODE}002", "乙", b, "户主"]]})
    result = import_workbook(book, path)
    assert result.committed
    found = people(book)
    assert (found["甲"][1], found["乙"][1]) == ("01", "02")


def test_numbers_excel_cut_short_are_said_once_per_column(book, tmp_path):
    a, b, c = _ids(3)
    path = save(tmp_path / "数字.xlsx", {"名单": [
        ["户编号", "姓名", "证件号码", "与户主关系", "户类别"],
        [float(a[:17] + "0"), "甲", float(a[:17] + "0"), "户主", "脱贫户"],
        [float(a[:17] + "0"), "乙", float(b[:17] + "0"), "配偶", "脱贫户"],
        [float(c[:17] + "0"), "丙", float(c[:17] + "0"), "户主", "脱贫户"],
    ]})
    result = import_workbook(book, path)
    assert not result.committed
    assert sorted((p.column, p.issue.code, p.issue.values["count"]) for p in result.problems) \
        == [("户编号", "import.number_cut_short", 3), ("证件号码", "import.number_cut_short", 3)]
    assert book.conn.execute("SELECT count(*) FROM members").fetchone()[0] == 0


def test_an_unknown_household_key_and_value_are_answered_once(book, tmp_path, capsys):
    """The command line: a column it cannot place and a value no code list knows are
    answered by options; the answers saved, the next list with the same shape needs only
    the file."""
    a, b = _ids(2)
    path = save(tmp_path / "自制.xlsx", {"Sheet1": [
        ["农户代码", "姓名", "身份证", "关系", "民族"],
        [f"{CODE}001", "甲", a, "户主", "汉"],
        [f"{CODE}001", "乙", b, "妻", "穿青人"],
    ]})
    db = str(tmp_path / "book.db")
    book.close()
    answers_file = tmp_path / "answers.json"
    assert main(["import-xlsx", "--db", db, str(path), "--column", "农户代码=户编号",
                 "--value", "民族:汉=汉族", "--default", "户类别=脱贫户",
                 "--save-answers", str(answers_file)]) == 0
    out = capsys.readouterr()
    assert "1 new households" in out.out and "穿青人" in out.err
    saved = json.loads(answers_file.read_text(encoding="utf-8"))
    assert saved["version"] == 1 and saved["columns"] == {"农户代码": "household.number"}
    assert saved["values"]["member.ethnicity"] == {"汉": "01", "穿青人": ""}
    assert saved["defaults"] == {"household.category": "01"}
    # a person fills the open question in, and the next list needs nothing else
    saved["values"]["member.ethnicity"]["穿青人"] = "其他"
    answers_file.write_text(json.dumps(saved, ensure_ascii=False), encoding="utf-8")
    loaded = import_answers.load(answers_file)
    assert loaded.values["member.ethnicity"]["穿青人"] != ""
    assert main(["import-xlsx", "--db", db, str(path), "--answers", str(answers_file)]) == 0
    assert "穿青人" not in capsys.readouterr().err


@pytest.mark.parametrize("option,text", [
    (["--column", "农户代码"], "表头=字段"),
    (["--column", "农户代码=不存在的字段"], "不存在的字段"),
    (["--value", "民族:汉=火星族"], "火星族"),
    (["--default", "户类别"], "字段=值"),
])
def test_a_wrong_answer_is_refused_in_words(book, tmp_path, capsys, option, text):
    path = village_roster(tmp_path / "花名册.xlsx")
    db = str(tmp_path / "book.db")
    book.close()
    assert main(["import-xlsx", "--db", db, str(path), *option]) != 0
    assert text in capsys.readouterr().err


def test_an_answers_file_of_another_kind_is_refused(tmp_path):
    bad = tmp_path / "answers.json"
    bad.write_text("[1, 2]", encoding="utf-8")
    with pytest.raises(ValidationFailed) as refused:
        import_answers.load(bad)
    assert refused.value.issues[0].code == "import.answers_damaged"
    bad.write_text(json.dumps({"version": 99}), encoding="utf-8")
    with pytest.raises(ValidationFailed) as refused:
        import_answers.load(bad)
    assert refused.value.issues[0].code == "import.answers_newer"


def test_a_list_that_says_nothing_of_households_asks_for_the_key(book, tmp_path):
    a, b = _ids(2)
    path = save(tmp_path / "名单.xlsx", {"Sheet1": [
        ["姓名", "证件号码", "民族"], ["甲", a, "汉族"], ["乙", b, "汉族"]]})
    with pytest.raises(ImportRefused) as refused:
        import_workbook(book, path)
    assert refused.value.code == "import.no_household_key"
    # each is a household of one (everyone 户主): answered once for the whole list
    result = import_workbook(book, path, answers=Answers().merged(
        import_answers.from_options(defaults=["与户主关系=户主", "户类别=一般农户"])))
    assert result.committed and result.households_created == 2
