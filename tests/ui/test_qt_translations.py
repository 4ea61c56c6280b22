"""Qt's own dialogs speak the interface's language (qtbase_zh_CN): the file dialog, buttons."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from reader.ui.i18n import install_translators


def test_qt_dialogs_are_in_chinese_with_the_chinese_interface(qtbot) -> None:
    app = QApplication.instance()
    translators = install_translators(app, "zh_CN")
    try:
        assert len(translators) == 2  # ours and Qt's
        assert QCoreApplication.translate("QFileDialog", "Look in:") == "查找范围："
        assert QCoreApplication.translate("QFileDialog", "Files of type:") == "文件类型："
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"
    finally:
        for t in translators:
            app.removeTranslator(t)
    assert QCoreApplication.translate("QFileDialog", "Look in:") == "Look in:"


def test_the_english_interface_says_one_document_and_many_documents(qtbot) -> None:
    app = QApplication.instance()
    translators = install_translators(app, "en")
    try:
        assert len(translators) == 1
        say = QCoreApplication.translate
        assert say("MainWindow", "%n document(s)", "", 1) == "1 document"
        assert say("MainWindow", "%n document(s)", "", 14) == "14 documents"
        assert say("TrashController", "%n issue(s)", "", 2) == "2 issues"
    finally:
        for t in translators:
            app.removeTranslator(t)
