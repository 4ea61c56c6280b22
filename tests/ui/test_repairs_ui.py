"""Repairing the library from the window: 属性, split here, merge with previous, the 回收站."""

from __future__ import annotations

from pathlib import Path

from docx import Document
from PySide6.QtWidgets import QMessageBox

from reader.library import Library
from reader.models.labels import kind_name
from reader.models.library_tree import DOC_ID_ROLE, ISSUE_ID_ROLE
from reader.settings import Settings
from reader.ui.main_window import MainWindow
from tests.conftest import requires_shared
from tests.helpers.dialogs import answer_boxes

RUN_TOGETHER = """钦州市人民政府关于做好河道保洁工作的通知
钦政发〔2024〕7号
各县、区人民政府，市直各委、办、局：
现将有关事项通知如下：请各地认真落实河道保洁责任，确保河面整洁，按月报送保洁情况。
钦州市人民政府
2024年3月1日
全市河道保洁工作情况
各县区高度重视河道保洁，组织人员开展清理行动，共清理河道一百二十公里，清运垃圾三百吨。
下一步将建立长效机制，确保河道常年整洁。
钦州市河长制办公室
2024年3月20日
"""


def _row(w: MainWindow, doc_id: int):
    model = w.library_panel.model
    [index] = model.match(model.index(0, 0), DOC_ID_ROLE, doc_id, 1, w.library_panel._match_flags())
    return [model.itemFromIndex(index.siblingAtColumn(c)).text() for c in range(model.columnCount())]


def _export_word(qtbot, w: MainWindow, path: Path) -> list[str]:
    dialog = w.exports.open_dialog()
    dialog.choose("current", "docx")
    dialog.path.setText(str(path))
    w.exports.last_export = None
    with qtbot.waitSignal(dialog.accepted):
        dialog.accept()
    qtbot.waitUntil(lambda: w.exports.last_export is not None, timeout=30000)
    return [p.text for p in Document(str(w.exports.last_export.path)).paragraphs]


def _search(qtbot, w: MainWindow, text: str):
    queued = "SELECT COUNT(*) FROM index_queue"
    qtbot.waitUntil(lambda: not w.search.busy and not w.annotating.index_soon.isActive(), timeout=30000)
    w.start_indexing()
    qtbot.waitUntil(
        lambda: not w.search.busy and w.library.db.conn.execute(queued).fetchone()[0] == 0, timeout=30000
    )
    panel = w.search_panel
    panel.last_results = None
    panel.edit.setText(text)
    panel.run()
    qtbot.waitUntil(
        lambda: panel.last_results is not None and panel.last_results.query == text, timeout=30000
    )
    return panel.last_results


@requires_shared
def test_editing_a_date_and_kind_changes_the_list_the_facets_and_the_word_export(
    qtbot, issue_window, tmp_path
):
    w, lib = issue_window
    doc = lib.documents()[0]
    lib.annotations.add_highlight(doc.id, 0, 12, "red", note="要落实")
    w.open_document(doc.id)
    before = _export_word(qtbot, w, tmp_path / "before")
    assert "2019年11月28日" in "".join(before)
    dialog = w.repairs.properties()
    dialog.date_edit.setText("2019-11-31")
    dialog.accept()
    assert dialog.isVisible() and "不是有效日期" in dialog.problem.text()  # refused, said why
    assert lib.document(doc.id).date == "2019-11-28"
    dialog.date_edit.setText("2019-12-02")
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData("decision"))
    dialog.number_edit.setText("钦政发2019第十八号")
    assert dialog.flag.isVisibleTo(dialog) and "钦政发2019第十八号" in dialog.flag.text()
    assert "kept as typed" in dialog.flag.text()  # said before saving: it will be, not it was
    dialog.accept()
    assert not dialog.isVisible()
    assert _row(w, doc.id)[1:4] == ["钦政发2019第十八号", "2019-12-02", kind_name("decision")]
    kinds = [w.library_panel.kind.itemText(i) for i in range(w.library_panel.kind.count())]
    assert kind_name("decision") in kinds
    results = _search(qtbot, w, "证照分离")
    assert results.facets["kind"].get("decision") == 1
    after = _export_word(qtbot, w, tmp_path / "after")
    assert "2019年12月2日" in "".join(after) and "2019年11月28日" not in "".join(after)
    w.annotations.stack.undo()
    assert lib.document(doc.id).date == "2019-11-28" and _row(w, doc.id)[2] == "2019-11-28"
    w.annotations.stack.redo()
    assert lib.document(doc.id).kind == "decision"


def test_split_what_the_parser_ran_together_highlight_both_halves_and_reparse(qtbot, tmp_path):
    source = tmp_path / "河道保洁.txt"
    source.write_text(RUN_TOGETHER, encoding="utf-8")
    lib = Library(tmp_path / "lib")
    w = MainWindow(lib, Settings())
    qtbot.addWidget(w)
    w.show()
    with qtbot.waitSignal(w.imports.finished, timeout=30000):
        w.imports.start([str(source)])
    [doc] = lib.documents()  # the parser ran the report into the notice
    w.open_document(doc.id)
    at = lib.document(doc.id).text.index("全市河道保洁工作情况")
    tv = w.pane.text_view
    cursor = tv.textCursor()
    cursor.setPosition(tv.doc_position(at))
    tv.setTextCursor(cursor)
    menu = w.pane.build_context_menu("")
    assert w.actions_by_name["split_here"] in menu.actions()
    w.actions_by_name["split_here"].trigger()
    first, second = lib.documents()
    assert w.pane.doc.id == second.id  # the new document is shown
    assert (second.title, second.date, second.issuer) == (
        "全市河道保洁工作情况",
        "2024-03-20",
        "钦州市河长制办公室",
    )
    assert first.date == "2024-03-01" and "河道保洁工作情况" not in lib.document(first.id).text
    assert len(w.library_panel.document_ids()) == 2
    text_b = lib.document(second.id).text
    s = text_b.index("清理河道一百二十公里")
    uid_b = w.annotating.highlight(s, s + 10, "green")
    w.open_document(first.id)
    text_a = lib.document(first.id).text
    s = text_a.index("按月报送")
    uid_a = w.annotating.highlight(s, s + 4, "red")
    with qtbot.waitSignal(w.reparse.finished, timeout=60000):
        assert w.reparse.start([doc.issue_id])
    assert [d.title for d in lib.documents()] == [first.title, second.title]
    for uid, quote, owner in ((uid_a, "按月报送", first.id), (uid_b, "清理河道一百二十公里", second.id)):
        h = lib.annotations.highlight(uid)
        assert (h.quote, h.document_id, h.orphan) == (quote, owner, False)
    w.close()
    lib.close()


@requires_shared
def test_merge_with_previous_then_undo_and_redo(qtbot, issue_window):
    w, lib = issue_window
    docs = lib.documents()
    prev, doc = docs[2], docs[3]
    uid = lib.annotations.add_highlight(doc.id, 0, 10, "blue", note="合并前").uuid
    w.open_document(doc.id)
    w.actions_by_name["merge_previous"].trigger()
    assert len(w.library_panel.document_ids()) == len(docs) - 1
    assert w.pane.doc.id == prev.id
    h = lib.annotations.highlight(uid)
    assert h.document_id == prev.id and lib.document(prev.id).text[h.start : h.end] == h.quote
    assert any(m.cursor.selectedText() == h.quote for m in w.pane.text_view.extraSelections())
    w.actions_by_name["undo"].trigger()
    assert [d.id for d in lib.documents()] == [d.id for d in docs]
    assert w.pane.doc.id == doc.id and lib.annotations.highlight(uid).document_id == doc.id
    w.actions_by_name["redo"].trigger()
    assert len(lib.documents()) == len(docs) - 1 and lib.annotations.highlight(uid).document_id == prev.id


@requires_shared
def test_remove_an_issue_with_highlights_then_restore_it(qtbot, issue_window, monkeypatch, tmp_path):
    w, lib = issue_window
    docs = lib.documents()
    for d in docs[:2]:
        lib.annotations.add_highlight(d.id, 0, 8, "red", note=f"批注{d.id}")
    w.open_document(docs[0].id)
    assert _search(qtbot, w, "证照分离").total >= 1
    tree, model = w.library_panel.tree, w.library_panel.model
    [issue_index] = model.match(model.index(0, 0), ISSUE_ID_ROLE, docs[0].issue_id, 1)
    tree.setCurrentIndex(issue_index)
    asked = answer_boxes(monkeypatch, QMessageBox.StandardButton.Yes)
    w.library_panel.remove_requested.emit()  # what Delete and 移到回收站 do
    assert "2 highlight" in asked[-1]
    assert w.library_panel.document_ids() == [] and w.pane.doc is None
    assert _search(qtbot, w, "证照分离").total == 0
    dialog = w.exports.open_dialog()
    dialog.choose("all", "docx")
    assert lib.annotations.highlights() == []
    dialog.reject()
    trash = w.trashing.open_dialog()
    assert trash.tree.topLevelItemCount() == 1 and trash.tree.topLevelItem(0).text(2) == "2"
    trash.tree.topLevelItem(0).setSelected(True)
    trash.restore_button.click()
    assert trash.tree.topLevelItemCount() == 0
    assert len(w.library_panel.document_ids()) == len(docs)
    assert [h.note for h in lib.annotations.highlights()] == [f"批注{d.id}" for d in docs[:2]]
    assert _search(qtbot, w, "证照分离").total >= 1


@requires_shared
def test_reimporting_a_removed_issue_offers_to_restore_it(qtbot, issue_window):
    from tests.conftest import CORPUS

    w, lib = issue_window
    issue_id = lib.documents()[0].issue_id
    w.trashing.remove([issue_id], [])
    assert w.library_panel.document_ids() == []
    with qtbot.waitSignal(w.imports.finished, timeout=30000):
        w.imports.start([str(CORPUS / "qinzhou-2019-09.txt")])
    box = w.trashing.offer
    assert box is not None and box.isVisible() and not box.isModal()
    yes = next(b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole)
    yes.click()
    assert len(w.library_panel.document_ids()) == 14 and lib.trash.entries() == []


def test_old_trash_is_emptied_at_start_with_a_notice(qtbot, tmp_path):
    import datetime as dt

    from tests.conftest import DATA

    lib = Library(tmp_path / "lib")
    from reader.importer import import_paths

    [outcome] = import_paths(lib, [DATA / "yulin_like.txt"])
    entry = lib.trash.remove_issue(outcome.issue_id)
    old = (dt.datetime.now(dt.UTC) - dt.timedelta(days=45)).isoformat(timespec="seconds")
    lib.db.conn.execute("UPDATE trash SET removed_at = ? WHERE id = ?", (old, entry.id))
    w = MainWindow(lib, Settings())
    qtbot.addWidget(w)
    assert w.trashing.purge_old() == 1
    assert "30" in w.last_notice and lib.trash.entries() == [] and lib.issues(include_removed=True) == []
    w.close()
    lib.close()


def test_split_in_the_page_view_of_a_pdf_keeps_the_page_map(qtbot, tmp_path):
    from reader.importer import import_paths
    from reader.pagemap import page_at
    from tests.conftest import DATA
    from tests.helpers.pageview import drag_on_page, wait_rendered
    from tests.helpers.pdfgen import gazette_pdf

    pdf = tmp_path / "玉林公报.pdf"
    gazette_pdf((DATA / "yulin_like.txt").read_text(encoding="utf-8"), pdf)
    lib = Library(tmp_path / "lib")
    import_paths(lib, [pdf])
    doc = lib.document(lib.documents()[0].id)  # the 重大项目 notice, its 工作方案 printed after it
    quote = "玉林市2019年重大项目建设工作方案"
    at = doc.text.index(quote, doc.text.index("2019年1月8日"))
    expected_page = page_at(doc.page_map, at)
    h = lib.annotations.add_highlight(doc.id, at + 30, at + 40, "red", note="方案里的高亮")
    w = MainWindow(lib, Settings())
    qtbot.addWidget(w)
    w.resize(1280, 860)
    w.show()
    qtbot.waitExposed(w)
    w.open_document(doc.id)
    w.pane.set_view("page")
    wait_rendered(qtbot, w)
    drag_on_page(qtbot, w, doc, "为加快推进重大项目建设")
    start = w.pane.selection_range()[0]
    assert start == doc.text.index("为加快推进重大项目建设")
    w.actions_by_name["split_here"].trigger()
    first, second = (lib.document(d.id) for d in lib.documents()[:2])
    assert second.text.startswith("为加快推进重大项目建设") and w.pane.doc.id == second.id
    assert second.page_start == expected_page and first.page_end == page_at(doc.page_map, at - 1)
    assert second.page_map[0] == [0, expected_page]
    moved = lib.annotations.highlight(h.uuid)
    assert moved.document_id == second.id and second.text[moved.start : moved.end] == moved.quote
    w.close()
    lib.close()
