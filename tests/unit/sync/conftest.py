"""A village and its township, paired (each its own installation)."""

from __future__ import annotations

import pytest

from syncing import Site


@pytest.fixture
def pair(tmp_path, monkeypatch, capsys):
    village, township = Site(tmp_path, "village", monkeypatch), Site(tmp_path, "town", monkeypatch)
    assert village.run("init", "--village", "石桥村", "--code", "530524101001",
                       "--township", "城关镇", "--user", "李文书") == 0
    assert township.run("init-township", "--name", "城关镇", "--code", "530524101",
                        "--county", "昌宁县", "--user", "李文书") == 0
    assert village.run("sync", "pair", "--export", str(tmp_path / "village.card")) == 0
    village_fp = capsys.readouterr().out.split("fingerprint: ")[1].strip()
    assert township.run("sync", "pair", "--export", str(tmp_path / "town.card")) == 0
    assert village.run("sync", "pair", "--accept", str(tmp_path / "town.card")) == 0
    assert township.run("sync", "pair", "--accept", str(tmp_path / "village.card"),
                        "--fingerprint", village_fp.replace(" ", "")) == 0
    capsys.readouterr()
    return village, township
