"""Today is an input of the tests.

- ``DATES``: the days the date-sensitive tests (marked ``dated``) run under as well as
  today: the last day of February in a leap year, 31 August and 1 September (school age,
  the school year), 31 December and 1 January (the year's edge).
- ``VILLAGEBOOK_TEST_DATE=YYYY-MM-DD``: the whole suite runs on that day (``make test``
  runs it once so).
- Time ticks on from 10:00 of the day (backup names, the sync clock and Qt's timers need
  time to move), and processes the tests start (``villagebook_command``) travel with them.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import sys
from collections.abc import Iterator
from pathlib import Path

import time_machine

DATES = ("2028-02-29", "2027-08-31", "2027-09-01", "2027-12-31", "2028-01-01")
SUITE_DATE = "VILLAGEBOOK_TEST_DATE"
# what a child process needs to travel with its test: "<destination>:<real time then>",
# both seconds since the epoch, so that the child's clock agrees with its parent's
TRAVEL = "VILLAGEBOOK_TEST_TRAVEL"
RUNNER = Path(__file__).with_name("on_date.py")


def destination(day: str) -> dt.datetime:
    """10:00 local time on ``day``."""
    return dt.datetime.combine(dt.date.fromisoformat(day), dt.time(10)).astimezone()


@contextlib.contextmanager
def travel(day: str) -> Iterator[None]:
    """The clock of this process, and of every process started by the tests meanwhile, on
    ``day`` and ticking."""
    moved = time_machine.travel(destination(day), tick=True)
    before = os.environ.get(TRAVEL)
    with moved:
        os.environ[TRAVEL] = f"{destination(day).timestamp()}:" \
                             f"{time_machine.escape_hatch.time.time()}"
        try:
            yield
        finally:
            if before is None:
                os.environ.pop(TRAVEL, None)
            else:
                os.environ[TRAVEL] = before


def villagebook_command(*args: str) -> list[str]:
    """``python -m villagebook ARGS`` on the tests' day."""
    return [sys.executable, str(RUNNER), *args]


def travel_environment() -> dict[str, str]:
    """What a child process started with an environment of its own needs to travel."""
    return {TRAVEL: os.environ[TRAVEL]} if TRAVEL in os.environ else {}
