"""Backups from the window: 文件 → 备份到… writes a checked copy; 文件 → 从备份恢复… lists
the backups, restores the chosen one with the book kept aside, and reopens the book; a
damaged book found by the check after opening refuses changes and offers the backup."""

from __future__ import annotations

import datetime as dt

from helpers import family
from PySide6.QtWidgets import QMessageBox

from villagebook import app as app_module
from villagebook.storage import backups as backups_module
from villagebook.storage.backups import make_backup
from villagebook.storage.households import load_household, save_household
from villagebook.ui.start_dialogs import WhoIsWorkingDialog


def test_back_up_and_restore_from_the_window(qtbot, boxes, book, book_path, tmp_path,
                                             monkeypatch):
    asked: list[str] = []  # "谁在使用？": not asked again after the restore
    monkeypatch.setattr(WhoIsWorkingDialog, "exec", lambda self: asked.append("who") or 1)
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda self: shown.append(self.text()) or 0)
    hid = save_household(book, None, *family()).household_id
    make_backup(book, now=dt.datetime(2026, 11, 26, 18, 0))
    household, members = load_household(book, hid)
    save_household(book, hid, {**household, "phone": "13900000009"}, members)
    controller = app_module.Controller(app_module.Settings())
    controller.show(book)
    qtbot.addWidget(controller.window)
    # to a USB stick
    controller.window.backup_to(str(tmp_path / "usb"))
    qtbot.waitUntil(lambda: bool(shown), timeout=10_000)
    [copy] = (tmp_path / "usb").glob("*.db")
    assert str(copy) in shown[0] and "没有密码" in shown[0]  # a plain copy says so
    # restore: listed with what it holds, confirmed, the book reopened as it was then
    dialog = controller.window.choose_backup()
    assert dialog.table.rowCount() == 1 and dialog.table.item(0, 1).text() == "1"
    assert dialog.table.item(0, 0).text() == "2026-11-26 18:00"
    boxes.answer = QMessageBox.StandardButton.Yes
    assert dialog.restore_selected()
    qtbot.waitUntil(lambda: controller.book is not None and controller.book is not book,
                    timeout=10_000)
    qtbot.addWidget(controller.window)
    assert load_household(controller.book, hid)[0]["phone"] == "13812345678"
    assert asked == [] and controller.book.operator == book.operator
    [aside] = book_path.parent.glob("*恢复前*.db")
    assert "已恢复" in boxes.texts() or str(aside) in boxes.texts()
    controller.book.close()


def test_a_damaged_book_refuses_changes_and_offers_the_backup(qtbot, boxes, book,
                                                              monkeypatch):
    monkeypatch.setattr(WhoIsWorkingDialog, "exec", lambda self: 1)
    save_household(book, None, *family())
    make_backup(book, now=dt.datetime(2026, 11, 26, 18, 0))
    boxes.answer = QMessageBox.StandardButton.No  # look first, restore later
    # the file's check finds a broken page
    sound = backups_module.quick_check

    def broken_book(conn):  # the book is found broken, its backup sound
        if conn.execute("PRAGMA database_list").fetchone()[2] == str(book.path):
            return "*** in database main ***\nPage 7: btreeInitPage"
        return sound(conn)

    monkeypatch.setattr(backups_module, "quick_check", broken_book)
    controller = app_module.Controller(app_module.Settings())
    controller.show(book)
    qtbot.addWidget(controller.window)
    qtbot.waitUntil(lambda: book.read_only, timeout=10_000)
    assert "已损坏" in boxes.texts() and "2026-11-26 18:00" in boxes.texts()
    import pytest

    from villagebook.core.errors import BookError

    with pytest.raises(BookError):  # nothing more is written to a damaged file
        hid = book.conn.execute("SELECT id FROM households").fetchone()[0]
        household, members = load_household(book, hid)
        save_household(book, hid, {**household, "phone": "13900000009"}, members)
