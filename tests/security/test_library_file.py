"""Finding 11: a crafted ``library.sqlite`` is not trusted.

Before: a trigger planted in the file deleted every highlight on the next ``tag``, and
``check --full`` said ok; ``check`` also said ok for a schema too new to open.
"""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from reader.errors import LibraryError
from reader.importer import import_file
from reader.library import Library
from reader.library.backup import check_file
from tests.conftest import DATA


def _run(*args: str, folder: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "reader", *args, "--library", str(folder), "--json"],
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.fixture
def planted(tmp_path: Path) -> Path:
    folder = tmp_path / "lib"
    with Library(folder) as lib:
        src = tmp_path / "玉林.txt"
        src.write_text((DATA / "yulin_like.txt").read_text(encoding="utf-8"), encoding="utf-8")
        import_file(lib, src)
        doc = lib.documents()[0]
        lib.annotations.add_highlight(doc.id, 10, 20, "red", note="要紧")
    conn = sqlite3.connect(folder / "library.sqlite")
    conn.execute("CREATE TRIGGER evil AFTER INSERT ON document_tags BEGIN DELETE FROM highlights; END")
    conn.commit()
    conn.close()
    return folder


def test_a_planted_trigger_never_runs(planted: Path) -> None:
    r = _run("tag", "1", "重点", folder=planted)
    assert r.returncode == 1 and "触发器 evil" in json.loads(r.stdout)["error"]
    conn = sqlite3.connect(planted / "library.sqlite")
    assert conn.execute("SELECT COUNT(*) FROM highlights").fetchone()[0] == 1  # still there
    conn.close()
    with pytest.raises(LibraryError, match="篡改"):
        Library(planted)


def test_check_reports_planted_objects_and_a_newer_schema(planted: Path, tmp_path: Path) -> None:
    for args in (("check",), ("check", "--full")):
        r = _run(*args, folder=planted)
        out = json.loads(r.stdout)
        assert r.returncode == 1 and not out["ok"] and "evil" in out["problem"], args
    assert "evil" in (check_file(planted / "library.sqlite") or "")
    newer = tmp_path / "newer"
    Library(newer).close()
    conn = sqlite3.connect(newer / "library.sqlite")
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    r = _run("check", folder=newer)
    assert r.returncode == 1 and "比本程序支持的版本" in json.loads(r.stdout)["problem"]
