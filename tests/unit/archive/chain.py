"""Test help for the archive: a county of demo villages under two townships, the county's
machine keeping both a county book and an archive (one installation: the same packages
are addressed to both), and what the two hold, read back alike."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from syncing import Site, export, pair_sites

from villagebook.cli import create_demo, main
from villagebook.core.demo import DEMO_VILLAGE
from villagebook.storage import open_book
from villagebook.storage.kinds import KINDS
from villagebook.sync.decide import open_conflicts
from villagebook.sync.keys import read_card

COUNTY = str(DEMO_VILLAGE["code"])[:6]
TOWNSHIPS = {"t1": (f"{COUNTY}105", "田园镇"), "t2": (f"{COUNTY}106", "河口乡")}


def archive(site: Site, verb: str, dsn: str, *args: str) -> int:
    """``villagebook archive VERB --dsn DSN …`` on ``site``'s machine."""
    with site:
        return main(["archive", verb, "--dsn", dsn, *args])


def archive_json(site: Site, capsys, verb: str, dsn: str, *args: str) -> tuple[int, Any]:
    capsys.readouterr()
    code = archive(site, verb, dsn, *args, "--json")
    return code, json.loads(capsys.readouterr().out)


def demo_village(root: Path, name: str, code: str, households: int, seed: int) -> Site:
    """A village of demo records made under its own code from the start (a village whose
    code is changed later keeps the record of its first code in the log: a county takes
    it from the township the first code lies in only)."""
    site = Site(root, name, None)
    with site:
        create_demo(site.db, households, seed=seed,
                    village={**DEMO_VILLAGE, "code": code, "name": name, "is_demo": 0}).close()
    return site


class County:
    """Three demo villages (two under 田园镇, one under 河口乡), the townships, and the
    county's machine with its county book and, when ``dsn`` is given, its archive."""

    def __init__(self, root: Path, capsys, dsn: str | None, households: int = 6) -> None:
        self.root, self.capsys, self.dsn = root, capsys, dsn
        self.towns = {}
        for key, (code, name) in TOWNSHIPS.items():
            town = Site(root, key, None)
            assert town.run("init-township", "--name", name, "--code", code,
                            "--user", "站长") == 0
            self.towns[key] = town
        self.villages = {
            "v1": demo_village(root, "v1", f"{TOWNSHIPS['t1'][0]}001", households, 1),
            "v2": demo_village(root, "v2", f"{TOWNSHIPS['t1'][0]}002", households, 2),
            "v3": demo_village(root, "v3", f"{TOWNSHIPS['t2'][0]}001", households, 3)}
        for key, village in self.villages.items():
            pair_sites(village, self.towns["t2" if key == "v3" else "t1"], root)
        self.county = Site(root, "county", None)
        assert self.county.run("init-county", "--name", "双柏县", "--code", COUNTY,
                               "--user", "县档案员") == 0
        if dsn is not None:
            assert archive(self.county, "init", dsn, "--name", "双柏县", "--code", COUNTY) == 0
        for town in self.towns.values():
            pair_sites(town, self.county, root)
            if dsn is not None:
                card = root / f"{town.db.stem}.card"
                assert archive(self.county, "pair", dsn, "--accept", str(card),
                               "--fingerprint", read_card(card)["fingerprint"]) == 0
        capsys.readouterr()
        self.sent = 0

    def up(self, village: str) -> None:
        """A village's package to its township, imported there."""
        site = self.villages[village]
        town = self.towns["t2" if village == "v3" else "t1"]
        for package in export(site, self.root / f"up-{village}-{self.sent}", self.capsys):
            assert town.run("sync", "import", str(package)) == 0
        self.sent += 1

    def to_county(self, town: str) -> Path:
        """The township's package to the county (one file, not yet delivered)."""
        self.sent += 1
        [package] = export(self.towns[town], self.root / f"to-county-{self.sent}",
                           self.capsys, "--to", COUNTY)
        return package

    def deliver(self, *packages: Path) -> tuple[list[dict], list[dict] | None]:
        """The same files into the county book and the archive, in one call each: the
        outcomes of each."""
        self.capsys.readouterr()
        self.county.run("sync", "import", *map(str, packages), "--json")
        book_rows = json.loads(self.capsys.readouterr().out)
        if self.dsn is None:
            return book_rows, None
        archive(self.county, "ingest", self.dsn, *map(str, packages), "--json")
        return book_rows, json.loads(self.capsys.readouterr().out)


def records(conn: Any) -> dict[str, dict[str, dict[str, Any]]]:
    """Every record of every kind, field by field (bytes as bytes, numbers as numbers)."""
    out: dict[str, dict[str, dict[str, Any]]] = {}
    for record_kind in KINDS:
        cursor = conn.execute(f"SELECT * FROM {record_kind.table}")
        names = [d[0] for d in cursor.description]
        out[record_kind.table] = {
            row["id"]: {k: bytes(v) if isinstance(v, memoryview) else v
                        for k, v in row.items() if k != "rid"}
            for row in (dict(zip(names, r)) for r in cursor.fetchall())}
    return out


def book_state(site: Site) -> tuple[dict, list[dict]]:
    """The county book's records and open conflicts."""
    with site:
        with open_book(site.db, read_only=True) as book:
            return records(book.conn), _conflicts(book)


def archive_state(site: Site, dsn: str) -> tuple[dict, list[dict]]:
    """The archive's records and open conflicts."""
    from villagebook.archive.store import open_archive

    with site:
        with open_archive(dsn) as book:
            return records(book.conn), _conflicts(book)


def _conflicts(book: Any) -> list[dict]:
    keep = ("ident", "table_name", "record_id", "field", "local_value", "remote_value",
            "local_stamp", "remote_stamp", "local_operator", "remote_operator")
    return sorted(({k: c[k] for k in keep} for c in open_conflicts(book)),
                  key=lambda c: c["ident"])
