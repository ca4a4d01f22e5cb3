"""The main window: the side bar, the page it shows (``pages.PAGES``: the household list,
the village's lists, sync, warnings, charts), the village filter above them in a
township's book, the menus, and the household windows opened from any page."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QCoreApplication, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFileDialog,
    QListWidget,
    QMainWindow,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ..core.today import current_time
from ..storage.book import Book, backup
from ..storage.book_settings import local_setting
from ..storage.connection import is_locked
from ..storage.township import register_name
from ..storage.village import book_identity, get_village
from .findings_source import FindingsSource
from .jobs import wait_for_jobs
from .main_menus import MainMenus
from .pages import PAGES, Page, page_row
from .scope import VillageScope
from .screen_fit import place_within_screen
from .village_filters import VillageFilters

REMINDER_SETTING, REMINDER_DAYS = "sync.remind_after_days", 7

if TYPE_CHECKING:
    from .backup_dialogs import RestoreDialog
    from .household_window import HouseholdWindow
    from .households_page import HouseholdsPage
    from .idle_lock import PinDialog
    from .password_dialogs import PasswordDialog


class MainWindow(QMainWindow):
    language_requested = Signal(str)
    new_book_requested = Signal()
    open_book_requested = Signal()
    restore_requested = Signal(object)  # the backup (Path) to put in place of the book
    password_requested = Signal(object)  # the new password (str), or None to take it off
    # records changed (a save, an import, a sync package): the tables and households they
    # were of (empty: any); every page follows
    records_changed = Signal(object, object)

    def __init__(self, book: Book, *, hold_findings: bool = False) -> None:
        """``hold_findings``: the warning rules wait for ``findings.release()`` (the
        program releases them once the window is painted)."""
        super().__init__()
        self.book = book
        self.village = get_village(book) or {}
        self.household_windows: dict[str | None, HouseholdWindow] = {}
        # a township's book: which village every list shows (the filter above the list)
        self.scope = VillageScope(show=book.holds_villages)
        # what the warning rules find, computed in the background, shown by 工作台 and 预警
        self.findings = FindingsSource(book, self, held=hold_findings)
        from .idle_lock import IdleLock  # small; kept out of the imports read before start

        self.idle_lock = IdleLock(book, self)  # off unless the person working has a PIN
        self.records_changed.connect(self._notify_records_changed)
        self._build()
        MainMenus(self)
        self._update_title()
        # the reminder reads the sync state: after the window is first painted
        QTimer.singleShot(300, self._update_reminder)
        place_within_screen(self, 1280, 720)

    # -- layout ----------------------------------------------------------------
    def _build(self) -> None:
        splitter = QSplitter(self)
        self.nav = QListWidget()
        for spec in PAGES:
            self.nav.addItem(QCoreApplication.translate("MainWindow", spec.title))
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

        # the 乡镇 and 村 filters and the sync reminder stand above every page: each
        # village list follows the filters, and the reminder is seen wherever one works
        self.filters = VillageFilters(self.book, self.scope)
        self.filters.changed.connect(
            lambda: self._notify_records_changed(frozenset(), frozenset()))
        self.reminder = QPushButton()
        self.reminder.setFlat(True)
        self.reminder.setStyleSheet("color: #8a5a00; text-align: left;")
        self.reminder.clicked.connect(self.show_sync)
        self.reminder.setVisible(False)
        self.pages = QStackedWidget()
        self._built: dict[int, QWidget] = {}
        for _spec in PAGES:
            self.pages.addWidget(QWidget())
        lists = QWidget()
        lists_layout = QVBoxLayout(lists)
        lists_layout.setContentsMargins(0, 0, 0, 0)
        lists_layout.addWidget(self.filters)
        lists_layout.addWidget(self.reminder)
        lists_layout.addWidget(self.pages)
        splitter.addWidget(lists)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([120, 1180])
        self.setCentralWidget(splitter)
        self.nav.currentRowChanged.connect(self._show_page)
        # a new book opens on its (empty) list, which says what to do first; a book with
        # households on 工作台, what to do today
        self.nav.setCurrentRow(page_row(
            "households" if self.household_list.is_empty() else "home"))

    def _page(self, row: int) -> QWidget:
        """The page at ``row`` of the side bar, built the first time it is asked for."""
        if row in self._built:
            return self._built[row]
        page = PAGES[row].make(self)
        placeholder = self.pages.widget(row)
        self.pages.insertWidget(row, page)
        if placeholder is not None:
            self.pages.removeWidget(placeholder)
            placeholder.deleteLater()
        self._built[row] = page
        return page

    @property
    def household_list(self) -> HouseholdsPage:
        """The household list page (built with the window: a book opens on it or on 工作台,
        whose counts lead to it)."""
        return cast("HouseholdsPage", self._page(page_row("households")))

    home_page = property(lambda self: self._page(page_row("home")))
    measures_page = property(lambda self: self._page(page_row("measures")))
    helpers_page = property(lambda self: self._page(page_row("helpers")))
    visits_page = property(lambda self: self._page(page_row("visits")))
    problems_page = property(lambda self: self._page(page_row("problems")))
    projects_page = property(lambda self: self._page(page_row("projects")))
    sync_page = property(lambda self: self._page(page_row("sync")))
    findings_page = property(lambda self: self._page(page_row("findings")))
    dashboard_page = property(lambda self: self._page(page_row("dashboard")))

    def show_page(self, name: str) -> QWidget:
        """Go to a page of the side bar by its name (``pages.PAGES``); returns it."""
        self.nav.setCurrentRow(page_row(name))
        return self._page(page_row(name))

    def _show_page(self, row: int) -> None:
        """The side bar picks the page, which reads its lists (``PageSpec``)."""
        page = self._page(row)
        self.pages.setCurrentIndex(row)
        if PAGES[row].reads_when_shown:
            cast(Page, page).refresh()

    def _notify_records_changed(self, _tables: object, _household_ids: object) -> None:
        """Records changed (a save, an import, a sync package): the household list reads
        them again, and so does the page shown; the others read theirs when next shown."""
        self.household_list.refresh()
        shown = self.pages.currentIndex()
        if shown in self._built and PAGES[shown].reads_when_shown:
            cast(Page, self._page(shown)).refresh()

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

    def records_arrived(self) -> None:
        """A sync package brought records: the villages, the pages and the reminder
        follow."""
        self.filters.fill()
        self.records_changed.emit(frozenset(), frozenset())
        self._update_reminder()

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

    def find_household(self) -> None:
        """Ctrl+F: to the household list's search box (from any page), its words selected
        for typing over."""
        self.show_page("households")
        self.household_list.focus_search()

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
                                  f"{register_name(self.book)}汇总.pdf", work)
            return
        run_in_background(self, self.book.path, Path(path), self.tr("Writing the summary…"),
                          work)

    def export_register(self, path: str | None = None) -> None:
        """Write the register workbook in the background (a township's book writes 乡镇有簿);
        say where it went."""
        from .exports import ask_save_path, run_in_background

        township = self.book.holds_villages
        name = f"{register_name(self.book)}.xlsx" if township else \
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
        return self.household_list.selected_household_ids()

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
            dialog.imported.connect(lambda: self.records_changed.emit(
                frozenset({"households", "members"}), frozenset()))

    def edit_monitoring_line(self) -> None:
        from .start_dialogs import MonitoringLineDialog

        MonitoringLineDialog(self.book, self).exec()

    def manage_users(self) -> None:
        from .start_dialogs import UsersDialog

        UsersDialog(self.book, self).exec()

    def _update_title(self) -> None:
        name = self.village.get("name") or book_identity(self.book)["name"]
        title = self.tr("villagebook — {village}").format(village=name)
        if self.village.get("is_demo"):
            title += " " + self.tr("[DEMO: not real data]")
        if self.book.read_only:
            title += " " + self.tr("[read only]")
        title += f"  ({self.book.operator})"
        self.setWindowTitle(title)

    # -- household windows -------------------------------------------------------
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
        self.records_changed.emit(frozenset(), frozenset({household_id}))
        self.household_list.select_household(household_id)

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

