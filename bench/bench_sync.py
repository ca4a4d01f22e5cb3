"""Sync packages: a township merging its villages, a small package into a small and a
large book, and making a package, each against a baseline measured in the same run.

    python bench/bench_sync.py [--villages 30] [--households 1500] [--large 300000]

1. Merge: applying V full village packages (H households each) into a township book,
   against a raw ``executemany`` of the same record rows and change rows into a book of
   the same schema (the same indexes, the search index filled).
2. A 10-change package applied into a book of H households and into one of --large
   households (the baseline is the small book: the ratio should stay near 1).
3. Export: writing one village's full package, against gzip of the same actions' JSON;
   and the same package written with and without encryption and signature.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import sqlite3
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import report, scratch_folder, timed  # noqa: E402

from villagebook.cli import create_demo  # noqa: E402
from villagebook.cli import main as cli
from villagebook.core.demo import DEMO_VILLAGE  # noqa: E402
from villagebook.storage import open_book  # noqa: E402
from villagebook.storage.households import load_household, save_household  # noqa: E402
from villagebook.storage.kinds import KINDS  # noqa: E402
from villagebook.sync.apply import import_files  # noqa: E402
from villagebook.sync.export import build, export_packages  # noqa: E402
from villagebook.sync.keys import load_keys, read_card, unb64  # noqa: E402
from villagebook.sync.package import open_package, sender_of, write_package  # noqa: E402
from villagebook.sync.peers import peers  # noqa: E402

ROOT = scratch_folder("villagebook-bench-sync-")


def as_site(name: str) -> None:
    os.environ["VILLAGEBOOK_DATA_DIR"] = str(ROOT / f"{name}-data")


def accept(book: Path, card: Path) -> None:
    """Pair ``book`` with ``card``, its fingerprint compared (as read out by phone)."""
    cli(["sync", "pair", "--db", str(book), "--accept", str(card), "--fingerprint",
         read_card(card)["fingerprint"]])


def make_village(index: int, households: int) -> Path:
    """A demo village with its own code, paired with the township; returns its book."""
    as_site(f"v{index}")
    path = ROOT / f"v{index}.db"
    code = f"{DEMO_VILLAGE['code'][:9]}{index + 1:03d}"
    create_demo(path, households, seed=index + 1, village={
        **DEMO_VILLAGE, "code": code, "name": f"演示村{index + 1}"}).close()
    cli(["sync", "pair", "--db", str(path), "--export", str(ROOT / f"v{index}.card")])
    accept(path, ROOT / "town.card")
    as_site("town")
    accept(ROOT / "town.db", ROOT / f"v{index}.card")
    return path


def township() -> Path:
    as_site("town")
    path = ROOT / "town.db"
    cli(["init-township", "--db", str(path), "--name", "田园镇",
         "--code", DEMO_VILLAGE["code"][:9], "--user", "站长"])  # the demo villages' own
    cli(["sync", "pair", "--db", str(path), "--export", str(ROOT / "town.card")])
    return path


def package_of(index: int) -> Path:
    as_site(f"v{index}")
    with open_book(ROOT / f"v{index}.db") as book:
        [path] = export_packages(book, ROOT / "usb")
    return path


def raw_merge(villages: list[Path], target: Path) -> float:
    """The same rows and change rows as the villages hold, inserted with executemany into
    a book of the same schema."""
    as_site("raw")
    open_book(target, create=True).close()
    tables = [k.table for k in KINDS]

    def load() -> None:
        conn = sqlite3.connect(target)
        for village in villages:
            source = sqlite3.connect(village)
            for table in (*tables, "actions", "changes"):
                cursor = source.execute(f"SELECT * FROM {table}")
                names = [d[0] for d in cursor.description if d[0] not in ("rid", "seq")]
                rows = source.execute(f"SELECT {', '.join(names)} FROM {table}").fetchall()
                if table == "actions":
                    rows = [tuple(v if n != "id" else f"{v}-{village.stem}"
                                  for n, v in zip(names, row)) for row in rows]
                if table in ("village", "users", "book_settings", "helpers"):
                    conn.executemany(f"INSERT OR IGNORE INTO {table} ({', '.join(names)})"
                                     f" VALUES ({', '.join('?' * len(names))})", rows)
                elif table == "changes":
                    names = [n for n in names if n != "action_seq"]
                    rows = source.execute(f"SELECT {', '.join(names)}, 1 FROM changes"
                                          ).fetchall()
                    conn.executemany(f"INSERT INTO changes ({', '.join(names)}, action_seq)"
                                     f" VALUES ({', '.join('?' * (len(names) + 1))})", rows)
                else:
                    conn.executemany(f"INSERT INTO {table} ({', '.join(names)})"
                                     f" VALUES ({', '.join('?' * len(names))})", rows)
            source.close()
        conn.execute("INSERT INTO household_fts (rowid, search_text)"
                      " SELECT rid, search_text FROM households")
        conn.commit()
        conn.close()

    return timed(load)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--villages", type=int, default=30)
    parser.add_argument("--households", type=int, default=1500)
    parser.add_argument("--large", type=int, default=300_000)
    args = parser.parse_args()
    town = township()
    villages = [make_village(i, args.households) for i in range(args.villages)]
    packages = [package_of(i) for i in range(args.villages)]

    as_site("town")
    with open_book(town) as book:
        # the window's check step lists every package before anything is applied
        keys = load_keys()
        signers = {p["installation"]: unb64(p["sign_key"]) for p in peers(book)}
        checked = timed(lambda: import_files(book, packages, dry_run=True, keys=keys))
        verify = timed(lambda: [open_package(data, keys, signers[sender_of(data)[0]])
                                for data in (p.read_bytes() for p in packages)])
        report(f"check {args.villages} packages before applying", checked, verify)
        ours = timed(lambda: import_files(book, packages))
    baseline = raw_merge(villages, ROOT / "raw.db")
    report(f"merge {args.villages} villages × {args.households} households", ours, baseline)

    # a small package into a small book and into a large one
    def small_package_into(households: int, name: str) -> float:
        as_site(name)
        path = ROOT / f"{name}.db"
        book = create_demo(path, households, seed=99)
        household_id = book.conn.execute("SELECT id FROM households LIMIT 1").fetchone()[0]
        book.operator = "演示用户"
        target = {"installation": load_keys().installation, "kind": "village",
                  "name": "x", "code": DEMO_VILLAGE["code"], "enc_key": ""}
        # ten changes made here, then applied into a copy of this book at another site
        for phone in range(10):
            household, members = load_household(book, household_id)
            save_household(book, household_id, {**household,
                                                "phone": f"1390000{phone:04d}"}, members)
        top = book.own_sequence()
        book.conn.execute("INSERT INTO sync_acks VALUES (?, ?, ?)",
                          [target["installation"], book.site_id, top - 10])
        package = build(book, {**target, "installation": target["installation"]})
        book.close()
        copy = ROOT / f"{name}-copy.db"
        source = sqlite3.connect(path)
        dest = sqlite3.connect(copy)
        source.backup(dest)
        dest.execute("DELETE FROM changes WHERE action_seq IN (SELECT seq FROM actions"
                     " ORDER BY seq DESC LIMIT 10)")
        dest.execute("DELETE FROM actions WHERE seq IN (SELECT seq FROM actions"
                     " ORDER BY seq DESC LIMIT 10)")
        dest.commit()
        dest.close()
        source.close()
        from villagebook.sync.apply import Outcome, _apply, _have
        from villagebook.sync.holdings import FULL
        from villagebook.sync.verify import Sender, verify

        with open_book(copy) as receiving:
            sender = Sender("village", DEMO_VILLAGE["code"], frozenset(package.manifest["ranges"]))
            scopes = {site: FULL for site in package.manifest["ranges"]}

            def checked_and_applied() -> None:  # what an import does inside its transaction
                _apply(receiving, package, "bench", Outcome("x", ""), _have(receiving, scopes),
                       scopes, verify(receiving, package, sender))

            return timed(checked_and_applied)

    small = small_package_into(args.households, "small")
    large = small_package_into(args.large, "large")
    report(f"10 changes into {args.large} households", large, small, "ms")

    # export: our full package against gzip of the same JSON; the share of the crypto
    as_site("v0")
    with open_book(villages[0]) as book:
        target = peers(book)[0]
        package = build(book, target, full=True)
        actions_json = json.dumps(package.actions, ensure_ascii=False).encode()
        keys = load_keys()
        receiver = unb64(target["enc_key"])
        ours = timed(lambda: write_package(package, keys, receiver), repeat=3)
        bare = timed(lambda: write_package(package, keys, receiver, seal=False), repeat=3)
    gz = timed(lambda: gzip.compress(actions_json, 6), repeat=3)
    gz_json = timed(lambda: gzip.compress(json.dumps(package.actions, ensure_ascii=False)
                                          .encode(), 6), repeat=3)
    report("write one village's full package", ours, gz)
    report("  the same, against making the JSON and gzip", ours, gz_json)
    report("  encrypted and signed vs the same unsealed", ours, bare)


if __name__ == "__main__":
    main()
