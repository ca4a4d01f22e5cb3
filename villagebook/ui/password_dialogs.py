"""The password of a locked book: asked when it is opened, set, changed or taken off; and
the password of a file: given to what a locked book writes out with personal data in it,
asked of a protected list before it is imported.

Setting a password says first that a forgotten one cannot be recovered, and is done
only when the person confirms having written it down. Changing or taking it off asks
the current password, so that a laptop left open is not enough to unlock its book.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from ..core.errors import BookError
from ..storage.connection import MIN_PASSWORD, is_locked, unlock
from .dialogs import accept_when, error_label, ok_cancel, secret_field


class _AskPassword(QDialog):
    """Asks a password until ``opens(password)`` is done (a refusal says why in words) or
    the person cancels; the subclass gives the title, the words above the field and
    ``opens`` (a method, not a callable kept on the dialog: a dialog in a reference cycle
    could be collected, and its widgets deleted, on a worker thread)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)
        self.password = secret_field()
        form = QFormLayout()
        form.addRow(QCoreApplication.translate("OpenLockedDialog", "Password"), self.password)
        layout.addLayout(form)
        self.error = error_label()
        layout.addWidget(self.error)
        layout.addWidget(ok_cancel(self, self.try_open))
        self.setMinimumWidth(420)

    def opens(self, password: str) -> None:
        raise NotImplementedError

    def try_open(self) -> None:
        """Try the password typed; the dialog closes only when it opened."""
        if not accept_when(self, self.error, lambda: self.opens(self.password.text())):
            self.password.selectAll()
            self.password.setFocus()


class OpenLockedDialog(_AskPassword):
    """Asks the password of a locked book until it opens it or the person cancels."""

    def __init__(self, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path = path
        self.setWindowTitle(self.tr("Book locked with a password"))
        from ..settings import Settings

        village = Settings().book_name(str(path))  # its name is inside the locked file
        self.intro.setText(self.tr("The book of {village} ({name}) is locked with a "
                                   "password. Enter it to open the book.").format(
            village=village, name=path.name) if village else
            self.tr("The book {name} is locked with a password. Enter it to open the "
                    "book.").format(name=path.name))

    def opens(self, password: str) -> None:
        # the sync keys (and cryptography) are read when a locked book is opened, not
        # when a dialog of this module is only needed for a file's password
        from ..sync.book_password import open_locked

        resumed = open_locked(self.path, password)
        if resumed is not None:  # a change of the password cut short last time: said
            from ..core.errors import Issue
            from .messages import describe

            QMessageBox.information(self, self.windowTitle(),
                                    describe(Issue(f"book.password_{resumed}", "")))


class PasswordDialog(QDialog):
    """Set (``locked`` False), change or take off (``remove``) the book's password.
    ``new_password`` holds the password to set (None to take it off) once accepted."""

    def __init__(self, path: Path, locked: bool, remove: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path, self.locked, self.remove = path, locked, remove
        self.new_password: str | None = None
        title = (self.tr("Take the password off") if remove else
                 self.tr("Change the password") if locked else
                 self.tr("Lock the book with a password"))
        self.setWindowTitle(title)
        layout = QVBoxLayout(self)
        if remove:
            text = self.tr("Without a password, anyone who has this laptop or a copy of the "
                           "book (or of its backups) can read every household's ID numbers, "
                           "health and disability.")
        else:
            text = self.tr(
                "The book and its backups beside it are locked: without the password "
                "nobody can read them, not even with another program. If the password is "
                "forgotten, the book cannot be opened again: nobody can recover it, not "
                "the township, not the program's makers. Write it down and keep it in a "
                "safe place. The sync keys of this computer are kept under the same "
                "password.")
        intro = QLabel(text)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.current = secret_field()
        self.first = secret_field()
        self.second = secret_field()
        if locked:
            form.addRow(self.tr("Current password"), self.current)
        if not remove:
            self.first.setPlaceholderText(
                self.tr("at least {count} characters").format(count=MIN_PASSWORD))
            form.addRow(self.tr("New password"), self.first)
            form.addRow(self.tr("Once more"), self.second)
        layout.addLayout(form)
        self.written = QCheckBox(self.tr("I have written the password down and know it "
                                         "cannot be recovered"))
        if not remove:
            layout.addWidget(self.written)
        self.error = error_label()
        layout.addWidget(self.error)
        layout.addWidget(ok_cancel(self, self.check))
        self.setMinimumWidth(460)

    def check(self) -> None:
        """Accept when the current password is right and the new one is sound."""
        accept_when(self, self.error, self._validate)

    def _validate(self) -> None:
        if self.locked:
            unlock(self.path, self.current.text())  # book.wrong_password
        if self.remove:
            self.new_password = None
            return
        password = self.first.text()
        if len(password) < MIN_PASSWORD:
            raise BookError("book.password_short", count=MIN_PASSWORD)
        if password != self.second.text():
            raise BookError("book.password_mismatch")
        if not self.written.isChecked():
            raise BookError("book.password_not_written")
        self.new_password = password


class ProtectFileDialog(QDialog):
    """Before a locked book writes out a file with personal data (the register workbook,
    household cards): a password for the file (the program that opens it asks it), or,
    chosen knowingly, none. ``password`` holds it once accepted (None: saved without
    one); rejected: nothing is written."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.password: str | None = None
        self.setWindowTitle(self.tr("Protect the file with a password"))
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr(
            "This book is locked with a password, and {name} will hold what the lock "
            "protects: ID numbers, health. Give the file a password: Excel, WPS or a PDF "
            "reader asks for it when the file is opened. Tell it only to whoever should "
            "open the file.").format(name=name))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.first = secret_field()
        self.first.setPlaceholderText(
            self.tr("at least {count} characters").format(count=MIN_PASSWORD))
        self.second = secret_field()
        form.addRow(self.tr("Password of the file"), self.first)
        form.addRow(self.tr("Once more"), self.second)
        layout.addLayout(form)
        self.error = error_label()
        layout.addWidget(self.error)
        buttons = QDialogButtonBox()
        self.protect_button = buttons.addButton(self.tr("Save with the password"),
                                                QDialogButtonBox.ButtonRole.AcceptRole)
        self.plain_button = buttons.addButton(self.tr("Save without a password"),
                                              QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.protect_button.setDefault(True)
        self.protect_button.clicked.connect(self.check)
        self.plain_button.clicked.connect(self.accept)  # password stays None
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)

    def check(self) -> None:
        """Accept with the password when it is long enough and typed the same twice."""
        accept_when(self, self.error, self._validate)

    def _validate(self) -> None:
        password = self.first.text()
        if len(password) < MIN_PASSWORD:
            raise BookError("book.password_short", count=MIN_PASSWORD)
        if password != self.second.text():
            raise BookError("book.password_mismatch")
        self.password = password


class OpenWorkbookDialog(_AskPassword):
    """Asks the password of a protected workbook until a readable copy of it is made in
    ``folder`` (``copy``) or the person cancels."""

    def __init__(self, path: Path, folder: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path, self.folder = path, folder
        self.copy: Path | None = None
        self.setWindowTitle(self.tr("Workbook protected with a password"))
        self.intro.setText(self.tr("{name} is protected with a password. Enter it to read "
                                   "the households in it.").format(name=path.name))

    def opens(self, password: str) -> None:
        from ..reports.protected import open_copy

        self.copy = open_copy(self.path, password, self.folder)


def file_password(book_path: Path, name: str, parent: QWidget | None = None
                  ) -> tuple[bool, str | None]:
    """Before a file with personal data is written from the book at ``book_path``: (go
    on, its password). A plain book's file is written plain, unasked (True, None); a
    locked book's asks (``ProtectFileDialog``), and a cancel is (False, None)."""
    if not is_locked(book_path):
        return True, None
    dialog = ProtectFileDialog(name, parent)
    answered = dialog.exec()
    password = dialog.password
    dialog.deleteLater()  # a dialog a window keeps as its child would stay until it closes
    return (True, password) if answered else (False, None)
