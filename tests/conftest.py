"""Shared fixtures: the shared corpus, real library folders, an isolated settings folder.

Qt runs offscreen (no display needed); settings go to a temporary folder so tests never touch
the developer's own configuration.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

import pytest
from hypothesis import settings

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# caches and the log of this run stay out of the developer's own (children inherit it)
os.environ.setdefault("GONGBAO_CACHE_DIR", tempfile.mkdtemp(prefix="gongbao-test-cache-"))

# The suite is deterministic: Hypothesis draws the same examples on every run and every machine
# (HYPOTHESIS_PROFILE=explore searches afresh, for a developer hunting new failures).
settings.register_profile("suite", derandomize=True, database=None)
settings.register_profile("explore", derandomize=False)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "suite"))

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"


def shared_dir() -> Path:
    """``../shared`` beside the checkout (as CI lays it out), or ``$GONGBAO_SHARED``."""
    env = os.environ.get("GONGBAO_SHARED")
    return Path(env) if env else ROOT.parent / "shared"


SHARED = shared_dir()
CORPUS = SHARED / "corpus"
GOLD = SHARED / "gold"
BADINPUT = SHARED / "badinput"
CORPUS_NAMES = sorted(p.stem for p in CORPUS.glob("*.txt")) if CORPUS.is_dir() else []

# The suite is measured on the shared corpus: without it the run fails, unless a developer asks
# for the tests that need it to be skipped (GONGBAO_ALLOW_NO_SHARED=1).
SHARED_OPTIONAL = os.environ.get("GONGBAO_ALLOW_NO_SHARED") == "1"
requires_shared = pytest.mark.skipif(not CORPUS.is_dir(), reason=f"shared corpus not found at {SHARED}")


def pytest_sessionstart(session: pytest.Session) -> None:
    if not CORPUS.is_dir() and not SHARED_OPTIONAL:
        pytest.exit(
            f"the shared corpus is not at {SHARED} (set GONGBAO_SHARED=/path, or "
            "GONGBAO_ALLOW_NO_SHARED=1 to skip the tests that need it)",
            returncode=1,
        )


@pytest.fixture(autouse=True)
def _no_window_outlives_its_test():
    """A dialog a test left open must not answer for the next test (or block its event loop)."""
    yield
    import sys

    if "PySide6.QtWidgets" not in sys.modules:
        return
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is None:
        return
    for w in QApplication.topLevelWidgets():
        if w.isVisible():
            w.close()


def load_gold(name: str) -> dict:
    path = GOLD / f"{name}.json" if (GOLD / f"{name}.json").exists() else DATA / f"{name}.json"
    return json.loads(path.read_text(encoding="utf-8"))


@pytest.fixture(autouse=True)
def _isolated_settings(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GONGBAO_CONFIG_DIR", str(tmp_path_factory.mktemp("config")))


@pytest.fixture
def library(tmp_path: Path):
    """A real, empty library in a temporary folder."""
    from reader.library import Library

    lib = Library(tmp_path / "库 library")
    yield lib
    lib.close()


@pytest.fixture
def corpus_files() -> list[Path]:
    if not CORPUS.is_dir():
        pytest.skip(f"shared corpus not found at {SHARED}")
    return sorted(CORPUS.glob("*.txt"))


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """Fail a run that leaves child processes behind (an indexer or renderer nobody stopped).

    Such a child once kept the whole suite from exiting after its last test, until CI gave up.
    """
    import multiprocessing

    left = [f"{p.name} (pid {p.pid})" for p in multiprocessing.active_children()]
    if left:
        print(f"\nchild processes left running after the tests: {', '.join(left)}")
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
