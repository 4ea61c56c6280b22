"""At start a damaged library offers the newest sound backup (the dialog answered as a user would)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from reader.app import _healthy_or_restored
from reader.library import Library
from reader.library.backup import check_at_start, make_backup
from tests.helpers.dialogs import answer_boxes
from tests.library.test_backup import _damage


def _library_with_backup(folder: Path) -> None:
    with Library(folder) as lib:
        # a few pages to damage (in a table of its own, as a library's schema must stay its own)
        lib.db.conn.executemany(
            "INSERT INTO tags (name) VALUES (?)", [(f"填充{k}" * 100,) for k in range(200)]
        )
    make_backup(folder, "daily")


def _damaged_without_backup(folder: Path) -> Path:
    _library_with_backup(folder)
    for b in (folder / "backups").iterdir():
        b.unlink()
    _damage(folder / "library.sqlite")
    return folder


def test_damaged_library_is_restored_when_the_user_agrees(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "公报 库"
    _library_with_backup(folder)
    _damage(folder / "library.sqlite")
    asked = answer_boxes(monkeypatch, QMessageBox.StandardButton.Yes)
    assert _healthy_or_restored(folder)
    assert "资料库已损坏" in asked[0]
    assert check_at_start(folder).ok
    assert list(folder.glob("damaged-*/library.sqlite"))


def test_damaged_library_without_a_backup_is_said_and_not_opened_if_the_user_declines(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = _damaged_without_backup(tmp_path / "lib")
    said = answer_boxes(monkeypatch, QMessageBox.StandardButton.No)
    assert not _healthy_or_restored(folder)
    assert "没有可用的备份" in said[0]
    assert not check_at_start(folder).ok  # left exactly as it was
    assert not list(folder.glob("damaged-*"))


def test_damaged_library_without_a_backup_can_start_afresh_keeping_the_damaged_file(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = _damaged_without_backup(tmp_path / "lib")
    damaged = folder / "library.sqlite"
    before = damaged.read_bytes()
    answer_boxes(monkeypatch, QMessageBox.StandardButton.Yes)
    assert _healthy_or_restored(folder)
    [kept] = folder.glob("damaged-*/library.sqlite")
    assert kept.read_bytes() == before
    with Library(folder) as lib:  # a new, empty, sound library
        assert lib.counts() == {"issues": 0, "documents": 0}
    assert check_at_start(folder).ok
