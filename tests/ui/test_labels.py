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
