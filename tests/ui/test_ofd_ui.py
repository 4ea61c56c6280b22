"""An OFD 公文 in the real window: its pages in the page view with their text layer, a highlight
made in the text drawn on the page that prints it, one made on the page found in the text, and
the annotated-PDF export carrying both on the OFD's own pages."""

from __future__ import annotations

from pathlib import Path

import pymupdf
import pytest
from PySide6.QtWidgets import QApplication

from reader.export import Scope, export
from reader.importer import import_paths
from reader.library import Library
from reader.settings import Settings
from reader.ui.fonts import install_app_font
from reader.ui.main_window import MainWindow
from tests.helpers.ofdgen import gongwen_lines, write_ofd
from tests.helpers.pageview import drag_on_page, wait_rendered

TEXT = """钦州市人民政府办公室关于做好河长制工作的通知
钦政办发〔2019〕7号
各县（区）人民政府，市直各单位：
为全面推行河长制，经市人民政府同意，现就有关事项通知如下。
一、各级河长每月巡河不少于一次，发现问题及时交办。
二、考核结果纳入绩效考评，作为干部使用的重要参考。
三、各县区于2019年6月底前将落实情况报送市水利局。
钦州市人民政府办公室
2019年3月8日"""


@pytest.fixture
def setup(qtbot, tmp_path: Path):
    install_app_font(QApplication.instance())
    lines = gongwen_lines(
        TEXT,
        "钦州市人民政府办公室关于做好河长制工作的通知",
        "钦政办发〔2019〕7号",
        "钦州市人民政府办公室文件",
    )
    ofd = write_ofd(lines, tmp_path / "河长制.ofd")
    lib = Library(tmp_path / "lib")
    [outcome] = import_paths(lib, [ofd])
    assert outcome.ok, outcome.reason
    window = MainWindow(lib, Settings())
    qtbot.addWidget(window)
    window.resize(1280, 860)
    window.show()
    qtbot.waitExposed(window)
    doc = lib.document(lib.documents(issue_id=outcome.issue_id)[0].id)
    window.open_document(doc.id)
    yield window, lib, doc
    window.close()
    lib.close()


def test_an_ofd_shows_its_pages_with_highlights_and_exports_them(qtbot, setup, tmp_path: Path) -> None:
    window, lib, doc = setup
    assert doc.number == "钦政办发〔2019〕7号" and doc.is_pdf
    assert window.actions_by_name["toggle_view"].isEnabled()  # text and pages, one pane
    quote = "每月巡河不少于一次"
    start = doc.text.index(quote)
    made = window.annotations.add_highlight(doc.id, start, start + len(quote), "yellow")
    pane = window.pane
    pane.set_view("page")
    wait_rendered(qtbot, window)
    view = pane.page_view
    assert view.page_count() == doc.page_end + 1
    qtbot.waitUntil(lambda: made.uuid in view.marks(), timeout=15000)
    page = view.marks()[made.uuid][0][0]
    window.renderer.request_chars(page)
    qtbot.waitUntil(lambda: page in window.renderer.page_text, timeout=15000)
    assert quote in "".join(window.renderer.page_text[page][0].split())  # the OFD page's text layer
    # a highlight made on the page lands on its text
    second = "考核结果纳入绩效考评"
    drag_on_page(qtbot, window, doc, second)
    assert view.selected_text() == second
    uid = window.annotating.highlight_selection()
    assert uid and lib.annotations.highlight(uid).quote == second
    out = tmp_path / "批注.pdf"
    export(lib, Scope(doc_ids=[doc.id]), "pdf", out)
    with pymupdf.open(out) as pdf:
        assert pdf.page_count == doc.page_end - doc.page_start + 1
        marked = []
        for page in pdf:
            for annot in page.annots():
                v = annot.vertices
                rects = [pymupdf.Quad(v[k : k + 4]).rect for k in range(0, len(v), 4)]
                marked.append(
                    "".join(
                        page.get_textbox(pymupdf.Rect(r.x0 + 0.5, r.y0 + 0.5, r.x1 - 0.5, r.y1 - 0.5)).strip()
                        for r in rects
                    )
                )
    assert sorted(marked) == sorted([quote, second])
