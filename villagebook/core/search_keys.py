"""Search keys: a name's pinyin initials (zs for 张三) and full pinyin, through pypinyin."""

from __future__ import annotations

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
