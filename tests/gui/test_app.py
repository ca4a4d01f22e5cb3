"""The list model, single instance, first run, languages, and the resources the window needs."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import Qt

from villagebook.paths import resources_dir
from villagebook.ui import i18n
from villagebook.ui.household_list import HouseholdListModel
from villagebook.ui.main_window import MainWindow
from villagebook.ui.member_table import MemberTableModel
from villagebook.ui.messages import TEMPLATES
from villagebook.ui.single_instance import SingleInstance

ROOT = Path(__file__).resolve().parents[2]


def write_list(path, rows) -> None:
    """A village's list as a workbook, its rows as given."""
    from openpyxl import Workbook

    workbook = Workbook()
    for row in rows:
        workbook.active.append(row)
    workbook.save(path)


def test_household_list_model_passes_the_model_tester(qtmodeltester, demo_book):
    model = HouseholdListModel(demo_book)
    qtmodeltester.check(model)
    model.sort(1, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(model)


def test_member_model_passes_the_model_tester(qtmodeltester, demo_book):
    from villagebook.storage.households import load_household

    hid = demo_book.conn.execute("SELECT id FROM households LIMIT 1").fetchone()[0]
    qtmodeltester.check(MemberTableModel(load_household(demo_book, hid)[1]))


def test_list_pages_as_it_scrolls_and_sorts_in_sql(qtbot, tmp_path):
    from villagebook.cli import create_demo

    with create_demo(tmp_path / "big.db", 450, seed=2) as book:
        model = HouseholdListModel(book)
        assert model.rowCount() == 200 and model.canFetchMore()
        model.fetchMore()
        model.fetchMore()
        assert model.rowCount() == 450 and not model.canFetchMore()
        model.sort(3, Qt.SortOrder.DescendingOrder)  # 家庭人口数
        sizes = [int(model.index(r, 3).data()) for r in range(model.rowCount())]
        assert sizes == sorted(sizes, reverse=True) and model.rowCount() == 200


def test_the_count_comes_at_once_without_search_words_and_never_out_of_date(qtbot,
                                                                             demo_book):
    from villagebook.ui.jobs import wait_for_jobs

    model = HouseholdListModel(demo_book)
    counts: list[int] = []
    model.count_changed.connect(counts.append)
    model.request_count()  # no search words: counted on this thread, at once
    everyone = demo_book.conn.execute(
        "SELECT count(*) FROM households WHERE status = 'active'").fetchone()[0]
    assert counts == [everyone]
    model.set_query(search="zs")
    model.request_count()  # a search: in the background
    assert counts == [everyone]
    model.set_query(search="")
    model.request_count()  # the search's count, still on its way, must not win
    wait_for_jobs()
    qtbot.wait(50)  # let a late result reach the window if it were to
    assert counts == [everyone, everyone]


def test_main_window_search_filters_and_summary(qtbot, demo_book):
    main = MainWindow(demo_book)
    qtbot.addWidget(main)
    assert "演示" in main.windowTitle()
    households = main.household_list
    households.category_filter.setCurrentIndex(households.category_filter.findData("02"))
    categories = {households.model.index(r, 4).data() for r in range(households.model.rowCount())}
    assert categories == {"监测户"}
    main.household_list.table.selectRow(0)
    assert main.household_list.model.index(0, 1).data() in main.household_list.summary.text()
    window = main.open_household(main.household_list.model.household_id(0))
    assert "演示" in window.windowTitle()


def test_second_instance_asks_the_first_to_come_forward(qtbot):
    first = SingleInstance("villagebook-test-single")
    assert first.claim()
    assert first.listen()
    second = SingleInstance("villagebook-test-single")
    with qtbot.waitSignal(first.activated, timeout=3000):
        assert not second.claim()
    first.release()
    third = SingleInstance("villagebook-test-single")  # the first has ended: free again
    assert third.claim()
    third.release()


def test_an_instance_still_starting_is_not_started_twice(qtbot, monkeypatch):
    from villagebook.ui import single_instance

    monkeypatch.setattr(single_instance, "ASK_WAIT_MS", 300)
    first = SingleInstance("villagebook-test-starting")
    assert first.claim()  # not listening yet: its window is not painted
    assert not SingleInstance("villagebook-test-starting").claim()
    first.release()


def test_a_lock_file_left_by_a_crash_does_not_stop_the_start(qtbot):
    from villagebook.paths import data_dir

    data_dir().mkdir(parents=True, exist_ok=True)
    (data_dir() / "villagebook-test-crashed.lock").write_bytes(b"")  # no process holds it
    survivor = SingleInstance("villagebook-test-crashed")
    assert survivor.claim()
    survivor.release()


def test_switching_to_english_changes_the_window(qtbot, demo_book):
    i18n.install("en")
    main = MainWindow(demo_book)
    qtbot.addWidget(main)
    assert main.household_list.new_button.text() == "New household"
    assert main.household_list.model.headerData(0, Qt.Orientation.Horizontal) == "Household no."
    i18n.install("zh")
    chinese = MainWindow(demo_book)
    qtbot.addWidget(chinese)
    assert chinese.household_list.new_button.text() == "新增农户"


def test_new_village_dialog_refuses_a_bad_code(qtbot):
    from villagebook.ui.start_dialogs import NewVillageDialog

    dialog = NewVillageDialog()
    qtbot.addWidget(dialog)
    dialog.name.setText("石桥村")
    dialog.code.setText("1101")
    dialog.user.setText("李文书")
    dialog._check_and_accept()
    assert dialog.result() == 0 and "12 位数字" in dialog.error.text()
    dialog.code.setText("110105001001")
    dialog._check_and_accept()
    assert dialog.result() == 1


def test_first_run_demo_opens_a_marked_demo_village(qtbot, monkeypatch, tmp_path):
    from villagebook import app as app_module
    from villagebook.ui.start_dialogs import WelcomeDialog

    def choose_demo(self):
        self.choice = WelcomeDialog.DEMO
        return 1

    monkeypatch.setattr(WelcomeDialog, "exec", choose_demo)
    controller = app_module.Controller(app_module.Settings())
    assert controller.start(tmp_path / "none.db")
    qtbot.addWidget(controller.window)
    assert controller.book.path == app_module.demo_book_path()
    assert controller.window.household_list.model.total() == app_module.DEMO_HOUSEHOLDS
    assert "演示" in controller.window.windowTitle()
    controller.book.close()


def test_first_run_new_village_creates_the_book(qtbot, monkeypatch, tmp_path):
    from villagebook import app as app_module
    from villagebook.ui.start_dialogs import NewVillageDialog, WelcomeDialog

    def choose_new(self):
        self.choice = WelcomeDialog.NEW
        return 1

    def fill(self):
        self.name.setText("石桥村")
        self.code.setText("110105001001")
        self.user.setText("李文书")
        return 1

    monkeypatch.setattr(WelcomeDialog, "exec", choose_new)
    monkeypatch.setattr(NewVillageDialog, "exec", fill)
    controller = app_module.Controller(app_module.Settings())
    path = tmp_path / "new.db"
    assert controller.start(path)
    qtbot.addWidget(controller.window)
    assert controller.book.operator == "李文书"
    assert controller.book.conn.execute("SELECT name FROM village").fetchone()[0] == "石桥村"
    assert "李文书" in controller.window.windowTitle()
    controller.book.close()


def test_a_newer_book_gets_a_clear_message_and_is_not_opened(qtbot, boxes, tmp_path):
    import sqlite3

    from villagebook import app as app_module
    from villagebook.storage import open_book

    path = tmp_path / "newer.db"
    open_book(path, create=True).close()
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 42")
    conn.close()
    controller = app_module.Controller(app_module.Settings())
    assert controller.open(path) is False
    assert "较新版本" in boxes.texts() and "没有被改动" in boxes.texts()


def test_a_book_that_cannot_be_written_opens_for_reading(qtbot, boxes, book, book_path,
                                                        monkeypatch):
    from villagebook import app as app_module
    from villagebook.storage import book as book_module
    from villagebook.ui.start_dialogs import WhoIsWorkingDialog

    book.close()
    monkeypatch.setattr(book_module.os, "access", lambda *a: False)
    monkeypatch.setattr(WhoIsWorkingDialog, "exec", lambda self: 1)
    before = book_path.read_bytes()
    controller = app_module.Controller(app_module.Settings())
    assert controller.open(book_path)
    qtbot.addWidget(controller.window)
    assert controller.book.read_only
    assert "只读" in boxes.texts() and "【只读】" in controller.window.windowTitle()
    controller.book.close()
    assert book_path.read_bytes() == before


# -- resources ------------------------------------------------------------------

def test_translations_are_complete_and_compiled():
    ts = resources_dir() / "i18n" / "villagebook_zh_CN.ts"
    messages = list(ET.parse(ts).getroot().iter("message"))
    unfinished = [m.find("source").text for m in messages
                  if m.find("translation").get("type") == "unfinished"
                  or not m.find("translation").text]
    assert unfinished == []
    qm = ts.with_suffix(".qm")
    assert qm.exists() and qm.stat().st_mtime >= ts.stat().st_mtime - 1


def test_every_string_in_the_sources_is_in_the_translations(tmp_path):
    import shutil
    import subprocess

    from villagebook import devtools

    ts = tmp_path / "check.ts"
    shutil.copy(resources_dir() / "i18n" / "villagebook_zh_CN.ts", ts)
    subprocess.run([devtools._tool("pyside6-lupdate"), *devtools.translation_sources(),
                    "-no-obsolete", "-ts", str(ts)], check=True, capture_output=True)
    new = [m.find("source").text for m in ET.parse(ts).getroot().iter("message")
           if m.find("translation").get("type") == "unfinished"]
    assert new == [], "run `make i18n` and translate these in resources/i18n"


def test_committed_forms_match_the_ui_files():
    from villagebook import devtools

    def body(text: str) -> str:  # the header names the uic version
        return "\n".join(line for line in text.splitlines() if not line.startswith("##"))

    for ui_file in sorted(devtools.FORMS.glob("*.ui")):
        committed = devtools.generated_path(ui_file).read_text(encoding="utf-8")
        assert body(committed) == body(devtools.compile_form(ui_file)), \
            f"{ui_file.name} changed: run `make forms`"


def test_every_issue_code_the_core_raises_has_a_sentence():
    sources = "\n".join(p.read_text(encoding="utf-8")
                        for folder in ("core", "storage")
                        for p in (ROOT / "villagebook" / folder).glob("*.py"))
    raised = set(re.findall(r'(?:Issue|Error|Failed|Operation|NotFound)\(\s*(?:f?")([a-z_]+\.[a-z_]+)"',
                            sources))
    raised |= {f"{kind}.invalid" for kind in ("date", "year", "months", "int", "money",
                                              "decimal", "bool")}
    assert raised, "the pattern found no codes"
    missing = sorted(code for code in raised if code not in TEMPLATES)
    assert missing == []


def test_bundled_font_has_chinese_glyphs(qapp):
    from PySide6.QtGui import QFont, QFontDatabase, QFontMetrics

    from villagebook.paths import font_path
    from villagebook.ui.fonts import FAMILY, install_font

    assert install_font(qapp) == FAMILY
    assert FAMILY in QFontDatabase.families()
    metrics = QFontMetrics(QFont(FAMILY, 12))
    assert all(metrics.inFontUcs4(ord(c)) for c in "户编号张三脱贫监测")
    assert (font_path().parent / "LICENSE-wqy-microhei.txt").exists()


def test_users_dialog_adds_and_stops_users(qtbot, book):
    from villagebook.storage.village import list_users
    from villagebook.ui.start_dialogs import UsersDialog

    dialog = UsersDialog(book)
    qtbot.addWidget(dialog)
    dialog.name.setText("王第一书记")
    dialog.role.setCurrentIndex(dialog.role.findData("03"))
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    assert [u["name"] for u in list_users(book)] == ["李文书", "王第一书记"]
    dialog.name.setText("李文书")
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    assert "已有名为 李文书 的用户" in dialog.error.text()
    dialog.list.setCurrentRow(1)
    qtbot.mouseClick(dialog.toggle_button, Qt.MouseButton.LeftButton)
    assert [u["name"] for u in list_users(book)] == ["李文书"]
    assert "已停用" in dialog.list.item(1).text()
    dialog.list.setCurrentRow(0)
    qtbot.mouseClick(dialog.toggle_button, Qt.MouseButton.LeftButton)
    assert "至少" in dialog.error.text()  # the last active user cannot be stopped
    who = book.conn.execute("SELECT a.operator FROM changes c JOIN actions a"
                            " ON a.seq = c.action_seq WHERE c.field = 'active'").fetchall()
    assert who == [("李文书",)]


def test_monitoring_line_dialog_sets_the_line_of_a_year(qtbot, book):
    from villagebook.storage.book_settings import monitoring_line
    from villagebook.ui.start_dialogs import MonitoringLineDialog

    dialog = MonitoringLineDialog(book)
    qtbot.addWidget(dialog)
    dialog.year.setValue(2025)
    assert dialog.amount.text() == "6000.00"
    dialog.amount.setText("abc")
    dialog._save()
    assert dialog.result() == 0 and "abc" in dialog.error.text()
    dialog.amount.setText("6500")
    dialog._save()
    assert dialog.result() == 1 and monitoring_line(book, 2025) == 6500_00
    assert monitoring_line(book, 2024) == 6000_00


def test_export_the_register_from_the_window(qtbot, demo_book, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from villagebook.ui.main_window import MainWindow

    shown = []
    monkeypatch.setattr(QMessageBox, "exec", lambda self: shown.append(self.text()) or 0)
    main = MainWindow(demo_book)
    qtbot.addWidget(main)
    out = tmp_path / "村册.xlsx"
    main.export_register(str(out))
    qtbot.waitUntil(lambda: bool(shown), timeout=10000)
    assert out.exists() and str(out) in shown[0] and "农户 60" in shown[0]


def test_import_from_the_window_checks_first_then_imports(qtbot, book, tmp_path):
    from helpers import LI_MEI, ZHANG_SAN

    from villagebook.ui.import_dialog import ImportDialog

    good = tmp_path / "名单.xlsx"
    write_list(good, [["户编号", "姓名", "证件号码", "与户主关系", "户类别"],
                      ["1", "张三", ZHANG_SAN, "户主", "一般农户"],
                      ["1", "李梅", LI_MEI, "配偶", "一般农户"]])
    dialog = ImportDialog(None, book.path, "李文书", good)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.import_button.isEnabled(), timeout=10000)
    assert "新增 1 户" in dialog.summary.text()
    assert book.conn.execute("SELECT count(*) FROM households").fetchone()[0] == 0  # dry run
    with qtbot.waitSignal(dialog.imported, timeout=10000):
        dialog.import_button.click()
    assert book.conn.execute("SELECT count(*) FROM members").fetchone()[0] == 2
    who = book.conn.execute("SELECT DISTINCT operator FROM actions WHERE action ="
                            " 'import.create'").fetchall()
    assert who == [("李文书",)]


def test_import_with_problems_lists_them_and_imports_nothing(qtbot, book, tmp_path):
    from openpyxl import load_workbook as load

    from villagebook.ui.import_dialog import ImportDialog

    bad = tmp_path / "bad.xlsx"
    write_list(bad, [["户编号", "姓名", "证件号码", "与户主关系", "户类别"],
                     ["1", "张三", "110105194912310021", "户主", "一般农户"]])
    dialog = ImportDialog(None, book.path, "李文书", bad)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.table.rowCount() > 0, timeout=10000)
    assert not dialog.import_button.isEnabled()
    assert "校验位" in dialog.table.item(0, 4).text() and dialog.table.item(0, 1).text() == "2"
    report = tmp_path / "problems.xlsx"
    assert dialog.save_report(str(report))
    assert len(list(load(report).active.iter_rows())) == 2
    assert book.conn.execute("SELECT count(*) FROM households").fetchone()[0] == 0


def test_import_asks_once_what_the_list_leaves_open_and_remembers(qtbot, book, tmp_path):
    """A list with a household key column of its own name, a value no code list knows and
    a 合计 row: the person places the column and answers the value in the dialog; the
    same list a second time asks nothing."""
    from helpers import LI_MEI, ZHANG_SAN

    from villagebook.ui.import_dialog import ImportDialog

    path = tmp_path / "自制名单.xlsx"
    write_list(path, [["户码", "名字", "身份证", "与户主关系", "民族", "户类别"],
                      ["110105001001007", "张三", ZHANG_SAN, "户主", "穿青人", "一般农户"],
                      ["110105001001007", "李梅", LI_MEI, "配偶", "穿青人", "一般农户"],
                      ["合计", "2人"]])
    dialog = ImportDialog(None, book.path, "李文书", path)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.mapping_table.rowCount() == 6, timeout=10000)
    assert "没有找到" in dialog.summary.text() and not dialog.import_button.isEnabled()
    table = dialog.mapping_table
    assert [table.item(r, 1).text() for r in range(6)] == ["户码", "名字", "身份证",
                                                           "与户主关系", "民族", "户类别"]
    assert table.item(1, 2).text() == "张三"  # an example value under each title
    assert table.cellWidget(3, 3).currentData() == "member.relation"  # matched by itself
    for row, key in ((0, "household.number"), (1, "member.name")):
        combo = table.cellWidget(row, 3)
        combo.setCurrentIndex(combo.findData(key))
        qtbot.waitUntil(lambda: not dialog.progress.isVisible(), timeout=10000)
    # the value no code list knows: asked once, with how many rows hold it
    qtbot.waitUntil(lambda: dialog.questions.rowCount() == 1, timeout=10000)
    assert [dialog.questions.item(0, c).text() for c in (1, 2)] == ["穿青人", "2"]
    answer = dialog.questions.cellWidget(0, 3)
    answer.setCurrentIndex(answer.findData("97"))  # 其他
    qtbot.waitUntil(lambda: not dialog.progress.isVisible(), timeout=10000)
    qtbot.waitUntil(lambda: dialog.import_button.isEnabled(), timeout=10000)
    assert "新增 1 户" in dialog.summary.text()
    with qtbot.waitSignal(dialog.imported, timeout=10000):
        dialog.import_button.click()
    assert book.conn.execute("SELECT DISTINCT h.number, m.ethnicity FROM members m JOIN"
                             " households h ON h.id = m.household_id").fetchall() == [
        ("110105001001007", "97")]
    answers = tmp_path / "answers.json"
    assert dialog.save_answers(str(answers)) and "穿青人" in answers.read_text("utf-8")
    # the same list again: every question answered by the book, nothing asked
    again = ImportDialog(None, book.path, "李文书", path)
    qtbot.addWidget(again)
    qtbot.waitUntil(lambda: again.import_button.isEnabled(), timeout=10000)
    assert "更新 1 户" in again.summary.text() and again.questions.rowCount() == 0
    assert again.mapping_table.cellWidget(0, 3).currentData() == "household.number"


def test_import_can_be_cancelled_and_writes_nothing(qtbot, book, tmp_path):
    from villagebook.cli import create_demo
    from villagebook.reports.workbook import export_register
    from villagebook.ui.import_dialog import ImportDialog

    source = create_demo(tmp_path / "source.db", 400, seed=5)
    path = tmp_path / "register.xlsx"
    export_register(source, path)
    source.close()
    dialog = ImportDialog(None, book.path, "李文书", path)
    qtbot.addWidget(dialog)
    assert dialog.cancel_button.isVisible() or dialog.progress.maximum() == 0
    dialog.cancel_button.click()
    qtbot.waitUntil(lambda: "已停止" in dialog.summary.text(), timeout=20000)
    assert not dialog.import_button.isEnabled()
    assert book.conn.execute("SELECT count(*) FROM households").fetchone()[0] == 0


def test_first_run_new_township_creates_the_township_book(qtbot, monkeypatch, tmp_path):
    from villagebook import app as app_module
    from villagebook.ui.start_dialogs import NewTownshipDialog, WelcomeDialog

    def choose(self):
        self.choice = WelcomeDialog.TOWNSHIP
        return 1

    def fill(self):
        self.name.setText("城关镇")
        self.code.setText("5305241")  # too short first: refused beside the field
        self._check_and_accept()
        assert "9 位" in self.error.text()
        self.code.setText("530524101")
        self.county.setText("昌宁县")
        self.user.setText("王站长")
        self._check_and_accept()
        return self.result()

    monkeypatch.setattr(WelcomeDialog, "exec", choose)
    monkeypatch.setattr(NewTownshipDialog, "exec", fill)
    controller = app_module.Controller(app_module.Settings())
    assert controller.start(tmp_path / "town.db")
    qtbot.addWidget(controller.window)
    book = controller.book
    assert book.meta("book_kind") == "township" and book.meta("township_code") == "530524101"
    assert book.operator == "王站长" and "城关镇" in controller.window.windowTitle()
    assert controller.window.sync_page.township
    controller.book.close()


def test_an_empty_book_says_what_to_do_first_and_where_it_is(qtbot, book, monkeypatch):
    from helpers import family

    from villagebook.storage.households import save_household
    from villagebook.ui.main_window import MainWindow
    from villagebook.ui.pages import page_row

    main = MainWindow(book)
    qtbot.addWidget(main)
    assert main.nav.currentRow() == page_row("households")  # not an empty 工作台
    households = main.household_list
    assert households.first_steps.isVisibleTo(main) and not households.table.isVisibleTo(main)
    text = main.household_list.first_steps_text.text()
    assert "还没有农户" in text and str(book.path) in text
    qtbot.mouseClick(main.household_list.first_new_button, Qt.MouseButton.LeftButton)
    assert None in main.household_windows  # a new household's window
    hid = save_household(book, None, *family()).household_id
    main._household_saved(hid)
    assert not households.first_steps.isVisibleTo(main) and households.table.isVisibleTo(main)


def test_a_list_of_another_village_is_flagged_before_import(qtbot, boxes, book, tmp_path):
    from helpers import LI_MEI, ZHANG_SAN
    from PySide6.QtWidgets import QMessageBox

    from villagebook.ui.import_dialog import ImportDialog

    other = tmp_path / "河口村名单.xlsx"  # 户编号 of 530524101002, not 石桥村's
    write_list(other, [["户编号", "姓名", "证件号码", "与户主关系", "户类别"],
                       ["530524101002001", "张三", ZHANG_SAN, "户主", "一般农户"],
                       ["530524101002001", "李梅", LI_MEI, "配偶", "一般农户"]])
    dialog = ImportDialog(None, book.path, "李文书", other)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.import_button.isEnabled(), timeout=10000)
    assert "1 户中有 1 户的户编号属于其他村" in dialog.summary.text()
    boxes.answer = QMessageBox.StandardButton.No  # stop: nothing written
    assert not dialog.start_import()
    assert "其他村" in boxes.texts()
    assert book.conn.execute("SELECT count(*) FROM households").fetchone()[0] == 0
    boxes.answer = QMessageBox.StandardButton.Yes  # it is right: the person confirms
    with qtbot.waitSignal(dialog.imported, timeout=10000):
        assert dialog.start_import()
    assert book.conn.execute("SELECT count(*) FROM households").fetchone()[0] == 1


def test_a_search_result_says_which_member_it_found(qtbot, book):
    from helpers import family

    from villagebook.storage.households import save_household
    from villagebook.storage.queries import LIST_COLUMNS
    from villagebook.ui.main_window import MainWindow

    save_household(book, None, *family())
    main = MainWindow(book)
    qtbot.addWidget(main)
    head = LIST_COLUMNS.index("head_name")
    for typed, shown in (("李梅", "张三（匹配：李梅）"), ("lm", "张三（匹配：李梅）"),
                         ("张三", "张三"), ("zx", "张三（匹配：张小）")):
        main.household_list.search.setText(typed)
        main.household_list._search_timer.stop()
        main.household_list._apply_search()
        assert main.household_list.model.rowCount() == 1, typed
        assert main.household_list.model.index(0, head).data() == shown, typed
    main.household_list.search.clear()
    main.household_list._search_timer.stop()
    main.household_list._apply_search()
    assert main.household_list.model.index(0, head).data() == "张三"


def test_a_column_of_bare_numbers_is_read_by_the_numbering_chosen(qtbot, book, tmp_path):
    from helpers import LI_MEI, ZHANG_SAN

    from villagebook.ui.import_dialog import ImportDialog

    path = tmp_path / "户籍名单.xlsx"
    write_list(path, [["户编号", "姓名", "证件号码", "与户主关系", "户类别"],
                      ["110105001001061", "张三", ZHANG_SAN, "02", "一般农户"],
                      ["110105001001061", "李梅", LI_MEI, "12", "一般农户"]])
    dialog = ImportDialog(None, book.path, "李文书", path)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.mapping_table.rowCount() == 5, timeout=10000)
    qtbot.waitUntil(lambda: not dialog.progress.isVisible(), timeout=10000)
    assert not dialog.import_button.isEnabled()
    combo = dialog.mapping_table.cellWidget(3, 3)
    choices = [combo.itemText(i) for i in range(combo.count())]
    assert "家庭成员：与户主关系 (GB/T 4761-2008 家庭关系代码)" in choices
    combo.setCurrentIndex(combo.findData("member.relation@gbt4761"))
    qtbot.waitUntil(lambda: dialog.import_button.isEnabled(), timeout=10000)
    with qtbot.waitSignal(dialog.imported, timeout=10000):
        dialog.import_button.click()
    assert [r[0] for r in book.conn.execute(
        "SELECT relation FROM members ORDER BY position")] == ["01", "02"]


def test_first_run_new_county_creates_the_county_book(qtbot, monkeypatch, tmp_path):
    """The welcome dialog's 新建县级账本: a county's name and 6-digit code (a wrong code
    refused beside the field), then the window on its empty book."""
    from villagebook import app as app_module
    from villagebook.ui.start_dialogs import NewTownshipDialog, WelcomeDialog

    def choose(self):
        assert self.county_button.text() == "新建县级账本（保存各乡镇的记录）"
        self.choice = WelcomeDialog.COUNTY
        return 1

    def fill(self):
        assert self.windowTitle() == "新建县级账本"
        self.name.setText("昌宁县")
        self.code.setText("53052")  # too short: refused
        self._check_and_accept()
        assert "6 位" in self.error.text()
        self.code.setText("530524")
        self.user.setText("县档案员")
        self._check_and_accept()
        return self.result()

    monkeypatch.setattr(WelcomeDialog, "exec", choose)
    monkeypatch.setattr(NewTownshipDialog, "exec", fill)
    controller = app_module.Controller(app_module.Settings())
    assert controller.start(tmp_path / "county.db")
    qtbot.addWidget(controller.window)
    book = controller.book
    assert book.level == "county" and book.meta("county_code") == "530524"
    assert "昌宁县" in controller.window.windowTitle()
    assert "县级账本还没有农户" in controller.window.household_list.first_steps_text.text()
    controller.book.close()
