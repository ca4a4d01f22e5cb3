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
    retired: bool = False
    public_label: str | None = None  # printed on public sheets instead of a revealing label

    @property
    def initials(self) -> str:
        """Pinyin initials of the label, for typing 'yb' to find 因病 (computed when first
        typed: pypinyin loads then, not when the window starts)."""
        return initials(self.label)


@cache
def _all() -> dict[str, tuple[Code, ...]]:
    path = resources_dir() / "codes" / "codes.json"
    raw = json.loads(path.read_text(encoding="utf-8"))
    return {
        name: tuple(Code(e["code"], e["label"], e.get("retired", False), e.get("public_label"))
                    for e in entries)
        for name, entries in raw.items()
        if not name.startswith("_")
    }


def list_names() -> tuple[str, ...]:
    """The names of every code list."""
    return tuple(_all())


def code_list(name: str) -> tuple[Code, ...]:
    """All codes of one list, in display order; KeyError for an unknown list."""
    return _all()[name]


@cache
def _by_code(list_name: str) -> dict[str, Code]:
    return {entry.code: entry for entry in code_list(list_name)}


def label(list_name: str, code: str | None) -> str:
    """The label of a code, '' for an empty code, the code itself if unknown."""
    if not code:
        return ""
    entry = _by_code(list_name).get(code)
    return entry.label if entry is not None else code


def public_label(list_name: str, code: str | None) -> str:
    """The label for a sheet the public sees: a label that would reveal health or
    disability (健康帮扶) is replaced by its neutral ``public_label``."""
    entry = _by_code(list_name).get(code) if code else None
    if entry is not None:
        return entry.public_label or entry.label
    return label(list_name, code)


def is_valid(list_name: str, code: str) -> bool:
    return code in _by_code(list_name)


@cache
def vocabulary(list_name: str) -> dict[str, str]:
    """Words villages write for a list's entries (resources/codes/vocabulary.json) → code.
    Words that are already a label or code of the list are left to the list itself."""
    path = resources_dir() / "codes" / "vocabulary.json"
    words = json.loads(path.read_text(encoding="utf-8")).get(list_name, {})
    own = {e.label for e in code_list(list_name)} | {e.code for e in code_list(list_name)}
    return {word: code for word, code in words.items() if word not in own}


@dataclass(frozen=True)
class Numbering:
    """Another numbering of a code list (GB/T 4761's family relations…): its name for
    people and its numbers mapped to the list's codes."""

    key: str
    label: str
    codes: dict[str, str]


@cache
def numberings(list_name: str) -> dict[str, Numbering]:
    """The other numberings of a list that lists in villages use (numberings.json)."""
    path = resources_dir() / "codes" / "numberings.json"
    raw = json.loads(path.read_text(encoding="utf-8")).get(list_name, {})
    return {key: Numbering(key, value["label"], dict(value["codes"]))
            for key, value in raw.items()}


def warm_up() -> None:
    """Load pypinyin and read the code lists' initials ahead of need (a background thread
    after the window shows), so the first household window opens without the wait."""
    for name in list_names():
        for entry in code_list(name):
            _ = entry.initials
