"""Background work waits for the window's first paint: the warning rules and the integrity
check start once the person sees the window, not while it is built."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from villagebook.ui import first_paint
from villagebook.ui.first_paint import after_first_paint
from villagebook.ui.main_window import MainWindow


def test_callbacks_run_once_in_order_after_the_window_is_exposed(qtbot):
    window = QLabel("村账本")
    qtbot.addWidget(window)
    window.show()
    ran: list[str] = []
    after_first_paint(window, lambda: ran.append("rules"), lambda: ran.append("check"))
    assert ran == []  # not while the window is being shown
    qtbot.waitUntil(lambda: ran == ["rules", "check"], timeout=first_paint.FALLBACK_MS // 2)
    window.hide()
    window.show()  # exposed again: nothing runs twice
    qtbot.wait(50)
    assert ran == ["rules", "check"]


def test_a_window_never_exposed_does_not_hold_the_work_back(qtbot, monkeypatch):
    monkeypatch.setattr(first_paint, "FALLBACK_MS", 100)
    window = QLabel()
    qtbot.addWidget(window)  # never shown: no expose event comes
    ran: list[str] = []
    after_first_paint(window, lambda: ran.append("rules"))
    qtbot.waitUntil(lambda: ran == ["rules"], timeout=2000)


def test_held_findings_wait_for_their_release(qtbot, demo_book):
    main = MainWindow(demo_book, hold_findings=True)
    qtbot.addWidget(main)
    home = main.home_page  # built and refreshed: the rules were asked for
    qtbot.wait(200)
    assert not main.findings.ready and home.households.rowCount() == 0
    main.findings.release()
    qtbot.waitUntil(lambda: main.findings.ready and home.households.rowCount() > 0,
                    timeout=10_000)


def test_the_program_starts_the_rules_after_the_first_paint(qtbot, demo_book, monkeypatch):
    from villagebook import app as app_module

    started: list[bool] = []
    build = app_module.MainWindow.__init__

    def watched(self, book, **options):
        build(self, book, **options)
        original = self.findings.release
        self.findings.release = lambda: (started.append(self.isVisible()), original())

    monkeypatch.setattr(app_module.MainWindow, "__init__", watched)
    path = demo_book.path
    demo_book.close()
    controller = app_module.Controller(app_module.Settings())
    assert controller.start(path)
    qtbot.addWidget(controller.window)
    assert started == []  # the window is built and shown first
    qtbot.waitUntil(lambda: controller.window.findings.ready, timeout=10_000)
    assert started == [True]
    controller.book.close()
