"""Work off the GUI thread, as Anki's task manager does: one worker thread
(``ThreadPoolExecutor(max_workers=1)``), each job with its own database connection, and
only the newest result of a kind delivered to the window (older ones are dropped)."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, Signal

from ..storage.connection import connect

if TYPE_CHECKING:
    from concurrent.futures import Future, ThreadPoolExecutor

_executor: ThreadPoolExecutor | None = None  # made at the first job (after the first paint)


def _worker() -> ThreadPoolExecutor:
    global _executor
    if _executor is None:
        from concurrent.futures import ThreadPoolExecutor

        _executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="villagebook-job")
    return _executor


class Progress(QObject):
    """Carries a job's progress (done, total) to the window: emitted on the worker thread,
    queued to the receiver's."""

    step = Signal(int, int)


def read_connection(path: Path) -> sqlite3.Connection:
    """A read-only connection for a job (WAL lets it read while the window writes)."""
    return connect(path, mode="ro")


def wait_for_jobs() -> None:
    """Let queued and running jobs finish (before the book closes and the program ends)."""
    if _executor is not None:
        _executor.submit(lambda: None).result()


class LatestOnly(QObject):
    """Runs ``fn`` on the worker; ``done`` (or ``failed``) gets the newest call's result.

    The signals are emitted from the worker thread; Qt queues them to this object's
    (the GUI) thread, so receivers may touch widgets.
    """

    done = Signal(object)
    failed = Signal(object)
    _finished = Signal(int, object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._token = 0
        # each call's function and future, kept until its result reaches this thread: the
        # last reference to what a job's closure holds must not go on the worker thread
        # (a Python object tied to a Qt connection, freed there, takes Qt's connection lock
        # and waits for the GIL, while this thread holds the GIL and waits for that lock)
        self._running: dict[int, tuple[Callable[[], Any], Future]] = {}
        # queued even when emitted on this thread: a job that ends before its callback is
        # added calls it at once, inside submit(), and its result overtook the caller
        self._finished.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    def submit(self, fn: Callable[[], Any]) -> None:
        self._token += 1
        token = self._token
        future = _worker().submit(fn)
        self._running[token] = (fn, future)
        future.add_done_callback(lambda f: self._emit(token, f))

    def drop(self) -> None:
        """Results of calls made so far are not wanted any more (newer ones came another
        way)."""
        self._token += 1

    def submit_reading(self, path: Path, fn: Callable[[sqlite3.Connection], Any]) -> None:
        """Run ``fn`` with a read-only connection of its own to the book at ``path``."""
        def run() -> Any:
            conn = read_connection(path)
            try:
                return fn(conn)
            finally:
                conn.close()

        self.submit(run)

    def _emit(self, token: int, future: Future) -> None:
        error = future.exception()
        try:
            self._finished.emit(token, error if error is not None else future.result())
        except RuntimeError:  # the window that asked has closed meanwhile
            pass


    def _deliver(self, token: int, result: Any) -> None:
        self._running.pop(token, None)  # let go of it here, on this thread
        if token != self._token:
            return
        if isinstance(result, Exception):
            self.failed.emit(result)
        else:
            self.done.emit(result)
