"""Packages as they travel in real life, through the command line: delivered out of order,
replayed, held then filled, beside packages for other computers on one stick, named in
capitals by a USB stick, too large, on a full disk; a held package is never lost; two
laptops of one village get packages of their own names; keys stay private; pairing is
never done unseen (issue: sync that survives real life, items 4, 7 and 11)."""

from __future__ import annotations

import json
import stat
import subprocess

from dates import villagebook_command
from helpers import family, make_id
from syncing import Site, export, households, pair_sites

from villagebook.core.errors import BookError
from villagebook.storage.households import save_household
from villagebook.sync import apply


def _three_packages(village: Site, tmp_path, capsys) -> list:
    """Three packages of the village, each with one new household only (each made after
    the township's answer to the one before: as if it had come back)."""
    packages = []
    for number in (1, 2, 3):
        with village.book() as book:
            household, members = family()
            births = (("19700305", 11), ("19720614", 22), ("19980101", 33))
            members = [{**m, "id_number": make_id(birth, seq + 100 * number)}
                       for m, (birth, seq) in zip(members, births)]
            save_household(book, None, {**household, "number": f"53052410100100{number}"},
                           members)
        [package] = export(village, tmp_path / f"usb{number}", capsys)
        packages.append(package)
        with village.book() as book:
            book.conn.execute("INSERT OR REPLACE INTO sync_acks SELECT installation, ?, ?"
                              " FROM sync_peers", [book.site_id, book.own_sequence()])
            book.conn.commit()
    return packages


def _rows(site: Site, capsys, *files) -> tuple[int, list[dict]]:
    capsys.readouterr()
    code = site.run("sync", "import", *map(str, files), "--json")
    return code, json.loads(capsys.readouterr().out)


def _held_rows(site: Site) -> list[tuple]:
    with site.book() as book:
        return book.conn.execute("SELECT id, state, data IS NOT NULL FROM sync_packages"
                                 " WHERE direction = 'in' AND state = 'held'").fetchall()


def test_out_of_order_in_one_call_ends_applied_and_exits_0(pair, tmp_path, capsys):
    village, township = pair
    p1, p2, p3 = _three_packages(village, tmp_path, capsys)
    code, rows = _rows(township, capsys, p3, p1, p2)
    assert code == 0  # nothing of this call stays held
    assert [(r["file"], r["state"]) for r in rows] == \
        [(p3.name, "applied"), (p1.name, "applied"), (p2.name, "applied")]
    assert len(households(township)) == 3
    assert _held_rows(township) == []


def test_a_held_package_is_one_row_and_applies_once_its_gap_is_filled(pair, tmp_path, capsys):
    village, township = pair
    p1, p2, p3 = _three_packages(village, tmp_path, capsys)
    for _ in range(3):  # imported again and again while its gap stands
        code, rows = _rows(township, capsys, p3)
        assert code == 3 and rows[0]["state"] == "held"
    assert len(_held_rows(township)) == 1  # one row, its bytes kept
    code, rows = _rows(township, capsys, p1)
    assert code == 0 and [r["state"] for r in rows] == ["applied"]  # p3 still waits for p2
    code, rows = _rows(township, capsys, p2)
    assert code == 0
    assert [(r["file"], r["state"]) for r in rows] == [(p2.name, "applied"),
                                                        (p3.name, "applied")]
    assert len(households(township)) == 3 and _held_rows(township) == []


def test_a_held_package_survives_a_failed_retry(pair, tmp_path, capsys, monkeypatch):
    """The retry and its state change are one transaction: a failure while applying the
    held package (here a full disk) leaves it held, bytes and all, and says so."""
    village, township = pair
    p1, p2, p3 = _three_packages(village, tmp_path, capsys)
    assert _rows(township, capsys, p2)[0] == 3
    real = apply._apply

    def disk_full_on_the_held_one(book, package, installation, outcome, *rest):
        if outcome.held_id:
            raise BookError("book.disk_full")
        return real(book, package, installation, outcome, *rest)

    monkeypatch.setattr(apply, "_apply", disk_full_on_the_held_one)
    code, rows = _rows(township, capsys, p1)
    assert code == 1
    assert [(r["file"], r["state"], r["reason"]) for r in rows] == [
        (p1.name, "applied", ""), (p2.name, "refused", "book.disk_full")]
    [(_id, state, has_bytes)] = _held_rows(township)
    assert state == "held" and has_bytes
    monkeypatch.setattr(apply, "_apply", real)
    code, rows = _rows(township, capsys, p3)  # the disk has room again
    assert code == 0 and {r["state"] for r in rows} == {"applied"}
    assert len(households(township)) == 3 and _held_rows(township) == []


def test_a_full_disk_leaves_the_package_not_applied(pair, tmp_path, capsys, monkeypatch):
    village, township = pair
    [p1, *_] = _three_packages(village, tmp_path, capsys)

    def full(*_args):
        raise BookError("book.disk_full")

    # (a context of its own: undoing every patch would also undo the conftest's, and
    # leave Python's temporary folder pointing into this test's folder, gone after it)
    with monkeypatch.context() as patched:
        patched.setattr(apply, "_record", full)  # the last write of the transaction
        code, rows = _rows(township, capsys, p1)
    assert code == 1 and rows[0]["state"] == "refused" and rows[0]["reason"] == "book.disk_full"
    assert "磁盘" in rows[0]["reason_text"]
    assert households(township) == {}  # not applied, not half applied
    code, rows = _rows(township, capsys, p1)  # and once there is room, it applies
    assert code == 0 and rows[0]["state"] == "applied" and len(households(township)) == 1


def test_a_replayed_old_package_is_no_count_error(pair, tmp_path, capsys):
    village, township = pair
    p1, p2, _p3 = _three_packages(village, tmp_path, capsys)
    assert _rows(township, capsys, p1, p2)[0] == 0
    code, rows = _rows(township, capsys, p1)
    assert code == 0 and rows[0]["state"] == "already" and rows[0]["count_errors"] == []


def test_a_stick_in_capitals_with_every_direction_and_a_huge_file(pair, tmp_path, capsys,
                                                                  monkeypatch):
    village, township = pair
    [p1, *_] = _three_packages(village, tmp_path, capsys)
    stick = tmp_path / "stick"
    stick.mkdir()
    (stick / p1.name.upper().replace(".VBSYNC", ".VBSYNC")).write_bytes(p1.read_bytes())
    [own] = export(township, stick, capsys)  # the township's answer, left on the stick
    largest = max(p1.stat().st_size, own.stat().st_size)
    big = stick / "AAA-BIG.VBSYNC"
    big.write_bytes(b"VBSYNC\r\n" + b"\0" * 4 * largest)
    monkeypatch.setattr(apply, "MAX_FILE", 2 * largest)  # larger than any package: unread

    def unread(self):
        raise AssertionError(f"{self} was read")

    monkeypatch.setattr(type(big), "read_bytes",
                        lambda self: unread(self) if self.name == big.name
                        else open(self, "rb").read())
    code, rows = _rows(township, capsys, stick)
    states = {r["file"]: (r["state"], r["reason"]) for r in rows}
    assert states[big.name] == ("refused", "sync.too_large")
    assert states[own.name] == ("not_for_us", "sync.own_package")
    assert states[p1.name.upper()] == ("applied", "")
    assert code == 1 and len(households(township)) == 1


def test_two_laptops_of_one_village_get_packages_of_their_own_names(pair, tmp_path, capsys):
    village, township = pair
    second = Site(tmp_path, "second", None)
    assert second.run("init", "--village", "石桥村", "--code", "530524101001",
                      "--user", "李文书") == 0
    pair_sites(second, township, tmp_path)
    written = export(township, tmp_path / "stick", capsys)
    assert len(written) == 2 and len({p.name for p in written}) == 2
    assert all(p.exists() for p in written)  # neither overwrote the other


def test_key_files_stay_private(pair):
    village, _township = pair
    keys = sorted((village.data / "keys").iterdir()) if (village.data / "keys").exists() \
        else sorted(p for p in village.data.rglob("*") if "key" in p.name and p.is_file())
    assert keys
    for path in keys:
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path


def test_pairing_without_the_fingerprint_and_no_terminal_is_refused(pair, tmp_path):
    village, _township = pair
    third = Site(tmp_path, "third", None)
    assert third.run("init-township", "--name", "龙门镇", "--code", "530524102",
                     "--user", "赵") == 0
    assert third.run("sync", "pair", "--export", str(tmp_path / "third.card")) == 0
    with village:
        result = subprocess.run(
            villagebook_command("sync", "pair", "--db", str(village.db), "--accept",
                                str(tmp_path / "third.card")),
            capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=120)
    assert result.returncode == 2 and "--fingerprint" in result.stderr
    with village.book() as book:
        assert book.conn.execute("SELECT count(*) FROM sync_peers").fetchone()[0] == 1



def test_a_history_larger_than_one_package_comes_in_several_files(pair, tmp_path, capsys,
                                                                  monkeypatch):
    """A village's whole history (photos included) larger than what one package carries
    is written as several packages, each carrying its own ranges; the township applies
    them in whatever order they are imported, and its answer back is split alike."""
    from villagebook.storage.photos import add_photo
    from villagebook.storage.visits import save_visit
    from villagebook.sync import export as export_module

    village, township = pair
    monkeypatch.setattr(export_module, "PACKAGE_BUDGET", 6000)
    with village.book() as book:
        for number in range(1, 7):
            household, members = family()
            births = (("19700305", 11), ("19720614", 22), ("19980101", 33))
            members = [{**m, "id_number": make_id(birth, seq + 100 * number)}
                       for m, (birth, seq) in zip(members, births)]
            hid = save_household(book, None, {**household,
                                              "number": f"530524101001{number:03d}"},
                                 members).household_id
            visit = save_visit(book, hid, None, {
                "visit_date": "2026-11-01", "visitor_role": "04", "visitor_name": "李第一书记",
                "visit_kind": "01"})
            add_photo(book, visit, b"\xff\xd8\xff" + bytes([number]) * 3000, "image/jpeg",
                      100, 100)
    parts = export(village, tmp_path / "up", capsys)
    assert len(parts) > 2 and len({p.name for p in parts}) == len(parts)
    code, rows = _rows(township, capsys, *reversed(parts))  # the last part first
    assert code == 0 and {r["state"] for r in rows} == {"applied"}
    assert len(households(township)) == 6 and _held_rows(township) == []
    with township.book() as book:
        photos = [len(r[0]) for r in book.conn.execute("SELECT image FROM visit_photos")]
    assert sorted(photos) == [3003] * 6
    answers = export(township, tmp_path / "down", capsys, "--full", "--to", "530524101001")
    assert len(answers) > 1
    code, rows = _rows(village, capsys, *reversed(answers))
    assert code == 0 and households(village) == households(township)
