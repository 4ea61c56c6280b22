"""PDF pages in one continuous scroll: lazy, off-thread rendering, sharp on high-DPI screens."""

from __future__ import annotations

from bisect import bisect_right
from enum import StrEnum

from PySide6.QtCore import QPoint, QPointF, QRect, QRectF, Qt, Signal, Slot
from PySide6.QtGui import QColor, QKeyEvent, QPainter, QPaintEvent, QResizeEvent, QWheelEvent
from PySide6.QtWidgets import QAbstractScrollArea, QWidget

from reader.models.page_renderer import PageRenderer

ZOOM_STEPS = [0.25, 0.33, 0.5, 0.67, 0.75, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0, 2.5, 3.0, 4.0]
GAP = 12  # pixels between pages
POINTS_TO_PX = 96 / 72  # a PDF point at 100 % zoom on a 96-dpi screen
BACKGROUNDS = {"light": "#6b6b6b", "sepia": "#8a7f6e", "dark": "#202020"}
PAPER = {"light": QColor("white"), "sepia": QColor("#f4ecd8"), "dark": QColor("#1e1e1e")}
EDGES = {"light": QColor("#4d4d4d"), "sepia": QColor("#6e6353"), "dark": QColor("#8a8a8a")}


class Fit(StrEnum):
    """How the page view sizes pages: to the width, the whole page, or a zoom the reader chose."""

    WIDTH = "width"
    PAGE = "page"
    NONE = "none"


class PageView(QAbstractScrollArea):
    """Continuous vertical scroll through every page of the open PDF."""

    position_changed = Signal(float)  # page index + fraction at the top of the view
    zoom_changed = Signal(float)
    selection_changed = Signal()
    context_requested = Signal(QPoint, str)  # global position, uuid of the highlight there ("" none)

    def __init__(self, renderer: PageRenderer, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pageView")
        self.renderer = renderer
        self.sizes: list[tuple[float, float]] = []
        self.zoom = 1.0
        self.fit = Fit.WIDTH
        self.theme = "light"
        self._tops: list[int] = []  # y of each page's top edge in document pixels
        self._heights: list[int] = []
        self._widths: list[int] = []
        self._highlights: dict[int, list[tuple[float, float, float, float]]] = {}
        self._current_hit: tuple[int, int] | None = None
        # annotations: uuid -> [(page, rect in points)], and their colours
        self._marks: dict[str, list[tuple[int, tuple[float, float, float, float]]]] = {}
        self._mark_colours: dict[str, QColor] = {}
        # mouse selection: (page, char index) at each end
        self._sel_anchor: tuple[int, QPointF] | None = None
        self._sel_head: tuple[int, QPointF] | None = None
        self.setMouseTracking(False)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.verticalScrollBar().valueChanged.connect(self._scrolled)
        self.horizontalScrollBar().valueChanged.connect(lambda _v: self.viewport().update())
        renderer.page_ready.connect(self._page_ready)
        renderer.page_failed.connect(self._page_ready)
        renderer.chars_ready.connect(lambda _p: (self.viewport().update(), self.selection_changed.emit()))

    # -- layout -------------------------------------------------------------------------------
    def set_pages(self, sizes: list[tuple[float, float]]) -> None:
        self.sizes = list(sizes)
        self._highlights = {}
        self._current_hit = None
        self._marks = {}
        self.clear_selection()
        self._relayout(keep=False)

    def _fit_zoom(self) -> float:
        if not self.sizes:
            return self.zoom
        vw = max(self.viewport().width() - 2 * GAP, 50)
        vh = max(self.viewport().height() - 2 * GAP, 50)
        w = max(s[0] for s in self.sizes) * POINTS_TO_PX
        if self.fit == Fit.WIDTH:
            return vw / w
        if self.fit == Fit.PAGE:
            h = max(s[1] for s in self.sizes) * POINTS_TO_PX
            return min(vw / w, vh / h)
        return self.zoom

    def _relayout(self, keep: bool = True) -> None:
        pos = self.position() if keep and self._tops else 0.0
        self.zoom = self._fit_zoom()
        scale = self.zoom * POINTS_TO_PX
        self._tops, self._heights, self._widths = [], [], []
        y = GAP
        for w, h in self.sizes:
            self._tops.append(y)
            self._heights.append(round(h * scale))
            self._widths.append(round(w * scale))
            y += round(h * scale) + GAP
        total_w = (max(self._widths) if self._widths else 0) + 2 * GAP
        vbar, hbar = self.verticalScrollBar(), self.horizontalScrollBar()
        vbar.setRange(0, max(0, y - self.viewport().height()))
        vbar.setPageStep(self.viewport().height())
        vbar.setSingleStep(40)
        hbar.setRange(0, max(0, total_w - self.viewport().width()))
        hbar.setPageStep(self.viewport().width())
        self.set_position(pos)
        self.zoom_changed.emit(self.zoom)
        self._request()
        self.viewport().update()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._relayout()

    # -- zoom ---------------------------------------------------------------------------------
    def set_zoom(self, zoom: float) -> None:
        self.fit = Fit.NONE
        self.zoom = min(max(zoom, ZOOM_STEPS[0]), ZOOM_STEPS[-1])
        self._relayout()

    def zoom_in(self) -> None:
        self.set_zoom(next((z for z in ZOOM_STEPS if z > self.zoom + 1e-3), ZOOM_STEPS[-1]))

    def zoom_out(self) -> None:
        self.set_zoom(next((z for z in reversed(ZOOM_STEPS) if z < self.zoom - 1e-3), ZOOM_STEPS[0]))

    def set_fit(self, fit: Fit) -> None:
        self.fit = Fit(fit)
        self._relayout()
        if self.fit == Fit.PAGE and self.sizes:  # a whole page in view: the one mostly shown, from its top
            self.set_position(float(min(round(self.position()), len(self.sizes) - 1)))

    def set_theme(self, theme: str) -> None:
        self.theme = theme
        self._request()
        self.viewport().update()

    # -- position -----------------------------------------------------------------------------
    def render_scale(self) -> float:
        return self.zoom * POINTS_TO_PX * self.devicePixelRatioF()

    def page_count(self) -> int:
        return len(self.sizes)

    def position(self) -> float:
        """Page index + fraction of that page at the top edge of the view."""
        if not self._tops:
            return 0.0
        y = self.verticalScrollBar().value()
        i = max(bisect_right(self._tops, y) - 1, 0)
        frac = (y - self._tops[i]) / max(self._heights[i], 1)
        return i + min(max(frac, 0.0), 0.999)

    def set_position(self, pos: float) -> None:
        if not self._tops:
            return
        i = min(max(int(pos), 0), len(self._tops) - 1)
        frac = pos - int(pos)
        y = self._tops[i] + round(frac * self._heights[i]) - (GAP if frac == 0 else 0)
        self.verticalScrollBar().setValue(max(0, y))

    def current_page(self) -> int:
        """The page filling most of the view (what the page box shows)."""
        if not self._tops:
            return 0
        mid = self.verticalScrollBar().value() + self.viewport().height() // 3
        return max(bisect_right(self._tops, mid) - 1, 0)

    def go_to_page(self, page: int) -> None:
        self.set_position(float(page))

    def visible_pages(self) -> list[int]:
        if not self._tops:
            return []
        top = self.verticalScrollBar().value()
        bottom = top + self.viewport().height()
        first = max(bisect_right(self._tops, top) - 1, 0)
        out = []
        for i in range(first, len(self._tops)):
            if self._tops[i] > bottom:
                break
            out.append(i)
        return out

    @Slot(int)
    def _scrolled(self, _value: int) -> None:
        self._request()
        self.viewport().update()
        self.position_changed.emit(self.position())

    def _request(self) -> None:
        visible = self.visible_pages()
        if not visible:
            return
        # what is on screen first, then one page either side for smooth scrolling
        ahead = [p for p in (visible[-1] + 1, visible[0] - 1) if 0 <= p < len(self.sizes)]
        self.renderer.want(visible + ahead, self.render_scale(), self.theme)

    @Slot(int)
    def _page_ready(self, page: int, *_args: object) -> None:
        if page in self.visible_pages():
            self.viewport().update(self._page_rect(page))

    # -- painting -----------------------------------------------------------------------------
    def _page_rect(self, i: int) -> QRect:
        x0 = max(GAP, (self.viewport().width() - self._widths[i]) // 2) - self.horizontalScrollBar().value()
        y0 = self._tops[i] - self.verticalScrollBar().value()
        return QRect(x0, y0, self._widths[i], self._heights[i])

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self.viewport())
        painter.fillRect(event.rect(), QColor(BACKGROUNDS.get(self.theme, "#6b6b6b")))
        scale = self.render_scale()
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        for i in self.visible_pages():
            rect = self._page_rect(i)
            img = self.renderer.image(i, scale, self.theme)
            if img is not None:
                painter.drawImage(QRectF(rect), img)
            else:
                painter.fillRect(rect, PAPER.get(self.theme, QColor("white")))
                stale = self.renderer.any_image(i, self.theme)
                if stale is not None:
                    painter.drawImage(QRectF(rect), stale)
                else:
                    failed = self.renderer.failed.get(i)
                    painter.setPen(QColor("#a00000" if failed else "#888888"))
                    text = self.tr("Page %1 cannot be shown: %2") if failed else self.tr("Loading page %1…")
                    text = text.replace("%1", str(i + 1)).replace("%2", failed or "")
                    painter.drawText(rect, Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, text)
            self._paint_marks(painter, i, rect)
            self._paint_highlights(painter, i, rect)
            self._paint_selection(painter, i, rect)
            painter.setPen(EDGES.get(self.theme, QColor("#4d4d4d")))  # a dark page on a dark desk
            painter.drawRect(rect.adjusted(0, 0, -1, -1))
        painter.end()

    def _paint_marks(self, painter: QPainter, page: int, rect: QRect) -> None:
        k = self.zoom * POINTS_TO_PX
        for uid, boxes in self._marks.items():
            colour = self._mark_colours.get(uid, QColor(255, 224, 102, 110))
            for p, (x0, y0, x1, y1) in boxes:
                if p == page:
                    painter.fillRect(
                        QRectF(rect.x() + x0 * k, rect.y() + y0 * k, (x1 - x0) * k, (y1 - y0) * k), colour
                    )

    def _paint_selection(self, painter: QPainter, page: int, rect: QRect) -> None:
        k = self.zoom * POINTS_TO_PX
        for p, (x0, y0, x1, y1) in self._selection_boxes():
            if p == page:
                painter.fillRect(
                    QRectF(rect.x() + x0 * k, rect.y() + y0 * k, (x1 - x0) * k, (y1 - y0) * k),
                    QColor(30, 110, 220, 80),
                )

    def _paint_highlights(self, painter: QPainter, page: int, rect: QRect) -> None:
        boxes = self._highlights.get(page)
        if not boxes:
            return
        k = self.zoom * POINTS_TO_PX
        for n, (x0, y0, x1, y1) in enumerate(boxes):
            current = self._current_hit == (page, n)
            color = QColor(255, 140, 0, 130) if current else QColor(255, 230, 0, 100)
            painter.fillRect(
                QRectF(rect.x() + x0 * k, rect.y() + y0 * k, (x1 - x0) * k, (y1 - y0) * k), color
            )

    # -- annotations --------------------------------------------------------------------------
    def set_marks(self, marks: dict[str, list], colours: dict[str, str]) -> None:
        """Highlights to draw: uuid -> [(page, rect)], with each highlight's colour (hex)."""
        self._marks = {uid: [(int(p), tuple(r)) for p, r in boxes] for uid, boxes in marks.items()}
        self._mark_colours = {uid: _translucent(hex_) for uid, hex_ in colours.items()}
        self.viewport().update()

    def marks(self) -> dict[str, list]:
        return self._marks

    def mark_at(self, point: QPointF) -> str:
        hit = self._point_on_page(point)
        if hit is None:
            return ""
        page, pt = hit
        for uid, boxes in self._marks.items():
            for p, (x0, y0, x1, y1) in boxes:
                if p == page and x0 <= pt.x() <= x1 and y0 <= pt.y() <= y1:
                    return uid
        return ""

    # -- selection ----------------------------------------------------------------------------
    def _point_on_page(self, point: QPointF) -> tuple[int, QPointF] | None:
        """(page, point in PDF points) under a viewport point."""
        page = self.page_at_point(point)
        if page is None:
            return None
        rect = self._page_rect(page)
        k = self.zoom * POINTS_TO_PX
        return page, QPointF((point.x() - rect.x()) / k, (point.y() - rect.y()) / k)

    def _char_index(self, page: int, pt: QPointF) -> int | None:
        data = self.renderer.page_text.get(page)
        if not data:
            self.renderer.request_chars(page)
            return None
        text, boxes = data
        best, best_d = None, float("inf")
        for i, (x0, y0, x1, y1) in enumerate(boxes):
            if x1 <= x0 or text[i] == "\n":
                continue
            dx = 0 if x0 <= pt.x() <= x1 else min(abs(pt.x() - x0), abs(pt.x() - x1))
            dy = 0 if y0 <= pt.y() <= y1 else min(abs(pt.y() - y0), abs(pt.y() - y1))
            d = dy * 4 + dx  # stay on the line under the pointer
            if d < best_d:
                best, best_d = i, d
        return best

    def _selection_span(self) -> tuple[tuple[int, int], tuple[int, int]] | None:
        if self._sel_anchor is None or self._sel_head is None:
            return None
        a = (self._sel_anchor[0], self._char_index(*self._sel_anchor))
        b = (self._sel_head[0], self._char_index(*self._sel_head))
        if a[1] is None or b[1] is None:
            return None
        first, last = sorted([a, b])
        return (first[0], first[1]), (last[0], last[1])

    def _selection_boxes(self) -> list[tuple[int, tuple[float, float, float, float]]]:
        span = self._selection_span()
        if span is None:
            return []
        out = []
        (p0, i0), (p1, i1) = span
        for page in range(p0, p1 + 1):
            text, boxes = self.renderer.page_text.get(page, ("", []))
            lo = i0 if page == p0 else 0
            hi = i1 if page == p1 else len(text) - 1
            out.extend(
                (page, boxes[i]) for i in range(lo, hi + 1) if text[i] != "\n" and boxes[i][2] > boxes[i][0]
            )
        return out

    def selected_text(self) -> str:
        """The characters the mouse has selected, in reading order across pages."""
        span = self._selection_span()
        if span is None:
            return ""
        (p0, i0), (p1, i1) = span
        parts = []
        for page in range(p0, p1 + 1):
            text, _ = self.renderer.page_text.get(page, ("", []))
            lo = i0 if page == p0 else 0
            hi = i1 if page == p1 else len(text) - 1
            parts.append(text[lo : hi + 1])
        return "\n".join(parts)

    def selected_pages(self) -> tuple[int, int] | None:
        span = self._selection_span()
        return (span[0][0], span[1][0]) if span else None

    def clear_selection(self) -> None:
        self._sel_anchor = self._sel_head = None
        self.viewport().update()

    def mousePressEvent(self, event) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            hit = self._point_on_page(event.position())
            self._sel_anchor = hit
            self._sel_head = hit
            if hit is not None:
                self.renderer.request_chars(hit[0])
            self.viewport().update()
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event) -> None:
        if event.buttons() & Qt.MouseButton.LeftButton and self._sel_anchor is not None:
            hit = self._point_on_page(event.position())
            if hit is not None:
                self._sel_head = hit
                self.renderer.request_chars(hit[0])
                self.viewport().update()
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self._sel_anchor is not None:
            hit = self._point_on_page(event.position())
            if hit is not None:
                self._sel_head = hit
            if (
                self._sel_head is not None
                and self._sel_anchor[0] == self._sel_head[0]
                and (
                    abs(self._sel_anchor[1].x() - self._sel_head[1].x())
                    + abs(self._sel_anchor[1].y() - self._sel_head[1].y())
                    < 2
                )
            ):
                self.clear_selection()  # a click, not a drag
            self.selection_changed.emit()
        super().mouseReleaseEvent(event)

    def contextMenuEvent(self, event) -> None:
        self.context_requested.emit(event.globalPos(), self.mark_at(QPointF(event.pos())))

    # -- find ---------------------------------------------------------------------------------
    def set_highlights(self, found: dict[int, list]) -> None:
        self._highlights = {int(p): list(r) for p, r in found.items()}
        self._current_hit = None
        self.viewport().update()

    def hits(self) -> list[tuple[int, int]]:
        return [(p, n) for p in sorted(self._highlights) for n in range(len(self._highlights[p]))]

    def show_hit(self, hit: tuple[int, int]) -> None:
        page, n = hit
        self._current_hit = hit
        y0 = self._highlights[page][n][1]
        k = self.zoom * POINTS_TO_PX
        top = self._tops[page] + y0 * k
        vbar = self.verticalScrollBar()
        if not (vbar.value() + 40 <= top <= vbar.value() + self.viewport().height() - 60):
            vbar.setValue(int(top - self.viewport().height() / 3))
        self.viewport().update()

    # -- keys ---------------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        vbar = self.verticalScrollBar()
        key = event.key()
        if key == Qt.Key.Key_Home:
            vbar.setValue(0)
        elif key == Qt.Key.Key_End:
            vbar.setValue(vbar.maximum())
        elif key in (Qt.Key.Key_PageDown, Qt.Key.Key_Space):
            vbar.setValue(vbar.value() + vbar.pageStep() - 40)
        elif key == Qt.Key.Key_PageUp:
            vbar.setValue(vbar.value() - vbar.pageStep() + 40)
        else:
            super().keyPressEvent(event)

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            (self.zoom_in if event.angleDelta().y() > 0 else self.zoom_out)()
            event.accept()
            return
        super().wheelEvent(event)

    def page_at_point(self, point: QPointF) -> int | None:
        y = point.y() + self.verticalScrollBar().value()
        i = bisect_right(self._tops, y) - 1
        return i if 0 <= i < len(self._tops) and y <= self._tops[i] + self._heights[i] else None


def _translucent(hex_colour: str) -> QColor:
    colour = QColor(hex_colour)
    colour.setAlpha(120)
    return colour
