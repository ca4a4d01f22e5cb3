"""One writer per user: a second start brings the first window forward and exits.

Who runs first is decided by a file lock in the user's data folder (the system lets it go
when the program ends, a crash included), which costs nothing at start; the local socket
that carries "come forward" to the first program, and Qt's network module behind it, are
set up once its window is painted (``listen``)."""

from __future__ import annotations

import getpass
import time
import zlib
from typing import IO, TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from ..paths import data_dir
from ..storage.file_lock import take

if TYPE_CHECKING:
    from PySide6.QtNetwork import QLocalServer, QLocalSocket

ASK_WAIT_MS = 3000  # the first program may still be starting: its socket comes after paint


def server_name() -> str:
    """The local socket's name, one per user (a checksum: the name says no user name)."""
    user = getpass.getuser()
    return f"villagebook-{zlib.crc32(user.encode('utf-8')):08x}"


class SingleInstance(QObject):
    """``claim()`` is False when another instance runs (it has then been asked to show
    itself); the first instance hears such asks once it ``listen``s."""

    activated = Signal()

    def __init__(self, name: str | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name or server_name()
        self.server: QLocalServer | None = None  # once listening
        self._lock: IO[bytes] | None = None

    def claim(self) -> bool:
        """True when no other instance runs (this one holds the lock from now on)."""
        try:
            data_dir().mkdir(parents=True, exist_ok=True)
            self._lock = take(data_dir() / f"{self.name}.lock")
        except BlockingIOError:
            self._ask_forward()
            return False
        except OSError:  # no lock file can be made here: the socket alone decides
            if self._ask_forward(wait_ms=0):
                return False
        return True

    def listen(self) -> bool:
        """Take the asks of later starts (after the window is painted)."""
        from PySide6.QtNetwork import QLocalServer

        # a stale socket from a crash may remain: the lock says it is ours now
        QLocalServer.removeServer(self.name)
        self.server = server = QLocalServer(self)
        server.newConnection.connect(self._on_connection)
        return server.listen(self.name)

    def _ask_forward(self, wait_ms: int = ASK_WAIT_MS) -> bool:
        """Ask the running instance to show itself, trying again for ``wait_ms`` while
        it is not listening yet; False when none answered."""
        from PySide6.QtNetwork import QLocalSocket

        deadline = time.monotonic() + wait_ms / 1000
        while True:
            socket = QLocalSocket()
            socket.connectToServer(self.name)
            if socket.waitForConnected(500):
                socket.write(b"raise\n")
                socket.waitForBytesWritten(500)
                socket.disconnectFromServer()
                return True
            if time.monotonic() >= deadline:
                return False
            time.sleep(0.1)

    def _on_connection(self) -> None:
        while self.server and self.server.hasPendingConnections():
            connection = self.server.nextPendingConnection()
            connection.readyRead.connect(lambda c=connection: self._read(c))

    def _read(self, connection: QLocalSocket) -> None:
        if bytes(connection.readAll().data()).startswith(b"raise"):
            self.activated.emit()
        connection.disconnectFromServer()

    def release(self) -> None:
        if self.server:
            self.server.close()
            self.server = None
        if self._lock is not None:
            self._lock.close()
            self._lock = None
