"""Shared fixtures. Qt runs offscreen; each test gets its own data folder and book."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402
from dates import DATES, SUITE_DATE, travel  # noqa: E402
from hypothesis import settings  # noqa: E402

from villagebook.cli import create_demo  # noqa: E402
from villagebook.storage import open_book  # noqa: E402
from villagebook.storage.book import Book  # noqa: E402
from villagebook.storage.village import add_user, set_village  # noqa: E402
from villagebook.sync.book_password import forget as forget_keys  # noqa: E402

# No wall-clock limit in any test: hypothesis's per-example deadline is one (a loaded
# machine made a pure ID-number property fail on time alone).
settings.register_profile("villagebook", deadline=None)
settings.load_profile("villagebook")



def pytest_configure(config: pytest.Config) -> None:
    """``VILLAGEBOOK_TEST_DATE``: the whole run on that day (tests/dates.py)."""
    day = os.environ.get(SUITE_DATE)
    if day:
        suite_day = travel(day)
        suite_day.__enter__()  # for the whole run: the process ends with it
        config.stash[_SUITE_DAY] = suite_day


_SUITE_DAY = pytest.StashKey[object]()


def pytest_report_header(config: pytest.Config) -> str:
    import datetime as dt

    return f"today: {dt.date.today().isoformat()}"


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """A test marked ``dated`` runs today and on each day of ``DATES`` (once only when
    the whole run is on another day)."""
    if metafunc.definition.get_closest_marker("dated") and not os.environ.get(SUITE_DATE):
        metafunc.parametrize("_on_date", [None, *DATES], indirect=True,
                             ids=["today", *DATES])


@pytest.fixture(autouse=True)
def _on_date(request: pytest.FixtureRequest) -> Iterator[None]:
    day = getattr(request, "param", None)
    if day is None:
        yield
    else:
        with travel(day):
            yield


OPERATOR = "李文书"
VILLAGE = {"name": "石桥村", "code": "110105001001", "township": "城关镇", "county": "朝阳区"}


@pytest.fixture(autouse=True)
def _isolated_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Never touch the real user's data folder or settings."""
    monkeypatch.setenv("VILLAGEBOOK_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.delenv("VILLAGEBOOK_PASSWORD", raising=False)
    yield
    forget_keys()  # a locked book's key never outlives its test


@pytest.fixture
def book_path(tmp_path: Path) -> Path:
    return tmp_path / "book.db"


@pytest.fixture
def book(book_path: Path):
    """A new empty book for 石桥村 with one user, who is the operator."""
    b: Book = open_book(book_path, create=True)
    add_user(b, OPERATOR, "01")
    b.operator = OPERATOR
    set_village(b, VILLAGE)
    yield b
    b.close()


@pytest.fixture
def demo_book(tmp_path: Path):
    b = create_demo(tmp_path / "demo.db", 60, seed=7)
    yield b
    b.close()


@pytest.fixture(autouse=True)
def _restore_tempdir(monkeypatch: pytest.MonkeyPatch) -> None:
    """The program points ``tempfile`` at its data folder (storage.scratch); each test's
    data folder goes with the test, so the setting goes back after it."""
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", tempfile.tempdir)


@pytest.fixture
def pair(tmp_path, monkeypatch, capsys):
    """A village (石桥村) and its township (城关镇), each its own installation, paired."""
    from syncing import Site

    village, township = Site(tmp_path, "village", monkeypatch), Site(tmp_path, "town", monkeypatch)
    assert village.run("init", "--village", "石桥村", "--code", "530524101001",
                       "--township", "城关镇", "--user", "李文书") == 0
    assert township.run("init-township", "--name", "城关镇", "--code", "530524101",
                        "--county", "昌宁县", "--user", "李文书") == 0
    assert village.run("sync", "pair", "--export", str(tmp_path / "village.card")) == 0
    village_fp = capsys.readouterr().out.split("fingerprint: ")[1].strip()
    assert township.run("sync", "pair", "--export", str(tmp_path / "town.card")) == 0
    assert village.accept(tmp_path / "town.card") == 0
    assert township.run("sync", "pair", "--accept", str(tmp_path / "village.card"),
                        "--fingerprint", village_fp.replace(" ", "")) == 0
    capsys.readouterr()
    return village, township
