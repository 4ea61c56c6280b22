"""转到, 视图 → 面板 and 帮助: next/previous document, go to page, panels back, shortcuts, guide."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication

from reader.importer import import_paths
from reader.library import Library
from reader.settings import Settings
from reader.ui.main_window import MainWindow
from tests.conftest import DATA, requires_shared
from tests.helpers.pageview import wait_rendered
from tests.helpers.pdfgen import gazette_pdf


@requires_shared
def test_next_and_previous_document_and_the_issue_in_the_library(qtbot, issue_window) -> None:
    w, lib = issue_window
    docs = lib.documents()
    w.open_document(docs[0].id)
    w.actions_by_name["next_document"].trigger()
    assert w.pane.doc.id == docs[1].id
    w.actions_by_name["previous_document"].trigger()
    w.actions_by_name["previous_document"].trigger()  # the first: stays, and says so
    assert w.pane.doc.id == docs[0].id and "first document" in w.statusBar().currentMessage()
    w.open_document(docs[-1].id)
    assert not w.navigation.step_document(1)
    assert w.actions_by_name["show_issue"].isEnabled() and w.navigation.show_issue()


@requires_shared
def test_a_closed_panel_comes_back_from_the_view_menu_and_help_lists_the_shortcuts(
    qtbot, issue_window
) -> None:
    w, _lib = issue_window
    dock = w.docks["outlineDock"]
    dock.close()
    assert not dock.isVisible()
    w.actions_by_name["panel_outlineDock"].trigger()
    assert dock.isVisible()
    dialog = w.menus.open_shortcuts()
    rows = {
        dialog.tree.topLevelItem(i).text(0): dialog.tree.topLevelItem(i).text(1)
        for i in range(dialog.tree.topLevelItemCount())
    }
    assert rows["Highlight Selection"] == "Ctrl+H" and rows["Go to Page…"] == "Ctrl+G"
    assert "Delete" in rows.values()
    dialog.reject()
    guide = w.menus.open_guide()
    assert "Ctrl+H" in guide.text.toPlainText() and guide.text.isReadOnly()
    guide.reject()


def _pdf_window(qtbot, tmp_path: Path) -> tuple[MainWindow, Library]:
    """A window on a library holding a generated PDF gazette."""
    from reader.ui.fonts import install_app_font

    install_app_font(QApplication.instance())
    pdf = tmp_path / "玉林公报.pdf"
    gazette_pdf((DATA / "yulin_like.txt").read_text(encoding="utf-8"), pdf)
    lib = Library(tmp_path / "lib")
    import_paths(lib, [pdf])
    w = MainWindow(lib, Settings())
    qtbot.addWidget(w)
    w.show()
    return w, lib


def test_go_to_page_in_a_pdf(qtbot, tmp_path: Path) -> None:
    w, lib = _pdf_window(qtbot, tmp_path)
    doc = lib.documents()[-1]
    w.open_document(doc.id)
    wait_rendered(qtbot, w)
    assert w.actions_by_name["go_to_page"].isEnabled()
    pages = w.pane.page_view.page_count()
    assert w.navigation.go_to_page(pages) and w.pane.view == "page"
    qtbot.waitUntil(lambda: int(w.pane.page_view.position()) >= pages - 2, timeout=5000)
    w.close()
    lib.close()


def test_a_wrong_pdf_password_is_said_and_asked_again_before_the_report(
    qtbot, tmp_path: Path, monkeypatch
) -> None:
    from tests.conftest import BADINPUT

    source = BADINPUT / "pdf" / "encrypted" / "pypdf-samples__libreoffice-writer-password.pdf"
    if not source.exists():
        import pytest

        pytest.skip("shared bad input not found")
    lib = Library(tmp_path / "lib")
    w = MainWindow(lib, Settings())
    qtbot.addWidget(w)
    prompts: list[str] = []
    answers = iter(["wrong", "openpassword"])

    def ask_text(parent, title, label, text="", password=False):
        prompts.append(label)
        return next(answers), True

    monkeypatch.setattr("reader.ui.import_controller.ask_text", ask_text)
    reports: list[str] = []
    w.statusBar().messageChanged.connect(reports.append)
    with qtbot.waitSignal(w.imports.finished, timeout=30000):
        w.imports.start([str(source)])
    qtbot.waitUntil(lambda: len(prompts) == 2, timeout=30000)
    assert "encrypted" in prompts[0] and "wrong" in prompts[1]
    qtbot.waitUntil(lambda: any(m.startswith("Imported") for m in reports), timeout=30000)
    assert lib.counts()["documents"] >= 1
    first_report = next(i for i, m in enumerate(reports) if m.startswith("Imported"))
    assert reports[first_report].startswith("Imported 1")  # no "imported 0, failed 0" before the password
    w.close()
    lib.close()


@requires_shared
def test_a_search_hit_opens_with_the_keys_in_the_text_and_a_position_shown(qtbot, issue_window) -> None:
    w, lib = issue_window
    doc = max(lib.documents(), key=lambda d: len(lib.document(d.id).text))
    w.resize(1100, 700)
    w.search_panel.edit.setFocus()
    text = lib.document(doc.id).text
    w.open_search_hit(doc.id, len(text) // 2, "")
    view = w.pane.text_view
    assert view.hasFocus() or QApplication.focusWidget() is view
    label = w.pane.progress_label
    qtbot.waitUntil(lambda: label.isVisibleTo(w.pane) and label.text().endswith("%"), timeout=5000)
    from PySide6.QtCore import Qt

    bar = view.verticalScrollBar()
    before, shown = bar.value(), label.text()
    qtbot.keyClick(view, Qt.Key.Key_PageDown)
    qtbot.waitUntil(lambda: bar.value() > before, timeout=5000)
    assert label.text() == f"{round(100 * bar.value() / bar.maximum())}%" and shown.endswith("%")


def test_fit_page_shows_the_page_from_its_top(qtbot, tmp_path: Path) -> None:
    from reader.ui.page_view import Fit

    w, lib = _pdf_window(qtbot, tmp_path)
    w.open_document(lib.documents()[0].id)
    w.pane.set_view("page")
    wait_rendered(qtbot, w)
    view = w.pane.page_view
    view.set_position(1.4)
    view.set_fit(Fit.PAGE)
    assert abs(view.position() - 1.0) < 0.01  # page 2 from its top (the gap above it in view)
    w.close()
    lib.close()


@requires_shared
def test_the_outline_marks_the_heading_the_reader_is_under(qtbot, issue_window) -> None:
    from reader.ui.outline_panel import OFFSET_ROLE

    w, lib = issue_window
    doc = next(d for d in lib.documents() if "双百双新" in d.title)
    w.resize(1100, 700)
    w.open_document(doc.id)
    headings = w.outline.heading_items()
    assert len(headings) >= 3
    target = headings[2]
    w.pane.go_to_offset(int(target.data(0, OFFSET_ROLE)) + 2)
    qtbot.waitUntil(lambda: w.outline.currentItem() is target, timeout=5000)
    assert w.pane.doc.id == doc.id  # marking is not opening anything


def test_printing_a_pdf_document_prints_its_own_pages_with_the_highlights(qtbot, tmp_path: Path) -> None:
    """Not the text reflowed: the original pages, as many as the document has, highlights on them."""
    import pymupdf
    from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

    from reader.ui.printing import paint_pages

    w, lib = _pdf_window(qtbot, tmp_path)
    doc = lib.document(lib.documents()[0].id)
    at = doc.text.index("。") + 1
    lib.annotations.add_highlight(doc.id, at, at + 12, "yellow", note="打印")
    w.open_document(doc.id)
    wait_rendered(qtbot, w)
    assert w.printing.prints_pages() and w.print_document() is None  # the pages are made first
    qtbot.waitUntil(lambda: isinstance(w.printing._dialog, QPrintPreviewDialog), timeout=60000)
    preview = w.printing._dialog
    assert preview.isVisible()
    pages = w.printing.last_pages
    assert len(pages) == doc.page_end - doc.page_start + 1
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    paint_pages(printer, pages)
    with pymupdf.open(tmp_path / "printed.pdf") as printed:
        assert printed.page_count == len(pages)
        assert all(page.get_images() for page in printed)  # the page as printed, not retyped text
        assert not printed[0].get_text().strip()
    # the highlight is on the page image: yellow pixels where the original has none
    with pymupdf.open(lib.folder / doc.issue.stored_path) as original:
        plain = original[doc.page_start].get_pixmap(dpi=40)
    from PySide6.QtGui import QImage

    marked = QImage(str(pages[0])).scaledToWidth(plain.width)

    def yellow(img_pixel) -> bool:
        r, g, b = img_pixel
        return r > 200 and g > 200 and b < 140

    assert any(
        yellow(marked.pixelColor(x, y).getRgb()[:3])
        for x in range(marked.width())
        for y in range(0, marked.height(), 2)
    )
    assert not any(yellow(plain.pixel(x, y)) for x in range(plain.width) for y in range(0, plain.height, 2))
    preview.reject()
    qtbot.waitUntil(lambda: not pages[0].exists(), timeout=5000)  # the images go with the preview
    w.close()
    lib.close()


def test_the_outline_puts_a_heading_after_a_box_under_its_section(qtbot, tmp_path: Path) -> None:
    source = tmp_path / "规划.txt"
    source.write_text(
        "\n".join(
            [
                "某市教育事业发展规划",
                "第一章 总体要求",
                "第一节 发展基础",
                "一、加快学前教育发展",
                "优化学前教育布局结构，坚持公益普惠办园方向，扩大普惠性资源供给。",
                "专栏 4 学前教育优质普惠发展计划",
                "健全覆盖城乡、布局合理的学前教育公共服务体系，提升保教质量。",
                "二、推进义务教育均衡发展",
                "科学制定义务教育学校布局规划和建设规划，保障教育用地。",
            ]
        ),
        encoding="utf-8",
    )
    lib = Library(tmp_path / "lib")
    import_paths(lib, [source])
    w = MainWindow(lib, Settings())
    qtbot.addWidget(w)
    w.show()
    w.open_document(lib.documents()[0].id)
    qtbot.waitUntil(lambda: len(w.outline.heading_items()) >= 4, timeout=5000)
    by_text = {it.text(0)[:4]: it for it in w.outline.heading_items()}
    assert by_text["二、推进"].parent() is by_text["第一节 "]
    assert by_text["专栏 4"].childCount() == 0
    w.close()
    lib.close()
