"""The window on a small laptop screen, and Qt's own dialogs in Chinese."""

from __future__ import annotations

import re

from PySide6.QtWidgets import QFileDialog, QLabel

from villagebook.ui.main_window import MainWindow
from villagebook.ui.screen_fit import FRAME, available, show_main


def test_windows_fit_within_the_screen(qtbot, demo_book):
    window = MainWindow(demo_book)
    qtbot.addWidget(window)
    area = available(window)
    # the offscreen screen is smaller than 1280×720 + a title bar, as a 1366×768 laptop
    # with its task bar is
    assert window.width() <= max(area.width() - 16, window.minimumSizeHint().width())
    assert window.height() <= max(area.height() - FRAME, window.minimumSizeHint().height())
    show_main(window)
    assert window.isMaximized() == (area.height() < 900)
    household = window.open_household(window.household_list.model.household_id(0))
    qtbot.addWidget(household)
    assert household.height() <= max(area.height() - FRAME,
                                     household.minimumSizeHint().height())
    assert household.y() >= area.y() and household.x() >= area.x()


def test_the_file_dialog_speaks_chinese(qtbot):
    """Qt's shipped Chinese lacks "&Look in:" and "Files of &type:" (renamed after it was
    made); our translations carry them (ui/qt_strings.py)."""
    dialog = QFileDialog(None, "保存", "", "PDF 文件 (*.pdf)")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    qtbot.addWidget(dialog)
    labels = [label.text() for label in dialog.findChildren(QLabel) if label.text()]
    assert labels and all(not re.search(r"[A-Za-z]", re.sub(r"\(&\w\)", "", t))
                          for t in labels), labels


def test_the_side_bar_fits_its_names_and_the_charts_are_readable(qtbot, demo_book):
    """In English the side bar's longer names are not cut; the charts are shown larger
    than their printed points (labels of about 10 pixels), two a row within 1366 pixels."""
    from villagebook.ui import i18n
    from villagebook.ui.dashboard_page import COLUMNS, SHOWN_SCALE, SIZE

    i18n.install("en")
    try:
        window = MainWindow(demo_book)
        qtbot.addWidget(window)
        window.resize(1366, 768)
        window.show()
        names = [window.nav.item(r).text() for r in range(window.nav.count())]
        assert "Assistance measures" in names
        widest = max(window.nav.fontMetrics().horizontalAdvance(n) for n in names)
        assert window.nav.width() >= widest + 8
        page = window.show_page("dashboard")
        qtbot.waitUntil(lambda: bool(page.charts), timeout=10_000)
        chart = next(iter(page.charts.values()))
        assert chart.width() == round(SIZE[0] * SHOWN_SCALE) and 7 * SHOWN_SCALE >= 10
        assert COLUMNS * chart.width() + window.nav.width() < 1366
    finally:
        i18n.install("zh")
