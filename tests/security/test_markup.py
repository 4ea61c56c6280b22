"""Finding 1: user data reaches widgets as text, never as HTML (``<img src=FIFO>`` hung the GUI,
``<img src=/dev/zero>`` ran it out of memory)."""

from __future__ import annotations

import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _limit_memory() -> None:  # pragma: no cover - runs in the child
    resource.setrlimit(resource.RLIMIT_AS, (3 << 30, 3 << 30))


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs a FIFO (POSIX)")
def test_markup_payloads_through_every_path_leave_the_app_alive(tmp_path: Path) -> None:
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", GONGBAO_CONFIG_DIR=str(tmp_path / "config"))
    try:
        r = subprocess.run(
            [sys.executable, "-m", "tests.security.hostile_window", str(tmp_path / "lib"), str(fifo)],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=90,
            preexec_fn=_limit_memory,
        )
    except subprocess.TimeoutExpired:
        pytest.fail("the window hung on markup in user data (Qt read the FIFO)")
    assert r.returncode == 0, r.stderr[-2000:]
