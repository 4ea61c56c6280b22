"""The library panel as a reader scans it: titles that tell documents apart, the keyboard."""

from __future__ import annotations

from PySide6.QtCore import Qt

from reader.models.library_tree import DOC_ID_ROLE, shown_title
from tests.conftest import requires_shared


def test_a_title_is_shown_without_the_issuer_it_begins_with() -> None:
    assert shown_title(
        "钦州市人民政府办公室关于印发钦州市推进医疗联合体建设实施方案的通知", "钦州市人民政府办公室"
    ) == ("关于印发钦州市推进医疗联合体建设实施方案的通知")
    assert (
        shown_title("玉林市水利局玉林市财政局关于下达资金的通知", "玉林市水利局 玉林市财政局")
        == "关于下达资金的通知"
    )
    assert (
        shown_title("钦州市人民政府人事任免", "钦州市人民政府") == "钦州市人民政府人事任免"
    )  # nothing would be left
    assert shown_title("坚定信心真抓实干", None) == "坚定信心真抓实干"


@requires_shared
def test_rows_show_what_tells_documents_apart_and_the_keyboard_opens_them(qtbot, issue_window) -> None:
    w, lib = issue_window
    panel = w.library_panel
    tree, model = panel.tree, panel.model
    issue = model.index(0, 0)
    assert tree.isFirstColumnSpanned(0, issue.parent())  # the issue's name is not cut to the title column
    first = model.index(0, 0, issue)
    titles = [model.index(r, 0, issue).data() for r in range(model.rowCount(issue))]
    assert sum(t.startswith("钦州市人民政府办公室") for t in titles) == 0
    assert len(set(titles)) == len(titles)
    assert not tree.isColumnHidden(1) and model.index(0, 1, issue).data() == lib.documents()[0].number
    assert tree.textElideMode() == Qt.TextElideMode.ElideMiddle
    tree.setFocus()
    tree.setCurrentIndex(first)
    qtbot.waitUntil(lambda: w.pane.doc is not None and w.pane.doc.id == first.data(DOC_ID_ROLE), timeout=5000)
    qtbot.keyClick(tree, Qt.Key.Key_Down)
    second = model.index(1, 0, issue).data(DOC_ID_ROLE)
    qtbot.waitUntil(lambda: w.pane.doc.id == second, timeout=5000)


@requires_shared
def test_an_import_shows_the_new_issue_and_a_restart_reopens_the_last_document(qtbot, issue_window) -> None:
    from reader.settings import Settings
    from reader.ui.main_window import MainWindow
    from tests.conftest import CORPUS

    w, lib = issue_window
    assert w.pane.doc is not None  # the first import opened its first document
    opened = w.pane.doc.id
    with qtbot.waitSignal(w.imports.finished, timeout=30000):
        w.imports.start([str(CORPUS / "qinzhou-2019-01.txt")])
    new_issue = max(i.id for i in lib.issues())
    current = w.library_panel.tree.currentIndex().data(DOC_ID_ROLE)
    assert lib.document(current).issue_id == new_issue and w.pane.doc.id == opened
    w.close()
    again = MainWindow(lib, Settings())
    qtbot.addWidget(again)
    assert again.pane.doc is None and "Select a document" in again.pane.text_view.placeholderText()
    assert again.reopen_last() and again.pane.doc.id == opened
    again.close()
