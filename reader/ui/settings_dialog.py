"""Settings: language, theme, font size, colour meanings and where the library is."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QWidget,
)

from reader.locations import LibraryChoice
from reader.settings import THEMES, Settings
from reader.ui.i18n import LANGUAGES
from reader.ui.messages import plain_label


class SettingsDialog(QDialog):
    """Edits a copy of the values; the window applies them when the dialog is accepted."""

    def __init__(self, settings: Settings, library: LibraryChoice, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.setWindowTitle(self.tr("Settings"))
        form = QFormLayout(self)
        self.language = QComboBox(self)
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(settings.language or "zh_CN")))
        form.addRow(self.tr("Language"), self.language)
        self.theme = QComboBox(self)
        names = {"light": self.tr("Light"), "sepia": self.tr("Sepia"), "dark": self.tr("Dark")}
        for theme in THEMES:
            self.theme.addItem(names[theme], theme)
        self.theme.setCurrentIndex(self.theme.findData(settings.theme))
        form.addRow(self.tr("Theme"), self.theme)
        self.font_pt = QDoubleSpinBox(self)
        self.font_pt.setRange(8.0, 40.0)
        self.font_pt.setSingleStep(1.0)
        self.font_pt.setDecimals(0)
        self.font_pt.setValue(settings.font_pt)
        form.addRow(self.tr("Text size (pt)"), self.font_pt)
        self.palette_button = QPushButton(self.tr("Colour meanings…"), self)
        form.addRow(self.tr("Highlight colours"), self.palette_button)
        where = QHBoxLayout()
        self.library = QLineEdit(settings.library or str(library.path), self)
        self.library.setEnabled(library.source in ("settings", "default"))
        browse = QPushButton(self.tr("Change…"), self)
        browse.setEnabled(self.library.isEnabled())
        browse.clicked.connect(self._browse)
        where.addWidget(self.library, 1)
        where.addWidget(browse)
        form.addRow(self.tr("Library folder"), where)
        notes = {
            "--library": self.tr("Chosen on the command line (--library) for this session."),
            "portable": self.tr("Portable mode: the library is kept beside the program."),
        }
        hint = plain_label(
            self, notes.get(library.source, self.tr("A new folder is used from the next start."))
        )
        hint.setWordWrap(True)
        form.addRow("", hint)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self._initial_library = self.library.text()
        self.setMinimumWidth(560)

    def _browse(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Library folder"), self.library.text())
        if chosen:
            self.library.setText(chosen)

    def library_changed(self) -> str | None:
        """The newly chosen library folder, if the user changed it."""
        text = self.library.text().strip()
        if not self.library.isEnabled() or not text or text == self._initial_library:
            return None
        return str(Path(text).expanduser())
