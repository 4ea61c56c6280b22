"""Findings 2 and 3: the single-instance socket takes hostile input and lives in a private place.

Before: the socket was ``/tmp/gongbao-<hash>`` (any local user could bind it first, and the
victim's next start handed its link over); it answered ``ok`` before validating; a 1 MB link
froze the window; 202 MB without a newline stayed in memory; wrong JSON types raised in the slot.
"""

from __future__ import annotations

import json
import os
import stat
import sys
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtNetwork import QLocalSocket
from PySide6.QtWidgets import QApplication, QMessageBox

from reader.library import Library
from reader.settings import Settings
from reader.ui.main_window import MainWindow
from reader.ui.single_instance import MAX_REQUEST, InstanceServer, _owned_socket, notify_running, server_name

posix = pytest.mark.skipif(sys.platform == "win32", reason="POSIX socket files")


@pytest.fixture
def served(qtbot, tmp_path: Path, monkeypatch):
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(tmp_path / "nope"))  # not private: our own folder is used
    monkeypatch.setenv("GONGBAO_CACHE_DIR", str(tmp_path / "cache"))
    lib = Library(tmp_path / "lib")
    w = MainWindow(lib, Settings())
    qtbot.addWidget(w)
    server = InstanceServer(lib.folder, w)
    assert server.listening, server.error
    yield w, server
    w.close()
    lib.close()


def _send(qtbot, name: str, data: bytes, wait_answer: bool = True) -> bytes:
    sock = QLocalSocket()
    sock.connectToServer(name)
    assert sock.waitForConnected(2000)
    sock.write(data)
    sock.flush()
    got = b""
    if wait_answer:
        deadline = time.monotonic() + 5
        while b"\n" not in got and time.monotonic() < deadline:
            QApplication.processEvents()
            sock.waitForReadyRead(20)
            got += bytes(sock.readAll().data())
    sock.abort()
    return got


def _boxes() -> list[QMessageBox]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]


@posix
def test_the_socket_is_in_a_folder_only_this_user_can_enter(served) -> None:
    _w, server = served
    where = Path(server.name).parent
    assert not str(server.name).startswith("/tmp/gongbao-")
    assert where.stat().st_uid == os.getuid() and stat.S_IMODE(where.stat().st_mode) == 0o700


@posix
def test_a_client_does_not_talk_to_a_socket_in_a_folder_others_can_reach(served, tmp_path: Path) -> None:
    w, server = served
    assert _owned_socket(server.name)  # ours, in our folder: a client would talk to it
    os.chmod(Path(server.name).parent, 0o777)
    try:
        assert not _owned_socket(server.name)  # someone could have replaced it meanwhile
        assert not notify_running(w.library.folder, {})  # so nothing is sent
    finally:
        os.chmod(Path(server.name).parent, 0o700)


def test_wrong_types_and_junk_are_refused_without_raising(qtbot, served) -> None:
    w, server = served
    before = _boxes()
    for payload in (
        b'{"link": 123}\n',
        b'{"link": ["a"]}\n',
        b"[1,2]\n",
        b"\xff\xfe\n",
        b'{"link": "x"}\n',
        b"[" * 5000 + b"\n",
    ):
        assert _send(qtbot, server.name, payload).startswith(b"error"), payload[:20]
    assert w.pane.doc is None and _boxes() == before


def test_a_megabyte_link_is_refused_at_once(qtbot, served) -> None:
    _w, server = served
    before = _boxes()
    started = time.monotonic()
    answer = _send(
        qtbot, server.name, json.dumps({"link": "gongbao://doc/1#hl=" + "a" * 1_000_000}).encode() + b"\n"
    )
    assert answer.startswith(b"error") and time.monotonic() - started < 3
    assert _boxes() == before


def test_a_sender_that_never_ends_its_line_is_cut_off_and_freed(qtbot, served) -> None:
    _w, server = served
    answer = _send(qtbot, server.name, b"x" * (MAX_REQUEST * 50))
    assert answer.startswith(b"error")
    qtbot.waitUntil(lambda: not server._buffers, timeout=5000)
    qtbot.waitUntil(lambda: not server.server.findChildren(QLocalSocket), timeout=5000)  # deleted


def test_a_silent_connection_times_out_and_is_freed(qtbot, served) -> None:
    _w, server = served
    sock = QLocalSocket()
    sock.connectToServer(server.name)
    assert sock.waitForConnected(2000)
    qtbot.waitUntil(lambda: bool(server._buffers), timeout=2000)
    qtbot.waitUntil(lambda: not server._buffers, timeout=5000)
    sock.abort()


def test_a_good_request_is_answered_after_it_is_validated(qtbot, served) -> None:
    w, server = served
    w.showMinimized()
    assert _send(qtbot, server.name, b'{"link": null}\n') == b"ok\n"
    assert not w.isMinimized()


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    data=st.one_of(
        st.binary(max_size=6000), st.text(max_size=3000).map(lambda t: t.encode("utf-8", "surrogatepass"))
    )
)
def test_fuzz_the_socket(qtbot, served, data: bytes) -> None:
    w, server = served
    before = _boxes()
    _send(qtbot, server.name, data, wait_answer=b"\n" in data or len(data) > MAX_REQUEST)
    qtbot.waitUntil(lambda: not server._buffers, timeout=5000)  # every connection is freed
    assert w.pane.doc is None and _boxes() == before


def test_the_server_name_is_not_in_a_shared_temporary_folder(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("GONGBAO_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("XDG_RUNTIME_DIR", raising=False)
    name = server_name(tmp_path / "lib")
    if sys.platform != "win32":
        assert name.startswith(str(tmp_path / "cache"))
