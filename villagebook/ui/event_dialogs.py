"""Small dialogs for events: a member leaves (死亡, 迁出, 分户, 其他) and a household is closed."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QFormLayout, QLabel, QLineEdit, QWidget

from ..core import codes, field_specs
from ..core.errors import Issue
from ..core.today import current_date
from .date_edit import DateEdit
from .dialogs import error_label, ok_cancel
from .messages import describe


class EventDialog(QDialog):
    """Reason (from a code list), date (typed or picked; today unless changed) and a note.

    ``date_field`` (record, field) names the event's date field, whose rule (not after
    today) is checked when OK is pressed. ``new_head_choices`` (name, member index) adds a
    新户主 choice, for when the head leaves.
    """

    def __init__(self, parent: QWidget, title: str, reason_list: str, intro: str,
                 date_field: tuple[str, str],
                 new_head_choices: list[tuple[str, int]] | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.date_record, date_name = date_field
        self.date_spec = field_specs.field(self.date_record, date_name)
        layout = QFormLayout(self)
        if intro:
            label = QLabel(intro)
            label.setWordWrap(True)
            layout.addRow(label)
        self.reason = QComboBox()
        for entry in codes.code_list(reason_list):
            self.reason.addItem(entry.label, entry.code)
        layout.addRow(self.tr("Reason"), self.reason)
        self.date = DateEdit()
        self.date.set_text(current_date().isoformat())
        layout.addRow(self.tr("Date"), self.date)
        self.note = QLineEdit()
        layout.addRow(self.tr("Note"), self.note)
        self.new_head: QComboBox | None = None
        if new_head_choices is not None:
            self.new_head = QComboBox()
            for name, index in new_head_choices:
                self.new_head.addItem(name, index)
            layout.addRow(self.tr("New head of household"), self.new_head)
        self.error = error_label()
        layout.addRow(self.error)
        layout.addRow(ok_cancel(self, self.try_accept))

    def try_accept(self) -> None:
        """Accept only a date that fits its field's rule; say why otherwise."""
        value, issue = field_specs.convert(self.date_spec, self.date.text())
        if issue is None and value is None:
            issue = Issue("field.required", self.date_spec.name)
        note_spec = field_specs.field(self.date_record, self.date_spec.name.replace("date", "note"))
        if issue is None:
            _, issue = field_specs.convert(note_spec, self.note.text())
        if issue is not None:
            self.error.setText("✖ " + describe(issue, record=self.date_record))
            self.date.setFocus()
            return
        self.accept()

    def values(self) -> dict[str, str | None]:
        return {"reason": self.reason.currentData(),
                "date": self.date.text() or None,
                "note": self.note.text().strip() or None}

    def new_head_index(self) -> int | None:
        return self.new_head.currentData() if self.new_head is not None else None
