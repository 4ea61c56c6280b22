"""Every UI string has a Chinese translation, and the committed .qm carries it."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from PySide6.QtCore import QTranslator

from reader.resources import resource

TS = resource("translations", "gongbao_zh_CN.ts")


def test_every_message_is_translated_and_compiled(qapp) -> None:
    translator = QTranslator()
    assert translator.load(str(TS.with_suffix(".qm")))
    tree = ET.parse(TS)
    count = 0
    for context in tree.iter("context"):
        name = context.findtext("name")
        for msg in context.iter("message"):
            source = msg.findtext("source")
            tr = msg.find("translation")
            assert tr is not None and tr.get("type") not in ("unfinished", "obsolete"), source
            if msg.get("numerus") == "yes":
                continue
            assert translator.translate(name, source) == tr.text, source
            count += 1
    assert count > 10


def test_sources_in_code_are_all_in_the_ts_file() -> None:
    """A string added to the UI without running tools/i18n.py would show in English."""
    import re

    from tests.conftest import ROOT

    in_ts = {m.findtext("source") for m in ET.parse(TS).iter("message")}
    pattern = re.compile(
        r"""(?:self\.tr|QCoreApplication\.translate\(\s*"\w+",)\(?\s*"((?:[^"\\]|\\.)*)"\s*[,)]"""
    )
    for path in list((ROOT / "reader" / "ui").glob("*.py")) + list((ROOT / "reader" / "models").glob("*.py")):
        for m in pattern.finditer(path.read_text(encoding="utf-8")):
            assert m.group(1).encode().decode("unicode_escape").encode("latin-1").decode("utf-8") in in_ts, (
                path.name,
                m.group(1),
            )
