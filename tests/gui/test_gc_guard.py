"""Cycles are collected on the window's thread, never on a job's thread."""

from __future__ import annotations

import gc
import threading

from villagebook.ui import gc_guard
from villagebook.ui.gc_guard import GuiThreadCollector


class _Cycle:
    died_on: list[str] = []

    def __init__(self) -> None:
        self.me = self

    def __del__(self) -> None:
        _Cycle.died_on.append(threading.current_thread().name)


def test_a_worker_allocating_never_collects_and_the_timer_does(qtbot, qapp):
    assert not gc.isenabled()  # the fixture's collector, as the program's, is running
    _Cycle.died_on.clear()
    for _ in range(50):
        _Cycle()

    def allocate() -> None:  # far past the thresholds, on another thread
        junk: list[list[dict]] = [[{} for _ in range(10)] for _ in range(20_000)]
        del junk

    worker = threading.Thread(target=allocate, name="job")
    worker.start()
    worker.join()
    assert "job" not in _Cycle.died_on  # with collection on, the job's thread had
    gc.collect()  # here, as the timer does
    assert len(_Cycle.died_on) == 50 and set(_Cycle.died_on) == {
        threading.current_thread().name}


def test_the_timer_collects_by_pythons_own_rule(qtbot):
    kept = [[] for _ in range(3 * gc.get_threshold()[0])]  # past the first threshold
    assert gc.get_count()[0] > gc.get_threshold()[0]
    qtbot.waitUntil(lambda: gc.get_count()[0] <= gc.get_threshold()[0],
                    timeout=5 * gc_guard.INTERVAL_MS)
    assert len(kept) == 3 * gc.get_threshold()[0]


def test_stopping_hands_collection_back(qapp):
    collector = GuiThreadCollector(qapp)
    collector.stop()
    assert gc.isenabled()
    gc.disable()  # the fixture's collector is still running for this test
    collector.deleteLater()
