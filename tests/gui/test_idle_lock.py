"""The idle lock: off by default; with a PIN and minutes set, idle time hides every
window behind a lock screen that only the working person's PIN opens; the PIN is kept on
this laptop only (a local setting, no change logged)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox

from villagebook.storage.pins import check_pin, has_pin, idle_minutes
from villagebook.ui.main_window import MainWindow


def _ok(dialog):
    return dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)


def test_the_window_locks_after_idle_minutes_and_opens_with_the_pin(qtbot, book):
    window = MainWindow(book)
    qtbot.addWidget(window)
    window.show()
    assert not window.idle_lock.timer.isActive()  # off by default
    assert window.idle_lock.lock() is None  # and no PIN: nothing to lock with
    changes = book.conn.execute("SELECT count(*) FROM changes").fetchone()[0]
    dialog = window.edit_pin()
    dialog.pin.setText("1234")
    dialog.again.setText("1243")
    _ok(dialog).click()
    assert "不一样" in dialog.error.text() and not has_pin(book, book.operator)
    dialog.pin.setText("12ab")
    dialog.again.setText("12ab")
    _ok(dialog).click()
    assert "4" in dialog.error.text() and not has_pin(book, book.operator)
    dialog.pin.setText("")
    dialog.again.setText("")
    dialog.minutes.setValue(5)
    _ok(dialog).click()  # minutes without a PIN would never lock: said
    assert "PIN" in dialog.error.text() and idle_minutes(book) == 0
    dialog.pin.setText("2580")
    dialog.again.setText("2580")
    _ok(dialog).click()
    assert check_pin(book, book.operator, "2580") and idle_minutes(book) == 5
    assert window.idle_lock.timer.isActive() and window.idle_lock.timer.interval() == 300_000
    assert book.conn.execute("SELECT count(*) FROM changes").fetchone()[0] == changes
    # five idle minutes later
    window.idle_lock.timer.timeout.emit()
    screen = window.idle_lock.screen
    assert screen is not None and screen.isVisible() and not window.isVisible()
    screen.reject()  # Esc does not unlock
    assert screen.isVisible()
    qtbot.keyClicks(screen.pin, "1111")
    screen.try_unlock()
    assert "不是" in screen.error.text() and not window.isVisible()
    for _ in range(2):  # three wrong PINs in all: the next try must wait
        screen.pin.setText("0000")
        screen.try_unlock()
    assert not screen.button.isEnabled() and "秒" in screen.error.text()
    screen.pin.setText("2580")
    screen.try_unlock()  # ignored while waiting, even the right PIN
    assert screen.isVisible() and not window.isVisible()
    screen.pause.timeout.emit()  # the wait is over
    assert screen.button.isEnabled()
    screen.pin.setText("2580")
    screen.try_unlock()
    assert window.isVisible() and window.idle_lock.screen is None
    assert window.idle_lock.timer.isActive()
