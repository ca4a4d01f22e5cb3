"""One entry point for every printed document, shared by the window and the CLI: what to
print (a ``PrintRequest``) in, a PDF and a one-line summary out."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..core.errors import InvalidOperation
from ..storage.book import Book, snapshot
from ..storage.queries import active_household_ids

DOCUMENTS = ("cards", "walls", "notice", "register")
TITLES = {"cards": "户卡（明白卡）", "walls": "户内公示牌", "notice": "公示名单",
          "register": "村有册"}
# Documents for the village's own files, with what the public ones never show (ID numbers,
# health): saved from a locked book, they are offered a password of their own.
PERSONAL = frozenset({"cards", "register"})


# Pages and seconds a household takes, measured here on a 300-household demo book
# (`villagebook print … --db`; cards 11 ms, walls 3.3 ms a household on one core): enough
# to tell a person, before anything is made, that a village's cards take minutes.
PER_HOUSEHOLD = {"cards": (1.1, 0.011), "walls": (1.0, 0.0033), "register": (0.04, 0.001)}
# A preview of more households than this shows the first ones only (made in a moment);
# printing and saving make them all.
PREVIEW_HOUSEHOLDS = 20


def estimate(document: str, households: int) -> tuple[int, int]:
    """(pages, seconds) that printing ``households`` households as ``document`` takes,
    about; (0, 0) for a document not made per household."""
    pages, seconds = PER_HOUSEHOLD.get(document, (0.0, 0.0))
    return max(1, round(households * pages)) if pages else 0, round(households * seconds)


@dataclass(frozen=True)
class PrintRequest:
    """What to print. ``household_ids`` None means every active household."""

    document: str
    household_ids: tuple[str, ...] | None = None
    full_ids: bool = False  # cards and register: an archive copy with full ID numbers
    paper: str = "A4"  # walls: A4 or A3 (landscape)
    notice: str = "measures"  # notice: a key of reports.notices.KINDS
    start: str = ""  # notice: the period the records fall in
    end: str = ""
    posted: dt.date | None = None  # notice: first day on the board (today by default)
    days: int = 7  # notice: how long it stays up


def render(book: Book, request: PrintRequest, path: str | Path, *,
           progress: Callable[[int], None] | None = None,
           cancelled: Callable[[], bool] | None = None) -> str:
    """Write the requested document to ``path``; returns what was printed, in Chinese.
    Everything is read from one snapshot of the book, first page to last."""
    with snapshot(book.conn):
        return _render(book, request, path, progress, cancelled)


def _render(book: Book, request: PrintRequest, path: str | Path,
            progress: Callable[[int], None] | None,
            cancelled: Callable[[], bool] | None) -> str:
    ids = (list(request.household_ids) if request.household_ids is not None
           else None)
    if request.document in ("cards", "walls"):
        ids = ids if ids is not None else active_household_ids(book.conn)
        if not ids:
            raise InvalidOperation("print.nothing", what=TITLES[request.document])
        if request.document == "cards":
            from .cards import print_cards

            result = print_cards(book, ids, path, full_ids=request.full_ids,
                                 progress=progress, cancelled=cancelled)
        else:
            from .walls import print_walls

            result = print_walls(book, ids, path, paper=request.paper, progress=progress,
                                 cancelled=cancelled)
        summary = f"{TITLES[request.document]} {result.count} 户"
        if result.skipped:
            summary += (f"；{len(result.skipped)} 户内容过长，无法排版，未打印："
                        + "、".join(result.skipped))
        return summary
    if request.document == "register":
        from .register_pdf import print_register

        count = print_register(book, path, household_ids=ids, full_ids=request.full_ids,
                               cancelled=cancelled)
        return f"村有册 {count} 户"
    if request.document == "notice":
        from .notices import KINDS, print_notice

        count = print_notice(book, request.notice, path, start=request.start,
                             end=request.end, posted=request.posted, days=request.days,
                             cancelled=cancelled)
        return f"{KINDS[request.notice].title} {count} 条"
    raise ValueError(f"unknown document {request.document}")
