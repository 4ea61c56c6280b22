"""The open document's relations in the window: the 关联 panel, the validity banner above the
text, and each resolved citation in the text view a link to its document.

Reads only (the relations are derived and settled when the library changes): a document's
relations and validity are two indexed queries, well under a millisecond.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Slot

from reader.errors import ReaderError
from reader.relations.phrases import cited_span

if TYPE_CHECKING:
    from reader.ui.main_window import MainWindow


class RelationsController(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        window.relations_panel.open_requested.connect(window.open_document)
        window.relations_panel.search_requested.connect(self.search_for)
        window.pane.banner.open_requested.connect(window.open_document)
        window.document_opened.connect(self.show_document)

    @Slot(int)
    def show_document(self, doc_id: int) -> None:
        w = self.window
        try:
            links = w.library.relations.of(doc_id)
            validity = w.library.relations.validity(doc_id)
        except ReaderError as exc:
            w.show_error(exc)
            return
        w.relations_panel.show_relations(links, validity)
        w.pane.banner.show_validity(validity)
        doc = w.pane.doc
        if doc is None or doc.id != doc_id:
            return
        citations = []
        for x in links["cites"] + links["repeals"] + links["amends"]:
            if x.id is None or x.position < 0:
                continue
            end = cited_span(doc.text, x.position)
            if end is not None:
                tip = " ".join(p for p in (x.title or "", x.number or "") if p)
                citations.append((x.position, end, f"gongbao://doc/{x.id}", tip))
        w.pane.text_view.set_citations(citations)

    def refresh(self) -> None:
        """After the library changed (an import, a correction, a removal): show it again."""
        doc = self.window.pane.doc
        if doc is not None:
            self.show_document(doc.id)
        else:
            self.window.relations_panel.clear()
            self.window.pane.banner.hide()

    @Slot(str)
    def search_for(self, text: str) -> None:
        """A document not in the library: search for its number or title (maybe under another)."""
        w = self.window
        w.open_search()
        w.search_panel.edit.setText(text)
