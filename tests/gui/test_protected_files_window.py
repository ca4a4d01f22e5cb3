"""Workbooks with a password, through the real dialogs: a locked book's register is
written with a password (or, chosen knowingly, without one), and a protected list asks
its password before the import dialog checks it; its readable copy goes with the dialog."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from villagebook.cli import create_demo
from villagebook.reports.protected import is_protected, write_protected
from villagebook.reports.workbook import export_register
from villagebook.storage import open_book
from villagebook.storage.locking import set_password
from villagebook.ui.import_dialog import choose_and_import
from villagebook.ui.main_window import MainWindow
from villagebook.ui.password_dialogs import OpenWorkbookDialog, ProtectFileDialog

BOOK_PASSWORD, FILE_PASSWORD = "账本密码2026", "村册密码2026"


def _locked_demo(tmp_path):
    path = tmp_path / "locked.db"
    create_demo(path, 30, seed=3).close()
    set_password(path, BOOK_PASSWORD)  # the key stays known to this process
    return open_book(path)


def _ok_button(dialog):
    from PySide6.QtWidgets import QDialogButtonBox

    return dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)


def _typing(qtbot, asked: list[str], short_first: bool = False):
    """The file password dialog as a person answers it (a too short password first, when
    asked to), recording its title in ``asked``."""

    def answer(dialog):
        asked.append(dialog.windowTitle())
        if short_first:
            dialog.first.setText("123")
            dialog.second.setText("123")
            qtbot.mouseClick(dialog.protect_button, Qt.MouseButton.LeftButton)
            assert "至少" in dialog.error.text() and not dialog.result()
        dialog.first.setText(FILE_PASSWORD)
        dialog.second.setText(FILE_PASSWORD)
        qtbot.mouseClick(dialog.protect_button, Qt.MouseButton.LeftButton)
        return dialog.result()

    return answer


def test_a_locked_books_register_is_written_with_a_password(qtbot, tmp_path, monkeypatch):
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda self: shown.append(self.text()) or 0)
    asked: list[str] = []
    monkeypatch.setattr(ProtectFileDialog, "exec", _typing(qtbot, asked, short_first=True))
    book = _locked_demo(tmp_path)
    main = MainWindow(book)
    qtbot.addWidget(main)
    out = tmp_path / "村册.xlsx"
    main.export_register(str(out))
    qtbot.waitUntil(lambda: bool(shown), timeout=10_000)
    assert asked == ["给文件加密码"]
    assert is_protected(out) and str(out) in shown[0]

    def without(dialog):
        qtbot.mouseClick(dialog.plain_button, Qt.MouseButton.LeftButton)
        return dialog.result()

    monkeypatch.setattr(ProtectFileDialog, "exec", without)
    plain = tmp_path / "村册-无密码.xlsx"
    main.export_register(str(plain))
    qtbot.waitUntil(lambda: len(shown) == 2, timeout=10_000)
    assert plain.exists() and not is_protected(plain)
    monkeypatch.setattr(ProtectFileDialog, "exec", lambda dialog: 0)  # 取消
    cancelled = tmp_path / "取消.xlsx"
    main.export_register(str(cancelled))
    qtbot.wait(200)
    assert not cancelled.exists() and len(shown) == 2
    book.close()


def test_a_plain_books_register_asks_no_password(qtbot, demo_book, tmp_path, monkeypatch):
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda self: shown.append(self.text()) or 0)
    monkeypatch.setattr(ProtectFileDialog, "exec", lambda dialog: 0)  # would cancel
    main = MainWindow(demo_book)
    qtbot.addWidget(main)
    out = tmp_path / "村册.xlsx"
    main.export_register(str(out))
    qtbot.waitUntil(lambda: bool(shown), timeout=10_000)
    assert out.exists() and not is_protected(out)


def test_a_protected_list_asks_its_password_before_the_check(qtbot, demo_book, book,
                                                             tmp_path, monkeypatch):
    source = tmp_path / "石桥村名单.xlsx"
    write_protected(source, FILE_PASSWORD, lambda plain: export_register(demo_book, plain))
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        staticmethod(lambda *args, **kwargs: (str(source), "")))
    folders: list[Path] = []

    def type_it(dialog):
        folders.append(dialog.folder)
        dialog.password.setText("不是这个密码")
        qtbot.mouseClick(_ok_button(dialog), Qt.MouseButton.LeftButton)
        assert "密码" in dialog.error.text() and dialog.copy is None
        dialog.password.setText(FILE_PASSWORD)
        qtbot.mouseClick(_ok_button(dialog), Qt.MouseButton.LeftButton)
        return dialog.result()

    monkeypatch.setattr(OpenWorkbookDialog, "exec", type_it)
    dialog = choose_and_import(None, book.path, "李文书")
    assert dialog is not None
    qtbot.addWidget(dialog)
    assert dialog.file.name == source.name and dialog.file.parent == folders[0]
    qtbot.waitUntil(lambda: dialog.import_button.isEnabled(), timeout=20_000)
    assert "新增 60 户" in dialog.summary.text()
    dialog.reject()
    assert not folders[0].exists()  # the readable copy went with the dialog
    # cancelled at the password: nothing opens, nothing stays
    monkeypatch.setattr(OpenWorkbookDialog, "exec",
                        lambda asked: folders.append(asked.folder) or 0)
    assert choose_and_import(None, book.path, "李文书") is None
    assert not folders[1].exists()


def test_cards_saved_from_a_locked_book_are_protected_and_wall_sheets_are_not(
        qtbot, tmp_path, monkeypatch):
    from pypdf import PdfReader

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda self: shown.append(self.text()) or 0)
    asked: list[str] = []
    monkeypatch.setattr(ProtectFileDialog, "exec", _typing(qtbot, asked))
    book = _locked_demo(tmp_path)
    main = MainWindow(book)
    qtbot.addWidget(main)
    cards = main.print_documents("cards")
    qtbot.addWidget(cards)
    cards.scope_all.setChecked(True)
    out = tmp_path / "户卡.pdf"
    assert cards.start_job("save", str(out))
    qtbot.waitUntil(lambda: bool(shown), timeout=20_000)
    assert asked == ["给文件加密码"] and PdfReader(out).is_encrypted
    # the preview's 另存为 asks too (one household: the preview is the whole document)
    cards.scope_selected.setChecked(True)
    cards.start_job("preview")
    qtbot.waitUntil(lambda: cards.preview is not None, timeout=20_000)
    copy = cards.preview.save_as(str(tmp_path / "预览.pdf"))
    assert copy is not None and PdfReader(copy).is_encrypted and len(asked) == 2
    cards.reject()
    walls = main.print_documents("walls")  # for the wall: nothing personal, not asked
    qtbot.addWidget(walls)
    assert walls.start_job("save", str(tmp_path / "公示牌.pdf"))
    qtbot.waitUntil(lambda: len(shown) == 3, timeout=20_000)  # after the preview's copy
    assert len(asked) == 2 and not PdfReader(tmp_path / "公示牌.pdf").is_encrypted
    walls.reject()
    book.close()
