"""Where data lives: --library beats a portable marker beats the settings' choice beats the default."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from reader.locations import extended_windows_path, library_dir
from tests.conftest import CORPUS


@pytest.fixture
def app_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "U盘 公报阅读器"
    folder.mkdir()
    monkeypatch.setenv("GONGBAO_APP_DIR", str(folder))
    monkeypatch.delenv("GONGBAO_CONFIG_DIR", raising=False)
    monkeypatch.delenv("GONGBAO_CACHE_DIR", raising=False)
    return folder


def test_precedence(app_dir: Path, tmp_path: Path) -> None:
    assert library_dir().source == "default"
    assert library_dir(chosen=str(tmp_path / "选定 的库")).source == "settings"
    (app_dir / "portable").write_text("", encoding="utf-8")
    portable = library_dir(chosen=str(tmp_path / "选定 的库"))
    assert portable == type(portable)(app_dir / "GongbaoData" / "library", "portable")
    cli = library_dir(str(tmp_path / "命令 行"), chosen=str(tmp_path / "选定 的库"))
    assert (cli.path, cli.source) == (tmp_path / "命令 行", "--library")


def _cli(*args: str, env: dict) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "reader", *args], capture_output=True, text=True, encoding="utf-8", env=env
    )


def test_portable_mode_keeps_library_settings_and_cache_beside_the_app(app_dir: Path) -> None:
    (app_dir / "portable.txt").write_text("", encoding="utf-8")
    env = {**os.environ}
    info = json.loads(_cli("paths", "--json", env=env).stdout)
    data = app_dir / "GongbaoData"
    assert info == {
        "library": str(data / "library"),
        "library_source": "portable",
        "config": str(data / "config"),
        "cache": str(data / "cache"),
        "portable": True,
        "log": str(data / "cache" / "logs" / "gongbao.log"),  # the error log goes with the cache
    }
    if CORPUS.is_dir():  # a real import lands beside the app, in a path with Chinese and spaces
        r = _cli("import", str(CORPUS / "qinzhou-2019-01.txt"), "--json", env=env)
        assert r.returncode == 0, r.stderr
        assert (data / "library" / "library.sqlite").is_file()
        listed = json.loads(_cli("list", "--json", env=env).stdout)
        assert len(listed) > 5


def test_library_flag_wins_over_portable(app_dir: Path, tmp_path: Path) -> None:
    (app_dir / "portable").write_text("", encoding="utf-8")
    info = json.loads(
        _cli("--library", str(tmp_path / "别处 的库"), "paths", "--json", env={**os.environ}).stdout
    )
    assert info["library"] == str(tmp_path / "别处 的库") and info["library_source"] == "--library"


def test_long_windows_paths_get_the_extended_prefix() -> None:
    short = "C:\\Users\\张三\\公报"
    assert extended_windows_path(short) == short
    deep = "C:\\Users\\张三\\" + "很长的文件夹名称\\" * 40
    assert extended_windows_path(deep) == "\\\\?\\" + deep
    share = "\\\\server\\共享\\" + "资料\\" * 80
    assert extended_windows_path(share) == "\\\\?\\UNC\\server\\共享\\" + "资料\\" * 80
    assert extended_windows_path(extended_windows_path(deep)) == extended_windows_path(deep)
