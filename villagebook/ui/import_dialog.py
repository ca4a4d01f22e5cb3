"""Importing a workbook from the window: a dry run first (in the background), every
problem listed with sheet, row and column, the list can be saved as a workbook; only a
clean file can then be imported, all at once."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (QDialog, QFileDialog, QHBoxLayout, QLabel, QPushButton,
                               QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from ..core.errors import VillagebookError
from ..core.messages import describe_plain
from ..reports.workbook_import import ImportResult, import_workbook, write_report
from ..storage import open_book
from .jobs import LatestOnly
from .messages import describe_error


def _run(book_path: Path, operator: str, file: Path, dry_run: bool) -> ImportResult:
    """One import on a connection of its own (a dry run rolls back at the end)."""
    book = open_book(book_path)
    try:
        book.operator = operator
        return import_workbook(book, file, dry_run=dry_run)
    finally:
        book.close()


class ImportDialog(QDialog):
    """Check a workbook, show what would happen, and import it if it is clean."""

    imported = Signal()

    def __init__(self, parent: QWidget | None, book_path: Path, operator: str,
                 file: Path) -> None:
        super().__init__(parent)
        self.book_path, self.operator, self.file = book_path, operator, file
        self.result_: ImportResult | None = None
        self.setWindowTitle(self.tr("Import households from a workbook"))
        self.resize(900, 520)
        layout = QVBoxLayout(self)
        self.summary = QLabel(self.tr("Checking {name}…").format(name=file.name))
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        # a short list of problems (a few hundred rows at most): a table widget is enough
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels([self.tr("Sheet"), self.tr("Row"),
                                              self.tr("Column"), self.tr("Value"),
                                              self.tr("Problem")])
        self.table.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.table)
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
        self.job = LatestOnly(self)
        self.job.done.connect(self.show_result)
        self.job.failed.connect(self.show_failure)
        self.dry_run = True
        self.job.submit(lambda: _run(book_path, operator, file, True))

    def show_result(self, result: ImportResult) -> None:
        self.result_ = result
        problems = result.problems
        self.table.setRowCount(len(problems))
        for row, p in enumerate(problems):
            for column, value in enumerate((p.sheet, str(p.row), p.column, p.value,
                                            describe_plain(p.issue))):
                self.table.setItem(row, column, QTableWidgetItem(value))
        self.table.resizeColumnsToContents()
        counts = self.tr("{new} new households, {updated} updated, {members} member rows").format(
            new=result.households_created, updated=result.households_updated,
            members=result.members)
        if not self.dry_run and result.committed:
            self.summary.setText(self.tr("Imported: {counts}.").format(counts=counts))
            self.import_button.setEnabled(False)
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
        self.report_button.setEnabled(bool(problems or result.warnings))
        self.import_button.setEnabled(self.dry_run and not problems)

    def show_failure(self, error: Exception) -> None:
        text = describe_error(error) if isinstance(error, VillagebookError) else str(error)
        self.summary.setText("✖ " + text)
        self.import_button.setEnabled(False)

    def start_import(self) -> None:
        self.dry_run = False
        self.import_button.setEnabled(False)
        self.summary.setText(self.tr("Importing…"))
        self.job.submit(lambda: _run(self.book_path, self.operator, self.file, False))

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


def choose_and_import(parent: QWidget, book_path: Path, operator: str) -> ImportDialog | None:
    """Ask for a workbook and open the import dialog on it."""
    name, _ = QFileDialog.getOpenFileName(
        parent, QCoreApplication.translate("ImportDialog", "Import households from a workbook"),
        str(Path.home()), QCoreApplication.translate(
            "ImportDialog", "Spreadsheets (*.xlsx *.xls *.ods);;All files (*)"))
    if not name:
        return None
    dialog = ImportDialog(parent, book_path, operator, Path(name))
    dialog.show()
    return dialog

