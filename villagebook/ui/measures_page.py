"""帮扶措施 of the whole village: filters (type, year, progress, source), the list, and
totals by type and by source. Double-click opens the household."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..core import codes, field_specs
from ..storage.book import Book
from ..storage.measures import MeasureFilter, measure_totals, measure_years, village_measures
from .jobs import LatestOnly
from .record_tab import Column, RecordTableModel
from .scope import VillageScope
from .tables import fit_columns, selected_households


class MeasuresPage(QWidget):
    open_household = Signal(str)

    def __init__(self, book: Book, parent: QWidget | None = None,
                 scope: VillageScope | None = None) -> None:
        super().__init__(parent)
        self.book = book
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.type_filter = self._combo("measure_type", self.tr("All types"))
        self.year_filter = QComboBox()
        self.progress_filter = self._combo("measure_status", self.tr("All progress"))
        self.source_filter = self._combo("funding_source", self.tr("All sources"))
        for widget in (self.type_filter, self.year_filter, self.progress_filter,
                       self.source_filter):
            bar.addWidget(widget)
            widget.currentIndexChanged.connect(self.read_list)
        bar.addStretch(1)
        layout.addLayout(bar)
        splitter = QSplitter(Qt.Orientation.Vertical)
        self.scope = scope or VillageScope()
        self.model = RecordTableModel("measure", self.scope.columns([
            Column("household_number"), Column("head_name"), Column("start_date"),
            Column("measure_type"), Column("member_name"), Column("content"), Column("amount"),
            Column("funding_source"), Column("progress"), Column("due_date"),
            Column("overdue", warn_when=1)]), self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.doubleClicked.connect(
            lambda index: self.open_household.emit(self.model.rows[index.row()]["household_id"]))
        splitter.addWidget(self.table)
        self.totals = QLabel()
        self.totals.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.totals.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        splitter.addWidget(self.totals)
        self._totals_job = LatestOnly(self)
        self._totals_job.done.connect(self.show_totals)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([480, 180])
        layout.addWidget(splitter)
        self.refresh()

    def selected_household_ids(self) -> tuple[str, ...]:
        """The household of the measure selected (what 打印 offers as 这一户)."""
        return selected_households(self.table, lambda row: self.model.rows[row]["household_id"])

    def _combo(self, list_name: str, all_text: str) -> QComboBox:
        combo = QComboBox()
        combo.addItem(all_text, None)
        for entry in codes.code_list(list_name):
            combo.addItem(entry.label, entry.code)
        return combo

    def refresh(self) -> None:
        """The years measures were taken in (one may be new), then the list."""
        self.year_filter.blockSignals(True)
        current = self.year_filter.currentData()
        self.year_filter.clear()
        self.year_filter.addItem(self.tr("All years"), None)
        for year in measure_years(self.book):
            self.year_filter.addItem(str(year), year)
        self.year_filter.setCurrentIndex(max(0, self.year_filter.findData(current)))
        self.year_filter.blockSignals(False)
        self.read_list()

    def current_filter(self) -> MeasureFilter:
        return MeasureFilter(measure_type=self.type_filter.currentData(),
                             year=self.year_filter.currentData(),
                             progress=self.progress_filter.currentData(),
                             funding_source=self.source_filter.currentData(),
                             **self.scope.chosen())

    def read_list(self) -> None:
        """The measures the filters choose, and their totals (in the background)."""
        where = self.current_filter()
        self.model.set_pages(lambda offset, limit: village_measures(
            self.book, where, limit=limit, offset=offset))
        fit_columns(self.table)
        self.totals.setText(self.tr("Adding up…"))
        self._totals_job.submit_reading(self.book.path, lambda conn: measure_totals(conn, where))

    def show_totals(self, totals: dict) -> None:
        count = sum(n for _, n, _ in totals["measure_type"])
        head = self.tr("<b>{count} measures, {amount} yuan</b>").format(
            count=count, amount=field_specs.format_money(sum(a for *_, a in totals["measure_type"]),
                                                     grouped=True))
        parts = []
        for column, list_name, heading in (
                ("measure_type", "measure_type", self.tr("By type")),
                ("funding_source", "funding_source", self.tr("By source of funds"))):
            # the count and the amount each with its unit, so they cannot be read as one
            items, yuan = self.tr("{count} items"), self.tr("yuan")
            lines = "".join(
                f"<tr><td>{html.escape(codes.label(list_name, code) or '—')}</td>"
                f"<td align='right'>{items.format(count=n)}</td>"
                f"<td align='right'>{field_specs.format_money(amount, grouped=True)} {yuan}</td>"
                "</tr>"
                for code, n, amount in totals[column])
            parts.append(f"<td valign='top'><b>{heading}</b><table cellspacing='3'>{lines}"
                         "</table></td>")
        # the two totals side by side, so the list keeps most of the height
        self.totals.setText(f"<p>{head}</p><table cellspacing='12'><tr>{''.join(parts)}"
                            "</tr></table>")
