"""Typing codes as villages write them: exact pinyin initials first, the family words of
household registers (data: resources/codes/vocabulary.json), and the list opening with
its best entry first when several fit."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox

from villagebook.ui.code_widgets import best_match, combo_value, setup_code_combo


def combo(qtbot, list_name: str) -> QComboBox:
    box = QComboBox()
    qtbot.addWidget(box)
    setup_code_combo(box, list_name)
    box.show()
    box.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is box)
    return box


def test_exact_initials_win_over_longer_labels():
    assert best_match("relation", "zz") == "之子"  # not 之祖父, 之曾孙子女
    assert best_match("relation", "zn") == "之女"
    assert best_match("relation", "z") is None  # many fit: the list opens


def test_the_words_villages_write_map_to_the_list():
    for word, label in (("长子", "之子"), ("儿子", "之子"), ("次女", "之女"), ("儿媳", "之儿媳"),
                        ("父亲", "之父"), ("老伴", "配偶"), ("妹妹", "之兄弟姐妹")):
        assert best_match("relation", word) == label, word
    assert best_match("household_category", "边缘易致贫户") == "监测户"
    assert best_match("yes_no", "√") == "是"


def test_typing_a_family_word_stores_the_code(qtbot):
    box = combo(qtbot, "relation")
    box.lineEdit().setText("长子")
    box.lineEdit().textEdited.emit("长子")
    assert combo_value(box) == "03"


def test_when_several_fit_enter_takes_the_first_shown(qtbot):
    box = combo(qtbot, "ethnicity")
    box.lineEdit().setText("hz")  # 汉族 and 回族 both read hz
    box.lineEdit().textEdited.emit("hz")
    assert box.completer().model().stringList()[:2] == ["汉族", "回族"]  # the list shows
    qtbot.keyClick(box.lineEdit(), Qt.Key.Key_Return)
    assert combo_value(box) == "01" and box.currentText() == "汉族"


def test_full_pinyin_works_where_initials_do(qtbot):
    """Typing a label's full pinyin (fou, yinbing) finds it as its initials (f, yb) do."""
    assert best_match("yes_no", "fou") == "否" and best_match("yes_no", "shi") == "是"
    assert best_match("cause", "yinbing") == "因病"
    box = combo(qtbot, "yes_no")
    box.lineEdit().setText("fou")
    box.lineEdit().textEdited.emit("fou")
    qtbot.keyClick(box.lineEdit(), Qt.Key.Key_Return)
    assert box.currentText() == "否"
