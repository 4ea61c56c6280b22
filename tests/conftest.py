"""Shared fixtures: the shared corpus, real library folders, an isolated settings folder.

Qt runs offscreen (no display needed); settings go to a temporary folder so tests never touch
the developer's own configuration.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from hypothesis import settings

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

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

requires_shared = pytest.mark.skipif(not CORPUS.is_dir(), reason=f"shared corpus not found at {SHARED}")


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
