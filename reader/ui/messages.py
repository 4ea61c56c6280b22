"""Message boxes and prompts that show user data as text.

A ``QMessageBox`` (and the static ``QMessageBox.question``, ``QInputDialog.getText``) takes any
text that looks like HTML for HTML: a file name, a link or an error holding ``<img src=…>``
makes Qt load that file. Every box here is plain text, and its strings are shortened first.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog, QLabel, QLineEdit, QMessageBox, QWidget

from reader.models.plaintext import shorten

TEXT_LIMIT = 2000
DETAIL_LIMIT = 20000


def message_box(
    parent: QWidget | None,
    icon: QMessageBox.Icon,
    title: str,
    text: str,
    informative: str = "",
    detailed: str = "",
) -> QMessageBox:
    """A plain-text message box (not shown yet: ``open()``, ``show()`` or ``exec()`` it)."""
    box = QMessageBox(parent)
    box.setIcon(icon)
    box.setWindowTitle(shorten(title, 200))
    box.setTextFormat(Qt.TextFormat.PlainText)  # the informative text follows this format too
    box.setText(shorten(text, TEXT_LIMIT))
    if informative:
        box.setInformativeText(shorten(informative, TEXT_LIMIT))
    if detailed:
        box.setDetailedText(shorten(detailed, DETAIL_LIMIT))
    return box


def ask(parent: QWidget | None, title: str, text: str) -> bool:
    """A blocking Yes/No question in plain text; True for Yes."""
    box = message_box(parent, QMessageBox.Icon.Question, title, text)
    box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    box.setDefaultButton(QMessageBox.StandardButton.No)
    return box.exec() == QMessageBox.StandardButton.Yes


def inform(parent: QWidget | None, title: str, text: str) -> None:
    """A blocking notice in plain text (start-up, before the event loop runs)."""
    message_box(parent, QMessageBox.Icon.Information, title, text).exec()


def ask_text(
    parent: QWidget | None, title: str, label: str, text: str = "", password: bool = False
) -> tuple[str, bool]:
    """``QInputDialog.getText`` with its label in plain text."""
    dialog = QInputDialog(parent)
    dialog.setWindowTitle(shorten(title, 200))
    dialog.setLabelText(shorten(label, TEXT_LIMIT))
    for found in dialog.findChildren(QLabel):
        found.setTextFormat(Qt.TextFormat.PlainText)
    dialog.setTextValue(text)
    if password:
        dialog.setTextEchoMode(QLineEdit.EchoMode.Password)
    ok = dialog.exec() == QInputDialog.DialogCode.Accepted
    return dialog.textValue(), ok


def plain_label(parent: QWidget | None = None, text: str = "", object_name: str = "") -> QLabel:
    """A label for data: never rich text, whatever the text looks like."""
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    if object_name:
        label.setObjectName(object_name)
    label.setText(shorten(text, TEXT_LIMIT))
    return label
