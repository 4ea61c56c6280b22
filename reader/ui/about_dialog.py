"""Help → About: the version, the licence, and the licences of everything bundled (PyMuPDF is AGPL)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from reader import __version__
from reader.resources import resource


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setWindowTitle(self.tr("About Gongbao Reader"))
        lay = QVBoxLayout(self)
        text = QTextBrowser(self)
        text.setOpenExternalLinks(False)
        intro = self.tr(
            "Gongbao Reader %1\n\nAn offline reader for government gazettes.\n"
            "Licensed under the GNU AGPL v3 or later."
        ).replace("%1", __version__)
        notices = resource("licenses", "THIRD-PARTY.md")
        body = notices.read_text(encoding="utf-8") if notices.is_file() else ""
        text.setMarkdown("\n\n".join(intro.split("\n")) + "\n\n" + body)  # our own file, not user data
        lay.addWidget(text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        self.resize(720, 560)
