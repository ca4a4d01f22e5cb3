"""Background jobs deliver their result through the window's event loop, never inside the
call that submitted them."""

from __future__ import annotations

from concurrent.futures import Future

from villagebook.ui import jobs
from villagebook.ui.jobs import LatestOnly


class _Done:
    """A worker whose jobs have ended before their caller adds its callback."""

    def submit(self, fn):
        future: Future = Future()
        future.set_result(fn())
        return future


def test_a_job_that_ends_at_once_still_reaches_the_window_later(qtbot, monkeypatch):
    monkeypatch.setattr(jobs, "_worker", lambda: _Done())
    job = LatestOnly()
    got: list[int] = []
    job.done.connect(got.append)
    job.submit(lambda: 1)
    assert got == []  # not inside submit(): the caller goes on first
    job.drop()  # and may still say the result is not wanted
    job.submit(lambda: 2)
    qtbot.waitUntil(lambda: got == [2], timeout=2000)
    qtbot.wait(20)
    assert got == [2]
