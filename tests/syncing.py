"""Test help for sync: sites (an installation with its own data folder, and its book)
that run the command line, and what a test reads back."""

from __future__ import annotations

import io
import json
import os
import struct
import zipfile
from pathlib import Path

from villagebook.cli import main
from villagebook.storage import open_book
from villagebook.sync import package as package_module
from villagebook.sync.export import build
from villagebook.sync.keys import load_keys, unb64
from villagebook.sync.package import write_package
from villagebook.sync.peers import peers


class Site:
    """One installation (its own data folder: keys, id) and its book."""

    def __init__(self, root: Path, name: str, monkeypatch) -> None:
        self.data = root / f"{name}-data"
        self.db = root / f"{name}.db"
        self.monkeypatch = monkeypatch

    def __enter__(self) -> Site:
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
    pair_sites(other, township, tmp_path)
    return other


def pair_sites(lower: Site, higher: Site, root: Path) -> None:
    """Pair ``lower`` with ``higher`` (a village with its township, a township with its
    county): each writes its card (``root/<its book's name>.card``) and accepts the
    other's, its fingerprint compared."""
    for site in (lower, higher):
        assert site.run("sync", "pair", "--export", str(root / f"{site.db.stem}.card")) == 0
    assert lower.accept(root / f"{higher.db.stem}.card") == 0
    assert higher.accept(root / f"{lower.db.stem}.card") == 0


def crafted(village: Site, tmp_path, mutate=None, archive=None, header=None, to_code=None):
    """A package from the village to its township (or from any site to its peer of code
    ``to_code``), signed with the sender's real key, its content changed by
    ``mutate(package)`` or replaced by ``archive`` bytes."""
    with village:
        keys = load_keys()
        with open_book(village.db) as book:
            target = next(p for p in peers(book) if to_code in (None, p["code"]))
            package = build(book, target)
    if mutate:
        mutate(package)
    receiver = unb64(target["enc_key"])
    if archive is None and header is None:
        data = write_package(package, keys, receiver)
    else:
        head = json.dumps({**package.header, "format": 1,
                           "sender_sign_key": package_module.b64(keys.sign_public),
                           "receiver_key_sha256": package_module.enc_key_id(receiver),
                           **(header or {})}).encode()
        if archive is None:
            buffer = io.BytesIO()
            with zipfile.ZipFile(buffer, "w") as out:
                out.writestr("manifest.json", json.dumps(package.manifest))
                out.writestr("actions.json", json.dumps(package.actions))
            archive = buffer.getvalue()
        from cryptography.hazmat.primitives.asymmetric import x25519

        cipher = package_module.SUITE.encrypt(
            archive, x25519.X25519PublicKey.from_public_bytes(receiver), info=head)
        body = package_module.MAGIC + struct.pack(">I", len(head)) + head + \
            struct.pack(">I", len(cipher)) + cipher
        data = body + keys.signing.sign(body)
    path = tmp_path / "crafted.vbsync"
    path.write_bytes(data)
    return path


def phone_changed_on_both_sides(village: Site, township: Site, tmp_path: Path,
                                capsys) -> str:
    """A household the township has from the village, its phone then changed on both
    sides before they meet again (13900000001 at the village, …02 at the township);
    returns the household's id."""
    from helpers import family

    from villagebook.storage.households import load_household, save_household

    with village.book() as book:
        household_id = save_household(book, None, *family()).household_id
    [first] = export(village, tmp_path / "1", capsys)
    assert township.run("sync", "import", str(first)) == 0
    for site, phone in ((village, "13900000001"), (township, "13900000002")):
        with site.book() as book:
            household, members = load_household(book, household_id)
            save_household(book, household_id, {**household, "phone": phone}, members)
    capsys.readouterr()
    return household_id
