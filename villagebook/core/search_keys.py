"""Search keys: a name's pinyin initials (zs for 张三) and full pinyin, through pypinyin."""

from __future__ import annotations

import re
from functools import cache, lru_cache
from types import ModuleType


@cache
def _pypinyin() -> ModuleType:
    """pypinyin, loaded on first use: its phrase tables take a tenth of a second, which
    the window's start should not pay before anyone searches or types a code."""
    import pypinyin

    return pypinyin


@lru_cache(maxsize=65536)
def initials(text: str) -> str:
    """Pinyin initials of Chinese text, other characters kept lower-case: 张三 → 'zs'."""
    py = _pypinyin()
    return "".join(py.lazy_pinyin(text, style=py.Style.FIRST_LETTER, errors="default")).lower()


@lru_cache(maxsize=65536)
def full_pinyin(text: str) -> str:
    """Toneless full pinyin of Chinese text, run together: 否 → 'fou', 因病 → 'yinbing'."""
    py = _pypinyin()
    return "".join(py.lazy_pinyin(text, style=py.Style.NORMAL, errors="default")).lower()


@lru_cache(maxsize=8192)
def _char_readings(char: str) -> tuple[str, ...]:
    """Every toneless reading of one character (曾 → zeng, ceng); the character itself if none."""
    py = _pypinyin()
    readings = py.pinyin(char, style=py.Style.NORMAL, heteronym=True, errors="default")[0]
    return tuple(dict.fromkeys(r.lower() for r in readings)) or (char,)


@lru_cache(maxsize=65536)
def person_terms(name: str) -> tuple[str, ...]:
    """What a name can be found by: the name, its initials and its full pinyin.

    A surname may be read several ways (曾 zēng/céng, 单 shàn/dān): every reading of
    the first character is indexed so the secretary finds the person whichever she types.
    Given names are read character by character (cached), which is what names are.
    """
    name = name.strip()
    if not name:
        return ()
    rest = [_char_readings(c)[0] for c in name[1:]]
    rest_initials = "".join(r[:1] for r in rest)
    rest_full = "".join(rest)
    terms = [name]
    for reading in _char_readings(name[0]):
        terms.append(reading[:1] + rest_initials)
        terms.append(reading + rest_full)
    return tuple(dict.fromkeys(t.lower() for t in terms))


def person_key(name: str) -> str:
    """The terms of a name as one string, for substring search."""
    return " ".join(person_terms(name))


@cache
def _surnames() -> dict[str, str]:
    """Surnames read otherwise than their character's first reading (data: surnames.json),
    longest first so that 万俟 wins over 万."""
    import json

    from ..paths import resources_dir

    raw = json.loads((resources_dir() / "codes" / "surnames.json").read_text(encoding="utf-8"))
    words = {k: v for k, v in raw.items() if not k.startswith("_")}
    return dict(sorted(words.items(), key=lambda kv: -len(kv[0])))


@lru_cache(maxsize=65536)
def name_sort_key(name: str | None) -> str | None:
    """A name's key for sorting lists by pinyin, its surname read as a surname (曾华 →
    'zeng hua' then the name itself, after a \\x01): stored beside the name so that a
    sorted page stays an index walk at township size."""
    name = (name or "").strip()
    if not name:
        return None
    head, rest = "", name
    for surname, reading in _surnames().items():
        if name.startswith(surname) and len(name) > len(surname):
            head, rest = reading + " ", name[len(surname):]
            break
    # read character by character, as names are (and as the search reads them)
    syllables = " ".join(_char_readings(c)[0] for c in rest)
    return head + syllables + "\x01" + name


_CHINESE_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
                   "六": 6, "七": 7, "八": 8, "九": 9}
_NUMBER_RUN = re.compile(r"[0-9]+|[零〇一二两三四五六七八九十百]+")


def _chinese_number(text: str) -> int | None:
    """一 → 1, 十二 → 12, 二十 → 20, 一百零五 → 105, 一二 → 12; None when it is no number."""
    if all(c in _CHINESE_DIGITS for c in text):
        return int("".join(str(_CHINESE_DIGITS[c]) for c in text))
    total, digit = 0, None
    for char, unit in ((c, {"十": 10, "百": 100}.get(c)) for c in text):
        if unit is None:
            if digit is not None:
                return None  # two digits in a row inside a number with units
            digit = _CHINESE_DIGITS[char]
            continue
        total += (1 if digit is None else digit) * unit
        digit = None
    return total + (digit or 0)


def group_sort_key(group: str | None) -> str | None:
    """A 组's key for sorting: its numbers padded, in figures or in Chinese (第2组 before
    第10组, 二组 before 十组)."""
    if not group:
        return None

    def padded(match: re.Match[str]) -> str:
        run = match.group(0)
        number = int(run) if run.isdigit() else _chinese_number(run)
        return run if number is None else f"{number:06d}"

    return _NUMBER_RUN.sub(padded, group.strip())
