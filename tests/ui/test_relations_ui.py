"""Relations in the real window: the 关联 panel, the banner over a repealed document, a citation in
the text that opens its document, and all of it recomputed when the repealing issue comes
second and when it goes to the 回收站."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl

from reader.importer import import_paths
from reader.library import Library
from reader.settings import Settings
from reader.ui.main_window import MainWindow
from tests.relations.test_library_relations import NEW, OLD


def _window(qtbot, tmp_path: Path) -> tuple[MainWindow, Library]:
    lib = Library(tmp_path / "lib")
    w = MainWindow(lib, Settings())
    qtbot.addWidget(w)
    w.show()
    return w, lib


def _import(w: MainWindow, tmp_path: Path, name: str, text: str) -> int:
    path = tmp_path / f"{name}.txt"
    path.write_text(text, encoding="utf-8")
    [outcome] = import_paths(w.library, [path])
    w.refresh()
    return w.library.documents(issue_id=outcome.issue_id)[0].id


def test_a_repealed_document_says_so_and_links_to_what_repealed_it(qtbot, tmp_path: Path) -> None:
    w, lib = _window(qtbot, tmp_path)
    old = _import(w, tmp_path, "old", OLD)
    w.open_document(old)
    banner = w.pane.banner
    # on its own it says it ran 5 years from 2016: expired, and nothing repeals it yet
    assert banner.isVisibleTo(w) and banner.label.text().startswith(("Expired", "已过有效期"))
    assert not banner.open_button.isVisibleTo(w)
    assert w.relations_panel.entries("repealed_by") == []
    new = _import(w, tmp_path, "new", NEW)  # the repealing issue comes second: recomputed
    assert (
        banner.label.text().startswith(("Repealed by", "已废止"))
        and "钦政发〔2019〕1号" in banner.label.text()
    )
    assert banner.open_button.isVisibleTo(w)
    assert "同时废止" in banner.label.text()  # the sentence that says it
    [entry] = w.relations_panel.entries("repealed_by")
    w.relations_panel.tree.itemActivated.emit(entry, 0)
    assert w.pane.doc.id == new
    # the repealing document: its citation of the old one is a link in the text
    [repeals] = w.relations_panel.entries("repeals")
    assert "钦政发[2016]1号" in repeals.text(0) or "钦政发〔2016〕1号" in repeals.text(0)
    links = w.pane.text_view._citations
    assert [href for *_, href, _tip in links] == [f"gongbao://doc/{old}"]
    start, end, href, _tip = links[0]
    assert w.pane.doc.text[start:end].startswith("《钦州市人民政府关于公布新一轮征地统一年产值标准的通知》")
    cursor = w.pane.text_view.textCursor()
    cursor.setPosition(w.pane.text_view.doc_position(start) + 2)
    assert cursor.charFormat().anchorHref() == href  # drawn as a link where the text names it
    w.pane.text_view.anchorClicked.emit(QUrl(href))  # what a click on it sends
    assert w.pane.doc.id == old
    # the repealing document goes to the 回收站: the old one is no longer said to be repealed
    lib.trash.remove_documents([new])
    w.refresh()
    assert w.pane.banner.label.text().startswith(("Expired", "已过有效期"))
    assert w.relations_panel.entries("repealed_by") == []
    w.close()
    lib.close()


def test_the_library_filters_by_validity_with_counts(qtbot, tmp_path: Path) -> None:
    w, lib = _window(qtbot, tmp_path)
    old = _import(w, tmp_path, "old", OLD)
    new = _import(w, tmp_path, "new", NEW)
    panel = w.library_panel
    choices = [panel.validity.itemText(i) for i in range(panel.validity.count())]
    assert any("(1)" in c for c in choices[1:])  # 仅现行有效 (1), 已废止 (1)
    panel.validity.setCurrentIndex(panel.validity.findData("in_force"))
    shown = _ids(panel)
    assert shown == {new}
    panel.validity.setCurrentIndex(panel.validity.findData("repealed"))
    assert _ids(panel) == {old}
    panel.validity.setCurrentIndex(0)
    assert _ids(panel) == {old, new}
    w.close()
    lib.close()


def _ids(panel) -> set[int]:
    from reader.models.library_tree import DOC_ID_ROLE

    out = set()
    model = panel.model
    for row in range(model.rowCount()):
        parent = model.item(row)
        if parent.data(DOC_ID_ROLE) is not None:
            out.add(parent.data(DOC_ID_ROLE))
        for k in range(parent.rowCount()):
            out.add(parent.child(k).data(DOC_ID_ROLE))
    return out
