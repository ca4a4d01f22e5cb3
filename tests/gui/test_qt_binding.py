"""Guards against known defects of the Qt binding that would crash the program."""

from __future__ import annotations

import sys

from PySide6.QtCore import QAbstractTableModel, QModelIndex
from PySide6.QtWidgets import QComboBox


class _Model(QAbstractTableModel):
    def rowCount(self, parent=QModelIndex()) -> int:
        return 10

    def columnCount(self, parent=QModelIndex()) -> int:
        return 1

    def data(self, index, role=0):
        return None


def test_returning_none_from_an_override_keeps_nones_reference_count(qapp):
    """PySide6 6.12.0 decremented None's count on each such return; on Python 3.11 the
    interpreter then aborts ('deallocating None') once a list has been scrolled enough."""
    model = _Model()
    before = sys.getrefcount(None)
    for _ in range(200):
        for row in range(10):
            model.index(row, 0).data(5)
    combo = QComboBox()
    for i in range(200):
        combo.addItem(str(i), str(i))
    assert sys.getrefcount(None) >= before - 20
