"""The pages of the main window's side bar, described once: their order, names, titles and
how each is made. A page is built the first time it is shown (a township's lists are read
only by those who open them, and the window appears sooner); each has the shape of
``Page``."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol, runtime_checkable

from PySide6.QtWidgets import QWidget

from ..core.messages import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from .main_window import MainWindow


@runtime_checkable
class Page(Protocol):
    """What the main window asks of every page."""

    def refresh(self) -> None:
        """Read the page's lists again: it is shown again, records changed while it was
        shown, or the village chosen above the pages did."""


@dataclass(frozen=True)
class PageSpec:
    """A page of the side bar: ``name`` for the code (``show_page``), ``title`` (English
    source text, translated in the context ``MainWindow``) and how to make it."""

    name: str
    title: str
    make: Callable[[MainWindow], QWidget]
    # whether it reads its lists again each time it is shown (the household list keeps
    # its search, selection and place; records changed reach it by ``refresh`` all the same)
    reads_when_shown: bool = True


def _home(main: MainWindow) -> QWidget:
    from .home_page import HomePage

    page = HomePage(main.book, main.findings, scope=main.scope)
    page.open_household.connect(main.open_household)
    page.open_record.connect(main.open_record)
    page.show_rule.connect(main.show_findings_of)
    return page


def _households(main: MainWindow) -> QWidget:
    from .households_page import HouseholdsPage

    page = HouseholdsPage(main.book, main.scope)
    page.open_household.connect(main.open_household)
    page.print_requested.connect(main.print_documents)
    page.import_requested.connect(main.import_households)
    page.sync_requested.connect(main.show_sync)
    return page


def _measures(main: MainWindow) -> QWidget:
    from .measures_page import MeasuresPage

    page = MeasuresPage(main.book, scope=main.scope)
    page.open_household.connect(main.open_household)
    return page


def _helpers(main: MainWindow) -> QWidget:
    from .household_records import helper_tab
    from .record_tab import RecordTab

    return RecordTab(helper_tab(main.book))


def _problems(main: MainWindow) -> QWidget:
    from .household_records import problem_tab
    from .record_tab import RecordTab

    return RecordTab(problem_tab(main.book, main.scope))


def _visits(main: MainWindow) -> QWidget:
    from .visits_page import VisitsPage

    page = VisitsPage(main.book, scope=main.scope)
    page.open_household.connect(main.open_household)
    return page


def _projects(main: MainWindow) -> QWidget:
    from .projects_page import ProjectsPage

    return ProjectsPage(main.book, scope=main.scope)


def _sync(main: MainWindow) -> QWidget:
    from .sync_page import SyncPage  # the sync engine: when first opened

    page = SyncPage(main.book)
    page.changed.connect(main.records_arrived)
    page.open_household.connect(main.open_household)
    return page


def _findings(main: MainWindow) -> QWidget:
    from .findings_page import FindingsPage

    page = FindingsPage(main.book, scope=main.scope, source=main.findings)
    page.open_household_at.connect(main.open_household_at)
    page.open_record.connect(main.open_record)
    return page


def _dashboard(main: MainWindow) -> QWidget:
    from .dashboard_page import DashboardPage  # QtSvg: when first opened

    return DashboardPage(main.book, main.findings)


# the side bar, top to bottom: 工作台 first (what to do today), then the lists
PAGES: tuple[PageSpec, ...] = (
    PageSpec("home", QT_TRANSLATE_NOOP("MainWindow", "Today"), _home),
    PageSpec("households", QT_TRANSLATE_NOOP("MainWindow", "Households"), _households,
             reads_when_shown=False),
    PageSpec("measures", QT_TRANSLATE_NOOP("MainWindow", "Assistance measures"), _measures),
    PageSpec("helpers", QT_TRANSLATE_NOOP("MainWindow", "Helpers"), _helpers),
    PageSpec("visits", QT_TRANSLATE_NOOP("MainWindow", "Visits"), _visits),
    PageSpec("problems", QT_TRANSLATE_NOOP("MainWindow", "Problems"), _problems),
    PageSpec("projects", QT_TRANSLATE_NOOP("MainWindow", "Projects and assets"), _projects),
    PageSpec("sync", QT_TRANSLATE_NOOP("MainWindow", "Sync"), _sync),
    PageSpec("findings", QT_TRANSLATE_NOOP("MainWindow", "Warnings"), _findings),
    PageSpec("dashboard", QT_TRANSLATE_NOOP("MainWindow", "Charts"), _dashboard),
)
PAGE_NAMES = tuple(spec.name for spec in PAGES)


def page_row(name: str) -> int:
    """The side bar's row of the page called ``name``."""
    return PAGE_NAMES.index(name)
