"""Settings (language, theme, text size, library folder) and About (version and licences)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QTextBrowser

from reader import __version__
from reader.settings import Settings


def test_settings_dialog_applies_and_saves(qtbot, issue_window, tmp_path: Path) -> None:
    w, _lib = issue_window
    dialog = w.preferences.open_dialog()
    assert dialog.isVisible() and dialog.library.isEnabled()
    dialog.theme.setCurrentIndex(dialog.theme.findData("sepia"))
    dialog.font_pt.setValue(18)
    dialog.library.setText(str(tmp_path / "新的 资料库"))
    dialog.accept()
    assert w.settings.theme == "sepia" and w.actions_by_name["theme_sepia"].isChecked()
    assert w.pane.text_view.font_pt == 18
    saved = Settings.load()
    assert (saved.theme, saved.font_pt, saved.library) == ("sepia", 18, str(tmp_path / "新的 资料库"))


def test_a_library_given_on_the_command_line_is_not_changed_from_settings(qtbot, issue_window) -> None:
    w, lib = issue_window
    w.library_source = "--library"
    dialog = w.preferences.open_dialog()
    assert not dialog.library.isEnabled() and dialog.library.text() == str(lib.folder)
    assert dialog.library_changed() is None
    dialog.reject()


def test_about_names_the_version_and_every_bundled_licence(qtbot, issue_window) -> None:
    w, _lib = issue_window
    dialog = w.about()
    text = dialog.findChild(QTextBrowser).toPlainText()
    assert __version__ in text
    for name in ("AGPL", "PyMuPDF", "Qt", "LGPL", "whoosh", "jieba", "python-docx", "SQLite"):
        assert name in text, name
    dialog.reject()


def test_a_new_language_offers_to_reopen_the_window_in_it(qtbot, tmp_path, monkeypatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    from reader.library import Library
    from reader.settings import Settings
    from reader.ui.main_window import MainWindow

    lib = Library(tmp_path / "lib")
    settings = Settings()
    w = MainWindow(lib, settings)
    qtbot.addWidget(w)
    w.show()
    asked: list[str] = []

    def exec_(box: QMessageBox) -> int:
        asked.append(box.text())
        return 0

    def restart_button(box: QMessageBox):
        return next(b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole)

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    monkeypatch.setattr(QMessageBox, "clickedButton", restart_button)
    w.preferences.set_language("en")
    assert asked and settings.language == "en"
    assert w.preferences.restart_requested and not w.isVisible()  # app.main opens it again, in English
    lib.close()
