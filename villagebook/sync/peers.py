"""Who this book is paired with: peers' public keys, kept in the book (``sync_peers``,
never shipped). This installation's own keys stay in the user data folder.

A pairing is retired, never deleted, when the other computer is replaced, lost or stolen:
its packages are refused from then on (a stolen laptop's key signs nothing that is taken),
no package is made for it, and it waits for nothing; what it sent before stays. Pairing
with it again (its card, its fingerprint) makes it a peer again."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..core.today import now_text
from ..storage.book import Book
from ..storage.levels import pairing_refusal
from ..storage.records import rows
from ..storage.village import book_identity
from .keys import PairingCard, SyncError, same_fingerprint


def add_peer(book: Book, card: PairingCard, typed_fingerprint: str | None = None,
             replacing: Sequence[str] = ()) -> None:
    """Pair with the installation of ``card`` (a village with its township, or back;
    refused in words across or within a level, or with a book whose code lies outside).
    With ``typed_fingerprint`` (read out by phone) a mismatch is refused. The pairings of
    the installations ``replacing`` (the computer it replaces) are retired in the same
    transaction."""
    if typed_fingerprint is not None and not same_fingerprint(typed_fingerprint,
                                                              card["fingerprint"]):
        raise SyncError("sync.fingerprint_mismatch", expected=card["fingerprint"])
    me = book_identity(book)
    refused = pairing_refusal((me["kind"], me["name"], me["code"]),
                              (card["kind"], card["name"], card["code"]))
    if refused is not None:  # a village with its township, a township with its county
        raise SyncError(refused[0], **refused[1])
    for installation in replacing:  # each one an active pairing, before anything is written
        peer(book, installation)
    book.conn.execute(  # pairing again with a retired computer makes it a peer again
        "INSERT OR REPLACE INTO sync_peers (installation, kind, name, code, sign_key, enc_key,"
        " paired_at) VALUES (?,?,?,?,?,?,?)",
        [card["installation"], card["kind"], card["name"], card["code"], card["sign_key"],
         card["enc_key"], now_text()])
    for installation in replacing:
        _retire(book, installation)
    book.conn.commit()


def peers(book: Book, *, retired: bool = False) -> list[dict[str, Any]]:
    """The computers this book exchanges packages with (``retired``: those it no longer
    does), by kind and code."""
    return rows(book, f"SELECT * FROM sync_peers WHERE retired_at IS{' NOT' if retired else ''}"
                      " NULL ORDER BY kind, code, paired_at")


def peer(book: Book, installation: str, received_at: str | None = None) -> dict[str, Any]:
    """A paired computer by its installation id; ``SyncError('sync.unpaired')`` for one
    never paired, ``sync.retired`` for one whose pairing was retired (unless the package
    asked about was received before, ``received_at``: what it sent before stays)."""
    found = rows(book, "SELECT * FROM sync_peers WHERE installation = ?", [installation])
    if not found:
        raise SyncError("sync.unpaired")
    retired = found[0]["retired_at"]
    if retired and not (received_at and received_at <= retired):
        raise SyncError("sync.retired", name=found[0]["name"], peer_code=found[0]["code"],
                        day=found[0]["retired_at"][:10])
    return found[0]


def paired_elsewhere(book: Book, card: PairingCard) -> list[dict[str, Any]]:
    """Other computers this book is paired with for the same village or township as
    ``card`` (its laptop was replaced: the old pairing is to be retired)."""
    return [p for p in peers(book) if p["kind"] == card["kind"] and p["code"] == card["code"]
            and p["installation"] != card["installation"]]


def retire_peer(book: Book, installation: str) -> dict[str, Any]:
    """Retire the pairing with ``installation`` (said in the book: when, by whom); returns
    the peer as it was. ``SyncError`` when it is not an active pairing."""
    found = peer(book, installation)
    _retire(book, installation)
    book.conn.commit()
    return found


def _retire(book: Book, installation: str) -> None:
    book.conn.execute("UPDATE sync_peers SET retired_at = ?, retired_by = ? WHERE"
                      " installation = ?", [now_text(), book.operator or "", installation])
