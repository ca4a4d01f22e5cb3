"""The archive's tests: a real PostgreSQL server for the session (tests/postgres.py) and
a new database for each test."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator

import pytest


@pytest.fixture(scope="session")
def pg_server() -> Iterator[object]:
    from postgres import Server

    try:
        server = Server()
    except FileNotFoundError as error:
        if os.environ.get("CI"):  # in CI the archive's tests run, never skip
            raise
        pytest.skip(f"{error} (the archive's tests need a PostgreSQL server)")
    yield server
    server.close()


@pytest.fixture
def archive_dsn(pg_server, request: pytest.FixtureRequest) -> str:
    """The DSN of a new, empty database of its own."""
    name = re.sub(r"\W", "_", request.node.name.lower())[:50]
    return pg_server.new_database(name)
