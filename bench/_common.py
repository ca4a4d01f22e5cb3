"""Helpers shared by the benchmarks: timing and fresh file paths."""

from __future__ import annotations

import atexit
import shutil
import signal
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path


def timed(fn: Callable[[], object], repeat: int = 1) -> float:
    """Median wall time of ``fn`` in seconds."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def scratch_folder(prefix: str = "villagebook-bench-") -> Path:
    """A new temporary folder removed when the benchmark ends.

    A benchmark's books run to gigabytes (a 300,000-household county, thirty village
    packages); left behind, a few runs filled the machine's disk and the next test run
    failed on it. Removed at a normal end, an error or Ctrl+C, and on SIGTERM.
    """
    folder = Path(tempfile.mkdtemp(prefix=prefix))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    if signal.getsignal(signal.SIGTERM) is signal.SIG_DFL:
        # a SystemExit runs the atexit handlers, which a bare SIGTERM would skip
        signal.signal(signal.SIGTERM, lambda *_: exit(143))
    return folder


def fresh_path(name: str) -> Path:
    """A path named ``name`` in a folder of its own, removed when the benchmark ends."""
    return scratch_folder() / name


def report(label: str, ours: float, baseline: float, unit: str = "s") -> None:
    scale = 1000 if unit == "ms" else 1
    print(f"{label:<44} {ours * scale:10.1f} {unit}   baseline {baseline * scale:10.1f} {unit}"
          f"   ratio {ours / baseline if baseline else float('inf'):6.2f}x")
