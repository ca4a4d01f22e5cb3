"""Python's cyclic garbage is collected on the window's thread only.

Python collects reference cycles on whichever thread happens to allocate past the
threshold, and a Qt object caught in a cycle is then destroyed on that thread: a worker
thread exporting or importing could destroy a dialog, and Qt crashes or hangs (seen here:
a segmentation fault while an import ran beside a dialog left in a cycle). So automatic
collection is switched off while the window runs, and the same generational rule Python
uses is applied from a timer on the window's thread (as PySide applications such as
Camelot's and OpenCue's do).
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 500


class GuiThreadCollector(QObject):
    """While it lives, cycles are collected here, on the thread that made it."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.thresholds = gc.get_threshold()
        gc.disable()
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.check)
        self._timer.start(INTERVAL_MS)

    def check(self) -> int:
        """Collect the generations whose counts passed Python's own thresholds; returns
        the generation collected, or -1."""
        counts = gc.get_count()
        if counts[0] <= self.thresholds[0]:
            return -1
        generation = 2 if counts[2] > self.thresholds[2] else \
            1 if counts[1] > self.thresholds[1] else 0
        gc.collect(generation)
        return generation

    def stop(self) -> None:
        """Hand collection back to Python (after a last collection here)."""
        self._timer.stop()
        gc.collect()
        gc.enable()
