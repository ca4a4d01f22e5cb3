"""A locked book from the window: 文件 → 加密码… locks the book and reopens it; opening a
locked book asks its password (a wrong one is said, a right one opens it); changing or
taking the password off asks the current one."""

from __future__ import annotations

from helpers import family
from PySide6.QtCore import Qt

from villagebook import app as app_module
from villagebook.storage.connection import forget_keys, is_locked
from villagebook.storage.households import save_household
from villagebook.ui.password_dialogs import OpenLockedDialog, PasswordDialog
from villagebook.ui.start_dialogs import WhoIsWorkingDialog

PASSWORD = "shiqiao-2026"


def _ok_button(dialog):
    from PySide6.QtWidgets import QDialogButtonBox

    box = dialog.findChild(QDialogButtonBox)
    return box.button(QDialogButtonBox.StandardButton.Ok)


def test_lock_open_with_the_password_and_take_it_off(qtbot, boxes, book, book_path,
                                                     monkeypatch):
    monkeypatch.setattr(WhoIsWorkingDialog, "exec", lambda self: 1)
    save_household(book, None, *family())
    controller = app_module.Controller(app_module.Settings())
    controller.show(book)
    qtbot.addWidget(controller.window)
    dialog = controller.window.ask_password(remove=False)
    assert dialog.windowTitle() == "给账本加密码"
    qtbot.keyClicks(dialog.first, PASSWORD)
    qtbot.keyClicks(dialog.second, PASSWORD + "x")
    qtbot.mouseClick(_ok_button(dialog), Qt.MouseButton.LeftButton)
    assert "不一样" in dialog.error.text() and dialog.isVisible()
    dialog.second.setText(PASSWORD)
    qtbot.mouseClick(_ok_button(dialog), Qt.MouseButton.LeftButton)
    assert "记下" in dialog.error.text() and not is_locked(book_path)  # not yet ticked
    dialog.written.setChecked(True)
    qtbot.mouseClick(_ok_button(dialog), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: controller.book is not None and controller.book is not book,
                    timeout=10_000)
    qtbot.addWidget(controller.window)
    assert is_locked(book_path) and "新密码" in boxes.texts()
    assert controller.book.conn.execute("SELECT count(*) FROM households").fetchone()[0] == 1
    controller.close_book(controller.book)
    controller.window.close()

    # the next morning: the password is asked, a wrong one said in words
    forget_keys()
    tries = iter(["shiqiao-2025", PASSWORD])
    seen_errors: list[str] = []

    def type_password(self):
        # it names the village, remembered when the book was last open (its name is
        # inside the locked file)
        assert "石桥村" in self.intro.text() and book_path.name in self.intro.text()
        while True:
            self.password.setText(next(tries))
            self.try_open()
            if self.result():
                return 1
            seen_errors.append(self.error.text())

    monkeypatch.setattr(OpenLockedDialog, "exec", type_password)
    opener = app_module.Controller(app_module.Settings())
    assert opener.open(book_path)
    qtbot.addWidget(opener.window)
    assert len(seen_errors) == 1 and "密码不对" in seen_errors[0]
    assert opener.book.conn.execute("SELECT count(*) FROM households").fetchone()[0] == 1

    # taking it off needs the current password
    remove = opener.window.ask_password(remove=True)
    assert isinstance(remove, PasswordDialog) and not remove.first.isVisible()
    remove.current.setText("wrong-password")
    qtbot.mouseClick(_ok_button(remove), Qt.MouseButton.LeftButton)
    assert "密码不对" in remove.error.text() and is_locked(book_path)
    remove.current.setText(PASSWORD)
    locked_book = opener.book
    qtbot.mouseClick(_ok_button(remove), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: opener.book is not locked_book, timeout=10_000)
    qtbot.addWidget(opener.window)
    assert not is_locked(book_path)
    opener.book.close()


def test_cancelling_the_password_opens_nothing(qtbot, book, book_path, monkeypatch):
    book.close()
    from villagebook.sync.book_password import set_password

    set_password(book_path, PASSWORD)
    forget_keys()
    monkeypatch.setattr(OpenLockedDialog, "exec", lambda self: 0)
    controller = app_module.Controller(app_module.Settings())
    assert not controller.open(book_path) and controller.window is None


def test_a_backup_locked_with_another_password_asks_it(qtbot, book, book_path, tmp_path,
                                                      monkeypatch):
    from villagebook.storage.backups import make_backup
    from villagebook.storage.locking import set_password
    from villagebook.ui.backup_dialogs import RestoreDialog

    save_household(book, None, *family())
    copy = make_backup(book, tmp_path / "usb")
    set_password(copy, "an-old-password")  # locked under a password of its own
    forget_keys()
    asked: list[str] = []

    def type_password(self):
        asked.append(self.path.name)
        self.password.setText("an-old-password")
        self.try_open()
        return self.result()

    monkeypatch.setattr(OpenLockedDialog, "exec", type_password)
    dialog = RestoreDialog(book_path)
    qtbot.addWidget(dialog)
    assert dialog.choose_file(str(copy))
    assert asked == [copy.name] and dialog.table.item(0, 1).text() == "1"


def test_a_failed_password_change_says_so_and_the_book_opens_again(qtbot, boxes, book,
                                                                  book_path, monkeypatch):
    from villagebook.sync import book_password

    monkeypatch.setattr(WhoIsWorkingDialog, "exec", lambda self: 1)

    def refuse(path, password):
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(book_password, "set_password", refuse)
    controller = app_module.Controller(app_module.Settings())
    controller.show(book)
    qtbot.addWidget(controller.window)
    assert not controller.set_password(PASSWORD)
    qtbot.addWidget(controller.window)
    assert controller.window is not None and controller.book is not book
    assert controller.book.conn.execute("SELECT count(*) FROM village").fetchone()[0] == 1
    [(kind, title, text)] = boxes.shown
    assert kind == "critical" and title == "密码没有改" and "book.db" in text
    assert not is_locked(book_path)
    controller.book.close()
