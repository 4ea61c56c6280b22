"""The self-test, from source and from the PyInstaller bundle built with build.spec."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

BUNDLE_LIMIT_MB = 250


def test_selftest_from_source_passes() -> None:
    r = subprocess.run(
        [sys.executable, "-m", "reader", "--selftest"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )
    assert r.returncode == 0, r.stdout + r.stderr
    lines = r.stdout.splitlines()
    assert lines[-1] == "PASS"
    assert [line.split()[1] for line in lines if line.startswith("ok ")] == [
        "import",
        "index",
        "search",
        "annotate",
        "export",
        "relations",
    ]


@pytest.mark.bundle
@pytest.mark.timeout(600)
def test_the_frozen_app_built_from_build_spec_passes_its_selftest(tmp_path: Path) -> None:
    if importlib.util.find_spec("PyInstaller") is None:
        pytest.skip("PyInstaller is not installed (pip install -e '.[build]')")
    dist, work = tmp_path / "dist", tmp_path / "build"
    build = subprocess.run(
        [  # this interpreter's PyInstaller: a `pyinstaller` on PATH may be another Python's
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--log-level",
            "WARN",
            "--distpath",
            str(dist),
            "--workpath",
            str(work),
            str(ROOT / "build.spec"),
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=600,
    )
    assert build.returncode == 0, build.stderr[-3000:]
    app = dist / "gongbao" / ("gongbao.exe" if sys.platform == "win32" else "gongbao")
    assert app.is_file()
    files = [f for f in (dist / "gongbao").rglob("*") if f.is_file() and not f.is_symlink()]
    size = sum(f.stat().st_size for f in files) / 1e6  # links (Linux) point at files counted once
    assert size < BUNDLE_LIMIT_MB, f"bundle is {size:.0f} MB"
    env = {
        **os.environ,
        "GONGBAO_CONFIG_DIR": str(tmp_path / "config"),
        "GONGBAO_CACHE_DIR": str(tmp_path / "cache"),
    }
    r = subprocess.run(
        [str(app), "--selftest"], capture_output=True, text=True, encoding="utf-8", env=env, timeout=120
    )
    assert r.returncode == 0, r.stdout + r.stderr
    assert r.stdout.splitlines()[-1] == "PASS" and "frozen" in r.stdout.splitlines()[0]
    cli = subprocess.run([str(app), "--version"], capture_output=True, text=True, timeout=60)
    assert cli.returncode == 0 and "0." in cli.stdout
