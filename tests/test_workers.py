"""A process that forgets to stop its child processes still exits, and takes them with it.

The background indexer is not daemonic (it starts worker processes of its own). multiprocessing
joins such children at exit, and the indexer only ends when the parent's end of its pipe closes:
a window or script that never called ``shutdown()`` hung for ever at exit. That is how the
whole test suite once finished its tests and then never returned to CI.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

from reader.library import Library
from tests.conftest import ROOT

SCRIPT = textwrap.dedent(
    """
    import multiprocessing
    import sys

    from PySide6.QtCore import QCoreApplication

    from reader.models.search_controller import SearchController

    if __name__ == "__main__":
        app = QCoreApplication([])
        controller = SearchController(sys.argv[1])
        controller.index_now()  # starts the indexer; nobody calls shutdown()
        print(*[p.pid for p in multiprocessing.active_children()], flush=True)
    """
)


def _gone(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    # a zombie (already ended, not yet reaped by a parent that is itself gone) counts as gone
    status = Path(f"/proc/{pid}/status")
    return status.exists() and "zombie" in status.read_text()


def test_exit_without_shutdown_ends_the_indexer(tmp_path: Path) -> None:
    Library(tmp_path / "lib").close()
    script = tmp_path / "forgetful.py"
    script.write_text(SCRIPT, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, str(script), str(tmp_path / "lib")],
        capture_output=True,
        text=True,
        timeout=60,  # before the fix: never returned
        env=env,
    )
    assert done.returncode == 0, done.stderr
    children = [int(pid) for pid in done.stdout.split()]
    assert children, "the indexer was not started"
    assert all(_gone(pid) for pid in children)
