"""Editors for code-list fields: type the label, its pinyin initials (yb → 因病) or the code.

``setup_code_combo`` turns a ``QComboBox`` (from a .ui form or a table delegate) into one;
``setup_code_menu`` makes a ``QToolButton`` edit a multi-code field such as 次要致贫原因.
"""

from __future__ import annotations

from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtWidgets import QComboBox, QCompleter, QMenu, QToolButton

from ..core import codes

YES_NO = "yes_no"  # the code list that flags (bool fields) are chosen from


def entries(list_name: str) -> list[tuple[str, str, str]]:
    """(code, label, initials) of the current codes of a list."""
    return [(c.code, c.label, c.initials) for c in codes.code_list(list_name) if not c.retired]


def matches(list_name: str, text: str) -> list[str]:
    """Labels that fit what was typed: label contains it, initials start with it, or the code."""
    text = text.strip().lower()
    if not text:
        return []
    return [label for code, label, initials in entries(list_name)
            if text in label.lower() or initials.startswith(text) or text == code.lower()]


def setup_code_combo(combo: QComboBox, list_name: str) -> None:
    """Fill ``combo`` with an empty choice and the list's labels, and make it accept typing."""
    combo.clear()
    combo.setEditable(True)
    combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    combo.addItem("", None)
    for code, label, _ in entries(list_name):
        combo.addItem(label, code)
    combo.setProperty("codeList", list_name)
    model = QStringListModel(combo)
    completer = QCompleter(model, combo)
    completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    combo.setCompleter(completer)

    def on_edited(text: str) -> None:
        found = matches(list_name, text)
        model.setStringList(found)
        if found and text.strip() not in found:
            completer.complete()

    def on_chosen(label: str) -> None:
        index = combo.findText(label)
        if index >= 0:
            combo.setCurrentIndex(index)

    combo.lineEdit().textEdited.connect(on_edited)
    completer.activated[str].connect(on_chosen)
    combo.lineEdit().editingFinished.connect(lambda: settle(combo))


def _typed_index(combo: QComboBox, text: str) -> int:
    """The entry that typed text means: its exact label, or the one label it matches."""
    index = combo.findText(text)
    if index < 0:
        found = matches(combo.property("codeList"), text)
        if len(found) == 1:
            index = combo.findText(found[0])
    return index


def settle(combo: QComboBox) -> None:
    """After typing: an exact label or a single match selects that code."""
    text = combo.currentText().strip()
    if not text:
        combo.setCurrentIndex(0)
        return
    index = _typed_index(combo, text)
    if index >= 0 and index != combo.currentIndex():
        combo.setCurrentIndex(index)


def combo_value(combo: QComboBox) -> str | None:
    """The chosen code, read from what is typed whether or not the field was left yet; the
    typed text when it matches nothing (validation then names it)."""
    text = combo.currentText().strip()
    if not text:
        return None
    index = _typed_index(combo, text)
    if index >= 0:
        return combo.itemData(index)
    return text


def set_combo_value(combo: QComboBox, code: object) -> None:
    if code is None or code == "":
        combo.setCurrentIndex(0)
        return
    index = combo.findData(str(code))
    if index >= 0:
        combo.setCurrentIndex(index)
    else:  # a code not in the list (an old code): show it rather than lose it
        combo.setEditText(str(code))


def setup_code_menu(button: QToolButton, list_name: str, on_change) -> None:
    """Give ``button`` a menu of checkable codes; its text lists the chosen labels."""
    menu = QMenu(button)
    for code, label, _ in entries(list_name):
        action = menu.addAction(label)
        action.setCheckable(True)
        action.setData(code)
        action.toggled.connect(lambda _checked: (_refresh_menu_text(button), on_change()))
    button.setMenu(menu)
    button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
    _refresh_menu_text(button)


def _refresh_menu_text(button: QToolButton) -> None:
    chosen = [a.text() for a in button.menu().actions() if a.isChecked()]
    button.setText("、".join(chosen) if chosen else "—")


def menu_value(button: QToolButton) -> str | None:
    chosen = [a.data() for a in button.menu().actions() if a.isChecked()]
    return ",".join(chosen) or None


def set_menu_value(button: QToolButton, value: str | None) -> None:
    wanted = set((value or "").split(","))
    for action in button.menu().actions():
        action.blockSignals(True)
        action.setChecked(action.data() in wanted)
        action.blockSignals(False)
    _refresh_menu_text(button)
