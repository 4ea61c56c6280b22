"""One writer per library: the lock, writing CLI commands while the app has the library."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from reader.library import Library
from reader.library.lock import LibraryLock
from tests.conftest import CORPUS, requires_shared


def test_a_second_lock_on_the_same_library_is_refused_until_released(tmp_path: Path) -> None:
    first, second = LibraryLock(tmp_path / "库 A"), LibraryLock(tmp_path / "库 A")
    assert first.acquire() and first.held
    assert not second.acquire()
    assert LibraryLock(tmp_path / "库 B").acquire()  # other libraries are not affected
    first.release()
    assert second.acquire()
    second.release()


def test_the_lock_dies_with_its_process(tmp_path: Path) -> None:
    """A crashed app never leaves a stale lock (unlike a PID file)."""
    folder = tmp_path / "lib"
    code = (
        "import os, sys; sys.path.insert(0, sys.argv[1]);"
        "from reader.library.lock import LibraryLock;"
        "assert LibraryLock(sys.argv[2]).acquire(); os._exit(0)"
    )
    subprocess.run([sys.executable, "-c", code, str(Path.cwd()), str(folder)], check=True)
    assert LibraryLock(folder).acquire()


def _cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "reader", *args], capture_output=True, text=True, encoding="utf-8"
    )


@requires_shared
def test_writing_commands_refuse_while_the_app_holds_the_library(tmp_path: Path) -> None:
    folder = tmp_path / "公报 库"
    assert _cli("--library", str(folder), "import", str(CORPUS / "qinzhou-2019-01.txt")).returncode == 0
    with Library(folder) as lib:
        doc = lib.documents()[0]
    app = LibraryLock(folder)
    assert app.acquire()  # what the running app holds
    r = _cli("--library", str(folder), "annotate", str(doc.id), "--quote", doc.title[:6])
    assert r.returncode == 1 and "正在被公报阅读器使用" in r.stderr
    assert _cli("--library", str(folder), "tag", str(doc.id), "督办").returncode == 1
    assert _cli("--library", str(folder), "list", "--json").returncode == 0  # reading is fine
    app.release()
    assert _cli("--library", str(folder), "annotate", str(doc.id), "--quote", doc.title[:6]).returncode == 0
