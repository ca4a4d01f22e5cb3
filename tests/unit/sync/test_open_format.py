"""The package format is open: read with the standard library and ``cryptography`` only.

The reading code below imports nothing from villagebook (a county server in any language
could do the same from docs/sync-format.md)."""

from __future__ import annotations

import base64
import hashlib
import io
import json
import struct
import zipfile
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric import ed25519, x25519
from cryptography.hazmat.primitives.hpke import AEAD, KDF, KEM, Suite


def read_package(data: bytes, receiver_private_raw: bytes) -> dict:
    """Decode, verify and read a package, as another program would."""
    assert data[:8] == b"VBSYNC\r\n"
    (header_length,) = struct.unpack(">I", data[8:12])
    header_bytes = data[12:12 + header_length]
    offset = 12 + header_length
    (cipher_length,) = struct.unpack(">I", data[offset:offset + 4])
    ciphertext = data[offset + 4:offset + 4 + cipher_length]
    body, signature = data[:offset + 4 + cipher_length], data[offset + 4 + cipher_length:]
    header = json.loads(header_bytes)
    sender_key = ed25519.Ed25519PublicKey.from_public_bytes(
        base64.b64decode(header["sender_sign_key"]))
    sender_key.verify(signature, body)  # raises if forged
    receiver = x25519.X25519PrivateKey.from_private_bytes(receiver_private_raw)
    suite = Suite(KEM.X25519, KDF.HKDF_SHA256, AEAD.AES_128_GCM)
    plain = suite.decrypt(ciphertext, receiver, info=header_bytes)
    with zipfile.ZipFile(io.BytesIO(plain)) as archive:
        manifest = json.loads(archive.read("manifest.json"))
        actions_bytes = archive.read("actions.json")
        assert hashlib.sha256(actions_bytes).hexdigest() == manifest["payload_sha256"]
        blobs = {n: archive.read(n) for n in archive.namelist() if n.startswith("blobs/")}
    return {"header": header, "manifest": manifest, "actions": json.loads(actions_bytes),
            "blobs": blobs}


def test_a_package_is_read_without_villagebook(pair, tmp_path, capsys):
    from helpers import family
    from syncing import export  # makes the package with the program

    from villagebook.storage.households import save_household

    village, township = pair
    with village.book() as book:
        save_household(book, None, *family())
    [package] = export(village, tmp_path / "usb", capsys)
    private = (township.data / "keys" / "receiving.key").read_bytes()
    read = read_package(package.read_bytes(), private)
    manifest = read["manifest"]
    assert manifest["format"] == 1 and manifest["sender"]["kind"] == "village"
    assert manifest["village"]["code"] == "530524101001"
    assert manifest["counts"]["households"] == 1 and manifest["counts"]["members"] == 3
    creates = [c for a in read["actions"] for c in a["changes"] if c["op"] == "create"]
    household = next(c for c in creates if c["table"] == "households")
    assert household["new"]["number"] == "110105001001001"
    assert all(set(c) >= {"hlc", "table", "record", "op", "new", "base"} for c in creates)
    site = manifest["sender"]["site"]
    assert manifest["ranges"][site] == [1, max(a["seq"] for a in read["actions"])]
    # the manifest has every key its published schema requires
    schema = json.loads((Path(__file__).parents[3] / "docs" / "sync-manifest.schema.json"
                         ).read_text(encoding="utf-8"))
    assert set(schema["required"]) <= set(manifest)
