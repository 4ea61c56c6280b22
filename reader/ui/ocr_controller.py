"""识别文字: recognising the open scanned issue, on the runner's write lane with progress and
Cancel in the status bar; without the OCR add-on it says how to add it. A run cut off (Cancel,
a crash, quitting) resumes where it stopped: the pages read are in the library already."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMessageBox

from reader.library import Library
from reader.models.runner import Task
from reader.ui.messages import message_box
from reader.ui.status_progress import StatusProgress, status_progress

if TYPE_CHECKING:
    from reader.ocr.scans import OcrOutcome
    from reader.ui.main_window import MainWindow


class OcrController(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.task: Task | None = None
        self.bar: StatusProgress | None = None

    def can_recognise(self) -> bool:
        """A scanned document is open in a library that can be written."""
        from reader.ocr.scans import is_scan

        w = self.window
        doc = w.pane.doc  # its issue record is at hand: no query each time the menus update
        return doc is not None and not w.library.readonly and is_scan(doc.issue)

    def start(self) -> QMessageBox | bool:
        """Recognise the open document's issue in the background (False when busy or no scan);
        without the add-on, a message saying how to add it (returned, for tests)."""
        from reader.ocr import available

        w = self.window
        if self.task is not None or not self.can_recognise():
            return False
        if not available():
            box = message_box(
                w,
                QMessageBox.Icon.Information,
                self.tr("Text recognition is not installed"),
                self.tr("This document is a scan: its pages have no text to search or highlight."),
                informative=self.tr(
                    "Recognising text offline needs the OCR add-on. Install it with: "
                    'pip install "gongbao-reader[ocr]"'
                ),
            )
            box.setObjectName("ocrMissing")
            box.open()
            return box
        issue_id, folder = w.pane.doc.issue_id, w.library.folder
        pages = w.library.issue(issue_id).page_count or 1

        def work(task: Task) -> OcrOutcome:
            from reader.ocr.scans import recognise_issue

            with Library(folder) as lib:
                return recognise_issue(
                    lib,
                    issue_id,
                    progress=lambda done, total: task.progress(done, total, ""),
                    cancelled=task.cancelled,
                )

        shown = status_progress(w, "ocrProgress", self.tr("Recognising text…"), pages, self.tr("Cancel"))
        self.bar, meter = shown, shown.meter
        self.task = w.runner.write(
            "ocr",
            work,
            done=self._done,
            failed=lambda message: self._done(None, message),
            progress=lambda done, _total, _current: meter.setValue(done),
            doing="识别文字",
        )
        shown.cancel.clicked.connect(self.task.cancel)
        return True

    def _done(self, outcome: OcrOutcome | None, error: str = "") -> None:
        w = self.window
        self.task = None
        if self.bar is not None:
            self.bar.remove(w)
            self.bar = None
        if error or outcome is None:
            w.show_error(error)
            return
        if outcome.finished:
            w.refresh()
            docs = w.library.documents(issue_id=outcome.issue_id)
            if docs:
                w.open_document(docs[0].id)
            w.start_indexing()
            text = self.tr("Text recognised on %1 pages (mean confidence %2%).")
            text = text.replace("%1", str(outcome.pages)).replace(
                "%2", f"{(outcome.confidence or 0) * 100:.0f}"
            )
        else:
            text = self.tr("Recognition stopped after %1 of %2 pages; it goes on from there next time.")
            text = text.replace("%1", str(outcome.resumed + outcome.read)).replace("%2", str(outcome.pages))
        w.statusBar().showMessage(text, 15000)
        w.last_notice = text
        w.menus.update()
