"""Test help for sync: sites (an installation with its own data folder, and its book)
that run the command line, and what a test reads back."""

from __future__ import annotations

import os
from pathlib import Path

from villagebook.cli import main
from villagebook.storage import open_book


class Site:
    """One installation (its own data folder: keys, id) and its book."""

    def __init__(self, root: Path, name: str, monkeypatch) -> None:
        self.data = root / f"{name}-data"
        self.db = root / f"{name}.db"
        self.monkeypatch = monkeypatch

    def __enter__(self) -> "Site":
        self._old = os.environ.get("VILLAGEBOOK_DATA_DIR")
        os.environ["VILLAGEBOOK_DATA_DIR"] = str(self.data)
        return self

    def __exit__(self, *exc) -> None:
        if self._old is None:
            os.environ.pop("VILLAGEBOOK_DATA_DIR", None)
        else:
            os.environ["VILLAGEBOOK_DATA_DIR"] = self._old

    def run(self, *args: str) -> int:
        with self:
            return main([*args[:2], "--db", str(self.db), *args[2:]] if args[0] == "sync"
                        else [args[0], "--db", str(self.db), *args[1:]])

    def accept(self, card: Path) -> int:
        """Pair with the card at ``card``, its fingerprint compared as a person reads it
        out by phone."""
        from villagebook.sync.keys import read_card

        return self.run("sync", "pair", "--accept", str(card), "--fingerprint",
                        read_card(card)["fingerprint"])

    def book(self):
        with self:
            book = open_book(self.db)
        book.operator = "李文书"
        return book


def export(site: Site, out: Path, capsys, *extra: str) -> list[Path]:
    """Export packages from ``site``; the files written."""
    capsys.readouterr()
    assert site.run("sync", "export", "--out", str(out), *extra) == 0
    return [Path(line) for line in capsys.readouterr().out.split()]


def households(site: Site) -> dict[str, dict]:
    with site:
        with open_book(site.db, read_only=True) as book:
            rows = book.conn.execute("SELECT number, phone, head_name, member_count, village_id"
                                     " FROM households").fetchall()
    return {r[0]: {"phone": r[1], "head": r[2], "members": r[3], "village": r[4]} for r in rows}


def another_village(tmp_path: Path, township: Site) -> Site:
    """A second village (河口村, 530524101002) paired with the township of ``pair``."""
    other = Site(tmp_path, "other", None)
    assert other.run("init", "--village", "河口村", "--code", "530524101002",
                     "--user", "王文书") == 0
    assert other.run("sync", "pair", "--export", str(tmp_path / "other.card")) == 0
    assert other.accept(tmp_path / "town.card") == 0
    assert township.accept(tmp_path / "other.card") == 0
    return other
