"""Going places from the 转到 (Go) menu: the next or previous document of the issue, a page of
the open PDF, the open document's issue in the library."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QInputDialog

from reader.errors import ReaderError
from reader.library.records import View
from reader.ui.docks import show_dock

if TYPE_CHECKING:
    from reader.ui.main_window import MainWindow


class Navigation(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window

    def step_document(self, delta: int) -> bool:
        """Open the next (+1) or previous (-1) document of the open one's issue."""
        w = self.window
        doc = w.pane.doc
        if doc is None:
            return False
        try:
            ids = [d.id for d in w.library.documents(issue_id=doc.issue_id)]
        except ReaderError as exc:
            w.show_error(exc)
            return False
        if doc.id not in ids:
            return False
        k = ids.index(doc.id) + delta
        if not 0 <= k < len(ids):
            w.statusBar().showMessage(
                self.tr("This is the last document of the issue.")
                if delta > 0
                else self.tr("This is the first document of the issue."),
                4000,
            )
            return False
        return w.open_document(ids[k])

    def go_to_page(self, page: int | None = None) -> bool:
        """Show page ``page`` (1-based) of the open PDF, asking for it when not given."""
        w = self.window
        doc, pane = w.pane.doc, w.pane
        if doc is None or not doc.is_pdf or not pane.page_view.page_count():
            w.statusBar().showMessage(self.tr("Go to page works on the pages of a PDF document."), 4000)
            return False
        count = pane.page_view.page_count()
        if page is None:
            current = int(pane.page_view.position()) + 1
            page, ok = QInputDialog.getInt(
                w, self.tr("Go to Page"), self.tr("Page (1–%1):").replace("%1", str(count)), current, 1, count
            )
            if not ok:
                return False
        pane.set_view(View.PAGE)
        pane.page_view.go_to_page(max(1, min(page, count)) - 1)
        return True

    def show_issue(self) -> bool:
        """The open document's issue, selected and in view in the library panel."""
        w = self.window
        doc = w.pane.doc
        if doc is None:
            return False
        show_dock(w.docks["libraryDock"])
        w.library_panel.select(doc.id)
        w.library_panel.tree.setFocus()
        return True
