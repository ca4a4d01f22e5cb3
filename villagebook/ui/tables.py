"""Table views the same everywhere: columns sized to what they show."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QAbstractItemView, QTableView, QTableWidget

# Rows read to size a column: a list of 45,000 rows is sized by its first screenful or two, as a
# spreadsheet does (Qt's default reads 1,000 rows of every column, and sizing a township's
# lists cost more than filling them).
SIZE_SAMPLE = 40


def fit_columns(table: QTableView) -> None:
    """Size each column to its header and the first rows' contents."""
    table.horizontalHeader().setResizeContentsPrecision(SIZE_SAMPLE)
    table.resizeColumnsToContents()


def list_table(headers: list[str]) -> QTableWidget:
    """A table of rows to read and choose one of (not to edit), under ``headers``."""
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def selected_households(table: QTableView, household_of: Callable[[int], str | None]
                        ) -> tuple[str, ...]:
    """The households of the rows selected in ``table`` (``household_of`` reads a row's),
    in the table's order, each once; rows about no household are left out."""
    rows = sorted(index.row() for index in table.selectionModel().selectedRows())
    return tuple(dict.fromkeys(h for h in map(household_of, rows) if h))
