"""Derived household columns, recomputed in one place for every household that changes
arrived for (a sync package, a replay): 户主姓名, 家庭人口数 and the search words from the
members; the newest visit and its follow-up date from the visits.

They are stored for listing speed and never logged (``kinds.HOUSEHOLD_DERIVED``): every
replica computes them the same way from the same records, so they agree without travelling.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from .book import Book
from .households import derived
from .visits import latest_visits


def refresh(book: Book, household_ids: Iterable[str]) -> int:
    """Recompute the derived columns of these households (inside the caller's
    transaction); the search index follows through its trigger. Returns how many.
    Read a few hundred households at a time: a package touches whole villages."""
    conn = book.conn
    wanted = list(dict.fromkeys(household_ids))
    count = 0
    for start in range(0, len(wanted), _CHUNK):
        chunk = wanted[start:start + _CHUNK]
        ids = json.dumps(chunk)
        cursor = conn.execute("SELECT * FROM households WHERE id IN"
                              " (SELECT value FROM json_each(?))", [ids])
        names = [d[0] for d in cursor.description]
        households = {row["id"]: row for row in (dict(zip(names, r)) for r in cursor)}
        cursor = conn.execute("SELECT * FROM members WHERE household_id IN"
                              " (SELECT value FROM json_each(?))"
                              " ORDER BY household_id, position, id", [ids])
        columns = [d[0] for d in cursor.description]
        members: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for r in cursor:
            member = dict(zip(columns, r))
            members[member["household_id"]].append(member)
        visits = latest_visits(conn, chunk)
        for household_id in chunk:
            household = households.get(household_id)
            if household is None:
                continue
            values = {**derived(household, members[household_id]), **visits[household_id]}
            changed = {k: v for k, v in values.items() if household.get(k) != v}
            if changed:
                sets = ", ".join(f"{k} = ?" for k in changed)
                conn.execute(f"UPDATE households SET {sets} WHERE id = ?",
                             [*changed.values(), household_id])
            count += 1
    return count


_CHUNK = 500
