"""Show and print the PDFs the reports write: pages rendered with PDFium (pypdfium2), so
the preview and the paper are the very document that is saved, with its embedded font.

The preview renders one page at a time (a village's cards run to 1,700 pages); printing
renders each page at the printer's resolution (at most 300 dpi) and paints it to the page.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import pypdfium2 as pdfium
from PySide6.QtCore import QCoreApplication, QMarginsF, QRectF, Qt
from PySide6.QtGui import QImage, QKeySequence, QPageLayout, QPageSize, QPainter, QPixmap
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ..core.errors import VillagebookError
from ..storage.files import replace_atomically
from .messages import describe_failure

if TYPE_CHECKING:
    from .exports import Work
    from .jobs import LatestOnly

MAX_PRINT_DPI = 300
POINTS_PER_INCH = 72


def page_image(document: pdfium.PdfDocument, index: int, dpi: float) -> QImage:
    """Page ``index`` (0-based) as an image at ``dpi``."""
    bitmap = document[index].render(scale=dpi / POINTS_PER_INCH, prefer_bgrx=True,
                                    rev_byteorder=True)
    # copy: the image must outlive PDFium's buffer
    return QImage(bitmap.buffer, bitmap.width, bitmap.height, bitmap.stride,
                  QImage.Format.Format_RGBX8888).copy()


def print_pdf(path: Path, printer: QPrinter, *, progress: Callable[[int, int], None] | None = None,
              cancelled: Callable[[], bool] | None = None) -> int:
    """Paint the PDF's pages (the printer's page range, or all) onto ``printer``; returns
    how many pages were sent."""
    document = pdfium.PdfDocument(str(path))
    try:
        count = len(document)
        first, last = printer.fromPage(), printer.toPage()
        pages = range(max(first, 1) - 1, min(last, count) if last else count)
        dpi = min(printer.resolution(), MAX_PRINT_DPI)
        painter = QPainter()
        if not painter.begin(printer):
            raise OSError("the printer could not be started")
        sent = 0
        try:
            for n, index in enumerate(pages):
                if cancelled is not None and cancelled():
                    printer.abort()
                    break
                if n:
                    printer.newPage()
                image = page_image(document, index, dpi)
                target = QRectF(painter.viewport())
                scaled = image.size().scaled(target.size().toSize(),
                                             Qt.AspectRatioMode.KeepAspectRatio)
                painter.drawImage(QRectF(target.x(), target.y(), scaled.width(),
                                         scaled.height()), image)
                sent += 1
                if progress is not None:
                    progress(sent, len(pages))
        finally:
            painter.end()
        return sent
    finally:
        document.close()


def new_printer(path: Path) -> QPrinter:
    """A printer set up for the document: A4 or A3 as the PDF's first page, its
    orientation, no extra margins (the PDF has its own)."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    document = pdfium.PdfDocument(str(path))
    try:
        width, height = document[0].get_size()
    finally:
        document.close()
    a3 = max(width, height) > 1000  # A4 is 842 points long, A3 1191
    printer.setPageLayout(QPageLayout(
        QPageSize(QPageSize.PageSizeId.A3 if a3 else QPageSize.PageSizeId.A4),
        QPageLayout.Orientation.Landscape if width > height
        else QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0)))
    printer.setFullPage(True)
    return printer


def print_with_dialog(parent: QWidget, path: Path) -> int:
    """Ask which printer and pages, then print with progress and cancel; returns pages
    sent (0 when the person cancelled)."""
    printer = new_printer(path)
    dialog = QPrintDialog(printer, parent)
    dialog.setOption(QPrintDialog.PrintDialogOption.PrintPageRange, True)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return 0
    busy = QProgressDialog(QCoreApplication.translate("Printing", "Printing…"),
                           QCoreApplication.translate("Printing", "Cancel"), 0, 0, parent)
    busy.setMinimumDuration(600)

    def step(done: int, total: int) -> None:
        busy.setMaximum(total)
        busy.setValue(done)

    try:
        return print_pdf(path, printer, progress=step, cancelled=busy.wasCanceled)
    finally:
        busy.reset()


ZOOM_STEP, MIN_ZOOM, MAX_ZOOM = 1.25, 0.5, 4.0


class PreviewDialog(QDialog):
    """Page through a generated PDF; print it or save it from here."""

    def __init__(self, path: Path, suggested_name: str, parent: QWidget | None = None, *,
                 sample: str = "", full_job: Callable[[str], object] | None = None,
                 password_for: Callable[[str], tuple[bool, str | None]] | None = None
                 ) -> None:
        """``sample``: what the preview leaves out, said above the page (a preview of the
        first households of a village); then ``full_job("print")`` or ``("save")`` makes
        and prints or saves the whole document instead of the sample. ``password_for(
        file name)``: (go on, the saved file's password), for a document with personal
        data from a locked book (``password_dialogs.file_password``)."""
        super().__init__(parent)
        self.path = path
        self.suggested_name = suggested_name
        self.full_job = full_job
        self.password_for = password_for
        self.document: pdfium.PdfDocument | None = pdfium.PdfDocument(str(path))
        self.index = 0
        self.setWindowTitle(self.tr("Print preview"))
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.previous_button = QPushButton(self.tr("Previous page"))
        self.previous_button.setShortcut(Qt.Key.Key_PageUp)
        self.previous_button.clicked.connect(lambda: self.show_page(self.index - 1))
        self.next_button = QPushButton(self.tr("Next page"))
        self.next_button.setShortcut(Qt.Key.Key_PageDown)
        self.next_button.clicked.connect(lambda: self.show_page(self.index + 1))
        self.page_label = QLabel()
        self.zoom = 1.0  # of the page fitted to the window's width
        self.zoom_out_button = QPushButton(self.tr("Smaller"))
        self.zoom_out_button.setShortcut(QKeySequence.StandardKey.ZoomOut)
        self.zoom_out_button.clicked.connect(lambda: self.set_zoom(self.zoom / ZOOM_STEP))
        self.zoom_in_button = QPushButton(self.tr("Larger"))
        self.zoom_in_button.setShortcut(QKeySequence.StandardKey.ZoomIn)
        self.zoom_in_button.clicked.connect(lambda: self.set_zoom(self.zoom * ZOOM_STEP))
        self.print_button = QPushButton(self.tr("Print…"))
        self.print_button.clicked.connect(self.print_document)
        self.save_button = QPushButton(self.tr("Save as PDF…"))
        self.save_button.clicked.connect(lambda: self.save_as())
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.reject)
        for widget in (self.previous_button, self.page_label, self.next_button,
                       self.zoom_out_button, self.zoom_in_button):
            bar.addWidget(widget)
        bar.addStretch(1)
        for widget in (self.print_button, self.save_button, close):
            bar.addWidget(widget)
        layout.addLayout(bar)
        self.sample = QLabel(sample)
        self.sample.setWordWrap(True)
        self.sample.setVisible(bool(sample))
        layout.addWidget(self.sample)
        self.page = QLabel()
        self.page.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.page.setStyleSheet("background: #808080;")
        self.scroller = QScrollArea()
        self.scroller.setWidget(self.page)
        self.scroller.setWidgetResizable(True)
        layout.addWidget(self.scroller, 1)
        # within the screen (a 1366×768 laptop has about 730 pixels of height to give)
        screen = (parent.screen() if parent is not None else self.screen()).availableGeometry()
        self.resize(min(900, screen.width() - 40), min(1000, screen.height() - 60))
        self.show_page(0)

    @property
    def page_count(self) -> int:
        return len(self.document) if self.document is not None else 0

    def show_page(self, index: int) -> None:
        if self.document is None:  # closed
            return
        self.index = max(0, min(index, self.page_count - 1))
        # the page fits the window's width, as a person reads it
        width_points = self.document[self.index].get_size()[0]
        # the width with room for a scroll bar, whether one shows or not: the page keeps
        # its size when zooming back
        fit = self.scroller.width() - self.scroller.verticalScrollBar().sizeHint().width() - 28
        dpi = max(30.0, fit / width_points * POINTS_PER_INCH) * self.zoom
        self.page.setPixmap(QPixmap.fromImage(page_image(self.document, self.index, dpi)))
        self.page_label.setText(self.tr("Page {page} of {count}").format(
            page=self.index + 1, count=self.page_count))
        self.previous_button.setEnabled(self.index > 0)
        self.next_button.setEnabled(self.index < self.page_count - 1)

    def set_zoom(self, zoom: float) -> None:
        """Show the page larger or smaller than the window's width (a landscape list's
        small type read closely), within sensible bounds."""
        self.zoom = max(MIN_ZOOM, min(MAX_ZOOM, zoom))
        self.zoom_out_button.setEnabled(self.zoom > MIN_ZOOM)
        self.zoom_in_button.setEnabled(self.zoom < MAX_ZOOM)
        self.show_page(self.index)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.show_page(self.index)

    def print_document(self) -> int:
        if self.full_job is not None:  # a sample: the whole document is made, then printed
            self.full_job("print")
            self.reject()
            return 0
        return print_with_dialog(self, self.path)

    def save_as(self, target: str | None = None) -> Path | None:
        """Copy the previewed PDF to where the person chooses (written atomically)."""
        from .exports import show_saved

        if self.full_job is not None:  # a sample: the whole document is made and saved
            self.full_job("save")
            self.reject()
            return None
        if target is None:
            from .exports import chosen, start_in

            target, _ = QFileDialog.getSaveFileName(
                self, self.tr("Save as PDF"), start_in(self.suggested_name),
                self.tr("PDF files (*.pdf)"))
            if not chosen(target):
                return None
        password = None
        if self.password_for is not None:
            go_on, password = self.password_for(Path(target).name)
            if not go_on:
                return None
        from ..reports.protected import write_protected

        def copy(out: Path) -> None:
            with replace_atomically(out) as tmp:
                Path(tmp).write_bytes(self.path.read_bytes())

        try:
            write_protected(target, password, copy)
        except (OSError, VillagebookError) as error:
            QMessageBox.critical(self, self.tr("Not saved"), describe_failure(error))
            return None
        show_saved(self, Path(target), "")
        return Path(target)

    def done(self, result: int) -> None:
        if self.document is not None:
            self.document.close()  # releases the file (it can then be replaced or deleted)
            self.document = None
        super().done(result)


def preview_in_background(parent: QWidget, book_path: Path, busy: str, file_name: str,
                          work: Work) -> LatestOnly:
    """Make a PDF in the background into a folder of its own, then show it in the print
    preview (打印… and 保存为 PDF… from there, as the cards); the folder goes when the
    preview closes."""
    import shutil
    import tempfile

    from .exports import run_in_background

    folder = Path(tempfile.mkdtemp(prefix="villagebook-preview-"))
    out = folder / file_name

    def show(_summary: str) -> None:
        preview = PreviewDialog(out, file_name, parent)  # a child: kept while shown
        # closing it releases the file first (PreviewDialog.done), then its folder goes
        preview.finished.connect(lambda _result: shutil.rmtree(folder, ignore_errors=True))
        preview.show()

    return run_in_background(parent, book_path, out, busy, work, on_done=show)
