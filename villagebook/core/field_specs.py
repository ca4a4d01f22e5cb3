"""Record fields (resources/codes/fields.json) and conversion of typed input to stored values.

Stored values are plain SQLite values: text, integers (years, months, 0/1 flags, money in
fen — never binary floats), ISO dates as text, multi-code fields as comma-joined codes.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import cache
from typing import Any

from ..paths import resources_dir
from .dates import parse_date
from .errors import Issue
from .today import current_date

HOUSEHOLD = "household"
MEMBER = "member"
# kinds whose values are chosen from records of the book (a household's members, the
# village's helpers), not from a code list: stored as the chosen record's id
CHOICE_KINDS = ("member", "helper")


@dataclass(frozen=True)
class FieldSpec:
    name: str
    kind: str  # text, phone, id, member, code, codes, date, year, months, int, bool, money,
    # decimal
    zh: str
    en: str
    codes: str | None = None
    required: bool = False
    future: bool = False  # a date that may lie ahead (an end or due date)
    max_length: int | None = None  # text: at most this many characters


@cache
def _load() -> dict[str, tuple[FieldSpec, ...]]:
    raw = json.loads((resources_dir() / "codes" / "fields.json").read_text(encoding="utf-8"))
    return {
        record: tuple(FieldSpec(**entry) for entry in entries)
        for record, entries in raw.items()
        if not record.startswith("_")
    }


def fields(record: str) -> tuple[FieldSpec, ...]:
    """The fields a person edits on a record (``household`` or ``member``)."""
    return _load()[record]


def state_fields(record: str) -> tuple[FieldSpec, ...]:
    """Fields kept by the program: status, removal event, derived values."""
    return _load()[f"{record}_state"]


def field(record: str, name: str) -> FieldSpec:
    for spec in fields(record) + state_fields(record):
        if spec.name == name:
            return spec
    raise KeyError(f"{record}.{name}")


def label(record: str, name: str, language: str = "zh") -> str:
    spec = field(record, name)
    return spec.zh if language == "zh" else spec.en


_MONEY = re.compile(r"^-?\d+(\.\d{1,2})?$")


def parse_money(text: str) -> int:
    """'1,234.5' → 123450 fen; raises ValueError for anything else."""
    cleaned = text.replace(",", "").replace("，", "").replace("元", "").strip()
    if not _MONEY.match(cleaned):
        raise ValueError(text)
    return int(Decimal(cleaned) * 100)


def format_money(fen: int | None, grouped: bool = False) -> str:
    """123450 → '1234.50' (grouped: '1,234.50', for totals a person reads)."""
    if fen is None:
        return ""
    sign = "-" if fen < 0 else ""
    yuan = f"{abs(fen) // 100:,}" if grouped else str(abs(fen) // 100)
    return f"{sign}{yuan}.{abs(fen) % 100:02d}"


def format_decimal(number: Decimal | int | str) -> str:
    """The stored form of a decimal quantity: no exponent, no trailing zeros ('14', '2.5')."""
    return format(Decimal(str(number)).normalize(), "f")


def too_long(spec: FieldSpec, text: str) -> Issue:
    """The issue of a text longer than its field allows (naming both lengths)."""
    return Issue("text.too_long", spec.name, {"length": len(text), "max": spec.max_length})


# what a yes/no field's text means (lower-case)
BOOL_WORDS = {**dict.fromkeys(("1", "是", "true", "yes", "y", "有"), 1),
              **dict.fromkeys(("0", "否", "false", "no", "n", "无"), 0)}


def convert(spec: FieldSpec, value: Any, today: dt.date | None = None) -> tuple[Any, Issue | None]:
    """Turn what was typed (text or an already-typed value) into the stored value.

    Returns ``(value, None)`` or ``(None, issue)``. Empty input is ``None``; a required
    empty field is reported by validation, not here.
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        return None, None
    kind = spec.kind
    text = value.strip() if isinstance(value, str) else value
    try:
        if kind in ("text", "phone", "id") or kind in CHOICE_KINDS:
            text = str(text)
            if spec.max_length is not None and len(text) > spec.max_length:
                return None, too_long(spec, text)
            return text, None
        if kind == "code":
            return str(text), None
        if kind == "codes":
            items = text if isinstance(text, (list, tuple)) else str(text).split(",")
            return ",".join(dict.fromkeys(c.strip() for c in items if c.strip())) or None, None
        if kind == "bool":
            if isinstance(text, bool) or isinstance(text, int):
                return int(bool(text)), None
            flag = BOOL_WORDS.get(str(text).lower())
            if flag is None:
                raise ValueError(text)
            return flag, None
        if kind == "date":
            day = text if isinstance(text, dt.date) else parse_date(str(text))
            if day > (today or current_date()) and not spec.future:
                return None, Issue("date.future", spec.name, {"value": day.isoformat()})
            return day.isoformat(), None
        if kind == "year":
            year = int(text)
            if not 1949 <= year <= (today or current_date()).year + 1:
                return None, Issue("year.range", spec.name, {"value": year})
            return year, None
        if kind == "months":
            months = int(text)
            if not 0 <= months <= 12:
                return None, Issue("months.range", spec.name, {"value": months})
            return months, None
        if kind == "int":
            return int(text), None
        if kind == "money":
            fen = text if isinstance(text, int) else parse_money(str(text))
            if fen < 0:
                return None, Issue("money.negative", spec.name, {"value": format_money(fen)})
            if fen > 100_000_000_00:  # a hundred million yuan: surely a typing slip
                return None, Issue("money.absurd", spec.name, {"value": format_money(fen)})
            return fen, None
        if kind == "decimal":
            number = Decimal(str(text))
            if number < 0 or number > 100000:
                return None, Issue("decimal.range", spec.name, {"value": str(text)})
            return format_decimal(number), None
    except (ValueError, InvalidOperation, TypeError):
        return None, Issue(f"{kind}.invalid", spec.name, {"value": str(value)})
    raise ValueError(f"unknown field kind {kind}")
