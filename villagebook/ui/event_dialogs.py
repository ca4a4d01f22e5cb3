"""Small dialogs for events: a member leaves (死亡, 迁出, 分户, 其他) and a household is closed."""

from __future__ import annotations

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QComboBox, QDateEdit, QDialog, QFormLayout, QLabel, QLineEdit, QWidget

from ..core import codes
from .dialogs import ok_cancel


class EventDialog(QDialog):
    """Reason (from a code list), date (typed or picked, not after today) and a note.

    ``new_head_choices`` (name, member index) adds a 新户主 choice, for when the head leaves.
    """

    def __init__(self, parent: QWidget, title: str, reason_list: str, intro: str,
                 new_head_choices: list[tuple[str, int]] | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        layout = QFormLayout(self)
        if intro:
            label = QLabel(intro)
            label.setWordWrap(True)
            layout.addRow(label)
        self.reason = QComboBox()
        for entry in codes.code_list(reason_list):
            self.reason.addItem(entry.label, entry.code)
        layout.addRow(self.tr("Reason"), self.reason)
        self.date = QDateEdit(QDate.currentDate())
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.date.setMaximumDate(QDate.currentDate())
        layout.addRow(self.tr("Date"), self.date)
        self.note = QLineEdit()
        layout.addRow(self.tr("Note"), self.note)
        self.new_head: QComboBox | None = None
        if new_head_choices is not None:
            self.new_head = QComboBox()
            for name, index in new_head_choices:
                self.new_head.addItem(name, index)
            layout.addRow(self.tr("New head of household"), self.new_head)
        layout.addRow(ok_cancel(self))

    def values(self) -> dict[str, str | None]:
        return {"reason": self.reason.currentData(),
                "date": self.date.date().toString("yyyy-MM-dd"),
                "note": self.note.text().strip() or None}

    def new_head_index(self) -> int | None:
        return self.new_head.currentData() if self.new_head is not None else None
