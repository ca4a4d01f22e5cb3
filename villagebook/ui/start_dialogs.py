"""First run (new village, demo village, open a book) and choosing who is working."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ..core import codes, field_specs
from ..core.errors import Issue, ValidationFailed
from ..core.today import current_date
from ..storage.book import Book
from ..storage.book_settings import monitoring_line, set_monitoring_line
from ..storage.levels import CODE_DIGITS, COUNTY, TOWNSHIP
from ..storage.township import check_township
from ..storage.village import add_user, check_village, list_users, set_user_active
from .dialogs import attempt, error_label, ok_cancel
from .messages import describe


class WelcomeDialog(QDialog):
    """Shown when there is no book yet: new village, demo village, or an existing book."""

    NEW, DEMO, OPEN, TOWNSHIP, COUNTY = 1, 2, 3, 4, 5

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Welcome to villagebook"))
        self.setMinimumWidth(460)
        self.choice = 0
        self.open_path: Path | None = None
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("<h2>Village record book</h2><p>Household files, members and "
                               "every change, kept on this computer.</p>"))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        for text, choice in ((self.tr("Create a book for my village"), self.NEW),
                             (self.tr("Create a township book (to merge the villages)"),
                              self.TOWNSHIP),
                             (self.tr("Create a county book (to keep its townships' records)"),
                              self.COUNTY),
                             (self.tr("Open the demo village (to look around)"), self.DEMO),
                             (self.tr("Open an existing book…"), self.OPEN)):
            button = QPushButton(text)
            button.setMinimumHeight(44)
            button.clicked.connect(lambda _=False, c=choice: self._choose(c))
            layout.addWidget(button)
            setattr(self, {self.NEW: "new_button", self.DEMO: "demo_button",
                           self.OPEN: "open_button", self.TOWNSHIP: "township_button",
                           self.COUNTY: "county_button"}[choice], button)

    def _choose(self, choice: int) -> None:
        if choice == self.OPEN:
            from .exports import chosen, start_in

            name, _ = QFileDialog.getOpenFileName(self, self.tr("Open a book"), start_in(),
                                                  self.tr("Books (*.db);;All files (*)"))
            if not chosen(name):
                return
            self.open_path = Path(name)
        self.choice = choice
        self.accept()


class NewVillageDialog(QDialog):
    """The village (name, 12-digit code, township, county) and the first user's name."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New village book"))
        layout = QFormLayout(self)
        self.name = QLineEdit()
        self.code = QLineEdit()
        self.code.setMaxLength(12)
        self.code.setPlaceholderText("530524105201")
        self.township = QLineEdit()
        self.county = QLineEdit()
        self.user = QLineEdit()
        self.role = QComboBox()
        for entry in codes.code_list("user_role"):
            self.role.addItem(entry.label, entry.code)
        layout.addRow(self.tr("Village name"), self.name)
        layout.addRow(self.tr("Administrative code (12 digits)"), self.code)
        layout.addRow(self.tr("Township"), self.township)
        layout.addRow(self.tr("County"), self.county)
        layout.addRow(self.tr("Your name"), self.user)
        layout.addRow(self.tr("Your role"), self.role)
        self.error = error_label()
        layout.addRow(self.error)
        layout.addRow(ok_cancel(self, self._check_and_accept))

    def values(self) -> dict[str, str]:
        return {"name": self.name.text().strip(), "code": self.code.text().strip(),
                "township": self.township.text().strip(), "county": self.county.text().strip()}

    def _check_and_accept(self) -> None:
        issues = check_village(self.values())
        if not self.user.text().strip():
            issues.append(Issue("field.required", "user_name"))
        if issues:
            self.error.setText("\n".join("✖ " + describe(i) for i in issues))
            return
        self.accept()


class NewTownshipDialog(QDialog):
    """The township (name, 9-digit code, county) and the first user's name; with
    ``level`` a county's book (name, 6-digit code)."""

    def __init__(self, parent: QWidget | None = None, level: str = TOWNSHIP) -> None:
        super().__init__(parent)
        self.level = level
        county = level == COUNTY
        self.setWindowTitle(self.tr("New county book") if county
                            else self.tr("New township book"))
        self.setMinimumWidth(420)
        layout = QFormLayout(self)
        self.name = QLineEdit()
        self.code = QLineEdit()
        self.code.setMaxLength(CODE_DIGITS[level])
        self.code.setPlaceholderText("530524" if county else "530524101")
        self.county = QLineEdit()
        self.user = QLineEdit()
        layout.addRow(self.tr("County name") if county else self.tr("Township name"),
                      self.name)
        layout.addRow(self.tr("County code (6 digits)") if county
                      else self.tr("Township code (9 digits)"), self.code)
        if not county:
            layout.addRow(self.tr("County"), self.county)
        layout.addRow(self.tr("Your name"), self.user)
        self.error = error_label()
        layout.addRow(self.error)
        layout.addRow(ok_cancel(self, self._check_and_accept))

    def values(self) -> dict[str, str]:
        return {"name": self.name.text().strip(), "code": self.code.text().strip(),
                "county": self.county.text().strip(), "user": self.user.text().strip()}

    def _check_and_accept(self) -> None:
        issues = check_township(self.values(), self.level)
        if issues:
            self.error.setText("\n".join("✖ " + describe(i) for i in issues))
            self.adjustSize()  # room for what is said, whole
            return
        self.accept()


class WhoIsWorkingDialog(QDialog):
    """Pick the operator from the book's users, or add oneself; recorded on every change."""

    def __init__(self, users: list[str], last: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Who is working?"))
        layout = QFormLayout(self)
        layout.addRow(QLabel(self.tr("Every change is recorded under this name.")))
        self.users = QComboBox()
        self.users.addItems(users)
        if last in users:
            self.users.setCurrentText(last)
        layout.addRow(self.tr("I am"), self.users)
        self.new_user = QLineEdit()
        self.new_user.setPlaceholderText(self.tr("or type a new name here"))
        layout.addRow(self.tr("New user"), self.new_user)
        layout.addRow(ok_cancel(self))
        self.users.setFocus(Qt.FocusReason.OtherFocusReason)

    def chosen(self) -> tuple[str, bool]:
        """(name, is_new)."""
        typed = self.new_user.text().strip()
        return (typed, True) if typed else (self.users.currentText(), False)


class UsersDialog(QDialog):
    """The book's users (who may be chosen at start): add one, stop or resume one."""

    def __init__(self, book: Book, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.book = book
        self.setWindowTitle(self.tr("Users of this book"))
        self.setMinimumWidth(420)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Everyone who works in this book. A user who no "
                                        "longer works here can be stopped; their past "
                                        "changes keep their name.")))
        self.list = QListWidget()
        layout.addWidget(self.list)
        row = QHBoxLayout()
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("Name of a new user"))
        self.role = QComboBox()
        for entry in codes.code_list("user_role"):
            self.role.addItem(entry.label, entry.code)
        self.add_button = QPushButton(self.tr("Add"))
        self.add_button.clicked.connect(self.add)
        for widget in (self.name, self.role, self.add_button):
            row.addWidget(widget)
        layout.addLayout(row)
        self.toggle_button = QPushButton(self.tr("Stop / resume the selected user"))
        self.toggle_button.clicked.connect(self.toggle)
        layout.addWidget(self.toggle_button)
        self.error = error_label()
        layout.addWidget(self.error)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout.addWidget(close)
        self.refresh()

    def refresh(self) -> None:
        self.list.clear()
        for user in list_users(self.book, include_inactive=True):
            role = codes.label("user_role", user["role"])
            text = f"{user['name']}  {role}"
            if not user["active"]:
                text += "  " + self.tr("(stopped)")
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, (user["id"], bool(user["active"])))
            self.list.addItem(item)

    def _run(self, action: Callable[[], object]) -> bool:
        if not attempt(self.error, action):
            return False
        self.refresh()
        return True

    def add(self) -> None:
        if self._run(lambda: add_user(self.book, self.name.text(), self.role.currentData())):
            self.name.clear()

    def toggle(self) -> None:
        item: QListWidgetItem | None = self.list.currentItem()  # None: nobody chosen
        if item is None:
            return
        user_id, active = item.data(Qt.ItemDataRole.UserRole)
        self._run(lambda: set_user_active(self.book, user_id, not active))


class MonitoringLineDialog(QDialog):
    """The monitoring line of a year (元 per person per year; 6000 unless set): a household
    whose 人均纯收入 is under it is marked."""

    def __init__(self, book: Book, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.book = book
        self.setWindowTitle(self.tr("Monitoring line"))
        layout = QFormLayout(self)
        self.year = QSpinBox()
        self.year.setRange(2014, current_date().year + 1)
        self.year.setValue(current_date().year - 1)
        self.year.valueChanged.connect(self._show_year)
        self.amount = QLineEdit()
        layout.addRow(self.tr("Year"), self.year)
        layout.addRow(self.tr("Yuan per person per year"), self.amount)
        self.error = error_label()
        layout.addRow(self.error)
        layout.addRow(ok_cancel(self, self._save))
        self._show_year()

    def _show_year(self) -> None:
        self.amount.setText(field_specs.format_money(monitoring_line(self.book, self.year.value())))

    def _save(self) -> None:
        try:
            fen = field_specs.parse_money(self.amount.text())
        except ValueError:
            self.error.setText("✖ " + describe(Issue("money.invalid", "amount",
                                                     {"value": self.amount.text()}),
                                               record="income"))
            return
        try:
            set_monitoring_line(self.book, self.year.value(), fen)
        except ValidationFailed as failed:
            self.error.setText("\n".join("✖ " + describe(i) for i in failed.issues))
            return
        self.accept()
