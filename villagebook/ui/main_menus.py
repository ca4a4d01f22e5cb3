"""The main window's menu bar: 文件 (books, lists in and out, sync, backups, the password,
users), 打印, 农户 and 语言; each item calls the window."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence

from ..storage.connection import is_locked
from ..storage.levels import COUNTY

if TYPE_CHECKING:
    from .main_window import MainWindow


class MainMenus(QObject):
    """Builds the menus of ``main`` (kept by it as their parent)."""

    def __init__(self, main: MainWindow) -> None:
        super().__init__(main)
        self._build(main)

    def _build(self, main: MainWindow) -> None:
        file_menu = main.menuBar().addMenu(self.tr("&File"))
        new_book = QAction(self.tr("New village book…"), main)
        new_book.triggered.connect(main.new_book_requested)
        open_book = QAction(self.tr("Open book…"), main)
        open_book.triggered.connect(main.open_book_requested)
        users = QAction(self.tr("Users…"), main)
        users.triggered.connect(main.manage_users)
        township = main.book.holds_villages
        county = main.book.level == COUNTY
        export = QAction(self.tr("Export the county book (Excel)…") if county else
                         self.tr("Export the township book (Excel)…") if township else
                         self.tr("Export the village register (Excel)…"), main)
        export.triggered.connect(lambda: main.export_register())
        importing = QAction(self.tr("Import households from Excel…"), main)
        importing.triggered.connect(main.import_households)
        template = QAction(self.tr("Save a blank entry template (Excel)…"), main)
        template.triggered.connect(lambda: main.save_template())
        sync = QAction(self.tr("Sync…"), main)
        sync.triggered.connect(main.show_sync)
        line = QAction(self.tr("Monitoring line…"), main)
        line.triggered.connect(main.edit_monitoring_line)
        backup_to = QAction(self.tr("Back up to…"), main)
        backup_to.triggered.connect(lambda: main.backup_to())
        restore = QAction(self.tr("Restore from a backup…"), main)
        restore.triggered.connect(lambda: main.choose_backup())
        locked = is_locked(main.book.path)
        password = QAction(self.tr("Change the password…") if locked else
                           self.tr("Lock with a password…"), main)
        password.triggered.connect(lambda: main.ask_password(remove=False))
        unlock_action = QAction(self.tr("Take the password off…"), main)
        unlock_action.setEnabled(locked)
        unlock_action.triggered.connect(lambda: main.ask_password(remove=True))
        pin = QAction(self.tr("PIN and automatic lock…"), main)
        pin.triggered.connect(lambda: main.edit_pin())
        quit_action = QAction(self.tr("Quit"), main)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(main.close)
        # a township's households come with its villages' packages: no list to import
        for action in (new_book, open_book, *(() if township else (importing, template)),
                       export, sync, backup_to, restore, password, unlock_action, pin, users,
                       line, quit_action):
            file_menu.addAction(action)
            if action in (restore, pin):
                file_menu.addSeparator()
        print_menu = main.menuBar().addMenu(self.tr("&Print"))
        for document, text in (("cards", self.tr("Household cards…")),
                               ("walls", self.tr("Wall sheets for the home…")),
                               ("notice", self.tr("Public notice…")),
                               ("register", self.tr("Village register…"))):
            action = QAction(text, main)
            action.triggered.connect(lambda _=False, d=document: main.print_documents(d))
            print_menu.addAction(action)
            if document == "cards":
                action.setShortcut(QKeySequence.StandardKey.Print)
        if township:
            summary = QAction(self.tr("County summary (县级有档)…") if county else
                              self.tr("Township summary (乡镇有簿)…"), main)
            summary.triggered.connect(lambda: main.print_township_summary())
            print_menu.addAction(summary)
        household_menu = main.menuBar().addMenu(self.tr("&Household"))
        new_household = QAction(self.tr("New household"), main)
        new_household.setShortcut(QKeySequence.StandardKey.New)
        new_household.setEnabled(not county)  # its households come from its townships
        new_household.triggered.connect(lambda: main.open_household(None))
        find = QAction(self.tr("Search"), main)
        find.setShortcut(QKeySequence.StandardKey.Find)
        find.triggered.connect(main.find_household)
        household_menu.addAction(new_household)
        household_menu.addAction(find)
        language_menu = main.menuBar().addMenu(self.tr("&Language"))
        for code, text in (("zh", "中文"), ("en", "English")):
            action = QAction(text, main)
            action.triggered.connect(lambda _=False, c=code: main.language_requested.emit(c))
            language_menu.addAction(action)
