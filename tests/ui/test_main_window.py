"""The main window, driven for real (offscreen): background import, reading, first run, language."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QTimer, QUrl
from PySide6.QtGui import QDropEvent, QImage
from PySide6.QtWidgets import QApplication, QMessageBox

from reader.library import Library
from reader.ui.fonts import install_app_font
from reader.ui.i18n import install_translators
from reader.ui.main_window import MainWindow
from tests.conftest import DATA
from tests.helpers.dialogs import answer_boxes

SAMPLE = DATA / "yulin_like.txt"


def _non_blank(image: QImage) -> bool:
    """More than a handful of distinct colours: something was painted."""
    colours = {image.pixel(x, y) for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)}
    return len(colours) > 8


@pytest.fixture
def window(qtbot, library: Library) -> MainWindow:
    install_app_font(QApplication.instance())
    w = MainWindow(library)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    return w


def test_import_runs_in_background_and_lists_documents(qtbot, window: MainWindow) -> None:
    with qtbot.waitSignal(window.imports.finished, timeout=30000) as sig:
        assert window.imports.start([str(SAMPLE)])
        assert window.imports.running()
        assert not window.imports.start([str(SAMPLE)])  # one import at a time
    assert [o.status for o in sig.args[0]] == ["imported"]
    assert window.library_panel.document_count() == 6
    assert window.current_document_id() is not None  # the new issue's first document is opened
    assert "玉林市人民政府关于印发" in window.pane.text_view.toPlainText()
    assert "玉政发〔2019〕3号" in window.pane.text_view.toPlainText()


def test_selecting_a_document_shows_it_escaped(
    qtbot, window: MainWindow, library: Library, tmp_path: Path
) -> None:
    hostile = tmp_path / "hostile.txt"
    hostile.write_text(
        "钦州市人民政府\n关于<b>加粗</b>与<script>alert(1)</script>的通知\n钦政发〔2020〕9号\n各单位：\n"
        "<a href='http://evil'>点我</a> 正文。\n钦州市人民政府\n2020年1月2日\n",
        encoding="utf-8",
    )
    with qtbot.waitSignal(window.imports.finished, timeout=30000):
        window.imports.start([str(hostile)])
    doc_id = window.library_panel.document_ids()[0]
    window.open_document(doc_id)
    html = window.pane.text_view.toHtml()
    assert "<script>" not in html
    import re as _re

    # markup in the gazette is text; the only link is the literal address, opened on confirmation
    assert _re.findall(r'<a href="([^"]+)"', html) == ["http://evil"]
    assert "<a href='http://evil'>点我</a>" in window.pane.text_view.toPlainText()
    assert "<b>加粗</b>" in window.pane.text_view.toPlainText()


def test_screenshot_is_not_blank(qtbot, window: MainWindow) -> None:
    with qtbot.waitSignal(window.imports.finished, timeout=30000):
        window.imports.start([str(SAMPLE)])
    qtbot.waitUntil(lambda: _non_blank(window.grab().toImage()), timeout=5000)


def test_failed_files_are_reported(qtbot, window: MainWindow, tmp_path: Path) -> None:
    junk = tmp_path / "junk.txt"
    junk.write_bytes(bytes(range(256)) * 40)
    with qtbot.waitSignal(window.imports.finished, timeout=30000):
        window.imports.start([str(junk), str(SAMPLE)])
    boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]
    assert boxes, "a failure must be shown to the user"
    assert "junk.txt" in boxes[0].informativeText()
    boxes[0].close()
    assert window.library_panel.document_count() == 6


def test_drop_files_imports_them(qtbot, window: MainWindow) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(SAMPLE))])
    event = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    with qtbot.waitSignal(window.imports.finished, timeout=30000):
        window.dropEvent(event)
    assert window.library_panel.document_count() == 6


def test_empty_library_offers_the_sample_or_a_folder(qtbot, window: MainWindow) -> None:
    box = window.imports.offer_sample()
    assert box is not None and box.isVisible() and len(box.buttons()) == 3
    with qtbot.waitSignal(window.imports.finished, timeout=30000):
        box.defaultButton().click()  # 导入示例
    assert window.library_panel.document_count() == 12  # the bundled 钦州 issue
    assert window.imports.offer_sample() is None  # not empty any more: no question


def test_readonly_library_disables_import(qtbot, tmp_path: Path) -> None:
    Library(tmp_path / "lib").close()
    with Library(tmp_path / "lib", readonly=True) as lib:
        w = MainWindow(lib)
        qtbot.addWidget(w)
        assert not w.actions_by_name["import_files"].isEnabled()
        assert not w.imports.start([str(SAMPLE)])
        assert "read-only" in w.status.text() or "只读" in w.status.text()


def test_chinese_is_the_default_language(qtbot, library: Library) -> None:
    app = QApplication.instance()
    translators = install_translators(app, "zh_CN")
    try:
        w = MainWindow(library)
        qtbot.addWidget(w)
        menus = [a.text() for a in w.menuBar().actions()]
        assert menus[0] == "文件(&F)"
        assert w.library_panel.model.headerData(0, Qt.Orientation.Horizontal) == "标题"
        assert w.library_panel.city.itemText(0) == "全部城市"
        assert "篇文档" in w.status.text()
    finally:
        for t in translators:
            app.removeTranslator(t)


def test_app_main_starts_and_quits(qtbot, tmp_path: Path) -> None:
    from reader.app import main

    seen: list[Path] = []

    def close_all() -> None:
        # Closing the last window ends exec() as it does for a user; an extra quit() here would
        # leave a Quit event queued that ends every later event loop in this test process.
        for w in QApplication.topLevelWidgets():
            if isinstance(w, MainWindow) and w.isVisible():
                seen.append(w.library.folder)
                w.close()

    QTimer.singleShot(300, close_all)
    assert main(["--library", str(tmp_path / "lib"), "--no-welcome", "--lang", "en"]) == 0
    assert seen == [tmp_path / "lib"]
    timer = QTimer(singleShot=True, interval=50)
    with qtbot.waitSignal(timer.timeout, timeout=2000):  # event loops still run normally afterwards
        timer.start()


def test_links_open_only_after_confirmation(
    qtbot, window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QDesktopServices

    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toString()))
    asked = answer_boxes(monkeypatch, QMessageBox.StandardButton.No)
    window.pane.text_view.anchorClicked.emit(QUrl("http://www.qinzhou.gov.cn/x.html"))
    assert asked and "http://www.qinzhou.gov.cn/x.html" in asked[0] and opened == []
    answer_boxes(monkeypatch, QMessageBox.StandardButton.Yes)
    window.pane.text_view.anchorClicked.emit(QUrl("http://www.qinzhou.gov.cn/x.html"))
    assert opened == ["http://www.qinzhou.gov.cn/x.html"]


def test_a_bug_in_a_slot_is_logged_and_shown_as_an_internal_error(qtbot, tmp_path: Path, monkeypatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    from reader.app import _report_uncaught
    from reader.logfile import log_path

    monkeypatch.setenv("GONGBAO_CACHE_DIR", str(tmp_path / "cache"))
    try:
        {}["missing"]
    except KeyError as exc:
        _report_uncaught(KeyError, exc, exc.__traceback__)
    box = next(b for b in QApplication.topLevelWidgets() if isinstance(b, QMessageBox) and b.isVisible())
    assert "内部错误（KeyError）" in box.text() and str(log_path()) in box.text()
    assert "'missing'" not in box.text()
    assert "Traceback" in log_path().read_text(encoding="utf-8")
    box.close()
