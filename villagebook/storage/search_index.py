"""The household search: what is indexed, and how one typed word becomes SQL.

Each household's ``search_text`` is a list of words: 户编号 and 组, and for each present
member the name, the given name, pinyin initials and full pinyin (every reading of the
surname), and the ID number. ID numbers and 户编号 are also stored reversed behind the
marker ``rv`` so that their endings can be found. A full-text index (FTS5) over these words
answers each typed word as a prefix query, for one character as for eighteen:

- 张, 张三, 三 (given name), zs, zhangs: the beginning of a name or its pinyin;
- 5303, 110105194912: the beginning of an ID number or 户编号;
- 19491231: the birth date inside an ID number;
- 002x, 0123: the end of an ID number or 户编号.

A word that matches few households is answered from the index (``rid IN (…)``). A word
that matches many (张, 5323…) is answered by walking the list in its sort order and
checking each row's words with ``instr``, which stops as soon as a page is full: handing
the sorter a hundred thousand index hits would cost far more (measured: 430 ms against
a few ms at township size). ``search_text`` starts with a space so that ``instr(text,
' ' || word)`` finds word beginnings, exactly as the index's prefix query does.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterable
from typing import Any

from ..core.search_keys import person_terms

REVERSED = "rv"  # no pinyin syllable starts with v, so no name word can begin with "rv"
DENSE = 2000  # a word matching at least this many households is checked row by row
_ID_LIKE = re.compile(r"^[0-9x]+$")


def _present(members: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    return [m for m in members if m.get("status", "active") == "active"]


def _number_words(value: str) -> list[str]:
    value = value.lower()
    return [value, REVERSED + value[::-1]] if value else []


def search_text(household: dict[str, Any], members: list[dict[str, Any]]) -> str:
    """The words of a household that the search box finds it by, lower-case."""
    words = _number_words(household.get("number") or "")
    if household.get("group_name"):
        words.append(household["group_name"])
    for m in _present(members):
        name = (m.get("name") or "").strip()
        words.extend(person_terms(name))
        if len(name) > 1:
            words.append(name[1:])  # the given name alone
        id_number = m.get("id_number") or ""
        words.extend(_number_words(id_number))
        if len(id_number) == 18:
            words.append(id_number[6:14])  # the birth date, also searched for
    return " " + " ".join(dict.fromkeys(w.lower() for w in words if w))


def fts_query(word: str) -> str:
    """The FTS5 query for one typed word (quoted, so nothing in it is syntax)."""
    word = word.lower()
    phrase = '"' + word.replace('"', '""') + '"*'
    if _ID_LIKE.match(word):
        reversed_phrase = '"' + REVERSED + word[::-1] + '"*'
        return f"{phrase} OR {reversed_phrase}"
    return phrase


def is_dense(conn: sqlite3.Connection, word: str) -> bool:
    """Whether a word matches at least ``DENSE`` households (counting stops there)."""
    return conn.execute(
        "SELECT count(*) FROM (SELECT 1 FROM household_fts WHERE household_fts MATCH ? LIMIT ?)",
        [fts_query(word), DENSE]).fetchone()[0] >= DENSE


def word_clause(conn: sqlite3.Connection, word: str) -> tuple[str, list[str]]:
    """SQL restricting ``households`` to those matching one typed word (see the module)."""
    word = word.lower()
    if not is_dense(conn, word):
        return ("rid IN (SELECT rowid FROM household_fts WHERE household_fts MATCH ?)",
                [fts_query(word)])
    if _ID_LIKE.match(word):
        return ("(instr(search_text, ?) > 0 OR instr(search_text, ?) > 0)",
                [" " + word, " " + REVERSED + word[::-1]])
    return "instr(search_text, ?) > 0", [" " + word]
