"""The CLI as scripts use it: real processes, exit codes, and the JSON contract."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import CORPUS, DATA, load_gold, requires_shared

DOC_KEYS = {"title", "number", "issuer", "recipients", "date", "kind", "attachments", "citations", "text"}


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "reader", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=cwd,
        timeout=120,
    )


def test_parse_json_shape_without_a_library(tmp_path: Path) -> None:
    r = run("parse", str(DATA / "yulin_like.txt"), "--json", "--library", str(tmp_path / "never"))
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout)
    assert set(out) >= {"issue", "documents"}
    assert out["issue"]["city"] == "玉林市"
    assert all(set(d) >= DOC_KEYS for d in out["documents"])
    assert not (tmp_path / "never").exists()  # parse touches no library


@requires_shared
def test_parse_matches_gold_for_every_corpus_file() -> None:
    for path in sorted(CORPUS.glob("*.txt")):
        out = json.loads(run("parse", str(path), "--json").stdout)
        gold = load_gold(path.stem)
        assert [(d["title"], d["number"], d["date"], d["kind"]) for d in out["documents"]] == [
            (d["title"], d["number"], d["date"], d["kind"]) for d in gold["documents"]
        ]


def test_import_list_show_round_trip(tmp_path: Path) -> None:
    lib = str(tmp_path / "资料 库")
    r = run("import", str(DATA / "yulin_like.txt"), "--library", lib, "--json")
    assert r.returncode == 0, r.stderr
    result = json.loads(r.stdout)
    assert result["imported"] == 1 and result["failed"] == 0
    assert result["results"][0]["status"] == "imported"

    again = json.loads(run("import", str(DATA / "yulin_like.txt"), "--library", lib, "--json").stdout)
    assert again["present"] == 1 and again["imported"] == 0

    items = json.loads(run("--library", lib, "list", "--json").stdout)
    assert len(items) == 6
    assert all({"id", "title", "number", "issuer", "date", "kind", "issue"} <= set(i) for i in items)

    doc = json.loads(run("show", str(items[0]["id"]), "--library", lib, "--json").stdout)
    assert doc["title"] == items[0]["title"] and doc["text"]
    assert doc["issue"]["label"] == items[0]["issue"]

    text = run("show", str(items[0]["id"]), "--library", lib)
    assert text.returncode == 0 and items[0]["title"] in text.stdout


def test_partial_failure_exits_1_and_reports_each_file(tmp_path: Path) -> None:
    junk = tmp_path / "junk.txt"
    junk.write_bytes(bytes(range(256)) * 40)
    lib = str(tmp_path / "lib")
    r = run(
        "import",
        str(junk),
        str(DATA / "yulin_like.txt"),
        str(tmp_path / "missing.txt"),
        "--library",
        lib,
        "--json",
    )
    assert r.returncode == 1
    out = json.loads(r.stdout)
    statuses = {Path(x["path"]).name: (x["status"], x["category"]) for x in out["results"]}
    assert statuses == {
        "junk.txt": ("failed", "binary"),
        "yulin_like.txt": ("imported", None),
        "missing.txt": ("failed", "missing"),
    }
    human = run("import", str(junk), "--library", lib)
    assert human.returncode == 1
    assert "junk.txt" in human.stdout and "二进制" in human.stdout
    assert "Traceback" not in human.stderr + human.stdout


@pytest.mark.parametrize(
    "args",
    [("import",), ("show", "abc"), ("frobnicate",), ("list", "--sort", "nonsense")],
)
def test_usage_errors_exit_2(args: tuple[str, ...], tmp_path: Path) -> None:
    r = run(*args, "--library", str(tmp_path))
    assert r.returncode == 2


def test_missing_document_and_missing_library_exit_1(tmp_path: Path) -> None:
    r = run("show", "999", "--library", str(tmp_path / "lib"))
    assert r.returncode == 1 and "Traceback" not in r.stderr
    run("import", str(DATA / "yulin_like.txt"), "--library", str(tmp_path / "lib2"))
    r = run("show", "999", "--library", str(tmp_path / "lib2"))
    assert r.returncode == 1 and "999" in r.stderr


def test_parse_of_bad_input_is_clear(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    r = run("parse", str(empty))
    assert r.returncode == 1 and "空文档" in r.stderr and "Traceback" not in r.stderr
