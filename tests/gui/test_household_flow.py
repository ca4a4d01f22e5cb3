"""Entering, checking, saving and finding households through the real widgets."""

from __future__ import annotations

from helpers import LI_MEI, ZHANG_SAN, ZHANG_XIAO, typed
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QLineEdit

from villagebook.storage.households import load_household
from villagebook.ui.household_window import HouseholdWindow
from villagebook.ui.main_window import MainWindow
from villagebook.ui.member_table import COLUMNS


def column(name: str) -> int:
    return [s.name for s in COLUMNS].index(name)


def type_cell(qtbot, window: HouseholdWindow, row: int, field: str, text: str) -> None:
    """Edit one member cell as a person does: open the editor, type, press Enter."""
    table = window.ui.memberTable
    index = window.members.index(row, column(field))
    table.setCurrentIndex(index)
    table.edit(index)
    editor = table.indexWidget(index)  # the open editor of that cell
    if isinstance(editor, QComboBox):
        target = typed(editor.lineEdit(), QLineEdit)
        target.setText(text)
    else:
        assert isinstance(editor, QLineEdit), editor
        editor.setText(text)  # keyClicks cannot type Chinese (QTest's key table)
        target = editor
    qtbot.keyClick(target, Qt.Key.Key_Return)
    # the delegate commits on the next turn of the event loop
    qtbot.waitUntil(lambda: table.state() != QAbstractItemView.State.EditingState)


def fill_family(qtbot, window: HouseholdWindow, son_id: str = ZHANG_XIAO) -> None:
    window.show()
    window.activateWindow()
    qtbot.waitActive(window)
    number = typed(window.editors["number"], QLineEdit)
    number.setText("110105001001009")
    number.textEdited.emit("110105001001009")
    category = typed(window.editors["category"], QComboBox)
    qtbot.keyClicks(category.lineEdit(), "tph")  # pinyin initials of 脱贫户
    qtbot.keyClick(category.lineEdit(), Qt.Key.Key_Return)
    window.ui.tabs.setCurrentWidget(window.ui.membersTab)
    rows = [("张三", ZHANG_SAN, "户主"), ("李梅", LI_MEI, "配偶"), ("张小", son_id, "之子")]
    for row, (name, id_number, relation) in enumerate(rows):
        if row >= window.members.rowCount():
            qtbot.mouseClick(window.ui.addMemberButton, Qt.MouseButton.LeftButton)
        type_cell(qtbot, window, row, "name", name)
        type_cell(qtbot, window, row, "id_number", id_number)
        type_cell(qtbot, window, row, "relation", relation)


def test_create_household_with_three_members_and_find_it(qtbot, book, boxes):
    main = MainWindow(book)
    qtbot.addWidget(main)
    qtbot.mouseClick(main.household_list.new_button, Qt.MouseButton.LeftButton)
    window = main.household_windows[None]
    fill_family(qtbot, window)
    assert window.dirty
    assert window.editors["category"].currentData() == "01"
    # sex and birth date were filled in from the ID numbers as they were typed
    assert window.members.index(1, column("sex")).data() == "女"
    assert window.members.index(1, column("birth_date")).data() == "1972-06-14"
    with qtbot.waitSignal(window.saved):
        qtbot.keyClick(window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert boxes.shown == []
    household, members = load_household(book, window.household_id)
    assert household["number"] == "110105001001009" and household["category"] == "01"
    assert [(m["name"], m["relation"], m["sex"]) for m in members] == [
        ("张三", "01", "1"), ("李梅", "02", "2"), ("张小", "03", "1")]
    assert not window.dirty
    # the list shows it and `zs` finds 张三's household
    qtbot.keyClicks(main.household_list.search, "zs")
    qtbot.waitUntil(lambda: main.household_list.model.query.search == "zs")
    assert main.household_list.model.rowCount() == 1
    assert main.household_list.model.household_id(0) == window.household_id
    qtbot.waitUntil(lambda: "共 1 户" in main.household_list.count_label.text())


def test_invalid_id_shows_a_message_and_saves_nothing(qtbot, book, boxes):
    window = HouseholdWindow(book, None)
    qtbot.addWidget(window)
    wrong = ZHANG_XIAO[:-1] + ("1" if ZHANG_XIAO[-1] != "1" else "2")
    fill_family(qtbot, window, son_id=wrong)
    assert window.save() is False
    assert "未保存" in boxes.texts()
    issues = [window.ui.issueList.item(i).text() for i in range(window.ui.issueList.count())]
    assert any("张小" in t and "校验位错误" in t and ZHANG_XIAO[-1] in t for t in issues)
    # the cell itself carries the mark and the sentence
    cell = window.members.index(2, column("id_number"))
    assert cell.data().startswith("✖")
    assert "校验位" in cell.data(Qt.ItemDataRole.ToolTipRole)
    assert book.conn.execute("SELECT count(*) FROM households").fetchone()[0] == 0
    assert book.conn.execute("SELECT count(*) FROM members").fetchone()[0] == 0


def test_missing_head_is_named_and_blocks_saving(qtbot, book, boxes):
    window = HouseholdWindow(book, None)
    qtbot.addWidget(window)
    fill_family(qtbot, window)
    type_cell(qtbot, window, 0, "relation", "之子")
    assert window.save() is False
    assert any("没有户主" in window.ui.issueList.item(i).text()
               for i in range(window.ui.issueList.count()))


def test_reopen_shows_the_saved_data_and_history(qtbot, book, boxes):
    window = HouseholdWindow(book, None)
    qtbot.addWidget(window)
    fill_family(qtbot, window)
    assert window.save()
    household_id = window.household_id
    window.close()
    again = HouseholdWindow(book, household_id)
    qtbot.addWidget(again)
    assert again.editors["number"].text() == "110105001001009"
    assert again.editors["category"].currentText() == "脱贫户"
    assert [again.members.index(r, 0).data() for r in range(3)] == ["张三", "李梅", "张小"]
    assert again.members.index(1, column("sex")).data() == "女"  # derived from the ID
    # change a field: the history tab shows who changed what from what to what
    again.editors["address"].setText("石桥村一组5号")
    again.editors["address"].textEdited.emit("石桥村一组5号")
    assert again.save()
    rows = [[again.history.index(r, c).data() for c in range(7)]
            for r in range(again.history.rowCount())]
    assert ["李文书", "修改", "本户", "详细地址", "", "石桥村一组5号"] == rows[0][1:]


def test_enter_in_the_last_cell_adds_a_member(qtbot, book):
    window = HouseholdWindow(book, None)
    qtbot.addWidget(window)
    window.ui.tabs.setCurrentWidget(window.ui.membersTab)
    table = window.ui.memberTable
    last = window.members.index(0, window.members.columnCount() - 2)
    table.setCurrentIndex(last)
    qtbot.keyClick(table, Qt.Key.Key_Return)
    assert window.members.rowCount() == 2
    assert table.currentIndex().row() == 1 and table.currentIndex().column() == 0


def test_escape_with_unsaved_changes_asks_and_cancel_keeps_the_window(qtbot, book, boxes):
    from PySide6.QtWidgets import QMessageBox

    window = HouseholdWindow(book, None)
    qtbot.addWidget(window)
    window.show()
    fill_family(qtbot, window)
    boxes.answer = QMessageBox.StandardButton.Cancel
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert window.isVisible()
    assert boxes.shown[-1][0] == "question"
    boxes.answer = QMessageBox.StandardButton.Discard
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert not window.isVisible()
    assert book.conn.execute("SELECT count(*) FROM households").fetchone()[0] == 0


def test_member_leaves_and_is_restored_from_the_window(qtbot, book, boxes, monkeypatch):
    from villagebook.ui.event_dialogs import EventDialog

    window = HouseholdWindow(book, None)
    qtbot.addWidget(window)
    fill_family(qtbot, window)
    assert window.save()
    monkeypatch.setattr(EventDialog, "exec", lambda self: 1)  # accept with 死亡, today
    window.ui.tabs.setCurrentWidget(window.ui.membersTab)
    window.ui.memberTable.setCurrentIndex(window.members.index(2, 0))
    qtbot.mouseClick(window.ui.memberLeaveButton, Qt.MouseButton.LeftButton)
    assert window.members.rowCount() == 2  # hidden until 显示已减少的成员 is ticked
    assert window.save()
    _, members = load_household(book, window.household_id)
    assert members[2]["status"] == "left" and members[2]["left_reason"] == "01"
    window.ui.showLeftCheck.setChecked(True)
    assert window.members.rowCount() == 3
    assert window.members.index(2, window.members.columnCount() - 1).data().startswith("已减少")
    window.ui.memberTable.setCurrentIndex(window.members.index(2, 0))
    qtbot.mouseClick(window.ui.memberRestoreButton, Qt.MouseButton.LeftButton)
    assert window.save()
    _, members = load_household(book, window.household_id)
    assert members[2]["status"] == "active"


def test_close_and_reopen_household_from_the_window(qtbot, book, boxes, monkeypatch):
    from villagebook.ui.event_dialogs import EventDialog

    window = HouseholdWindow(book, None)
    qtbot.addWidget(window)
    fill_family(qtbot, window)
    assert window.save()
    monkeypatch.setattr(EventDialog, "exec", lambda self: 1)
    qtbot.mouseClick(window.ui.closeHouseholdButton, Qt.MouseButton.LeftButton)
    assert load_household(book, window.household_id)[0]["status"] == "closed"
    assert window.ui.closeHouseholdButton.text() == "恢复此户"
    main = MainWindow(book)
    qtbot.addWidget(main)
    assert main.household_list.model.rowCount() == 0
    main.household_list.closed_check.setChecked(True)
    assert main.household_list.model.rowCount() == 1
    qtbot.mouseClick(window.ui.closeHouseholdButton, Qt.MouseButton.LeftButton)
    assert load_household(book, window.household_id)[0]["status"] == "active"


def test_household_field_error_is_shown_beside_the_field(qtbot, book):
    window = HouseholdWindow(book, None)
    qtbot.addWidget(window)
    assert window.ui.issueList.count() == 0  # an empty new form shows no errors yet
    window.editors["phone"].setText("12345")
    window.validate()
    label = window.ui.phoneLabel.text()
    assert label.startswith("✖") and "联系电话" in label
    assert "不是有效的电话号码" in window.editors["phone"].toolTip()


def test_find_and_open_a_household_without_the_mouse(qtbot, demo_book):
    main = MainWindow(demo_book)
    qtbot.addWidget(main)
    main.show()
    name = main.household_list.model.index(5, 1).data()
    main.household_list.search.setText(name)
    # Enter runs the search at once and opens the first household found
    qtbot.keyClick(main.household_list.search, Qt.Key.Key_Return)
    assert main.household_list.model.query.search == name
    opened = list(main.household_windows.values())
    assert len(opened) == 1 and opened[0].household_id == main.household_list.model.household_id(0)
    _, members = load_household(demo_book, opened[0].household_id)
    assert name in [m["name"] for m in members]
    main.household_list.table.clearSelection()
    main.household_list.table.setCurrentIndex(main.household_list.model.index(-1, -1))
    qtbot.keyClick(main.household_list.search, Qt.Key.Key_Down)
    assert main.household_list.table.currentIndex().row() == 0


def test_a_member_added_later_is_named_so_in_the_history(qtbot, book):
    from helpers import family, make_id

    from villagebook.storage.households import save_household
    from villagebook.ui.history import HistoryModel

    household, members = family()
    household_id = save_household(book, None, household, members).household_id
    household, members = load_household(book, household_id)
    save_household(book, household_id, household, [*members, {
        "name": "张小妹", "relation": "04", "id_number": make_id("20150101", 62)}],
        accept_warnings=True)
    model = HistoryModel(book)
    model.load(household_id, {})
    actions = [model.index(r, 2).data() for r in range(model.rowCount())]
    assert actions[0] == "新增成员" and actions[-1] == "新增农户"
