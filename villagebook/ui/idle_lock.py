"""The window locks itself after some idle minutes and asks the PIN of the person working.

Off by default: it works once the person working has a PIN (文件 → PIN 码与自动锁定…)
and the minutes are more than 0. While locked every window of the program is hidden, so
nobody passing the desk sees a household's records; nothing is closed and nothing typed
is lost.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFormLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ..core.errors import BookError, Issue, ValidationFailed
from ..storage.book import Book
from ..storage.pins import PIN_DIGITS, check_pin, has_pin, idle_minutes, set_idle_minutes, set_pin
from .dialogs import accept_when, error_label, ok_cancel, secret_field

FREE_TRIES = 3  # wrong PINs before the lock screen makes the next try wait
_ACTIVITY = {QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove,
             QEvent.Type.Wheel, QEvent.Type.TouchBegin}


class LockScreen(QDialog):
    """Asks the PIN of the person working; cannot be closed without it."""

    def __init__(self, book: Book) -> None:
        super().__init__(None)
        self.book = book
        self.setWindowTitle(self.tr("villagebook is locked"))
        layout = QVBoxLayout(self)
        text = QLabel(self.tr("The book was left idle and is locked. {name}, enter your PIN "
                              "to go on.").format(name=book.operator))
        text.setWordWrap(True)
        layout.addWidget(text)
        self.pin = secret_field(PIN_DIGITS[1])
        form = QFormLayout()
        form.addRow(self.tr("PIN"), self.pin)
        layout.addLayout(form)
        self.error = error_label()
        layout.addWidget(self.error)
        self.button = QPushButton(self.tr("Unlock"))
        self.button.setDefault(True)
        self.button.clicked.connect(self.try_unlock)
        layout.addWidget(self.button)
        self.setMinimumWidth(380)
        self.wrong = 0
        # after a few wrong PINs each further try waits longer: 4 digits are few
        self.pause = QTimer(self)
        self.pause.setSingleShot(True)
        self.pause.timeout.connect(self._resume)

    def try_unlock(self) -> None:
        """Unlock when the PIN is right; say so when it is not (and, after three wrong
        ones, wait 2, 4, 8… up to 60 seconds before the next try)."""
        if not self.button.isEnabled():  # waiting after wrong PINs
            return
        name = self.book.operator or ""
        if check_pin(self.book, name, self.pin.text()):
            self.accept()
            return
        self.wrong += 1
        text = "✖ " + self.tr("That is not the PIN of {name}").format(name=name)
        if self.wrong >= FREE_TRIES:
            seconds = min(60, 2 ** (self.wrong - FREE_TRIES + 1))
            text += self.tr(" — try again in {seconds} seconds").format(seconds=seconds)
            self.button.setEnabled(False)
            self.pin.setEnabled(False)
            self.pause.start(seconds * 1000)
        self.error.setText(text)
        self.pin.selectAll()
        self.adjustSize()

    def _resume(self) -> None:
        self.button.setEnabled(True)
        self.pin.setEnabled(True)
        self.pin.setFocus()

    def reject(self) -> None:
        """Esc and the close button do nothing: only the PIN unlocks."""


class IdleLock(QObject):
    """Watches the program's input; after the idle minutes, hides every window and
    shows the lock screen."""

    def __init__(self, book: Book, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.book = book
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.lock)
        self.screen: LockScreen | None = None
        self.hidden: list[QWidget] = []
        app = QApplication.instance()
        assert app is not None  # a window exists, so does its application
        self.app = app
        self.restart()

    def restart(self) -> None:
        """Count the idle minutes again (after input, or after the settings changed)."""
        minutes = idle_minutes(self.book)
        if minutes and has_pin(self.book, self.book.operator):
            self.timer.start(minutes * 60_000)
            self.app.installEventFilter(self)  # every event is seen only while it counts
        else:
            self.timer.stop()
            self.app.removeEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self.screen is None and event.type() in _ACTIVITY and self.timer.isActive():
            self.timer.start()
        return False

    def lock(self) -> LockScreen | None:
        """Hide every window and ask the PIN (no PIN set: nothing happens)."""
        if self.screen is not None or self.book.closed or \
                not has_pin(self.book, self.book.operator):
            return self.screen
        self.hidden = [w for w in QApplication.topLevelWidgets()
                       if w.isVisible() and not isinstance(w, LockScreen)]
        for window in self.hidden:
            window.hide()
        self.screen = LockScreen(self.book)
        self.screen.accepted.connect(self.unlocked)
        self.screen.show()
        return self.screen

    def unlocked(self) -> None:
        for window in self.hidden:
            window.show()
        self.hidden = []
        if self.screen is not None:
            self.screen.deleteLater()
        self.screen = None
        self.restart()

    def stop(self) -> None:
        """The book closes: no lock from now on."""
        self.timer.stop()
        self.app.removeEventFilter(self)


class PinDialog(QDialog):
    """文件 → PIN 码与自动锁定…: the working person's PIN and the idle minutes."""

    def __init__(self, book: Book, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.book = book
        self.setWindowTitle(self.tr("PIN and automatic lock"))
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr(
            "When {name} leaves the laptop for the minutes set here, the program hides its "
            "windows and asks {name}'s PIN. The PIN is kept on this laptop only.").format(
            name=book.operator))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.pin, self.again = secret_field(PIN_DIGITS[1]), secret_field(PIN_DIGITS[1])
        self.pin.setPlaceholderText(self.tr("4 to 8 digits; empty: no PIN")
                                    if not has_pin(book, book.operator) else
                                    self.tr("empty: keep the PIN"))
        self.minutes = QSpinBox()
        self.minutes.setRange(0, 240)
        self.minutes.setSuffix(self.tr(" minutes"))
        self.minutes.setSpecialValueText(self.tr("never"))
        self.minutes.setValue(idle_minutes(book))
        form.addRow(self.tr("New PIN"), self.pin)
        form.addRow(self.tr("Once more"), self.again)
        form.addRow(self.tr("Lock after"), self.minutes)
        layout.addLayout(form)
        self.clear = QPushButton(self.tr("Remove my PIN"))
        self.clear.setEnabled(has_pin(book, book.operator))
        self.clear.clicked.connect(self.remove_pin)
        layout.addWidget(self.clear)
        self.error = error_label()
        layout.addWidget(self.error)
        layout.addWidget(ok_cancel(self, self.save))

    def remove_pin(self) -> None:
        set_pin(self.book, self.book.operator or "", None)
        self.clear.setEnabled(False)
        self.error.setText(self.tr("The PIN is removed: the window will not lock."))

    def save(self) -> None:
        """Keep the new PIN (if typed) and the minutes."""
        accept_when(self, self.error, self._save)

    def _save(self) -> None:
        if self.pin.text() != self.again.text():
            raise ValidationFailed([Issue("pin.mismatch", "pin")])
        if not self.book.operator:
            raise BookError("book.no_operator")
        if self.minutes.value() and not self.pin.text() and \
                not has_pin(self.book, self.book.operator):
            raise ValidationFailed([Issue("pin.needed", "pin")])  # it would never lock
        if self.pin.text():
            set_pin(self.book, self.book.operator, self.pin.text())
        set_idle_minutes(self.book, self.minutes.value())
