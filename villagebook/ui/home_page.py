"""工作台: the first page, what to do today. It shows with the window and fills in as the
findings arrive from the background: a tile per rule (a click opens the 预警 list of that
rule), the households most in need of attention, what falls due this week (follow-ups and
problem deadlines), and the overdue loans and problems."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..core.messages import QT_TRANSLATE_NOOP
from ..core.rules import BY_CODE, SEVERITIES, Finding
from ..core.today import current_date
from ..storage.book import Book
from ..storage.problems import DONE
from ..storage.village import book_identity, in_villages
from ..storage.visits import follow_ups_due
from .findings_source import FindingsSource, fill_tiles
from .messages import describe, tr
from .scope import VillageScope
from .tables import fit_columns, list_table

MOST = 10  # households listed as most in need of attention
OVERDUE_RULES = ("loan.overdue", "problem.overdue")
KIND_WORDS = {"follow_up": QT_TRANSLATE_NOOP("Messages", "Follow-up"),
              "deadline": QT_TRANSLATE_NOOP("Messages", "Problem deadline")}


def _fill(table: QTableWidget, rows: list[list[Any]], keys: list[Any]) -> None:
    """Rows of text; each row keeps what it opens (``keys``): a household id, or a
    (side page, record id) pair for a problem of no household."""
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            item = QTableWidgetItem("" if value is None else str(value))
            item.setData(Qt.ItemDataRole.UserRole, keys[r])
            table.setItem(r, c, item)
    fit_columns(table)


class HomePage(QWidget):
    open_household = Signal(str)
    open_record = Signal(str, str)  # a problem of no household: its page and id
    show_rule = Signal(str)  # a tile asks for the 预警 list of one rule

    def __init__(self, book: Book, source: FindingsSource, parent: QWidget | None = None,
                 scope: VillageScope | None = None) -> None:
        super().__init__(parent)
        self.book = book
        self.source = source
        self.scope = scope or VillageScope()
        layout = QVBoxLayout(self)
        self.heading = QLabel()
        layout.addWidget(self.heading)
        self.state = QLabel(self.tr("Checking the book…"))
        layout.addWidget(self.state)
        self.tiles_box = QGridLayout()
        layout.addLayout(self.tiles_box)
        self.tiles: dict[str, QPushButton] = {}
        lists = QHBoxLayout()
        left, right = QVBoxLayout(), QVBoxLayout()
        left.addWidget(QLabel(self.tr("<b>Households most in need of attention</b>")))
        self.households = list_table([self.tr("Household number"), self.tr("Head"),
                                  self.tr("Errors"), self.tr("Warnings"), self.tr("Reminders")])
        left.addWidget(self.households)
        right.addWidget(QLabel(self.tr("<b>Due now or within seven days</b>")))
        self.due = list_table([self.tr("Date"), self.tr("What"), self.tr("Household number"),
                           self.tr("Details")])
        right.addWidget(self.due)
        right.addWidget(QLabel(self.tr("<b>Overdue loans and problems</b>")))
        self.overdue = list_table([self.tr("Finding"), self.tr("Household number"), self.tr("Head"),
                               self.tr("Details")])
        right.addWidget(self.overdue)
        lists.addLayout(left, 2)
        lists.addLayout(right, 3)
        layout.addLayout(lists, 1)
        for table in (self.households, self.due, self.overdue):
            table.doubleClicked.connect(lambda index, t=table: self._open(t, index.row()))
        source.arrived.connect(lambda _findings: self.show_findings())
        source.partial.connect(self._first_counts)
        self._so_far: list[Finding] = []
        source.failed.connect(lambda text: self.state.setText("✖ " + text))
        source.progress.connect(lambda done, total: self.state.setText(
            self.tr("Checking the book… {done} of {total} rule groups").format(
                done=done, total=total)))

    def refresh(self, today: dt.date | None = None) -> None:
        """What falls due is read now (quick); the findings are computed in the background
        and fill the tiles and lists when they arrive."""
        today = today or current_date()
        name = book_identity(self.book)["name"]
        heading = self.tr("Today")
        self.heading.setText(f"<h2>{name} {heading} {today.isoformat()}</h2>")
        self._fill_due(today)
        if self.source.ready:
            self.show_findings()
        self._so_far = []
        self.source.refresh()

    def _first_counts(self, findings: list[Finding]) -> None:
        """Tiles from the rule groups done so far: the first figures come before the
        slowest rule finishes (the lists follow when all are done). Once a full count is
        shown, it stays until the next full count replaces it."""
        if self.book.closed or self.source.ready:
            return
        self._so_far.extend(findings)
        self._fill_tiles(self.source.in_scope(self.scope, self._so_far))

    def _fill_due(self, today: dt.date) -> None:
        week = today + dt.timedelta(days=7)
        rows: list[tuple[str, str, str | None, str, Any]] = []
        for visit in follow_ups_due(self.book, week, **self.scope.chosen(), limit=200):
            rows.append((visit["follow_up_date"], "follow_up", visit["household_number"],
                         visit["agreed"] or "", visit["household_id"]))
        village, village_params = in_villages("p.village_id", **self.scope.chosen())
        for problem in self.book.conn.execute(
                "SELECT p.deadline, h.number, p.problem, p.household_id, p.id FROM problems p"
                " LEFT JOIN households h ON h.id = p.household_id WHERE p.status = 'active'"
                f" AND p.progress != ? AND p.deadline BETWEEN ? AND ? AND {village} LIMIT 200",
                [DONE, today.isoformat(), week.isoformat(), *village_params]):
            rows.append((problem[0], "deadline", problem[1], problem[2],
                         problem[3] or ("problems", problem[4])))
        rows.sort(key=lambda r: r[0])
        _fill(self.due, [[d, tr(KIND_WORDS[k]), n or "", text] for d, k, n, text, _ in rows],
              [r[4] for r in rows])

    def show_findings(self) -> None:
        findings = self.source.in_scope(self.scope)
        counts = {s: sum(1 for f in findings if f.severity == s) for s in SEVERITIES}
        self.state.setText(self.tr("<b>{errors} errors, {warnings} warnings, {reminders} "
                                   "reminders</b>").format(
            errors=counts["error"], warnings=counts["warning"], reminders=counts["reminder"]))
        self._fill_tiles(findings)
        self._fill_households(findings)
        late = [f for f in findings if f.rule in OVERDUE_RULES]
        _fill(self.overdue, [[tr(BY_CODE[f.rule].title),
                              f.household_number or "", f.head_name or "",
                              describe(f.issue(), with_subject=False)] for f in late],
              [f.household_id or ("problems", f.record_id) for f in late])

    def _fill_households(self, findings: list[Finding]) -> None:
        per: dict[str, dict[str, Any]] = {}
        for f in findings:
            if f.household_id is None:
                continue
            entry = per.setdefault(f.household_id, {"number": f.household_number,
                                                    "head": f.head_name,
                                                    **{s: 0 for s in SEVERITIES}})
            entry[f.severity] += 1
        # an error outweighs any number of warnings, a warning any number of reminders
        ranked = sorted(per.items(), key=lambda item: (
            *(-item[1][s] for s in SEVERITIES), item[1]["number"]))
        ranked = ranked[:MOST]
        _fill(self.households, [[e["number"], e["head"], e["error"], e["warning"],
                                 e["reminder"]] for _, e in ranked],
              [household_id for household_id, _ in ranked])

    def _fill_tiles(self, findings: list[Finding]) -> None:
        self.tiles = fill_tiles(self.tiles_box, self.tiles, findings, 5, self.show_rule.emit,
                                large=True)

    def _open(self, table: QTableWidget, row: int) -> None:
        item = table.item(row, 0)
        key = item.data(Qt.ItemDataRole.UserRole) if item else None
        if isinstance(key, (tuple, list)) and key[1]:
            self.open_record.emit(key[0], key[1])
        elif key:
            self.open_household.emit(key)
