"""This installation's keys, pairing cards and fingerprints.

Each installation has an Ed25519 key that signs the packages it sends and an X25519 key
that packages sent to it are encrypted to. They live in the user data folder (``keys/``),
never in a book: a book gets copied, a laptop's keys must not be.

Pairing: each side gives the other a pairing card (its public keys, its name and code) and
both compare a fingerprint by phone: 12 digits in three groups of four, from the SHA-256 of
the two public keys.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import NotRequired, TypedDict, cast

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ed25519, x25519

from ..core.errors import VillagebookError
from ..paths import data_dir
from ..storage.files import replace_atomically
from ..storage.installation import installation_id
from ..storage.levels import LEVELS

CARD_FORMAT = "villagebook-pairing/1"
_RAW = (serialization.Encoding.Raw, serialization.PublicFormat.Raw)


class SyncError(VillagebookError):
    """A package or pairing card is refused; ``code`` says why, in words for people."""

    code = "sync.refused"


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


@dataclass(frozen=True)
class Keys:
    """This installation's key pair for signing and for receiving."""

    installation: str
    signing: ed25519.Ed25519PrivateKey
    receiving: x25519.X25519PrivateKey

    @property
    def sign_public(self) -> bytes:
        return self.signing.public_key().public_bytes(*_RAW)

    @property
    def enc_public(self) -> bytes:
        return self.receiving.public_key().public_bytes(*_RAW)

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.sign_public, self.enc_public)


def _key_dir() -> Path:
    return data_dir() / "keys"


_unlocked: Keys | None = None  # the keys read with the password, for this process only
_PROTECTED = ("signing.pem", "receiving.pem")


_PLAIN = ("signing.key", "receiving.key")


def keys_protected() -> bool:
    """True when this installation's private keys are kept under a book's password. Both
    plain files still there (a change of protection cut short) count as plain: the new
    files are all written before the old are removed, so a whole pair is always left."""
    folder = _key_dir()
    return all((folder / name).exists() for name in _PROTECTED) and \
        not all((folder / name).exists() for name in _PLAIN)


def unlock_keys(password: str) -> bool:
    """Read the protected keys with ``password`` (the locked book's); False when they
    are kept under another password (another book on this laptop) or not protected."""
    global _unlocked
    if not keys_protected():
        return False
    folder = _key_dir()
    try:
        signing = serialization.load_pem_private_key(
            (folder / _PROTECTED[0]).read_bytes(), password.encode("utf-8"))
        receiving = serialization.load_pem_private_key(
            (folder / _PROTECTED[1]).read_bytes(), password.encode("utf-8"))
    except (ValueError, TypeError):
        return False
    if not isinstance(signing, ed25519.Ed25519PrivateKey) or \
            not isinstance(receiving, x25519.X25519PrivateKey):
        return False
    _unlocked = Keys(installation_id(), signing, receiving)
    return True


def forget_unlocked_keys() -> None:
    """Drop the keys read with a password (the window locks, the book closes)."""
    global _unlocked
    _unlocked = None


def protect_keys(password: str | None) -> None:
    """Keep this installation's private keys under ``password`` (encrypted PKCS#8, the
    raw files removed), or (None) as plain private files again. The keys stay the same,
    so pairings hold."""
    global _unlocked
    keys = load_keys()
    folder = _key_dir()
    private: tuple[ed25519.Ed25519PrivateKey | x25519.X25519PrivateKey, ...] = \
        (keys.signing, keys.receiving)
    keep, drop = (_PLAIN, _PROTECTED) if password is None else (_PROTECTED, _PLAIN)
    # both new files first, then the old ones go: killed at any moment, a whole pair of
    # one kind or the other is there (see keys_protected)
    for name, key in zip(keep, private):
        if password is None:
            data = key.private_bytes(serialization.Encoding.Raw,
                                     serialization.PrivateFormat.Raw,
                                     serialization.NoEncryption())
        else:
            data = key.private_bytes(serialization.Encoding.PEM,
                                     serialization.PrivateFormat.PKCS8,
                                     serialization.BestAvailableEncryption(
                                         password.encode("utf-8")))
        with replace_atomically(folder / name, mode=0o600) as tmp:
            tmp.write_bytes(data)
    for name in drop:
        with contextlib.suppress(FileNotFoundError):
            (folder / name).unlink()
    _unlocked = keys if password is not None else None


_STAGED = ".next"  # protected key files written ahead of a password change
_staged_keys: Keys | None = None  # the keys this process staged


def stage_protected_keys(password: str) -> None:
    """Write the private keys under ``password`` beside the current files, not yet in
    use (a book's password change puts them in place when the book has its new password,
    ``commit_staged_keys``, or drops them when it does not, ``drop_staged_keys``)."""
    global _staged_keys
    keys = _staged_keys = load_keys()
    folder = _key_dir()
    private: tuple[ed25519.Ed25519PrivateKey | x25519.X25519PrivateKey, ...] = \
        (keys.signing, keys.receiving)
    for name, key in zip(_PROTECTED, private):
        data = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                 serialization.BestAvailableEncryption(password.encode("utf-8")))
        with replace_atomically(folder / (name + _STAGED), mode=0o600) as tmp:
            tmp.write_bytes(data)


def commit_staged_keys() -> None:
    """The staged protected keys take the place of the current files (each rename whole;
    cut short, run again by the change's resumption)."""
    global _unlocked
    folder = _key_dir()
    if not all((folder / (name + _STAGED)).exists() for name in _PROTECTED):
        return  # none staged (done already, or kept under another book's password)
    for name in _PROTECTED:
        os.replace(folder / (name + _STAGED), folder / name)
    for name in _PLAIN:  # the same keys, now only under the password
        with contextlib.suppress(FileNotFoundError):
            (folder / name).unlink()
    if _staged_keys is not None:  # staged by this process: still open for it
        _unlocked = _staged_keys


def drop_staged_keys() -> None:
    """Staged keys of a password change that did not happen: removed."""
    for name in _PROTECTED:
        with contextlib.suppress(FileNotFoundError):
            (_key_dir() / (name + _STAGED)).unlink()


def load_keys() -> Keys:
    """This installation's keys, made on first use (private files, never in a book).
    Keys kept under a password need ``unlock_keys`` first, else ``sync.keys_locked``."""
    if keys_protected():
        if _unlocked is None:
            raise SyncError("sync.keys_locked")
        return _unlocked
    folder = _key_dir()
    sign_file, enc_file = folder / _PLAIN[0], folder / _PLAIN[1]
    if not sign_file.exists() or not enc_file.exists():
        folder.mkdir(parents=True, exist_ok=True)
        with contextlib.suppress(OSError):
            os.chmod(folder, 0o700)
        for path, key in ((sign_file, ed25519.Ed25519PrivateKey.generate()),
                          (enc_file, x25519.X25519PrivateKey.generate())):
            raw = key.private_bytes(serialization.Encoding.Raw,
                                    serialization.PrivateFormat.Raw,
                                    serialization.NoEncryption())
            with replace_atomically(path, mode=0o600) as tmp:
                tmp.write_bytes(raw)
    signing = ed25519.Ed25519PrivateKey.from_private_bytes(sign_file.read_bytes())
    receiving = x25519.X25519PrivateKey.from_private_bytes(enc_file.read_bytes())
    return Keys(installation_id(), signing, receiving)


def fingerprint(sign_public: bytes, enc_public: bytes) -> str:
    """12 digits in three groups of four, to compare by phone."""
    digest = hashlib.sha256(sign_public + enc_public).digest()
    digits = f"{int.from_bytes(digest[:8], 'big') % 10**12:012d}"
    return f"{digits[:4]} {digits[4:8]} {digits[8:]}"


def same_fingerprint(typed: str, expected: str) -> bool:
    """A fingerprint as typed (with or without spaces) against the expected one."""
    return "".join(typed.split()) == "".join(expected.split())


class PairingCard(TypedDict):
    """What one side gives the other to pair (the file's fields, see docs/sync-format.md);
    ``fingerprint`` is worked out from the keys when a card is read, never taken from it."""

    format: str
    installation: str
    kind: str  # "village" or "township"
    name: str
    code: str
    sign_key: str  # base64 of the Ed25519 public key
    enc_key: str  # base64 of the X25519 public key
    fingerprint: NotRequired[str]


def pairing_card(keys: Keys, kind: str, name: str, code: str) -> PairingCard:
    """What this side gives the other to pair: public keys, who it is, nothing secret."""
    return {"format": CARD_FORMAT, "installation": keys.installation, "kind": kind,
            "name": name, "code": code, "sign_key": b64(keys.sign_public),
            "enc_key": b64(keys.enc_public)}


def write_card(card: PairingCard, path: str | Path) -> None:
    with replace_atomically(path) as tmp:
        tmp.write_text(json.dumps(card, ensure_ascii=False, indent=1), encoding="utf-8")


def read_card(path: str | Path) -> PairingCard:
    """A pairing card from a file; refused with ``sync.bad_card`` when it is not one."""
    try:
        raw = Path(path).read_bytes()
        if len(raw) > 64 * 1024:
            raise ValueError("too large")
        card = json.loads(raw.decode("utf-8"))
        if not isinstance(card, dict) or card.get("format") != CARD_FORMAT:
            raise ValueError("format")
        for key in ("installation", "kind", "name", "code", "sign_key", "enc_key"):
            if not isinstance(card.get(key), str):
                raise ValueError(key)
        if card["kind"] not in LEVELS or \
                len(unb64(card["sign_key"])) != 32 or len(unb64(card["enc_key"])) != 32:
            raise ValueError("keys")
    except (OSError, ValueError, UnicodeDecodeError) as error:
        raise SyncError("sync.bad_card", name=Path(path).name) from error
    card["fingerprint"] = fingerprint(unb64(card["sign_key"]), unb64(card["enc_key"]))
    return cast(PairingCard, card)  # every field checked above
