"""The package file: one file a secretary carries on a USB stick (docs/sync-format.md).

    magic      8 bytes  b"VBSYNC\\r\\n"
    header     u32 length (big-endian) + UTF-8 JSON, readable without any key: format,
               sender installation and its signing key, receiver installation and the
               SHA-256 of its encryption key, the per-origin ranges, when it was made
    payload    u32 length + HPKE ciphertext (RFC 9180: DHKEM X25519, HKDF-SHA256,
               AES-128-GCM, single shot, ``info`` = the header bytes) of a zip archive:
               manifest.json, actions.json, blobs/<sha256> (photos by content hash)
    signature  64 bytes: Ed25519 by the sender over everything before it

Reading checks, before anything is written: the magic and sizes, the signature against a
paired sender's key, the receiver, then decrypts and opens the archive under bounds (no
path outside the three names, no entry inflating past its cap, JSON that parses) and
checks the payload's hash against the manifest.
"""

from __future__ import annotations

import hashlib
import io
import json
import re
import struct
import zipfile
import zlib
from dataclasses import dataclass, field
from typing import Any

import orjson
from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives.asymmetric import ed25519, x25519
from cryptography.hazmat.primitives.hpke import AEAD, KDF, KEM, Suite

from .keys import Keys, SyncError, b64, unb64

MAGIC = b"VBSYNC\r\n"
FORMAT = 1
SUITE = Suite(KEM.X25519, KDF.HKDF_SHA256, AEAD.AES_128_GCM)
MAX_FILE = 512 * 1024 * 1024  # HPKE here is one-shot and in memory: packages are bounded
MAX_HEADER = 64 * 1024
MAX_INFLATED = 1024 * 1024 * 1024
MAX_JSON = 768 * 1024 * 1024
MAX_BLOB = 16 * 1024 * 1024  # a reduced photo is far smaller
MAX_ENTRIES = 200_000
_BLOB = re.compile(r"^blobs/[0-9a-f]{64}$")


@dataclass
class Package:
    """A package's contents, as written or as read and verified."""

    header: dict[str, Any]
    manifest: dict[str, Any]
    actions: list[dict[str, Any]]
    blobs: dict[str, bytes] = field(default_factory=dict)


def enc_key_id(enc_public: bytes) -> str:
    return hashlib.sha256(enc_public).hexdigest()


def write_package(package: Package, keys: Keys, receiver_enc_key: bytes,
                  seal: bool = True) -> bytes:
    """The bytes of a package: encrypted to the receiver, signed by this installation.
    (``seal=False`` returns the bare archive: only for measuring what sealing costs.)"""
    # the actions' JSON is most of a package's cost: orjson writes the same compact UTF-8
    # JSON as json.dumps(ensure_ascii=False, separators=(",", ":")), several times faster
    actions = orjson.dumps(package.actions)
    manifest = {**package.manifest, "payload_sha256": hashlib.sha256(actions).hexdigest()}
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as out:
        out.writestr("manifest.json", json.dumps(manifest, ensure_ascii=False, indent=1))
        out.writestr("actions.json", actions)
        for digest, data in sorted(package.blobs.items()):
            out.writestr(f"blobs/{digest}", data, compress_type=zipfile.ZIP_STORED)
    if not seal:
        return archive.getvalue()
    header = json.dumps({**package.header, "format": FORMAT,
                         "sender_sign_key": b64(keys.sign_public),
                         "receiver_key_sha256": enc_key_id(receiver_enc_key)},
                        ensure_ascii=False, sort_keys=True).encode()
    ciphertext = SUITE.encrypt(archive.getvalue(),
                               x25519.X25519PublicKey.from_public_bytes(receiver_enc_key),
                               info=header)
    body = MAGIC + struct.pack(">I", len(header)) + header + \
        struct.pack(">I", len(ciphertext)) + ciphertext
    return body + keys.signing.sign(body)


def read_header(data: bytes) -> tuple[dict[str, Any], bytes, bytes, bytes]:
    """(header, header bytes, ciphertext, signed body) of a package, checking only its
    framing; refused with ``sync.damaged`` or ``sync.newer_format``."""
    if len(data) > MAX_FILE:
        raise SyncError("sync.too_large")
    try:
        if not data.startswith(MAGIC):
            raise ValueError("magic")
        offset = len(MAGIC)
        (header_length,) = struct.unpack_from(">I", data, offset)
        if header_length > MAX_HEADER:
            raise ValueError("header size")
        offset += 4
        header_bytes = data[offset:offset + header_length]
        offset += header_length
        (cipher_length,) = struct.unpack_from(">I", data, offset)
        offset += 4
        ciphertext = data[offset:offset + cipher_length]
        offset += cipher_length
        if len(header_bytes) != header_length or len(ciphertext) != cipher_length or \
                len(data) != offset + 64:
            raise ValueError("length")
        header = json.loads(header_bytes.decode("utf-8"))
        if not isinstance(header, dict):
            raise ValueError("header")
    except (ValueError, struct.error, UnicodeDecodeError) as error:
        raise SyncError("sync.damaged") from error
    if not isinstance(header.get("format"), int) or header["format"] > FORMAT:
        raise SyncError("sync.newer_format", version=header.get("format"))
    return header, header_bytes, ciphertext, data[:offset]


def open_package(data: bytes, keys: Keys, sender_sign_key: bytes) -> Package:
    """Verify and decrypt a package from a paired sender; every refusal is a ``SyncError``
    with a code a person can be told about, and nothing is written by this."""
    header, header_bytes, ciphertext, body = read_header(data)
    try:
        ed25519.Ed25519PublicKey.from_public_bytes(sender_sign_key).verify(data[len(body):],
                                                                           body)
    except InvalidSignature as error:
        raise SyncError("sync.bad_signature") from error
    if header.get("sender_sign_key") != b64(sender_sign_key):
        raise SyncError("sync.bad_signature")
    if header.get("receiver_key_sha256") != enc_key_id(keys.enc_public):
        raise SyncError("sync.wrong_receiver")
    try:
        plain = SUITE.decrypt(ciphertext, keys.receiving, info=header_bytes)
    except (InvalidTag, ValueError) as error:
        raise SyncError("sync.damaged") from error
    manifest, actions, blobs = _open_archive(plain)
    if manifest.get("payload_sha256") != hashlib.sha256(actions).hexdigest():
        raise SyncError("sync.damaged")
    try:
        action_list = orjson.loads(actions)
    except (ValueError, UnicodeDecodeError) as error:
        raise SyncError("sync.damaged") from error
    if not isinstance(action_list, list) or not isinstance(manifest, dict):
        raise SyncError("sync.damaged")
    for digest, blob in blobs.items():
        if hashlib.sha256(blob).hexdigest() != digest:
            raise SyncError("sync.damaged")
    return Package(header, manifest, action_list, blobs)


def _open_archive(plain: bytes) -> tuple[dict[str, Any], bytes, dict[str, bytes]]:
    """The manifest, the actions' JSON and the blobs of a decrypted archive, read under
    bounds: only the three kinds of names, no entry inflating past its cap."""
    try:
        with zipfile.ZipFile(io.BytesIO(plain)) as archive:
            entries = archive.infolist()
            if len(entries) > MAX_ENTRIES:
                raise SyncError("sync.too_large")
            names = [e.filename for e in entries]
            if len(set(names)) != len(names) or "manifest.json" not in names or \
                    "actions.json" not in names or \
                    any(n not in ("manifest.json", "actions.json") and not _BLOB.match(n)
                        for n in names):
                raise SyncError("sync.bad_names")
            budget = MAX_INFLATED
            read: dict[str, bytes] = {}
            for entry in entries:
                cap = min(budget, MAX_BLOB if entry.filename.startswith("blobs/")
                          else MAX_JSON)
                read[entry.filename] = _inflate(archive, entry, cap)
                budget -= len(read[entry.filename])
    except (zipfile.BadZipFile, EOFError, zlib.error) as error:
        raise SyncError("sync.damaged") from error
    try:
        manifest = json.loads(read["manifest.json"].decode("utf-8"))
    except (ValueError, UnicodeDecodeError) as error:
        raise SyncError("sync.damaged") from error
    blobs = {n.split("/", 1)[1]: data for n, data in read.items() if n.startswith("blobs/")}
    return manifest, read["actions.json"], blobs


def _inflate(archive: zipfile.ZipFile, entry: zipfile.ZipInfo, cap: int) -> bytes:
    if entry.file_size > cap:
        raise SyncError("sync.too_large")
    parts, size = [], 0
    with archive.open(entry) as stream:
        while chunk := stream.read(1 << 20):
            size += len(chunk)
            if size > cap:
                raise SyncError("sync.too_large")
            parts.append(chunk)
    return b"".join(parts)


def sender_of(data: bytes) -> tuple[str, bytes]:
    """Who a package says sent it (installation, signing key): to find the peer whose
    key must verify it."""
    header, *_ = read_header(data)
    try:
        return str(header["sender"]), unb64(str(header["sender_sign_key"]))
    except (KeyError, ValueError) as error:
        raise SyncError("sync.damaged") from error
