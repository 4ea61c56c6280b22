"""The reading pane driven for real: PDF and text gazettes, both views, find, outline, reopen."""

from __future__ import annotations

import itertools
import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from reader.importer import import_paths
from reader.library import Library
from reader.pagemap import page_at
from reader.settings import Settings
from reader.textnorm import find_all
from reader.ui.fonts import install_app_font
from reader.ui.main_window import MainWindow
from tests.conftest import BADINPUT, CORPUS, DATA
from tests.helpers.pdfgen import gazette_pdf
from tests.ui.test_main_window import _non_blank

TEXT = (DATA / "yulin_like.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def pdf_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    # a long first document: its 方案 attachment repeated so it spans many pages
    body = TEXT.replace(
        "（一）加强组织领导。", "（一）加强组织领导。" + "各地要压实河长责任，确保按时完成任务。" * 120
    )
    path = tmp_path_factory.mktemp("pdf") / "玉林公报.pdf"
    gazette_pdf(body, path, header="玉林市人民政府公报(2019.1）")
    return path


@pytest.fixture
def loaded(qtbot, tmp_path: Path, pdf_path: Path):
    install_app_font(QApplication.instance())
    lib = Library(tmp_path / "lib")
    sources = [pdf_path] + (
        [CORPUS / "qinzhou-2019-01.txt"] if CORPUS.is_dir() else [DATA / "nanning_like.txt"]
    )
    outcomes = import_paths(lib, sources)
    assert all(o.status == "imported" for o in outcomes), outcomes
    window = MainWindow(lib, Settings())
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    yield window, lib, outcomes
    window.close()
    lib.close()


def _pdf_doc(lib: Library, issue_id: int, seq: int = 1):
    return lib.document(lib.documents(issue_id=issue_id)[seq - 1].id)


def _wait_page_rendered(qtbot, window: MainWindow) -> None:
    view = window.pane.page_view
    qtbot.waitUntil(lambda: view.page_count() > 0, timeout=15000)
    qtbot.waitUntil(
        lambda: (
            bool(view.visible_pages())
            and window.renderer.image(view.visible_pages()[0], view.render_scale(), view.theme) is not None
        ),
        timeout=15000,
    )


def test_open_from_library_panel_by_click(qtbot, loaded) -> None:
    window, lib, outcomes = loaded
    panel = window.library_panel
    target = lib.documents(issue_id=outcomes[1].issue_id)[1]
    index = panel.model.match(panel.model.index(0, 0), 0x0101, target.id, 1, Qt.MatchFlag.MatchRecursive)[0]
    rect = panel.tree.visualRect(index)
    qtbot.mouseClick(panel.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.current_document_id() == target.id
    assert target.title in window.pane.text_view.toPlainText().replace("\u2060", "")  # (word joiners)


def test_filters_narrow_the_library(qtbot, loaded) -> None:
    window, lib, _outcomes = loaded
    panel = window.library_panel
    total = panel.document_count()
    panel.city.setCurrentIndex(panel.city.findData("玉林市"))
    assert panel.document_count() == len(lib.documents(city="玉林市")) < total
    panel.city.setCurrentIndex(0)
    panel.kind.setCurrentIndex(panel.kind.findData("speech"))
    assert panel.document_count() == 1
    panel.kind.setCurrentIndex(0)
    panel.grouping.setCurrentIndex(panel.grouping.findData("date"))
    ids = panel.document_ids()
    dates = [lib.document(i).date for i in ids if lib.document(i).date]
    assert dates == sorted(dates, reverse=True)


def test_switching_views_keeps_the_place(qtbot, loaded) -> None:
    window, lib, outcomes = loaded
    doc = _pdf_doc(lib, outcomes[0].issue_id)
    assert doc.page_end - doc.page_start >= 3, "the fixture document must span several pages"
    window.open_document(doc.id)
    pane = window.pane
    offset = doc.text.index("各地要压实河长责任") + 1500
    pane.text_view.set_position(offset)
    qtbot.waitUntil(lambda: abs(pane.text_view.position() - offset) < 200, timeout=5000)
    here = pane.text_view.position()
    expected_page = page_at(doc.page_map, here)
    pane.set_view("page")
    _wait_page_rendered(qtbot, window)
    assert int(pane.page_view.position()) == expected_page
    pane.set_view("text")
    qtbot.waitUntil(lambda: page_at(doc.page_map, pane.text_view.position()) == expected_page, timeout=5000)
    # the shortcut toggles too
    window.activateWindow()
    window.actions_by_name["toggle_view"].trigger()
    assert pane.view == "page"


def test_zoom_in_both_views(qtbot, loaded) -> None:
    window, lib, outcomes = loaded
    window.open_document(_pdf_doc(lib, outcomes[0].issue_id).id)
    pane = window.pane
    before = pane.text_view.font_pt
    window.actions_by_name["zoom_in"].trigger()
    assert pane.text_view.font_pt == before + 1
    pane.set_view("page")
    _wait_page_rendered(qtbot, window)
    z = pane.page_view.zoom
    window.actions_by_name["zoom_in"].trigger()
    assert pane.page_view.zoom > z and pane.page_view.fit == "none"
    window.actions_by_name["fit_width"].trigger()
    assert pane.page_view.fit == "width"
    _wait_page_rendered(qtbot, window)  # re-rendered sharp at the new scale


def test_find_in_text_and_page_view(qtbot, loaded) -> None:
    window, lib, outcomes = loaded
    doc = _pdf_doc(lib, outcomes[0].issue_id)
    window.open_document(doc.id)
    pane = window.pane
    pane.open_find()
    query = "河长 责任"  # spacing differs from the text: still found
    pane.find(query)
    expected = find_all(doc.text, query)
    assert len(expected) > 100
    assert pane.hit_count() == len(expected)
    assert pane.find_bar.count.text() == f"1 of {len(expected)}"  # English: no translator installed
    first = pane._current
    window.actions_by_name["find_next"].trigger()
    assert pane._current == (first + 1) % len(expected)
    marks = pane.text_view.extraSelections()
    assert len(marks) == len(expected)
    pane.set_view("page")
    _wait_page_rendered(qtbot, window)
    pane.find("河长责任")
    qtbot.waitUntil(lambda: bool(pane.page_view.hits()), timeout=15000)
    pages = {p for p, _ in pane.page_view.hits()}
    assert pages == {page_at(doc.page_map, s) for s, _ in expected}
    pane.close_find()
    assert pane.text_view.extraSelections() == [] and pane.page_view.hits() == []


def test_outline_jumps_to_headings_and_documents(qtbot, loaded) -> None:
    window, lib, outcomes = loaded
    doc = _pdf_doc(lib, outcomes[0].issue_id)
    window.open_document(doc.id)
    headings = window.outline.heading_items()
    assert [h.text(0) for h in headings][:3] == [
        "玉林市2019年重大项目建设工作方案",
        "一、工作目标",
        "二、保障措施",
    ]
    item = headings[2]
    rect = window.outline.visualItemRect(item)
    qtbot.mouseClick(window.outline.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    target = doc.text.index("二、保障措施")
    qtbot.waitUntil(
        lambda: window.pane.text_view.position() <= target <= window.pane.text_view.position() + 60
    )
    other = window.outline.topLevelItem(2)
    window.outline.itemClicked.emit(other, 0)
    assert window.current_document_id() == lib.documents(issue_id=outcomes[0].issue_id)[2].id


def test_back_and_forward(qtbot, loaded) -> None:
    window, lib, outcomes = loaded
    ids = [d.id for d in lib.documents(issue_id=outcomes[0].issue_id)]
    window.open_document(ids[0])
    window.open_document(ids[3])
    window.go_back()
    assert window.current_document_id() == ids[0]
    window.go_forward()
    assert window.current_document_id() == ids[3]


def test_close_and_reopen_at_the_same_place(qtbot, loaded, tmp_path: Path) -> None:
    window, lib, outcomes = loaded
    doc = _pdf_doc(lib, outcomes[0].issue_id)
    window.open_document(doc.id)
    window.pane.set_view("page")
    _wait_page_rendered(qtbot, window)
    window.pane.page_view.set_position(doc.page_start + 2.5)
    saved = window.pane.page_view.position()
    window.close()
    again = MainWindow(lib, Settings())
    qtbot.addWidget(again)
    again.show()
    recent = lib.recent_documents()
    assert recent and recent[0].id == doc.id
    again.open_document(doc.id)
    _wait_page_rendered(qtbot, again)
    assert again.pane.view == "page"
    assert abs(again.pane.page_view.position() - saved) < 0.05
    again.close()


def test_screenshots_of_both_views_are_not_blank(qtbot, loaded, tmp_path: Path) -> None:
    window, lib, outcomes = loaded
    window.open_document(_pdf_doc(lib, outcomes[0].issue_id).id)
    qtbot.waitUntil(lambda: _non_blank(window.pane.text_view.viewport().grab().toImage()), timeout=5000)
    window.pane.set_view("page")
    _wait_page_rendered(qtbot, window)
    window.pane.page_view.viewport().repaint()
    page_shot = window.pane.page_view.viewport().grab().toImage()
    assert _non_blank(page_shot)
    for theme in ("sepia", "dark"):
        window.preferences.set_theme(theme)
        _wait_page_rendered(qtbot, window)
        assert _non_blank(window.pane.page_view.viewport().grab().toImage())


def test_text_only_document_has_no_page_view(qtbot, loaded) -> None:
    window, lib, outcomes = loaded
    window.open_document(lib.documents(issue_id=outcomes[1].issue_id)[0].id)
    window.pane.set_view("page")
    assert window.pane.view == "text"
    assert not window.actions_by_name["toggle_view"].isEnabled()


def test_no_two_actions_share_a_shortcut(qtbot, loaded) -> None:
    window = loaded[0]
    seen: dict[str, str] = {}
    for name, act in window.actions_by_name.items():
        for seq in act.shortcuts():
            key = seq.toString()
            assert key not in seen, (name, seen.get(key))
            seen[key] = name


@pytest.mark.skipif(not BADINPUT.is_dir(), reason="shared/badinput not found")
def test_a_page_that_hangs_mupdf_is_cut_off_and_the_app_stays_responsive(qtbot, tmp_path: Path) -> None:
    lib = Library(tmp_path / "lib")
    outcome = import_paths(lib, [BADINPUT / "pdf" / "hang" / "pymupdf__test_2548.pdf"])[0]
    assert outcome.status == "imported"
    window = MainWindow(lib, Settings())
    qtbot.addWidget(window)
    window.renderer.page_timeout = 2.0
    window.show()
    doc = lib.document(lib.documents()[0].id)
    window.open_document(doc.id)
    window.pane.set_view("page")
    ticks: list[float] = []
    timer = QTimer(window, interval=20)
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    timer.start()
    with qtbot.waitSignal(window.renderer.page_failed, timeout=20000) as failed:
        pass
    timer.stop()
    gaps = [b - a for a, b in itertools.pairwise(ticks)]
    assert gaps and max(gaps) < 0.5, "the GUI thread must keep running while MuPDF hangs"
    assert "超时" in failed.args[1] or failed.args[1]
    assert window.renderer.restarts >= 1
    window.pane.page_view.viewport().repaint()
    assert _non_blank(window.pane.page_view.viewport().grab().toImage())
    window.close()
    lib.close()


@pytest.mark.skipif(not BADINPUT.is_dir(), reason="shared/badinput not found")
def test_every_imported_hostile_pdf_opens_in_the_page_view(qtbot, tmp_path: Path) -> None:
    lib = Library(tmp_path / "lib")
    files = [p for p in sorted((BADINPUT / "pdf").rglob("*")) if p.is_file() and "hang" not in p.parts]
    imported = [o for o in import_paths(lib, files) if o.status == "imported"]
    assert len(imported) >= 30
    window = MainWindow(lib, Settings())
    qtbot.addWidget(window)
    window.renderer.page_timeout = 5.0
    window.show()
    view = window.pane.page_view
    for o in imported:
        doc = lib.documents(issue_id=o.issue_id)[0]
        window.open_document(doc.id)
        window.pane.set_view("page")
        qtbot.waitUntil(lambda: view.page_count() > 0 and bool(view.visible_pages()), timeout=15000)
        first = view.visible_pages()[0]
        qtbot.waitUntil(
            lambda p=first: (
                window.renderer.image(p, view.render_scale(), view.theme) is not None
                or p in window.renderer.failed
            ),
            timeout=15000,
        )
        view.viewport().repaint()
    window.close()
    lib.close()


def test_import_a_pdf_through_the_window_and_read_its_pages(qtbot, tmp_path: Path, pdf_path: Path) -> None:
    lib = Library(tmp_path / "lib")
    window = MainWindow(lib, Settings())
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.imports.finished, timeout=30000) as sig:
        window.imports.start([str(pdf_path)])
    outcome = sig.args[0][0]
    assert outcome.status == "imported" and outcome.format == "pdf" and outcome.pages >= 5
    assert window.library_panel.document_count() == 6
    assert window.current_document_id() is not None  # the issue's first document opened
    window.pane.set_view("page")
    _wait_page_rendered(qtbot, window)
    assert window.pane.page_box.value() == window.pane.page_view.current_page() + 1
    window.close()
    lib.close()


def test_every_toolbar_button_runs_its_action(qtbot, loaded) -> None:
    """A toolbar button is its action: clicking it triggers the same QAction as the menu and the
    shortcut (once the toolbar "+" changed the size by a path of its own, never saved)."""
    window, lib, outcomes = loaded
    window.open_document(_pdf_doc(lib, outcomes[0].issue_id).id)
    pane = window.pane
    pane.set_view("page")  # every button is shown and enabled on a PDF in page view
    _wait_page_rendered(qtbot, window)
    assert set(pane.toolbar_buttons) == {"toggle_view", "zoom_out", "zoom_in", "fit_width", "fit_page"}
    last_toggle = sorted(pane.toolbar_buttons.items(), key=lambda item: item[0] == "toggle_view")
    for name, button in last_toggle:  # the toggle last: it leaves page view
        action = window.actions_by_name[name]
        assert button.defaultAction() is action
        assert button.isVisible() and button.isEnabled(), name
        assert button.toolTip() and button.text(), name  # what the button says comes from its action
        with qtbot.waitSignal(action.triggered, timeout=2000):
            qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert pane.view == "text"  # the toggle ran: page view → text view
    assert not pane.fit_page_btn.isVisible()  # fitting is a page-view control


def test_the_toolbar_zoom_in_button_saves_the_font_size(qtbot, loaded) -> None:
    window, lib, outcomes = loaded
    window.open_document(lib.documents(issue_id=outcomes[0].issue_id)[0].id)
    window.pane.set_view("text")
    before = Settings.load().font_pt
    qtbot.mouseClick(window.pane.zoom_in_btn, Qt.MouseButton.LeftButton)
    assert window.pane.text_view.font_pt == before + 1
    assert Settings.load().font_pt == before + 1  # on disk at once: a crash keeps it
    qtbot.mouseClick(window.pane.zoom_out_btn, Qt.MouseButton.LeftButton)
    assert Settings.load().font_pt == before
