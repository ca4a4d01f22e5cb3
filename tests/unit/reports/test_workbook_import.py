"""Importing households and members from workbooks: round trip, tolerance, refusals."""

from __future__ import annotations

import pytest
from helpers import LI_MEI, ZHANG_HUA, ZHANG_SAN, ZHANG_XIAO
from openpyxl import Workbook

from villagebook.cli import export_records, main
from villagebook.reports.workbook import export_register
from villagebook.reports.workbook_import import ImportRefused, import_workbook


def count(book, table: str) -> int:
    return book.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def households_of(book) -> list[dict]:
    """The households of the book's one village, as export-json gives them."""
    [village] = export_records(book)["villages"]
    return village["households"]


def comparable(book) -> list[dict]:
    """Households and members without ids, stamps and row numbers."""
    skip = {"id", "household_id", "village_id", "created_at", "updated_at", "rid",
            "last_visit", "next_follow_up"}
    out = []
    for h in households_of(book):
        out.append({**{k: v for k, v in h.items() if k not in skip and not isinstance(v, list)},
                    "members": [{k: v for k, v in m.items() if k not in skip}
                                for m in h["members"]]})
    return out


def test_round_trip_export_then_import_into_an_empty_book(demo_book, book, tmp_path):
    from villagebook.storage.households import close_household

    closed = [r[0] for r in demo_book.conn.execute(
        "SELECT id FROM households ORDER BY number LIMIT 2")]
    for household_id in closed:
        close_household(demo_book, household_id, "01", "2025-06-01")
    path = tmp_path / "register.xlsx"
    export_register(demo_book, path)
    result = import_workbook(book, path)
    assert result.problems == [] and result.committed
    assert result.households_created == 60
    assert comparable(book) == comparable(demo_book)
    assert count(book, "households WHERE status = 'closed' AND closed_reason = '01'") == 2
    # importing the same file again updates nothing and duplicates nothing
    before = count(book, "changes")
    again = import_workbook(book, path)
    assert again.committed and again.households_updated == 60 and again.households_created == 0
    assert count(book, "members") == count(demo_book, "members")
    assert count(book, "changes") == before


def write(path, rows) -> None:
    workbook = Workbook()
    for row in rows:
        workbook.active.append(row)
    workbook.save(path)


def test_common_shape_with_title_rows_full_width_and_old_ids(book, tmp_path):
    path = tmp_path / "名单.xlsx"
    old_15 = ZHANG_XIAO[:6] + ZHANG_XIAO[8:17]  # the same person's old 15-digit number
    write(path, [
        ["石桥村2025年农户花名册"],
        [],
        ["户 编 号", "户主姓名", "姓　名", "身份证号", "与户主关系", "民族", "组", "户类别"],
        ["１１０１０５００１００１００１", "张三", " 张三 ", ZHANG_SAN, "户主", "汉族", "一组",
         "脱贫户"],
        ["110105001001001", "张三", "李梅", LI_MEI.lower(), "配偶", "汉族", "一组", "脱贫户"],
        [],
        ["110105001001001", "张三", "张小", old_15, "之子", "mgz", "一组", "脱贫户"],
    ])
    result = import_workbook(book, path)
    assert result.problems == [], result.problems
    [household] = households_of(book)
    assert household["number"] == "110105001001001" and household["category"] == "01"
    assert household["group_name"] == "一组"
    assert [(m["name"], m["id_number"], m["relation"], m["ethnicity"])
            for m in household["members"]] == [
        ("张三", ZHANG_SAN, "01", "01"), ("李梅", LI_MEI, "02", "01"),
        ("张小", ZHANG_XIAO, "03", "02")]  # mgz: pinyin initials of 蒙古族


def test_dry_run_checks_everything_and_writes_nothing(book, tmp_path):
    path = tmp_path / "名单.xlsx"
    write(path, [["户编号", "姓名", "证件号码", "与户主关系", "户类别"],
                 ["1", "张三", ZHANG_SAN, "户主", "一般农户"]])
    before = count(book, "changes")
    result = import_workbook(book, path, dry_run=True)
    assert result.problems == [] and not result.committed and result.households_created == 1
    assert count(book, "households") == 0 and count(book, "changes") == before


def test_bad_rows_are_reported_with_sheet_row_and_column_and_nothing_is_written(book, tmp_path):
    path = tmp_path / "名单.xlsx"
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "名单"
    sheet.append(["户编号", "姓名", "证件号码", "与户主关系", "户类别"])
    sheet.append(["1", "张三", ZHANG_SAN, "户主", "一般农户"])
    sheet.append(["2", "李四", 4.10105e17, "户主", "一般农户"])  # an ID typed as a number
    sheet.append(["3", "王五", ZHANG_SAN, "户主", "一般农户"])  # the same person twice
    sheet.append(["4", "赵六", ZHANG_HUA, "之女", "一般农户"])  # no head in household 4
    workbook.save(path)
    result = import_workbook(book, path)
    assert not result.committed
    found = {(p.row, p.issue.code) for p in result.problems}
    assert (3, "import.number_cut_short") in found  # said once for the column
    assert (5, "household.no_head") in found
    assert any(p.issue.code == "member.id_elsewhere" for p in result.problems)
    assert {p.sheet for p in result.problems} == {"名单"}
    assert count(book, "households") == 0 and count(book, "members") == 0


@pytest.mark.parametrize("content,code", [
    (b"this is not a spreadsheet", "import.not_workbook"),
    (None, "import.missing_columns"),
])
def test_unreadable_files_are_refused(book, tmp_path, content, code):
    path = tmp_path / "x.xlsx"
    if content is None:
        write(path, [["甲", "乙"], ["1", "2"]])
    else:
        path.write_bytes(content)
    with pytest.raises(ImportRefused) as info:
        import_workbook(book, path)
    assert info.value.code == code
    assert count(book, "households") == 0


def test_cli_import_with_report(demo_book, tmp_path, capsys):
    from openpyxl import load_workbook

    demo_book.close()
    good = tmp_path / "register.xlsx"
    assert main(["export-xlsx", "--db", str(demo_book.path), "--out", str(good)]) == 0
    target = tmp_path / "new.db"
    main(["init", "--db", str(target), "--village", "石桥村", "--code", "110105001001",
          "--user", "李文书"])
    assert main(["import-xlsx", "--db", str(target), str(good), "--dry-run"]) == 0
    assert "would import: 60 new households" in capsys.readouterr().out
    bad = tmp_path / "bad.xlsx"
    write(bad, [["户编号", "姓名", "证件号码", "与户主关系"], ["1", "张三", "123", "户主"]])
    report = tmp_path / "report.xlsx"
    assert main(["import-xlsx", "--db", str(target), str(bad), "--report", str(report)]) == 2
    rows = list(load_workbook(report).active.iter_rows(values_only=True))
    assert rows[0][:5] == ("工作表", "行", "列", "值", "问题")
    [id_row] = [r for r in rows if r[2] == "证件号码"]
    assert id_row[1] == 2 and "18 位" in id_row[4]
    assert any(r[2] == "户类别" and "缺少户类别" in r[4] for r in rows)  # asked once


def test_blank_template_filled_in_imports(book, tmp_path):
    from openpyxl import load_workbook


    path = tmp_path / "模板.xlsx"
    assert main(["template", "--out", str(path)]) == 0
    workbook = load_workbook(path)
    assert workbook.sheetnames == ["农户", "家庭成员", "代码表"]
    members = workbook["家庭成员"]
    assert members.max_row == 1 and members.data_validations.dataValidation
    header = [c.value for c in members[1]]
    row = {"户编号": "7", "姓名": "张三", "证件号码": ZHANG_SAN, "与户主关系": "户主"}
    members.append([row.get(h) for h in header])
    households = workbook["农户"]
    head = [c.value for c in households[1]]
    households.append([{"户编号": "7", "户类别": "一般农户", "组（自然村）": "三组"}.get(h)
                       for h in head])
    workbook.save(path)
    result = import_workbook(book, path)
    assert result.problems == [] and result.committed
    assert households_of(book)[0]["group_name"] == "三组"


def test_state_in_the_household_sheet_closes_and_reopens(demo_book, tmp_path):
    from openpyxl import load_workbook

    path = tmp_path / "register.xlsx"
    export_register(demo_book, path)
    workbook = load_workbook(path)
    sheet = workbook["农户"]
    titles = [c.value for c in sheet[1]]
    status, reason, date = (titles.index(t) + 1 for t in ("状态", "注销原因", "注销日期"))
    sheet.cell(2, status, "已注销")
    sheet.cell(2, reason, "整户迁出")
    sheet.cell(2, date, "2025-03-01")
    sheet.cell(3, status, "已注销")  # no reason: refused, with its row
    workbook.save(path)
    result = import_workbook(demo_book, path)
    assert not result.committed
    assert [(p.sheet, p.row, p.column) for p in result.problems] == [
        ("农户", 3, "closed_reason"), ("农户", 3, "closed_date")]
    assert count(demo_book, "households WHERE status = 'closed'") == 0
    sheet.cell(3, status, "正常")
    workbook.save(path)
    result = import_workbook(demo_book, path)
    assert result.committed and result.problems == []
    first = demo_book.conn.execute(
        "SELECT status, closed_reason, closed_date FROM households ORDER BY number LIMIT 1"
    ).fetchone()
    assert first == ("closed", "01", "2025-03-01")
    assert count(demo_book, "actions WHERE action = 'household.close'") == 1
    sheet.cell(2, status, "正常")  # and back again: reopened through its own event
    workbook.save(path)
    assert import_workbook(demo_book, path).committed
    assert count(demo_book, "households WHERE status = 'closed'") == 0
    assert count(demo_book, "actions WHERE action = 'household.reopen'") == 1


def test_progress_and_cancel_roll_back(demo_book, book, tmp_path):
    from villagebook.reports.workbook import Cancelled

    path = tmp_path / "register.xlsx"
    export_register(demo_book, path)
    steps = []
    assert import_workbook(book, path, dry_run=True,
                           progress=lambda d, t: steps.append((d, t))).problems == []
    assert steps[-1] == (60, 60) and steps == sorted(steps)
    calls = []
    with pytest.raises(Cancelled):
        import_workbook(book, path, cancelled=lambda: calls.append(1) or len(calls) > 30)
    assert count(book, "households") == 0


def test_a_mapping_reads_unknown_headers_and_skips_columns(book, tmp_path):
    from villagebook.reports.workbook_import import columns_of

    path = tmp_path / "自制名单.xlsx"
    write(path, [
        ["户码", "名字", "身份证", "关系", "民族", "户类别"],
        ["110105001001001", "张三", ZHANG_SAN, "户主", "不知道", "脱贫户"],
        ["110105001001001", "李梅", LI_MEI, "配偶", "不知道", "脱贫户"],
    ])
    with pytest.raises(ImportRefused) as refused:
        import_workbook(book, path, dry_run=True)
    assert refused.value.code == "import.missing_columns"
    [sheet] = columns_of(path)
    assert sheet.header_row == 1 and sheet.titles[:3] == ["户码", "名字", "身份证"]
    assert sheet.samples[1] == "张三"
    assert sheet.keys == ["", "", "member.id_number", "member.relation", "member.ethnicity",
                          "household.category"]
    mapping = {"户码": "household.number", "名字": "member.name", "身份证": "member.id_number"}
    assert columns_of(path, mapping)[0].keys[:3] == [
        "household.number", "member.name", "member.id_number"]
    result = import_workbook(book, path, mapping=mapping, dry_run=True)
    # 不知道 is no 民族: kept in 备注, said once with its count, nothing refused
    assert result.problems == []
    assert [(w.value, w.issue.values["count"]) for w in result.warnings
            if w.issue.code == "import.value_kept"] == [("不知道", 2)]
    result = import_workbook(book, path, mapping={**mapping, "民族": ""})
    assert result.committed and result.households_created == 1 and result.members == 2
    assert count(book, "members WHERE ethnicity IS NULL") == 2


def test_password_protected_workbook_is_refused(book, tmp_path):
    from msoffcrypto.format.ooxml import OOXMLFile

    plain, locked = tmp_path / "plain.xlsx", tmp_path / "locked.xlsx"
    write(plain, [["户编号", "姓名", "证件号码", "与户主关系"], ["1", "张三", ZHANG_SAN, "户主"]])
    with open(plain, "rb") as source, open(locked, "wb") as out:
        OOXMLFile(source).encrypt("1234", out)
    with pytest.raises(ImportRefused) as info:
        import_workbook(book, locked)
    assert info.value.code == "import.encrypted" and info.value.values["name"] == "locked.xlsx"
    assert count(book, "households") == 0


def test_empty_workbook_is_refused(book, tmp_path):
    path = tmp_path / "empty.xlsx"
    Workbook().save(path)
    with pytest.raises(ImportRefused) as info:
        import_workbook(book, path)
    assert info.value.code in ("import.empty", "import.missing_columns")
    assert count(book, "households") == 0


def test_merged_header_cells_and_impossible_dates(book, tmp_path):
    path = tmp_path / "merged.xlsx"
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["石桥村农户信息"])
    sheet.merge_cells("A1:F1")  # a merged title across the table
    sheet.append(["户编号", "姓名", "证件号码", "与户主关系", "出生日期", "户类别"])
    sheet.append(["1", "张三", ZHANG_SAN, "户主", "1970-03-05", "一般农户"])
    sheet.append(["1", "李梅", LI_MEI, "配偶", "1972-02-30", "一般农户"])  # no such day
    sheet.merge_cells("F3:F4")  # 户类别 once for the household, merged down
    workbook.save(path)
    result = import_workbook(book, path)
    assert not result.committed
    assert [(p.row, p.column, p.value) for p in result.problems] == [
        (4, "birth_date", "1972-02-30")]
    # the merged 户类别 reached the household: its other cell is empty, not wrong
    assert not any(p.column == "category" for p in result.problems)
    assert count(book, "households") == 0


def test_too_many_rows_is_refused_naming_the_sheet(book, tmp_path, monkeypatch):
    from villagebook.reports import workbook_import

    monkeypatch.setattr(workbook_import, "MAX_ROWS", 50)  # 200,000 in use
    path = tmp_path / "huge.xlsx"
    write(path, [["户编号", "姓名", "证件号码", "与户主关系"]] +
          [[str(i), "某某", "", "户主"] for i in range(60)])
    with pytest.raises(ImportRefused) as info:
        import_workbook(book, path)
    assert info.value.code == "import.too_many_rows" and info.value.values["sheet"] == "Sheet"
    assert count(book, "households") == 0


def test_a_list_in_the_words_villages_write_imports(book, tmp_path):
    """Relations as household registers write them (GB/T 4761 words), the monitoring
    system's household types, √ for yes: mapped through resources/codes/vocabulary.json."""
    from helpers import make_id

    path = tmp_path / "花名册.xlsx"
    write(path, [
        ["户编号", "姓名", "证件号码", "与户主关系", "户类型", "是否参加城乡居民医保"],
        ["110105001001011", "赵大", make_id("19600101", 11), "本人", "边缘易致贫户", "√"],
        ["110105001001011", "钱氏", make_id("19620101", 22), "妻", "边缘易致贫户", "√"],
        ["110105001001011", "赵小", make_id("19880101", 33), "长子", "边缘易致贫户", "×"],
        ["110105001001011", "孙媳", make_id("19900101", 44), "儿媳", "边缘易致贫户", "√"],
    ])
    result = import_workbook(book, path)
    assert result.committed, [(p.column, p.value, p.issue.code) for p in result.problems]
    [household] = households_of(book)
    assert household["category"] == "02"  # 监测户
    assert [m["relation"] for m in household["members"]] == ["01", "02", "03", "05"]
    assert [m["medical_ins"] for m in household["members"]] == [1, 1, 0, 1]


def test_the_national_list_brings_water_and_cause_and_names_what_it_cannot_keep(book,
                                                                              tmp_path):
    """The national system's export of people (one row a person): its household columns
    come in where the book has a place; the others are named before anything is written."""
    from helpers import make_id

    path = tmp_path / "全国系统导出.xlsx"
    write(path, [
        ["序号", "户编号", "姓名", "证件号码", "与户主关系", "户类型", "是否解决安全饮用水",
         "致贫原因", "风险是否消除", "易返贫致贫户(监测对象)类型", "危房户", "人均纯收入"],
        ["1", "110105001001021", "周一", make_id("19600101", 11), "户主", "脱贫户", "否",
         "因病", "否", "", "否", "8650.5"],
        ["2", "110105001001021", "吴二", make_id("19620101", 22), "配偶", "脱贫户", "否",
         "因病", "否", "", "否", "8650.5"],
    ])
    checked = import_workbook(book, path, dry_run=True)
    [unread] = [w for w in checked.warnings if w.issue.code == "import.unread_columns"]
    assert unread.issue.values["columns"] == "危房户、人均纯收入"
    assert not [w for w in checked.warnings if w.issue.code == "import.unsafe_house"]
    assert count(book, "households") == 0  # named before anything is written
    assert import_workbook(book, path).committed
    [household] = households_of(book)
    assert household["water_safe"] == 0 and household["main_cause"] == "01"  # 因病


def test_the_national_lists_monitoring_columns_come_in_as_logged_events(book, tmp_path):
    """易返贫致贫户(监测对象)类型, 风险识别时间, 风险是否消除, 风险消除时间 and 风险消除方式
    (or a 户类别 such as 边缘易致贫户) become 纳入监测 / 风险消除 events through the window's
    path; what the list does not say enough for is named, never made up; importing the
    list again adds nothing."""
    from helpers import make_id

    from villagebook.storage.monitoring import list_events, monitoring_state

    path = tmp_path / "监测对象名单.xlsx"
    header = ["户编号", "姓名", "证件号码", "与户主关系", "户类别", "易返贫致贫户(监测对象)类型",
              "风险识别时间", "风险是否消除", "风险消除时间", "风险消除方式", "致贫原因"]
    rows = [
        # A: identified and removed by assistance; the risk from the cause (因病)
        ["110105001001031", "甲一", make_id("19600101", 11), "户主", "监测户", "脱贫不稳定户",
         "2024-03-05", "是", "2025.6.1", "帮扶消除", "因病"],
        ["110105001001031", "甲二", make_id("19620101", 22), "配偶", "监测户", "脱贫不稳定户",
         "2024-03-05", "是", "2025.6.1", "帮扶消除", "因病"],
        # B: the 户类别 names the type; 因学 is a risk too
        ["110105001001032", "乙一", make_id("19650101", 31), "户主", "边缘易致贫户", "",
         "2025年1月10日", "否", "", "", "因学"],
        # C: 缺资金 names no risk type, and there is no risk column: not made up
        ["110105001001033", "丙一", make_id("19660101", 41), "户主", "监测户", "突发严重困难户",
         "2025-02-01", "否", "", "", "缺资金"],
        # D: removed, but without its way: taken in, the removal left to a person
        ["110105001001034", "丁一", make_id("19670101", 51), "户主", "监测户", "边缘易致贫户",
         "2024-08-08", "是", "2025-01-01", "", "因残"],
        # E: an ordinary household
        ["110105001001035", "戊一", make_id("19680101", 61), "户主", "一般户", "", "", "", "",
         "", ""],
    ]
    write(path, [header, *rows])
    result = import_workbook(book, path)
    assert result.committed, [(p.column, p.value, p.issue.code) for p in result.problems]
    assert not [w for w in result.warnings if w.issue.code == "import.unread_columns"]
    said = {w.issue.code: w.issue.values for w in result.warnings}
    assert said["import.monitoring_in"] == {"identified": 3, "removed": 1}
    assert said["import.monitoring_no_risk"]["numbers"] == "110105001001033"
    assert said["import.monitoring_removal_incomplete"]["numbers"] == "110105001001034"
    ids = dict(book.conn.execute("SELECT number, id FROM households"))
    a_events = list_events(book, ids["110105001001031"])
    assert [(e["event"], e["event_date"]) for e in reversed(a_events)] == [
        ("01", "2024-03-05"), ("02", "2025-06-01")]
    assert a_events[-1]["category"] == "01" and a_events[-1]["risks"] == "01"
    assert a_events[0]["removal_method"] == "01"
    b_state = monitoring_state(book, ids["110105001001032"])
    assert b_state["monitored"] and b_state["category"] == "02" and b_state["risks"] == "02"
    assert b_state["since"] == "2025-01-10"
    assert list_events(book, ids["110105001001033"]) == []
    assert monitoring_state(book, ids["110105001001034"])["monitored"]
    assert list_events(book, ids["110105001001035"]) == []
    logged = book.conn.execute("SELECT count(*) FROM changes WHERE table_name ="
                               " 'monitoring_events' AND op = 'create'").fetchone()[0]
    assert logged == 4  # each event in the change log, as from the window
    again = import_workbook(book, path)
    assert again.committed
    assert {w.issue.code: w.issue.values for w in again.warnings}[
        "import.monitoring_kept"]["count"] == 3
    assert book.conn.execute("SELECT count(*) FROM monitoring_events").fetchone()[0] == 4


def test_bare_numbers_in_a_code_column_are_never_read_by_guess(book, tmp_path):
    """GB/T 4761's 20 is 子 but this program's 20 is 之曾孙子女: a column of bare numbers
    is named by the check, and read by the numbering the person chooses (remembered
    like the other column choices)."""
    from helpers import make_id

    from villagebook.reports.import_columns import normalize, targets

    path = tmp_path / "户籍名单.xlsx"
    write(path, [
        ["户编号", "姓名", "证件号码", "与户主关系", "户类别"],
        ["110105001001041", "赵大", make_id("19600101", 11), "02", "一般户"],  # 户主
        ["110105001001041", "钱氏", make_id("19620101", 22), "12", "一般户"],  # 妻
        ["110105001001041", "赵小", make_id("19880101", 33), "20", "一般户"],  # 子
        ["110105001001041", "赵妞", make_id("19900101", 44), "30", "一般户"],  # 女
    ])
    checked = import_workbook(book, path)
    assert not checked.committed and count(book, "households") == 0
    [bare] = [p for p in checked.problems if p.issue.code == "import.bare_codes"]
    assert bare.column == "与户主关系" and bare.issue.values["count"] == 4
    assert "GB/T 4761" in bare.issue.values["numberings"] and bare.row == 2
    assert ("member.relation@gbt4761", "与户主关系（GB/T 4761-2008 家庭关系代码）") in targets()
    mapping = {normalize("与户主关系"): "member.relation@gbt4761"}
    result = import_workbook(book, path, mapping=mapping)
    assert result.committed, [(p.column, p.value, p.issue.code) for p in result.problems]
    [household] = households_of(book)
    assert [m["relation"] for m in household["members"]] == ["01", "02", "03", "04"]
    # read as this program's own codes, the numbers are its own (12 之母, 20 之曾孙子女)
    own = import_workbook(book, path, dry_run=True,
                          mapping={normalize("与户主关系"): "member.relation@own"})
    assert not [p for p in own.problems if p.issue.code == "import.bare_codes"]


def test_words_in_a_code_column_need_no_choice(book, tmp_path):
    from helpers import make_id

    path = tmp_path / "名单.xlsx"
    write(path, [["户编号", "姓名", "证件号码", "与户主关系", "户类别"],
                 ["110105001001051", "赵大", make_id("19600101", 11), "户主", "一般户"],
                 ["110105001001051", "赵小", make_id("19880101", 33), "长子", "一般户"]])
    result = import_workbook(book, path)
    assert result.committed and not result.problems


def test_unsafe_houses_are_counted_for_a_person_to_grade(book, tmp_path):
    """危房户 says yes or no; the book keeps grades A–D: the households marked are counted
    (once each, whatever their rows), and a 危房等级 column comes in as the grade."""
    from helpers import make_id

    path = tmp_path / "危房名单.xlsx"
    write(path, [
        ["户编号", "姓名", "证件号码", "与户主关系", "户类别", "是否危房户", "危房等级"],
        ["110105001001071", "甲", make_id("19600101", 11), "户主", "一般户", "是", "D级"],
        ["110105001001071", "乙", make_id("19620101", 22), "配偶", "一般户", "是", "D级"],
        ["110105001001072", "丙", make_id("19650101", 31), "户主", "一般户", "是", ""],
        ["110105001001073", "丁", make_id("19660101", 41), "户主", "一般户", "否", ""],
    ])
    result = import_workbook(book, path)
    assert result.committed
    [unsafe] = [w for w in result.warnings if w.issue.code == "import.unsafe_house"]
    assert unsafe.issue.values == {"column": "是否危房户", "count": 2}
    grades = dict(book.conn.execute("SELECT number, housing_grade FROM households"))
    assert grades == {"110105001001071": "D", "110105001001072": None,
                      "110105001001073": None}
