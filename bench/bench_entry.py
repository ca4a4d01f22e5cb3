"""Entering a 4-person household by keyboard alone, through the real windows: how many
keystrokes it takes and how long the program takes to follow them.

    python bench/bench_entry.py

From the main window: Ctrl+N, 户编号, 组, 户类别 by pinyin initials, Ctrl+Tab to 家庭成员,
then for each person the name, the ID number (sex and birth date follow from it) and the
relation by pinyin initials, Insert for the next person, Ctrl+S. Chinese goes in through
an input method: it is counted as the full pinyin typed plus one key to pick the word.
Where the keyboard cannot do a step the script clicks instead and counts the click, so
the figures of an older version can be compared (run this file against that checkout).

Figures: keystrokes, mouse clicks, the time Ctrl+N takes to open the first household
window, and the program's own time for the keys after it (what a person waits on, not
their typing) against a bare QLineEdit taking the same number of keys (same run).
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import scratch_folder  # noqa: E402
from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtGui import QInputMethodEvent  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication, QLineEdit  # noqa: E402


def _id(body: str) -> str:
    from stdnum.cn import ric

    return body + ric.calc_check_digit(body + "0")


# name, ID number (sex and birth date follow from it), relation by pinyin initials
PEOPLE = [("张建国", _id("11010519600305001"), "hz"), ("李秀英", _id("11010519620614002"), "po"),
          ("张伟", _id("11010519880101003"), "zz"), ("张丽", _id("11010519900505002"), "zn")]


class Typist:
    """Sends keys to whatever has the keyboard focus, counting them."""

    def __init__(self, app: QApplication) -> None:
        self.app = app
        self.keys = 0
        self.clicks = 0

    def focus(self):
        widget = self.app.focusWidget()
        assert widget is not None, "nothing has the keyboard"
        return widget

    def type(self, text: str) -> None:
        for char in text:
            QTest.keyClick(self.focus(), char)
            self.keys += 1
        self.app.processEvents()

    def key(self, key: Qt.Key, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
        QTest.keyClick(self.focus(), key, modifiers)
        self.keys += 1
        self.app.processEvents()

    def chinese(self, text: str) -> None:
        """As an input method does it: the pinyin shown while typed (preedit), then the
        word committed; counted as the pinyin's letters and one key to pick the word."""
        from pypinyin import lazy_pinyin

        pinyin = "".join(lazy_pinyin(text))
        QApplication.sendEvent(self.focus(), QInputMethodEvent(pinyin, []))
        self.app.processEvents()
        commit = QInputMethodEvent("", [])
        commit.setCommitString(text)
        QApplication.sendEvent(self.focus(), commit)
        self.keys += len(pinyin) + 1
        self.app.processEvents()

    def click(self, widget) -> None:
        QTest.mouseClick(widget, Qt.MouseButton.LeftButton)
        self.clicks += 1
        self.app.processEvents()


def enter_household(app: QApplication, main) -> tuple[Typist, float, float, object]:
    typist = Typist(app)
    start = time.perf_counter()
    main.activateWindow()
    main.household_list.table.setFocus()
    typist.key(Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    opened = time.perf_counter() - start
    start = time.perf_counter()
    window = main.household_windows[None]
    window.activateWindow()
    window.editors["number"].setFocus()
    app.processEvents()
    typist.type("110105001001077")
    typist.key(Qt.Key.Key_Tab)
    typist.chinese("第一组")
    for _ in range(10):  # 详细地址, 联系电话 left empty
        if app.focusWidget() in (window.editors["category"], window.editors["category"].lineEdit()):
            break
        typist.key(Qt.Key.Key_Tab)
    else:
        raise RuntimeError(f"Tab never reached 户类别 (at {app.focusWidget()})")
    typist.type("tph")
    typist.key(Qt.Key.Key_Return)
    typist.key(Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    if window.ui.tabs.currentWidget() is not window.ui.membersTab:
        typist.click(window.ui.tabs.tabBar())  # an older version: the mouse
        window.ui.tabs.setCurrentWidget(window.ui.membersTab)
        window.ui.memberTable.setFocus()
        window.ui.memberTable.setCurrentIndex(window.members.index(0, 0))
    table = window.ui.memberTable
    for number, (name, id_number, relation) in enumerate(PEOPLE):
        if number:
            rows = window.members.rowCount()
            table.setFocus()
            typist.key(Qt.Key.Key_Insert)
            if window.members.rowCount() == rows:  # an older version: the button
                typist.click(window.ui.addMemberButton)
        typist.chinese(name)
        typist.key(Qt.Key.Key_Tab)
        typist.type(id_number)
        typist.key(Qt.Key.Key_Tab)
        typist.type(relation)
        typist.key(Qt.Key.Key_Return)
    typist.key(Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    return typist, opened, time.perf_counter() - start, window


PACE = 150  # keys a minute: a secretary who types pinyin every day, not a trained typist
CLICK_SECONDS = 2  # reaching for the mouse, finding the button, back to the keys


def baseline(app: QApplication, keys: int) -> float:
    field = QLineEdit()
    field.show()
    field.setFocus()
    app.processEvents()
    start = time.perf_counter()
    for index in range(keys):
        QTest.keyClick(field, "abcdefghij"[index % 10])
        app.processEvents()
    return time.perf_counter() - start


def main() -> None:
    app = QApplication([])
    from PySide6.QtWidgets import QMessageBox

    said: list[str] = []  # a box would wait for a person: record it and go on
    for name in ("warning", "critical", "information"):
        setattr(QMessageBox, name, staticmethod(
            lambda *args, **_: said.append(str(args[2])) or QMessageBox.StandardButton.Ok))
    QMessageBox.question = staticmethod(  # type: ignore[method-assign]
        lambda *args, **_: said.append(str(args[2])) or QMessageBox.StandardButton.No)
    from villagebook.storage import open_book
    from villagebook.storage.households import load_household
    from villagebook.storage.village import add_user, set_village
    from villagebook.ui import i18n
    from villagebook.ui.main_window import MainWindow

    i18n.install("zh")
    folder = scratch_folder("villagebook-bench-entry-")
    os.environ["VILLAGEBOOK_DATA_DIR"] = str(folder / "data")
    book = open_book(folder / "book.db", create=True)
    add_user(book, "李文书", "01")
    book.operator = "李文书"
    set_village(book, {"name": "石桥村", "code": "110105001001", "township": "城关镇",
                       "county": "朝阳区"})
    window = MainWindow(book)
    window.show()
    app.processEvents()
    typist, opened, seconds, household_window = enter_household(app, window)
    household, members = load_household(book, household_window.household_id) \
        if household_window.household_id else ({}, [])
    saved = [(m["name"], m["relation"]) for m in members]
    print(f"saved: {household.get('number')} {household.get('group_name')} "
          f"{household.get('category')} {saved}")
    ok = household.get("category") == "01" and [r for _, r in saved] == ["01", "02", "03", "04"]
    if said or not ok:
        issues = household_window.ui.issueList
        print("the program said:", said, [issues.item(i).text() for i in range(issues.count())])
        members_now = household_window.members.members
        print("members in the window:", [(m.get("name"), m.get("id_number"), m.get("relation"))
                                         for m in members_now])
        print("household in the window:", household_window.collect()[0])
    print(f"entry {'complete' if ok else 'INCOMPLETE'}: {typist.keys} keystrokes, "
          f"{typist.clicks} mouse clicks")
    bare = baseline(app, typist.keys)
    # a secretary's time at a stated pace (the issue's goal: a 4-person household in two
    # minutes): keys at PACE a minute, each click as long as finding the button
    minutes = typist.keys / PACE + typist.clicks * CLICK_SECONDS / 60 + seconds / 60
    print(f"a typist at {PACE} keys a minute ({CLICK_SECONDS} s a click): "
          f"{minutes:.1f} minutes for the household (goal: 2)")
    print(f"Ctrl+N to the new household window (first of the session): {opened * 1000:.0f} ms")
    print(f"{'program time for the keys after it':<44} {seconds * 1000:10.1f} ms   baseline "
          f"{bare * 1000:10.1f} ms   ratio {seconds / bare:6.2f}x "
          f"(baseline: the same number of keys into a bare QLineEdit)")
    book.close()


if __name__ == "__main__":
    main()
