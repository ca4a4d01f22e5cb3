"""Importing a workbook from the window: a conversation about what the list leaves open.

The dialog shows how each column of the file was matched (automatically, by name and
synonym) with an example value, and lets the person change any match or skip a column.
Below, its questions: each value no code list knows (with its count), to be read as a code
or left in the remarks, and each field the list lacks on many rows, to be given once for
all. The answers are kept in the book (a shared setting: a township's reach its villages)
when the list is imported, so the same list a second time asks nothing; they can be saved
to a file and loaded, for a county importing many lists. Every change runs a dry run in
the background (progress and cancel), listing every problem with sheet, row and column;
the list can be saved as a workbook. Nothing is written until the person presses Import
after seeing the whole summary, and then all at once.
"""

from __future__ import annotations

import shutil
import threading
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..core import codes, field_specs
from ..core.errors import Cancelled, ValidationFailed
from ..core.messages import describe_plain
from ..reports import import_answers
from ..reports.import_answers import Answers
from ..reports.import_columns import OWN_NUMBERING, column_label, list_of, normalize, targets
from ..reports.import_monitoring import MONITORING
from ..reports.workbook_import import (
    ImportRefused,
    ImportResult,
    SheetColumns,
    columns_of,
    import_workbook,
    write_report,
)
from ..storage import open_book
from . import i18n
from .jobs import LatestOnly, Progress, wait_for_jobs
from .messages import describe_error, describe_failure
from .tables import fit_columns


@dataclass
class Outcome:
    columns: list[SheetColumns]
    result: ImportResult | None  # None when the file was refused (``refusal``)
    refusal: ImportRefused | None
    dry_run: bool


def _run(book_path: Path, operator: str, file: Path, answers: Answers, dry_run: bool,
         step, stop: threading.Event) -> Outcome:
    """The columns as matched, and one import on a connection of its own (a dry run rolls
    back at the end; an import keeps the answers in the book, in its transaction)."""
    book = open_book(book_path)
    try:
        answers = import_answers.stored(book).merged(answers)
        columns = columns_of(file, answers.columns)
        book.operator = operator
        result = import_workbook(book, file, dry_run=dry_run, answers=answers,
                                 remember=not dry_run, progress=step, cancelled=stop.is_set)
        return Outcome(columns, result, None, dry_run)
    except ImportRefused as refused:
        if refused.code not in ("import.missing_columns", "import.no_household_key"):
            raise
        return Outcome(columns, None, refused, dry_run)
    finally:
        book.close()


def target_label(key: str) -> str:
    """``member.name`` → 家庭成员：姓名, in the window's language; a code column read by
    a numbering says which (``member.relation@gbt4761`` → …与户主关系（GB/T 4761…）)."""
    record, name = key.split(".", 1)
    name, _, numbering = name.partition("@")
    language = i18n.language()
    owner = (QCoreApplication.translate("ImportDialog", "Member") if record == field_specs.MEMBER
             else QCoreApplication.translate("ImportDialog", "Monitoring")
             if record == MONITORING else
             QCoreApplication.translate("ImportDialog", "Household"))
    try:
        field_label = field_specs.label(record, name, language)
    except KeyError:  # an import-only column (风险识别时间…): named as lists name it
        field_label = dict(targets())[key]
    text = f"{owner}{'：' if language == 'zh' else ': '}{field_label}"
    if numbering == OWN_NUMBERING:
        return text + QCoreApplication.translate("ImportDialog", " (numbers: this program's codes)")
    if numbering:
        spec = field_specs.field(record, name)
        return f"{text} ({codes.numberings(spec.codes or '')[numbering].label})"
    return text


class ImportDialog(QDialog):
    """Check a workbook, show what would happen, and import it if it is clean."""

    imported = Signal()

    def __init__(self, parent: QWidget | None, book_path: Path, operator: str,
                 file: Path, temporary: Path | None = None) -> None:
        """``temporary``: a folder holding ``file`` (a protected workbook's readable copy),
        removed when the dialog closes."""
        super().__init__(parent)
        self.book_path, self.operator, self.file = book_path, operator, file
        self.temporary = temporary
        # this list's answers, laid over those the book keeps (read with each check)
        self.answers = Answers()
        self.result_: ImportResult | None = None
        self.columns: list[SheetColumns] = []
        self._stop = threading.Event()
        self._filling = False
        self.setWindowTitle(self.tr("Import households from a workbook"))
        self.resize(1000, 680)
        layout = QVBoxLayout(self)
        self.summary = QLabel(self.tr("Checking {name}…").format(name=file.name))
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        running = QHBoxLayout()
        self.progress = QProgressBar()
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self.cancel)
        running.addWidget(self.progress, 1)
        running.addWidget(self.cancel_button)
        layout.addLayout(running)

        splitter = QSplitter(Qt.Orientation.Vertical)
        mapping_box = QGroupBox(self.tr("Columns of the file (matched automatically; change "
                                        "any that is wrong)"))
        box_layout = QVBoxLayout(mapping_box)
        self.mapping_table = QTableWidget(0, 4)
        self.mapping_table.setHorizontalHeaderLabels([
            self.tr("Sheet"), self.tr("Column in the file"), self.tr("Example"),
            self.tr("Read as")])
        self.mapping_table.horizontalHeader().setStretchLastSection(True)
        self.mapping_table.verticalHeader().setVisible(False)
        box_layout.addWidget(self.mapping_table)
        self.reset_button = QPushButton(self.tr("Back to the automatic matches"))
        self.reset_button.clicked.connect(self.reset_mapping)
        box_layout.addWidget(self.reset_button)
        splitter.addWidget(mapping_box)
        questions_box = QGroupBox(self.tr("Questions about the list (answered once for the "
                                          "whole list, kept for the next one)"))
        questions_layout = QVBoxLayout(questions_box)
        self.questions = QTableWidget(0, 4)
        self.questions.setHorizontalHeaderLabels([
            self.tr("Column"), self.tr("In the list"), self.tr("Rows"), self.tr("Read as")])
        self.questions.horizontalHeader().setStretchLastSection(True)
        self.questions.verticalHeader().setVisible(False)
        questions_layout.addWidget(self.questions)
        answer_buttons = QHBoxLayout()
        self.load_answers_button = QPushButton(self.tr("Load answers…"))
        self.load_answers_button.clicked.connect(lambda: self.load_answers())
        self.save_answers_button = QPushButton(self.tr("Save answers…"))
        self.save_answers_button.clicked.connect(lambda: self.save_answers())
        answer_buttons.addWidget(self.load_answers_button)
        answer_buttons.addWidget(self.save_answers_button)
        answer_buttons.addStretch(1)
        questions_layout.addLayout(answer_buttons)
        splitter.addWidget(questions_box)
        # a short list of problems (a few hundred rows at most): a table widget is enough
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels([self.tr("Sheet"), self.tr("Row"),
                                              self.tr("Column"), self.tr("Value"),
                                              self.tr("Problem")])
        self.table.horizontalHeader().setStretchLastSection(True)
        splitter.addWidget(self.table)
        splitter.setSizes([260, 200, 200])
        layout.addWidget(splitter, 1)

        buttons = QHBoxLayout()
        self.report_button = QPushButton(self.tr("Save the list of problems…"))
        self.report_button.clicked.connect(lambda: self.save_report())
        self.import_button = QPushButton(self.tr("Import"))
        self.import_button.clicked.connect(self.start_import)
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.clicked.connect(self.reject)
        for button in (self.report_button, self.import_button):
            button.setEnabled(False)
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout.addLayout(buttons)
        self.relay = Progress(self)
        self.relay.step.connect(self._step)
        self.job = LatestOnly(self)
        self.job.done.connect(self.show_outcome)
        self.job.failed.connect(self.show_failure)
        self.dry_run = True
        self._submit(True)

    # -- running ---------------------------------------------------------------
    def _submit(self, dry_run: bool) -> None:
        self._stop.set()  # a check still running for older choices stops
        self._stop = stop = threading.Event()
        self.dry_run = dry_run
        self.import_button.setEnabled(False)
        self.progress.setRange(0, 0)
        self.progress.show()
        self.cancel_button.show()
        answers = Answers().merged(self.answers)  # a copy: the person may answer on
        self.job.submit(lambda: _run(self.book_path, self.operator, self.file, answers,
                                     dry_run, self.relay.step.emit, stop))

    def _step(self, done: int, total: int) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)

    def _finished_running(self) -> None:
        self.progress.hide()
        self.cancel_button.hide()

    def cancel(self) -> None:
        self._stop.set()

    # -- results ---------------------------------------------------------------
    def show_outcome(self, outcome: Outcome) -> None:
        self._finished_running()
        self.columns = outcome.columns
        self._fill_mapping()
        self._fill_questions(outcome.result)
        if outcome.result is None:
            assert outcome.refusal is not None  # no result: the file was refused
            self.result_ = None
            self.table.setRowCount(0)
            self.summary.setText("✖ " + describe_error(outcome.refusal) + "\n" + self.tr(
                "Choose under “Read as” which columns hold them."))
            self.report_button.setEnabled(False)
            return
        result = self.result_ = outcome.result
        problems = result.problems
        listed = problems + result.warnings  # the errors first, then what to look at
        self.table.setRowCount(len(listed))
        for row, p in enumerate(listed):
            mark = "✖ " if p.issue.is_error else "⚠ "
            for column, value in enumerate((p.sheet, str(p.row or ""), column_label(p.column),
                                            p.value, mark + describe_plain(p.issue))):
                self.table.setItem(row, column, QTableWidgetItem(value))
        fit_columns(self.table)
        counts = self.tr("{new} new households, {updated} updated, {members} member rows").format(
            new=result.households_created, updated=result.households_updated,
            members=result.members)
        if not outcome.dry_run and result.committed:
            self.summary.setText(self.tr("Imported: {counts}.").format(counts=counts))
            self.mapping_table.setEnabled(False)
            self.questions.setEnabled(False)
            self.reset_button.setEnabled(False)
            self.imported.emit()
        elif problems:
            self.summary.setText(self.tr(
                "Nothing was imported: {count} problem(s) must be corrected in the file first. "
                "Without them the import would give {counts}.").format(
                count=len(problems), counts=counts))
        else:
            self.summary.setText(self.tr("The file is in order: importing it gives {counts}. "
                                         "Press Import to write it into the book.").format(
                counts=counts))
            for warning in result.warnings:  # said above the list, not only in it
                if warning.issue.code == "import.other_village":
                    self.summary.setText(self.summary.text() + "\n⚠ " +
                                         describe_plain(warning.issue))
        self.report_button.setEnabled(bool(problems or result.warnings))
        self.import_button.setEnabled(outcome.dry_run and not problems)

    def show_failure(self, error: Exception) -> None:
        self._finished_running()
        if isinstance(error, Cancelled):
            text = self.tr("Stopped: nothing was imported.")
        else:
            text = "✖ " + describe_failure(error)
        self.summary.setText(text)
        self.import_button.setEnabled(False)

    # -- the column matches ----------------------------------------------------
    def _fill_mapping(self) -> None:
        self._filling = True
        rows = [(sheet, column) for sheet in self.columns for column in range(len(sheet.titles))
                if sheet.titles[column].strip()]
        self.mapping_table.setRowCount(len(rows))
        choices = [("", self.tr("(not imported)"))] + [(k, target_label(k))
                                                        for k, _ in targets()]
        for row, (sheet, column) in enumerate(rows):
            for index, text in enumerate((sheet.sheet, sheet.titles[column],
                                          sheet.samples[column])):
                self.mapping_table.setItem(row, index, QTableWidgetItem(text))
            combo = QComboBox()
            for key, text in choices:
                combo.addItem(text, key)
            combo.setCurrentIndex(max(0, combo.findData(sheet.keys[column])))
            title = normalize(sheet.titles[column])
            combo.currentIndexChanged.connect(
                lambda _=0, c=combo, t=title: self.choose(t, c.currentData()))
            self.mapping_table.setCellWidget(row, 3, combo)
        fit_columns(self.mapping_table)
        self._filling = False

    def choose(self, title: str, key: str) -> None:
        """The person reads the column titled ``title`` as ``key`` ("" = skip); check again."""
        if self._filling:
            return
        self.answers.columns[title] = key
        self._check_again()

    def _check_again(self) -> None:
        self.summary.setText(self.tr("Checking {name}…").format(name=self.file.name))
        self._submit(True)

    def reset_mapping(self) -> None:
        self.answers.columns = {}
        self._submit(True)

    # -- the questions: values no code list knows, fields the list lacks --------
    def _fill_questions(self, result: ImportResult | None) -> None:
        self._filling = True
        asked: list[tuple[str, str, str, int, str]] = []  # (column, key, value, rows, kind)
        given = {(k, raw): code for k, values in self.answers.values.items()
                 for raw, code in values.items()}
        for unread in (result.unread if result else []):
            asked.append((unread.column, unread.key, unread.value, unread.count, "value"))
        for key, values in self.answers.values.items():  # answered here: still shown
            for raw in values:
                if not any(a[1] == key and a[2] == raw for a in asked):
                    asked.append((target_label(key), key, raw, 0, "value"))
        for p in (result.problems if result else []):
            if p.issue.code == "import.required_missing" and list_of(p.issue.values["key"]):
                asked.append((target_label(p.issue.values["key"]), p.issue.values["key"], "",
                              p.issue.values["count"], "default"))
        for key in self.answers.defaults:
            if not any(a[1] == key and a[4] == "default" for a in asked):
                asked.append((target_label(key), key, "", 0, "default"))
        self.questions.setRowCount(len(asked))
        for row, (column, key, raw, count, kind) in enumerate(asked):
            shown = raw if kind == "value" else self.tr("(missing: one value for all)")
            for index, text in enumerate((column, shown, str(count or ""))):
                self.questions.setItem(row, index, QTableWidgetItem(text))
            combo = QComboBox()
            combo.addItem(self.tr("(keep in the remarks, field left empty)") if kind == "value"
                          else self.tr("(not given)"), "")
            for entry in codes.code_list(list_of(key)):
                combo.addItem(entry.label, entry.code)
            current = given.get((key, raw)) if kind == "value" else \
                self.answers.defaults.get(key)
            combo.setCurrentIndex(max(0, combo.findData(current or "")))
            combo.currentIndexChanged.connect(
                lambda _=0, c=combo, k=key, r=raw, d=kind: self.answer(k, r, d, c.currentData()))
            self.questions.setCellWidget(row, 3, combo)
        fit_columns(self.questions)
        self._filling = False

    def answer(self, key: str, raw: str, kind: str, code: str) -> None:
        """The person's answer: the value ``raw`` of ``key`` reads as ``code`` (``kind``
        "value"), or ``key`` is ``code`` for every row that lacks it ("default"); "" takes
        the answer back. The list is checked again."""
        if self._filling:
            return
        if kind == "value":
            values = self.answers.values.setdefault(key, {})
            if code:
                values[raw] = code
            else:
                values.pop(raw, None)
        elif code:
            self.answers.defaults[key] = code
        else:
            self.answers.defaults.pop(key, None)
        self._check_again()

    def load_answers(self, path: str | None = None) -> bool:
        """Answers from a file (saved here, or by the county for many lists)."""
        if path is None:
            path, _ = QFileDialog.getOpenFileName(
                self, self.tr("Load answers"), str(self.file.parent),
                self.tr("Answers (*.json);;All files (*)"))
            if not path:
                return False
        try:
            self.answers = self.answers.merged(import_answers.load(path))
        except ValidationFailed as failed:
            QMessageBox.warning(self, self.tr("Load answers"), describe_error(failed))
            return False
        self._check_again()
        return True

    def save_answers(self, path: str | None = None) -> bool:
        """This list's answers (with the values still unanswered, to fill in later)."""
        if path is None:
            path, _ = QFileDialog.getSaveFileName(
                self, self.tr("Save answers"), str(self.file.with_name(
                    self.file.stem + "-导入答案.json")), self.tr("Answers (*.json)"))
            if not path:
                return False
        open_values = [(u.key, u.value) for u in (self.result_.unread if self.result_ else [])]
        import_answers.save(self.answers, path, open_values)
        return True

    def start_import(self) -> bool:
        """Import what the check found in order; a list of another village is confirmed
        first, in words."""
        other = next((w for w in (self.result_.warnings if self.result_ else [])
                      if w.issue.code == "import.other_village"), None)
        if other is not None:
            answer = QMessageBox.question(
                self, self.tr("Another village's list?"),
                describe_plain(other.issue) + "\n\n" + self.tr("Import it into this book?"),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No)
            if answer != QMessageBox.StandardButton.Yes:
                return False
        self.summary.setText(self.tr("Importing…"))
        self._submit(False)
        return True

    def save_report(self, path: str | None = None) -> bool:
        if self.result_ is None:
            return False
        if path is None:
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the list of problems"),
                                                  str(self.file.with_name(
                                                      self.file.stem + "-问题清单.xlsx")),
                                                  self.tr("Workbooks (*.xlsx)"))
            if not path:
                return False
        write_report(self.result_, path)
        return True

    def done(self, result: int) -> None:
        self._stop.set()  # closing stops a check or import still running (rolled back)
        if self.temporary is not None:  # the readable copy of a protected workbook
            wait_for_jobs()  # a check still reading it ends first
            shutil.rmtree(self.temporary, ignore_errors=True)
            self.temporary = None
        super().done(result)


def choose_and_import(parent: QWidget, book_path: Path, operator: str) -> ImportDialog | None:
    """Ask for a workbook and open the import dialog on it."""
    from .exports import chosen, start_in

    name, _ = QFileDialog.getOpenFileName(
        parent, QCoreApplication.translate("ImportDialog", "Import households from a workbook"),
        start_in(), QCoreApplication.translate(
            "ImportDialog", "Spreadsheets (*.xlsx *.xls *.ods);;All files (*)"))
    if not chosen(name):
        return None
    from ..reports.protected import is_protected, private_folder

    file, temporary = Path(name), None
    if is_protected(file):  # its password first: the check reads a copy made with it
        from .password_dialogs import OpenWorkbookDialog

        temporary = private_folder()
        asked = OpenWorkbookDialog(file, temporary, parent)
        answered, copy = asked.exec(), asked.copy
        asked.deleteLater()  # not kept as the window's child until the window closes
        if not answered or copy is None:
            shutil.rmtree(temporary, ignore_errors=True)
            return None
        file = copy
    dialog = ImportDialog(parent, book_path, operator, file, temporary=temporary)
    dialog.show()
    return dialog
