"""The household search: what is indexed, and how one typed word becomes SQL.

A household is found by what a secretary types, each word as a beginning:

- 张, 张三, 三 (given name), zs, zhangs: a member's name, given name or pinyin;
- 5323, 53232219491231: the beginning of a member's ID number or of the 户编号;
- 19491231: the birth date inside an ID number;
- 002x, 0123: the end of an ID number or 户编号;
- 第1组: the 组.

Where the words live. ``households.search_text`` holds the words (names, pinyin initials
and full pinyin for every reading of the surname, given names, birth dates, 组, and ID
numbers and 户编号 reversed behind the marker ``rv``); a full-text index (FTS5) answers
prefix queries over them. Beginnings of ID numbers and 户编号 are not in it: every ID in a
county starts alike, so a prefix such as 532 names a million distinct words and FTS5 must
merge them all (measured 290 ms just to count); the B-tree indexes on
``members.id_number`` and ``households.number`` answer the same question as a range.

How a word is answered. A word that matches few households is answered from the indexes.
A word that matches many (张, z, 5323…) is answered by walking the list in its sort order
and checking each row, which stops as soon as a page is full: handing the sorter a
hundred thousand hits costs far more (measured 430 ms against a few ms). Both plans give
the same households (a test checks this). ``search_text`` starts with a space, so that
``instr(search_text, ' ' || word)`` finds word beginnings as the prefix query does.
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
_TOP = "\U0010ffff"  # sorts after every character: the end of a prefix range


def _present(members: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    return [m for m in members if m.get("status", "active") == "active"]


def search_text(household: dict[str, Any], members: list[dict[str, Any]]) -> str:
    """The words of a household for the full-text index, lower-case, after a space."""
    number = (household.get("number") or "").lower()
    words = [REVERSED + number[::-1]] if number else []
    if household.get("group_name"):
        words.append(household["group_name"])
    for m in _present(members):
        words.extend(member_words(m))
    return " " + " ".join(dict.fromkeys(w.lower() for w in words if w))


def member_words(member: dict[str, Any]) -> list[str]:
    """What one member can be found by: name, initials, pinyin, given name, ID number
    (reversed, for its ending) and birth date."""
    words: list[str] = []
    name = (member.get("name") or "").strip()
    words.extend(person_terms(name))
    if len(name) > 1:
        words.append(name[1:])  # the given name alone
    id_number = (member.get("id_number") or "").lower()
    if id_number:
        words.append(REVERSED + id_number[::-1])
        if len(id_number) == 18:
            words.append(id_number[6:14])  # the birth date
    return [w.lower() for w in words if w]


def matched_members(conn: sqlite3.Connection, household_ids: list[str], search: str
                    ) -> dict[str, list[str]]:
    """For households a search found: the names of their current members that a typed
    word matches (as the index does: a word begins one of the member's words, or ends
    the ID number), so the list can say whom it found."""
    typed = [w.lower() for w in search.split()]
    if not typed or not household_ids:
        return {}
    out: dict[str, list[str]] = {}
    for start in range(0, len(household_ids), 500):
        chunk = household_ids[start:start + 500]
        for household_id, name, id_number in conn.execute(
                "SELECT household_id, name, id_number FROM members WHERE status = 'active'"
                f" AND household_id IN ({','.join('?' * len(chunk))}) ORDER BY position, id",
                chunk):
            words = member_words({"name": name, "id_number": id_number})
            if any(w.startswith(t) or (_ID_LIKE.match(t) and w.startswith(REVERSED + t[::-1]))
                   for t in typed for w in words):
                out.setdefault(household_id, []).append(name)
    return out


def _phrase(word: str) -> str:
    return '"' + word.replace('"', '""') + '"*'


def fts_query(word: str) -> str:
    """The FTS5 query for one typed word (quoted, so nothing in it is syntax)."""
    word = word.lower()
    if _ID_LIKE.match(word):
        return f"{_phrase(word)} OR {_phrase(REVERSED + word[::-1])}"
    return _phrase(word)


_FTS = "rid IN (SELECT rowid FROM household_fts WHERE household_fts MATCH ?)"
_NUMBER_RANGE = "(number >= ? AND number < ?)"
_ID_RANGE = ("id IN (SELECT household_id FROM members WHERE id_number >= ? AND id_number < ?"
             " AND status = 'active')")
_ID_RANGE_ROW = ("EXISTS (SELECT 1 FROM members m WHERE m.household_id = households.id"
                 " AND m.id_number >= ? AND m.id_number < ? AND m.status = 'active')")


def _count(conn: sqlite3.Connection, sql: str, params: list[str]) -> int:
    return conn.execute(f"SELECT count(*) FROM ({sql} LIMIT {DENSE})", params).fetchone()[0]


def is_dense(conn: sqlite3.Connection, word: str) -> bool:
    """Whether a word matches at least about ``DENSE`` households (each count stops there)."""
    word = word.lower()
    total = _count(conn, "SELECT 1 FROM household_fts WHERE household_fts MATCH ?",
                   [fts_query(word)])
    if _ID_LIKE.match(word):
        total += _count(conn, "SELECT 1 FROM households WHERE number >= ? AND number < ?",
                        [word, word + _TOP])
        upper = word.upper()
        total += _count(conn, "SELECT 1 FROM members WHERE id_number >= ? AND id_number < ?",
                        [upper, upper + _TOP])
    return total >= DENSE


def word_clause(conn: sqlite3.Connection, word: str) -> tuple[str, list[str]]:
    """SQL restricting ``households`` to those matching one typed word (see the module)."""
    word = word.lower()
    dense = is_dense(conn, word)
    if dense:
        text_sql = "instr(search_text, ?) > 0"
        text_params = [" " + word]
        if _ID_LIKE.match(word):
            text_sql = f"({text_sql} OR instr(search_text, ?) > 0)"
            text_params.append(" " + REVERSED + word[::-1])
    else:
        text_sql, text_params = _FTS, [fts_query(word)]
    if not _ID_LIKE.match(word):
        return text_sql, text_params
    id_range = _ID_RANGE_ROW if dense else _ID_RANGE
    return (f"({text_sql} OR {_NUMBER_RANGE} OR {id_range})",
            [*text_params, word, word + _TOP, word.upper(), word.upper() + _TOP])
