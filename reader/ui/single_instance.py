"""One app per library: a second start brings the running window forward (and hands it a link).

The running app listens on a local socket named after the library folder; a second app that
finds the library locked (:class:`reader.library.lock.LibraryLock`) sends it its request and
exits. If nobody answers (the lock is held by a CLI command, or the other app hangs), the
second app opens the library read-only and says so: never two writers.
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Slot
from PySide6.QtNetwork import QLocalServer, QLocalSocket


def server_name(folder: Path) -> str:
    key = str(Path(folder).resolve())
    if sys.platform == "win32":
        key = key.lower()
    return "gongbao-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def notify_running(folder: Path, request: dict, timeout_ms: int = 2000) -> bool:
    """Ask the app running on ``folder`` to come forward (and open ``request['link']``)."""
    sock = QLocalSocket()
    sock.connectToServer(server_name(folder))
    if not sock.waitForConnected(timeout_ms):
        return False
    sock.write(json.dumps(request, ensure_ascii=False).encode("utf-8") + b"\n")
    sock.waitForBytesWritten(timeout_ms)
    answered = sock.waitForReadyRead(timeout_ms) and bytes(sock.readAll().data()).startswith(b"ok")
    sock.disconnectFromServer()
    return answered


class InstanceServer(QObject):
    """Listens for later starts on the same library; owned by the main window."""

    def __init__(self, folder: Path, window) -> None:
        super().__init__(window)
        self.window = window
        self.server = QLocalServer(self)
        name = server_name(folder)
        QLocalServer.removeServer(name)  # a socket file left by a crashed app (Unix)
        self.listening = self.server.listen(name)
        self.server.newConnection.connect(self._connection)

    @Slot()
    def _connection(self) -> None:
        sock = self.server.nextPendingConnection()
        if sock is None:
            return
        sock.readyRead.connect(lambda s=sock: self._request(s))

    def _request(self, sock: QLocalSocket) -> None:
        if not sock.canReadLine():
            return
        try:
            request = json.loads(bytes(sock.readLine().data()).decode("utf-8"))
        except ValueError:
            request = {}
        sock.write(b"ok\n")
        sock.flush()
        sock.disconnectFromServer()
        w = self.window
        w.setWindowState(w.windowState() & ~Qt.WindowState.WindowMinimized)
        w.show()
        w.raise_()
        w.activateWindow()
        if request.get("link"):
            w.open_link(request["link"])
