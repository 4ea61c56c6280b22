"""The CLI's JSON shapes are a contract: every key the README promises is in the real output.

The README's command table gives each command's JSON as ``{"key", "key": …}``; this runs each
command on a real library and checks the top-level keys (and a list's first item's keys)."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import DATA, ROOT

CELL = re.compile(r"(?<!\\)\|")  # a table cell ends at a pipe that is not escaped as \|


def _promised() -> dict[str, list[str]]:
    """command -> the quoted keys at the top level of the first ``{…}`` in its row."""
    out: dict[str, list[str]] = {}
    for line in (ROOT / "README.md").read_text(encoding="utf-8").splitlines():
        cells = CELL.split(line)
        if len(cells) != 4 or not cells[1].strip().startswith("`"):
            continue
        cmd, desc = cells[1].strip().strip("`").split()[0], cells[2]
        if '{"' not in desc:
            continue
        text = desc[desc.index('{"') :]
        depth, keys, i = 0, [], 0
        while i < len(text):
            ch = text[i]
            if ch in "{[":
                depth += 1
            elif ch in "}]":
                depth -= 1
                if depth == 0:
                    break
            elif ch == '"':
                end = text.index('"', i + 1)
                if depth == 1:
                    keys.append(text[i + 1 : end])
                i = end
            i += 1
        out.setdefault(cmd, keys)
    return out


PROMISED = _promised()


@pytest.fixture(scope="module")
def lib(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("contract") / "lib"
    _run("import", str(DATA / "yulin_like.txt"), folder=folder)
    _run("annotate", "1", "--quote", "玉林", "--note", "n", folder=folder)
    return folder


def _run(*args: str, folder: Path) -> dict:
    r = subprocess.run(
        [sys.executable, "-m", "reader", *args, "--library", str(folder), "--json"],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
    )
    assert r.returncode in (0, 1), r.stderr
    return json.loads(r.stdout)


def _invocations(folder: Path, tmp: Path) -> dict[str, list[str]]:
    notes = tmp / "notes.json"
    _run("export", "--all", "--format", "json", "--out", str(notes), folder=folder)
    task = _run("tasks", folder=folder)["tasks"][0]["id"]
    return {
        "personnel": ["personnel", "--name", "王"],
        "tasks": ["tasks"],
        "task-done": ["task-done", task],
        "export-tasks": ["export-tasks", "--format", "csv", "--out", str(tmp / "tasks.csv")],
        "parse": ["parse", str(DATA / "yulin_like.txt")],
        "reparse": ["reparse", "--all"],
        "annotations": ["annotations", "1"],
        "tag": ["tag", "1", "重点"],
        "search": ["search", "玉林"],
        "export": ["export", "--all", "--format", "md", "--out", str(tmp / "x.md")],
        "import-annotations": ["import-annotations", str(notes)],
        "paths": ["paths"],
        "edit": ["edit", "2", "--date", "2019-01-16", "--number", "不规范的字号"],
        "split": ["split", "1", "--at-quote", "一、工作目标"],
        "merge": ["merge", "3"],
        "remove": ["remove", "6"],
        "trash": ["trash"],
        "corrections": ["corrections"],
        "show": ["show", "1"],
        "relations": ["relations", "1"],
        "ocr": ["ocr"],  # no scan in this library: nothing to read, with or without the add-on
    }


def test_the_readme_promises_shapes_for_these_commands() -> None:
    assert {
        "parse",
        "reparse",
        "annotations",
        "tag",
        "search",
        "export",
        "import-annotations",
        "paths",
        "edit",
        "split",
        "merge",
        "remove",
        "trash",
        "corrections",
        "show",
        "relations",
        "personnel",
        "tasks",
        "task-done",
        "export-tasks",
    } <= set(PROMISED)


@pytest.mark.parametrize("command", sorted(PROMISED))
def test_each_command_gives_the_keys_the_readme_promises(command: str, lib: Path, tmp_path: Path) -> None:
    calls = _invocations(lib, tmp_path)
    if command not in calls:
        pytest.fail(f"the README promises a JSON shape for {command!r}: add an invocation here")
    out = _run(*calls[command], folder=lib)
    missing = [k for k in PROMISED[command] if k not in out]
    assert missing == [], f"{command}: README promises {PROMISED[command]}, output has {sorted(out)}"


@pytest.mark.parametrize(
    "args",
    [
        ["annotations", "--color", "nonsense"],
        ["annotate", "1", "--quote", "玉林", "--color", "nonsense"],
        ["export", "--all", "--format", "md", "--out", "x.md", "--color", "nonsense"],
        ["search", "玉林", "--year", "二〇一九"],
    ],
)
def test_a_bad_option_value_is_a_usage_error_everywhere(args: list[str], lib: Path) -> None:
    r = subprocess.run(
        [sys.executable, "-m", "reader", *args, "--library", str(lib)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert r.returncode == 2 and ("颜色" in r.stderr or "年份" in r.stderr), r.stderr
