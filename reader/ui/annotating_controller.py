"""Highlighting and notes from the window: the reader's intents (highlight the selection, write
a note, copy as citation, jump to a highlight) carried out through the annotation controller,
and the views brought up to date when annotations change."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer, Slot
from PySide6.QtWidgets import QApplication

from reader.citation import citation
from reader.errors import ReaderError
from reader.library.records import View
from reader.ui.annotations_browser import AnnotationsBrowser
from reader.ui.docks import show_dock

if TYPE_CHECKING:
    from reader.ui.main_window import MainWindow


class AnnotatingController(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.index_soon = QTimer(self, singleShot=True, interval=1500)
        self.index_soon.timeout.connect(window.start_indexing)

    @Slot(int)
    def changed(self, doc_id: int) -> None:
        """Annotations of ``doc_id`` (-1: of several) changed: show them, re-index shortly."""
        w = self.window
        self.index_soon.start()  # notes and tags are searchable
        current = w.current_document_id()
        if current is not None and doc_id in (current, -1):
            w.show_highlights(current)
        w.annotations_panel.refresh()
        w.library_panel.refresh_tags()

    @Slot(int, int, str)
    def highlight(self, start: int, end: int, colour: str) -> str | None:
        w = self.window
        doc = w.pane.doc
        h = w.annotations.add_highlight(doc.id, start, end, colour) if doc else None
        if h is None:
            return None
        w.settings.last_colour = colour
        w.pane.clear_selection()
        w.annotations_panel.select(h.uuid)
        return h.uuid

    def highlight_selection(self) -> str | None:
        """Highlight the selection (either view) in the last colour used; returns the uuid."""
        w = self.window
        span = w.pane.selection_range()
        if span is None or w.pane.doc is None:
            w.statusBar().showMessage(self.tr("Select some text first."), 4000)
            return None
        return self.highlight(span[0], span[1], w.settings.last_colour)

    def note_selection(self) -> None:
        """Highlight the selection and put the cursor in its note."""
        uid = self.highlight_selection()
        if uid is not None:
            self.edit_note(uid)

    @Slot(str)
    def edit_note(self, uid: str) -> None:
        w = self.window
        show_dock(w.docks["annotationsDock"])
        w.annotations_panel.edit_note(uid)

    @Slot(str)
    def jump_to_highlight(self, uid: str) -> None:
        w = self.window
        try:
            h = w.library.annotations.highlight(uid)
        except ReaderError as exc:
            w.show_error(exc)
            return
        if w.current_document_id() != h.document_id:
            w.open_document(h.document_id)
        if not h.orphan:
            w.pane.go_to_offset(max(h.start - 20, 0))
            if w.pane.view == View.TEXT:
                w.pane.text_view.select_range(h.start, h.end)

    def open_at(self, doc_id: int, offset: int) -> None:
        w = self.window
        if w.open_document(doc_id):
            w.pane.go_to_offset(max(offset - 20, 0))

    @Slot(int, int)
    def copy_citation(self, start: int, end: int) -> None:
        """《title》（发文字号）： “quote” to the clipboard, as civil servants cite documents."""
        w = self.window
        doc = w.pane.doc
        if doc is None:
            return
        QApplication.clipboard().setText(citation(doc.title, doc.number, doc.text[start:end]))
        w.statusBar().showMessage(self.tr("Citation copied."), 4000)

    def copy_selection_citation(self) -> None:
        span = self.window.pane.selection_range()
        if span is not None:
            self.copy_citation(*span)

    def open_browser(self) -> AnnotationsBrowser:
        w = self.window
        browser = AnnotationsBrowser(w.library, w.colours(), w)
        browser.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        browser.open_requested.connect(self.open_at)
        browser.show()
        return browser
