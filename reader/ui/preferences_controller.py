"""The reader's preferences applied to the window: theme, language, font size, colour meanings,
window layout, and the settings dialog. Every change is saved at once (a crash keeps it)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QObject
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from reader.ui.messages import message_box
from reader.ui.palette_dialog import PaletteDialog
from reader.ui.theme import apply_window_theme

if TYPE_CHECKING:
    from reader.ui.main_window import MainWindow


class PreferencesController(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.settings = window.settings

    restart_requested = False  # the window closes to open again (a new language)

    def apply(self) -> None:
        """Bring the window to the stored settings (at start)."""
        w, s = self.window, self.settings
        w.annotations_panel.set_palette(w.colours())
        w.search_panel.set_history(s.extra.get("search_history", []))
        w.pane.text_view.font_pt = s.font_pt
        apply_window_theme(QApplication.instance(), s.theme)
        w.pane.set_theme(s.theme)
        if s.window_geometry:
            w.restoreGeometry(QByteArray.fromBase64(s.window_geometry.encode()))
        if s.window_state:
            w.restoreState(QByteArray.fromBase64(s.window_state.encode()))

    def font_size_changed(self, pt: int) -> None:
        """The text view's font size, however it was changed (menu, shortcut, toolbar button)."""
        if pt != self.settings.font_pt:
            self.settings.font_pt = pt
            self.settings.save()

    def set_theme(self, theme: str) -> None:
        self.settings.theme = theme
        apply_window_theme(QApplication.instance(), theme)
        self.window.pane.set_theme(theme)
        self.window.actions_by_name[f"theme_{theme}"].setChecked(True)
        self.settings.save()

    def set_language(self, code: str) -> None:
        """Save the language; offer to reopen the window in it now (the place is kept)."""
        self.settings.language = code
        self.settings.save()
        box = message_box(
            self.window,
            QMessageBox.Icon.Information,
            self.tr("Language"),
            self.tr("The new language applies when the window opens again."),
        )
        now = box.addButton(self.tr("Restart Now"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Later"), QMessageBox.ButtonRole.RejectRole)
        box.exec()
        if box.clickedButton() is now:
            self.restart_requested = True
            self.window.close()

    def open_palette(self) -> None:
        dialog = PaletteDialog(self.settings.palette, self.window)
        if dialog.exec():
            self.set_palette_meanings(dialog.meanings())

    def set_palette_meanings(self, meanings: dict[str, str]) -> None:
        """Rename what colours mean; stored highlights keep their colour keys."""
        w = self.window
        self.settings.palette = meanings
        self.settings.save()
        w.annotations_panel.set_palette(w.colours())
        if w.pane.doc is not None:
            w.show_highlights(w.pane.doc.id)
        w.annotations_panel.refresh()

    def open_dialog(self) -> QWidget:
        from reader.locations import library_dir
        from reader.ui.settings_dialog import SettingsDialog

        w = self.window
        source = w.library_source
        choice = library_dir(chosen=self.settings.library or None)
        if source in ("--library", "portable"):
            choice = type(choice)(w.library.folder, source)
        dialog = SettingsDialog(self.settings, choice, w)
        dialog.palette_button.clicked.connect(self.open_palette)
        dialog.accepted.connect(lambda: self.apply_dialog(dialog))
        dialog.open()
        return dialog

    def apply_dialog(self, dialog) -> None:
        language = dialog.language.currentData()
        if language != (self.settings.language or "zh_CN"):
            self.set_language(language)
        self.set_theme(dialog.theme.currentData())
        self.window.pane.text_view.set_font_size(dialog.font_pt.value())
        changed = dialog.library_changed()
        if changed:
            self.settings.library = changed
            self.window.statusBar().showMessage(
                self.tr("The library folder changes at the next start."), 10000
            )
        self.settings.save()

    def save_layout(self) -> None:
        w = self.window
        self.settings.window_geometry = bytes(w.saveGeometry().toBase64()).decode()
        self.settings.window_state = bytes(w.saveState().toBase64()).decode()
        self.settings.save()
