"""A township's book (乡镇有簿): the same program, holding the villages it merges. Its own
identity (name, 9-digit code, county) is kept beside its villages."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from ..core.errors import Issue, ValidationFailed
from .book import Book, create_book
from .village import add_user

_TOWNSHIP_CODE = re.compile(r"^\d{9}$")


def check_township(values: dict[str, Any]) -> list[Issue]:
    issues = []
    if not (values.get("name") or "").strip():
        issues.append(Issue("field.required", "name"))
    if not _TOWNSHIP_CODE.match((values.get("code") or "").strip()):
        issues.append(Issue("township.code", "code", {"value": values.get("code") or ""}))
    if not (values.get("user") or "").strip():
        issues.append(Issue("field.required", "user_name"))
    return issues


def create_township(path: str | Path, values: dict[str, Any]) -> Book:
    """A new township book (name, 9-digit code, county, the first user)."""
    issues = check_township(values)
    if issues:
        raise ValidationFailed(issues)
    user = values["user"].strip()

    def fill(book: Book) -> None:
        with book.writing():
            book.set_meta("book_kind", "township")
            book.set_meta("township_name", values["name"].strip())
            book.set_meta("township_code", values["code"].strip())
            book.set_meta("county", (values.get("county") or "").strip())
        add_user(book, user, values.get("role"))
        book.operator = user

    return create_book(path, fill)


def is_township(book: Book) -> bool:
    return book.meta("book_kind") == "township"
