"""The archive on PostgreSQL: ingesting a county's township packages, against applying the
same packages into a county book, and against COPY of the same rows into the same
tables; memory while ingesting; all in one run, on a PostgreSQL server this script starts
(as tests/postgres.py does).

    python bench/bench_archive.py [--townships 2] [--villages 10] [--households 1500]
                                  [--no-memory]

1. Ingest: the townships' packages (each township's package to its county carries all its
   villages) into a new archive, against the same files imported into a new county book.
2. COPY: the rows the archive holds afterwards (records, actions, changes), copied with
   PostgreSQL's COPY into the tables of another new archive (the floor of any writer).
3. Memory: the peak of Python's allocations (tracemalloc) while ingesting every package,
   against the peak while ingesting only the largest one into an archive of its own: a
   ratio near 1 says the ingest is bounded by one package.
"""

from __future__ import annotations

import argparse
import os
import sys
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import report, scratch_folder, timed  # noqa: E402
from postgres import Server  # noqa: E402

from villagebook.archive.store import init_archive, open_archive  # noqa: E402
from villagebook.cli import create_demo  # noqa: E402
from villagebook.cli import main as cli  # noqa: E402
from villagebook.core.demo import DEMO_VILLAGE  # noqa: E402
from villagebook.storage import open_book  # noqa: E402
from villagebook.storage.book import Book  # noqa: E402
from villagebook.storage.kinds import KINDS  # noqa: E402
from villagebook.sync.apply import import_files  # noqa: E402
from villagebook.sync.export import export_packages  # noqa: E402
from villagebook.sync.keys import read_card  # noqa: E402
from villagebook.sync.peers import add_peer  # noqa: E402

ROOT = scratch_folder("villagebook-bench-archive-")
COUNTY = DEMO_VILLAGE["code"][:6]


def as_site(name: str) -> None:
    os.environ["VILLAGEBOOK_DATA_DIR"] = str(ROOT / f"{name}-data")


def pair(lower: Path, higher: Path, lower_site: str, higher_site: str) -> None:
    for path, site in ((lower, lower_site), (higher, higher_site)):
        as_site(site)
        cli(["sync", "pair", "--db", str(path), "--export", str(ROOT / f"{site}.card")])
    for path, site, other in ((lower, lower_site, higher_site),
                              (higher, higher_site, lower_site)):
        as_site(site)
        card = ROOT / f"{other}.card"
        cli(["sync", "pair", "--db", str(path), "--accept", str(card), "--fingerprint",
             read_card(card)["fingerprint"]])


def county_packages(townships: int, villages: int, households: int) -> list[Path]:
    """Each township's package to the county (all its villages), written to a folder."""
    packages = []
    as_site("county")
    county = ROOT / "county.db"
    cli(["init-county", "--db", str(county), "--name", "双柏县", "--code", COUNTY,
         "--user", "档案员"])
    for t in range(townships):
        code = f"{COUNTY}{105 + t:03d}"
        town, site = ROOT / f"t{t}.db", f"t{t}"
        as_site(site)
        cli(["init-township", "--db", str(town), "--name", f"镇{t}", "--code", code,
             "--user", "站长"])
        for v in range(villages):
            vsite = f"t{t}v{v}"
            as_site(vsite)
            path = ROOT / f"{vsite}.db"
            # made under its code from the first record, as a village's book is (a code
            # changed later keeps the first in the log, which the county judges by)
            create_demo(path, households, seed=t * 100 + v + 1, village={
                **DEMO_VILLAGE, "code": f"{code}{v + 1:03d}", "name": f"村{t}-{v}",
                "is_demo": 0}).close()
            pair(path, town, vsite, site)
            as_site(vsite)
            with open_book(path) as book:
                sent = export_packages(book, ROOT / f"up-{vsite}")
            as_site(site)
            with open_book(town) as book:
                import_files(book, sent)
            path.unlink()
        pair(town, county, site, "county")
        as_site(site)
        with open_book(town) as book:
            packages += export_packages(book, ROOT / "to-county", COUNTY)
    return packages


def new_archive(server: Server, name: str) -> str:
    dsn = server.new_database(name)
    as_site("county")
    init_archive(dsn, "双柏县", COUNTY)
    with open_archive(dsn) as archive, open_book(ROOT / "county.db") as county:
        for peer in county.conn.execute("SELECT installation, kind, name, code, sign_key,"
                                        " enc_key FROM sync_peers").fetchall():
            card = dict(zip(("installation", "kind", "name", "code", "sign_key", "enc_key"),
                            peer))
            add_peer(archive, {**card, "fingerprint": ""})  # type: ignore[arg-type]
    return dsn


def copy_rows(source_dsn: str, target_dsn: str) -> float:
    """COPY of the archive's rows (records, actions, changes) into another's tables: the
    rows are first copied out to files (streamed: a county's rows do not fit in memory
    as Python objects), then the timed part copies each file in."""
    import psycopg

    tables = [k.table for k in KINDS] + ["actions", "changes"]
    dumps = {t: ROOT / f"copy-{t}.txt" for t in tables}
    with psycopg.connect(source_dsn) as source:
        for table, dump in dumps.items():
            with dump.open("wb") as out, \
                    source.cursor().copy(f"COPY {table} TO STDOUT") as copy:
                for block in copy:
                    out.write(block)

    def load() -> None:
        with psycopg.connect(target_dsn) as target:
            for table, dump in dumps.items():
                target.execute(f"TRUNCATE {table}")
                with dump.open("rb") as data, \
                        target.cursor().copy(f"COPY {table} FROM STDIN") as copy:
                    while block := data.read(1 << 20):
                        copy.write(block)

    return timed(load)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--townships", type=int, default=2)
    parser.add_argument("--villages", type=int, default=10)
    parser.add_argument("--households", type=int, default=1500)
    parser.add_argument("--no-memory", action="store_true",
                        help="leave out the memory figure (it ingests everything again)")
    args = parser.parse_args()
    total = args.townships * args.villages * args.households
    server = Server()
    try:
        packages = county_packages(args.townships, args.villages, args.households)
        size = sum(p.stat().st_size for p in packages)
        print(f"{total} households in {len(packages)} township packages "
              f"({size / 1e6:.1f} MB)")
        as_site("county")
        outcomes: dict[str, list] = {}

        def ingest(book: Book, name: str) -> None:
            outcomes[name] = import_files(book, packages)

        with open_book(ROOT / "county.db") as county:
            book_time = timed(lambda: ingest(county, "book"))
            book_held = county.conn.execute("SELECT count(*) FROM households").fetchone()[0]
        dsn = new_archive(server, "ingest")
        with open_archive(dsn) as archive:
            archive_time = timed(lambda: ingest(archive, "archive"))
            archive_held = archive.conn.execute("SELECT count(*) FROM households"
                                                ).fetchone()[0]
        # the figures compare the same work: every package applied in both, every household
        for name, found in outcomes.items():
            states = sorted({o.state for o in found})
            assert states == ["applied"], (name, [(o.name, o.state, o.detail) for o in found])
        assert book_held == archive_held == total, (book_held, archive_held, total)
        report(f"ingest {total} households: archive vs county book", archive_time, book_time)
        floor = copy_rows(dsn, new_archive(server, "copy"))
        report("  the same, against COPY of its rows", archive_time, floor)

        if args.no_memory:
            return
        largest = max(packages, key=lambda p: p.stat().st_size)
        peaks = []
        for name, files in (("one", [largest]), ("all", packages)):
            target = new_archive(server, f"memory_{name}")
            with open_archive(target) as archive:
                tracemalloc.start()
                import_files(archive, files)
                peaks.append(tracemalloc.get_traced_memory()[1])
                tracemalloc.stop()
        print(f"peak memory: every package {peaks[1] / 1e6:.0f} MB, the largest alone "
              f"{peaks[0] / 1e6:.0f} MB   ratio {peaks[1] / peaks[0]:6.2f}x")
    finally:
        server.close()


if __name__ == "__main__":
    main()
