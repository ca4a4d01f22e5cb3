"""Code lists (resources/codes/codes.json): stable codes stored in the book, Chinese labels shown."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache

from ..paths import resources_dir
from .search_keys import initials


@dataclass(frozen=True)
class Code:
    code: str
    label: str
    initials: str  # pinyin initials of the label, for typing 'yb' to find 因病
    retired: bool = False


@cache
def _all() -> dict[str, tuple[Code, ...]]:
    path = resources_dir() / "codes" / "codes.json"
    raw = json.loads(path.read_text(encoding="utf-8"))
    return {
        name: tuple(Code(e["code"], e["label"], initials(e["label"]), e.get("retired", False))
                    for e in entries)
        for name, entries in raw.items()
        if not name.startswith("_")
    }


def code_list(name: str) -> tuple[Code, ...]:
    """All codes of one list, in display order; KeyError for an unknown list."""
    return _all()[name]


def label(list_name: str, code: str | None) -> str:
    """The label of a code, '' for an empty code, the code itself if unknown."""
    if not code:
        return ""
    for entry in code_list(list_name):
        if entry.code == code:
            return entry.label
    return code


def is_valid(list_name: str, code: str) -> bool:
    return any(entry.code == code for entry in code_list(list_name))
