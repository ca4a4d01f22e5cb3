"""Printing from the window: the print dialog over the list's selection, save as PDF,
the preview, printing through QPrinter, and refused options."""

from __future__ import annotations

import pytest
from helpers import pdf_text
from pypdf import PdfReader
from PySide6.QtCore import QItemSelectionModel
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QMessageBox

from villagebook.storage.book_settings import text_setting
from villagebook.ui.main_window import MainWindow


@pytest.fixture
def saved(monkeypatch):
    """The 'saved to' boxes, recorded instead of shown."""
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda self: shown.append(self.text()) or 0)
    return shown


@pytest.fixture
def main(qtbot, demo_book):
    window = MainWindow(demo_book)
    qtbot.addWidget(window)
    return window


def _select_rows(main, rows):
    households = main.household_list
    selection = households.table.selectionModel()
    selection.clearSelection()
    for row in rows:
        selection.select(households.model.index(row, 0), QItemSelectionModel.SelectionFlag.Select
                         | QItemSelectionModel.SelectionFlag.Rows)


def test_wall_sheets_of_the_selected_households(qtbot, main, saved, tmp_path):
    _select_rows(main, [0, 2, 4])
    menu = next(a.menu() for a in main.menuBar().actions() if a.text() == "打印(&P)")
    walls = next(a for a in menu.actions() if a.text() == "户内公示牌…")
    walls.trigger()
    dialog = next(w for w in main.findChildren(QDialog) if w.windowTitle() == "打印")
    qtbot.addWidget(dialog)
    assert dialog.kind == "walls" and dialog.scope_selected.isChecked()
    assert "3" in dialog.scope_selected.text()
    dialog.paper.setCurrentIndex(dialog.paper.findData("A3"))
    out = tmp_path / "walls.pdf"
    assert dialog.start_job("save", str(out))
    qtbot.waitUntil(lambda: bool(saved), timeout=20000)
    reader = PdfReader(out)
    heads = [main.household_list.model.index(r, 1).data() for r in (0, 2, 4)]
    text = pdf_text(out)
    assert text.count("户内公示牌") == 3 and all(h in text for h in heads)
    assert reader.pages[0].mediabox.width > 1100  # A3 landscape: 1191 points wide


def test_notice_period_is_checked_and_the_hotline_kept(qtbot, main, saved, boxes, tmp_path):
    from PySide6.QtCore import QDate

    dialog = main.print_documents("notice")
    qtbot.addWidget(dialog)
    dialog.notice.setCurrentIndex(dialog.notice.findData("measures"))
    dialog.start.setDate(QDate(2026, 12, 1))
    dialog.end.setDate(QDate(2026, 1, 1))
    out = tmp_path / "notice.pdf"
    assert not dialog.start_job("save", str(out))
    assert "早于开始日期" in boxes.texts() and not out.exists()
    dialog.start.setDate(QDate(2000, 1, 1))
    dialog.end.setDate(QDate(2030, 12, 31))
    dialog.hotline.setText("0871-12317")
    assert dialog.start_job("save", str(out))
    qtbot.waitUntil(lambda: bool(saved), timeout=20000)
    text = pdf_text(out)
    assert "帮扶措施及资金使用情况公示" in text and "0871-12317" in text
    assert text_setting(main.book, "print.hotline") == "0871-12317"
    logged = main.book.conn.execute(
        "SELECT count(*) FROM changes WHERE table_name = 'book_settings'").fetchone()[0]
    assert logged >= 1


def test_nothing_to_print_says_so(qtbot, main, boxes, tmp_path):
    from PySide6.QtCore import QDate

    dialog = main.print_documents("notice")
    qtbot.addWidget(dialog)
    dialog.notice.setCurrentIndex(dialog.notice.findData("projects"))
    dialog.start.setDate(QDate(1990, 1, 1))
    dialog.end.setDate(QDate(1990, 12, 31))
    out = tmp_path / "empty.pdf"
    dialog.start_job("save", str(out))
    qtbot.waitUntil(lambda: "没有可打印的内容" in boxes.texts(), timeout=20000)
    assert not out.exists()


def test_preview_pages_and_saves_the_same_file(qtbot, main, saved, tmp_path):
    _select_rows(main, [1])
    dialog = main.print_documents("cards")
    qtbot.addWidget(dialog)
    # the highlighted household is the default, named; the whole village is offered with
    # its size, so that Ctrl+P then Enter never starts making every card of a village
    assert dialog.scope_selected.isChecked()
    assert main.household_list.model.index(1, 1).data() in dialog.scope_selected.text()
    assert "60 户" in dialog.scope_size.text() and "页" in dialog.scope_size.text()
    dialog.start_job("preview")
    qtbot.waitUntil(lambda: dialog.preview is not None, timeout=20000)
    preview = dialog.preview
    assert preview.page_count >= 1 and "1" in preview.page_label.text()
    assert not preview.page.pixmap().isNull()
    if preview.page_count > 1:
        preview.next_button.click()
        assert preview.index == 1
    copy = preview.save_as(str(tmp_path / "copy.pdf"))
    assert copy.read_bytes() == preview.path.read_bytes()
    assert main.household_list.model.index(1, 1).data() in pdf_text(copy)
    # a second preview replaces the first, whose file is released
    dialog.start_job("preview")
    qtbot.waitUntil(lambda: dialog.preview is not preview, timeout=20000)
    assert preview.document is None and dialog.preview.path != preview.path
    workdir = dialog._workdir
    dialog.reject()
    assert not workdir.exists()  # the temporary PDF goes with the dialog


def test_print_goes_through_qprinter(qtbot, main, monkeypatch, tmp_path):
    paper = tmp_path / "printed.pdf"

    def accept(self):
        self.printer().setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        self.printer().setOutputFileName(str(paper))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(QPrintDialog, "exec", accept)
    _select_rows(main, [0, 1])
    dialog = main.print_documents("walls")
    qtbot.addWidget(dialog)
    dialog.start_job("print")
    qtbot.waitUntil(lambda: paper.exists() and paper.stat().st_size > 0, timeout=20000)
    reader = PdfReader(paper)
    assert len(reader.pages) >= 2
    box = reader.pages[0].mediabox
    assert box.width > box.height  # the printer followed the sheet's landscape


def test_household_window_prints_that_household(qtbot, main, saved, tmp_path):
    window = main.open_household(main.household_list.model.household_id(3))
    dialog = window.print_household()
    qtbot.addWidget(dialog)
    assert dialog.scope_selected.isChecked()
    assert main.household_list.model.index(3, 1).data() in dialog.scope_selected.text()
    # its own file name (not the village's whole set, which it would overwrite)
    assert main.household_list.model.index(3, 0).data() in dialog.file_name()
    out = tmp_path / "card.pdf"
    dialog.start_job("save", str(out))
    qtbot.waitUntil(lambda: bool(saved), timeout=20000)
    assert pdf_text(out).count("户卡（明白卡）") == 1
    assert main.household_list.model.index(3, 0).data() in pdf_text(out)


def test_saving_the_preview_to_a_full_disk_says_so(qtbot, boxes, demo_book, tmp_path,
                                                   monkeypatch):
    import errno

    from villagebook.reports.printing import PrintRequest, render
    from villagebook.storage.queries import active_household_ids
    from villagebook.ui import pdf_view

    source = tmp_path / "cards.pdf"
    render(demo_book, PrintRequest("cards", tuple(active_household_ids(demo_book.conn)[:1])),
           source)
    dialog = pdf_view.PreviewDialog(source, "cards.pdf")
    qtbot.addWidget(dialog)
    real_write = pdf_view.Path.write_bytes

    def full(self, data):
        if self.name.endswith(".part"):
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_write(self, data)

    monkeypatch.setattr(pdf_view.Path, "write_bytes", full)
    assert dialog.save_as(str(tmp_path / "out.pdf")) is None
    assert "磁盘已满" in boxes.texts()
    assert not (tmp_path / "out.pdf").exists()


def test_a_preview_of_the_whole_village_shows_its_first_households_at_once(
        qtbot, main, saved, tmp_path, monkeypatch):
    from villagebook.reports.printing import PREVIEW_HOUSEHOLDS

    dialog = main.print_documents("cards")
    qtbot.addWidget(dialog)
    dialog.scope_all.setChecked(True)
    dialog.start_job("preview")
    qtbot.waitUntil(lambda: dialog.preview is not None, timeout=20000)
    preview = dialog.preview
    assert preview.sample.isVisible() or preview.sample.text()
    assert f"前 {PREVIEW_HOUSEHOLDS} 户" in preview.sample.text() and "60" in preview.sample.text()
    assert pdf_text(preview.path).count("户卡（明白卡）") == PREVIEW_HOUSEHOLDS
    # 保存为 PDF… from a sample makes the whole village
    monkeypatch.setattr("PySide6.QtWidgets.QFileDialog.getSaveFileName",
                        lambda *a, **k: (str(tmp_path / "all.pdf"), ""))
    preview.save_as()
    qtbot.waitUntil(lambda: bool(saved), timeout=60000)
    assert pdf_text(tmp_path / "all.pdf").count("户卡（明白卡）") == 60
