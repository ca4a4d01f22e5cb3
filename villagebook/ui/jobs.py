"""Work off the GUI thread: a job runs in the thread pool with its own database connection,
and only the newest result of a kind reaches the window (older ones are dropped)."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal


def read_connection(path: Path) -> sqlite3.Connection:
    """A read-only connection for a job (WAL lets it read while the window writes)."""
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)


class _Signals(QObject):
    finished = Signal(int, object)


class _Job(QRunnable):
    def __init__(self, token: int, fn: Callable[[], Any], signals: _Signals) -> None:
        super().__init__()
        self.token, self.fn, self.signals = token, fn, signals

    def run(self) -> None:
        try:
            result = self.fn()
        except Exception as error:  # delivered, not lost: the receiver decides
            result = error
        self.signals.finished.emit(self.token, result)


class LatestOnly(QObject):
    """Runs ``fn`` in the background; ``done`` gets the result of the newest call only."""

    done = Signal(object)
    failed = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._token = 0
        self._signals = _Signals(self)
        self._signals.finished.connect(self._finished)

    def submit(self, fn: Callable[[], Any]) -> None:
        self._token += 1
        QThreadPool.globalInstance().start(_Job(self._token, fn, self._signals))

    def _finished(self, token: int, result: Any) -> None:
        if token != self._token:
            return
        if isinstance(result, Exception):
            self.failed.emit(result)
        else:
            self.done.emit(result)
