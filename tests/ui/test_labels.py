"""The core's Chinese words in the interface's language: 文种 and why a file was refused."""

from __future__ import annotations

from PySide6.QtCore import QTranslator
from PySide6.QtWidgets import QApplication

from reader.gazette.kinds import LABELS
from reader.models.labels import kind_name, refusal
from reader.resources import resource

REASON = "编码可疑：大部分汉字是罕用字，可能是错误的编码"


def test_english_names_kinds_and_refusals_and_keeps_the_core_detail(qapp) -> None:
    assert kind_name("notice") == "Notice" and kind_name("personnel") == "Appointments"
    assert refusal("encoding", REASON) == f"Suspicious encoding ({REASON})"
    assert refusal("unknown-category", "原因") == "原因"


def test_chinese_names_them_as_the_core_does(qapp: QApplication) -> None:
    zh = QTranslator()
    assert zh.load(str(resource("translations", "gongbao_zh_CN.qm")))
    qapp.installTranslator(zh)
    try:
        assert all(kind_name(k) == label for k, label in LABELS.items())
        assert refusal("encoding", REASON) == REASON  # said once, not 编码可疑（编码可疑：…）
        assert refusal("missing", "") == "文件不存在"
    finally:
        qapp.removeTranslator(zh)
    assert kind_name("notice") == "Notice"


def test_core_errors_get_an_english_headline_and_keep_their_chinese_detail(qapp) -> None:
    from reader.errors import ImportRejected, LibraryReadOnly
    from reader.export import ExportError
    from reader.models.labels import error_text

    assert error_text(ExportError("没有可导出的批注")) == "Export failed (没有可导出的批注)"
    assert error_text(LibraryReadOnly("资料库为只读：/x")).startswith("The library is read-only (")
    assert error_text(ImportRejected("binary", "不是文本文件：内容是二进制数据")).startswith(
        "Not a text file ("
    )
    zh = QTranslator()
    assert zh.load(str(resource("translations", "gongbao_zh_CN.qm")))
    qapp.installTranslator(zh)
    try:
        assert (
            error_text(ExportError("没有可导出的批注")) == "没有可导出的批注"
        )  # said once, as the core says it
    finally:
        qapp.removeTranslator(zh)


def test_an_error_in_the_english_window_says_what_failed_in_english(qtbot, tmp_path) -> None:
    from reader.library import Library
    from reader.library.trash import TrashError
    from reader.settings import Settings
    from reader.ui.main_window import MainWindow

    lib = Library(tmp_path / "lib")
    w = MainWindow(lib, Settings())
    qtbot.addWidget(w)
    w.show_error(TrashError("回收站中没有这一项"))
    assert w.last_error == "The trash could not do that (回收站中没有这一项)"
    w.close()
    lib.close()
