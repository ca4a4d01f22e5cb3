"""统计图 (挂图作战): the village's figures as charts. The figures are read and drawn in the
background (reportlab's charts, as SVG) and shown with QtSvg; the same drawings print on
one page."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray
from PySide6.QtSvgWidgets import QSvgWidget
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ..core.today import current_date
from ..storage.book import Book
from .exports import run_in_background
from .findings_source import FindingsSource
from .jobs import LatestOnly
from .messages import describe_failure

COLUMNS = 2
SIZE = (360, 220)  # points of each drawing (as printed)
# shown larger than its points: its 7-point labels read at about 10 pixels, two drawings
# a row within a 1366-pixel laptop screen beside the side bar
SHOWN_SCALE = 1.45


class DashboardPage(QWidget):
    def __init__(self, book: Book, source: FindingsSource,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.book = book
        self.source = source
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.state = QLabel()
        bar.addWidget(self.state, 1)
        # A3 for the office wall: the same page drawn larger, read from across the room
        self.paper = QComboBox()
        self.paper.addItem(self.tr("A4 landscape"), "A4")
        self.paper.addItem(self.tr("A3 landscape"), "A3")
        self.paper.setToolTip(self.tr("Paper the charts are printed on"))
        bar.addWidget(self.paper)
        self.print_button = QPushButton(self.tr("Print the charts…"))
        self.print_button.clicked.connect(lambda: self.print_charts())
        bar.addWidget(self.print_button)
        layout.addLayout(bar)
        holder = QWidget()
        self.grid = QGridLayout(holder)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(holder)
        layout.addWidget(scroll, 1)
        self.charts: dict[str, QSvgWidget] = {}
        self.shown: list = []
        self._job = LatestOnly(self)
        self._job.done.connect(self._arrived)
        self._job.failed.connect(lambda error: self.state.setText(
            "✖ " + describe_failure(error)))
        source.arrived.connect(lambda _findings: self.refresh())

    def refresh(self) -> None:
        """Read and draw the figures in the background; the charts follow."""
        self.state.setText(self.tr("Drawing the charts…"))
        path = self.book.path
        findings = self.source.findings if self.source.ready else None

        def work(conn) -> list:
            from ..reports.dashboard import figures, svg  # reportlab: off the window's start

            shown = figures(Book(path, conn), findings=findings)
            return [(figure, svg(figure, *SIZE)) for figure in shown]

        self._job.submit_reading(path, work)

    def _arrived(self, drawn: list) -> None:
        if self.book.closed:
            return
        for widget in self.charts.values():
            widget.deleteLater()
        self.charts = {}
        self.shown = [figure for figure, _ in drawn]
        for position, (figure, data) in enumerate(drawn):
            widget = QSvgWidget()
            widget.load(QByteArray(data))
            widget.setFixedSize(round(SIZE[0] * SHOWN_SCALE), round(SIZE[1] * SHOWN_SCALE))
            self.grid.addWidget(widget, position // COLUMNS, position % COLUMNS)
            self.charts[figure.key] = widget
        self.state.setText(self.tr("Figures of {day}").format(day=current_date().isoformat()))

    def print_charts(self, path: str | None = None) -> None:
        """The charts on one page (PDF), in the background: previewed (to print or save
        from there), or written to ``path``."""
        findings = self.source.findings if self.source.ready else None
        paper = self.paper.currentData()
        from ..reports.dashboard import print_dashboard

        def work(book, out, _stop, _step) -> str:
            return f"{print_dashboard(book, out, findings, paper=paper)} 页"

        if path is None:
            from .pdf_view import preview_in_background  # pdfium: when first used

            preview_in_background(self, self.book.path, self.tr("Drawing the charts…"),
                                  "挂图作战.pdf", work)
            return
        run_in_background(self, self.book.path, Path(path), self.tr("Drawing the charts…"),
                          work)
