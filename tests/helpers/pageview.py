"""Driving the page view in tests: wait for pages to render, select printed text with the mouse."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication

from reader.ui.page_view import POINTS_TO_PX


def wait_rendered(qtbot, window) -> None:
    view = window.pane.page_view
    qtbot.waitUntil(lambda: view.page_count() > 0 and bool(view.visible_pages()), timeout=15000)
    qtbot.waitUntil(
        lambda: window.renderer.image(view.visible_pages()[0], view.render_scale(), view.theme) is not None,
        timeout=15000,
    )


def drag_on_page(qtbot, window, doc, quote: str) -> None:
    """Select ``quote`` where the open PDF document prints it, dragging over its characters."""
    view = window.pane.page_view
    page = doc.page_start
    while True:
        window.renderer.request_chars(page)
        qtbot.waitUntil(lambda p=page: p in window.renderer.page_text, timeout=15000)
        text, boxes = window.renderer.page_text[page]
        if quote in text or page >= doc.page_end:
            break
        page += 1
    i0 = text.index(quote)
    i1 = i0 + len(quote) - 1
    view.go_to_page(page)
    view.set_position(page + max(boxes[i0][1] / view.sizes[page][1] - 0.2, 0))
    QApplication.processEvents()
    rect = view._page_rect(page)
    k = view.zoom * POINTS_TO_PX

    def at(i: int) -> QPoint:
        x0, y0, x1, y1 = boxes[i]
        return QPoint(int(rect.x() + (x0 + x1) / 2 * k), int(rect.y() + (y0 + y1) / 2 * k))

    qtbot.mousePress(view.viewport(), Qt.MouseButton.LeftButton, pos=at(i0))
    qtbot.mouseMove(view.viewport(), pos=at(i1))
    qtbot.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, pos=at(i1))
