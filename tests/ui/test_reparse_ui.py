"""The window offers, once, to re-split issues an older parser split, and does it in the background."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QProgressBar

from reader.gazette.parser import PARSER_VERSION
from reader.library import Library
from reader.models.library_tree import ISSUE_ID_ROLE
from reader.settings import Settings
from reader.ui.main_window import MainWindow
from tests.test_reparse import _library_made_by_the_old_parser


def test_the_offer_runs_in_the_background_and_keeps_the_highlights(qtbot, tmp_path: Path) -> None:
    lib, uids = _library_made_by_the_old_parser(tmp_path)
    old_count = len(lib.documents())
    settings = Settings()
    w = MainWindow(lib, settings)
    qtbot.addWidget(w)
    w.show()
    box = w.reparse.offer_once()
    assert isinstance(box, QMessageBox) and box.isVisible() and not box.isModal()
    assert "1" in box.text()
    assert settings.extra["reparse_offered"] == PARSER_VERSION
    assert w.reparse.offer_once() is None  # offered once per parser version
    yes = next(b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole)
    with qtbot.waitSignal(w.reparse.finished, timeout=60000):
        yes.click()
        bar = w.findChild(QProgressBar)
        assert bar is not None  # progress in the status bar; the window stays usable
        assert w.open_document(lib.documents()[0].id)
    assert len(lib.documents()) > old_count
    assert "1" in w.last_notice
    for uid in uids:
        h = lib.annotations.highlight(uid)
        assert not h.orphan and lib.document(h.document_id).text[h.start : h.end] == h.quote
    qtbot.waitUntil(lambda: w.findChild(QProgressBar) is None)  # the progress goes when done
    w.close()
    lib.close()


def test_an_issue_whose_toc_lists_a_missing_document_is_marked(qtbot, tmp_path: Path) -> None:
    src = tmp_path / "issue.txt"
    src.write_text(
        "示例市人民政府公报\n2020年第3期\n目  录\n"
        "示例市人民政府关于加强安全生产工作的通知……………………（2）\n"
        "示例市人民政府关于表彰<b>先进</b>集体的决定……………………（3）\n"
        "示例市人民政府关于加强安全生产工作的通知\n示政发〔2020〕3号\n各县区人民政府：\n现将有关事项通知如下。\n"
        "示例市人民政府\n2020年3月2日\n",
        encoding="utf-8",
    )
    lib = Library(tmp_path / "lib")
    w = MainWindow(lib, Settings())
    qtbot.addWidget(w)
    with qtbot.waitSignal(w.imports.finished, timeout=30000):
        w.imports.start([str(src)])
    model = w.library_panel.model
    row = next(model.item(r) for r in range(model.rowCount()) if model.item(r).data(ISSUE_ID_ROLE))
    assert row.text().endswith("⚠")
    tip = row.toolTip()
    assert "表彰&lt;b&gt;先进&lt;/b&gt;集体" in tip and "<b>" not in tip  # shown as text, not markup
    w.close()
    lib.close()
