"""Which village the lists of a township's book show: one shared choice, set by the
village filter of the main window and read by every village list."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .record_tab import Column


@dataclass
class VillageScope:
    """``village_id`` None: all villages. ``show``: lists carry a 村 column (a township's
    book holds several villages; a village's book has one)."""

    village_id: str | None = None
    show: bool = False

    def columns(self, columns: list[Column]) -> list[Column]:
        """A list's columns, with the village's name first in a township's book."""
        from .record_tab import Column

        return [Column("village_name"), *columns] if self.show else columns
