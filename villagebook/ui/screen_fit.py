"""Windows that fit the laptop's screen: a village laptop is often 1366×768, with a task
bar taking 40 pixels of it, so a window asked for 1280×720 would lose its bottom row of
buttons under the task bar."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

FRAME = 40  # a title bar and borders, not known before the window is first shown
SMALL_SCREEN_HEIGHT = 900  # below this, the main window opens maximised


def available(window: QWidget):
    """The part of the window's screen that windows may use (the task bar left out)."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry()


def place_within_screen(window: QWidget, width: int, height: int) -> None:
    """Give ``window`` the size asked for, or less where the screen is smaller, and
    centre it, frame included, on the available part of its screen."""
    area = available(window)
    width = max(window.minimumSizeHint().width(), min(width, area.width() - 16))
    height = max(window.minimumSizeHint().height(), min(height, area.height() - FRAME))
    window.resize(width, height)
    window.move(area.x() + (area.width() - width) // 2,
                area.y() + max(0, (area.height() - height - FRAME) // 2))


def show_main(window: QWidget) -> None:
    """The main window: maximised on a small screen, else at its size within the screen."""
    if available(window).height() < SMALL_SCREEN_HEIGHT:
        window.showMaximized()
    else:
        window.show()
