"""The window application: fonts, translations, single instance, first run, who is working."""

from __future__ import annotations

import argparse
import contextlib
import importlib
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from .core import codes, idnumber
from .core.demo_user import DEMO_OPERATOR
from .core.errors import BookError, Issue, ValidationFailed, VillagebookError
from .paths import data_dir, default_book_path
from .settings import Settings
from .storage import open_book, scratch
from .storage.book import Book, create_book
from .storage.connection import db_errors
from .storage.levels import COUNTY, TOWNSHIP
from .storage.township import create_township
from .storage.village import add_user, book_identity, get_village, list_users, set_village
from .ui import i18n
from .ui.first_paint import after_first_paint
from .ui.fonts import install_font
from .ui.jobs import LatestOnly, wait_for_jobs
from .ui.main_window import MainWindow
from .ui.messages import describe, describe_error, describe_failure
from .ui.screen_fit import show_main
from .ui.single_instance import SingleInstance

DEMO_HOUSEHOLDS = 300


def demo_book_path() -> Path:
    return data_dir() / "demo.db"


class Controller(QObject):
    """Opens books, asks who is working, and keeps the main window."""

    def __init__(self, settings: Settings) -> None:
        super().__init__()
        self.settings = settings
        self.book: Book | None = None
        self.window: MainWindow | None = None

    # -- opening -----------------------------------------------------------------
    def start(self, path: Path | None) -> bool:
        """Open ``path`` (or the last/default book); with none there, welcome the user."""
        path = path or Path(self.settings.last_book or default_book_path())
        if path.exists():
            if self.open(path):
                return True
        return self.welcome(path)

    def welcome(self, new_path: Path) -> bool:
        """The first-run choices; returns False when the user gives up."""
        from .ui.start_dialogs import WelcomeDialog  # the dialogs of a start: when shown

        while True:
            dialog = WelcomeDialog()
            if not dialog.exec():
                return False
            if dialog.choice == WelcomeDialog.DEMO and self.open_demo():
                return True
            if dialog.choice == WelcomeDialog.OPEN and dialog.open_path and \
                    self.open(dialog.open_path):
                return True
            if dialog.choice == WelcomeDialog.NEW and self.create(new_path):
                return True
            if dialog.choice == WelcomeDialog.TOWNSHIP and self.create_township(new_path):
                return True
            if dialog.choice == WelcomeDialog.COUNTY and \
                    self.create_township(new_path, COUNTY):
                return True

    def create_township(self, path: Path, level: str = TOWNSHIP) -> bool:
        """新建乡镇账本: the township's book, as ``villagebook init-township`` makes it (a
        county's, ``init-county``, with ``level``)."""
        if path.exists() and path.stat().st_size > 0:
            name, _ = QFileDialog.getSaveFileName(None, self.tr("Save the new book as"),
                                                  str(path.parent / f"{level}.db"),
                                                  self.tr("Books (*.db)"))
            if not name or Path(name).exists():
                return False
            path = Path(name)
        from .ui.start_dialogs import NewTownshipDialog

        dialog = NewTownshipDialog(level=level)
        if not dialog.exec():
            return False
        try:
            book = create_township(path, dialog.values(), level)
        except VillagebookError as error:
            QMessageBox.critical(None, self.tr("Not created"), describe_error(error))
            return False
        self.settings.set_last_user(str(path), book.operator or "")
        self.show(book)
        return True

    def create(self, path: Path) -> bool:
        if path.exists() and path.stat().st_size > 0:
            name, _ = QFileDialog.getSaveFileName(None, self.tr("Save the new book as"),
                                                  str(path.parent / "village.db"),
                                                  self.tr("Books (*.db)"))
            if not name:
                return False
            path = Path(name)
            if path.exists():
                QMessageBox.warning(None, self.tr("Not created"),
                                    self.tr("There is already a file there; choose another name."))
                return False
        from .ui.start_dialogs import NewVillageDialog

        dialog = NewVillageDialog()
        if not dialog.exec():
            return False
        user = dialog.user.text().strip()
        def fill(book: Book) -> None:
            add_user(book, user, dialog.role.currentData())
            book.operator = user
            set_village(book, dialog.values())

        try:
            book = create_book(path, fill)
        except ValidationFailed as failed:
            QMessageBox.warning(None, self.tr("Not created"),
                                "\n".join(describe(i) for i in failed.issues))
            return False
        except VillagebookError as error:
            QMessageBox.critical(None, self.tr("Not created"), describe_error(error))
            return False
        self.settings.set_last_user(str(path), user)
        self.show(book)
        return True

    def open_demo(self) -> bool:
        from .cli import create_demo  # the command line's modules: only for the demo

        path = demo_book_path()
        if path.exists():
            return self.open(path)
        try:
            book = create_demo(path, DEMO_HOUSEHOLDS)
        except VillagebookError as error:
            QMessageBox.critical(None, self.tr("Demo village"), describe_error(error))
            return False
        self.show(book)
        return True

    def open(self, path: Path, operator: str | None = None) -> bool:
        """Open the book at ``path``; ``operator``: who was working (a restore reopens the
        book for the same person, unasked, when the book still knows them)."""
        try:
            try:
                book = self._open_unlocking(path)
                if book is None:
                    return False
            except BookError as error:
                if error.code != "book.read_only":
                    raise
                book = open_book(path, read_only=True)  # to read, print and export
                QMessageBox.information(None, self.tr("Opened for reading only"), self.tr(
                    "This book cannot be written (it may be on a CD or a protected USB "
                    "stick), so it is open for reading, printing and exporting only. To make "
                    "changes, copy it to the computer and open the copy."))
        except VillagebookError as error:
            QMessageBox.critical(None, self.tr("Cannot open the book"),
                                 f"{path}\n\n{describe_error(error)}")
            return False
        from .storage.locking import take_resumed

        resumed = take_resumed(path)  # locking it was cut short last time: said
        if resumed is not None:
            QMessageBox.information(None, self.tr("Password"),
                                    describe(Issue(f"book.password_{resumed}", "")))
        village = get_village(book) or {}
        if village.get("is_demo"):
            book.operator = DEMO_OPERATOR
        elif operator is not None and operator in [u["name"] for u in list_users(book)]:
            book.operator = operator
        elif not self.choose_operator(book, path):
            book.close()
            return False
        self.show(book)
        return True

    def _open_unlocking(self, path: Path) -> Book | None:
        """Open the book; a locked one asks its password first (None: cancelled)."""
        try:
            return open_book(path)
        except BookError as error:
            if error.code != "book.password_needed":
                raise
        from .ui.password_dialogs import OpenLockedDialog

        if not OpenLockedDialog(path).exec():
            return None
        return open_book(path)

    @contextlib.contextmanager
    def _book_closed(self) -> Iterator[Book | None]:
        """The book closed, its window gone and its jobs done, so that its file can be
        replaced or rewritten (a restore, a password); None when there is no book or its
        window would not close. Quitting on the last window closed is held off meanwhile."""
        book = self.book
        QApplication.setQuitOnLastWindowClosed(False)
        try:
            if book is None or not self._close_window():
                yield None
                return
            wait_for_jobs()
            book.close()
            yield book
        finally:
            QApplication.setQuitOnLastWindowClosed(True)

    def set_password(self, password: str | None) -> bool:
        """Close the book, lock it with ``password`` (change it; None: take it off) with
        its backups, and open it again. Nothing is lost if it fails: each file is
        rewritten under a temporary name."""
        from .sync.book_password import set_password

        with self._book_closed() as book:
            if book is None:
                return False
            QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
            failure: Exception | None = None
            try:
                set_password(book.path, password)
            except Exception as error:  # whatever failed, the book opens again as it is
                failure = error
            finally:
                QApplication.restoreOverrideCursor()
            reopened = open_book(book.path)
            reopened.operator = book.operator
            self.show(reopened)
            if failure is not None:
                QMessageBox.critical(self.window, self.tr("The password was not changed"),
                                     describe_failure(failure))
                return False
            QMessageBox.information(self.window, self.tr("Password"), self.tr(
                "The book and its backups are locked with the new password.")
                if password is not None else self.tr(
                "The password is taken off: the book and its backups open without it."))
            return True

    def choose_operator(self, book: Book, path: Path) -> bool:
        from .ui.start_dialogs import WhoIsWorkingDialog

        users = [u["name"] for u in list_users(book)]
        while True:
            dialog = WhoIsWorkingDialog(users, self.settings.last_user(str(path)))
            if not dialog.exec():
                return False
            name, is_new = dialog.chosen()
            if not name:
                continue
            if is_new:
                try:
                    add_user(book, name)
                except ValidationFailed as failed:
                    QMessageBox.warning(None, self.tr("Who is working?"),
                                        "\n".join(describe(i) for i in failed.issues))
                    continue
            book.operator = name
            self.settings.set_last_user(str(path), name)
            return True

    def show(self, book: Book) -> None:
        self.book = book
        self.settings.last_book = str(book.path)
        self.settings.set_book_name(str(book.path), book_identity(book)["name"])
        self.settings.sync()
        self.window = MainWindow(book, hold_findings=True)
        self.window.language_requested.connect(self.switch_language)
        self.window.new_book_requested.connect(lambda: self.replace_book(new=True))
        self.window.open_book_requested.connect(lambda: self.replace_book(new=False))
        self.window.restore_requested.connect(self.restore_from)
        self.window.password_requested.connect(self.set_password)
        show_main(self.window)
        # the rules and the integrity check read the whole book: once the window is painted
        after_first_paint(self.window, self.window.findings.release,
                          lambda: self.check_integrity(book))
        # pypinyin (code typing, search) and sqlite-utils (the first save) take a quarter
        # of a second to load: loaded in the background once the window is up
        QTimer.singleShot(1500, lambda: threading.Thread(
            target=_warm_up, name="villagebook-warm-up", daemon=True).start())

    def check_integrity(self, book: Book) -> LatestOnly:
        """After the window shows: ``quick_check`` of the file in the background (seconds on
        a cold slow disk). A damaged book is refused every change and the newest backup
        that passes its check is offered."""
        from .storage import backups  # after the first paint, like the check itself

        job = LatestOnly(self.window)

        def checked(result: str) -> None:
            if result == "ok" or book.closed:
                return
            book.read_only = True  # never written again as it is
            good = next((b for b in backups.list_backups(book.path)
                         if backups.check_book(b.path)), None)
            text = self.tr("This book file is damaged: changes are not accepted, so that "
                           "nothing more is lost.")
            if good is None:
                QMessageBox.critical(self.window, self.tr("The book is damaged"), text + " " +
                                     self.tr("There is no backup beside it; ask for help "
                                             "and do not delete the file."))
                return
            answer = QMessageBox.question(
                self.window, self.tr("The book is damaged"), text + "\n\n" + self.tr(
                    "The newest sound backup is of {made} ({households} households). Restore "
                    "it now? The damaged book is kept aside.").format(
                    made=good.made.strftime("%Y-%m-%d %H:%M"), households=good.households),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
            if answer == QMessageBox.StandardButton.Yes:
                self.restore_from(good.path)

        job.done.connect(checked)
        job.submit_reading(book.path, lambda conn: backups.quick_check(conn))
        return job

    def close_book(self, book: Book) -> None:
        """Close a book, with its automatic backup of the day first (a failure to back up
        never stops the closing)."""
        if not book.closed:
            from .storage.backups import automatic_backup

            with contextlib.suppress(*db_errors(VillagebookError, OSError)):
                automatic_backup(book)
        book.close()

    def restore_from(self, backup_path: Path) -> bool:
        """Close the book, put the backup in its place (the book kept aside), open it."""
        with self._book_closed() as book:
            if book is None:
                return False
            try:
                from .storage.backups import restore

                aside = restore(book.path, Path(backup_path))
            except Exception as error:  # whatever failed, the book opens again as it is
                QMessageBox.critical(None, self.tr("Not restored"), describe_failure(error))
                self.open(book.path)
                return False
            self.book = None
            if not self.open(book.path, book.operator):  # the same person, not asked again
                return False
            QMessageBox.information(self.window, self.tr("Restored"), self.tr(
                "The backup is in place. The book as it was before is kept as {aside}."
            ).format(aside=aside))
            return True

    # -- switching -------------------------------------------------------------
    def _close_window(self) -> bool:
        if self.window is None:
            return True
        if not self.window.close():
            return False
        self.window.deleteLater()
        self.window = None
        return True

    def switch_language(self, language: str) -> None:
        if language == i18n.language() or self.book is None:
            return
        book = self.book
        QApplication.setQuitOnLastWindowClosed(False)
        try:
            if not self._close_window():
                return
            self.settings.language = language
            i18n.install(language)
            self.show(book)
        finally:
            QApplication.setQuitOnLastWindowClosed(True)

    def replace_book(self, new: bool) -> None:
        QApplication.setQuitOnLastWindowClosed(False)
        try:
            old = self.book
            if not self._close_window():
                return
            if new:
                name, _ = QFileDialog.getSaveFileName(None, self.tr("Save the new book as"),
                                                      str(data_dir() / "village.db"),
                                                      self.tr("Books (*.db)"))
                done = bool(name) and self.create(Path(name))
            else:
                name, _ = QFileDialog.getOpenFileName(None, self.tr("Open a book"), str(data_dir()),
                                                      self.tr("Books (*.db);;All files (*)"))
                done = bool(name) and self.open(Path(name))
            if done:
                if old is not None:
                    self.close_book(old)
            elif old is not None:
                self.show(old)
        finally:
            QApplication.setQuitOnLastWindowClosed(True)

    def bring_forward(self) -> None:
        if self.window is not None:
            self.window.showNormal()
            self.window.raise_()
            self.window.activateWindow()


def _warm_up() -> None:
    """Load, off the window's thread, what the first search, code typed or save needs."""
    importlib.import_module("sqlite_utils")  # the first save's transactions
    idnumber.parse("11010519491231002X")  # python-stdnum, for the first ID typed
    codes.warm_up()


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="villagebook")
    parser.add_argument("--db", type=Path, default=None, help="the book file to open")
    parser.add_argument("--lang", choices=i18n.LANGUAGES, default=None)
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    """Start the window; returns the exit status."""
    args = parse_args(sys.argv[1:] if argv is None else argv)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)  # the window needs widgets, not a bare core
    app.setApplicationName("villagebook")
    app.setOrganizationName("villagebook")
    from .ui.gc_guard import GuiThreadCollector

    collector = GuiThreadCollector(app)  # cycles with Qt objects die on this thread only
    install_font(app)
    settings = Settings()
    i18n.install(args.lang or settings.language)
    guard = SingleInstance()
    if not guard.claim():
        return 0
    # temporary files (previews, export scratch) inside the data folder; what a crashed
    # run left there, and the unfinished files it began beside its targets, go now
    scratch.start()
    controller = Controller(settings)
    guard.activated.connect(controller.bring_forward)
    if not controller.start(args.db):
        guard.release()
        return 0
    # later starts are heard once the window is painted (Qt's network module is read then)
    assert controller.window is not None  # started: its window is shown
    after_first_paint(controller.window, guard.listen)
    status = app.exec()
    wait_for_jobs()
    if controller.book is not None:
        controller.close_book(controller.book)
    guard.release()
    collector.stop()
    return status


if __name__ == "__main__":
    sys.exit(main())
