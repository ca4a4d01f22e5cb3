"""Search keys: pinyin initials (zs for 张三) and full pinyin, through pypinyin."""

from __future__ import annotations

from functools import lru_cache

from pypinyin import Style, lazy_pinyin, pinyin


@lru_cache(maxsize=65536)
def initials(text: str) -> str:
    """Pinyin initials of Chinese text, other characters kept lower-case: 张三 → 'zs'."""
    return "".join(lazy_pinyin(text, style=Style.FIRST_LETTER, errors="default")).lower()


@lru_cache(maxsize=65536)
def full_pinyin(text: str) -> str:
    """Toneless pinyin without separators: 张三 → 'zhangsan'."""
    return "".join(lazy_pinyin(text, errors="default")).lower()


@lru_cache(maxsize=65536)
def person_key(name: str) -> str:
    """What a name can be found by: the name, its initials and its full pinyin.

    A surname may be read several ways (曾 zēng/céng, 单 shàn/dān): every reading of
    the first character is indexed so the secretary finds the person whichever she types.
    """
    name = name.strip()
    if not name:
        return ""
    rest_initials = initials(name[1:])
    rest_full = full_pinyin(name[1:])
    keys = [name]
    readings = pinyin(name[0], style=Style.NORMAL, heteronym=True, errors="default")[0]
    for reading in dict.fromkeys(r.lower() for r in readings):
        keys.append(reading[:1] + rest_initials)
        keys.append(reading + rest_full)
    return " ".join(dict.fromkeys(keys))
