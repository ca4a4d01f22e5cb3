from villagebook.core.clock import HybridClock, decode


def test_stamps_increase_even_when_the_wall_clock_goes_back():
    times = iter([1000, 1000, 900, 2000])
    clock = HybridClock("site-a", wall=lambda: next(times))
    stamps = [clock.now() for _ in range(4)]
    assert stamps == sorted(stamps) and len(set(stamps)) == 4
    assert decode(stamps[2])[:2] == (1000, 2)


def test_restart_continues_after_the_last_stamp():
    clock = HybridClock("s", wall=lambda: 5000)
    last = clock.now()
    again = HybridClock("s", last, wall=lambda: 10)  # clock set back after a restart
    assert again.now() > last


def test_observing_a_remote_stamp_moves_past_it():
    local = HybridClock("a", wall=lambda: 100)
    remote = HybridClock("b", wall=lambda: 10_000).now()
    local.observe(remote)
    assert decode(local.now())[:2] > decode(remote)[:2]


def test_more_than_65536_stamps_in_one_millisecond_still_sort():
    from villagebook.core.clock import COUNTER_MAX

    clock = HybridClock("s", wall=lambda: 1_000)
    stamps = [clock.now() for _ in range(COUNTER_MAX + 10)]
    assert stamps == sorted(stamps) and len(set(stamps)) == len(stamps)
    assert all(len(s) == len(stamps[0]) for s in stamps)  # never a fifth counter digit


def test_a_stamp_from_a_clock_a_year_ahead_is_refused_and_does_not_drag():
    import pytest

    from villagebook.core.clock import ClockAhead, encode

    now = 1_780_000_000_000
    clock = HybridClock("here", wall=lambda: now)
    before = clock.now()
    year_ahead = encode(now + 365 * 86_400_000, 0, "there")
    with pytest.raises(ClockAhead) as info:
        clock.observe(year_ahead, max_ahead_ms=86_400_000)
    assert info.value.ahead_ms == 365 * 86_400_000
    after = clock.now()
    assert after > before and after < year_ahead
    clock.observe(encode(now + 60_000, 0, "there"), max_ahead_ms=86_400_000)  # a minute: fine
    assert clock.now() > encode(now + 60_000, 0, "there")
