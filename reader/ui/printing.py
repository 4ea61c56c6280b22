"""Printing the open document with its highlights, or its notes, through a print preview."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from reader.ui.main_window import MainWindow


class PrintController(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self._printer = None
        self._dialog = None

    def html(self) -> tuple[str, str]:
        """The open document typeset with its highlights, and its notes, as printable HTML."""
        from reader.export import Scope, collect
        from reader.export.html_page import html_page
        from reader.export.pdf import document_html

        w = self.window
        assert w.pane.doc is not None
        bundle = collect(w.library, Scope(doc_ids=[w.pane.doc.id]), meanings=w.settings.palette)
        entry = next(bundle.entries())
        return document_html(entry), html_page(bundle, links=False)

    def render(self, printer, what: str) -> None:
        """Lay out the document or its notes on ``printer`` (also what the preview shows)."""
        from PySide6.QtGui import QTextDocument

        document, notes = self.html()
        text = QTextDocument(self)
        text.setDefaultFont(self.window.font())
        text.setHtml(document if what == "document" else notes)
        text.print_(printer)

    def preview(self, what: str) -> QWidget | None:
        """A print preview of ``what`` ("document" or "notes"); None with no document open."""
        from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

        if self.window.pane.doc is None:
            return None
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintPreviewDialog(printer, self.window)
        dialog.setWindowTitle(self.tr("Print preview"))
        dialog.paintRequested.connect(lambda p: self.render(p, what))
        # the dialog only points at the printer: keep it alive as long as the dialog (a
        # collected QPrinter crashed the preview on its next repaint)
        self._printer, self._dialog = printer, dialog
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog
