"""走访 for the whole village: households not visited for too long, follow-ups that are
due, and the two settings behind them. Double-click opens the household."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..core.errors import VillagebookError
from ..storage.book import Book
from ..storage.book_settings import int_setting, set_int_setting
from ..storage.visits import (
    count_follow_ups_due,
    count_not_visited,
    follow_ups_due,
    not_visited,
    recent_visits,
)
from .dialogs import error_label
from .messages import describe_error
from .record_tab import Column, RecordTableModel
from .scope import VillageScope
from .tables import fit_columns


class VisitsPage(QWidget):
    open_household = Signal(str)

    def __init__(self, book: Book, parent: QWidget | None = None,
                 scope: VillageScope | None = None) -> None:
        super().__init__(parent)
        self.book = book
        self.scope = scope or VillageScope()
        layout = QVBoxLayout(self)
        settings = QHBoxLayout()
        settings.addWidget(QLabel(self.tr("A household out of poverty or under monitoring counts as not visited after")))
        self.days = QSpinBox()
        self.days.setRange(7, 730)
        self.days.setSuffix(self.tr(" days"))
        settings.addWidget(self.days)
        settings.addWidget(QLabel(self.tr("Visits each helper owes a year:")))
        self.required = QSpinBox()
        self.required.setRange(1, 52)
        settings.addWidget(self.required)
        self.apply_button = QPushButton(self.tr("Apply"))
        self.apply_button.clicked.connect(self.apply_settings)
        settings.addWidget(self.apply_button)
        settings.addStretch(1)
        layout.addLayout(settings)
        self.error = error_label()
        layout.addWidget(self.error)
        self.not_visited_label = QLabel()
        layout.addWidget(self.not_visited_label)
        self.not_visited = RecordTableModel("visit", self.scope.columns([
            Column("household_number"), Column("head_name"), Column("last_visit"),
            Column("days")]), self)
        self.not_visited_table = self._table(self.not_visited)
        layout.addWidget(self.not_visited_table)
        self.follow_label = QLabel()
        layout.addWidget(self.follow_label)
        self.follow_ups = RecordTableModel("visit", self.scope.columns([
            Column("follow_up_date"), Column("household_number"), Column("head_name"),
            Column("visit_date"), Column("visitor"), Column("agreed")]), self)
        self.follow_table = self._table(self.follow_ups)
        layout.addWidget(self.follow_table)
        layout.addWidget(QLabel(self.tr("<b>Visit log: the newest visits</b>")))
        self.recent = RecordTableModel("visit", self.scope.columns([
            Column("visit_date"), Column("household_number"), Column("head_name"),
            Column("visit_kind"), Column("visitor"), Column("found"), Column("agreed")]),
            self)
        self.recent_table = self._table(self.recent)
        layout.addWidget(self.recent_table)

    def _table(self, model: RecordTableModel) -> QTableView:
        table = QTableView()
        table.setModel(model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.doubleClicked.connect(
            lambda index: self.open_household.emit(model.rows[index.row()]["household_id"]))
        return table

    def refresh(self) -> None:
        self.days.setValue(int_setting(self.book, "visits.max_days_unvisited"))
        self.required.setValue(int_setting(self.book, "visits.required_per_year"))
        village = self.scope.chosen()
        book = self.book
        # each list a page at a time as it scrolls; the counts are counted, not read
        self.not_visited.set_pages(lambda offset, limit: not_visited(
            book, **village, limit=limit, offset=offset))
        self.not_visited_label.setText(self.tr("<b>Not visited for more than {days} days: "
                                               "{count} households</b>").format(
            days=self.days.value(), count=count_not_visited(book, **village)))
        self.follow_ups.set_pages(lambda offset, limit: follow_ups_due(
            book, **village, limit=limit, offset=offset))
        self.follow_label.setText(self.tr("<b>Follow-ups due: {count}</b>").format(
            count=count_follow_ups_due(book, **village)))
        self.recent.set_pages(lambda offset, limit: recent_visits(
            book, limit=limit, **village, offset=offset))
        for table in (self.not_visited_table, self.follow_table, self.recent_table):
            fit_columns(table)

    def apply_settings(self) -> None:
        try:
            set_int_setting(self.book, "visits.max_days_unvisited", self.days.value())
            set_int_setting(self.book, "visits.required_per_year", self.required.value())
        except VillagebookError as error:
            self.error.setText("✖ " + describe_error(error))
            return
        self.error.setText("")
        self.refresh()
