"""A dialog that edits one record from its fields (resources/codes/fields.json): an income
year, a 三保障 check… Tab order follows the fields; OK saves in one action, and a refusal
shows each problem beside its field with nothing saved."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QDialog, QFormLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from ..core import field_specs
from ..core.errors import Issue, ValidationFailed, VillagebookError
from . import field_editors
from .dialogs import error_label, ok_cancel
from .messages import describe, describe_error


class RecordDialog(QDialog):
    """Edit ``values`` of a ``record``; ``save(raw)`` stores them or raises."""

    def __init__(self, parent: QWidget | None, title: str, record: str,
                 values: dict[str, Any], save: Callable[[dict[str, Any]], object],
                 choices: field_editors.Choices | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.record = record
        self._save = save
        self.specs = field_specs.fields(record)
        self.editors: dict[str, QWidget] = {}
        self.labels: dict[str, QLabel] = {}
        body = QWidget()
        form = QFormLayout(body)
        for spec in self.specs:
            editor = field_editors.create_editor(spec, body)
            field_editors.prepare(editor, spec, lambda *_: None, choices)
            field_editors.set_value(editor, spec, values.get(spec.name))
            label = QLabel(field_editors.label_text(record, spec))
            label.setBuddy(editor)
            form.addRow(label, editor)
            self.editors[spec.name], self.labels[spec.name] = editor, label
        scroll = QScrollArea()
        scroll.setWidget(body)
        scroll.setWidgetResizable(True)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll)
        self.error = error_label()
        layout.addWidget(self.error)
        layout.addWidget(ok_cancel(self, self.try_save))
        self.resize(520, min(700, 90 + 36 * len(self.specs)))
        if self.specs:
            self.editors[self.specs[0].name].setFocus()

    def raw(self) -> dict[str, Any]:
        return {spec.name: field_editors.get_value(self.editors[spec.name], spec)
                for spec in self.specs}

    def show_issues(self, issues: list[Issue]) -> None:
        by_field = {i.field: i for i in issues}
        for spec in self.specs:
            field_editors.mark(self.labels[spec.name], self.editors[spec.name], self.record,
                               spec, by_field.get(spec.name))
        self.error.setText("\n".join("✖ " + describe(i, record=self.record) for i in issues))

    def try_save(self) -> None:
        try:
            self._save(self.raw())
        except ValidationFailed as failed:
            self.show_issues(failed.issues)
            return
        except VillagebookError as error:
            self.error.setText("✖ " + describe_error(error))
            return
        self.accept()
