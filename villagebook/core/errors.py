"""Typed errors with stable codes and values.

The core never words a message for people: it raises (or returns) an ``Issue`` with a
code such as ``id.check_char`` and the values needed to explain it. The window turns
codes into Chinese sentences (``villagebook.ui.messages``), the CLI into short text.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Issue:
    """One problem found in input: an error blocks saving, a warning may be accepted."""

    code: str
    field: str = ""
    values: dict[str, Any] = dataclasses.field(default_factory=dict)
    severity: str = "error"  # "error" or "warning"
    row: int | None = None  # member row (0-based) when the issue is about a member
    subject: str = ""  # the member's name, to name the person in the message

    @property
    def is_error(self) -> bool:
        return self.severity == "error"


class VillagebookError(Exception):
    """Base of every error the core raises on purpose; carries a code and values."""

    code = "error"

    def __init__(self, code: str | None = None, **values: Any) -> None:
        self.code = code or type(self).code
        self.values = values
        super().__init__(f"{self.code} {values}" if values else self.code)


class ValidationFailed(VillagebookError):
    """Input was refused; ``issues`` lists every error (and warning) found."""

    code = "validation.failed"

    def __init__(self, issues: list[Issue]) -> None:
        self.issues = issues
        super().__init__(self.code, count=len(issues))

    @property
    def errors(self) -> list[Issue]:
        return [i for i in self.issues if i.is_error]


class BookError(VillagebookError):
    """The book file cannot be used; ``code`` says why (newer, locked, corrupt…)."""

    code = "book.error"


class NotFound(VillagebookError):
    code = "record.not_found"


class InvalidOperation(VillagebookError):
    """An operation that makes no sense in the record's state (e.g. restore an active member)."""

    code = "record.invalid_operation"


class Cancelled(VillagebookError):
    """A person stopped a long job; nothing it began is left behind."""

    code = "job.cancelled"
