"""Today and now, from one place.

Every rule, list, default and file name that depends on the date reads it here, and SQL
gets it as a parameter (SQLite's ``date('now')`` follows the machine's clock, which a test
cannot move). The tests move these with time-machine to run under other dates
(``tests/dates.py``); the program itself always reads the laptop's clock.
"""

from __future__ import annotations

import datetime as dt


def current_date() -> dt.date:
    """The laptop's date today (local time)."""
    return dt.date.today()


def current_time() -> dt.datetime:
    """The laptop's local time now, naive as ``datetime.now()`` gives it."""
    return dt.datetime.now()


def now_text() -> str:
    """Now as ISO text with the local offset, to the second, as stored in ``created_at``,
    ``updated_at`` and the change log's ``at``."""
    return current_time().astimezone().isoformat(timespec="seconds")
