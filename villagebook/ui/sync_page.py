"""同步: the village's file to the township and the township's answer, in words.

For a village book: this laptop's fingerprint, pairing with the township, what was sent
and acknowledged, what waits to be sent, 导出同步包 and 导入乡镇回执/更正. For a township
book: the same, with each paired village side by side. Both list the conflicts and the
same-person findings that wait for a person. Keys and sequences stay out of sight.
"""

from __future__ import annotations

import datetime as dt
import json
import threading
from collections import Counter
from pathlib import Path
from typing import Any, TypedDict

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..core import codes
from ..core.clock import decode
from ..core.errors import Issue, VillagebookError
from ..core.messages import describe_plain
from ..core.today import current_date
from ..storage import open_book
from ..storage.book import Book
from ..storage.kinds import kind
from ..storage.levels import COUNTY, TOWNSHIP, VILLAGE, level_below
from ..storage.township import SUMMARY_CATEGORIES
from ..storage.village import book_identity
from ..sync.apply import Outcome, accept_held, import_files, package_files
from ..sync.decide import (
    PeerStatus,
    mark_same_person,
    open_conflicts,
    resolve_conflict,
    same_person_findings,
    status,
)
from ..sync.export import export_packages
from ..sync.keys import PairingCard, load_keys, pairing_card, read_card, write_card
from ..sync.peers import add_peer, paired_elsewhere, peers, retire_peer
from . import i18n
from .dialogs import attempt, error_label
from .history import format_value
from .jobs import LatestOnly
from .messages import describe_failure
from .tables import fit_columns, list_table

SHOW_AFTER_MS = 600
SHOWN = 200  # rows of the conflict and same-person lists at a time


def _day(stamp: str | None) -> str:
    """'2026-03-12T…' → 3月12日 (this year) or 2025年3月12日."""
    if not stamp:
        return ""
    day = dt.date.fromisoformat(stamp[:10])
    if day.year == current_date().year:
        return f"{day.month}月{day.day}日"
    return f"{day.year}年{day.month}月{day.day}日"


def _stamp_day(stamp: str | None) -> str:
    """The day a change was made, from its stamp (milliseconds since 1970, in hex)."""
    if not stamp:
        return ""
    ms = decode(stamp)[0]
    return _day(dt.datetime.fromtimestamp(ms / 1000).date().isoformat())


def _item(text: Any) -> QTableWidgetItem:
    item = QTableWidgetItem("" if text is None else str(text))
    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
    return item


def _fill(table: QTableWidget, rows: list[list[Any]]) -> None:
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            table.setItem(r, c, _item(value))
    fit_columns(table)
    # as tall as its rows (a few at least, at most a screenful), not a sea of white
    shown = min(max(len(rows), 2), 12)
    table.setFixedHeight(table.horizontalHeader().height() + 4
                         + shown * table.verticalHeader().defaultSectionSize())


def _button(text: str, action: Any) -> QPushButton:
    button = QPushButton(text)
    button.clicked.connect(action)
    return button


def _row(*widgets: QWidget) -> QHBoxLayout:
    """Buttons side by side, from the left."""
    row = QHBoxLayout()
    for widget in widgets:
        row.addWidget(widget)
    row.addStretch(1)
    return row


class SyncPage(QWidget):
    """The 同步 page of the main window."""

    changed = Signal()  # records arrived: the lists of the window refresh
    open_household = Signal(str)  # a household to work on (a person registered twice)

    def __init__(self, book: Book, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.book = book
        self.identity = book_identity(book)
        self.township = book.holds_villages  # a township's or a county's: many villages
        # the books below this one (its villages, a county's townships), listed side by side
        self.below = level_below(book.level)
        self.outcomes: list[Outcome] = []
        self._job: LatestOnly | None = None
        self.keys = load_keys()  # this installation's, for the whole session
        body = QWidget()
        layout = QVBoxLayout(body)
        self.fingerprint = QLabel()
        self.fingerprint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.fingerprint)
        self.card_button = _button(self.tr("Save this computer's pairing file…"),
                                   lambda: self.save_card())
        pair_with = {VILLAGE: self.tr("Pair with the township…"),
                     TOWNSHIP: self.tr("Pair with a village or the county…"),
                     COUNTY: self.tr("Pair with a township…")}[book.level]
        self.accept_button = _button(pair_with, lambda: self.accept_card())
        self.retire_button = _button(self.tr("Retire a pairing…"), lambda: self.retire())
        self.retire_button.setToolTip(self.tr(
            "When the other side's computer is replaced, lost or stolen: its packages are "
            "refused from then on"))
        layout.addLayout(_row(self.card_button, self.accept_button, self.retire_button))
        self.clock_button = _button(self.tr("Accept a package from a clock that ran ahead…"),
                                    lambda: self.accept_clock_ahead())
        self.clock_button.setVisible(False)  # only while such a package is kept
        layout.addLayout(_row(self.clock_button))
        self.state = QLabel()
        self.state.setWordWrap(True)
        self.state.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.state)
        if self.township:
            layout.addWidget(QLabel(self.tr("<b>Villages</b>") if self.below == VILLAGE
                                    else self.tr("<b>Townships</b>")))
            self.villages = list_table([self.tr("Village") if self.below == VILLAGE
                                        else self.tr("Township"), self.tr("Code"),
                                    self.tr("Last package"), self.tr("Waiting for"),
                                    self.tr("Households"), self.tr("People"),
                                    *(codes.label("household_category", c)
                                      for c in SUMMARY_CATEGORIES[:2]),
                                    self.tr("Conflicts"), self.tr("Counts")])
            layout.addWidget(self.villages)
        self.export_button = _button(self.tr("Export sync package…"),
                                     lambda: self.export_packages())
        self.import_button = _button(
            self.tr("Import sync packages…") if self.township
            else self.tr("Import the township's answer or corrections…"),
            lambda: self.import_packages())
        layout.addLayout(_row(self.export_button, self.import_button))
        self.outcome_table = list_table([self.tr("File"), self.tr("From"), self.tr("Changes"),
                                     self.tr("Result"), self.tr("Details")])
        self.outcome_table.setVisible(False)
        layout.addWidget(self.outcome_table)
        self.others_note = QLabel()  # the stick's packages that are not this book's
        self.others_note.setVisible(False)
        layout.addWidget(self.others_note)
        self.apply_button = _button(self.tr("Import the good packages"),
                                    lambda: self.apply_checked())
        self.apply_button.setEnabled(False)
        self._checked_paths: dict[str, Path] = {}
        layout.addLayout(_row(self.apply_button))
        layout.addWidget(QLabel(self.tr("<b>Conflicts: the same field changed on both "
                                        "sides</b>")))
        self.conflicts = list_table([self.tr("Household"), self.tr("Record"), self.tr("Field"),
                                 self.tr("This side"), self.tr("The other side")])
        layout.addWidget(self.conflicts)
        self.take_local = _button(self.tr("Keep this side's value"),
                                  lambda: self.resolve(take="local"))
        self.take_remote = _button(self.tr("Take the other side's value"),
                                   lambda: self.resolve(take="remote"))
        self.type_value = _button(self.tr("Type another value…"), lambda: self.resolve())
        layout.addLayout(_row(self.take_local, self.take_remote, self.type_value))
        layout.addWidget(QLabel(self.tr("<b>One person registered in two places</b>")))
        self.findings = list_table([self.tr("Name"), self.tr("ID number"), self.tr("Household"),
                                self.tr("Name"), self.tr("ID number"), self.tr("Household"),
                                self.tr("Found by")])
        layout.addWidget(self.findings)
        self.same_button = _button(self.tr("The same person"), lambda: self.mark("same"))
        self.different_button = _button(self.tr("Different people"),
                                        lambda: self.mark("different"))
        layout.addLayout(_row(self.same_button, self.different_button))
        self.error = error_label()
        layout.addWidget(self.error)
        layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidget(body)
        scroll.setWidgetResizable(True)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

    # -- state -------------------------------------------------------------------
    def refresh(self) -> None:
        self.fingerprint.setText(
            self.tr("This computer's fingerprint") + "：<span style='font-size:22pt;"
            f"font-weight:bold;letter-spacing:2px'>{self.keys.fingerprint}</span>")
        state = status(self.book)
        self._peers = state["peers"]
        lines = []
        if state["clock_ahead_hours"]:
            lines.append("<span style='color:#b00020'>" + self.tr(
                "This book's changes carry times {hours} hours ahead of this computer's "
                "clock: the clock was set ahead once. The other side keeps them until a "
                "person there accepts them; check the date and time of this computer."
            ).format(hours=state["clock_ahead_hours"]) + "</span>")
        if not state["peers"]:
            lines.append(self.tr(
                "Not paired yet. Save this computer's pairing file and give it to the other "
                "side; pair with theirs; read the fingerprints to each other by phone."))
        for peer in state["peers"]:
            lines.append(self._peer_sentence(peer))
        for gone in state["retired"]:
            lines.append(self.tr("{name} ({code}): pairing retired on {day} by {who}; its "
                                 "packages are not imported.").format(
                name=gone["name"], code=gone["code"], day=gone["retired_at"][:10],
                who=gone["retired_by"]))
        self.retire_button.setEnabled(bool(state["peers"]))
        self._clock_held = [(peer, held) for peer in state["peers"] for held in peer["held"]
                            if held["missing"] == "clock_ahead"]
        self.clock_button.setVisible(bool(self._clock_held))
        lines.append(self.tr("Conflicts waiting: {conflicts}. Same-person findings waiting: "
                             "{findings}.").format(conflicts=state["open_conflicts"],
                                                   findings=state["same_person_undecided"]))
        if max(state["open_conflicts"], state["same_person_undecided"]) > SHOWN:
            lines.append(self.tr("The lists below show the first {shown}; each one decided "
                                 "makes room for the next.").format(shown=SHOWN))
        self.state.setText("<br>".join(lines))
        if self.township:
            self._fill_villages(state["peers"])
        self._conflicts = open_conflicts(self.book)[:SHOWN]
        _fill(self.conflicts, [self._conflict_row(c) for c in self._conflicts])
        # a page of them at a time: a first merge can find hundreds (the CLI lists all)
        self._findings = same_person_findings(self.book, limit=SHOWN)
        _fill(self.findings, [[f["a_name"], f["a_id_number"],
                               f"{f['a_village_code'] or ''} {f['a_household_number']}",
                               f["b_name"], f["b_id_number"],
                               f"{f['b_village_code'] or ''} {f['b_household_number']}",
                               self.tr("ID number") if f["basis"] == "id"
                               else self.tr("Name and birth date")]
                              for f in self._findings])

    def _conflict_row(self, conflict: dict[str, Any]) -> list[Any]:
        """A conflict in the words of the forms: the record's name, the field's label and
        both values as the history shows them (code labels, yuan)."""
        record_kind = kind(conflict["table_name"])
        record = record_kind.record or record_kind.labels or "household"
        noun = QCoreApplication.translate("History", record_kind.noun) if record_kind.noun \
            else self.tr("Member")
        if conflict["unique_key"]:
            field = self.tr("Entered twice")
            values = [self.tr("another record"), self.tr("this record")]
        else:
            field = i18n.field_label(record, conflict["field"])
            values = [f"{format_value(record, conflict['field'], conflict[side + '_value'])}"
                      f"（{conflict[side + '_operator'] or ''} {_stamp_day(conflict[side + '_stamp'])}）"
                      for side in ("local", "remote")]
        household = conflict.get("household_number") or ""
        if self.book.holds_villages and conflict.get("village_code"):
            # many villages' households in one book: which village's 户
            name = self.book.conn.execute("SELECT name FROM village WHERE code = ?",
                                          [conflict["village_code"]]).fetchone()
            household = f"{name[0] if name else conflict['village_code']} {household}"
        return [household, noun, field, *values]

    def _peer_sentence(self, peer: PeerStatus) -> str:
        name = f"{peer['name']}（{peer['code']}）"
        acked = self._acknowledged_until(peer)
        parts = [f"<b>{name}</b>"]
        if acked:
            parts.append(self.tr("has received the changes up to {day}").format(day=acked))
        else:
            parts.append(self.tr("has not confirmed receiving anything yet"))
        if peer["waiting_actions"]:
            parts.append(self.tr("{count} changes wait to be sent (the oldest from {day})")
                         .format(count=peer["waiting_actions"],
                                 day=_day(peer["waiting_since"])))
        else:
            parts.append(self.tr("nothing waits to be sent"))
        if peer["last_received"]:
            parts.append(self.tr("last package received {day}").format(
                day=_day(peer["last_received"]["at"])))
        for held in peer["held"]:
            if held["missing"] == "clock_ahead":
                parts.append(self.tr("a package is kept because its computer's clock ran "
                                     "ahead ({file})").format(file=held["file_name"]))
            else:
                parts.append(self.tr("a package is kept until the missing one arrives "
                                     "({file})").format(file=held["file_name"]))
        return "；".join(parts) + "。"

    def _acknowledged_until(self, peer: PeerStatus) -> str:
        upto = peer["acknowledged"].get(self.book.site_id, 0)
        if not upto:
            return ""
        row = self.book.conn.execute("SELECT at FROM actions WHERE site_id = ? AND"
                                     " origin_seq = ?", [self.book.site_id, upto]).fetchone()
        return _day(row[0]) if row else ""

    def _fill_villages(self, peers: list[PeerStatus]) -> None:
        # one grouped query for every village (not one per village), from the
        # households_village_totals index
        by_village: dict[str, dict[str, int]] = {}
        for code, category, households, people in self.book.conn.execute(
                "SELECT v.code, t.category, t.households, t.people FROM village v JOIN"
                " (SELECT village_id, category, count(*) AS households,"
                " sum(member_count) AS people FROM households WHERE status = 'active'"
                " GROUP BY village_id, category) t ON t.village_id = v.id"):
            village = by_village.setdefault(code, {"households": 0, "people": 0})
            village["households"] += households
            village["people"] += people or 0
            village[category] = households
        conflicts = Counter(c["village_code"] for c in open_conflicts(self.book)
                            if c["village_code"])
        rows = []
        for peer in peers:
            if peer["kind"] != self.below:  # (a township's county is not one of its rows)
                continue
            # a village's own figures; a township's, its villages' added up (their codes
            # begin with its code)
            village = Counter[str]()
            for code, figures in by_village.items():
                if code.startswith(peer["code"]):
                    village.update(figures)
            last = peer["last_received"]
            counts = ""
            if last and last["state"] == "applied":  # what the last import compared
                errors = json.loads(last["detail"]) if (last["detail"] or "").startswith("[") \
                    else []
                counts = "；".join(f"{e['table']} {e['sender']}/{e['here']}" for e in errors) \
                    or self.tr("agree")
            rows.append([peer["name"], peer["code"], _day(last["at"]) if last else "",
                         "、".join(self._held_text(h) for h in peer["held"]),
                         village.get("households", 0), village.get("people", 0),
                         *(village.get(c, 0) for c in SUMMARY_CATEGORIES[:2]),
                         sum(n for code, n in conflicts.items()
                             if code.startswith(peer["code"])), counts])
        _fill(self.villages, rows)

    def _held_text(self, held: dict[str, Any]) -> str:
        """A held package and the numbers it waits for (缺 4–6)."""
        missing = held.get("missing")
        if missing == "clock_ahead":
            return self.tr("{file} (its computer's clock ran ahead)").format(
                file=held["file_name"])
        if not isinstance(missing, dict) or not missing:
            return held["file_name"]
        numbers = "、".join(f"{a}–{b}" if a != b else str(a) for a, b in missing.values())
        return self.tr("{file} (missing {numbers})").format(file=held["file_name"],
                                                             numbers=numbers)

    # -- pairing -----------------------------------------------------------------
    def save_card(self, target: str | None = None) -> Path | None:
        if target is None:
            from .exports import chosen, start_in

            target, _ = QFileDialog.getSaveFileName(
                self, self.tr("Save the pairing file"),
                start_in(f"{self.identity['name']}-配对.vbpair"),
                self.tr("Pairing files (*.vbpair)"))
            if not chosen(target):
                return None
        keys = self.keys
        write_card(pairing_card(keys, self.identity["kind"], self.identity["name"],
                                self.identity["code"]), target)
        QMessageBox.information(self, self.tr("Pairing file saved"), self.tr(
            "Saved to {path}. Give it to the other side, and read them this fingerprint by "
            "phone: {fingerprint}").format(path=target, fingerprint=keys.fingerprint))
        return Path(target)

    def accept_card(self, source: str | None = None) -> bool:
        if source is None:
            from .exports import chosen, start_in

            source, _ = QFileDialog.getOpenFileName(self, self.tr("The other side's pairing "
                                                                  "file"), start_in(),
                                                    self.tr("Pairing files (*.vbpair)"))
            if not chosen(source):
                return False
        cards: list[PairingCard] = []
        if not attempt(self.error, lambda: cards.append(read_card(source))):
            return False
        card = cards[0]
        from .pairing_dialog import FingerprintDialog

        compare = FingerprintDialog(card, self)
        compared = compare.exec() == QDialog.DialogCode.Accepted
        typed = compare.digits.text()
        compare.deleteLater()
        if not compared:
            return False
        old = paired_elsewhere(self.book, card)
        if old:  # the same village (or township) on another computer: replaced?
            ask = QMessageBox(QMessageBox.Icon.Question, self.tr("Paired before"), self.tr(
                "{name} ({code}) is already paired with another computer (paired on "
                "{day}). If this is its new computer, retire the old pairing: packages from "
                "the old computer are then refused.").format(
                name=card["name"], code=card["code"], day=old[0]["paired_at"][:10]),
                parent=self)
            retire = ask.addButton(self.tr("Retire the old pairing"),
                                   QMessageBox.ButtonRole.AcceptRole)
            keep = ask.addButton(self.tr("Keep both"), QMessageBox.ButtonRole.ActionRole)
            ask.addButton(QMessageBox.StandardButton.Cancel)
            ask.setDefaultButton(retire)
            ask.exec()
            if ask.clickedButton() not in (retire, keep):
                return False
            if ask.clickedButton() is keep:
                old = []

        return self._done(attempt(self.error, lambda: add_peer(
            self.book, card, typed, replacing=[p["installation"] for p in old])))

    def retire(self, installation: str | None = None) -> bool:
        """停用配对: the other side's computer is replaced, lost or stolen; asked which one,
        and said what it means, before it is done."""
        active = peers(self.book)
        if installation is None:
            labels = [self.tr("{name} ({code}), paired on {day}").format(
                name=p["name"], code=p["code"], day=p["paired_at"][:10]) for p in active]
            label, ok = QInputDialog.getItem(self, self.tr("Retire a pairing"), self.tr(
                "Which computer?"), labels, 0, False)
            if not ok or label not in labels:
                return False
            installation = active[labels.index(label)]["installation"]
        chosen = next(p for p in active if p["installation"] == installation)
        answer = QMessageBox.question(self, self.tr("Retire a pairing"), self.tr(
            "Retire the pairing with the computer of {name} ({code})? Its packages will be "
            "refused and none will be made for it: do this when that computer was replaced, "
            "lost or stolen. What it sent before stays. Pair with its new computer "
            "afterwards.").format(name=chosen["name"], code=chosen["code"]))
        if answer != QMessageBox.StandardButton.Yes:
            return False
        return self._done(attempt(self.error, lambda: retire_peer(self.book, installation)))

    def accept_clock_ahead(self) -> bool:
        """A package kept because its sender's clock ran ahead: said what accepting means,
        then imported as it is (this book's clock is not moved)."""
        if not self._clock_held:
            return False
        peer, held = self._clock_held[0]
        answer = QMessageBox.question(
            self, self.tr("A clock that ran ahead"), self.tr(
                "The package {file} from {name} carries times ahead of this computer's clock: "
                "that computer's clock was set ahead once, and its changes keep those times. "
                "Accept it only if {name} confirms the changes are theirs. Its changes are "
                "imported as they are; this computer's clock is not moved, and a later edit "
                "here of the same entries still replaces them. Accept it?").format(
                file=held["file_name"], name=peer["name"]),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return False
        outcomes: list[Outcome] = []
        if not attempt(self.error, lambda: outcomes.append(
                accept_held(self.book, held["id"], self.keys))):
            return False
        self.show_outcomes(outcomes)
        return outcomes[0].state in ("applied", "already")

    def _done(self, done: bool, records_changed: bool = False) -> bool:
        """After an action of the page: the page shows the new state."""
        if done:
            self.refresh()
            if records_changed:
                self.changed.emit()
        return done

    # -- packages ----------------------------------------------------------------
    def export_packages(self, folder: str | None = None) -> list[Path]:
        if folder is None:
            from .exports import chosen, start_in

            folder = chosen(QFileDialog.getExistingDirectory(
                self, self.tr("Where to save the sync package (a USB stick)"), start_in()))
            if not folder:
                return []
        try:
            written = export_packages(self.book, folder, keys=self.keys)
        except (VillagebookError, OSError) as error:
            self.error.setText("✖ " + describe_failure(error))
            return []
        self.error.setText("")
        QMessageBox.information(self, self.tr("Sync package saved"), self.tr(
            "Saved:\n{files}\n\nTake it to the other side; it can only be read there.").format(
            files="\n".join(str(p) for p in written)))
        self.refresh()
        return written

    def import_packages(self, paths: list[str] | None = None) -> LatestOnly | None:
        """Check the packages first (a folder stands for its packages; nothing is written)
        and list what each would do; 导入 then applies the good ones (each all or nothing)."""
        if paths is None:
            from .exports import chosen, start_in

            # one way for a village and a township: the folder (the USB stick); only the
            # packages addressed to this book are listed from it
            folder = chosen(QFileDialog.getExistingDirectory(
                self, self.tr("The folder (or USB stick) with the sync packages"),
                start_in()))
            paths = [folder] if folder else []
            if not paths:
                return None
        self.apply_button.setEnabled(False)
        return self._run_packages(list(paths), dry_run=True,
                                  busy=self.tr("Checking the sync packages…"))

    def apply_checked(self) -> LatestOnly | None:
        """Apply the packages the check found good (refused ones stay out)."""
        good = [str(self._checked_paths[o.name]) for o in self.outcomes
                if o.state in ("applied", "held") and o.name in self._checked_paths]
        self.apply_button.setEnabled(False)
        if not good:
            return None
        return self._run_packages(good, dry_run=False,
                                  busy=self.tr("Importing sync packages…"))

    def _run_packages(self, paths: list[str], dry_run: bool, busy: str) -> LatestOnly:
        stop = threading.Event()
        progress = QProgressDialog(busy, self.tr("Stop after this package"), 0, 0, self)
        progress.setMinimumDuration(SHOW_AFTER_MS)
        progress.canceled.connect(stop.set)
        operator, book_path = self.book.operator, self.book.path
        files = package_files(paths)
        job = LatestOnly(self)

        def work() -> list[Outcome]:
            with open_book(book_path) as own:
                own.operator = operator
                return import_files(own, files, dry_run=dry_run, cancelled=stop.is_set,
                                    keys=self.keys)

        def done(outcomes: list[Outcome]) -> None:
            progress.reset()
            if dry_run:
                self._checked_paths = {f.name: f for f in files}
            self.show_outcomes(outcomes, checked=dry_run)

        def failed(error: Exception) -> None:
            progress.reset()
            self.error.setText("✖ " + describe_failure(error))

        job.done.connect(done)
        job.failed.connect(failed)
        job.submit(work)
        self._job = job
        return job

    def show_outcomes(self, outcomes: list[Outcome], checked: bool = False) -> None:
        """List each package: from whom, which numbers, and what it does (``checked``:
        would do) with the reason of a refusal in words."""
        self.outcomes = outcomes
        self.book.catch_up_clock()  # the import ran on a connection of its own
        # a stick holds both directions: what this book made or what is addressed to
        # another computer is left as it is, and only counted
        others = sum(o.state == "not_for_us" for o in outcomes)
        outcomes = [o for o in outcomes if o.state != "not_for_us"]
        self.others_note.setText(self.tr(
            "{count} more packages in the folder are not for this computer (made here, or "
            "addressed to another one): left as they are.").format(count=others))
        self.others_note.setVisible(others > 0)
        if checked:
            names = {"applied": self.tr("Good: will be imported"),
                     "already": self.tr("Imported before: nothing new"),
                     "held": self.tr("Good, but a package before it is missing: will be kept"),
                     "refused": self.tr("Refused")}
        else:
            names = {"applied": self.tr("Imported"), "already": self.tr("Imported before"),
                     "held": self.tr("Kept: waiting for a missing package"),
                     "refused": self.tr("Refused")}
        rows = []
        for o in outcomes:
            details = []
            if o.detail:
                details.append(describe_plain(Issue(o.detail, "", o.values)))
            if o.adopted:
                details.append(self.tr("this new book takes the township's record of "
                                       "{village}, with its whole history").format(
                    village=o.adopted))
            if o.conflicts:
                details.append(self.tr("{count} conflicts").format(count=len(o.conflicts)))
            if o.same_person:
                details.append(self.tr("{count} same-person findings").format(
                    count=len(o.same_person)))
            for error in o.count_errors:
                details.append(self.tr("counts disagree: {table} {sender} there, {here} "
                                       "here").format(**error))
            # how many changes are new here, in words; the numbers per origin (for whoever
            # helps by phone) in the cell's tooltip
            changes = self.tr("{count} new").format(count=o.actions) if o.actions else "—"
            rows.append([o.name, o.sender_name, changes, names.get(o.state, o.state),
                         "；".join(details)])
        _fill(self.outcome_table, rows)
        for row, o in enumerate(outcomes):
            item = self.outcome_table.item(row, 2)
            if item is not None:
                item.setToolTip(self.tr("Numbers: {numbers}").format(numbers="、".join(
                    f"{a}–{b}" for a, b in o.ranges.values())))
        self.outcome_table.setVisible(True)
        self.refresh()
        good = sum(o.state in ("applied", "held") for o in outcomes)
        # after a check: how many the button would import; after the import: nothing waits
        self.apply_button.setText(self.tr("Import the good packages ({count})").format(
            count=good) if checked else self.tr("Import the good packages"))
        self.apply_button.setEnabled(checked and good > 0)
        if not checked and any(o.state == "applied" for o in outcomes):
            self.changed.emit()

    # -- decisions -----------------------------------------------------------------
    def resolve(self, take: str | None = None, value: str | None = None) -> bool:
        row = self.conflicts.currentRow()
        if row < 0 or row >= len(self._conflicts):
            self.error.setText("✖ " + self.tr("Select a conflict first."))
            return False
        if take is None and value is None:
            value, ok = QInputDialog.getText(self, self.tr("Another value"),
                                             self.tr("The value to keep:"))
            if not ok:
                return False
        elif take is not None and not self._confirm_keep(row, take):
            return False
        conflict_id = self._conflicts[row]["id"]
        return self._done(attempt(self.error, lambda: resolve_conflict(
            self.book, conflict_id, take=take, value=value)), records_changed=True)

    def _confirm_keep(self, row: int, take: str) -> bool:
        """One decision settles the field on every laptop: said, and asked, first."""
        cells = [item.text() if (item := self.conflicts.item(row, c)) else ""
                 for c in range(5)]
        kept, other = (cells[3], cells[4]) if take == "local" else (cells[4], cells[3])
        answer = QMessageBox.question(
            self, self.tr("Keep this value?"),
            self.tr("{record} {number}, {field}:\nkeep {kept}\ninstead of {other}?\n\nThe "
                    "decision reaches every laptop with the next packages.").format(
                record=cells[1], number=cells[0], field=cells[2], kept=kept, other=other),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def mark(self, decision: str) -> bool:
        """A person's word on the selected finding. For the same person, which record
        stays is asked first: cancelling that question decides nothing."""
        row = self.findings.currentRow()
        if row < 0 or row >= len(self._findings):
            self.error.setText("✖ " + self.tr("Select a finding first."))
            return False
        finding = self._findings[row]
        retire = self._record_to_retire(finding) if decision == "same" else None
        if decision == "same" and retire is None:
            return False
        if not self._done(attempt(self.error, lambda: mark_same_person(
                self.book, finding["id"], decision))):
            return False
        if retire is not None:
            row = self.book.conn.execute("SELECT household_id FROM members WHERE id = ?",
                                         [retire]).fetchone()
            if row:
                self.open_household.emit(row[0])
        return True

    def _record_to_retire(self, finding: dict[str, Any]) -> str | None:
        """One person, two records: the person says which record stays, by village and
        head of household; the other's member id (its household then opens, where the
        member leaves through the ordinary event, 迁出 with a date and note, which can be
        undone; nothing merges by itself). None when the person cancels."""
        sides = [(self.tr("Keep the record in {village}, household of {head} ({number})").format(
                      village=finding[f"{side}_village_name"] or finding[f"{side}_village_code"]
                      or "", head=finding[f"{side}_head_name"] or "",
                      number=finding[f"{side}_household_number"]),
                  finding[f"member_{side}"]) for side in ("a", "b")]
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Which record stays?"),
                          self.tr("{name} is registered in two households. Keep the record "
                                  "in which one? The other household opens, to record that "
                                  "the person left it.").format(name=finding["a_name"]),
                          parent=self)
        buttons = [box.addButton(label, QMessageBox.ButtonRole.AcceptRole)
                   for label, _ in sides]
        box.setDefaultButton(box.addButton(QMessageBox.StandardButton.Cancel))
        box.exec()
        clicked = box.clickedButton()
        box.deleteLater()
        if not isinstance(clicked, QPushButton) or clicked not in buttons:
            return None
        return sides[1 - buttons.index(clicked)][1]


class Unacknowledged(TypedDict):
    """The main window's sync reminder: whom changes wait for, how many, since when."""

    name: str
    count: int
    since: str


def unacknowledged(book: Book, days: int) -> Unacknowledged | None:
    """For the main window's reminder: the first peer that has not acknowledged changes
    older than ``days`` (sent or not), with how many and since when; None otherwise."""
    cutoff = (current_date() - dt.timedelta(days=days)).isoformat()
    for peer in status(book)["peers"]:
        since = peer["waiting_since"]
        if since and since[:10] <= cutoff:
            return {"name": peer["name"], "count": peer["waiting_actions"],
                    "since": _day(since)}
    return None
