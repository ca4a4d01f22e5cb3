"""文件 → 从备份恢复…: the backups of the book (date, households, last change), another
backup file chosen from a USB stick, and the restore confirmed in words (the current book
is kept aside, so the restore can be undone)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..core.errors import BookError, VillagebookError
from ..storage.backups import BackupInfo, backup_folder, describe_backup, list_backups
from .dialogs import error_label
from .messages import describe_error
from .tables import fit_columns, list_table


class RestoreDialog(QDialog):
    """Choose a backup; ``chosen`` is its path once the person has confirmed."""

    def __init__(self, book_path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.book_path = book_path
        self.chosen: Path | None = None
        self.setWindowTitle(self.tr("Restore from a backup"))
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr(
            "Backups of this book, newest first (kept in {folder}). Restoring puts the "
            "backup in place of the book; the book as it is now is kept aside, so the "
            "restore can be undone.").format(folder=backup_folder(book_path))))
        self.table = list_table([self.tr("Made"), self.tr("Households"),
                                 self.tr("Last change"), self.tr("Size")])
        self.table.doubleClicked.connect(lambda _: self.restore_selected())
        layout.addWidget(self.table)
        self.error = error_label()
        layout.addWidget(self.error)
        buttons = QHBoxLayout()
        self.other_button = QPushButton(self.tr("Another backup file…"))
        self.other_button.clicked.connect(lambda: self.choose_file())
        self.restore_button = QPushButton(self.tr("Restore this backup…"))
        self.restore_button.clicked.connect(lambda: self.restore_selected())
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.reject)
        for button in (self.other_button, self.restore_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout.addLayout(buttons)
        self.backups: list[BackupInfo] = []
        self.fill(list_backups(book_path))
        self.resize(720, 420)

    def fill(self, backups: list[BackupInfo]) -> None:
        self.backups = backups
        self.table.setRowCount(len(backups))
        for row, info in enumerate(backups):
            for column, text in enumerate((
                    info.made.strftime("%Y-%m-%d %H:%M"), str(info.households),
                    (info.last_change or "")[:16].replace("T", " "),
                    f"{info.size / 2**20:.1f} MB")):
                self.table.setItem(row, column, QTableWidgetItem(text))
        if backups:
            self.table.selectRow(0)
        else:
            self.error.setText(self.tr("No backups beside the book yet: choose a backup file."))
        fit_columns(self.table)

    def choose_file(self, path: str | None = None) -> bool:
        """A backup kept elsewhere (a USB stick): listed, then restored like the others."""
        if path is None:
            from .exports import chosen, start_in

            path, _ = QFileDialog.getOpenFileName(self, self.tr("A backup file"), start_in(),
                                                  self.tr("Books (*.db)"))
            if not chosen(path):
                return False
        try:
            try:
                info = describe_backup(Path(path))
            except BookError as error:
                if error.code != "book.password_needed":
                    raise
                # a backup locked with another password (made before it was changed)
                from .password_dialogs import OpenLockedDialog

                if not OpenLockedDialog(Path(path), self).exec():
                    return False
                info = describe_backup(Path(path))
        except VillagebookError as error:
            self.error.setText("✖ " + describe_error(error))
            return False
        self.error.setText("")
        self.fill([info, *self.backups])
        return True

    def restore_selected(self) -> bool:
        row = self.table.currentRow()
        if not 0 <= row < len(self.backups):
            return False
        info = self.backups[row]
        answer = QMessageBox.question(self, self.tr("Restore from a backup"), self.tr(
            "Put the backup of {made} ({households} households) in place of the book? The "
            "book as it is now is kept aside first; changes made after the backup will be "
            "in that copy only.").format(made=info.made.strftime("%Y-%m-%d %H:%M"),
                                         households=info.households),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return False
        self.chosen = info.path
        self.accept()
        return True
