"""Highlights, notes and tags driven through the real window: mouse selection in both views."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication

from reader.importer import import_paths
from reader.library import Library
from reader.settings import Settings
from reader.ui.annotations_browser import AnnotationsBrowser
from reader.ui.fonts import install_app_font
from reader.ui.main_window import MainWindow
from reader.ui.tag_manager import TagManager
from tests.conftest import DATA
from tests.helpers.pageview import drag_on_page, wait_rendered
from tests.helpers.pdfgen import gazette_pdf

TEXT = (DATA / "yulin_like.txt").read_text(encoding="utf-8")


@pytest.fixture
def setup(qtbot, tmp_path: Path):
    install_app_font(QApplication.instance())
    pdf = tmp_path / "玉林公报.pdf"
    gazette_pdf(TEXT, pdf, header="玉林市人民政府公报(2019.1）")
    lib = Library(tmp_path / "lib")
    outcome = import_paths(lib, [pdf])[0]
    window = MainWindow(lib, Settings())
    qtbot.addWidget(window)
    window.resize(1280, 860)
    window.show()
    qtbot.waitExposed(window)
    doc = lib.document(lib.documents(issue_id=outcome.issue_id)[1].id)  # the 河长制 notice
    window.open_document(doc.id)
    yield window, lib, doc
    window.close()
    lib.close()


def _drag_text(qtbot, view, start: int, end: int) -> None:
    """Select canonical [start, end) in the text view with the mouse."""

    def point(offset: int) -> QPoint:
        cursor = QTextCursor(view.document())
        cursor.setPosition(view.doc_position(offset))
        rect = view.cursorRect(cursor)
        return QPoint(rect.left() + 1, rect.center().y())

    view.set_position(max(start - 10, 0))
    QApplication.processEvents()  # the scroll is laid out before points are taken
    a, b = point(start), point(end)
    qtbot.mousePress(view.viewport(), Qt.MouseButton.LeftButton, pos=a)
    qtbot.mouseMove(view.viewport(), pos=QPoint((a.x() + b.x()) // 2, b.y()))
    qtbot.mouseMove(view.viewport(), pos=b)
    qtbot.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, pos=b)


def test_mouse_selection_in_text_view_highlights_and_shows_in_page_view(qtbot, setup) -> None:
    window, lib, doc = setup
    quote = "每月巡河不少于一次"
    start = doc.text.index(quote)
    _drag_text(qtbot, window.pane.text_view, start, start + len(quote))
    assert window.pane.selection_range() == (start, start + len(quote))
    window.actions_by_name["highlight"].trigger()
    found = lib.annotations.highlights(doc.id)
    assert [h.quote for h in found] == [quote]
    uid = found[0].uuid
    assert any(m.cursor.selectedText() == quote for m in window.pane.text_view.extraSelections())
    # …and in the page view, drawn on the page that prints it
    window.pane.set_view("page")
    wait_rendered(qtbot, window)
    qtbot.waitUntil(lambda: uid in window.pane.page_view.marks(), timeout=15000)
    page = window.pane.page_view.marks()[uid][0][0]
    window.renderer.request_chars(page)
    qtbot.waitUntil(lambda: page in window.renderer.page_text, timeout=15000)
    assert quote in "".join(window.renderer.page_text[page][0].split())  # marked on the page printing it


def test_mouse_selection_in_page_view_highlights_and_shows_in_text_view(qtbot, setup) -> None:
    window, lib, doc = setup
    pane = window.pane
    pane.set_view("page")
    wait_rendered(qtbot, window)
    view = pane.page_view
    quote = "考核结果纳入绩效考评"
    drag_on_page(qtbot, window, doc, quote)
    assert view.selected_text() == quote
    span = pane.selection_range()
    assert span is not None and doc.text[span[0] : span[1]] == quote
    uid = window.annotating.highlight_selection()
    assert uid and lib.annotations.highlight(uid).quote == quote
    qtbot.waitUntil(lambda: uid in view.marks(), timeout=15000)
    pane.set_view("text")
    assert any(m.cursor.selectedText() == quote for m in pane.text_view.extraSelections())


def test_note_typing_merges_into_one_undo_step_and_tags_and_colour(qtbot, setup) -> None:
    window, lib, doc = setup
    ann = lib.annotations
    start = doc.text.index("加强考核")
    h = window.annotations.add_highlight(doc.id, start, start + 4, "yellow")
    panel = window.annotations_panel
    window.annotating.edit_note(h.uuid)
    assert panel.current_uuid() == h.uuid
    qtbot.keyClicks(panel.note, "6/10 ")  # real key events (QTest cannot type Han characters)
    panel.note.insertPlainText("前报送\n- 责任：本局")  # what a Chinese input method commits
    qtbot.waitUntil(lambda: ann.highlight(h.uuid).note == "6/10 前报送\n- 责任：本局", timeout=3000)
    stack = window.annotations.stack
    assert stack.count() == 2  # the highlight, and one merged note edit
    stack.undo()
    assert ann.highlight(h.uuid).note == ""
    stack.redo()
    assert ann.highlight(h.uuid).note == "6/10 前报送\n- 责任：本局"
    panel.tags.setText("时限，本局牵头")
    panel.tags.editingFinished.emit()
    assert ann.highlight(h.uuid).tags == ["时限", "本局牵头"]
    panel._commit_colour(panel.colour.findData("red"))
    assert ann.highlight(h.uuid).color == "red"
    stack.undo()
    assert ann.highlight(h.uuid).color == "yellow"
    # deleting is a tombstone that undo brings back with its note and tags
    panel._delete()
    assert ann.highlights(doc.id) == []
    stack.undo()
    back = ann.highlight(h.uuid)
    assert not back.deleted and back.note.startswith("6/10") and back.tags == ["时限", "本局牵头"]


def test_document_note_and_tags_filter_the_library(qtbot, setup) -> None:
    window, lib, doc = setup
    panel = window.annotations_panel
    panel.doc_note.setPlainText("本局负责：河长制落实情况每月汇总")
    panel.flush()
    assert lib.annotations.document_note(doc.id).startswith("本局负责")
    panel.doc_tags.setText("乡村振兴, 本局牵头")
    panel.doc_tags.editingFinished.emit()
    assert lib.annotations.document_tags(doc.id) == ["乡村振兴", "本局牵头"]
    lp = window.library_panel
    lp.tag.setCurrentIndex(lp.tag.findData("本局牵头"))
    assert lp.document_ids() == [doc.id]
    window.annotations.stack.undo()
    assert lib.annotations.document_tags(doc.id) == []


def test_tag_manager_rename_merge_delete_with_undo(qtbot, setup) -> None:
    window, lib, doc = setup
    ctl = window.annotations
    ctl.set_document_tags(doc.id, ["乡村振兴"])
    other = lib.documents()[0].id
    ctl.set_document_tags(other, ["振兴乡村"])
    dialog = TagManager(ctl, window)
    qtbot.addWidget(dialog)
    names = lambda: [dialog.table.item(r, 0).text() for r in range(dialog.table.rowCount())]  # noqa: E731
    dialog.table.selectRow(names().index("振兴乡村"))
    dialog.rename_selected("乡村振兴")  # merge
    assert names() == ["乡村振兴"] and dialog.table.item(0, 1).text() == "2"
    ctl.stack.undo()
    assert sorted(names()) == sorted(["乡村振兴", "振兴乡村"])
    assert lib.annotations.document_tags(other) == ["振兴乡村"]
    dialog.table.selectRow(names().index("乡村振兴"))
    dialog.delete_selected(confirm=False)
    assert lib.annotations.document_tags(doc.id) == []
    ctl.stack.undo()
    assert lib.annotations.document_tags(doc.id) == ["乡村振兴"]


def test_browser_finds_notes_and_opens_at_the_passage(qtbot, setup) -> None:
    window, lib, doc = setup
    start = doc.text.index("每月巡河")
    h = window.annotations.add_highlight(doc.id, start, start + 4, "green")
    window.annotations.set_note(h.uuid, "交给水利科跟进")
    window.open_document(lib.documents()[0].id)
    browser = AnnotationsBrowser(lib, window.colours(), window)
    qtbot.addWidget(browser)
    browser.open_requested.connect(window.annotating.open_at)
    browser.query.setText("水利科")
    browser.refresh()
    assert browser.list.count() == 1
    browser.list.itemActivated.emit(browser.list.item(0))
    assert window.current_document_id() == doc.id
    assert window.pane.text_view.position() <= start


def test_copy_as_citation_and_context_menu(qtbot, setup) -> None:
    window, _lib, doc = setup
    start = doc.text.index("每月巡河")
    window.pane.text_view.select_range(start, start + 4)
    window.annotating.copy_selection_citation()
    assert QApplication.clipboard().text() == f"《{doc.title}》（{doc.number}）：“每月巡河”"
    menu = window.pane.build_context_menu("")
    labels = [a.text() for a in menu.actions()]
    assert any("ighlight" in t or "高亮" in t for t in labels)


def test_everything_is_there_after_reopening(qtbot, setup, tmp_path: Path) -> None:
    window, lib, doc = setup
    start = doc.text.index("每月巡河")
    h = window.annotations.add_highlight(doc.id, start, start + 4, "blue")
    window.annotations.set_note(h.uuid, "复查")
    window.annotations.set_highlight_tags(h.uuid, ["河长制"])
    window.annotations.set_document_tags(doc.id, ["水利"])
    gone = window.annotations.add_highlight(doc.id, 0, 3, "red")
    window.annotations.delete_highlight(gone.uuid)
    window.close()  # undo history gone: the tombstone is purged
    again = MainWindow(lib, Settings())
    qtbot.addWidget(again)
    again.show()
    again.open_document(doc.id)
    live = lib.annotations.highlights(doc.id)
    assert [(x.quote, x.note, x.tags, x.color) for x in live] == [("每月巡河", "复查", ["河长制"], "blue")]
    assert (
        lib.db.conn.execute("SELECT COUNT(*) FROM highlights WHERE deleted_at IS NOT NULL").fetchone()[0] == 0
    )
    assert any(m.cursor.selectedText() == "每月巡河" for m in again.pane.text_view.extraSelections())
    assert again.annotations_panel.list.count() == 1
    again.close()


def test_readonly_library_cannot_annotate(qtbot, tmp_path: Path) -> None:
    Library(tmp_path / "lib").close()
    with Library(tmp_path / "lib") as lib:
        import_paths(lib, [DATA / "yulin_like.txt"])
    with Library(tmp_path / "lib", readonly=True) as ro:
        w = MainWindow(ro, Settings())
        qtbot.addWidget(w)
        w.open_document(ro.documents()[0].id)
        assert not w.actions_by_name["highlight"].isEnabled()
        errors: list[str] = []
        w.annotations.error.connect(errors.append)
        assert w.annotations.add_highlight(ro.documents()[0].id, 0, 5, "red") is None
        assert errors and "只读" in errors[0]
        assert w.annotations.stack.count() == 0
        w.close()


def test_colour_meanings_are_named_by_the_user(qtbot, setup) -> None:
    from reader.settings import Settings as S
    from reader.ui.palette_dialog import PaletteDialog

    window = setup[0]
    dialog = PaletteDialog(window.settings.palette, window)
    qtbot.addWidget(dialog)
    dialog.edits["red"].setText("报送时限")
    window.preferences.set_palette_meanings(dialog.meanings())
    assert window.settings.palette == {"red": "报送时限"}
    assert S.load().palette == {"red": "报送时限"}  # saved
    panel = window.annotations_panel
    assert panel.colour_filter.itemText(panel.colour_filter.findData("red")) == "报送时限"
    window.pane.text_view.select_range(0, 4)
    menu = window.pane.build_context_menu("")
    sub = next(a.menu() for a in menu.actions() if a.menu())
    assert "报送时限" in [a.text() for a in sub.actions()]


def _fill_disk(lib: Library) -> None:
    """What a full disk looks like to SQLite: no page can be added (``SQLITE_FULL``)."""
    pages = lib.db.conn.execute("PRAGMA page_count").fetchone()[0]
    lib.db.conn.execute(f"PRAGMA max_page_count = {pages}")


def test_a_full_disk_refuses_the_save_keeps_the_typed_note_and_corrupts_nothing(qtbot, setup) -> None:
    window, lib, doc = setup
    start = doc.text.index("加强考核")
    h = window.annotations.add_highlight(doc.id, start, start + 4, "yellow")
    panel = window.annotations_panel
    window.annotating.edit_note(h.uuid)
    _fill_disk(lib)
    typed = "很长的批注，" * 3000  # needs new pages
    panel.note.insertPlainText(typed)
    panel.flush()
    assert "磁盘已满" in window.last_error
    assert panel.note.toPlainText() == typed  # nothing the user typed is lost
    assert lib.annotations.highlight(h.uuid).note == ""
    assert lib.db.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    lib.db.conn.execute("PRAGMA max_page_count = 1073741823")  # space again: the same text saves
    panel.note.insertPlainText("。")
    panel.flush()
    assert lib.annotations.highlight(h.uuid).note == typed + "。"
