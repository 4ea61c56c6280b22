"""The repair commands as scripts use them: real processes, exit codes, nothing changed on refusal."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import DATA, ROOT


def run(folder: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "reader", *args, "--library", str(folder)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        cwd=ROOT,
    )


def js(folder: Path, *args: str) -> tuple[int, dict]:
    r = run(folder, *args, "--json")
    return r.returncode, json.loads(r.stdout)


@pytest.fixture
def lib(tmp_path: Path) -> Path:
    folder = tmp_path / "库"
    assert run(folder, "import", str(DATA / "yulin_like.txt")).returncode == 0
    assert run(folder, "annotate", "1", "--quote", "工作目标", "--note", "目标").returncode == 0
    return folder


def _listing(folder: Path) -> list[dict]:
    return js(folder, "list")[1]


@pytest.mark.parametrize(
    "args",
    [
        ["edit", "2", "--date", "2019-02-30"],
        ["edit", "2", "--title", "  "],
        ["edit", "99", "--date", "2019-01-01"],
        ["edit", "2"],
        ["split", "1", "--at-quote", "这段话不在文中"],
        ["split", "1", "--at-quote", "工作目标", "--occurrence", "5"],
        ["split", "99", "--at-quote", "工作目标"],
        ["merge", "1"],
        ["merge", "99"],
        ["remove", "99"],
        ["remove", "--issue", "99"],
        ["remove"],
        ["trash", "--restore", "42"],
    ],
)
def test_a_refused_repair_exits_1_with_a_json_error_and_changes_nothing(lib: Path, args: list[str]) -> None:
    before = _listing(lib)
    code, out = js(lib, *args)
    assert code == 1 and out["error"], out
    assert _listing(lib) == before
    assert js(lib, "corrections")[1]["corrections"] == []


def test_an_unknown_kind_is_a_usage_error_like_everywhere(lib: Path) -> None:
    before = _listing(lib)
    r = run(lib, "edit", "2", "--kind", "诗歌")
    assert r.returncode == 2 and "没有这个文种：诗歌" in r.stderr
    assert _listing(lib) == before


def test_edit_split_merge_round_trip_with_highlights(lib: Path) -> None:
    code, out = js(lib, "edit", "2", "--date", "2019-01-16", "--number", "不规范的字号", "--kind", "意见")
    assert code == 0 and set(out["changed"]) == {"date", "number", "kind"}
    assert out["document"]["number_flagged"] and out["warnings"]
    assert [d["date"] for d in _listing(lib) if d["id"] == 2] == ["2019-01-16"]
    code, out = js(lib, "split", "1", "--at-quote", "玉林市2019年重大项目建设工作方案", "--occurrence", "2")
    assert code == 0, out
    new = out["new_document_id"]
    assert out["highlights_moved"] == 1
    [hl] = js(lib, "annotations", str(new))[1]["highlights"]
    assert hl["quote"] == "工作目标" and hl["note"] == "目标"
    assert [d["id"] for d in _listing(lib)][:3] == [1, new, 2]
    code, out = js(lib, "merge", str(new))
    assert code == 0 and out["document_id"] == 1 and out["merged_document_id"] == new
    assert js(lib, "annotations", "1")[1]["highlights"][0]["quote"] == "工作目标"
    kinds = [c["kind"] for c in js(lib, "corrections")[1]["corrections"]]
    assert sorted(kinds) == ["field", "field", "field", "merge"]
    code, out = js(lib, "reparse", "--all")  # the repairs are replayed over a fresh split
    assert code == 0 and out["results"][0]["status"] == "unchanged"


def test_remove_hides_from_list_search_and_export_and_trash_restores(lib: Path, tmp_path: Path) -> None:
    code, out = js(lib, "remove", "--issue", "1")
    assert code == 0 and out["highlights"] == 1 and out["entries"][0]["whole_issue"]
    assert _listing(lib) == []
    assert js(lib, "search", "河长制")[1]["total"] == 0
    r = run(lib, "export", "--all", "--format", "md", "--out", str(tmp_path / "x.md"))
    assert r.returncode == 1  # nothing left in scope
    again = json.loads(run(lib, "import", str(DATA / "yulin_like.txt"), "--json").stdout)
    assert again["results"][0]["status"] == "present" and again["results"][0]["in_trash"] == 1
    code, out = js(lib, "trash", "--restore", str(out["entries"][0]["id"]))
    assert code == 0 and out["entries"] == [] and out["restored"][0]["highlights"] == 1
    assert len(_listing(lib)) == 6
    assert js(lib, "search", "河长制")[1]["total"] == 1
    assert js(lib, "annotations", "1")[1]["highlights"][0]["note"] == "目标"


def test_emptying_the_trash_deletes_the_original_only_when_nothing_refers_to_it(lib: Path) -> None:
    stored = list((lib / "files").rglob("*.txt"))
    assert len(stored) == 1
    code, _ = js(lib, "remove", "3", "4")
    assert code == 0
    code, out = js(lib, "trash", "--empty")
    assert code == 0 and out["emptied"]["documents"] == 2 and out["emptied"]["files"] == 0
    assert stored[0].exists() and len(_listing(lib)) == 4
    code, _ = js(lib, "remove", "--issue", "1")
    code, out = js(lib, "trash", "--empty")
    assert out["emptied"] == {"entries": 1, "issues": 1, "documents": 4, "highlights": 1, "files": 1}
    assert not stored[0].exists()
    code, out = js(lib, "import", str(DATA / "yulin_like.txt"))  # gone for good: imported afresh
    assert out["imported"] == 1


@pytest.mark.skipif(os.name == "nt" or os.geteuid() == 0, reason="root ignores permissions")
def test_a_read_only_library_refuses_every_repair(lib: Path) -> None:
    db = lib / "library.sqlite"
    mode = db.stat().st_mode
    db.chmod(stat.S_IRUSR)
    lib.chmod(stat.S_IRUSR | stat.S_IXUSR)
    try:
        for args in (
            ["edit", "2", "--date", "2019-01-01"],
            ["merge", "2"],
            ["remove", "2"],
            ["trash", "--empty"],
        ):
            code, out = js(lib, *args)
            assert code == 1 and "只读" in out["error"], (args, out)
    finally:
        lib.chmod(stat.S_IRWXU)
        db.chmod(mode)
