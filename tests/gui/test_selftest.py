"""``villagebook --selftest``: what the built program runs on a fresh laptop (and the
Windows build runs in CI). Here from the source; the built folder's own run is the slow
test below, when `make dist` has built it."""

from __future__ import annotations

import glob
import os
import subprocess

import pytest

from villagebook.__main__ import main


def test_the_selftest_passes_from_the_source(qapp, capsys, tmp_path, monkeypatch):
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    assert main(["--selftest"]) == 0
    assert list(tmp_path.iterdir()) == []  # its demo book and files are gone
    out = capsys.readouterr().out
    assert "selftest passed" in out and "FAIL" not in out
    for step in ("demo book", "window", "household cards", "register out and in", "backup"):
        assert f"ok   {step}" in out


@pytest.mark.slow
def test_the_built_program_passes_its_selftest():
    built = sorted(glob.glob("dist/villagebook-*/villagebook-cli"))
    if not built:
        pytest.skip("the program is not built here (make dist)")
    result = subprocess.run([built[-1], "--selftest"], capture_output=True, text=True,
                            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"}, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "selftest passed" in result.stdout
