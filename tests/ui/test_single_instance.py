"""A second start on the same library brings the first window forward; else it is read-only."""

from __future__ import annotations

import os
import subprocess
import sys

from reader.library import Library
from reader.library.lock import LibraryLock
from reader.ui.single_instance import InstanceServer


def _start_app(folder, *args: str, **env: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "reader", "--library", str(folder), "--no-welcome", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", **env},
    )


def test_a_second_start_hands_its_link_to_the_running_window(qtbot, issue_window) -> None:
    w, lib = issue_window
    lock = LibraryLock(lib.folder)
    assert lock.acquire()
    w.instance_server = InstanceServer(lib.folder, w)
    assert w.instance_server.listening
    doc = lib.documents()[2]
    h = lib.annotations.add_highlight(doc.id, 10, 20, "green")
    w.showMinimized()
    second = _start_app(lib.folder, f"gongbao://doc/{doc.id}#hl={h.uuid}")
    qtbot.waitUntil(lambda: second.poll() is not None, timeout=30000)  # the first window answers
    assert second.returncode == 0, second.stderr.read()
    assert w.pane.doc.id == doc.id
    assert w.pane.text_view.selection_range() == (h.start, h.end)
    assert not w.isMinimized()
    lock.release()


def test_without_an_answer_the_second_window_is_read_only(tmp_path) -> None:
    folder = tmp_path / "公报 库"
    Library(folder).close()
    held = LibraryLock(folder)  # held by a writing command: nobody to hand over to
    assert held.acquire()
    app = _start_app(folder, GONGBAO_EXIT_AFTER_PAINT="1")
    out, err = app.communicate(timeout=60)
    assert app.returncode == 0, err
    title = next(line for line in out.splitlines() if line.startswith("WINDOW "))
    assert title.endswith("只读") or title.endswith("read-only")
    held.release()
