"""Work that waits until a window is first on screen: what runs in the background (the
warning rules, the integrity check) competes with building and painting the window for
Python's lock, so it starts once the person sees the window."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QWindow
from PySide6.QtWidgets import QWidget

FALLBACK_MS = 1000  # a window never exposed (started minimised) does not hold work back


class _Exposed(QObject):
    """Calls back once, after the first expose event of a window has been handled (Qt
    paints the window while handling it), or after ``FALLBACK_MS`` at the latest."""

    def __init__(self, window: QWidget, callbacks: list[Callable[[], object]]) -> None:
        super().__init__(window)
        self._callbacks = callbacks
        self._handle: QWindow | None = window.windowHandle()
        if self._handle is not None:
            self._handle.installEventFilter(self)
        QTimer.singleShot(FALLBACK_MS, self, self._run)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Expose and self._handle is not None \
                and self._handle.isExposed():
            QTimer.singleShot(0, self, self._run)  # after this event, painted
        return False

    def _run(self) -> None:
        callbacks, self._callbacks = self._callbacks, []
        if self._handle is not None:
            self._handle.removeEventFilter(self)
            self._handle = None
        for callback in callbacks:
            callback()


def after_first_paint(window: QWidget, *callbacks: Callable[[], object]) -> None:
    """Run ``callbacks`` (in order, once) when ``window``, already shown, has been painted
    on screen for the first time."""
    _Exposed(window, list(callbacks))
