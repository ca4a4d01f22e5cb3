"""打印: one dialog for every printed document — which document, which households, its
options — then a preview, the printer, or a PDF file. The PDF is made in the background
(progress and cancel) by ``reports.printing.render``, the same call the CLI makes."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ..core.errors import ValidationFailed
from ..core.today import current_date
from ..reports.notices import KINDS, MAX_NOTICE_DAYS, check_notice
from ..reports.printing import (
    PER_HOUSEHOLD,
    PERSONAL,
    PREVIEW_HOUSEHOLDS,
    PrintRequest,
    estimate,
    render,
)
from ..reports.protected import write_protected
from ..storage.book import Book
from ..storage.book_settings import set_text_setting, text_setting
from ..storage.queries import active_household_ids
from ..storage.village import get_village
from .exports import run_in_background
from .messages import describe
from .password_dialogs import file_password
from .pdf_view import PreviewDialog, print_with_dialog

DATE_FORMAT = "yyyy-MM-dd"


def _date_edit(value: dt.date) -> QDateEdit:
    edit = QDateEdit(QDate(value.year, value.month, value.day))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat(DATE_FORMAT)
    return edit


def _iso(edit: QDateEdit) -> str:
    return edit.date().toString(DATE_FORMAT)


class PrintDialog(QDialog):
    """Choose what to print; preview, print or save it."""

    def __init__(self, book: Book, parent: QWidget | None = None, *, document: str = "cards",
                 selected: tuple[str, ...] = (), prefer_selected: bool | None = None,
                 today: dt.date | None = None) -> None:
        """``selected``: the households offered besides the whole village, and the
        default (unless ``prefer_selected`` is False): the scope is chosen before anything
        is made, and the whole village — minutes of work at township size — is chosen
        knowingly, its households, pages and time shown beside it."""
        super().__init__(parent)
        self.book = book
        self.selected = selected
        self.today = today or current_date()
        self.preview: PreviewDialog | None = None
        self._workdir = Path(tempfile.mkdtemp(prefix="villagebook-print-"))
        self._jobs = 0
        self.setWindowTitle(self.tr("Print"))
        form = QFormLayout()
        self.document = QComboBox()
        for key, text in (("cards", self.tr("Household cards (户卡/明白卡)")),
                          ("walls", self.tr("Wall sheets for the home (户内公示牌)")),
                          ("notice", self.tr("Public notice (公示名单)")),
                          ("register", self.tr("Village register (村有册)"))):
            self.document.addItem(text, key)
        form.addRow(self.tr("Document"), self.document)

        self.households = book.conn.execute(
            "SELECT count(*) FROM households WHERE status = 'active'").fetchone()[0]
        self.scope_all = QRadioButton(self.tr("Every household in the book"))
        if len(selected) == 1:
            head = book.conn.execute("SELECT coalesce(head_name, number) FROM households"
                                     " WHERE id = ?", selected).fetchone()
            text = self.tr("The highlighted household ({name})").format(
                name=head[0] if head else "")
        else:
            text = self.tr("The {count} households selected in the list").format(
                count=len(selected))
        self.scope_selected = QRadioButton(text)
        self.scope_selected.setEnabled(bool(selected))
        if prefer_selected is None:
            prefer_selected = True
        (self.scope_selected if selected and prefer_selected else self.scope_all
         ).setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.scope_all)
        group.addButton(self.scope_selected)
        self.scope_size = QLabel()  # households, pages and time of the whole village
        self.scope_size.setStyleSheet("color: #555;")
        scope = QVBoxLayout()
        scope.addWidget(self.scope_selected)
        scope.addWidget(self.scope_all)
        scope.addWidget(self.scope_size)
        self.scope_label = QLabel(self.tr("Households"))
        form.addRow(self.scope_label, scope)

        self.paper = QComboBox()
        self.paper.addItem(self.tr("A4 landscape"), "A4")
        self.paper.addItem(self.tr("A3 landscape"), "A3")
        self.paper_label = QLabel(self.tr("Paper"))
        form.addRow(self.paper_label, self.paper)

        self.full_ids = QCheckBox(self.tr("Archive copy with full ID numbers"))
        self.full_ids.toggled.connect(self._warn_full_ids)
        form.addRow("", self.full_ids)

        self.notice = QComboBox()
        for key, kind in KINDS.items():
            self.notice.addItem(kind.title, key)
        self.notice_label = QLabel(self.tr("Notice"))
        form.addRow(self.notice_label, self.notice)
        self.start = _date_edit(dt.date(self.today.year, 1, 1))
        self.end = _date_edit(self.today)
        period = QHBoxLayout()
        period.addWidget(self.start)
        self.period_to = QLabel(self.tr("to"))
        period.addWidget(self.period_to)
        period.addWidget(self.end)
        self.period_label = QLabel(self.tr("Records dated"))
        form.addRow(self.period_label, period)
        self.posted = _date_edit(self.today)
        self.days = QSpinBox()
        self.days.setRange(1, MAX_NOTICE_DAYS)
        self.days.setValue(7)
        self.days.setSuffix(self.tr(" days"))
        posting = QHBoxLayout()
        posting.addWidget(self.posted)
        posting.addWidget(self.days)
        self.posting_label = QLabel(self.tr("Posted from"))
        form.addRow(self.posting_label, posting)

        self.hotline = QLineEdit(text_setting(book, "print.hotline"))
        self.hotline_label = QLabel(self.tr("Hotline"))
        form.addRow(self.hotline_label, self.hotline)

        buttons = QHBoxLayout()
        self.preview_button = QPushButton(self.tr("Preview"))
        self.preview_button.setDefault(True)
        self.preview_button.clicked.connect(lambda: self.start_job("preview"))
        self.print_button = QPushButton(self.tr("Print…"))
        self.print_button.clicked.connect(lambda: self.start_job("print"))
        self.save_button = QPushButton(self.tr("Save as PDF…"))
        self.save_button.clicked.connect(lambda: self.start_job("save"))
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.reject)
        buttons.addStretch(1)
        for button in (self.preview_button, self.print_button, self.save_button, close):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(buttons)
        self.document.currentIndexChanged.connect(self._show_options)
        self.document.setCurrentIndex(self.document.findData(document))
        self._show_options()

    # -- options ---------------------------------------------------------------
    @property
    def kind(self) -> str:
        return self.document.currentData()

    def _show_options(self) -> None:
        """Only the options of the chosen document are shown."""
        kind = self.kind
        households = kind in ("cards", "walls", "register")
        widget: QWidget
        for widget in (self.scope_label, self.scope_all, self.scope_selected, self.scope_size):
            widget.setVisible(households)
        self.scope_size.setText(self._size_text(self.households))
        for widget in (self.paper_label, self.paper):
            widget.setVisible(kind == "walls")
        self.full_ids.setVisible(kind in ("cards", "register"))
        for widget in (self.notice_label, self.notice, self.period_label, self.start,
                       self.period_to, self.end, self.posting_label, self.posted, self.days):
            widget.setVisible(kind == "notice")
        for widget in (self.hotline_label, self.hotline):
            widget.setVisible(kind in ("walls", "notice"))
        self.adjustSize()

    def _size_text(self, households: int) -> str:
        """How much the whole village is: households, pages, and the time to make them."""
        pages, seconds = estimate(self.kind, households)
        text = self.tr("{households} households, about {pages} pages").format(
            households=households, pages=pages)
        if seconds >= 60:
            text += self.tr(", about {minutes} minutes to make").format(
                minutes=round(seconds / 60))
        elif seconds >= 5:
            text += self.tr(", about {seconds} seconds to make").format(seconds=seconds)
        return text

    def _warn_full_ids(self, on: bool) -> None:
        if on:
            QMessageBox.warning(self, self.tr("Full ID numbers"), self.tr(
                "This copy shows every full ID number. Keep it in the village file: never "
                "post it, hand it out or leave it on a shared computer."))

    def request(self) -> PrintRequest:
        """The request the options describe (checked: a bad period raises)."""
        kind = self.kind
        ids = self.selected if self.scope_selected.isChecked() else None
        if kind == "notice":
            check_notice(_iso(self.start), _iso(self.end), self.days.value())
            posted = self.posted.date()
            return PrintRequest("notice", notice=self.notice.currentData(),
                                start=_iso(self.start), end=_iso(self.end),
                                posted=dt.date(posted.year(), posted.month(), posted.day()),
                                days=self.days.value())
        return PrintRequest(kind, ids, full_ids=self.full_ids.isChecked() and
                            kind in ("cards", "register"), paper=self.paper.currentData())

    def file_name(self) -> str:
        village = (get_village(self.book) or {}).get("name") or "village"
        if self.kind == "notice":
            return f"{village}{KINDS[self.notice.currentData()].title}.pdf"
        names = {"cards": "户卡", "walls": "户内公示牌", "register": "村有册"}
        if self.scope_selected.isChecked() and len(self.selected) == 1 \
                and self.kind in ("cards", "walls"):
            # one household's card: named for it, not over the village's whole set
            row = self.book.conn.execute("SELECT number, head_name FROM households WHERE"
                                         " id = ?", [self.selected[0]]).fetchone()
            if row:
                head = re.sub(r'[\\/:*?"<>|\s]+', "", row[1] or "")
                return f"{names[self.kind]}-{row[0]}{'-' + head if head else ''}.pdf"
        return f"{village}{names[self.kind]}.pdf"

    # -- the three ways out ----------------------------------------------------
    def start_job(self, how: str, target: str | None = None) -> bool:
        """Make the PDF in the background, then preview it, print it or say where it
        went. Returns False when nothing was started (bad options, no file chosen)."""
        try:
            request = self.request()
            if self.kind in ("walls", "notice"):
                set_text_setting(self.book, "print.hotline", self.hotline.text())
        except ValidationFailed as error:
            QMessageBox.warning(self, self.tr("Print"),
                                "\n".join(describe(i) for i in error.issues))
            return False
        password: str | None = None  # a file saved from a locked book may have one
        if how == "save":
            if target is None:
                from .exports import chosen, start_in

                target, _ = QFileDialog.getSaveFileName(
                    self, self.tr("Save as PDF"), start_in(self.file_name()),
                    self.tr("PDF files (*.pdf)"))
                chosen(target)
            if not target:
                return False
            out = Path(target)
            if request.document in PERSONAL:  # ID numbers, health: a locked book asks
                go_on, password = file_password(self.book.path, out.name, self)
                if not go_on:
                    return False
        else:
            # a new name each time: a preview still open holds its file (Windows will not
            # replace an open file)
            self._jobs += 1
            out = self._workdir / f"{self._jobs}-{self.file_name()}"

        sample = ""
        if how == "preview" and request.document in PER_HOUSEHOLD:
            ids = (request.household_ids if request.household_ids is not None
                   else tuple(active_household_ids(self.book.conn)))
            if len(ids) > PREVIEW_HOUSEHOLDS:  # the pages a person looks at, at once
                sample = self.tr(
                    "The preview shows the first {shown} of the {count} households. Print… "
                    "and Save as PDF… make all of them.").format(shown=PREVIEW_HOUSEHOLDS,
                                                                  count=len(ids))
                request = dataclasses.replace(request,
                                              household_ids=ids[:PREVIEW_HOUSEHOLDS])

        def work(book: Book, path: Path, stop, step) -> str:
            return write_protected(path, password, lambda plain: render(
                book, request, plain, progress=step, cancelled=stop))

        total = 0  # households, for a counting progress bar
        if request.document in ("cards", "walls"):
            total = (len(request.household_ids) if request.household_ids is not None
                     else len(active_household_ids(self.book.conn)))

        on_done: Callable[[str], object] | None = None
        if how == "preview":
            on_done = lambda _summary: self._show_preview(out, sample)  # noqa: E731
        elif how == "print":
            on_done = lambda _summary: print_with_dialog(self, out)  # noqa: E731
        self.job = run_in_background(self, self.book.path, out, self.tr("Preparing the pages…"),
                                     work, on_done, total)
        return True

    def _show_preview(self, path: Path, sample: str = "") -> None:
        if self.preview is not None:
            self.preview.close()  # one preview at a time, its file released
        password_for = None
        if self.kind in PERSONAL:
            password_for = lambda name: file_password(  # noqa: E731
                self.book.path, name, self.preview)
        self.preview = PreviewDialog(path, self.file_name(), self, sample=sample,
                                     full_job=self.start_job if sample else None,
                                     password_for=password_for)
        self.preview.show()

    def done(self, result: int) -> None:
        if self.preview is not None:
            self.preview.close()
        shutil.rmtree(self._workdir, ignore_errors=True)
        super().done(result)
