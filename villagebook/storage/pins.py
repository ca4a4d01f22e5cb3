"""A person's PIN and the idle lock of the window (both optional, off by default).

A PIN is this laptop's business: it is kept as a salted hash among the file's local
settings (``meta`` ``local.pin.<name>``), never in a record, a package or the change log.
The window locks after the set number of idle minutes and asks the PIN of the person
working; with no PIN set, or 0 minutes, it never locks.
"""

from __future__ import annotations

import os

from ..core.errors import Issue, ValidationFailed
from .book import Book
from .book_settings import local_setting, set_local_setting

PIN_DIGITS = (4, 8)
ITERATIONS = 200_000
IDLE_KEY = "lock.idle_minutes"


def _key(name: str) -> str:
    return f"pin.{name}"


def _hash(pin: str, salt: bytes) -> str:
    import hashlib  # with OpenSSL (hmac too): read when a PIN is set or tried, not at start

    return hashlib.pbkdf2_hmac("sha256", pin.encode("utf-8"), salt, ITERATIONS).hex()


def set_pin(book: Book, name: str, pin: str | None) -> None:
    """Give ``name`` a PIN of 4 to 8 digits, or (None) take it away."""
    if pin is None:
        set_local_setting(book, _key(name), "")
        return
    low, high = PIN_DIGITS
    if not pin.isascii() or not pin.isdigit() or not low <= len(pin) <= high:
        raise ValidationFailed([Issue("pin.digits", "pin", {"low": low, "high": high})])
    salt = os.urandom(16)
    set_local_setting(book, _key(name), f"{salt.hex()}${_hash(pin, salt)}")


def has_pin(book: Book, name: str | None) -> bool:
    """True when ``name`` has a PIN on this laptop."""
    return bool(name and local_setting(book, _key(name)))


def check_pin(book: Book, name: str, pin: str) -> bool:
    """True when ``pin`` is ``name``'s PIN."""
    stored = local_setting(book, _key(name)) or ""
    if "$" not in stored:
        return False
    salt, digest = stored.split("$", 1)
    import hmac

    return hmac.compare_digest(_hash(pin, bytes.fromhex(salt)), digest)


def idle_minutes(book: Book) -> int:
    """Minutes without a key or mouse before the window locks (0: never)."""
    try:
        return max(0, int(local_setting(book, IDLE_KEY, "0") or 0))
    except ValueError:
        return 0


def set_idle_minutes(book: Book, minutes: int) -> None:
    """Set the idle minutes (0 turns the lock off)."""
    if not 0 <= minutes <= 240:
        raise ValidationFailed([Issue("pin.minutes", "minutes", {"max": 240})])
    set_local_setting(book, IDLE_KEY, str(minutes))
