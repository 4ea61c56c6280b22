"""Guards for finding 1: no code path can hand user data to a widget that parses HTML.

Static: the Qt layers never call the static message boxes or input dialogs (they take any text
that looks like HTML for HTML) — only ``reader/ui/messages.py`` builds boxes, in plain text.
Live: every label of the main window and its panels is plain text, and tooltips arrive escaped.
"""

from __future__ import annotations

import ast
from pathlib import Path

from PySide6 import QtGui
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from reader.models.plaintext import plain_tip, shorten
from reader.settings import Settings
from reader.ui.main_window import MainWindow
from reader.ui.messages import message_box

ROOT = Path(__file__).resolve().parents[2]
BANNED = {("QMessageBox", n) for n in ("question", "information", "warning", "critical", "about")} | {
    ("QInputDialog", n) for n in ("getText", "getItem", "getMultiLineText")
}


def test_no_static_message_boxes_in_the_qt_layers() -> None:
    found = []
    for path in [*ROOT.glob("reader/ui/*.py"), *ROOT.glob("reader/models/*.py"), ROOT / "reader" / "app.py"]:
        if path.name == "messages.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            named = isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name)
            if named and (node.value.id, node.attr) in BANNED:
                found.append(f"{path.name}:{node.lineno} {node.value.id}.{node.attr}")
    assert found == []


def test_the_labels_that_show_data_are_plain_text(qtbot, library) -> None:
    w = MainWindow(library, Settings())
    qtbot.addWidget(w)
    w.show()
    browser = w.annotating.open_browser()
    # (the search facets are tool buttons: a button's text is never markup)
    data_labels = [w.status, w.search_panel.status, browser.count]
    assert all(lb.textFormat() == Qt.TextFormat.PlainText for lb in data_labels)
    # the rest show our own strings: none of them could be taken for markup
    for lb in [*w.findChildren(QLabel), *browser.findChildren(QLabel)]:
        if lb.textFormat() != Qt.TextFormat.PlainText:
            assert not QtGui.Qt.mightBeRichText(lb.text()), lb.text()
    w.close()


def test_boxes_and_tips_show_markup_as_characters(qtbot) -> None:
    box = message_box(
        None, message_box.__globals__["QMessageBox"].Icon.Warning, "<b>t</b>", "<img src=x>", "<i>y</i>"
    )
    qtbot.addWidget(box)
    texts = {lb.objectName(): lb for lb in box.findChildren(QLabel)}
    assert texts["qt_msgbox_label"].textFormat() == Qt.TextFormat.PlainText
    assert texts["qt_msgbox_informativelabel"].textFormat() == Qt.TextFormat.PlainText
    assert "&lt;img" in plain_tip("<img src=/dev/zero>") and "<img" not in plain_tip("<img src=/dev/zero>")
    assert len(shorten("x" * 10_000_000)) == 2000
