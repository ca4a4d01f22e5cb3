"""项目库 and 扶贫资产台账: the village's projects above, the selected project's income
distributed each year below."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSplitter, QVBoxLayout, QWidget

from ..storage.book import Book
from .household_records import project_income_tab, project_tab
from .record_tab import RecordTab
from .scope import VillageScope


class ProjectsPage(QWidget):
    def __init__(self, book: Book, parent: QWidget | None = None,
                 scope: VillageScope | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        splitter = QSplitter(Qt.Orientation.Vertical)
        self.projects = RecordTab(project_tab(book, scope))
        self.incomes = RecordTab(project_income_tab(book))
        splitter.addWidget(self.projects)
        splitter.addWidget(self.incomes)
        layout.addWidget(splitter)
        self.projects.table.selectionModel().currentRowChanged.connect(self._selected)
        self.incomes.changed.connect(self.refresh)  # the totals above follow

    def _selected(self, current, _previous=None) -> None:
        row = current.row() if current.isValid() else -1
        rows = self.projects.model.rows
        self.incomes.set_household(rows[row]["id"] if 0 <= row < len(rows) else None)

    def refresh(self) -> None:
        selected = self.incomes.household_id
        self.projects.set_household(None)
        for row, project in enumerate(self.projects.model.rows):
            if project["id"] == selected:
                self.projects.table.selectRow(row)
