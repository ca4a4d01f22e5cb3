"""File dialogs start in the folder last used (a USB stick, the village's folder), not the
home folder each time; a copy to a stick is named for the book and its village."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog

from villagebook.ui.exports import ask_save_path


def test_the_next_dialog_starts_where_the_last_file_went(qtbot, tmp_path, monkeypatch):
    started: list[str] = []
    answers = iter([str(tmp_path / "stick" / "预警.pdf"), ""])

    def save(parent, title, start, file_filter):
        started.append(start)
        return next(answers), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save)
    (tmp_path / "stick").mkdir()
    assert ask_save_path(None, "保存", "预警.pdf", "PDF (*.pdf)") == str(
        tmp_path / "stick" / "预警.pdf")
    assert started[0] == str(Path.home() / "预警.pdf")  # nothing used yet
    assert ask_save_path(None, "保存", "户卡.pdf", "PDF (*.pdf)") is None  # cancelled
    assert started[1] == str(tmp_path / "stick" / "户卡.pdf")


def test_a_backup_to_a_stick_is_named_for_the_village(qtbot, book, tmp_path, monkeypatch,
                                                      boxes):
    from PySide6.QtWidgets import QMessageBox

    from villagebook.ui.main_window import MainWindow

    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda self: said.append(self.text()) or 0)
    stick = tmp_path / "usb"
    stick.mkdir()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory",
                        lambda parent, title, start: str(stick))
    window = MainWindow(book)
    qtbot.addWidget(window)
    window.backup_to()
    qtbot.waitUntil(lambda: bool(said), timeout=10_000)
    [copy] = stick.glob("*.db")
    assert copy.name.startswith(f"{book.path.stem}-石桥村-")
