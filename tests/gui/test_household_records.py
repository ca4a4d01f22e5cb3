"""The 收入 and 三保障 tabs of the household window, through their widgets."""

from __future__ import annotations

from helpers import family, typed
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLineEdit

from villagebook.storage.guarantees import list_checks
from villagebook.storage.households import save_household
from villagebook.storage.incomes import list_incomes
from villagebook.ui.household_window import HouseholdWindow
from villagebook.ui.record_dialog import RecordDialog


def saved_household(book) -> str:
    household, members = family()
    return save_household(book, None, household, members).household_id


def fill_and_ok(monkeypatch, values: dict[str, str], seen: list) -> None:
    """Answer the next record dialog as a person would: type into its fields, press OK."""
    from villagebook.ui import field_editors

    def exec_(dialog: RecordDialog) -> int:
        for name, text in values.items():
            editor = dialog.editors[name]
            spec = next(s for s in dialog.specs if s.name == name)
            field_editors.set_value(editor, spec, text) if spec.kind in ("bool", "date", "code") \
                else typed(editor, QLineEdit).setText(text)
        dialog.try_save()
        seen.append(dialog)
        return dialog.result()

    monkeypatch.setattr(RecordDialog, "exec", exec_)


def test_record_tabs_wait_for_a_saved_household(qtbot, book):
    window = HouseholdWindow(book, None)
    qtbot.addWidget(window)
    income_tab = window.record_tabs[0]
    assert not income_tab.add_button.isEnabled() and not income_tab.hint.isHidden()
    assert window.ui.tabs.tabText(2) == "收入" and window.ui.tabs.tabText(3) == "两不愁三保障"


def test_add_an_income_year_from_the_window(qtbot, book, monkeypatch):
    window = HouseholdWindow(book, saved_household(book))
    qtbot.addWidget(window)
    tab = window.record_tabs[0]
    seen: list = []
    fill_and_ok(monkeypatch, {"year": "2025", "wage_migrant": "15000", "prod_planting": "3000.5",
                              "prod_expense": "500"}, seen)
    qtbot.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)
    [income] = list_incomes(book, window.household_id)
    assert income["net"] == 17500_50 and income["per_capita"] == 5833_50
    row = {tab.model.headerData(c, Qt.Orientation.Horizontal): tab.model.index(0, c).data()
           for c in range(tab.model.columnCount())}
    assert row["家庭纯收入（元）"] == "17500.50"
    assert row["人均纯收入（元）"] == "5833.50"
    assert row["低于监测线"] == "⚠ 是"  # under 6000 元: marked, not only coloured
    # the history tab shows the new record at once
    assert window.history.index(0, 2).data() == "新增收入"


def test_bad_amount_is_shown_beside_the_field_and_nothing_saved(qtbot, book, monkeypatch):
    window = HouseholdWindow(book, saved_household(book))
    qtbot.addWidget(window)
    seen: list = []
    fill_and_ok(monkeypatch, {"year": "2025", "wage_migrant": "-3"}, seen)
    qtbot.mouseClick(window.record_tabs[0].add_button, Qt.MouseButton.LeftButton)
    dialog = seen[0]
    assert dialog.result() == 0
    assert dialog.labels["wage_migrant"].text().startswith("✖")
    assert "不能为负数" in dialog.error.text()
    assert list_incomes(book, window.household_id) == []


def test_record_a_check_then_remove_and_restore_it(qtbot, book, monkeypatch):
    window = HouseholdWindow(book, saved_household(book))
    qtbot.addWidget(window)
    tab = window.record_tabs[1]
    seen: list = []
    fill_and_ok(monkeypatch, dict(food="1", clothing="1", education="1", medical="1",
                                  housing="0", water="1"), seen)
    qtbot.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)
    [check] = list_checks(book, window.household_id)
    assert check["checker"] == "李文书" and check["housing"] == 0  # who checked: the operator
    housing_column = [tab.model.headerData(c, Qt.Orientation.Horizontal)
                      for c in range(tab.model.columnCount())].index("住房安全有保障")
    assert tab.model.index(0, housing_column).data() == "⚠ 否"
    tab.table.selectRow(0)
    qtbot.mouseClick(tab.remove_button, Qt.MouseButton.LeftButton)
    assert tab.model.rowCount() == 0
    tab.show_removed.setChecked(True)
    tab.table.selectRow(0)
    qtbot.mouseClick(tab.restore_button, Qt.MouseButton.LeftButton)
    assert len(list_checks(book, window.household_id)) == 1


def test_a_check_with_a_missing_answer_is_refused(qtbot, book, monkeypatch):
    window = HouseholdWindow(book, saved_household(book))
    qtbot.addWidget(window)
    seen: list = []
    fill_and_ok(monkeypatch, dict(food="1", clothing="1"), seen)
    qtbot.mouseClick(window.record_tabs[1].add_button, Qt.MouseButton.LeftButton)
    assert seen[0].result() == 0 and "请填写义务教育有保障" in seen[0].error.text()
    assert list_checks(book, window.household_id) == []


def test_measure_for_a_member_from_the_household_window(qtbot, book, monkeypatch):
    window = HouseholdWindow(book, saved_household(book))
    qtbot.addWidget(window)
    tab = window.record_tabs[3]
    assert window.ui.tabs.tabText(5) == "帮扶措施"

    def exec_(dialog: RecordDialog) -> int:
        member = typed(dialog.editors["member_id"], QComboBox)
        assert [member.itemText(i) for i in range(member.count())] == ["", "张三", "李梅",
                                                                       "张小"]
        member.setCurrentIndex(3)
        typed(dialog.editors["measure_type"], QComboBox).setCurrentIndex(5)  # 雨露计划
        typed(dialog.editors["amount"], QLineEdit).setText("3000")
        dialog.try_save()
        return dialog.result()

    monkeypatch.setattr(RecordDialog, "exec", exec_)
    qtbot.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)
    assert tab.model.rowCount() == 1
    assert tab.model.rows[0]["member_name"] == "张小" and tab.model.rows[0]["amount"] == 3000_00


def test_village_measures_page_filters_and_totals(qtbot, demo_book):
    from villagebook.ui.main_window import MainWindow

    main = MainWindow(demo_book)
    qtbot.addWidget(main)
    main.show_page("measures")
    page = main.measures_page
    assert main.pages.currentWidget() is page and not main.household_list.summary.isVisibleTo(main)
    total = page.model.rowCount()
    qtbot.waitUntil(lambda: "按资金来源" in page.totals.text())  # added up in the background
    assert total > 0 and "共" in page.totals.text()
    page.type_filter.setCurrentIndex(page.type_filter.findData("10"))
    assert 0 < page.model.rowCount() < total
    assert {r["measure_type"] for r in page.model.rows} == {"10"}
    with qtbot.waitSignal(page.open_household):
        page.table.doubleClicked.emit(page.model.index(0, 0))
    assert len(main.household_windows) == 1


def test_side_pages_are_built_when_first_shown_and_long_lists_read_by_pages(
        qtbot, demo_book, monkeypatch):
    from villagebook.storage.measures import MeasureFilter, village_measures
    from villagebook.ui import record_tab
    from villagebook.ui.main_window import MainWindow
    from villagebook.ui.measures_page import MeasuresPage

    monkeypatch.setattr(record_tab, "PAGE", 7)
    main = MainWindow(demo_book)
    qtbot.addWidget(main)
    # the window opens on the households; no other page has read its lists yet
    assert not any(isinstance(main.pages.widget(i), MeasuresPage)
                   for i in range(main.pages.count()))
    main.show_page("measures")
    page = main.measures_page
    assert main.pages.currentWidget() is page and main.pages.widget(main.pages.indexOf(page)) is page
    everything = village_measures(demo_book, MeasureFilter())
    assert len(everything) > 14 and page.model.rowCount() == 7
    page.table.scrollToBottom()  # the view asks for the next page as it scrolls
    qtbot.waitUntil(lambda: page.model.rowCount() > 7)
    while page.model.canFetchMore():
        page.model.fetchMore()
    assert [r["id"] for r in page.model.rows] == [r["id"] for r in everything]
    qtbot.waitUntil(lambda: "按资金来源" in page.totals.text())
    assert f"共 {len(everything)} 项措施" in page.totals.text()  # the totals count all
    # amounts grouped by thousands, each count and amount with its unit
    total = sum(m["amount"] or 0 for m in everything)
    from villagebook.core.field_specs import format_money

    assert f"金额 {format_money(total, grouped=True)} 元" in page.totals.text()
    assert "," in format_money(total, grouped=True) and " 项</td>" in page.totals.text()


def test_helpers_page_pairing_and_a_visit_by_the_paired_helper(qtbot, book, monkeypatch):
    from villagebook.storage.visits import list_visits
    from villagebook.ui.main_window import MainWindow

    household_id = saved_household(book)
    main = MainWindow(book)
    qtbot.addWidget(main)
    main.show_page("helpers")
    page = main.helpers_page
    assert main.pages.currentWidget() is page and page.add_button.isEnabled()
    seen: list = []
    fill_and_ok(monkeypatch, {"name": "王干部", "unit": "县农业农村局", "phone": "13900001111"},
                seen)
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    assert page.model.rowCount() == 1 and page.model.rows[0]["name"] == "王干部"

    window = main.open_household(household_id)
    pairing_tab, visit_tab = window.record_tabs[4], window.record_tabs[5]

    def choose_helper(dialog: RecordDialog) -> int:
        helper = typed(dialog.editors["helper_id"], QComboBox)
        helper.setCurrentIndex(1)
        if "visit_kind" in dialog.editors:
            assert helper.currentText().startswith("王干部")
            typed(dialog.editors["visit_kind"], QComboBox).setCurrentIndex(1)
            typed(dialog.editors["found"], QLineEdit).setText("生产生活正常")
        dialog.try_save()
        return dialog.result()

    monkeypatch.setattr(RecordDialog, "exec", choose_helper)
    qtbot.mouseClick(pairing_tab.add_button, Qt.MouseButton.LeftButton)
    assert pairing_tab.model.rows[0]["helper_name"] == "王干部"
    qtbot.mouseClick(visit_tab.add_button, Qt.MouseButton.LeftButton)
    [visit] = list_visits(book, household_id)
    assert visit["visitor"] == "王干部" and visit["found"] == "生产生活正常"
    main.show_page("helpers")
    assert page.model.rows[0]["households"] == 1 and page.model.rows[0]["visits_this_year"] == 1


def test_visits_page_lists_and_settings(qtbot, demo_book):
    from villagebook.storage.book_settings import int_setting
    from villagebook.ui.main_window import MainWindow

    main = MainWindow(demo_book)
    qtbot.addWidget(main)
    main.show_page("visits")
    page = main.visits_page
    before = page.not_visited.rowCount()
    page.days.setValue(7)
    qtbot.mouseClick(page.apply_button, Qt.MouseButton.LeftButton)
    assert int_setting(demo_book, "visits.max_days_unvisited") == 7
    assert page.not_visited.rowCount() >= before
    assert "7 天" in page.not_visited_label.text()
    assert page.recent.rowCount() > 0
    dates = [r["visit_date"] for r in page.recent.rows]
    assert dates == sorted(dates, reverse=True)


def test_problems_page_records_and_refuses(qtbot, book, monkeypatch):
    from villagebook.storage.problems import list_problems
    from villagebook.ui.main_window import MainWindow

    saved_household(book)
    main = MainWindow(book)
    qtbot.addWidget(main)
    main.show_page("problems")
    page = main.problems_page
    seen: list = []
    fill_and_ok(monkeypatch, {"problem": "饮水管道老化", "household_number": "999",
                              "responsible": "村委会"}, seen)
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    assert seen[-1].result() == 0 and "没有户编号为 999 的农户" in seen[-1].error.text()
    fill_and_ok(monkeypatch, {"problem": "饮水管道老化", "household_number": "110105001001001",
                              "responsible": "村委会", "category": "01"}, seen)
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    [row] = list_problems(book)
    assert row["head_name"] == "张三" and page.model.rowCount() == 1
    # an overdue one, and the check box that shows only those
    fill_and_ok(monkeypatch, {"problem": "危房未改造", "responsible": "村委会",
                              "category": "01", "found_date": "2024-01-01",
                              "deadline": "2024-03-01"}, seen)
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    assert page.model.rowCount() == 2
    assert page.only_check.text() == "只看逾期"
    page.only_check.setChecked(True)
    assert [r["problem"] for r in page.model.rows] == ["危房未改造"]
    page.only_check.setChecked(False)
    assert page.model.rowCount() == 2


def test_projects_page_project_and_its_income(qtbot, book, monkeypatch):
    from villagebook.ui.main_window import MainWindow

    main = MainWindow(book)
    qtbot.addWidget(main)
    main.show_page("projects")
    page = main.projects_page
    assert not page.incomes.add_button.isEnabled()  # no project chosen yet
    seen: list = []
    fill_and_ok(monkeypatch, {"name": "光伏扶贫电站", "project_type": "01",
                              "funds": "800000"}, seen)
    qtbot.mouseClick(page.projects.add_button, Qt.MouseButton.LeftButton)
    page.projects.table.selectRow(0)
    assert page.incomes.add_button.isEnabled()
    fill_and_ok(monkeypatch, {"year": "2025", "amount": "52000"}, seen)
    qtbot.mouseClick(page.incomes.add_button, Qt.MouseButton.LeftButton)
    assert page.incomes.model.rowCount() == 1
    assert page.projects.model.rows[0]["distributed_total"] == 52000_00


def test_adding_a_kind_touches_the_registry_its_migration_and_its_form():
    """Each kind with a form (fields.json) is a table of the schema and, when a household
    owns it, a tab of the household window (in the registry's order); no other list of
    kinds is kept by hand."""
    from villagebook.core import field_specs
    from villagebook.storage.kinds import KINDS, household_kinds
    from villagebook.ui.household_records import HOUSEHOLD_TABS

    for record_kind in KINDS:
        if record_kind.record:
            assert field_specs.fields(record_kind.record), record_kind.table
    with_form = [k.table for k in household_kinds() if k.record and k.table != "members"]
    assert list(HOUSEHOLD_TABS) == with_form
