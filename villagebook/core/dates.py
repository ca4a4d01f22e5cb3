"""Dates as people write them: 2026-03-05, 20260305, 2026.3.5, 2026/3/5, 2026年3月5日.

One reader for the window's date fields, the workbook import and the command line, so
that a date typed anywhere means the same day.
"""

from __future__ import annotations

import datetime as dt
import re

_SEPARATED = re.compile(r"(\d{4})\s*[-./年]\s*(\d{1,2})\s*[-./月]\s*(\d{1,2})\s*日?")
_COMPACT = re.compile(r"(\d{4})(\d{2})(\d{2})")


def parse_date(text: str) -> dt.date:
    """The day ``text`` names; raises ``ValueError`` when it names none (2026-02-30)."""
    text = text.strip()
    if len(text) == 10 and text[4] == "-" == text[7] and text.isascii():  # ISO, as stored
        return dt.date.fromisoformat(text)
    match = _SEPARATED.fullmatch(text) or _COMPACT.fullmatch(text)
    if match is None:
        raise ValueError(text)
    year, month, day = (int(part) for part in match.groups())
    return dt.date(year, month, day)


def normalize_date_text(text: str) -> str:
    """``text`` as an ISO date when it is one written another way; otherwise unchanged, so
    that validation names what was typed."""
    try:
        return parse_date(text).isoformat()
    except ValueError:
        return text
