"""Resident ID numbers (GB 11643-1999) through python-stdnum.

We refuse only what cannot be a real number: wrong length or characters, a wrong check
character, a birth date that does not exist or lies in the future. An area code that
stdnum does not know for the birth year is a *warning*: real cards keep the code in
force when the number was first issued (see DOMAIN.md), so stdnum's ``validate()``,
which refuses those, is not used.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cache, lru_cache
from types import ModuleType

from .errors import Issue
from .today import current_date


@cache
def _ric() -> ModuleType:
    """python-stdnum's resident ID module, loaded when first needed (its package takes a
    fiftieth of a second, which the window's start need not pay)."""
    from stdnum.cn import ric

    return ric


@cache
def _validation_error() -> type[Exception]:
    from stdnum.exceptions import ValidationError

    return ValidationError


@dataclass(frozen=True)
class ParsedId:
    """A checked 18-character ID number and what it says about its holder."""

    number: str
    birth_date: dt.date
    sex: str  # code of the "sex" list: "1" male, "2" female
    upgraded_from_15: bool = False


def normalize(raw: str) -> str:
    """Strip separators and spaces, full-width digits to ASCII, upper-case the X."""
    # what stdnum's ric.compact does (drop spaces, upper-case), without its generic and
    # slow character cleaning: imports parse every ID twice
    return "".join((raw or "").translate(_FULLWIDTH).split()).upper()


_FULLWIDTH = str.maketrans("０１２３４５６７８９ｘＸ", "0123456789xX")


def upgrade_15(number: str) -> str:
    """Convert an old 15-digit number (all digits) to the 18-character form."""
    body = number[:6] + "19" + number[6:]
    return body + _ric().calc_check_digit(body + "0")


def parse(raw: str, today: dt.date | None = None) -> tuple[ParsedId | None, list[Issue]]:
    """Check an ID number; returns the parsed number (or None) and the issues found.

    Codes: ``id.empty``, ``id.length``, ``id.chars``, ``id.check_char`` (values:
    ``expected``), ``id.birth_date``, ``id.future``; warning ``id.area_unknown``.
    """
    today = today or current_date()
    number = normalize(raw)
    if not number:
        return None, [Issue("id.empty", "id_number")]
    upgraded = False
    if len(number) == 15:
        if not number.isdigit():
            return None, [Issue("id.chars", "id_number", {"value": number})]
        number = upgrade_15(number)
        upgraded = True
    if len(number) != 18:
        return None, [Issue("id.length", "id_number", {"length": len(number)})]
    if not number[:17].isdigit() or not (number[17].isdigit() or number[17] == "X"):
        return None, [Issue("id.chars", "id_number", {"value": number})]
    expected = _ric().calc_check_digit(number)
    if number[17] != expected:
        return None, [
            Issue("id.check_char", "id_number", {"expected": expected, "actual": number[17]})
        ]
    try:  # as ric.get_birth_date, without compacting the number again
        birth = dt.date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        return None, [Issue("id.birth_date", "id_number", {"value": number[6:14]})]
    if birth > today or birth.year < 1880:
        return None, [Issue("id.future" if birth > today else "id.birth_date", "id_number",
                            {"value": birth.isoformat()})]
    issues: list[Issue] = []
    if not _area_in_use(number[:6], number[6:10]):
        issues.append(Issue("id.area_unknown", "id_number", {"area": number[:6]}, "warning"))
    sex = "1" if int(number[16]) % 2 == 1 else "2"
    return ParsedId(number, birth, sex, upgraded), issues


@lru_cache(maxsize=4096)
def _area_in_use(area: str, year: str) -> bool:
    """Whether stdnum knows the area code in that birth year (cached: a village's people
    share a handful of codes, and the lookup dominated an import's time)."""
    body = f"{area}{year}0101001"
    try:
        _ric().get_birth_place(body + _ric().calc_check_digit(body + "0"))
    except _validation_error():
        return False
    return True


def is_clean(number: str, today: dt.date) -> bool:
    """True when a stored 18-character number would pass ``parse`` with no issue at all:
    the fast path of a check over a whole book (``parse`` names the issue of the rest)."""
    if len(number) != 18 or not number[:17].isdigit():
        return False
    if number[17] != _ric().calc_check_digit(number):
        return False
    birth = number[6:14]
    return _real_date(birth) and birth <= today.strftime("%Y%m%d") \
        and _area_in_use(number[:6], number[6:10])


@lru_cache(maxsize=65536)
def _real_date(digits: str) -> bool:
    try:
        return dt.date(int(digits[:4]), int(digits[4:6]), int(digits[6:])).year >= 1880
    except ValueError:
        return False


def mask(number: str) -> str:
    """Mask the middle of an ID for indoor cards: ``110105********002X``."""
    if len(number) < 10:
        return "*" * len(number)
    return number[:6] + "*" * (len(number) - 10) + number[-4:]
