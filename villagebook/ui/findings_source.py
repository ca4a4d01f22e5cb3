"""The findings of the warning rules, computed in the background and shared by the pages
that show them (工作台, 预警, the charts), and the tiles that count them by rule."""

from __future__ import annotations

import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QGridLayout, QPushButton

from ..core.messages import QT_TRANSLATE_NOOP
from ..core.rules import RULES, Finding
from ..storage.book import Book
from .jobs import LatestOnly, Progress
from .messages import describe_failure, tr
from .scope import VillageScope

COLOURS = {"error": "#f6d5d5", "warning": "#fbeec4", "reminder": "#e3eefb"}


SEVERITY_WORDS = {"error": QT_TRANSLATE_NOOP("Messages", "Error"),
                  "warning": QT_TRANSLATE_NOOP("Messages", "Warning"),
                  "reminder": QT_TRANSLATE_NOOP("Messages", "Reminder")}


def severity_word(severity: str) -> str:
    return tr(SEVERITY_WORDS[severity])


def fill_tiles(box: QGridLayout, old: dict[str, QPushButton], findings: list[Finding],
               columns: int, clicked: Callable[[str], object], large: bool = False
               ) -> dict[str, QPushButton]:
    """Replace the tiles in ``box``: one per rule that found something, its count, coloured
    by severity, in rule order; ``clicked(rule code)`` on a click. Returns the new tiles."""
    for tile in old.values():
        tile.deleteLater()
    per_rule: dict[str, int] = {}
    for finding in findings:
        per_rule[finding.rule] = per_rule.get(finding.rule, 0) + 1
    tiles: dict[str, QPushButton] = {}
    size = "padding: 8px; font-size: 11pt;" if large else "padding: 6px;"
    for position, rule in enumerate(r for r in RULES if r.code in per_rule):
        tile = QPushButton(f"{tr(rule.title)}\n{per_rule[rule.code]}")
        tile.setToolTip(f"{severity_word(rule.severity)}：{tr(rule.explanation)}")
        tile.setStyleSheet(f"background: {COLOURS[rule.severity]}; {size} text-align: left;")
        tile.clicked.connect(lambda _=False, code=rule.code: clicked(code))
        box.addWidget(tile, position // columns, position % columns)
        tiles[rule.code] = tile
    return tiles


class _Partial(QObject):
    found = Signal(object)


class FindingsSource(QObject):
    """The findings of the book, computed in the background on a connection of their own
    and shared by the pages that show them (工作台 and 预警)."""

    arrived = Signal(object)  # list[Finding]
    progress = Signal(int, int)
    failed = Signal(str)
    partial = Signal(object)  # the findings of one more rule group, while the rest run

    def __init__(self, book: Book, parent: QObject | None = None, *,
                 held: bool = False) -> None:
        super().__init__(parent)
        self.book = book
        self.findings: list[Finding] = []
        self.ready = False
        # held: a refresh asked for waits for ``release`` (the window's first paint)
        self._held, self._wanted = held, False
        self._codes: dict[str, str] = {}  # village id → code, for the village filter
        self._stop = threading.Event()
        self._job = LatestOnly(self)
        self._job.done.connect(self._arrived)
        self._job.failed.connect(lambda error: self.failed.emit(describe_failure(error)))
        self._relay = Progress(self)
        self._relay.step.connect(self.progress.emit)
        self._partial = _Partial(self)  # queued from the worker to this thread
        self._partial.found.connect(self.partial.emit)

    def refresh(self) -> None:
        """Run the rules again in the background (or once released, when held)."""
        if self._held:
            self._wanted = True
            return
        path, relay = self.book.path, self._relay
        # read now, on this thread: the findings may arrive after the book has closed
        self._codes = dict(self.book.conn.execute("SELECT id, code FROM village"))

        self._stop.set()  # an earlier run still going is not wanted any more
        stop = self._stop = threading.Event()

        partial = self._partial

        def work(conn) -> list[Finding]:
            from ..storage.findings import find_all  # on the worker, after the first paint

            return find_all(Book(path, conn), progress=lambda d, t: relay.step.emit(d, t),
                            cancelled=stop.is_set, each=partial.found.emit)

        self._job.submit_reading(path, work)

    def release(self) -> None:
        """Let a held source run the refresh asked for meanwhile (if the book is open)."""
        self._held = False
        if self._wanted and not self.book.closed:
            self._wanted = False
            self.refresh()

    def stop(self) -> None:
        """Stop the rules after the group running now (the window is closing)."""
        self._stop.set()

    def _arrived(self, findings: list[Finding]) -> None:
        if self.book.closed:  # the window's book closed while the rules ran
            return
        self.findings, self.ready = findings, True
        self.arrived.emit(findings)

    def forget(self, finding: Finding) -> None:
        """A finding accepted: gone from what every page shows."""
        self.findings = [f for f in self.findings if f is not finding]
        self.arrived.emit(self.findings)

    def in_scope(self, scope: VillageScope, findings: list[Finding] | None = None
                 ) -> list[Finding]:
        """The findings (all found, or those given) of the village the filter shows (all
        of them in a village's book)."""
        findings = self.findings if findings is None else findings
        if scope.village_id:
            code = self._codes.get(scope.village_id)
            return [f for f in findings if code and f.village_code == code]
        if scope.township_code:  # a county's book: one township's villages
            return [f for f in findings
                    if (f.village_code or "").startswith(scope.township_code)]
        return findings
