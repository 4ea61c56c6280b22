"""The reading pane: one document in text view or, for a PDF, in page view, switchable in place.

Switching views keeps the reader's place through the document's page map: the text offset at
the top of the text view becomes a page position and back. Find works in both views and
ignores full-/half-width and spacing differences.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from PySide6.QtCore import QPoint, QSignalBlocker, Qt, QTimer, QUrl, Signal, Slot
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QSpinBox,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from reader.library.records import DocumentRecord, ReadingState, View
from reader.models.page_renderer import PageRenderer
from reader.pagemap import offset_at, page_segments, position_at
from reader.textnorm import find_all
from reader.ui.page_view import Fit, PageView
from reader.ui.relations_panel import ValidityBanner
from reader.ui.text_view import TextView
from reader.ui.widgets import swatch


class FindBar(QWidget):
    """Ctrl+F bar: query, hit count, previous/next, close."""

    search = Signal(str)
    step = Signal(int)  # +1 next, -1 previous
    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findBar")
        self.edit = QLineEdit(self)
        self.edit.setPlaceholderText(self.tr("Find in document"))
        self.edit.setClearButtonEnabled(True)
        self.count = QLabel(self)
        self.prev = QToolButton(self, text="▲", toolTip=self.tr("Previous (Shift+F3)"))
        self.next = QToolButton(self, text="▼", toolTip=self.tr("Next (F3)"))
        close = QToolButton(self, text="✕", toolTip=self.tr("Close (Esc)"))
        lay = QHBoxLayout(self)
        lay.setContentsMargins(6, 2, 6, 2)
        lay.addWidget(self.edit, 1)
        lay.addWidget(self.count)
        lay.addWidget(self.prev)
        lay.addWidget(self.next)
        lay.addWidget(close)
        self._debounce = QTimer(self, singleShot=True, interval=200)
        self._debounce.timeout.connect(lambda: self.search.emit(self.edit.text()))
        self.edit.textChanged.connect(lambda _t: self._debounce.start())
        self.edit.returnPressed.connect(lambda: self.step.emit(1))
        self.prev.clicked.connect(lambda: self.step.emit(-1))
        self.next.clicked.connect(lambda: self.step.emit(1))
        close.clicked.connect(self.closed)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, activated=self.closed.emit)

    def set_count(self, current: int, total: int, query: str) -> None:
        if not query:
            self.count.setText("")
        elif total == 0:
            self.count.setText(self.tr("No matches"))
        else:
            self.count.setText(self.tr("%1 of %2").replace("%1", str(current + 1)).replace("%2", str(total)))


class ReadingPane(QWidget):
    """Toolbar, find bar and the two views of the open document."""

    view_changed = Signal(str)  # View
    document_shown = Signal(int)
    link_requested = Signal(QUrl)
    # intents for the annotation controller
    highlight_requested = Signal(int, int, str)  # start, end, colour key
    note_requested = Signal(str)  # uuid
    colour_requested = Signal(str, str)  # uuid, colour key
    delete_requested = Signal(str)  # uuid
    citation_requested = Signal(int, int)  # start, end (copy as citation)
    place_changed = Signal(int)  # the canonical offset at the top, once scrolling rests

    def __init__(self, renderer: PageRenderer, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("readingPane")
        self.renderer = renderer
        self.doc: DocumentRecord | None = None
        self.view = View.TEXT
        self._pdf_path: str | None = None
        self._pending_position: float | None = None
        self._query = ""
        self._hits_text: list[tuple[int, int]] = []
        self._hits_page: list[tuple[int, int]] = []
        self._current = -1
        self._find_req = -1
        self._locate_req = -1
        self.colours: list = []  # the colour meanings in use (not QWidget.palette())
        self.menu_actions: list[QAction] = []
        self._moved = QTimer(self, singleShot=True, interval=120)
        self._moved.timeout.connect(self._emit_place)
        self.highlights: list = []

        self.text_view = TextView(self)
        self.text_view.setPlaceholderText(
            self.tr("Select a document to read it.")
            + "\n"
            + self.tr("Import gazettes from the File menu, or drop them on the window.")
        )
        self.page_view = PageView(renderer, self)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.text_view)
        self.stack.addWidget(self.page_view)
        self.find_bar = FindBar(self)
        self.find_bar.hide()

        # toolbar buttons: each takes the window's action (use_actions), so a click, the menu and the
        # shortcut run the same code with the same side effects
        self.toggle = QToolButton(self, objectName="viewToggle")
        self.zoom_out_btn = QToolButton(self, objectName="zoomOutButton")
        self.zoom_in_btn = QToolButton(self, objectName="zoomInButton")
        self.zoom_label = QLabel(self)
        self.fit_width_btn = QToolButton(self, objectName="fitWidthButton")
        self.fit_page_btn = QToolButton(self, objectName="fitPageButton")
        self.toolbar_buttons = {
            "toggle_view": self.toggle,
            "zoom_out": self.zoom_out_btn,
            "zoom_in": self.zoom_in_btn,
            "fit_width": self.fit_width_btn,
            "fit_page": self.fit_page_btn,
        }
        self.page_box = QSpinBox(self)
        self.page_box.setObjectName("pageBox")
        self.page_box.setKeyboardTracking(False)
        self.page_total = QLabel(self)
        self.progress_label = QLabel(self, objectName="textProgress")  # where in the text, in per cent
        self.page_box.valueChanged.connect(lambda v: self.page_view.go_to_page(v - 1))
        bar = QHBoxLayout()
        bar.setContentsMargins(6, 2, 6, 2)
        bar.addWidget(self.toggle)
        bar.addStretch(1)
        bar.addWidget(self.progress_label)  # on the right, where the page view shows its page
        for w in (self.page_box, self.page_total, self.zoom_out_btn, self.zoom_label, self.zoom_in_btn):
            bar.addWidget(w)
        bar.addWidget(self.fit_width_btn)
        bar.addWidget(self.fit_page_btn)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(0)
        lay.addLayout(bar)
        self.banner = ValidityBanner(self)  # 已废止 / 已过有效期 …, above both views
        lay.addWidget(self.banner)
        lay.addWidget(self.find_bar)
        lay.addWidget(self.stack, 1)

        renderer.opened.connect(self._pdf_opened)
        renderer.found.connect(self._page_found)
        renderer.located.connect(self._page_located)
        self.text_view.context_requested.connect(self._context_menu)
        self.page_view.context_requested.connect(self._context_menu)
        self.page_view.zoom_changed.connect(self._zoom_shown)
        self.page_view.position_changed.connect(self._page_scrolled)
        self.text_view.link_requested.connect(self.link_requested)
        self.text_view.verticalScrollBar().valueChanged.connect(self._text_scrolled)
        self.text_view.verticalScrollBar().rangeChanged.connect(self._text_scrolled)
        self.find_bar.search.connect(self.find)
        self.find_bar.step.connect(self.find_step)
        self.find_bar.closed.connect(self.close_find)
        self._update_controls()

    # -- documents ----------------------------------------------------------------------------
    def show_document(self, doc: DocumentRecord, pdf_path: Path | None, state: ReadingState | None) -> None:
        """Show ``doc``; restore ``state`` (view, place, zoom) when given."""
        self.doc = doc
        self.highlights = []
        self.text_view.show_document(doc)
        self._hits_text, self._hits_page, self._current = [], [], -1
        view = state.view if state else (View.PAGE if doc.is_pdf and not doc.text else View.TEXT)
        if pdf_path is not None and str(pdf_path) != self._pdf_path:
            self._pdf_path = str(pdf_path)
            self.page_view.set_pages([])  # no stale pages of the previous PDF meanwhile
            self.renderer.open(pdf_path)
        elif pdf_path is None:
            self._pdf_path = None
        if state and state.zoom and doc.is_pdf:
            self.page_view.set_zoom(state.zoom)
        start_pos = float(doc.page_start or 0)
        if state and state.page_position is not None:
            start_pos = state.page_position
        elif state:
            start_pos = (
                position_at(doc.page_map, state.text_offset, len(doc.text)) if doc.page_map else start_pos
            )
        self._pending_position = start_pos if doc.is_pdf else None
        if self.page_view.page_count() and doc.is_pdf and self._pdf_path == self.renderer.path:
            self.page_view.set_position(start_pos)
            self._pending_position = None
        self.set_view(view if doc.is_pdf else View.TEXT, keep_place=False)
        if state:
            QTimer.singleShot(0, lambda off=state.text_offset: self.text_view.set_position(off))
        if self._query:
            self.find(self._query)
        self._update_controls()
        self.document_shown.emit(doc.id)

    @Slot(str, list)
    def _pdf_opened(self, path: str, sizes: list) -> None:
        if path != self._pdf_path:
            return
        self.page_view.set_pages(sizes)
        if self._pending_position is not None:
            self.page_view.set_position(self._pending_position)
            self._pending_position = None
        self._locate_highlights()
        self._update_controls()

    def state(self) -> ReadingState | None:
        """Where the reader is now, to be saved."""
        if self.doc is None:
            return None
        offset = self.text_offset()
        page_pos = self.page_view.position() if self.doc.is_pdf and self.page_view.page_count() else None
        zoom = self.page_view.zoom if self.doc.is_pdf and self.page_view.fit == Fit.NONE else None
        return ReadingState(self.doc.id, self.view, offset, page_pos, zoom)

    def text_offset(self) -> int:
        """The canonical offset at the top of whichever view is showing."""
        if self.doc is None:
            return 0
        if self.view == View.PAGE and self.doc.page_map and self.page_view.page_count():
            return offset_at(self.doc.page_map, self._clamped_page_position(), len(self.doc.text))
        return self.text_view.position()

    def _clamped_page_position(self) -> float:
        assert self.doc is not None
        pos = self.page_view.position()
        first, last = self.doc.page_start or 0, self.doc.page_end or 0
        return min(max(pos, float(first)), last + 0.999)

    # -- views --------------------------------------------------------------------------------
    def set_view(self, view: View | str, keep_place: bool = True) -> None:
        """Switch to the text or (PDF documents only) the page view, at the same place."""
        view = View.of(view)
        if self.doc is None or (view == View.PAGE and not self.doc.is_pdf):
            view = View.TEXT
        if keep_place and self.doc is not None and view != self.view and self.doc.page_map:
            if view == View.PAGE:
                offset = self.text_view.position()
                pos = position_at(self.doc.page_map, offset, len(self.doc.text))
                if self.page_view.page_count():
                    self.page_view.set_position(pos)
                else:
                    self._pending_position = pos  # applied when the render process has opened the PDF
            else:
                self.text_view.set_position(self.text_offset())
        self.view = view
        self.stack.setCurrentWidget(self.page_view if view == View.PAGE else self.text_view)
        self._update_controls()
        self._refresh_find_marks()
        self.view_changed.emit(view)

    def toggle_view(self) -> None:
        self.set_view(View.TEXT if self.view == View.PAGE else View.PAGE)

    def go_to_offset(self, offset: int) -> None:
        """Show canonical ``offset`` at the top of the current view."""
        if self.doc is None:
            return
        if self.view == View.PAGE and self.doc.page_map:
            self.page_view.set_position(position_at(self.doc.page_map, offset, len(self.doc.text)))
        else:
            self.text_view.set_position(offset)

    def zoom_in(self) -> None:
        if self.view == View.PAGE:
            self.page_view.zoom_in()
        else:
            self.text_view.set_font_size(self.text_view.font_pt + 1)

    def zoom_out(self) -> None:
        if self.view == View.PAGE:
            self.page_view.zoom_out()
        else:
            self.text_view.set_font_size(self.text_view.font_pt - 1)

    def set_theme(self, theme: str) -> None:
        self.text_view.set_theme(theme)
        self.page_view.set_theme(theme)

    @Slot(float)
    def _zoom_shown(self, zoom: float) -> None:
        self.zoom_label.setText(f"{round(zoom * 100)}%")

    @Slot(float)
    def _page_scrolled(self, _pos: float) -> None:
        with QSignalBlocker(self.page_box):
            self.page_box.setValue(self.page_view.current_page() + 1)

    def _update_controls(self) -> None:
        is_pdf = bool(self.doc and self.doc.is_pdf)
        paged = is_pdf and self.view == View.PAGE
        toggle = self.toggle.defaultAction()
        if toggle is not None:  # its state is the window's; what the button says is the pane's
            toggle.setChecked(paged)
            toggle.setIconText(self.tr("Page view") if paged else self.tr("Text view"))
        for w in (self.page_box, self.page_total, self.fit_width_btn, self.fit_page_btn, self.zoom_label):
            w.setVisible(paged)
        n = self.page_view.page_count()
        self.page_box.setRange(1, max(n, 1))
        self.page_total.setText(f"/ {n}")
        self._text_scrolled()

    def use_actions(self, actions: Mapping[str, QAction]) -> None:
        """Give the toolbar buttons their actions (text, tooltip, enabled state, what they run);
        the context menu offers the document's repairs from the same actions."""
        for name, button in self.toolbar_buttons.items():
            button.setDefaultAction(actions[name])
        self.menu_actions = [
            actions[n] for n in ("split_here", "merge_previous", "properties") if n in actions
        ]
        self._update_controls()

    def focus_reading(self) -> None:
        """Keys go to the view showing the document (PgDn, End, Ctrl+H) once it opens."""
        (self.text_view if self.view == View.TEXT else self.page_view).setFocus()

    @Slot()
    def _text_scrolled(self, *_args) -> None:
        bar = self.text_view.verticalScrollBar()
        shown = self.doc is not None and self.view == View.TEXT and bar.maximum() > 0
        self.progress_label.setVisible(shown)
        if shown:
            self.progress_label.setText(f"{round(100 * bar.value() / bar.maximum())}%")
        if self.doc is not None and self.view == View.TEXT:
            self._moved.start()

    def _emit_place(self) -> None:
        if self.doc is not None:
            self.place_changed.emit(self.text_offset())

    def close_document(self) -> None:
        """Show nothing (the open document went to the 回收站)."""
        self.doc = None
        self.highlights = []
        self.text_view.doc = None
        self.text_view.clear()
        self._pdf_path = None
        self.page_view.set_pages([])
        self._update_controls()

    # -- annotations --------------------------------------------------------------------------
    def set_annotations(self, highlights: list, palette: list) -> None:
        """Show the open document's highlights in both views."""
        self.highlights = [h for h in highlights if not h.orphan]
        self.colours = palette
        hexes = {c.key: c.hex for c in palette}
        self.text_view.set_highlights(
            [(h.uuid, h.start, h.end, hexes.get(h.color, "#ffe066")) for h in self.highlights]
        )
        self._locate_highlights()

    def _locate_highlights(self) -> None:
        """Ask the render process where each highlight sits on its pages (segment per page)."""
        doc = self.doc
        if doc is None or not doc.is_pdf or not doc.page_map or not self.page_view.page_count():
            self.page_view.set_marks({}, {})
            return
        items = [
            (h.uuid, page, segment, occurrence)
            for h in self.highlights
            for page, segment, occurrence in page_segments(doc.text, doc.page_map, h.start, h.end)
        ]
        hexes = {c.key: c.hex for c in self.colours}
        self._mark_colours = {h.uuid: hexes.get(h.color, "#ffe066") for h in self.highlights}
        self._locate_req = self.renderer.locate(items) if items else -1
        if not items:
            self.page_view.set_marks({}, {})

    @Slot(int, object)
    def _page_located(self, req: int, located: dict) -> None:
        if req == self._locate_req:
            self.page_view.set_marks(located, self._mark_colours)

    def selection_range(self) -> tuple[int, int] | None:
        """The selected passage as canonical offsets, from whichever view shows it."""
        if self.doc is None:
            return None
        if self.view == View.TEXT:
            return self.text_view.selection_range()
        return self._page_selection_range()

    def _page_selection_range(self) -> tuple[int, int] | None:
        doc = self.doc
        text = self.page_view.selected_text()
        pages = self.page_view.selected_pages()
        if doc is None or not text.strip() or pages is None:
            return None
        # A selection across a page break also picks up the running header and page number,
        # which are not in the canonical text: leave such lines out.
        from reader.gazette.lines import is_page_furniture

        lines = [ln for ln in text.split("\n") if not is_page_furniture("".join(ln.split()))]
        wanted = "\n".join(lines)
        offsets = [o for o, p in doc.page_map if pages[0] <= p <= pages[1]]
        lo = max(0, (min(offsets) if offsets else 0) - 200)
        later = [o for o, p in doc.page_map if p > pages[1]]
        hi = min(len(doc.text), (later[0] if later else len(doc.text)) + 200)
        hits = find_all(doc.text[lo:hi], wanted)
        if not hits:
            return None
        start, end = hits[0]
        return lo + start, lo + end

    def clear_selection(self) -> None:
        cursor = self.text_view.textCursor()
        cursor.clearSelection()
        self.text_view.setTextCursor(cursor)
        self.page_view.clear_selection()

    @Slot(QPoint, str)
    def _context_menu(self, global_pos: QPoint, uid: str) -> None:
        menu = self.build_context_menu(uid)
        if not menu.isEmpty():
            menu.exec(global_pos)

    def build_context_menu(self, uid: str) -> QMenu:
        """Highlight / note / colour / delete / copy-as-citation for the selection or a highlight."""
        menu = QMenu(self)
        selection = self.selection_range()
        if selection is not None:
            sub = menu.addMenu(self.tr("Highlight"))
            for c in self.colours:
                act = sub.addAction(swatch(c.hex), c.meaning)
                act.triggered.connect(
                    lambda _=False, k=c.key, s=selection: self.highlight_requested.emit(s[0], s[1], k)
                )
            menu.addAction(self.tr("Copy as citation"), lambda s=selection: self.citation_requested.emit(*s))
        if uid:
            menu.addSeparator()
            menu.addAction(self.tr("Edit note…"), lambda: self.note_requested.emit(uid))
            sub = menu.addMenu(self.tr("Colour"))
            for c in self.colours:
                act = sub.addAction(swatch(c.hex), c.meaning)
                act.triggered.connect(lambda _=False, k=c.key: self.colour_requested.emit(uid, k))
            menu.addAction(self.tr("Delete highlight"), lambda: self.delete_requested.emit(uid))
            h = next((x for x in self.highlights if x.uuid == uid), None)
            if h is not None and selection is None:
                menu.addAction(
                    self.tr("Copy as citation"), lambda: self.citation_requested.emit(h.start, h.end)
                )
        if self.doc is not None and self.menu_actions:
            menu.addSeparator()
            for act in self.menu_actions:
                menu.addAction(act)
        return menu

    # -- find ---------------------------------------------------------------------------------
    def open_find(self) -> None:
        self.find_bar.show()
        self.find_bar.edit.setFocus()
        self.find_bar.edit.selectAll()

    def close_find(self) -> None:
        self.find_bar.hide()
        self._query = ""
        self._hits_text, self._hits_page, self._current = [], [], -1
        self.text_view.set_find_hits([])
        self.page_view.set_highlights({})
        self.stack.currentWidget().setFocus()

    @Slot(str)
    def find(self, query: str) -> None:
        """Mark every hit of ``query`` in both views and go to the first one after the place."""
        self._query = query
        self._hits_text = find_all(self.doc.text, query) if (self.doc and query) else []
        self._hits_page, self._current = [], -1
        self.page_view.set_highlights({})
        if self.doc is not None and self.doc.is_pdf and query and self.page_view.page_count():
            first, last = self.doc.page_start or 0, self.doc.page_end or 0
            self._find_req = self.renderer.find(query, list(range(first, last + 1)))
        here = self.text_offset()
        after = [i for i, (s, _e) in enumerate(self._hits_text) if s >= here]
        self._current = after[0] if after else (0 if self._hits_text else -1)
        self._refresh_find_marks()

    @Slot(int, object)
    def _page_found(self, req: int, found: dict) -> None:
        if req != self._find_req:
            return  # an older query's answer
        self.page_view.set_highlights(found)
        self._hits_page = self.page_view.hits()
        self._refresh_find_marks()

    def hit_count(self) -> int:
        if self.view == View.PAGE and self.doc is not None and self.doc.is_pdf:
            return len(self._hits_page) if self._hits_page else len(self._hits_text)
        return len(self._hits_text)

    @Slot(int)
    def find_step(self, delta: int) -> None:
        total = self.hit_count()
        if not total:
            return
        self._current = (self._current + delta) % total if self._current >= 0 else 0
        self._refresh_find_marks()

    def _refresh_find_marks(self) -> None:
        total = self.hit_count()
        current = min(self._current, total - 1) if total else -1
        if self.view == View.PAGE and self._hits_page:
            self.page_view.show_hit(self._hits_page[current])
        elif self.view == View.PAGE and self._hits_text and self.doc is not None and self.doc.page_map:
            start = self._hits_text[current][0]
            self.page_view.set_position(
                max(position_at(self.doc.page_map, start, len(self.doc.text)) - 0.05, 0)
            )
        self.text_view.set_find_hits(self._hits_text, current if self.view == View.TEXT else -1)
        self.find_bar.set_count(max(current, 0), total, self._query)
