"""Entry that keeps what is typed: dates are never clamped, optional dates are empty and
typed, Tab and Up/Down in the member table never lose or change a value."""

from __future__ import annotations

import datetime as dt

from helpers import family
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QComboBox, QLineEdit

from villagebook.storage.households import save_household
from villagebook.storage.measures import list_measures, save_measure
from villagebook.storage.visits import list_visits
from villagebook.ui.date_edit import DateEdit
from villagebook.ui.household_window import HouseholdWindow
from villagebook.ui.member_table import COLUMNS
from villagebook.ui.record_dialog import RecordDialog


def show_active(qtbot, widget) -> None:
    """Show ``widget`` as the active window, so that focus and typing go to it."""
    widget.show()
    widget.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is widget)


def saved_household(book) -> str:
    household, members = family()
    return save_household(book, None, household, members).household_id


def column(name: str) -> int:
    return [s.name for s in COLUMNS].index(name)


def test_a_future_due_date_survives_opening_and_ok(qtbot, book):
    household_id = saved_household(book)
    save_measure(book, household_id, None, {
        "measure_type": "10", "start_date": "2026-05-10", "due_date": "2029-05-10",
        "amount": "50000", "progress": "02", "loan_term_months": "36"})
    measure = list_measures(book, household_id)[0]
    dialog = RecordDialog(None, "修改", "measure", measure,
                          lambda raw: save_measure(book, household_id, measure["id"], raw))
    qtbot.addWidget(dialog)
    assert dialog.editors["due_date"].line.text() == "2029-05-10"
    dialog.try_save()  # OK without touching anything
    assert dialog.result() == RecordDialog.DialogCode.Accepted
    assert list_measures(book, household_id)[0]["due_date"] == "2029-05-10"


def test_a_date_after_today_is_refused_by_its_rule_with_a_message(qtbot, book):
    household_id = saved_household(book)
    seen = []
    from villagebook.storage.visits import save_visit

    dialog = RecordDialog(None, "走访", "visit", {"visit_kind": "01", "visitor_role": "04"},
                          lambda raw: seen.append(save_visit(book, household_id, None, raw)))
    qtbot.addWidget(dialog)
    ahead = (dt.date.today() + dt.timedelta(days=30)).isoformat()
    dialog.editors["visit_date"].line.setText(ahead)
    dialog.editors["visitor_name"].setText("王干部")
    dialog.try_save()
    assert not seen and list_visits(book, household_id) == []
    assert "不能晚于今天" in dialog.error.text() and ahead in dialog.error.text()
    assert dialog.editors["visit_date"].line.text() == ahead  # kept as typed, not clamped


def test_an_optional_date_is_empty_typed_in_any_form_and_left_with_tab(qtbot, book):
    household_id = saved_household(book)
    from villagebook.storage.visits import save_visit

    dialog = RecordDialog(None, "走访", "visit", {"visit_kind": "01", "visitor_role": "04"},
                          lambda raw: save_visit(book, household_id, None, raw))
    qtbot.addWidget(dialog)
    show_active(qtbot, dialog)
    follow = dialog.editors["follow_up_date"]
    assert isinstance(follow, DateEdit) and follow.line.text() == ""
    assert follow.text() == ""
    dialog.editors["visit_date"].line.setText("2026.3.5")
    dialog.editors["visitor_name"].setText("王干部")
    follow.setFocus()
    qtbot.keyClicks(follow.line, "20260405")
    qtbot.keyClick(follow.line, Qt.Key.Key_Tab)
    confirmed = dialog.editors["confirmed"]
    assert isinstance(confirmed, QComboBox)
    assert dialog.focusWidget() in (confirmed, confirmed.lineEdit())
    assert follow.line.text() == "2026-04-05"  # shown in the one form once left
    qtbot.keyClicks(confirmed.lineEdit(), "s")  # pinyin initial of 是
    qtbot.keyClick(confirmed.lineEdit(), Qt.Key.Key_Tab)
    assert follow.line.text() == "2026-04-05"  # nothing typed after Tab went into the date
    dialog.try_save()
    assert dialog.result() == RecordDialog.DialogCode.Accepted, dialog.error.text()
    visit = list_visits(book, household_id)[0]
    assert visit["visit_date"] == "2026-03-05"
    assert visit["follow_up_date"] == "2026-04-05"
    assert visit["confirmed"] == 1


def test_delete_clears_an_optional_date_and_the_calendar_opens_at_its_date(qtbot):
    editor = DateEdit()
    qtbot.addWidget(editor)
    editor.show()
    editor.set_text("2029-05-10")
    editor._open_calendar()
    assert editor.calendar.selectedDate().toString("yyyy-MM-dd") == "2029-05-10"
    editor.line.selectAll()
    qtbot.keyClick(editor.line, Qt.Key.Key_Delete)
    assert editor.text() == ""
    editor._open_calendar()  # empty: the calendar opens at today, never at 1900
    assert editor.calendar.selectedDate().year() == dt.date.today().year
    assert editor.text() == ""  # opening the calendar does not fill the field
    editor.line.setText("2026-02-30")
    assert editor.text() == "2026-02-30" and editor.date() is None  # validation names it


def open_members(qtbot, book) -> HouseholdWindow:
    window = HouseholdWindow(book, saved_household(book))
    qtbot.addWidget(window)
    show_active(qtbot, window)
    window.ui.tabs.setCurrentWidget(window.ui.membersTab)
    return window


def test_typing_straight_after_tab_keeps_every_key(qtbot, book):
    window = open_members(qtbot, book)
    table = window.ui.memberTable
    row = window.members.add_member()
    index = window.members.index(row, column("name"))
    table.setCurrentIndex(index)
    table.edit(index)
    editor = table.indexWidget(index)
    assert isinstance(editor, QLineEdit)
    editor.setText("张四")
    qtbot.keyClick(editor, Qt.Key.Key_Tab)  # on to 证件号码, whose editor opens
    id_index = window.members.index(row, column("id_number"))
    assert table.currentIndex() == id_index
    id_editor = table.indexWidget(id_index)
    assert isinstance(id_editor, QLineEdit)
    qtbot.keyClicks(id_editor, "11010519")
    # the checks run 250 ms after the edit, while the person goes on typing
    qtbot.wait(400)
    qtbot.keyClicks(id_editor, "491231002X")
    assert id_editor.text() == "11010519491231002X"
    qtbot.keyClick(id_editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: table.state() != QAbstractItemView.State.EditingState)
    member = window.members.members[window.members.member_index(row)]
    assert member["id_number"] == "11010519491231002X"


def test_up_and_down_move_between_rows_without_changing_a_code(qtbot, book):
    window = open_members(qtbot, book)
    table = window.ui.memberTable
    before = [m.get("relation") for m in window.members.members]
    index = window.members.index(1, column("relation"))
    table.setCurrentIndex(index)
    table.edit(index)
    combo = table.indexWidget(index)
    assert isinstance(combo, QComboBox)
    qtbot.keyClick(combo.lineEdit(), Qt.Key.Key_Down)
    qtbot.waitUntil(lambda: table.state() != QAbstractItemView.State.EditingState)
    assert table.currentIndex() == window.members.index(2, column("relation"))
    qtbot.keyClick(table, Qt.Key.Key_Up)
    assert table.currentIndex() == window.members.index(1, column("relation"))
    assert [m.get("relation") for m in window.members.members] == before
    assert not window.dirty


def test_typing_into_a_filled_code_cell_replaces_its_value(qtbot, book):
    window = open_members(qtbot, book)
    table = window.ui.memberTable
    index = window.members.index(0, column("ethnicity"))
    table.setCurrentIndex(index)
    table.setFocus()
    qtbot.keyClick(table, "0")  # the first key opens the editor, as in a spreadsheet
    combo = table.indexWidget(index)
    assert isinstance(combo, QComboBox)
    focus = QApplication.focusWidget()
    assert focus in (combo, combo.lineEdit()), focus
    qtbot.keyClicks(focus, "1")  # the next keys go where the focus is
    assert combo.currentText() == "01"


def test_ctrl_tab_switches_tabs_from_anywhere_and_lists_answer_insert_and_enter(
        qtbot, book, monkeypatch):
    from villagebook.ui.record_tab import RecordTab

    household_id = saved_household(book)
    save_measure(book, household_id, None, {
        "measure_type": "10", "start_date": "2026-05-10", "due_date": "2029-05-10",
        "amount": "50000", "progress": "02", "loan_term_months": "36"})
    window = HouseholdWindow(book, household_id)
    qtbot.addWidget(window)
    show_active(qtbot, window)
    tabs = window.ui.tabs
    tabs.setCurrentWidget(window.ui.membersTab)
    table = window.ui.memberTable
    assert table.hasFocus()  # the tab shown takes the keyboard into its list
    index = window.members.index(0, column("name"))
    table.setCurrentIndex(index)
    table.edit(index)  # even from inside an open cell editor
    editor = table.indexWidget(index)
    qtbot.keyClick(editor, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    income = tabs.currentWidget()
    assert isinstance(income, RecordTab) and tabs.currentIndex() == 2
    assert income.table.hasFocus()
    qtbot.keyClick(income.table, Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)
    assert tabs.currentWidget() is window.ui.membersTab and table.hasFocus()
    qtbot.keyClick(table, Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)
    assert tabs.currentWidget() is window.ui.basicTab
    assert window.editors["number"].hasFocus()  # the basic tab: its first field
    qtbot.keyClick(window.editors["number"], Qt.Key.Key_Tab,
                   Qt.KeyboardModifier.ControlModifier)
    assert tabs.currentWidget() is window.ui.membersTab and table.hasFocus()
    rows = window.members.rowCount()
    qtbot.keyClick(table, Qt.Key.Key_Insert)  # a member row added
    assert window.members.rowCount() == rows + 1
    measures = next(t for t in window.record_tabs if t.kind.record == "measure")
    for _ in range(tabs.indexOf(measures) - tabs.currentIndex()):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_PageDown,
                       Qt.KeyboardModifier.ControlModifier)
    assert tabs.currentWidget() is measures and measures.table.hasFocus()
    assert measures.table.currentIndex().row() == 0  # the first record highlighted
    opened: list[str] = []
    monkeypatch.setattr(RecordDialog, "exec", lambda self: opened.append(
        self.editors["due_date"].line.text()) or 0)
    qtbot.keyClick(measures.table, Qt.Key.Key_Return)  # Enter changes the highlighted one
    qtbot.keyClick(measures.table, Qt.Key.Key_Insert)  # Insert adds
    qtbot.keyClick(measures.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert opened == ["2029-05-10", "", ""]  # the measure's own, then two new ones


def test_the_side_bar_and_the_search_from_the_keyboard(qtbot, demo_book):
    """Ctrl+1 … Ctrl+0 go to the side bar's pages (their tooltips say so); Ctrl+F from any
    page goes to the household list's search box, shown, not a hidden one."""
    from PySide6.QtTest import QTest

    from villagebook.ui.main_window import MainWindow
    from villagebook.ui.pages import PAGES, page_row

    main = MainWindow(demo_book)
    qtbot.addWidget(main)
    show_active(qtbot, main)
    QTest.keyClick(QApplication.focusWidget() or main, Qt.Key.Key_3,
                   Qt.KeyboardModifier.ControlModifier)
    assert main.nav.currentRow() == 2 and main.pages.currentIndex() == 2
    assert "3" in main.nav.item(2).toolTip()
    QTest.keyClick(QApplication.focusWidget() or main, Qt.Key.Key_0,
                   Qt.KeyboardModifier.ControlModifier)
    assert main.nav.currentRow() == len(PAGES) - 1
    main.show_page("home")
    QTest.keyClick(QApplication.focusWidget() or main, Qt.Key.Key_F,
                   Qt.KeyboardModifier.ControlModifier)
    assert main.pages.currentIndex() == page_row("households")
    assert main.household_list.search.isVisible() and main.household_list.search.hasFocus()


def test_the_member_s_name_stays_in_sight_and_headings_are_whole(qtbot, book):
    """The member table's row header carries the member's name (it does not scroll away
    while the right-hand columns are filled) and follows an edit of it; every column is
    wide enough for its heading (乡居民基本医疗保险… read whole)."""
    from PySide6.QtCore import Qt as QtCore

    window = HouseholdWindow(book, saved_household(book))
    qtbot.addWidget(window)
    show_active(qtbot, window)
    table, model = window.ui.memberTable, window.members
    first = model.members[model.member_index(0)]["name"]
    assert first in model.headerData(0, QtCore.Orientation.Vertical)
    name_column = [c for c in range(model.columnCount())
                   if model.headerData(c, QtCore.Orientation.Horizontal) == "姓名"][0]
    changed: list[int] = []
    model.headerDataChanged.connect(lambda _o, first_row, _last: changed.append(first_row))
    assert model.setData(model.index(0, name_column), "王新名")
    assert "王新名" in model.headerData(0, QtCore.Orientation.Vertical) and changed == [0]
    header = table.horizontalHeader()
    for column in range(model.columnCount()):
        text = str(model.headerData(column, QtCore.Orientation.Horizontal))
        assert table.columnWidth(column) >= header.fontMetrics().horizontalAdvance(text), text


def test_the_household_number_box_shows_its_form(qtbot, book):
    """An empty 户编号 box shows the form a number takes: the village's code and three
    digits."""
    code = book.conn.execute("SELECT code FROM village").fetchone()[0]
    window = HouseholdWindow(book, None)
    qtbot.addWidget(window)
    editor = window.editors["number"]
    assert editor.text() == "" and f"{code}001" in editor.placeholderText()


def test_the_key_for_the_next_member_is_said_on_its_button(qtbot, book):
    window = HouseholdWindow(book, None)
    qtbot.addWidget(window)
    assert "Insert" in window.ui.addMemberButton.text()
