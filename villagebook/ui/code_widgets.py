"""Editors for code-list fields: type the label, its pinyin initials (yb → 因病), its full
pinyin (yinbing, fou → 否) or the code.

``setup_code_combo`` turns a ``QComboBox`` (from a .ui form or a table delegate) into one;
``setup_code_menu`` makes a ``QToolButton`` edit a multi-code field such as 次要致贫原因.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtWidgets import QComboBox, QCompleter, QMenu, QToolButton

from ..core import codes
from ..core.search_keys import full_pinyin

YES_NO = "yes_no"  # the code list that flags (bool fields) are chosen from


def entries(list_name: str) -> list[tuple[str, str, str]]:
    """(code, label, initials) of the current codes of a list."""
    return [(c.code, c.label, c.initials) for c in codes.code_list(list_name) if not c.retired]


def matches(list_name: str, text: str) -> list[str]:
    """Labels that fit what was typed, best first: a word villages write for an entry
    (长子 → 之子, data in vocabulary.json), the code, a label whose pinyin initials are
    exactly what was typed (zz → 之子 before 之曾孙子女), then labels that contain it or
    whose initials start with it."""
    typed = text.strip()
    lowered = typed.lower()
    if not lowered:
        return []
    listed = entries(list_name)
    word = codes.vocabulary(list_name).get(typed)
    exact = [label for code, label, initials in listed
             if code == word or lowered == code.lower() or lowered == initials
             or lowered == full_pinyin(label)]
    rest = [label for code, label, initials in listed
            if label not in exact and (lowered in label.lower()
                                       or initials.startswith(lowered)
                                       or full_pinyin(label).startswith(lowered))]
    return exact + rest


def best_match(list_name: str, text: str) -> str | None:
    """The one label typed text means: its exact label, the vocabulary's word, the code,
    the one label with exactly those initials, or the only label that fits; else None."""
    found = matches(list_name, text)
    if text.strip() in (label for _, label, _ in entries(list_name)):
        return text.strip()
    lowered = text.strip().lower()
    word = codes.vocabulary(list_name).get(text.strip())
    exact = [label for code, label, initials in entries(list_name)
             if code == word or lowered == code.lower() or lowered == initials
             or lowered == full_pinyin(label)]
    if len(exact) == 1:
        return exact[0]
    return found[0] if len(found) == 1 else None


def first_exact(list_name: str, text: str) -> str | None:
    """When several labels read exactly as typed (hz: 汉族, 回族), the first of them in
    the list's order — the one the open list shows first, which Enter takes."""
    lowered = text.strip().lower()
    return next((label for _code, label, initials in entries(list_name)
                 if lowered and lowered in (initials, full_pinyin(label))), None)


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
        # several fit and none is meant for sure: the list opens, Enter picks the first
        if found and text.strip() not in found and best_match(list_name, text) is None:
            completer.complete()

    def on_chosen(label: str) -> None:
        index = combo.findText(label)
        if index >= 0:
            combo.setCurrentIndex(index)

    line = combo.lineEdit()
    assert line is not None  # the combo was made editable above
    line.textEdited.connect(on_edited)
    # the overload that gives the text chosen (PySide's stubs do not index signals)
    completer.activated[str].connect(on_chosen)  # type: ignore[index]
    line.editingFinished.connect(lambda: settle(combo))


def _typed_index(combo: QComboBox, text: str) -> int:
    """The entry that typed text means (``best_match``), or -1."""
    index = combo.findText(text)
    if index < 0:
        label = best_match(combo.property("codeList"), text)
        if label is not None:
            index = combo.findText(label)
    return index


def settle(combo: QComboBox) -> None:
    """After typing (Enter or leaving the field): an exact label or a single match selects
    that code; of several labels that read exactly as typed, the first shown."""
    text = combo.currentText().strip()
    if not text:
        combo.setCurrentIndex(0)
        return
    index = _typed_index(combo, text)
    if index < 0:
        label = first_exact(combo.property("codeList"), text)
        index = combo.findText(label) if label else -1
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
        action.toggled.connect(lambda _checked: _menu_changed(button, on_change))
    button.setMenu(menu)
    button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
    _refresh_menu_text(button)


def _menu_changed(button: QToolButton, on_change: Callable[[], object]) -> None:
    _refresh_menu_text(button)
    on_change()


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
