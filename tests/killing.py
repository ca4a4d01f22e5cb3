"""A kill -9 harness: run a villagebook command in a process of its own and kill it at
chosen moments, so that tests can check what an interrupted run leaves behind. Shared by
the safety tests of imports, exports, new books and (later) sync packages."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

from dates import villagebook_command


def environment(data_dir: Path, system_temp: Path) -> dict[str, str]:
    """The command's environment: its own data folder, and a system temp folder of its
    own so that a test can see whether anything was left there."""
    system_temp.mkdir(parents=True, exist_ok=True)
    return {**os.environ, "VILLAGEBOOK_DATA_DIR": str(data_dir), "TMPDIR": str(system_temp),
            "TEMP": str(system_temp), "TMP": str(system_temp), "QT_QPA_PLATFORM": "offscreen"}


def run(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess:
    """Run ``villagebook ARGS`` to the end."""
    return subprocess.run(villagebook_command(*args), env=env,
                          capture_output=True, text=True, timeout=300)


def killed_runs(args: list[str], env: dict[str, str], delays: list[float]
                ) -> Iterator[tuple[float, bool]]:
    """For each delay: start ``villagebook ARGS``, kill it with SIGKILL after that many
    seconds, and yield (delay, whether it had already finished) once it is gone."""
    for delay in delays:
        process = subprocess.Popen(villagebook_command(*args), env=env,
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(delay)
        finished = process.poll() is not None
        if not finished:
            process.send_signal(signal.SIGKILL)
        process.wait(timeout=60)
        yield delay, finished


def duration(args: list[str], env: dict[str, str]) -> float:
    """Seconds a whole ``villagebook ARGS`` run takes here (for kills spread across a run
    that a faster program or machine finishes sooner)."""
    start = time.perf_counter()
    assert run(args, env).returncode == 0
    return time.perf_counter() - start


def spread(first: float, last: float, count: int) -> list[float]:
    """``count`` moments evenly from ``first`` to ``last`` seconds."""
    return [first + (last - first) * i / max(1, count - 1) for i in range(count)]


def integrity(path: Path) -> str:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        conn.close()
