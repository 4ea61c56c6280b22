"""Finding 12: a full disk is said in words everywhere, never as a traceback (the library as it was).

Before: ``reindex`` on a full disk printed an OSError traceback.
"""

from __future__ import annotations

import errno
import sqlite3
from pathlib import Path

import pytest

from reader import cli
from reader.importer import import_file
from tests.conftest import DATA


def _full(*_a, **_k):
    raise OSError(errno.ENOSPC, "No space left on device")


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    from reader.library import Library

    lib_dir = tmp_path / "lib"
    with Library(lib_dir) as lib:
        src = tmp_path / "玉林.txt"
        src.write_text((DATA / "yulin_like.txt").read_text(encoding="utf-8"), encoding="utf-8")
        import_file(lib, src)
        lib.annotations.add_highlight(lib.documents()[0].id, 10, 20, "red", note="n")
    return lib_dir


def _said(capsys, code: int) -> str:
    out = capsys.readouterr()
    assert code == 1 and "Traceback" not in out.err + out.out
    return out.err


def test_reindex_on_a_full_disk(folder: Path, capsys, monkeypatch) -> None:
    from whoosh.filedb import structfile

    monkeypatch.setattr(structfile.StructFile, "write", _full)
    assert "磁盘已满" in _said(capsys, cli.main(["reindex", "--library", str(folder)]))


def test_export_on_a_full_disk(folder: Path, tmp_path: Path, capsys, monkeypatch) -> None:
    import os

    monkeypatch.setattr(os, "replace", _full)
    code = cli.main(
        ["export", "--all", "--format", "md", "--out", str(tmp_path / "x.md"), "--library", str(folder)]
    )
    assert "磁盘已满" in _said(capsys, code)
    assert not (tmp_path / "x.md").exists()


def test_backup_on_a_full_disk(folder: Path, capsys, monkeypatch) -> None:
    from reader.library import backup

    real = sqlite3.connect

    class FullDisk:  # a connection whose backup runs out of disk, as SQLite says it
        def __init__(self, conn):
            self._conn = conn

        def backup(self, *a, **k):
            raise sqlite3.OperationalError("database or disk is full")

        def __getattr__(self, name):
            return getattr(self._conn, name)

    monkeypatch.setattr(backup.sqlite3, "connect", lambda *a, **k: FullDisk(real(*a, **k)))
    assert "磁盘已满" in _said(capsys, cli.main(["backup", "--library", str(folder)]))
    assert not list((folder / "backups").glob("*.sqlite")) if (folder / "backups").exists() else True
