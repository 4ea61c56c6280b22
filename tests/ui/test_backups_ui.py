"""File → Backups and Restore: back up now, and go back to a backup from the running app."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from reader.importer import import_paths
from reader.library import Library
from reader.library.backup import backups, check_file, make_backup
from reader.settings import Settings
from reader.ui.main_window import MainWindow
from tests.conftest import DATA
from tests.helpers.dialogs import answer_boxes


def _library_with_highlight(folder: Path) -> str:
    with Library(folder) as lib:
        [outcome] = import_paths(lib, [DATA / "yulin_like.txt"])
        assert outcome.status == "imported"
        doc = lib.documents()[0]
        return lib.annotations.add_highlight(doc.id, 0, 6, "yellow", note="备份之前").uuid


def test_back_up_now_from_the_dialog(qtbot, tmp_path: Path) -> None:
    folder = tmp_path / "lib"
    _library_with_highlight(folder)
    lib = Library(folder)
    w = MainWindow(lib, Settings())
    qtbot.addWidget(w)
    dialog = w.backups.open_dialog()
    assert dialog.table.rowCount() == 0
    assert not dialog.restore_btn.isEnabled()
    dialog.backup_btn.click()
    qtbot.waitUntil(lambda: dialog.job is None, timeout=20000)
    [made] = backups(folder)
    assert made.reason == "manual" and check_file(made.path) is None
    assert dialog.table.rowCount() == 1
    assert dialog.restore_btn.isEnabled()
    assert str(made.path) in dialog.status.text()
    w.close()
    lib.close()


def test_a_read_only_library_offers_no_backup_or_restore(qtbot, tmp_path: Path) -> None:
    folder = tmp_path / "lib"
    _library_with_highlight(folder)
    make_backup(folder, "daily")
    lib = Library(folder, readonly=True)
    w = MainWindow(lib, Settings())
    qtbot.addWidget(w)
    dialog = w.backups.open_dialog()
    assert dialog.table.rowCount() == 1
    assert not dialog.backup_btn.isEnabled() and not dialog.restore_btn.isEnabled()
    w.close()
    lib.close()


def test_restoring_from_the_window_goes_back_and_reopens(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The whole path a user takes: menu, dialog, confirmation, the app restarting on the backup."""
    from reader.app import main

    folder = tmp_path / "公报 库"
    kept = _library_with_highlight(folder)
    make_backup(folder, "manual")
    with Library(folder) as lib:
        later = lib.annotations.add_highlight(lib.documents()[0].id, 10, 16, "red", note="备份之后").uuid
    asked = answer_boxes(monkeypatch, QMessageBox.StandardButton.Yes)
    windows: list[MainWindow] = []
    seen: list[set[str]] = []

    def drive() -> None:
        for w in QApplication.topLevelWidgets():
            if not isinstance(w, MainWindow) or not w.isVisible() or w in windows:
                continue
            windows.append(w)
            seen.append({h.uuid for h in w.library.annotations.highlights()})
            if len(windows) == 1:  # the user opens File → Backups and Restore, and restores
                w.actions_by_name["backups"].trigger()
                dialog = w.backups.dialog
                dialog.table.selectRow(0)
                dialog.restore_btn.click()
            else:  # the app came back on the restored library
                w.close()

    timer = QTimer()
    timer.timeout.connect(drive)
    timer.start(50)
    try:
        assert main(["--library", str(folder), "--no-welcome", "--lang", "en"]) == 0
    finally:
        timer.stop()
    assert "replaced" in asked[0]
    assert seen == [{kept, later}, {kept}]
    assert "restored" in windows[1].last_notice.lower() or "恢复" in windows[1].last_notice
    [aside] = folder.glob("replaced-*/library.sqlite")
    with Library(folder) as lib:  # what the user went back from is kept, whole
        assert {h.uuid for h in lib.annotations.highlights()} == {kept}
    assert check_file(aside) is None
