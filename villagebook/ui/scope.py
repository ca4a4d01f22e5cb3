"""Which village the lists of a township's (or a county's) book show: one shared choice,
set by the filters above the pages of the main window and read by every village list."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..storage.village import VillageChoice

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from ..storage.book import Book
    from .record_tab import Column


@dataclass
class VillageScope:
    """``village_id`` None: all villages (of the township ``township_code`` in a
    county's book, when one is chosen). ``show``: lists carry a 村 column (a township's
    book holds several villages; a village's book has one)."""

    village_id: str | None = None
    show: bool = False
    township_code: str | None = None

    def chosen(self) -> VillageChoice:
        """The choice as the book's lists take it (``village_id``, ``township_code``)."""
        return VillageChoice(village_id=self.village_id, township_code=self.township_code)

    def columns(self, columns: list[Column]) -> list[Column]:
        """A list's columns, with the village's name first in a township's book."""
        from .record_tab import Column

        return [Column("village_name"), *columns] if self.show else columns

    def village_for_new(self, parent: QWidget, book: Book) -> str | None:
        """The village a new household, problem or project is for: the one the filter
        shows, the book's own in a village's book, else asked (None: the person cancelled)."""
        if self.village_id or not self.show:
            return self.village_id or book.home_village_id
        from PySide6.QtCore import QCoreApplication
        from PySide6.QtWidgets import QInputDialog

        villages = book.conn.execute("SELECT id, name, code FROM village ORDER BY code"
                                     ).fetchall()
        names = [f"{name}（{code}）" for _, name, code in villages]
        name, ok = QInputDialog.getItem(
            parent, QCoreApplication.translate("VillageScope", "Which village"),
            QCoreApplication.translate("VillageScope", "The new record belongs to:"),
            names, 0, False)
        return villages[names.index(name)][0] if ok and name in names else None
