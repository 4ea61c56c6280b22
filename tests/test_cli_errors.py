"""What a script or a user without a display is told when something is wrong."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from reader.app import NO_DISPLAY, display_missing
from tests.conftest import DATA, ROOT


def run(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "reader", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        cwd=ROOT,
        env=env,
    )


@pytest.fixture(scope="module")
def lib(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("errors") / "lib"
    assert run("import", str(DATA / "yulin_like.txt"), "--library", str(folder)).returncode == 0
    return folder


def test_an_error_with_json_is_json_with_a_category(lib: Path) -> None:
    r = run("show", "9999", "--json", "--library", str(lib))
    assert r.returncode == 1
    assert json.loads(r.stdout) == {"error": "没有编号为 9999 的文档", "category": "not_found"}
    assert "9999" in r.stderr  # and said in words where a person reads it


def test_an_unknown_kind_is_a_usage_error(lib: Path) -> None:
    r = run("list", "--kind", "notic", "--library", str(lib))
    assert r.returncode == 2 and "没有这个文种：notic" in r.stderr and "notice（通知）" in r.stderr
    by_name = json.loads(run("list", "--kind", "通知", "--json", "--library", str(lib)).stdout)
    by_key = json.loads(run("list", "--kind", "notice", "--json", "--library", str(lib)).stdout)
    assert by_name == by_key and len(by_key) == 3


def test_a_file_given_as_the_library_is_called_a_file(tmp_path: Path) -> None:
    afile = tmp_path / "passwd"
    afile.write_text("root:x:0:0\n", encoding="utf-8")
    r = run("list", "--json", "--library", str(afile))
    out = json.loads(r.stdout)
    assert r.returncode == 1 and out["category"] == "library" and "是一个文件" in out["error"]
    assert "只读" not in out["error"]


def test_a_refused_file_is_named_once(tmp_path: Path) -> None:
    binary = tmp_path / "程序.txt"
    binary.write_bytes(bytes(range(256)) * 40)
    r = run("parse", str(binary), "--json")
    out = json.loads(r.stdout)
    assert r.returncode == 1 and out["category"] == "binary"
    assert out["error"].count("文本文件") == 1, out


def test_without_a_display_the_app_says_so_in_chinese_and_exits_1(tmp_path: Path) -> None:
    assert display_missing({}, "linux") and not display_missing({"DISPLAY": ":0"}, "linux")
    assert not display_missing({"QT_QPA_PLATFORM": "offscreen"}, "linux") and not display_missing({}, "win32")
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    if not sys.platform.startswith("linux"):
        pytest.skip("a display is always there on Windows and macOS")
    r = run("--library", str(tmp_path / "lib"), env=env)
    assert r.returncode == 1 and NO_DISPLAY.splitlines()[0] in r.stderr
    assert "xcb" not in r.stderr and not (tmp_path / "lib").exists()


def test_search_says_when_it_indexes_first_and_when_the_app_has_the_library(tmp_path: Path) -> None:
    from reader.library.lock import LibraryLock

    folder = tmp_path / "lib"
    assert run("import", str(DATA / "yulin_like.txt"), "--library", str(folder)).returncode == 0
    first = run("search", "河长制", "--json", "--library", str(folder))
    assert first.returncode == 0 and json.loads(first.stdout)["total"] == 1
    assert "检索索引：6 篇文档" in first.stderr  # the first search after an import indexes, and says so
    again = run("search", "河长制", "--json", "--library", str(folder))
    assert again.stderr == "" and json.loads(again.stdout)["total"] == 1
    assert run("tag", "2", "督办", "--library", str(folder)).returncode == 0
    lock = LibraryLock(folder)
    assert lock.acquire()  # the app is running on this library
    try:
        busy = run("search", "河长制", "--json", "--library", str(folder))
    finally:
        lock.release()
    assert busy.returncode == 0 and "正在使用" in busy.stderr and json.loads(busy.stdout)["total"] == 1


def test_help_and_usage_errors_are_in_chinese() -> None:
    helped = run("list", "--help")
    assert (
        helped.returncode == 0 and helped.stdout.startswith("用法：") and "显示此帮助并退出" in helped.stdout
    )
    wrong = run("list", "--sort", "nonsense")
    assert wrong.returncode == 2 and "无效的选择" in wrong.stderr and "usage" not in wrong.stderr
    missing = run("split", "1")
    assert missing.returncode == 2 and "缺少必需的参数：--at-quote" in missing.stderr


def test_a_folder_import_counts_the_files_it_passes_over(tmp_path: Path) -> None:
    folder = tmp_path / "收件"
    folder.mkdir()
    (folder / "公报.txt").write_bytes((DATA / "yulin_like.txt").read_bytes())
    (folder / "表格.xlsx").write_bytes(b"PK\x03\x04")
    (folder / "说明.pages").write_bytes(b"PK\x03\x04")
    (folder / ".隐藏").write_bytes(b"x")
    r = run("import", str(folder), "--json", "--library", str(tmp_path / "lib"))
    out = json.loads(r.stdout)
    assert r.returncode == 0 and out["imported"] == 1 and out["skipped"] == 2
    text = run("import", str(folder), "--library", str(tmp_path / "lib"))
    assert "另有 2 个文件" in text.stdout
