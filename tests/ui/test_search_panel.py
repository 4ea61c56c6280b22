"""Search in the window: background indexing, search as you type, open a hit at its passage."""

from __future__ import annotations

import shutil

import pytest
from PySide6.QtCore import Qt

from reader.models.labels import kind_name
from reader.search.indexer import index_folder
from reader.settings import Settings
from reader.ui.main_window import MainWindow
from tests.conftest import requires_shared

pytestmark = requires_shared


@pytest.fixture
def window(qtbot, issue_window):
    w, lib = issue_window
    qtbot.waitUntil(lambda: not w.search.busy, timeout=60000)
    return w, lib


def _search(qtbot, w: MainWindow, text: str) -> None:
    panel = w.search_panel
    panel.edit.setText(text)
    qtbot.waitUntil(
        lambda: panel.last_results is not None and panel.last_results.query == text, timeout=30000
    )


def test_search_as_you_type_and_open_a_hit(qtbot, window) -> None:
    w, _lib = window
    panel = w.search_panel
    _search(qtbot, w, "消费扶贫")
    assert panel.list.count() >= 1
    assert "【消费扶贫】" in panel.list.item(0).text()
    assert any(c.text().startswith(kind_name("notice") + " ") for c in panel.facet_chips())
    panel.edit.setFocus()
    qtbot.keyClick(panel.edit, Qt.Key.Key_Down)
    qtbot.keyClick(panel.edit, Qt.Key.Key_Up)
    qtbot.keyClick(panel.edit, Qt.Key.Key_Return)
    doc = w.pane.doc
    assert doc is not None and "消费扶贫" in doc.text
    marks = [m for m in w.pane.text_view.extraSelections() if m.cursor.selectedText() == "消费扶贫"]
    assert len(marks) == doc.text.count("消费扶贫")
    assert panel.history[0] == "消费扶贫"


def test_only_the_newest_query_is_shown(qtbot, window) -> None:
    w, _lib = window
    panel = w.search_panel
    panel.edit.setText("证照分离")
    panel.run()
    panel.edit.setText("地中海贫血")
    panel.run()
    qtbot.waitUntil(
        lambda: panel.last_results is not None and panel.last_results.query == "地中海贫血", timeout=30000
    )
    qtbot.waitUntil(lambda: "search" not in w.runner.busy(), timeout=30000)  # nothing late to come
    assert panel.last_results.query == "地中海贫血"
    assert all("地中海贫血" in panel.list.item(i).text() for i in range(panel.list.count()))


def test_notes_become_searchable_in_the_background(qtbot, window) -> None:
    w, lib = window
    doc = lib.documents()[0]
    h = w.annotations.add_highlight(doc.id, 0, 6, "red")
    w.annotations.set_note(h.uuid, "独一无二的批注词语")
    qtbot.waitUntil(lambda: not w.search.busy and not w.annotating.index_soon.isActive(), timeout=30000)
    qtbot.waitUntil(
        lambda: lib.db.conn.execute("SELECT COUNT(*) FROM index_queue").fetchone()[0] == 0, timeout=30000
    )
    _search(qtbot, w, "独一无二的批注词语")
    assert w.search_panel.list.count() == 1


def test_a_deleted_index_is_rebuilt_without_user_action(qtbot, window) -> None:
    w, lib = window
    w.search.shutdown()
    shutil.rmtree(index_folder(lib))
    w.close()
    again = MainWindow(lib, Settings())
    qtbot.addWidget(again)
    again.show()
    again.start_indexing()
    qtbot.waitUntil(lambda: not again.search.busy, timeout=60000)
    _search(qtbot, again, "证照分离")
    assert again.search_panel.list.count() >= 2
    again.close()


def test_filters_in_the_panel(qtbot, window) -> None:
    w, _lib = window
    panel = w.search_panel
    panel.kind.setCurrentIndex(panel.kind.findData("decision"))
    _search(qtbot, w, "示范区")
    assert panel.list.count() == 1 and "决定" in panel.list.item(0).text()


def test_hits_are_drawn_marked_and_document_text_stays_text() -> None:
    from reader.ui.marked_delegate import marked_html

    shown = marked_html("全面推行⟦证照分离⟧<img src=x>改革")
    assert '<span style="background-color:#ffe066; color:#000">证照分离</span>' in shown
    assert "<img" not in shown and "&lt;img src=x&gt;" in shown


@requires_shared
def test_the_results_list_marks_the_matched_words(qtbot, window) -> None:
    from reader.ui.marked_delegate import MARKED_ROLE

    w, _lib = window
    _search(qtbot, w, "消费扶贫")
    item = w.search_panel.list.item(0)
    assert "⟦消费扶贫⟧" in item.data(MARKED_ROLE)
    w.search_panel.list.viewport().repaint()  # the delegate draws it
    assert w.search_panel.list.visualItemRect(item).height() > 30


def test_facets_are_chips_that_filter_and_let_go(qtbot, window) -> None:
    """A click on 通知 n keeps only notices (the kind filter shows it); a second click lets go."""
    w, _lib = window
    panel = w.search_panel
    _search(qtbot, w, "实施")
    everything = panel.last_results.total
    chips = {c.text().rsplit(" ", 1)[0]: c for c in panel.facet_chips()}
    notice = chips[kind_name("notice")]
    notices = int(notice.text().rsplit(" ", 1)[1])
    assert 0 < notices < everything and not notice.isChecked()
    notice.click()
    assert panel.kind.currentData() == "notice"
    qtbot.waitUntil(lambda: panel.last_results.total == notices, timeout=30000)
    [on] = [c for c in panel.facet_chips() if c.isChecked()]
    assert on.text().startswith(kind_name("notice"))
    on.click()
    assert panel.kind.currentData() is None
    qtbot.waitUntil(lambda: panel.last_results.total == everything, timeout=30000)
    year = next(c for c in panel.facet_chips() if c.text()[:4].isdigit())
    year.click()
    assert panel.year_from.value() == panel.year_to.value() == int(year.text()[:4])


def test_history_completes_in_the_box_and_opens_on_demand_not_over_the_filters(qtbot, window) -> None:
    from PySide6.QtWidgets import QCompleter

    w, _lib = window
    panel = w.search_panel
    panel.set_history(["消费扶贫", "证照分离"])
    assert panel.edit.completer().completionMode() == QCompleter.CompletionMode.InlineCompletion
    panel.edit.setFocus()
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    # typed as a keyboard (an input method) would: qtbot's key clicks are ASCII only
    QApplication.sendEvent(
        panel.edit, QKeyEvent(QEvent.Type.KeyPress, 0, Qt.KeyboardModifier.NoModifier, "证")
    )
    assert panel.edit.text() == "证照分离" and panel.edit.selectedText() == "照分离"  # completed in place
    popup = panel.edit.completer().popup()
    assert popup is None or not popup.isVisible()  # typing shows no list over the filters
    panel.edit.clear()
    qtbot.keyClick(panel.edit, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    menu = panel.history_menu
    qtbot.waitUntil(menu.isVisible, timeout=5000)
    assert [a.text() for a in menu.actions()] == ["消费扶贫", "证照分离"]
    menu.actions()[1].trigger()
    menu.close()
    assert panel.edit.text() == "证照分离"
