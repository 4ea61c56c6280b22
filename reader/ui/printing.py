"""Printing the open document with its highlights, or its notes, through a print preview.

A document that came as a PDF prints its own pages with the highlights on them (rendered in a
child process: :mod:`reader.export.page_images`); one that came as text prints typeset, as the
text view shows it.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QRectF, Qt
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from reader.models.runner import Task
    from reader.ui.main_window import MainWindow


def paint_pages(printer, pages: list[Path]) -> None:
    """Each page image on a sheet of its own, as large as fits, centred."""
    from PySide6.QtGui import QImage, QPainter

    painter = QPainter(printer)
    try:
        for n, path in enumerate(pages):
            if n:
                printer.newPage()
            image = QImage(str(path))  # one page in memory at a time
            if image.isNull():
                continue
            area = QRectF(painter.viewport())
            size = image.size().toSizeF().scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
            x = area.x() + (area.width() - size.width()) / 2
            y = area.y() + (area.height() - size.height()) / 2
            painter.drawImage(QRectF(x, y, size.width(), size.height()), image)
    finally:
        painter.end()


class PrintController(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self._printer = None
        self._dialog = None
        self.pages_task: Task | None = None
        self.last_pages: list[Path] = []  # the page images of the preview open now

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

    def prints_pages(self) -> bool:
        """Does the open document print as its original pages (it came as a PDF, pages known)?"""
        doc = self.window.pane.doc
        return doc is not None and doc.is_pdf and bool(doc.page_map)

    def preview(self, what: str) -> QWidget | None:
        """A print preview of ``what`` ("document" or "notes"); None with no document open, or
        while a PDF document's pages are being made ready (the preview opens when they are)."""
        if self.window.pane.doc is None:
            return None
        if what == "document" and self.prints_pages():
            self.prepare_pages()
            return None
        return self._open_preview(lambda p: self.render(p, what))

    def prepare_pages(self) -> Task:
        """Render the open PDF document's pages with their highlights, in the background."""
        from reader.export.page_images import annotated_page_images
        from reader.workers import run_in_child

        w = self.window
        folder, doc_id, meanings = w.library.folder, w.pane.doc.id, dict(w.settings.palette)
        out = Path(tempfile.mkdtemp(prefix="gongbao-print-"))

        def work(_task: Task):
            return run_in_child(
                annotated_page_images, folder, doc_id, out, meanings, name="print", timeout=300
            )

        def failed(message: str) -> None:
            shutil.rmtree(out, ignore_errors=True)
            w.show_error(message)

        w.statusBar().showMessage(self.tr("Preparing the pages for printing…"))
        self.pages_task = w.runner.read(
            "print-pages", work, done=lambda pages: self._pages_ready(pages, out), failed=failed, doing="打印"
        )
        return self.pages_task

    def _pages_ready(self, pages: list[Path], out: Path) -> None:
        self.window.statusBar().clearMessage()
        self.last_pages = list(pages)
        dialog = self._open_preview(lambda p: paint_pages(p, pages))
        dialog.finished.connect(lambda _r: shutil.rmtree(out, ignore_errors=True))

    def _open_preview(self, paint) -> QWidget:
        from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintPreviewDialog(printer, self.window)
        dialog.setWindowTitle(self.tr("Print preview"))
        dialog.paintRequested.connect(paint)
        # the dialog only points at the printer: keep it alive as long as the dialog (a
        # collected QPrinter crashed the preview on its next repaint)
        self._printer, self._dialog = printer, dialog
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog
