"""Three villages and their township edit at random (the same field on two sides,
members leaving, households closing and reopening, incomes removed and restored) and
exchange packages in random order, with duplicates and drops; the township hands up to
its county now and then, and the county answers. At the end, after a full exchange,
every village's book, the township and the county hold the same rows for that village,
and no concurrent edit was overwritten unseen: it is a conflict somewhere."""

from __future__ import annotations

import itertools
import random
import shutil
from pathlib import Path

import pytest
from helpers import make_id
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from syncing import Site

from villagebook.storage import open_book
from villagebook.storage.households import (
    close_household,
    load_household,
    member_leave,
    member_restore,
    reopen_household,
    save_household,
)
from villagebook.storage.incomes import remove_income, restore_income, save_income
from villagebook.sync.apply import import_files
from villagebook.sync.export import export_packages

CODES = ("530524101001", "530524101002", "530524101003")
TOWN = "530524101"
COUNTY = "530524"
# columns that are this file's own: local row numbers and when this copy last changed
LOCAL = {"rid", "updated_at"}


def _household(village: int, number: int) -> tuple[dict, list[dict]]:
    base = 100 * village + 10 * number
    household = {"number": f"{CODES[village]}{number:03d}", "category": "01",
                 "phone": "13800000000"}
    members = [{"name": "户主", "relation": "01",
                "id_number": make_id("19700101", base + 1)},
               {"name": "配偶", "relation": "02", "id_number": make_id("19720101", base + 2)},
               {"name": "孩子", "relation": "03", "id_number": make_id("20000101", base + 3)}]
    return household, members


@pytest.fixture(scope="module")
def template(tmp_path_factory) -> Path:
    """Three villages with two households each, and their township, paired and synced."""
    root = tmp_path_factory.mktemp("sync-template")
    import os

    old = os.environ.get("VILLAGEBOOK_DATA_DIR")
    try:
        town = Site(root, "town", None)
        assert town.run("init-township", "--name", "城关镇", "--code", TOWN,
                        "--user", "站长") == 0
        assert town.run("sync", "pair", "--export", str(root / "town.card")) == 0
        for index, code in enumerate(CODES):
            village = Site(root, f"v{index}", None)
            assert village.run("init", "--village", f"村{index}", "--code", code,
                               "--user", "文书") == 0
            assert village.run("sync", "pair", "--export", str(root / f"v{index}.card")) == 0
            assert village.accept(root / "town.card") == 0
            assert town.accept(root / f"v{index}.card") == 0
            with village:
                with open_book(village.db) as book:
                    book.operator = "文书"
                    for number in (1, 2):
                        save_household(book, None, *_household(index, number))
        county = Site(root, "county", None)
        assert county.run("init-county", "--name", "昌宁县", "--code", COUNTY,
                          "--user", "县档案员") == 0
        assert county.run("sync", "pair", "--export", str(root / "county.card")) == 0
        assert county.accept(root / "town.card") == 0
        assert town.accept(root / "county.card") == 0
        _full_exchange(root)
    finally:
        if old is not None:
            os.environ["VILLAGEBOOK_DATA_DIR"] = old
    return root


def _sites(root: Path) -> tuple[Site, list[Site]]:
    return Site(root, "town", None), [Site(root, f"v{i}", None) for i in range(3)]


_MAIL = itertools.count()


def _send(source: Site, root: Path, to_code: str | None = None) -> list[Path]:
    out = root / "mail" / f"{source.db.stem}-{next(_MAIL)}"  # a folder per sending
    out.mkdir(parents=True, exist_ok=True)
    with source:
        with open_book(source.db) as book:
            return export_packages(book, out, to_code)


def _receive(target: Site, paths: list[Path]) -> list:
    with target:
        with open_book(target.db) as book:
            return import_files(book, paths)


def _full_exchange(root: Path) -> None:
    town, villages = _sites(root)
    county = Site(root, "county", None)
    for _round in range(2):
        for village in villages:
            _receive(town, _send(village, root))
        for code, village in zip(CODES, villages):
            _receive(village, _send(town, root, code))
        _receive(county, _send(town, root, COUNTY))
        _receive(town, _send(county, root))


def _rows(site: Site, village_code: str) -> dict[str, list[tuple]]:
    """The village's records in a book, every column but the file's own."""
    with site:
        with open_book(site.db, read_only=True) as book:
            village_id = book.conn.execute("SELECT id FROM village WHERE code = ?",
                                           [village_code]).fetchone()[0]
            out = {}
            households = "(SELECT id FROM households WHERE village_id = :v)"
            for table, where in (("households", "village_id = :v"),
                                 ("members", f"household_id IN {households}"),
                                 ("incomes", f"household_id IN {households}"),
                                 ("accepted_warnings", f"household_id IN {households}")):
                cursor = book.conn.execute(f"SELECT * FROM {table} WHERE {where} ORDER BY id",
                                           {"v": village_id})
                names = [d[0] for d in cursor.description]
                out[table] = [tuple((n, v) for n, v in zip(names, row) if n not in LOCAL)
                              for row in cursor]
            return out


OPERATIONS = st.lists(st.tuples(
    st.sampled_from(["phone", "address", "leave", "restore", "close", "reopen", "income",
                     "remove_income", "restore_income", "send", "send", "deliver",
                     "deliver", "up", "answer"]),
    st.integers(0, 3),  # the site: a village (0-2) or the township (3)
    st.integers(0, 2),  # which household / which village's mail
    st.integers(0, 9)), min_size=4, max_size=22)


def _act(site: Site, village_index: int, op: str, which: int, value: int) -> None:
    household_number = f"{CODES[village_index]}{1 + which % 2:03d}"
    with site:
        with open_book(site.db) as book:
            book.operator = "文书" if site.db.stem != "town" else "站长"
            row = book.conn.execute("SELECT h.id FROM households h JOIN village v"
                                    " ON v.id = h.village_id WHERE h.number = ?"
                                    " AND v.code = ?", [household_number,
                                                        CODES[village_index]]).fetchone()
            if row is None:
                return
            household_id = row[0]
            household, members = load_household(book, household_id)
            try:
                if op in ("phone", "address"):
                    value_text = f"1390000{value:04d}" if op == "phone" else f"{value}号"
                    save_household(book, household_id, {**household, op: value_text},
                                   members, accept_warnings=True)
                elif op == "leave" and members[2]["status"] == "active":
                    member_leave(book, members[2]["id"], "02", "2025-01-01")
                elif op == "restore" and members[2]["status"] == "left":
                    member_restore(book, members[2]["id"])
                elif op == "close" and household["status"] == "active":
                    close_household(book, household_id, "01", "2025-02-01")
                elif op == "reopen" and household["status"] == "closed":
                    reopen_household(book, household_id)
                elif op == "income":
                    save_income(book, household_id, None,
                                {"year": str(2020 + value % 3), "wage_migrant": str(value)})
                elif op in ("remove_income", "restore_income"):
                    wanted = "active" if op == "remove_income" else "removed"
                    income = book.conn.execute(
                        "SELECT id FROM incomes WHERE household_id = ? AND status = ?"
                        " ORDER BY id LIMIT 1", [household_id, wanted]).fetchone()
                    if income:
                        (remove_income if op == "remove_income" else restore_income)(
                            book, income[0])
            except Exception as error:  # a refused edit (a rule of the record) is fine
                from villagebook.core.errors import VillagebookError

                if not isinstance(error, VillagebookError):
                    raise


def _not_overwritten_unseen(town: Site, villages: list[Site]) -> None:
    """Each field change that lost (another value stands) was seen by a later writer, or
    is a conflict in some book."""
    stamps_in_conflicts: set[str] = set()
    for site in (town, *villages):
        with site:
            with open_book(site.db, read_only=True) as book:
                for local, remote in book.conn.execute(
                        "SELECT local_stamp, remote_stamp FROM sync_conflicts"):
                    stamps_in_conflicts |= {local, remote}
    with town:
        with open_book(town.db, read_only=True) as book:
            changes = book.conn.execute(
                "SELECT record_id, field, hlc, new_value, base FROM changes"
                " WHERE op = 'update' AND table_name IN ('households', 'members', 'incomes')"
                " ORDER BY record_id, field, hlc").fetchall()
    by_field: dict[tuple[str, str], list[tuple]] = {}
    for record, field_name, hlc, value, base in changes:
        by_field.setdefault((record, field_name), []).append((hlc, value, base))
    for (record, field_name), history in by_field.items():
        final_value = history[-1][1]
        for hlc, value, _base in history[:-1]:
            if value == final_value:
                continue
            seen = any(b is not None and b >= hlc for _h, _v, b in history if _h > hlc)
            assert seen or hlc in stamps_in_conflicts, (record, field_name, hlc)


@settings(max_examples=6, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture,
                                 HealthCheck.too_slow])
@given(operations=OPERATIONS, seed=st.integers(0, 10_000))
def test_replicas_converge_and_no_edit_is_lost_unseen(template, tmp_path_factory, operations,
                                                      seed):
    run_scenario(template, tmp_path_factory.mktemp("sync"), operations, seed)


@pytest.mark.slow
@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture,
                                 HealthCheck.too_slow])
@given(operations=OPERATIONS, seed=st.integers(0, 10_000))
# found by this test: an income made on both sides for one year, one removed before the
# other arrived at its book — the clash was kept at the township only
@example(operations=[("phone", 0, 0, 0), ("income", 0, 0, 8), ("income", 3, 0, 2),
                     ("remove_income", 0, 0, 0)], seed=0)
def test_replicas_converge_many_more_examples(template, tmp_path_factory, operations, seed):
    run_scenario(template, tmp_path_factory.mktemp("sync"), operations, seed)


def _open_conflicts(site: Site) -> set[tuple[str, str]]:
    """(name, record) of each conflict still open in a book, as the window lists them."""
    from villagebook.sync.decide import open_conflicts

    with site:
        with open_book(site.db, read_only=True) as book:
            return {(c["ident"], c["record_id"]) for c in open_conflicts(book)}


def run_scenario(template: Path, root: Path, operations, seed: int) -> None:
    import os

    old = os.environ.get("VILLAGEBOOK_DATA_DIR")
    shutil.copytree(template, root, dirs_exist_ok=True)
    rng = random.Random(seed)
    town, villages = _sites(root)
    county = Site(root, "county", None)
    mailbox: list[tuple[Site, Path]] = []
    try:
        for op, site_index, which, value in operations:
            if op == "up":  # the township hands its book up to the county
                mailbox += [(county, p) for p in _send(town, root, COUNTY)]
            elif op == "answer":  # and the county says what it holds
                mailbox += [(town, p) for p in _send(county, root)]
            elif op == "send":
                if site_index == 3:
                    code = CODES[which]
                    mailbox += [(villages[which], p) for p in _send(town, root, code)]
                else:
                    mailbox += [(town, p) for p in _send(villages[site_index], root)]
            elif op == "deliver" and mailbox:
                target, path = mailbox[rng.randrange(len(mailbox))]
                if rng.random() < 0.8:  # now and then a package is lost on the way
                    _receive(target, [path])
                if rng.random() < 0.5:  # or kept and delivered again later
                    mailbox.remove((target, path))
            else:
                site = town if site_index == 3 else villages[site_index]
                village_index = which if site_index == 3 else site_index
                _act(site, village_index, op, which, value)
        rng.shuffle(mailbox)
        for target, path in mailbox:  # late and duplicate deliveries
            _receive(target, [path])
        _full_exchange(root)
        for code, village in zip(CODES, villages):
            assert _rows(village, code) == _rows(town, code), code
            assert _rows(county, code) == _rows(town, code), code
        _not_overwritten_unseen(town, villages)
        # the replicas agree on which conflicts are still open (each named alike on both
        # sides), and every book is whole
        town_open = _open_conflicts(town)
        for code, village in zip(CODES, villages):
            with village:
                with open_book(village.db, read_only=True) as book:
                    assert book.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
                    ids = {r[0] for r in book.conn.execute(
                        "SELECT id FROM households UNION ALL SELECT id FROM members"
                        " UNION ALL SELECT id FROM incomes")}
            assert {name for name, _ in _open_conflicts(village)} == \
                {name for name, record in town_open if record in ids}, code
    finally:
        if old is not None:
            os.environ["VILLAGEBOOK_DATA_DIR"] = old
