"""Record ids: UUIDv7, unique across every laptop and time-ordered."""

from __future__ import annotations


def new_id() -> str:
    """A globally unique, time-ordered id (UUIDv7)."""
    import uuid_utils  # with the stdlib's uuid and platform: read at the first new id

    return str(uuid_utils.uuid7())
