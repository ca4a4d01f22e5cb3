"""Who this book is paired with: peers' public keys, kept in the book (``sync_peers``,
never shipped). This installation's own keys stay in the user data folder."""

from __future__ import annotations

from typing import Any

from ..storage.book import Book, now_text
from ..storage.records import rows
from ..storage.village import book_identity
from .keys import PairingCard, SyncError, same_fingerprint


def add_peer(book: Book, card: PairingCard, typed_fingerprint: str | None = None) -> None:
    """Pair with the installation of ``card`` (a village with its township, or back).
    With ``typed_fingerprint`` (read out by phone) a mismatch is refused."""
    if typed_fingerprint is not None and not same_fingerprint(typed_fingerprint,
                                                              card["fingerprint"]):
        raise SyncError("sync.fingerprint_mismatch", expected=card["fingerprint"])
    mine = book_identity(book)["kind"]
    if card["kind"] == mine:
        raise SyncError("sync.same_kind", kind=card["kind"])
    book.conn.execute(
        "INSERT OR REPLACE INTO sync_peers (installation, kind, name, code, sign_key, enc_key,"
        " paired_at) VALUES (?,?,?,?,?,?,?)",
        [card["installation"], card["kind"], card["name"], card["code"], card["sign_key"],
         card["enc_key"], now_text()])
    book.conn.commit()


def peers(book: Book) -> list[dict[str, Any]]:
    return rows(book, "SELECT * FROM sync_peers ORDER BY kind, code", [])


def peer(book: Book, installation: str) -> dict[str, Any]:
    for candidate in peers(book):
        if candidate["installation"] == installation:
            return candidate
    raise SyncError("sync.unpaired")
