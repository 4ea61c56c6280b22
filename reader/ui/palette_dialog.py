"""Name what each highlight colour means (任务, 时限, 责任单位 …); stored in the settings."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QWidget

from reader.palette import DEFAULT_PALETTE
from reader.ui.messages import plain_label
from reader.ui.widgets import swatch


class PaletteDialog(QDialog):
    def __init__(self, meanings: dict[str, str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("paletteDialog")
        self.setWindowTitle(self.tr("Colour meanings"))
        form = QFormLayout(self)
        form.addRow(QLabel(self.tr("What each highlight colour means to you:"), self))
        self.edits: dict[str, QLineEdit] = {}
        for c in DEFAULT_PALETTE:
            edit = QLineEdit(meanings.get(c.key) or c.meaning, self)
            edit.setPlaceholderText(c.meaning)
            label = plain_label(self)
            label.setPixmap(swatch(c.hex).pixmap(18, 18))
            form.addRow(label, edit)
            self.edits[c.key] = edit
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def meanings(self) -> dict[str, str]:
        """Only what differs from the defaults is kept, so new defaults still reach users."""
        defaults = {c.key: c.meaning for c in DEFAULT_PALETTE}
        return {
            k: e.text().strip()
            for k, e in self.edits.items()
            if e.text().strip() and e.text().strip() != defaults[k]
        }
