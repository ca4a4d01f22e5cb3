"""The filters above every page of a book of many villages: 乡镇 (a county's book) and
村 (a township's or a county's). They set the shared ``VillageScope`` that every list
reads, and say when it changed."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QWidget

from ..storage.book import Book
from ..storage.levels import COUNTY
from ..storage.township import township_names
from .scope import VillageScope


class VillageFilters(QWidget):
    """The 乡镇 and 村 choices (hidden in a village's book, 乡镇 only in a county's)."""

    changed = Signal()  # the scope now names other villages

    def __init__(self, book: Book, scope: VillageScope, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.book = book
        self.scope = scope
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.township = QComboBox()  # a county's book: one township's villages or all
        self.township.setVisible(book.level == COUNTY)
        self.township.currentIndexChanged.connect(self._township_chosen)
        self.village = QComboBox()  # one village or all
        self.village.setVisible(book.holds_villages)
        self.village.currentIndexChanged.connect(self._village_chosen)
        layout.addWidget(self.township)
        layout.addWidget(self.village)
        layout.addStretch(1)
        self.fill()

    def fill(self) -> None:
        """The townships and villages the book holds now (a package may have brought
        more), the choice kept."""
        if self.book.level == COUNTY:
            self._fill(self.township, self.tr("All townships"),
                       township_names(self.book.conn).items())
        prefix = f"{self.scope.township_code or ''}%"
        self._fill(self.village, self.tr("All villages"), self.book.conn.execute(
            "SELECT id, name FROM village WHERE code LIKE ? ORDER BY code", [prefix]))

    @staticmethod
    def _fill(combo: QComboBox, every: str, choices) -> None:
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(every, None)
        for data, name in choices:
            combo.addItem(name, data)
        combo.setCurrentIndex(max(0, combo.findData(current)))
        combo.blockSignals(False)

    def _township_chosen(self) -> None:
        """One township's villages (or all): the village list follows, all of them."""
        code = self.township.currentData()
        if code == self.scope.township_code:
            return
        self.scope.township_code = code
        self.scope.village_id = None
        self.village.blockSignals(True)
        self.village.setCurrentIndex(0)
        self.village.blockSignals(False)
        self.fill()
        self.changed.emit()

    def _village_chosen(self) -> None:
        village_id = self.village.currentData()
        if village_id != self.scope.village_id:
            self.scope.village_id = village_id
            self.changed.emit()
