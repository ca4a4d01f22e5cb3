"""A date field as people type one: 2026-03-05, 20260305 or 2026.3.5, with a calendar button.

A widget never changes a value by itself: nothing is clamped, an optional date is visibly
empty and is cleared with Delete, and the bounds of a date (a birth date not after today, a
due date may be) are rules of its field, checked by the core with a message.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QCalendarWidget,
    QHBoxLayout,
    QLineEdit,
    QMenu,
    QToolButton,
    QWidget,
    QWidgetAction,
)

from ..core.dates import normalize_date_text, parse_date
from ..core.today import current_date


class DateEdit(QWidget):
    """A line edit for a date and a button that opens a calendar; ``text()`` is what was
    typed, turned into ISO form when it is a date written another way."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        self.line = QLineEdit(self)
        # an example, so that an empty date never looks filled in
        self.line.setPlaceholderText(self.tr("e.g. 2026-03-05"))
        self.line.setClearButtonEnabled(True)
        self.line.setMaxLength(20)
        self.line.textEdited.connect(lambda _text: self.changed.emit())
        self.line.installEventFilter(self)
        layout.addWidget(self.line, 1)
        self.button = QToolButton(self)
        self.button.setText(self.tr("Calendar"))
        # Tab goes from date to the next field, not to this button
        self.button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.button)
        self.calendar = QCalendarWidget(menu)
        self.calendar.setGridVisible(True)
        holder = QWidgetAction(menu)
        holder.setDefaultWidget(self.calendar)
        menu.addAction(holder)
        menu.aboutToShow.connect(self._open_calendar)
        self.calendar.clicked.connect(self._picked)
        self.calendar.activated.connect(self._picked)
        self.button.setMenu(menu)
        layout.addWidget(self.button)
        self.setFocusProxy(self.line)

    def text(self) -> str:
        """What the field holds: ISO when it is a date, else as typed ('' when empty)."""
        return normalize_date_text(self.line.text().strip())

    def set_text(self, value: str | None) -> None:
        """Show a stored ISO date (or nothing) without reporting a change."""
        self.line.setText(value or "")

    def date(self) -> dt.date | None:
        """The date typed, or None when the field is empty or holds no date."""
        try:
            return parse_date(self.line.text())
        except ValueError:
            return None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.line and event.type() == QEvent.Type.FocusOut:
            self._tidy()
        return super().eventFilter(watched, event)

    def _tidy(self) -> None:
        """Show a date typed as 20260305 or 2026.3.5 in the one form, 2026-03-05."""
        tidy = self.text()
        if tidy != self.line.text():
            self.line.setText(tidy)

    def _open_calendar(self) -> None:
        day = self.date() or current_date()
        self.calendar.setSelectedDate(QDate(day.year, day.month, day.day))

    def _picked(self, day: QDate) -> None:
        self.line.setText(day.toString("yyyy-MM-dd"))
        self.button.menu().close()
        self.line.setFocus()
        self.changed.emit()
