"""帮助: the keyboard shortcuts (read from the actions themselves, so the list is never out of
date) and a short guide to the reading loop."""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QPlainTextEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)


def _plain(text: str) -> str:
    """A menu text without its mnemonic: ``&Find…`` → ``Find…``, ``查找(&F)…`` → ``查找…``."""
    import re

    return re.sub(r"\(&\w\)", "", text).replace("&", "")


class ShortcutsDialog(QDialog):
    def __init__(
        self, actions: dict[str, QAction], extra: list[tuple[str, str]], parent: QWidget | None = None
    ):
        super().__init__(parent)
        self.setObjectName("shortcutsDialog")
        self.setWindowTitle(self.tr("Keyboard Shortcuts"))
        self.resize(560, 560)
        self.tree = QTreeWidget(self, objectName="shortcutsTree")
        self.tree.setHeaderLabels([self.tr("Action"), self.tr("Keys")])
        self.tree.setRootIsDecorated(False)
        rows = [
            (_plain(a.text()), a.shortcut().toString(QKeySequence.SequenceFormat.NativeText))
            for a in actions.values()
            if not a.shortcut().isEmpty()
        ]
        for what, keys in [*rows, *extra]:
            self.tree.addTopLevelItem(QTreeWidgetItem([what, keys]))
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(self.tree)
        lay.addWidget(buttons)


class GuideDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("guideDialog")
        self.setWindowTitle(self.tr("Getting Started"))
        self.resize(620, 520)
        self.text = QPlainTextEdit(self, objectName="guideText")
        self.text.setReadOnly(True)
        self.text.setPlainText(
            self.tr(
                "1. Import: File → Import Files or Import Folder, or drop PDF and text files on the window. "
                "Each gazette issue is split into its documents with their title, document number, issuer "
                "and date.\n\n"
                "2. Read: pick a document in the library on the left. A PDF document reads as text laid out "
                "like a printed document, or as its original pages (Ctrl+Shift+V switches, at the same "
                "place). The outline on the right lists the issue's documents and the open one's "
                "headings.\n\n"
                "3. Highlight and note: select text in either view and press Ctrl+H, or Ctrl+Shift+N to "
                "write a note; right-click for other colours. Notes and tags are in the Annotations panel. "
                "Ctrl+Z undoes any of it.\n\n"
                "4. Search: Ctrl+Shift+F searches every document as you type; a document number such as "
                "钦政发〔2019〕1号 finds its document and the ones that cite it.\n\n"
                "5. Export: Ctrl+E writes your highlights and notes to Word, PDF, Markdown, HTML, CSV or "
                "JSON, for the open document, a selection, a tag or everything.\n\n"
                "6. Fix what the parser got wrong: Alt+Enter edits a document's properties; right-click in "
                "the text to split a document here or merge it with the previous one. Your corrections are "
                "kept when the issue is imported again. Delete in the library moves to the Trash."
            )
        )
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(self.text)
        lay.addWidget(buttons)
