"""What a book holds of each origin site, and what its peers hold.

A holding is a gap-free run of an origin's actions, up to a number, either **full** (every
action of that origin) or **scoped** to one village (only the actions about that village:
all a village ever gets of its township's actions, and all it can pass on) or to one
township (a county's corrections of that township's villages: all a township gets of its
county's actions, which serves each of its villages). What a
receiver holds is the only truth about what it lacks: a sender keeps, per peer, what that
peer's newest package said it holds (replaced, never raised by anything else), and sends
what the peer lacks. A laptop restored from a backup, a replaced one or a second one of
the same village states less than before, and its peers send it the rest by themselves.
"""

from __future__ import annotations

import json
from typing import Any

from ..storage.book import Book

FULL = ""  # the scope of a full holding
_TOWNSHIP = "township:"  # begins the scope of one township's part of its county's actions


def township_scope(code: str) -> str:
    """The scope of what concerns the villages of the township ``code`` (9 digits)."""
    return _TOWNSHIP + code


def _serves(holding: str, scope: str) -> bool:
    """Whether a holding in scope ``holding`` holds all that ``scope`` needs: a full one
    serves every scope, a township's serves each of its villages (a township book holds
    only its own villages), any other only itself."""
    return holding in (FULL, scope) or (
        holding.startswith(_TOWNSHIP) and scope != FULL and not scope.startswith(_TOWNSHIP))


def holdings(book: Book) -> dict[tuple[str, str], int]:
    """(origin site, scope) → how far this book holds it without a gap; its own site in
    full, as far as its own actions go; a site it numbered under before a copy or
    restore, as far as it went then (what came back of it since is received)."""
    out = {(site, scope): upto for site, scope, upto in book.conn.execute(
        "SELECT site_id, scope, upto FROM sync_received")}
    previous = json.loads(book.meta("previous_sites") or "[]")
    for site, top in [*((p["site"], p.get("upto") or 0) for p in previous),
                      (book.site_id, book.own_sequence())]:
        if top:  # a site that numbered nothing is not held
            out[(site, FULL)] = max(out.get((site, FULL), 0), top)
    return out


def held(book: Book, scope: str = FULL) -> dict[str, int]:
    """Per origin site, how far this book holds what ``scope`` needs: a full holding
    serves every scope; a village's only that village; a township's each of its villages
    (FULL: full holdings only)."""
    out: dict[str, int] = {}
    for (site, holding_scope), upto in holdings(book).items():
        if _serves(holding_scope, scope):
            out[site] = max(out.get(site, 0), upto)
    return out


def hold(book: Book, site: str, scope: str, upto: int) -> None:
    """This book now holds ``site`` in ``scope`` up to ``upto`` (inside the caller's
    transaction; never lowered)."""
    book.conn.execute(
        "INSERT INTO sync_received (site_id, scope, upto) VALUES (?, ?, ?)"
        " ON CONFLICT(site_id, scope) DO UPDATE SET"
        " upto = max(sync_received.upto, excluded.upto)",
        [site, scope, upto])


def peer_holds(book: Book, installation: str) -> dict[str, int]:
    """What the peer's newest package said it holds, per origin site (of what concerns
    this book's exchange with it)."""
    return dict(book.conn.execute("SELECT site_id, upto FROM sync_acks WHERE peer = ?",
                                  [installation]))


def replace_peer_holds(book: Book, installation: str, stated: dict[str, Any],
                       sender_site: str) -> None:
    """Take what a package of the peer says it holds as the truth about it (inside the
    caller's transaction), unless the package is older than one taken before: its
    sender's own number is below what a newer one stated (a replay). Taking too little
    only costs sending again what the peer then skips; taking too much loses edits."""
    before = peer_holds(book, installation)
    own_top = stated.get(sender_site, 0)  # none yet under a site new since a restore
    if not isinstance(own_top, int) or own_top < before.get(sender_site, 0):
        return
    book.conn.execute("DELETE FROM sync_acks WHERE peer = ?", [installation])
    book.conn.executemany(
        "INSERT INTO sync_acks (peer, site_id, upto) VALUES (?, ?, ?)",
        [(installation, site, upto) for site, upto in stated.items()
         if isinstance(site, str) and isinstance(upto, int) and upto > 0])
