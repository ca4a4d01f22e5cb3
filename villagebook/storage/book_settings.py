"""Settings of the book.

Shared settings (``book_settings``, changed through the change log) travel with the book's
records to the township and back: the monitoring line of each year, how long a household
may go unvisited, how many visits a helper owes each year, the policy hotline printed on
wall sheets and notices, an import's answers (``import.answers``: what a list's unplaced
columns and unread values are). The township's values reach all its villages.

Local settings (``meta``, keys ``local.*``) belong to this file on this laptop and are never
shipped: reminders, backups, window state.
"""

from __future__ import annotations

import json
from typing import Any

from ..core.errors import Issue, ValidationFailed
from ..core.income import DEFAULT_MONITORING_LINE
from ..core.rules import RULE_SETTINGS
from .book import Book


def _get(book: Book, key: str) -> str | None:
    row = book.conn.execute("SELECT value FROM book_settings WHERE id = ?", [key]).fetchone()
    return row[0] if row else None


# the keys that may be set in book_settings: each travels
SHARED_PREFIXES = ("monitoring_line.", "visits.", "print.", "rules.", "import.")


def is_shared(key: str) -> bool:
    """Whether a setting travels with the book's records (its key has a shared prefix)."""
    return key.startswith(SHARED_PREFIXES)


def _set(book: Book, key: str, value: str) -> None:
    if not is_shared(key):
        raise KeyError(f"{key} is not a shared setting")
    exists = book.conn.execute("SELECT 1 FROM book_settings WHERE id = ?", [key]).fetchone()
    with book.action("settings.save") as writer:
        if exists:
            writer.update("book_settings", key, {"value": value})
        else:
            writer.insert("book_settings", {"id": key, "value": value})


def monitoring_line(book: Book, year: int) -> int:
    """The year's monitoring line in fen per person (6000 元 unless set otherwise)."""
    value = _get(book, f"monitoring_line.{year}")
    return int(value) if value is not None else DEFAULT_MONITORING_LINE


def set_monitoring_line(book: Book, year: int, fen: int) -> None:
    """Set the year's monitoring line (fen per person); an absurd amount is refused."""
    if fen <= 0 or fen > 100_000_00:
        raise ValidationFailed([Issue("money.absurd", "monitoring_line",
                                      {"value": f"{fen / 100:.2f}"})])
    _set(book, f"monitoring_line.{year}", str(fen))


# the thresholds of the warning rules travel too (core.rules.RULE_SETTINGS)
DEFAULTS = {"visits.max_days_unvisited": 90, "visits.required_per_year": 4, **RULE_SETTINGS}


def int_setting(book: Book, key: str) -> int:
    """A whole-number setting, or its default (``DEFAULTS``)."""
    value = _get(book, key)
    return int(value) if value is not None else DEFAULTS[key]


def set_int_setting(book: Book, key: str, value: int) -> None:
    """Change a whole-number setting of ``DEFAULTS`` (logged, shared); out of range is
    refused."""
    if key not in DEFAULTS:
        raise KeyError(key)
    if not 0 < value < 10000:
        raise ValidationFailed([Issue("int.range", key, {"value": value})])
    _set(book, key, str(value))


# 12317: the national hotline for consultation and complaints about assistance work
TEXT_DEFAULTS = {"print.hotline": "12317"}
MAX_TEXT = 100


def text_setting(book: Book, key: str) -> str:
    """A text setting, or its default (``TEXT_DEFAULTS``)."""
    value = _get(book, key)
    return value if value is not None else TEXT_DEFAULTS[key]


def set_text_setting(book: Book, key: str, value: str) -> None:
    """Change a text setting (logged like every change); unchanged values write nothing."""
    if key not in TEXT_DEFAULTS:
        raise KeyError(key)
    value = value.strip()
    if len(value) > MAX_TEXT:
        raise ValidationFailed([Issue("setting.too_long", key,
                                      {"length": len(value), "max": MAX_TEXT})])
    if value != text_setting(book, key):
        _set(book, key, value)


def json_setting(book: Book, key: str) -> Any:
    """A shared setting kept as JSON (an import's answers), or None when unset or unreadable."""
    value = _get(book, key)
    try:
        return json.loads(value) if value is not None else None
    except ValueError:
        return None


def set_json_setting(book: Book, key: str, value: Any) -> None:
    """Change a shared JSON setting (logged, travels); an unchanged value writes nothing."""
    text = json.dumps(value, ensure_ascii=False, sort_keys=True)
    if text != _get(book, key):
        _set(book, key, text)


def local_setting(book: Book, key: str, default: str | None = None) -> str | None:
    """A setting of this file on this laptop (never shipped)."""
    value = book.meta(f"local.{key}")
    return default if value is None else value


def set_local_setting(book: Book, key: str, value: str) -> None:
    """Set a setting of this file on this laptop (never shipped), at once."""
    book.set_meta(f"local.{key}", value)
    book.conn.commit()
