"""Editors for record fields, by kind: one place that knows how a field is typed, shown,
read back and marked with its problem. Used by the household form and the record dialogs."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QToolButton, QWidget

from ..core import field_specs
from ..core.errors import Issue
from . import i18n
from .code_widgets import (
    YES_NO,
    combo_value,
    menu_value,
    set_combo_value,
    set_menu_value,
    setup_code_combo,
    setup_code_menu,
)
from .date_edit import DateEdit
from .messages import describe

Choices = dict[str, list[tuple[str, str]]]  # field → (value, label) chosen from at run time


def create_editor(spec: field_specs.FieldSpec, parent: QWidget | None = None) -> QWidget:
    """A new editor widget suited to the field's kind."""
    if spec.kind in ("code", "bool", *field_specs.CHOICE_KINDS):
        return QComboBox(parent)
    if spec.kind == "codes":
        return QToolButton(parent)
    if spec.kind == "date":
        return DateEdit(parent)
    return QLineEdit(parent)


def prepare(editor: QWidget, spec: field_specs.FieldSpec, on_change: Callable[..., None],
            choices: Choices | None = None) -> None:
    """Fill code lists (or the ``choices`` of fields such as a household's members), set
    hints and report every change to ``on_change``."""
    if isinstance(editor, QComboBox) and spec.kind in field_specs.CHOICE_KINDS:
        editor.addItem("", None)
        for value, label in (choices or {}).get(spec.name, []):
            editor.addItem(label, value)
        editor.currentIndexChanged.connect(on_change)
    elif isinstance(editor, QComboBox):
        setup_code_combo(editor, (spec.codes or "") if spec.kind == "code" else YES_NO)
        editor.currentIndexChanged.connect(on_change)
        editor.editTextChanged.connect(on_change)
    elif isinstance(editor, QToolButton):
        setup_code_menu(editor, spec.codes or "", on_change)
    elif isinstance(editor, DateEdit):
        editor.changed.connect(on_change)
    elif isinstance(editor, QLineEdit):
        editor.textEdited.connect(on_change)
        if spec.kind == "money":
            editor.setPlaceholderText("0.00")


def set_value(editor: QWidget, spec: field_specs.FieldSpec, value: Any) -> None:
    """Show a stored value (codes, fen, ISO dates) in the editor."""
    if isinstance(editor, QComboBox) and spec.kind in field_specs.CHOICE_KINDS:
        editor.setCurrentIndex(max(0, editor.findData(value)) if value else 0)
    elif isinstance(editor, QComboBox):
        set_combo_value(editor, value)
    elif isinstance(editor, QToolButton):
        set_menu_value(editor, value)
    elif isinstance(editor, DateEdit):
        editor.set_text(None if value is None else str(value))
    elif isinstance(editor, QLineEdit):
        editor.setText(field_specs.format_money(value) if spec.kind == "money"
                       else "" if value is None else str(value))


def get_value(editor: QWidget, spec: field_specs.FieldSpec) -> Any:
    """What the editor holds, as typed (the core converts and checks it)."""
    if isinstance(editor, QComboBox) and spec.kind in field_specs.CHOICE_KINDS:
        return editor.currentData()
    if isinstance(editor, QComboBox):
        return combo_value(editor)
    if isinstance(editor, QToolButton):
        return menu_value(editor)
    if isinstance(editor, (DateEdit, QLineEdit)):
        return editor.text()
    return None


def label_text(record: str, spec: field_specs.FieldSpec) -> str:
    return i18n.field_label(record, spec.name) + ("*" if spec.required else "")


def mark(label: QLabel, editor: QWidget, record: str, spec: field_specs.FieldSpec,
         issue: Issue | None) -> None:
    """Show a field's problem beside it: a mark and colour on the label (never colour
    alone), the sentence as the editor's tooltip."""
    text = label_text(record, spec)
    if issue is None:
        label.setText(text)
        label.setStyleSheet("")
        editor.setToolTip("")
        return
    label.setText(("✖ " if issue.is_error else "⚠ ") + text)
    label.setStyleSheet("color: #b00000;" if issue.is_error else "color: #8a5a00;")
    editor.setToolTip(describe(issue, record=record))
