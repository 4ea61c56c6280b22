"""One app per library: a second start brings the running window forward (and hands it a link).

The running app listens on a local socket named after the library folder; a second app that
finds the library locked (:class:`reader.library.lock.LibraryLock`) sends it its request and
exits. If nobody answers (the lock is held by a CLI command, or the other app hangs), the
second app opens the library read-only and says so: never two writers.

Anything on the machine can connect to a local socket, so the socket is treated as hostile input:
on POSIX it lives in a folder only this user can enter (``$XDG_RUNTIME_DIR``, or a 0700 folder of
our own — never the shared ``/tmp``), and a client checks that folder and the socket's owner
before it sends; on Windows the pipe admits this user only. A request is one short JSON line:
reads stop at :data:`MAX_REQUEST` bytes or :data:`READ_TIMEOUT_MS`, every connection is freed,
and only a well-formed link of reasonable length is acted on — and answered ``ok`` only then.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import stat
import sys
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QTimer, Slot
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from reader.export.collect import parse_link

MAX_REQUEST = 4096  # bytes: a request is {"link": "gongbao://doc/12#hl=<uuid>"}
MAX_LINK = 2048  # characters
READ_TIMEOUT_MS = 2000


def _key(folder: Path) -> str:
    key = str(Path(folder).resolve())
    if sys.platform == "win32":
        key = key.lower()
    return "gongbao-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def _is_private(path: Path) -> bool:
    """A folder that is ours and that no one else may enter or write to."""
    try:
        st = os.lstat(path)
    except OSError:
        return False
    return stat.S_ISDIR(st.st_mode) and st.st_uid == os.getuid() and not (st.st_mode & 0o077)


def socket_dir() -> Path | None:
    """Where this user's sockets live (POSIX), made if need be; None if no private place exists."""
    runtime = os.environ.get("XDG_RUNTIME_DIR")
    if runtime and _is_private(Path(runtime)):
        return Path(runtime)
    from reader.locations import cache_dir

    own = cache_dir() / "run"
    with contextlib.suppress(OSError):
        own.mkdir(parents=True, exist_ok=True, mode=0o700)
        if os.lstat(own).st_uid == os.getuid():
            os.chmod(own, 0o700)
    return own if _is_private(own) else None


def server_name(folder: Path) -> str | None:
    """The server's name: a path in :func:`socket_dir` (POSIX) or a pipe name (Windows)."""
    if sys.platform == "win32":
        return _key(folder)
    where = socket_dir()
    return str(where / _key(folder)) if where is not None else None


def _owned_socket(name: str) -> bool:
    """Before talking to it: the socket is ours, in a folder that is ours alone (POSIX)."""
    if sys.platform == "win32":
        return True
    path = Path(name)
    try:
        st = os.lstat(path)
    except OSError:
        return False
    return _is_private(path.parent) and stat.S_ISSOCK(st.st_mode) and st.st_uid == os.getuid()


def valid_link(link: object) -> bool:
    """A back-link the window may open: a string, short, of the ``gongbao://doc/…`` form."""
    return isinstance(link, str) and len(link) <= MAX_LINK and parse_link(link) is not None


def notify_running(folder: Path, request: dict, timeout_ms: int = 2000) -> bool:
    """Ask the app running on ``folder`` to come forward (and open ``request['link']``)."""
    name = server_name(folder)
    if name is None or not _owned_socket(name):
        return False
    link = request.get("link")
    payload = {"link": link if valid_link(link) else None}
    sock = QLocalSocket()
    sock.connectToServer(name)
    if not sock.waitForConnected(timeout_ms):
        return False
    sock.write(json.dumps(payload, ensure_ascii=False).encode("utf-8") + b"\n")
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
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self.name = server_name(folder)
        self.error = ""
        self._buffers: dict[QLocalSocket, bytearray] = {}
        if self.name is None:
            self.listening = False
            self.error = "没有只属于当前用户的文件夹可放置程序间的连接"
            return
        QLocalServer.removeServer(self.name)  # a socket file left by a crashed app (Unix)
        self.listening = self.server.listen(self.name)
        if not self.listening:
            self.error = self.server.errorString()
        self.server.newConnection.connect(self._connection)

    @Slot()
    def _connection(self) -> None:
        while (sock := self.server.nextPendingConnection()) is not None:
            self._buffers[sock] = bytearray()
            sock.setReadBufferSize(MAX_REQUEST)
            sock.readyRead.connect(lambda s=sock: self._read(s))
            sock.disconnected.connect(lambda s=sock: self._drop(s))
            QTimer.singleShot(READ_TIMEOUT_MS, sock, lambda s=sock: self._close(s, b"error: timeout\n"))

    def _read(self, sock: QLocalSocket) -> None:
        buf = self._buffers.get(sock)
        if buf is None:
            return
        buf += bytes(sock.read(MAX_REQUEST + 1 - len(buf)).data())
        end = buf.find(b"\n")
        if end < 0:
            if len(buf) > MAX_REQUEST:
                self._close(sock, b"error: too long\n")
            return
        line = bytes(buf[:end])
        link, ok = self._parse(line)
        self._close(sock, b"ok\n" if ok else b"error: not a request\n")
        if ok:
            self._come_forward(link)

    @staticmethod
    def _parse(line: bytes) -> tuple[str | None, bool]:
        """(link or None, whether it is a request at all)."""
        try:
            request = json.loads(line.decode("utf-8"))
        except (ValueError, UnicodeDecodeError, RecursionError):
            return None, False
        if not isinstance(request, dict):
            return None, False
        link = request.get("link")
        if link is None:
            return None, True
        return (link, True) if valid_link(link) else (None, False)

    def _close(self, sock: QLocalSocket, answer: bytes) -> None:
        if sock not in self._buffers:
            return
        if sock.state() == QLocalSocket.LocalSocketState.ConnectedState:
            sock.write(answer)
            sock.flush()
            sock.disconnectFromServer()
        self._drop(sock)

    def _drop(self, sock: QLocalSocket) -> None:
        if self._buffers.pop(sock, None) is not None:
            sock.deleteLater()

    def _come_forward(self, link: str | None) -> None:
        w = self.window
        w.setWindowState(w.windowState() & ~Qt.WindowState.WindowMinimized)
        w.show()
        w.raise_()
        w.activateWindow()
        if link:
            w.open_link(link)
