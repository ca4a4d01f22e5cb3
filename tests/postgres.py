"""A real PostgreSQL server for the archive's tests, started by the tests themselves.

The machines that run the tests run as root, and PostgreSQL refuses root: the data folder
is made with ``mkdtemp``, given to the ``postgres`` user, and ``initdb`` and ``pg_ctl``
(from ``/usr/lib/postgresql/*/bin``, which Debian keeps off PATH) run through ``runuser -u
postgres``, on a free port, listening on loopback only; the server stops at the end of
the session. Run as another user, they run as that user.

Without PostgreSQL installed the archive's tests are skipped with how to install it,
except in CI (``CI`` set: ``.ci/run`` installs it), where they fail: there they run,
never skip.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

import psycopg


def _bin_dir() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"),
                   key=lambda p: int(Path(p).parent.parent.name)
                   if Path(p).parent.parent.name.isdigit() else 0)
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class Server:
    """One PostgreSQL server in a folder of its own."""

    def __init__(self) -> None:
        bin_dir = _bin_dir()
        if bin_dir is None:
            raise FileNotFoundError("PostgreSQL is not installed (initdb not found): "
                                    "apt-get install postgresql")
        self.bin = bin_dir
        self.as_postgres = os.geteuid() == 0
        # in /tmp itself when run as root: the postgres user must reach the folder, and
        # Python's temporary folder may point into the program's own (root's) data folder
        self.folder = Path(tempfile.mkdtemp(prefix="villagebook-pg-",
                                            dir="/tmp" if self.as_postgres else None))
        if self.as_postgres:
            shutil.chown(self.folder, "postgres")
        self.port = _free_port()
        self.data = self.folder / "data"
        self._run("initdb", "-D", str(self.data), "-A", "trust", "-U", "postgres",
                  "--no-sync", "-E", "UTF8", "--locale=C.UTF-8")
        self.start()

    def _run(self, program: str, *args: str) -> None:
        command = [str(self.bin / program), *args]
        if self.as_postgres:
            command = ["runuser", "-u", "postgres", "--", *command]
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL,
                       stderr=subprocess.PIPE)

    def start(self) -> None:
        """Start (or start again) the server."""
        options = (f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1"
                   " -c fsync=off -c synchronous_commit=off -c full_page_writes=off")
        self._run("pg_ctl", "-D", str(self.data), "-o", options, "-l",
                  str(self.folder / "server.log"), "-w", "start")

    def stop(self) -> None:
        """Stop the server at once (as a power cut or a killed server would)."""
        self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop")

    def dsn(self, database: str = "postgres") -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/{database}"

    def new_database(self, name: str) -> str:
        """A new, empty database; its DSN."""
        with psycopg.connect(self.dsn(), autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}"')  # type: ignore[arg-type]
            conn.execute(f'CREATE DATABASE "{name}"')  # type: ignore[arg-type]
        return self.dsn(name)

    def close(self) -> None:
        try:
            self.stop()
        except subprocess.CalledProcessError:
            pass  # stopped already
        shutil.rmtree(self.folder, ignore_errors=True)
