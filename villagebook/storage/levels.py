"""The levels of books: a village's (its 12-digit 行政区划代码), a township's (9 digits) and,
above them, a county's (6 digits). A village belongs to the township whose 9 digits begin
its code, a township to the county whose 6 digits begin its code. Every layer that asks
what a book is reads its level here (``Book.level``), and pairing follows the levels: a
village pairs with its township, a township with its county, never within a level nor
across one."""

from __future__ import annotations

VILLAGE, TOWNSHIP, COUNTY = "village", "township", "county"
LEVELS = (VILLAGE, TOWNSHIP, COUNTY)  # from the bottom up
CODE_DIGITS = {VILLAGE: 12, TOWNSHIP: 9, COUNTY: 6}


def level_above(level: str) -> str | None:
    """The level a book of ``level`` reports to (None for a county)."""
    index = LEVELS.index(level)
    return LEVELS[index + 1] if index + 1 < len(LEVELS) else None


def level_below(level: str) -> str | None:
    """The level whose books report to a book of ``level`` (None for a village)."""
    index = LEVELS.index(level)
    return LEVELS[index - 1] if index > 0 else None


def pairing_refusal(mine: tuple[str, str, str], theirs: tuple[str, str, str]
                    ) -> tuple[str, dict[str, str]] | None:
    """Why two books may not pair, as an issue code and its values (None: they may).
    Each side is (level, name, code): a village and the township its code lies in, a
    township and the county its code lies in."""
    if mine[0] == theirs[0]:
        return "sync.same_kind", {"kind": mine[0]}
    lower, higher = sorted((mine, theirs), key=lambda side: LEVELS.index(side[0]))
    if level_above(lower[0]) != higher[0]:
        return "sync.levels_apart", {"name": theirs[1], "card_code": theirs[2]}
    if not lower[2].startswith(higher[2]):
        return "sync.not_within", {"lower": lower[1], "lower_code": lower[2],
                                   "higher": higher[1], "higher_code": higher[2]}
    return None
