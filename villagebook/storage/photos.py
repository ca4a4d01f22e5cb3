"""Photos of a visit. The window reduces a photo before it arrives here (a long side of at
most ``MAX_SIDE`` pixels, JPEG); storage accepts only JPEG or PNG content of a sensible
size, so a photo never bloats the book that travels to the township."""

from __future__ import annotations

from typing import Any

from ..core.errors import Issue, ValidationFailed
from . import records
from .book import Book

MAX_SIDE = 1600
MAX_BYTES = 2 * 1024 * 1024
_MAGIC = {"image/jpeg": b"\xff\xd8\xff", "image/png": b"\x89PNG\r\n\x1a\n"}


def add_photo(book: Book, visit_id: str, data: bytes, mime: str, width: int, height: int,
              file_name: str | None = None) -> str:
    """Keep a (reduced) photo with its visit; one saved action."""
    issues = []
    if mime not in _MAGIC or not data.startswith(_MAGIC[mime]):
        issues.append(Issue("photo.not_image", "photo", {"name": file_name or ""}))
    elif len(data) > MAX_BYTES or max(width, height) > MAX_SIDE:
        issues.append(Issue("photo.too_large", "photo", {"name": file_name or ""}))
    visit = records.get(book, "visits", visit_id)
    if issues:
        raise ValidationFailed(issues)
    with book.action("photo.create") as writer:
        return writer.insert("visit_photos", {
            "visit_id": visit_id, "household_id": visit["household_id"], "image": data,
            "mime": mime, "width": width, "height": height, "file_name": file_name,
            "status": "active"}, visit["household_id"])


def list_photos(book: Book, visit_id: str) -> list[dict[str, Any]]:
    """The visit's photos, without their content (see ``photo_data``)."""
    return records.rows(book, "SELECT id, mime, width, height, file_name, created_at"
                              " FROM visit_photos WHERE visit_id = ? AND status = 'active'"
                              " ORDER BY created_at", [visit_id])


def photo_data(book: Book, photo_id: str) -> bytes:
    """The stored image of a visit photo (JPEG bytes)."""
    return book.conn.execute("SELECT image FROM visit_photos WHERE id = ?",
                             [photo_id]).fetchone()[0]


def remove_photo(book: Book, photo_id: str) -> None:
    """Take a photo off its visit (kept, restorable; logged)."""
    records.set_removed(book, "visit_photos", "photo", photo_id, True)
