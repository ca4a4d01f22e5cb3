"""Long exports run off the GUI thread: a progress dialog that appears only when the job
takes a while (as Anki does), can be cancelled, and says where the file went."""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from ..core.errors import VillagebookError
from ..reports.workbook import Cancelled, export_register
from .jobs import LatestOnly, read_connection
from .messages import describe_error

SHOW_AFTER_MS = 600


def run_export(parent: QWidget, book_path: Path, out: Path) -> LatestOnly:
    """Export the register of the book at ``book_path`` to ``out`` in the background."""
    stop = threading.Event()
    dialog = QProgressDialog(
        QCoreApplication.translate("Exports", "Writing the village register…"),
        QCoreApplication.translate("Exports", "Cancel"), 0, 0, parent)
    dialog.setMinimumDuration(SHOW_AFTER_MS)
    dialog.canceled.connect(stop.set)
    job = LatestOnly(parent)

    def work() -> dict[str, int]:
        conn = read_connection(book_path)
        try:
            return export_register(conn, out, cancelled=stop.is_set)
        finally:
            conn.close()

    def done(counts: dict[str, int]) -> None:
        dialog.reset()
        text = QCoreApplication.translate(
            "Exports", "The village register was saved to:\n{path}\n\n{rows}").format(
            path=out, rows="，".join(f"{k} {v}" for k, v in counts.items()))
        box = QMessageBox(QMessageBox.Icon.Information,
                          QCoreApplication.translate("Exports", "Exported"), text, parent=parent)
        folder = box.addButton(QCoreApplication.translate("Exports", "Open its folder"),
                               QMessageBox.ButtonRole.ActionRole)
        box.addButton(QMessageBox.StandardButton.Ok)
        box.exec()
        if box.clickedButton() is folder:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(out.parent)))

    def failed(error: Exception) -> None:
        dialog.reset()
        if isinstance(error, Cancelled):
            return
        text = describe_error(error) if isinstance(error, VillagebookError) else str(error)
        QMessageBox.critical(parent, QCoreApplication.translate("Exports", "Not exported"), text)

    job.done.connect(done)
    job.failed.connect(failed)
    job.submit(work)
    return job
