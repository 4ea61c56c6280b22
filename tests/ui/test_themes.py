"""Themes colour the whole window, keep the reader's place, and keep page edges visible."""

from __future__ import annotations

from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from tests.conftest import requires_shared


@requires_shared
def test_dark_darkens_the_whole_window_and_keeps_the_place(qtbot, issue_window) -> None:
    w, lib = issue_window
    app = QApplication.instance()
    light_window = app.palette().color(QPalette.ColorRole.Window)
    doc = max(lib.documents(), key=lambda d: len(lib.document(d.id).text))
    w.resize(1100, 700)
    w.open_document(doc.id)
    view = w.pane.text_view
    target = len(lib.document(doc.id).text) // 2
    view.set_position(target)
    qtbot.waitUntil(lambda: abs(view.position() - target) < 200, timeout=5000)
    before = view.position()
    try:
        w.preferences.set_theme("dark")
        dark = app.palette()
        assert dark.color(QPalette.ColorRole.Window).lightness() < 80  # docks, lists, menus, dialogs
        assert dark.color(QPalette.ColorRole.Base).lightness() < 80
        assert dark.color(QPalette.ColorRole.Text).lightness() > 180
        tree = w.library_panel.tree  # widgets take the new palette when its change event arrives
        qtbot.waitUntil(lambda: tree.palette().color(QPalette.ColorRole.Base).lightness() < 80, timeout=5000)
        assert abs(view.position() - before) < 200  # not scrolled back to the top
    finally:
        w.preferences.set_theme("light")
    assert app.palette().color(QPalette.ColorRole.Window) == light_window
    assert abs(view.position() - before) < 200


def test_pages_have_visible_edges_in_every_theme() -> None:
    from reader.ui.page_view import BACKGROUNDS, EDGES, PAPER

    for theme in ("light", "sepia", "dark"):
        desk, paper, edge = BACKGROUNDS[theme], PAPER[theme], EDGES[theme]
        from PySide6.QtGui import QColor

        assert (
            abs(QColor(desk).lightness() - edge.lightness()) > 30
            or abs(paper.lightness() - edge.lightness()) > 30
        )
        assert (
            abs(QColor(desk).lightness() - edge.lightness()) + abs(paper.lightness() - edge.lightness()) > 80
        )


def test_a_wrapped_title_keeps_its_last_characters_together() -> None:
    from reader.ui.text_view import WORD_JOINER, no_widow

    assert no_widow("关于印发实施方案的通知") == "关于印发实施方案" + WORD_JOINER.join("的通知")
    assert no_widow("通知") == "通知"
    assert no_widow("关于印发实施方案的通知").replace(WORD_JOINER, "") == "关于印发实施方案的通知"


@requires_shared
def test_copying_the_title_copies_no_word_joiner(qtbot, issue_window) -> None:
    from reader.ui.text_view import WORD_JOINER

    w, lib = issue_window
    doc = lib.documents()[0]
    w.open_document(doc.id)
    view = w.pane.text_view
    view.selectAll()
    copied = view.createMimeDataFromSelection().text()
    assert doc.title in copied and WORD_JOINER not in copied
