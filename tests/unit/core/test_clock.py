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
