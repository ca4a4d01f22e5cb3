"""The main window: navigation side bar, the household list with search and filters, and the
selected household's summary. Double-click or Enter opens the household window."""

from __future__ import annotations

import datetime as dt
import html
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QMainWindow,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..core import codes
from ..core.today import current_date, current_time
from ..storage.book import Book, backup
from ..storage.book_settings import local_setting
from ..storage.connection import is_locked
from ..storage.households import load_household
from ..storage.queries import group_names
from ..storage.township import is_township
from ..storage.village import book_identity, get_village
from .findings_source import FindingsSource
from .home_page import HomePage
from .household_list import HouseholdListModel
from .jobs import wait_for_jobs
from .scope import VillageScope
from .screen_fit import place_within_screen
from .tables import selected_households

REMINDER_SETTING, REMINDER_DAYS = "sync.remind_after_days", 7


class HouseholdTable(QTableView):
    """Enter opens the selected household, as double-click does."""

    open_requested = Signal(QModelIndex)

    def keyPressEvent(self, event) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.open_requested.emit(self.currentIndex())
            return
        super().keyPressEvent(event)


if TYPE_CHECKING:
    from .backup_dialogs import RestoreDialog
    from .household_window import HouseholdWindow
    from .idle_lock import PinDialog
    from .password_dialogs import PasswordDialog

# the side bar, top to bottom: 工作台 first (what to do today), then the lists
PAGES = ("home", "households", "measures", "helpers", "visits", "problems", "projects",
         "sync", "findings", "dashboard")


class MainWindow(QMainWindow):
    language_requested = Signal(str)
    new_book_requested = Signal()
    open_book_requested = Signal()
    restore_requested = Signal(object)  # the backup (Path) to put in place of the book
    password_requested = Signal(object)  # the new password (str), or None to take it off

    def __init__(self, book: Book, *, hold_findings: bool = False) -> None:
        """``hold_findings``: the warning rules wait for ``findings.release()`` (the
        program releases them once the window is painted)."""
        super().__init__()
        self.book = book
        self.village = get_village(book) or {}
        self.household_windows: dict[str | None, HouseholdWindow] = {}
        # a township's book: which village every list shows (the filter above the list)
        self.scope = VillageScope(show=is_township(book))
        # what the warning rules find, computed in the background, shown by 工作台 and 预警
        self.findings = FindingsSource(book, self, held=hold_findings)
        from .idle_lock import IdleLock  # small; kept out of the imports read before start

        self.idle_lock = IdleLock(book, self)  # off unless the person working has a PIN
        self.model = HouseholdListModel(book, self, show_village=is_township(book))
        self.model.count_changed.connect(self._show_count)
        self._build()
        self._build_menus()
        self._search_timer = QTimer(self, singleShot=True, interval=120)
        self._search_timer.timeout.connect(self._apply_search)
        self._update_title()
        self._update_count()
        # the reminder reads the sync state: after the window is first painted
        QTimer.singleShot(300, self._update_reminder)
        if self.model.rowCount():
            self.table.selectRow(0)
        place_within_screen(self, 1280, 720)

    # -- layout ----------------------------------------------------------------
    def _build(self) -> None:
        splitter = QSplitter(self)
        self.nav = QListWidget()
        self.nav.addItem(self.tr("Today"))
        self.nav.addItem(self.tr("Households"))
        self.nav.addItem(self.tr("Assistance measures"))
        self.nav.addItem(self.tr("Helpers"))
        self.nav.addItem(self.tr("Visits"))
        self.nav.addItem(self.tr("Problems"))
        self.nav.addItem(self.tr("Projects and assets"))
        self.nav.addItem(self.tr("Sync"))
        self.nav.addItem(self.tr("Warnings"))
        self.nav.addItem(self.tr("Charts"))
        # wide enough for the longest page name in the language shown (English ones are
        # longer: "Assistance measures")
        widest = max(self.nav.fontMetrics().horizontalAdvance(self.nav.item(r).text())
                     for r in range(self.nav.count()))
        self.nav.setMinimumWidth(widest + 28)
        self.nav.setMaximumWidth(max(160, widest + 32))
        # Ctrl+1 … Ctrl+0: the side bar's pages from the keyboard (said in each tooltip)
        for row in range(self.nav.count()):
            keys = QKeySequence(f"Ctrl+{(row + 1) % 10}")
            shortcut = QShortcut(keys, self)
            shortcut.activated.connect(lambda r=row: self.nav.setCurrentRow(r))
            self.nav.item(row).setToolTip(keys.toString(
                QKeySequence.SequenceFormat.NativeText))
        splitter.addWidget(self.nav)

        self.pages = QStackedWidget()
        center = QWidget()
        layout = QVBoxLayout(center)
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
        self.group_filter.currentIndexChanged.connect(self._apply_filters)
        self.closed_check = QCheckBox(self.tr("Include closed"))
        self.closed_check.toggled.connect(self._apply_filters)
        self.village_filter = QComboBox()  # a township's book: one village or all
        self.village_filter.setVisible(is_township(self.book))
        self.village_filter.currentIndexChanged.connect(self._apply_filters)
        self._fill_villages()
        for widget in (self.category_filter, self.status_filter, self.group_filter,
                       self.closed_check):
            bar.addWidget(widget)
        self.new_button = QPushButton(self.tr("New household"))
        self.new_button.clicked.connect(lambda: self.open_household(None))
        bar.addWidget(self.new_button)
        layout.addLayout(bar)
        self.reminder = QPushButton()
        self.reminder.setFlat(True)
        self.reminder.setStyleSheet("color: #8a5a00; text-align: left;")
        self.reminder.clicked.connect(self.show_sync)
        self.reminder.setVisible(False)
        layout.addWidget(self.reminder)

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
            action.triggered.connect(lambda _=False, d=document: self.print_documents(d))
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
        # a book with no household yet says what to do first, and where it is kept
        self.first_steps = QWidget()
        steps = QVBoxLayout(self.first_steps)
        self.first_steps_text = QLabel()
        self.first_steps_text.setWordWrap(True)
        self.first_steps_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        steps.addWidget(self.first_steps_text)
        first_buttons = QHBoxLayout()
        self.first_new_button = QPushButton(self.tr("New household"))
        self.first_new_button.clicked.connect(lambda: self.open_household(None))
        self.first_import_button = QPushButton(self.tr("Import households from Excel…"))
        self.first_import_button.clicked.connect(self.import_households)
        self.first_sync_button = QPushButton(self.tr("Sync…"))
        self.first_sync_button.clicked.connect(self.show_sync)
        first_buttons.addWidget(self.first_new_button)
        first_buttons.addWidget(self.first_import_button)
        first_buttons.addWidget(self.first_sync_button)
        first_buttons.addStretch(1)
        steps.addLayout(first_buttons)
        steps.addStretch(1)
        layout.addWidget(self.first_steps)
        layout.addWidget(self.table)
        self.count_label = QLabel()
        layout.addWidget(self.count_label)
        # the other pages are built when first shown (``_page``): a township's lists are
        # read only by those who open them, and the window appears sooner
        households = PAGES.index("households")
        self._built: dict[int, QWidget] = {households: center}
        for row in range(self.nav.count()):
            self.pages.addWidget(center if row == households else QWidget())
        # the village filter stands above every page: each village list follows it
        lists = QWidget()
        lists_layout = QVBoxLayout(lists)
        lists_layout.setContentsMargins(0, 0, 0, 0)
        village_bar = QHBoxLayout()
        village_bar.addWidget(self.village_filter)
        village_bar.addStretch(1)
        lists_layout.addLayout(village_bar)
        lists_layout.addWidget(self.pages)
        splitter.addWidget(lists)

        self.summary = QLabel()
        self.summary.setObjectName("summary")
        self.summary.setWordWrap(True)
        self.summary.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.summary.setMinimumWidth(260)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        splitter.addWidget(self.summary)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 4)
        splitter.setStretchFactor(2, 1)
        splitter.setSizes([120, 900, 280])
        self.setCentralWidget(splitter)
        self.nav.currentRowChanged.connect(self._show_page)
        # a new book opens on its (empty) list, which says what to do first; a book with
        # households on 工作台, what to do today
        self._update_first_steps()
        self.nav.setCurrentRow(PAGES.index("households" if self.first_steps.isVisibleTo(
            center) else "home"))

    def _page(self, row: int) -> QWidget:
        """The page at ``row`` of the side bar, built the first time it is asked for."""
        if row in self._built:
            return self._built[row]
        name = PAGES[row]
        page: QWidget
        # the other pages' modules are read when a page is first opened (start time)
        if name == "home":
            home = HomePage(self.book, self.findings, scope=self.scope)
            home.open_household.connect(self.open_household)
            home.open_record.connect(self.open_record)
            home.show_rule.connect(self.show_findings_of)
            page = home
        elif name == "measures":
            from .measures_page import MeasuresPage

            page = MeasuresPage(self.book, scope=self.scope)
            page.open_household.connect(self.open_household)
        elif name in ("helpers", "problems"):
            from .household_records import helper_tab, problem_tab
            from .record_tab import RecordTab

            page = RecordTab(helper_tab(self.book) if name == "helpers"
                             else problem_tab(self.book, self.scope))
        elif name == "visits":
            from .visits_page import VisitsPage

            page = VisitsPage(self.book, scope=self.scope)
            page.open_household.connect(self.open_household)
        elif name == "projects":
            from .projects_page import ProjectsPage

            page = ProjectsPage(self.book, scope=self.scope)
        elif name == "sync":
            from .sync_page import SyncPage  # the sync engine: when first opened

            page = SyncPage(self.book)
            page.changed.connect(self._records_arrived)
            page.open_household.connect(self.open_household)
        elif name == "findings":
            from .findings_page import FindingsPage

            findings = FindingsPage(self.book, scope=self.scope, source=self.findings)
            findings.open_household_at.connect(self.open_household_at)
            findings.open_record.connect(self.open_record)
            page = findings
        else:
            from .dashboard_page import DashboardPage  # QtSvg: when first opened

            page = DashboardPage(self.book, self.findings)
        placeholder = self.pages.widget(row)
        self.pages.insertWidget(row, page)
        if placeholder is not None:
            self.pages.removeWidget(placeholder)
            placeholder.deleteLater()
        self._built[row] = page
        return page

    home_page = property(lambda self: self._page(PAGES.index("home")))
    measures_page = property(lambda self: self._page(PAGES.index("measures")))
    helpers_page = property(lambda self: self._page(PAGES.index("helpers")))
    visits_page = property(lambda self: self._page(PAGES.index("visits")))
    problems_page = property(lambda self: self._page(PAGES.index("problems")))
    projects_page = property(lambda self: self._page(PAGES.index("projects")))
    sync_page = property(lambda self: self._page(PAGES.index("sync")))
    findings_page = property(lambda self: self._page(PAGES.index("findings")))
    dashboard_page = property(lambda self: self._page(PAGES.index("dashboard")))

    def show_page(self, name: str) -> QWidget:
        """Go to a page of the side bar by its name (``PAGES``); returns it."""
        self.nav.setCurrentRow(PAGES.index(name))
        return self._page(PAGES.index(name))

    def _show_page(self, row: int) -> None:
        """The side bar picks the page; the household summary belongs to the list."""
        fresh = row not in self._built  # a page built now has just read its lists
        page, name = self._page(row), PAGES[row]
        self.pages.setCurrentIndex(row)
        self.summary.setVisible(name == "households")
        if name == "measures":
            if not fresh:
                page.fill_years()  # type: ignore[attr-defined]
        elif name in ("helpers", "problems"):
            if not fresh:
                page.set_household(None)  # type: ignore[attr-defined]
        elif name != "households":
            page.refresh()  # type: ignore[attr-defined]

    def open_record(self, page_name: str, record_id: str) -> bool:
        """A helper or problem a finding is about: its page, the record highlighted and
        opened (a finding about no household opened nothing before)."""
        from .record_tab import RecordTab

        page = self.show_page(page_name)
        if not isinstance(page, RecordTab) or not page.select_record(record_id):
            return False
        return page.edit()

    def show_sync(self) -> None:
        self.show_page("sync")

    def show_findings_of(self, rule: str) -> None:
        """The 预警 list showing one rule (a tile of the 工作台 was clicked)."""
        from .findings_page import FindingsPage

        page = self.show_page("findings")
        assert isinstance(page, FindingsPage)
        page.rule_filter.setCurrentIndex(page.rule_filter.findData(rule))

    def _fill_villages(self) -> None:
        current = self.village_filter.currentData()
        self.village_filter.blockSignals(True)
        self.village_filter.clear()
        self.village_filter.addItem(self.tr("All villages"), None)
        for village_id, name in self.book.conn.execute("SELECT id, name FROM village"
                                                       " ORDER BY code"):
            self.village_filter.addItem(name, village_id)
        self.village_filter.setCurrentIndex(max(0, self.village_filter.findData(current)))
        self.village_filter.blockSignals(False)

    def _records_arrived(self) -> None:
        """A sync package brought records: the list and the reminder follow."""
        self._fill_villages()
        self.model.refresh()
        self._update_count()
        self._update_reminder()
        self._update_first_steps()

    def _update_reminder(self) -> None:
        """Say on the main window when changes older than N days (a local setting) are not
        yet acknowledged by the township, sent or not."""
        from .sync_page import unacknowledged  # the sync engine: after the first paint

        if self.book.closed:
            return
        days = int(local_setting(self.book, REMINDER_SETTING) or REMINDER_DAYS)
        waiting = unacknowledged(self.book, days)
        if waiting is None:
            self.reminder.setVisible(False)
            return
        self.reminder.setText(self.tr(
            "{count} changes since {since} have not reached {name} yet: export a sync "
            "package (Sync in the side bar).").format(**waiting))
        self.reminder.setVisible(True)

    def _filter_combo(self, list_name: str, all_text: str) -> QComboBox:
        combo = QComboBox()
        combo.addItem(all_text, None)
        for entry in codes.code_list(list_name):
            combo.addItem(entry.label, entry.code)
        combo.currentIndexChanged.connect(self._apply_filters)
        return combo

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        new_book = QAction(self.tr("New village book…"), self)
        new_book.triggered.connect(self.new_book_requested)
        open_book = QAction(self.tr("Open book…"), self)
        open_book.triggered.connect(self.open_book_requested)
        users = QAction(self.tr("Users…"), self)
        users.triggered.connect(self.manage_users)
        township = is_township(self.book)
        export = QAction(self.tr("Export the township book (Excel)…") if township else
                         self.tr("Export the village register (Excel)…"), self)
        export.triggered.connect(lambda: self.export_register())
        importing = QAction(self.tr("Import households from Excel…"), self)
        importing.triggered.connect(self.import_households)
        template = QAction(self.tr("Save a blank entry template (Excel)…"), self)
        template.triggered.connect(lambda: self.save_template())
        sync = QAction(self.tr("Sync…"), self)
        sync.triggered.connect(self.show_sync)
        line = QAction(self.tr("Monitoring line…"), self)
        line.triggered.connect(self.edit_monitoring_line)
        backup_to = QAction(self.tr("Back up to…"), self)
        backup_to.triggered.connect(lambda: self.backup_to())
        restore = QAction(self.tr("Restore from a backup…"), self)
        restore.triggered.connect(lambda: self.choose_backup())
        locked = is_locked(self.book.path)
        password = QAction(self.tr("Change the password…") if locked else
                           self.tr("Lock with a password…"), self)
        password.triggered.connect(lambda: self.ask_password(remove=False))
        unlock_action = QAction(self.tr("Take the password off…"), self)
        unlock_action.setEnabled(locked)
        unlock_action.triggered.connect(lambda: self.ask_password(remove=True))
        pin = QAction(self.tr("PIN and automatic lock…"), self)
        pin.triggered.connect(lambda: self.edit_pin())
        quit_action = QAction(self.tr("Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        # a township's households come with its villages' packages: no list to import
        for action in (new_book, open_book, *(() if township else (importing, template)),
                       export, sync, backup_to, restore, password, unlock_action, pin, users,
                       line, quit_action):
            file_menu.addAction(action)
            if action in (restore, pin):
                file_menu.addSeparator()
        print_menu = self.menuBar().addMenu(self.tr("&Print"))
        for document, text in (("cards", self.tr("Household cards…")),
                               ("walls", self.tr("Wall sheets for the home…")),
                               ("notice", self.tr("Public notice…")),
                               ("register", self.tr("Village register…"))):
            action = QAction(text, self)
            action.triggered.connect(lambda _=False, d=document: self.print_documents(d))
            print_menu.addAction(action)
            if document == "cards":
                action.setShortcut(QKeySequence.StandardKey.Print)
        if township:
            summary = QAction(self.tr("Township summary (乡镇有簿)…"), self)
            summary.triggered.connect(lambda: self.print_township_summary())
            print_menu.addAction(summary)
        household_menu = self.menuBar().addMenu(self.tr("&Household"))
        new_household = QAction(self.tr("New household"), self)
        new_household.setShortcut(QKeySequence.StandardKey.New)
        new_household.triggered.connect(lambda: self.open_household(None))
        find = QAction(self.tr("Search"), self)
        find.setShortcut(QKeySequence.StandardKey.Find)
        find.triggered.connect(self._find)
        household_menu.addAction(new_household)
        household_menu.addAction(find)
        language_menu = self.menuBar().addMenu(self.tr("&Language"))
        for code, text in (("zh", "中文"), ("en", "English")):
            action = QAction(text, self)
            action.triggered.connect(lambda _=False, c=code: self.language_requested.emit(c))
            language_menu.addAction(action)

    def _find(self) -> None:
        """Ctrl+F: to the household list's search box (from any page), its words selected
        for typing over."""
        self.show_page("households")
        self.search.setFocus()
        self.search.selectAll()

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

    def backup_to(self, folder: str | None = None) -> None:
        """文件 → 备份到…: a checked copy of the book in a chosen folder (a USB stick), in
        the background; says where it went."""
        from ..storage.backups import backup_name
        from .exports import chosen, run_in_background, start_in  # (when first used)

        if folder is None:
            folder = chosen(QFileDialog.getExistingDirectory(self, self.tr("Back up to"),
                                                             start_in()))
            if not folder:
                return
        target = Path(folder) / backup_name(self.book, current_time())
        # a copy on a stick is as readable as the book: say so while the book has no password
        said = "" if is_locked(self.book.path) else self.tr(
            "This copy has no password: whoever has the stick can read every household's "
            "ID numbers, health and disability. Lock the book first (File → Lock with a "
            "password…) and its copies are locked too.")
        run_in_background(self, self.book.path, target, self.tr("Backing up…"),
                          lambda book, out, _stop, _step: (backup(book.conn, out), said)[1])

    def ask_password(self, remove: bool) -> PasswordDialog:
        """文件 → 加密码/修改密码/取消密码: the dialog checks; whoever holds the book
        rewrites it (it must be closed first)."""
        from .password_dialogs import PasswordDialog

        dialog = PasswordDialog(self.book.path, is_locked(self.book.path), remove, self)
        dialog.accepted.connect(lambda: self.password_requested.emit(dialog.new_password))
        dialog.open()
        return dialog

    def edit_pin(self) -> PinDialog:
        """文件 → PIN 码与自动锁定…: the idle lock counts anew with what was set."""
        from .idle_lock import PinDialog

        dialog = PinDialog(self.book, self)
        dialog.accepted.connect(self.idle_lock.restart)
        dialog.open()
        return dialog

    def choose_backup(self) -> RestoreDialog:
        """文件 → 从备份恢复…: the chosen backup goes to whoever holds the book (it must be
        closed before it is replaced)."""
        from .backup_dialogs import RestoreDialog

        dialog = RestoreDialog(self.book.path, self)
        dialog.accepted.connect(lambda: self.restore_requested.emit(dialog.chosen))
        dialog.open()
        return dialog

    def print_township_summary(self, path: str | None = None) -> None:
        """The one-page township summary for the wall, as PDF, in the background:
        previewed (to print or save from there), or written to ``path``."""
        from ..reports.township import print_township_summary  # reportlab: when first used
        from .exports import run_in_background
        from .pdf_view import preview_in_background

        def work(book, out, _stop, _step) -> str:
            return f"{print_township_summary(book, out)} 个村"

        if path is None:
            preview_in_background(self, self.book.path, self.tr("Writing the summary…"),
                                  f"{self.book.meta('township_name')}乡镇有簿汇总.pdf", work)
            return
        run_in_background(self, self.book.path, Path(path), self.tr("Writing the summary…"),
                          work)

    def export_register(self, path: str | None = None) -> None:
        """Write the register workbook in the background (a township's book writes 乡镇有簿);
        say where it went."""
        from .exports import ask_save_path, run_in_background

        township = is_township(self.book)
        name = f"{self.book.meta('township_name')}乡镇有簿.xlsx" if township else \
            f"{self.village.get('name') or 'village'}村册.xlsx"
        path = path or ask_save_path(
            self, self.tr("Export the township book") if township else
            self.tr("Export the village register"), name, self.tr("Workbooks (*.xlsx)"))
        if not path:
            return
        from .password_dialogs import file_password  # the register: every ID number

        go_on, password = file_password(self.book.path, Path(path).name, self)
        if not go_on:
            return

        from ..reports.protected import write_protected
        from ..reports.township import export_township_register  # openpyxl: when first used
        from ..reports.workbook import export_register

        def work(book: Book, out: Path, stop, _step) -> str:
            def write(target: Path) -> dict[str, int]:
                return export_township_register(book, target) if township else \
                    export_register(book, target, cancelled=stop)

            counts = write_protected(out, password, write)
            return "，".join(f"{k} {v}" for k, v in counts.items())

        run_in_background(self, self.book.path, Path(path),
                          self.tr("Writing the township book…") if township else
                          self.tr("Writing the village register…"), work)

    def selected_household_ids(self) -> tuple[str, ...]:
        """The households selected on the page shown, where its rows name households (the
        预警 list, the measures), else in the household list (Ctrl or Shift and click)."""
        on_page = getattr(self.pages.currentWidget(), "selected_household_ids", None)
        if on_page is not None:
            return tuple(on_page())
        return selected_households(self.table, self.model.household_id)

    def print_documents(self, document: str = "cards") -> QWidget:
        """The print dialog, with the households selected in the list offered."""
        from .print_dialog import PrintDialog  # reportlab and pdfium: when first used

        dialog = PrintDialog(self.book, self, document=document,
                             selected=self.selected_household_ids())
        dialog.show()
        return dialog

    def save_template(self, path: str | None = None) -> None:
        """A blank workbook with the register's headers and drop-downs, to fill in."""
        from ..reports.workbook import export_template
        from .exports import ask_save_path, show_saved

        path = path or ask_save_path(self, self.tr("Save a blank entry template"),
                                           "农户录入模板.xlsx", self.tr("Workbooks (*.xlsx)"))
        if not path:
            return
        export_template(path)
        show_saved(self, Path(path), "")

    def import_households(self) -> None:
        from .import_dialog import choose_and_import

        dialog = choose_and_import(self, self.book.path, self.book.operator or "")
        if dialog is not None:
            dialog.imported.connect(self._after_import)

    def _after_import(self) -> None:
        self.model.refresh()
        self._update_count()
        self._update_first_steps()

    def _update_first_steps(self) -> None:
        """While the book holds no household: what to do first and where the file is,
        in place of an empty list."""
        empty = self.book.conn.execute("SELECT 1 FROM households LIMIT 1").fetchone() is None
        self.first_steps.setVisible(empty)
        self.table.setVisible(not empty)
        township = is_township(self.book)
        for button in (self.first_new_button, self.first_import_button):
            button.setVisible(not township)
        self.first_sync_button.setVisible(township)
        if empty and township:
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

    def edit_monitoring_line(self) -> None:
        from .start_dialogs import MonitoringLineDialog

        MonitoringLineDialog(self.book, self).exec()

    def manage_users(self) -> None:
        from .start_dialogs import UsersDialog

        UsersDialog(self.book, self).exec()

    # -- list ------------------------------------------------------------------
    def _apply_search(self) -> None:
        self.model.set_query(search=self.search.text())
        self._after_query()

    def _apply_filters(self) -> None:
        village_id = self.village_filter.currentData()
        if village_id != self.scope.village_id:  # every list follows the village chosen
            self.scope.village_id = village_id
            self._show_page(self.nav.currentRow())
        self.model.set_query(category=self.category_filter.currentData(),
                             poverty_status=self.status_filter.currentData(),
                             group_name=self.group_filter.currentData(),
                             village_id=self.village_filter.currentData(),
                             include_closed=self.closed_check.isChecked())
        self._after_query()

    def _after_query(self) -> None:
        self._update_count()
        if self.model.rowCount():
            self.table.selectRow(0)
        else:
            self.summary.setText("")

    def _update_count(self) -> None:
        self.model.request_count()

    def _show_count(self, count: int) -> None:
        self.count_label.setText(self.tr("{count} households").format(count=count))

    def _update_title(self) -> None:
        name = self.village.get("name") or book_identity(self.book)["name"]
        title = self.tr("villagebook — {village}").format(village=name)
        if self.village.get("is_demo"):
            title += " " + self.tr("[DEMO: not real data]")
        if self.book.read_only:
            title += " " + self.tr("[read only]")
        title += f"  ({self.book.operator})"
        self.setWindowTitle(title)

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

    # -- household windows -------------------------------------------------------
    def _open_index(self, index: QModelIndex) -> None:
        household_id = self.model.household_id(index.row())
        if household_id:
            self.open_household(household_id)

    def open_household(self, household_id: str | None) -> HouseholdWindow | None:
        """Open (or bring forward) the household window; None opens a new household (in a
        township's book, of the village chosen: None when the person cancels)."""
        if household_id in self.household_windows:
            window = self.household_windows[household_id]
            window.raise_()
            window.activateWindow()
            return window
        village_id = None
        if household_id is None:  # a township's book: the new household's village
            village_id = self.scope.village_for_new(self, self.book)
            if village_id is None and self.scope.show:
                return None
        from .household_window import HouseholdWindow  # the forms: when first opened

        window = HouseholdWindow(self.book, household_id, self, village_id=village_id)
        key = household_id
        self.household_windows[key] = window
        window.saved.connect(self._household_saved)
        window.destroyed.connect(lambda *_: self._forget_window(window))
        place_within_screen(window, 1150, 700)
        window.show()
        return window

    def open_household_at(self, household_id: str, table: str) -> None:
        """Open a household at the tab of a kind of its records (a warning's)."""
        window = self.open_household(household_id)
        if window is not None:
            window.show_records(table or None)

    def _forget_window(self, window: HouseholdWindow) -> None:
        for key, value in list(self.household_windows.items()):
            if value is window:
                del self.household_windows[key]

    def _household_saved(self, household_id: str) -> None:
        # a new household's window is now known by its id
        for key, window in list(self.household_windows.items()):
            if key is None and window.household_id == household_id:
                del self.household_windows[key]
                self.household_windows[household_id] = window
        self.model.refresh()
        self._update_count()
        self._update_first_steps()
        self._show_page(self.pages.currentIndex())  # the village lists follow the change
        row = self.model.row_of(household_id)
        if row >= 0:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))

    def closeEvent(self, event: QCloseEvent) -> None:
        """Household windows with unsaved changes ask first; closing stops if one says no."""
        for window in list(self.household_windows.values()):
            if not window.close():
                event.ignore()
                return
        self.idle_lock.stop()
        self.findings.stop()  # the rules stop after their current group…
        wait_for_jobs()  # …and nothing reports to this window once it is gone
        event.accept()

