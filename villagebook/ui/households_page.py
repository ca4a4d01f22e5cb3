"""The household list page: search, filters, the list (a page of SQL rows at a time), what
to do first in an empty book, and the selected household's summary. Double-click or Enter
opens a household."""

from __future__ import annotations

import datetime as dt
import html

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..core import codes
from ..core.today import current_date
from ..storage.book import Book
from ..storage.households import load_household
from ..storage.levels import COUNTY
from ..storage.queries import group_names
from .household_list import HouseholdListModel
from .scope import VillageScope
from .tables import selected_households


class HouseholdTable(QTableView):
    """Enter opens the selected household, as double-click does."""

    open_requested = Signal(QModelIndex)

    def keyPressEvent(self, event) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.open_requested.emit(self.currentIndex())
            return
        super().keyPressEvent(event)


class HouseholdsPage(QWidget):
    """The households of the book (of the village the scope names, in a township's)."""

    open_household = Signal(object)  # a household's id, or None for a new household
    print_requested = Signal(str)  # "cards" or "walls", for the households selected
    import_requested = Signal()
    sync_requested = Signal()

    def __init__(self, book: Book, scope: VillageScope, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.book = book
        self.scope = scope
        township = book.holds_villages
        self.model = HouseholdListModel(book, self, show_village=township)
        self.model.count_changed.connect(self._show_count)
        self._search_timer = QTimer(self, singleShot=True, interval=120)
        self._search_timer.timeout.connect(self._apply_search)
        self._build(township)
        self.update_count()
        self.update_first_steps()
        if self.model.rowCount():
            self.table.selectRow(0)

    def _build(self, township: bool) -> None:
        center = QWidget()
        layout = QVBoxLayout(center)
        layout.setContentsMargins(0, 0, 0, 0)
        bar = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setPlaceholderText(
            self.tr("Search: name, pinyin initials (zs), ID number, household number"))
        self.search.setClearButtonEnabled(True)
        # wide enough for its whole hint (the clear button and frame take about 40 px)
        self.search.setMinimumWidth(
            self.search.fontMetrics().horizontalAdvance(self.search.placeholderText()) + 44)
        self.search.textChanged.connect(lambda _: self._search_timer.start())
        self.search.installEventFilter(self)
        bar.addWidget(self.search, 3)
        self.category_filter = self._filter_combo("household_category", self.tr("All categories"))
        self.status_filter = self._filter_combo("poverty_status", self.tr("All statuses"))
        self.group_filter = QComboBox()
        self.group_filter.addItem(self.tr("All groups"), None)
        for name in group_names(self.book.conn):  # by their numbers (group_sort)
            self.group_filter.addItem(name, name)
        self.group_filter.currentIndexChanged.connect(self.apply_filters)
        self.closed_check = QCheckBox(self.tr("Include closed"))
        self.closed_check.toggled.connect(self.apply_filters)
        for widget in (self.category_filter, self.status_filter, self.group_filter,
                       self.closed_check):
            bar.addWidget(widget)
        self.new_button = QPushButton(self.tr("New household"))
        self.new_button.clicked.connect(lambda: self.open_household.emit(None))
        # a county's households come from its townships only (it refuses its own edits)
        self.new_button.setVisible(self.book.level != COUNTY)
        bar.addWidget(self.new_button)
        layout.addLayout(bar)

        self.table = HouseholdTable()
        # hidden before the model comes: a visible row header asks every loaded row its size
        self.table.verticalHeader().setVisible(False)
        self.table.setModel(self.model)
        self.table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        # several households can be selected for printing (Ctrl/Shift and click)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        for document, text in (("cards", self.tr("Print household cards…")),
                               ("walls", self.tr("Print wall sheets…"))):
            action = QAction(text, self.table)
            action.triggered.connect(lambda _=False, d=document: self.print_requested.emit(d))
            self.table.addAction(action)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.setColumnWidth(0, 170)
        if self.model.villages is not None:  # a township's book: the village first
            village_column = self.model.columnCount() - 1
            self.table.horizontalHeader().moveSection(village_column, 0)
        self.table.doubleClicked.connect(self._open_index)
        self.table.open_requested.connect(self._open_index)
        self.table.selectionModel().currentRowChanged.connect(self._show_summary)
        layout.addWidget(self._first_steps(township))
        layout.addWidget(self.table)
        self.count_label = QLabel()
        layout.addWidget(self.count_label)

        self.summary = QLabel()
        self.summary.setObjectName("summary")
        self.summary.setWordWrap(True)
        self.summary.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.summary.setMinimumWidth(260)
        self.summary.setContentsMargins(8, 0, 0, 0)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        splitter = QSplitter(self)
        splitter.addWidget(center)
        splitter.addWidget(self.summary)
        splitter.setStretchFactor(0, 4)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([900, 280])
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(splitter)

    def _first_steps(self, township: bool) -> QWidget:
        """A book with no household yet says what to do first, and where it is kept."""
        self.first_steps = QWidget()
        steps = QVBoxLayout(self.first_steps)
        self.first_steps_text = QLabel()
        self.first_steps_text.setWordWrap(True)
        self.first_steps_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        steps.addWidget(self.first_steps_text)
        buttons = QHBoxLayout()
        self.first_new_button = QPushButton(self.tr("New household"))
        self.first_new_button.clicked.connect(lambda: self.open_household.emit(None))
        self.first_import_button = QPushButton(self.tr("Import households from Excel…"))
        self.first_import_button.clicked.connect(self.import_requested)
        self.first_sync_button = QPushButton(self.tr("Sync…"))
        self.first_sync_button.clicked.connect(self.sync_requested)
        # a township's households come with its villages' packages
        self.first_new_button.setVisible(not township)
        self.first_import_button.setVisible(not township)
        self.first_sync_button.setVisible(township)
        for button in (self.first_new_button, self.first_import_button,
                       self.first_sync_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        steps.addLayout(buttons)
        steps.addStretch(1)
        return self.first_steps

    def _filter_combo(self, list_name: str, all_text: str) -> QComboBox:
        combo = QComboBox()
        combo.addItem(all_text, None)
        for entry in codes.code_list(list_name):
            combo.addItem(entry.label, entry.code)
        combo.currentIndexChanged.connect(self.apply_filters)
        return combo

    # -- the page ----------------------------------------------------------------
    def refresh(self) -> None:
        """Read the list again (records changed, or the village chosen did)."""
        if (self.model.query.village_id, self.model.query.township_code) != \
                (self.scope.village_id, self.scope.township_code):
            self.apply_filters()
            return
        self.model.refresh()
        self.update_count()
        self.update_first_steps()

    def is_empty(self) -> bool:
        """Whether the book holds no household yet (the page says what to do first)."""
        return self.first_steps.isVisibleTo(self)

    def selected_household_ids(self) -> tuple[str, ...]:
        """The households selected in the list (Ctrl or Shift and click)."""
        return selected_households(self.table, self.model.household_id)

    def focus_search(self) -> None:
        """To the search box, its words selected for typing over (Ctrl+F)."""
        self.search.setFocus()
        self.search.selectAll()

    def select_household(self, household_id: str) -> None:
        """Show a household in the list (after it was saved)."""
        row = self.model.row_of(household_id)
        if row >= 0:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """From the search box, Down goes into the list and Enter opens the selected
        household: find and open without the mouse."""
        if watched is self.search and isinstance(event, QKeyEvent) and \
                event.type() == QEvent.Type.KeyPress:
            if event.key() == Qt.Key.Key_Down and self.model.rowCount():
                self.table.setFocus()
                if not self.table.currentIndex().isValid():
                    self.table.selectRow(0)
                return True
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                if self._search_timer.isActive():  # typed faster than the list followed
                    self._search_timer.stop()
                    self._apply_search()
                index = self.table.currentIndex()
                if index.isValid():
                    self._open_index(index)
                return True
        return super().eventFilter(watched, event)

    # -- list ------------------------------------------------------------------
    def _apply_search(self) -> None:
        self.model.set_query(search=self.search.text())
        self._after_query()

    def apply_filters(self) -> None:
        self.model.set_query(category=self.category_filter.currentData(),
                             poverty_status=self.status_filter.currentData(),
                             group_name=self.group_filter.currentData(),
                             **self.scope.chosen(),
                             include_closed=self.closed_check.isChecked())
        self._after_query()

    def _after_query(self) -> None:
        self.update_count()
        if self.model.rowCount():
            self.table.selectRow(0)
        else:
            self.summary.setText("")

    def update_count(self) -> None:
        self.model.request_count()

    def _show_count(self, count: int) -> None:
        self.count_label.setText(self.tr("{count} households").format(count=count))

    def update_first_steps(self) -> None:
        """While the book holds no household: what to do first and where the file is,
        in place of an empty list."""
        empty = self.book.conn.execute("SELECT 1 FROM households LIMIT 1").fetchone() is None
        self.first_steps.setVisible(empty)
        self.table.setVisible(not empty)
        if empty and self.book.level == COUNTY:
            self.first_steps_text.setText(self.tr(
                "<h3>This county book has no households yet</h3><p>They come with the "
                "townships' sync packages: pair with each township and import its package "
                "on the <b>Sync…</b> page (the township exports it from its own book, with "
                "every village it holds).</p><p>The book is kept in this file; back it up "
                "with File → Back up to…:<br>{path}</p>"
            ).format(path=html.escape(str(self.book.path))))
        elif empty and self.book.holds_villages:
            self.first_steps_text.setText(self.tr(
                "<h3>This township book has no households yet</h3><p>They come with the "
                "villages' sync packages: pair with each village and import its package on "
                "the <b>Sync…</b> page (the village exports it from its own book).</p><p>The "
                "book is kept in this file; back it up with File → Back up to…:<br>{path}</p>"
            ).format(path=html.escape(str(self.book.path))))
        elif empty:
            self.first_steps_text.setText(self.tr(
                "<h3>This book has no households yet</h3><p>Start with <b>New household</b> "
                "to enter a family, or <b>Import households from Excel…</b> to bring in the "
                "list the village keeps (the national system's export or your own table; "
                "File → Save a blank entry template gives the columns).</p><p>The book is "
                "kept in this file; back it up with File → Back up to…:<br>{path}</p>"
            ).format(path=html.escape(str(self.book.path))))

    def _show_summary(self, current: QModelIndex, _previous: QModelIndex = QModelIndex()) -> None:
        household_id = self.model.household_id(current.row()) if current.isValid() else None
        if household_id is None:
            self.summary.setText("")
            return
        household, members = load_household(self.book, household_id)
        today = current_date()
        rows = []
        for m in members:
            if m["status"] != "active":
                continue
            age = ""
            if m.get("birth_date"):
                born = dt.date.fromisoformat(m["birth_date"])
                age = str(today.year - born.year - ((today.month, today.day) <
                                                     (born.month, born.day)))
            rows.append(f"<tr><td>{html.escape(m['name'])}</td>"
                        f"<td>{codes.label('relation', m.get('relation'))}</td>"
                        f"<td>{age}</td></tr>")
        status = codes.label("poverty_status", household.get("poverty_status"))
        closed = household["status"] == "closed"
        self.summary.setText(
            f"<h3>{html.escape(household.get('head_name') or '')}</h3>"
            f"<p>{html.escape(household['number'])}<br>"
            f"{html.escape(household.get('group_name') or '')} "
            f"{html.escape(household.get('address') or '')}<br>"
            f"{codes.label('household_category', household.get('category'))} {status}"
            + (f"<br><b>{codes.label('record_status', 'closed')}</b>" if closed else "")
            + f"</p><table cellspacing='6'>{''.join(rows)}</table>")

    def _open_index(self, index: QModelIndex) -> None:
        household_id = self.model.household_id(index.row())
        if household_id:
            self.open_household.emit(household_id)
