"""GUI fixtures: Chinese translations loaded, message boxes recorded instead of blocking."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox

from villagebook.ui import i18n
from villagebook.ui.jobs import wait_for_jobs


@pytest.fixture(autouse=True)
def _own_settings(tmp_path):
    """The window's preferences (the folder last used…) are each test's own: Qt reads
    where user settings live once per process, so a test's XDG_CONFIG_HOME alone would
    leave one test's choices to the next."""
    from PySide6.QtCore import QSettings

    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                      str(tmp_path / "config"))
    yield


@pytest.fixture(autouse=True)
def _jobs_end_with_the_test(qtbot):
    """Background jobs (the window starts the warning rules when it opens) finish and
    deliver before the test's widgets are deleted: a result emitted to a widget being
    deleted on the GUI thread is a crash, not an error."""
    yield
    wait_for_jobs()
    qtbot.wait(1)


@pytest.fixture(autouse=True)
def _cycles_collected_on_the_gui_thread(qapp):
    """As the program does (ui/gc_guard): a job's thread never destroys a widget."""
    from villagebook.ui.gc_guard import GuiThreadCollector

    collector = GuiThreadCollector(qapp)
    yield
    wait_for_jobs()  # no worker allocating while the collection runs here
    collector.stop()
    collector.deleteLater()


@pytest.fixture(autouse=True)
def chinese(qapp):
    i18n.install("zh")
    yield
    i18n.install("zh")


class Boxes:
    """Records message boxes; ``answer`` is what a question returns."""

    def __init__(self) -> None:
        self.shown: list[tuple[str, str, str]] = []
        self.answer = QMessageBox.StandardButton.Discard

    def texts(self) -> str:
        return "\n".join(t for _, _, t in self.shown)


@pytest.fixture(autouse=True)
def boxes(monkeypatch) -> Boxes:
    """Every test: a message box never blocks (teardown closes windows with changes too)."""
    record = Boxes()

    def make(kind):
        def show(parent, title, text, *args, **kwargs):
            record.shown.append((kind, title, text))
            return record.answer if kind == "question" else QMessageBox.StandardButton.Ok
        return show

    for kind in ("warning", "critical", "information", "question"):
        monkeypatch.setattr(QMessageBox, kind, staticmethod(make(kind)))
    return record
