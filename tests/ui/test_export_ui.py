"""Export, print and back-links in the window: dialog scopes, background export, preview, links."""

from __future__ import annotations

import re
from pathlib import Path

import pymupdf
import pytest
from docx import Document
from PySide6.QtCore import QItemSelectionModel, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

from reader.citation import flatten
from reader.export import Scope, export
from reader.models.library_tree import DOC_ID_ROLE
from reader.ui.url_scheme import register
from tests.conftest import requires_shared

pytestmark = requires_shared


@pytest.fixture
def window(issue_window):
    w, lib = issue_window
    docs = lib.documents()
    made = []
    for d in docs[:3]:
        text = lib.document(d.id).text
        at = text.index("。") + 1
        made.append(
            lib.annotations.add_highlight(d.id, at, at + 16, "red", note=f"落实 {d.id}", tags=["督办"])
        )
    w.open_document(docs[0].id)
    return w, lib, made


def test_export_dialog_writes_the_open_document_in_the_background(qtbot, window, tmp_path: Path) -> None:
    w, lib, made = window
    dialog = w.exports.open_dialog()
    assert dialog.isVisible()
    dialog.choose("current", "docx")
    dialog.path.setText(str(tmp_path / "当前 文档"))
    with qtbot.waitSignal(dialog.accepted):
        dialog.accept()
    qtbot.waitUntil(lambda: w.exports.last_export is not None, timeout=30000)
    assert w.exports.last_export.path == tmp_path / "当前 文档.docx"
    paragraphs = [p.text for p in Document(str(w.exports.last_export.path)).paragraphs]
    assert lib.document(made[0].document_id).title in paragraphs
    assert "“" + flatten(made[0].quote) + "”" in paragraphs
    assert "批注：" + made[0].note in paragraphs
    assert all(h.quote not in "".join(paragraphs) for h in made[1:])
    assert "已导出" in w.statusBar().currentMessage() or "Exported" in w.statusBar().currentMessage()


def test_export_scopes_in_the_dialog(qtbot, window) -> None:
    w, _lib, made = window
    tree = w.library_panel.tree
    model = w.library_panel.model
    wanted = {made[1].document_id, made[2].document_id}
    tree.selectionModel().clearSelection()  # the open document was selected: a ctrl-click set
    for doc_id in wanted:
        index = model.match(model.index(0, 0), DOC_ID_ROLE, doc_id, 1, w.library_panel._match_flags())[0]
        tree.selectionModel().select(
            index, QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
        )
    assert set(w.library_panel.selected_document_ids()) == wanted
    dialog = w.exports.open_dialog()
    dialog.choose("selected", "md")
    request = dialog.request()
    assert set(request.scope.doc_ids) == wanted and request.format == "md" and request.path.suffix == ".md"
    dialog.choose("tag")
    assert dialog.request().scope.tag == "督办"
    dialog.colour.setCurrentIndex(dialog.colour.findData("red"))
    dialog.use_dates.setChecked(True)
    scope = dialog.request().scope
    assert scope.color == "red" and scope.date_from and scope.date_to
    dialog.reject()
    w.search_panel.edit.setText("证照分离")
    qtbot.waitUntil(lambda: w.search_panel.last_results is not None, timeout=60000)
    qtbot.waitUntil(lambda: w.search_panel.last_results.query == "证照分离", timeout=60000)
    dialog = w.exports.open_dialog()
    dialog.choose("results")
    assert dialog.request().scope.doc_ids == [h.doc_id for h in w.search_panel.last_results.hits]
    dialog.reject()


def test_print_renders_the_document_with_its_highlights_and_the_notes(qtbot, window, tmp_path: Path) -> None:
    w, lib, made = window
    for what, must in (("document", made[0].quote[:6]), ("notes", made[0].note)):
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(tmp_path / f"{what}.pdf"))
        w.printing.render(printer, what)
        with pymupdf.open(tmp_path / f"{what}.pdf") as pdf:
            text = "".join(p.get_text() for p in pdf)
        assert "".join(lib.document(made[0].document_id).title.split())[:10] in "".join(text.split())
        assert "".join(must.split()) in "".join(text.split())
    preview = w.print_document()
    assert isinstance(preview, QPrintPreviewDialog) and preview.isVisible()
    import gc

    gc.collect()  # nothing the preview paints with may be collected under it
    preview.resize(900, 700)
    qtbot.waitUntil(lambda: not preview.grab().isNull(), timeout=5000)
    preview.reject()


def test_markdown_links_open_the_highlight_in_the_app(qtbot, window, tmp_path: Path) -> None:
    w, lib, made = window
    out = tmp_path / "notes.md"
    export(lib, Scope(everything=True), "md", out)
    links = re.findall(r"\((gongbao://doc/\d+#hl=[0-9a-f-]+)\)", out.read_text(encoding="utf-8"))
    assert len(links) == len(made)
    for link, h in zip(links, made, strict=True):  # document order is the order they were made in
        assert w.open_link(link)
        assert w.pane.doc.id == h.document_id
        assert w.pane.text_view.selection_range() == (h.start, h.end)
    w.open_document(made[0].document_id)
    assert QDesktopServices.openUrl(QUrl(links[-1]))  # the scheme is routed to the window
    assert w.pane.doc.id == made[-1].document_id
    assert not w.open_link("gongbao://nothing")


def test_the_scheme_is_registered_for_the_desktop(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    entry = register("/opt/公报 阅读器/gongbao")
    text = Path(entry).read_text(encoding="utf-8")
    assert 'Exec="/opt/公报 阅读器/gongbao" %u' in text
    assert "MimeType=x-scheme-handler/gongbao;" in text


def test_the_dialog_says_what_it_will_export_and_refuses_nothing(qtbot, window, tmp_path: Path) -> None:
    from PySide6.QtWidgets import QDialogButtonBox

    w, lib, _made = window
    dialog = w.exports.open_dialog()
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    dialog.choose("all")
    assert "3 highlight" in dialog.summary.text() and ok.isEnabled()
    dialog.colour.setCurrentIndex(dialog.colour.findData("green"))  # no green highlight anywhere
    assert not ok.isEnabled() and "Nothing to export" in dialog.summary.text()
    dialog.colour.setCurrentIndex(0)
    empty = lib.documents()[5]
    w.open_document(empty.id)
    dialog.reject()
    dialog = w.exports.open_dialog()
    dialog.choose("current", "md")
    assert not dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()
    dialog.choose("all", "md")
    dialog.path.setText(str(tmp_path / "摘录"))
    with qtbot.waitSignal(dialog.accepted):
        dialog.accept()
    qtbot.waitUntil(lambda: w.exports.last_export is not None, timeout=30000)
    box = w.exports.offered
    assert box is not None and box.isVisible() and not box.isModal()
    assert {b.text() for b in box.buttons()} >= {"Open", "Open Folder"}
    assert w.settings.extra["export_folder"] == str(tmp_path)
    again = w.exports.open_dialog()
    assert Path(again.path.text()).parent == tmp_path  # the folder is remembered
    again.reject()
