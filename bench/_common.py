"""Helpers shared by the benchmarks: timing and fresh file paths."""

from __future__ import annotations

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


def fresh_path(name: str) -> Path:
    folder = Path(tempfile.mkdtemp(prefix="villagebook-bench-"))
    return folder / name


def report(label: str, ours: float, baseline: float, unit: str = "s") -> None:
    scale = 1000 if unit == "ms" else 1
    print(f"{label:<44} {ours * scale:10.1f} {unit}   baseline {baseline * scale:10.1f} {unit}"
          f"   ratio {ours / baseline if baseline else float('inf'):6.2f}x")
