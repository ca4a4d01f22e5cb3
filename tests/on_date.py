"""Run ``villagebook ARGS`` on the day its test runs on (``tests/dates.py``): the clock
travels as the parent's did before the program starts."""

import os
import runpy
import sys
import time

import time_machine

if __name__ == "__main__":
    moved = os.environ.get("VILLAGEBOOK_TEST_TRAVEL")
    if moved:
        destination, departed = (float(part) for part in moved.split(":"))
        time_machine.travel(destination + time.time() - departed, tick=True).start()
    sys.argv = ["villagebook", *sys.argv[1:]]
    runpy.run_module("villagebook", run_name="__main__", alter_sys=True)
