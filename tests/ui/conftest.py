"""A real main window on a real library holding one corpus issue (imported the way a user does)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication

from reader.library import Library
from reader.settings import Settings
from reader.ui.fonts import install_app_font
from reader.ui.main_window import MainWindow
from tests.conftest import CORPUS


@pytest.fixture(autouse=True)
def _one_language():
    """Every UI test sees the same language: English source strings and an English locale
    (a test that wants Chinese installs the translators itself and removes them)."""
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    yield


@pytest.fixture
def issue_window(qtbot, tmp_path: Path):
    """(window, library) after importing 钦州 2019年第9期 through the window's own import."""
    if not CORPUS.is_dir():
        pytest.skip("shared corpus not found")
    install_app_font(QApplication.instance())
    lib = Library(tmp_path / "lib")
    w = MainWindow(lib, Settings())
    qtbot.addWidget(w)
    w.show()
    with qtbot.waitSignal(w.imports.finished, timeout=30000):
        w.imports.start([str(CORPUS / "qinzhou-2019-09.txt")])
    yield w, lib
    w.close()
    lib.close()
