"""Long exports and prints run off the GUI thread: a progress dialog that appears only
when the job takes a while (as Anki does), can be cancelled, and says where the file went
with a button to open it or its folder."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressDialog, QWidget

from ..core.errors import Cancelled
from ..storage.book import Book
from .jobs import LatestOnly, Progress
from .messages import describe_failure

SHOW_AFTER_MS = 600

# work(book for reading, the file, stop flag, step(done so far)) → a line saying what
# was written
Work = Callable[[Book, Path, Callable[[], bool], Callable[[int], None]], str]


def run_in_background(parent: QWidget, book_path: Path, out: Path, busy: str,
                      work: Work, on_done: Callable[[str], object] | None = None,
                      total: int = 0) -> LatestOnly:
    """Run ``work`` with its own read-only book; then ``on_done(summary)``, by default
    saying where the file went. With ``total`` the dialog counts ``step`` calls up to it;
    without, it shows that work is going on."""
    stop = threading.Event()
    dialog = QProgressDialog(busy, QCoreApplication.translate("Exports", "Cancel"), 0, total,
                             parent)
    dialog.setMinimumDuration(SHOW_AFTER_MS)
    dialog.setAutoReset(False)
    dialog.canceled.connect(stop.set)
    relay = Progress(dialog)
    relay.step.connect(lambda done, _total: dialog.setValue(done))
    job = LatestOnly(parent)

    def done(summary: str) -> None:
        dialog.reset()
        if on_done is None:
            show_saved(parent, out, summary)
        else:
            on_done(summary)

    def failed(error: Exception) -> None:
        dialog.reset()
        if isinstance(error, Cancelled):
            return
        QMessageBox.critical(parent, QCoreApplication.translate("Exports", "Not done"),
                             describe_failure(error))

    job.done.connect(done)
    job.failed.connect(failed)
    job.submit_reading(book_path, lambda conn: work(Book(book_path, conn), out, stop.is_set,
                                                     lambda done: relay.step.emit(done, total)))
    return job


def start_in(file_name: str = "") -> str:
    """Where a file dialog starts: the folder last used (else the home folder), with the
    file name proposed."""
    from ..settings import Settings

    last = Path(Settings().last_folder or Path.home())
    folder = last if last.is_dir() else Path.home()
    return str(folder / file_name) if file_name else str(folder)


def chosen(path: str) -> str:
    """A path the person chose in a file dialog, its folder remembered for the next one;
    "" (cancelled) as it is."""
    if path:
        from ..settings import Settings

        Settings().remember_folder(path)
    return path


def ask_save_path(parent: QWidget, title: str, file_name: str, file_filter: str
                  ) -> str | None:
    """Where to save a file, proposed in the folder last used; None when cancelled."""
    path, _ = QFileDialog.getSaveFileName(parent, title, start_in(file_name), file_filter)
    return chosen(path) or None


def show_saved(parent: QWidget, out: Path, summary: str) -> None:
    """Say where a file went; offer to open it or its folder."""
    text = QCoreApplication.translate("Exports", "Saved to:\n{path}\n\n{summary}").format(
        path=out, summary=summary)
    box = QMessageBox(QMessageBox.Icon.Information,
                      QCoreApplication.translate("Exports", "Saved"), text, parent=parent)
    open_file = box.addButton(QCoreApplication.translate("Exports", "Open it"),
                              QMessageBox.ButtonRole.ActionRole)
    folder = box.addButton(QCoreApplication.translate("Exports", "Open its folder"),
                           QMessageBox.ButtonRole.ActionRole)
    box.addButton(QMessageBox.StandardButton.Ok)
    box.exec()
    clicked = box.clickedButton()
    box.deleteLater()  # not kept as the window's child until the window closes
    if clicked is open_file:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(out)))
    elif clicked is folder:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(out.parent)))
