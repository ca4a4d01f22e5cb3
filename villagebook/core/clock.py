"""A hybrid logical clock: stamps that order changes made on several laptops.

A stamp is wall-clock milliseconds plus a counter plus the site id, written as text that
sorts in time order (``0192f3a1b2c3d.0000.<site>``). It never goes backwards on one site,
even when the laptop's clock is set back, and ``observe`` moves it past stamps received
from other sites (used by sync), so causally later changes always sort later.
"""

from __future__ import annotations

import time
from collections.abc import Callable

COUNTER_MAX = 0xFFFF  # four hex digits: past it a stamp moves to the next millisecond


class ClockAhead(ValueError):
    """A stamp lies further ahead of this laptop's clock than allowed (``ahead_ms``)."""

    def __init__(self, stamp: str, ahead_ms: int) -> None:
        super().__init__(stamp)
        self.stamp = stamp
        self.ahead_ms = ahead_ms


def wall_ms() -> int:
    """This laptop's clock, in milliseconds since the epoch."""
    return time.time_ns() // 1_000_000


def encode(ms: int, counter: int, site: str) -> str:
    return f"{ms:013x}.{counter:04x}.{site}"


def decode(stamp: str) -> tuple[int, int, str]:
    ms, counter, site = stamp.split(".", 2)
    return int(ms, 16), int(counter, 16), site


class HybridClock:
    """Issues strictly increasing stamps for one site."""

    def __init__(self, site: str, last: str | None = None,
                 wall: Callable[[], int] = wall_ms) -> None:
        self.site = site
        self._wall = wall
        self._ms, self._counter = 0, 0
        if last:
            self.observe(last)

    def now(self) -> str:
        """A new stamp, later than every stamp issued or observed before. More than
        65,536 in one millisecond borrow the next millisecond, so stamps keep sorting as
        text."""
        wall = self._wall()
        if wall > self._ms:
            self._ms, self._counter = wall, 0
        elif self._counter >= COUNTER_MAX:
            self._ms, self._counter = self._ms + 1, 0
        else:
            self._counter += 1
        return encode(self._ms, self._counter, self.site)

    def past(self, stamp: str, taken: Callable[[str], bool]) -> str:
        """A stamp of this site just past ``stamp`` (not ``taken``), without moving the
        clock: for a change of a value whose stamp lies ahead of the clock, so that it
        still sorts after what its writer saw."""
        ms, counter, _ = decode(stamp)
        while True:
            ms, counter = (ms + 1, 0) if counter >= COUNTER_MAX else (ms, counter + 1)
            candidate = encode(ms, counter, self.site)
            if not taken(candidate):
                return candidate

    def lead(self) -> int:
        """How far this clock runs ahead of the laptop's (it follows stamps made while the
        laptop's clock was set ahead); 0 when it does not."""
        return max(0, self._ms - self._wall())

    def ahead(self, stamp: str) -> int:
        """How many milliseconds ``stamp`` lies ahead of this laptop's clock (0 if not)."""
        return max(0, decode(stamp)[0] - self._wall())

    def observe(self, stamp: str, max_ahead_ms: int | None = None) -> None:
        """Move past a stamp seen elsewhere (or our own last one, on start). With
        ``max_ahead_ms``, a stamp further ahead of the wall clock than that is refused
        with ``ClockAhead`` and the clock is left as it was: one laptop whose clock runs a
        year ahead must not drag every book it reaches along."""
        if max_ahead_ms is not None:
            ahead = self.ahead(stamp)
            if ahead > max_ahead_ms:
                raise ClockAhead(stamp, ahead)
        ms, counter, _ = decode(stamp)
        if (ms, counter) > (self._ms, self._counter):
            self._ms, self._counter = ms, counter
