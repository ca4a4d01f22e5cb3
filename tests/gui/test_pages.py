"""The main window's pages: one shape (``Page``), and one signal when records change."""

from __future__ import annotations

import datetime as dt

from helpers import family

from villagebook.core.today import current_date
from villagebook.storage.households import save_household
from villagebook.storage.problems import save_problem
from villagebook.ui.main_window import MainWindow
from villagebook.ui.pages import PAGES, Page


def test_every_page_of_the_side_bar_has_the_shape_of_a_page(qtbot, demo_book):
    main = MainWindow(demo_book)
    qtbot.addWidget(main)
    for row, spec in enumerate(PAGES):
        page = main.show_page(spec.name)
        assert isinstance(page, Page), spec.name
        assert main.pages.currentIndex() == row and main.pages.currentWidget() is page
        assert main.nav.item(row).text()  # its title, translated


def test_records_changed_reach_the_page_shown_and_the_household_list(qtbot, book):
    """Records written behind the window's back (an import, a sync package) show once
    ``records_changed`` says so: on the page shown at once, on the household list too."""
    main = MainWindow(book)
    qtbot.addWidget(main)
    page = main.show_page("problems")
    assert page.model.rowCount() == 0 and main.household_list.model.total() == 0
    household, members = family()
    save_household(book, None, household, members)
    today = current_date()
    save_problem(book, None, {"problem": "饮水管道老化", "source": "02", "category": "01",
                              "found_date": (today - dt.timedelta(days=10)).isoformat(),
                              "deadline": (today + dt.timedelta(days=30)).isoformat(),
                              "responsible": "村委会", "progress": "02"})
    assert page.model.rowCount() == 0  # not read yet
    main.records_changed.emit(frozenset({"households", "problems"}), frozenset())
    assert page.model.rowCount() == 1
    assert main.household_list.model.total() == 1
    assert not main.household_list.is_empty()
