"""Derived household columns, recomputed in one place for every household that changes
arrived for (a sync package, a replay): 户主姓名, 家庭人口数 and the search words from the
members; the newest visit and its follow-up date from the visits.

They are stored for listing speed and never logged (``kinds.HOUSEHOLD_DERIVED``): every
replica computes them the same way from the same records, so they agree without travelling.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from .book import Book
from .households import derived
from .visits import latest_visit


def refresh(book: Book, household_ids: Iterable[str]) -> int:
    """Recompute the derived columns of these households (inside the caller's
    transaction); the search index follows through its trigger. Returns how many."""
    conn = book.conn
    count = 0
    for household_id in dict.fromkeys(household_ids):
        row = conn.execute("SELECT * FROM households WHERE id = ?", [household_id])
        names = [d[0] for d in row.description]
        found = row.fetchone()
        if found is None:
            continue
        household = dict(zip(names, found))
        cursor = conn.execute("SELECT * FROM members WHERE household_id = ? ORDER BY position, id",
                              [household_id])
        columns = [d[0] for d in cursor.description]
        members: list[dict[str, Any]] = [dict(zip(columns, r)) for r in cursor]
        values = {**derived(household, members), **latest_visit(conn, household_id)}
        changed = {k: v for k, v in values.items() if household.get(k) != v}
        if changed:
            sets = ", ".join(f"{k} = ?" for k in changed)
            conn.execute(f"UPDATE households SET {sets} WHERE id = ?",
                         [*changed.values(), household_id])
        count += 1
    return count
