"""The file lock that says which process runs: held while it runs, free once it has ended,
a kill included."""

from __future__ import annotations

import subprocess
import sys

import pytest

from villagebook.storage.file_lock import is_held, take

HOLDER = """
import sys, time
from pathlib import Path
from villagebook.storage.file_lock import take
handle = take(Path(sys.argv[1]))
print("held", flush=True)
time.sleep(60)
"""


def test_a_lock_is_held_until_its_process_is_killed(tmp_path):
    path = tmp_path / "running.lock"
    assert not is_held(path)
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(path)],
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        assert is_held(path)
        with pytest.raises(BlockingIOError):
            take(path)
    finally:
        holder.kill()
        holder.wait()
    assert not is_held(path)  # the system let it go with the process
    take(path).close()


def test_one_process_holds_a_lock_once(tmp_path):
    path = tmp_path / "running.lock"
    handle = take(path)
    assert is_held(path)  # another handle, even of this process, is refused
    with pytest.raises(BlockingIOError):
        take(path)
    handle.close()
    assert not is_held(path)


def test_a_missing_folder_is_not_a_held_lock(tmp_path):
    assert not is_held(tmp_path / "gone" / "x.lock")
    with pytest.raises(FileNotFoundError):
        take(tmp_path / "gone" / "x.lock")
