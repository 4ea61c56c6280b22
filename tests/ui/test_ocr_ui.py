"""识别文字 in the window: on a scanned document the action is offered; without the OCR add-on
it says how to add it and changes nothing; with it (marked ``ocr``) the scan gets its text in
the background and the document reads and searches, its pages still the scan."""

from __future__ import annotations

from pathlib import Path

import pymupdf
import pytest

from reader.importer import import_paths
from reader.library import Library
from reader.ocr import available
from reader.settings import Settings
from reader.ui.main_window import MainWindow
from tests.conftest import CORPUS
from tests.helpers.scan import prose_lines, typeset


@pytest.fixture
def scan_window(qtbot, tmp_path: Path):
    source = CORPUS / "qinzhou-2019-01.txt"
    if not source.exists():
        pytest.skip("shared corpus not found")
    printed = tmp_path / "printed.pdf"
    typeset(prose_lines(source.read_text(encoding="utf-8"))[:10], printed, "钦州市人民政府公报", 1)
    out = pymupdf.open()
    page = out.new_page(width=595, height=842)
    with pymupdf.open(printed) as src:  # a clean scan: the page as an image, no text layer
        page.insert_image(page.rect, stream=src[0].get_pixmap(dpi=200).tobytes("png"))
    scan = tmp_path / "扫描.pdf"
    out.save(scan)
    lib = Library(tmp_path / "lib")
    [outcome] = import_paths(lib, [scan])
    window = MainWindow(lib, Settings())
    qtbot.addWidget(window)
    window.show()
    doc = lib.documents(issue_id=outcome.issue_id)[0]
    window.open_document(doc.id)
    yield window, lib, outcome.issue_id
    window.close()
    lib.close()


def test_a_scan_offers_recognition_and_without_the_add_on_says_how(qtbot, scan_window) -> None:
    window, lib, issue_id = scan_window
    if available():
        pytest.skip("the add-on is installed here")
    action = window.actions_by_name["recognise_text"]
    assert action.isEnabled()
    box = window.ocr.start()
    assert box.objectName() == "ocrMissing" and "gongbao-reader[ocr]" in box.informativeText()
    box.close()
    assert not lib.issue(issue_id).has_text and window.ocr.task is None


@pytest.mark.ocr
@pytest.mark.skipif(not available(), reason="OCR add-on not installed (the [ocr] extra)")
@pytest.mark.timeout(300)
def test_recognising_a_scan_in_the_window(qtbot, scan_window) -> None:
    window, lib, issue_id = scan_window
    assert window.ocr.start() is True
    qtbot.waitUntil(lambda: window.ocr.task is None, timeout=240_000)
    rec = lib.issue(issue_id)
    assert rec.text_source == "ocr" and window.pane.doc.searchable and window.pane.doc.text
    assert not window.actions_by_name["recognise_text"].isEnabled()
