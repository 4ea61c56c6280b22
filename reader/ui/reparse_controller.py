"""Re-splitting stored issues with a newer parser: offered once per parser version, run on the
runner's write lane with progress and Cancel in the status bar while the window stays usable."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMessageBox

from reader.errors import ReaderError
from reader.library import Library
from reader.library.records import ReparseStatus
from reader.models.runner import Task
from reader.ui.messages import message_box
from reader.ui.status_progress import StatusProgress, status_progress

if TYPE_CHECKING:
    from reader.reparse import ReparseOutcome
    from reader.ui.main_window import MainWindow


class ReparseController(QObject):
    finished = Signal(list)  # list[ReparseOutcome], after the library view refreshed

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.task: Task | None = None
        self.bar: StatusProgress | None = None
        self.offer: QMessageBox | None = None

    def offer_once(self) -> QMessageBox | None:
        """Once per parser version: offer to re-split issues an older parser split (non-modal)."""
        from reader.gazette.parser import PARSER_VERSION
        from reader.reparse import outdated_issues

        w = self.window
        if w.library.readonly or w.settings.extra.get("reparse_offered", 0) >= PARSER_VERSION:
            return None
        try:
            outdated = outdated_issues(w.library)
        except ReaderError:
            return None
        if not outdated:
            return None
        w.settings.extra["reparse_offered"] = PARSER_VERSION
        w.settings.save()
        box = message_box(w, QMessageBox.Icon.Question, self.tr("Better splitting available"), "")
        box.setObjectName("reparseOffer")
        text = self.tr(
            "%n issue(s) in your library were split into documents by an older version. The new "
            "version finds documents without a document number (announcements, decisions, "
            "speeches) that the old one merged into the document before them.",
            "",
            len(outdated),
        )
        box.setText(text)
        box.setInformativeText(
            self.tr("Re-split them now, in the background? Highlights, notes and tags are kept.")
        )
        yes = box.addButton(self.tr("Re-split now"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Later"), QMessageBox.ButtonRole.RejectRole)
        box.buttonClicked.connect(lambda b: b is yes and self.start(outdated))
        box.setModal(False)  # the user goes on reading while deciding
        box.show()
        self.offer = box
        return box

    def start_all(self) -> bool:
        return self.start([r.id for r in self.window.library.issues()])

    def start(self, issue_ids: list[int]) -> bool:
        """Re-split issues in the background; False when one is running (or nothing to do)."""
        from reader.reparse import reparse_issues

        w = self.window
        if self.task is not None or w.library.readonly or not issue_ids:
            return False
        folder = w.library.folder

        def work(task: Task) -> list[ReparseOutcome]:
            with Library(folder) as lib:
                return reparse_issues(lib, issue_ids, progress=task.progress, cancelled=task.cancelled)

        label = self.tr("Re-splitting issues…")
        shown = status_progress(w, "reparseProgress", label, len(issue_ids), self.tr("Cancel"))
        self.bar, meter = shown, shown.meter
        self.task = w.runner.write(
            "reparse",
            work,
            done=self._done,
            failed=lambda message: self._done([], message),
            progress=lambda done, _total, _current: meter.setValue(done),
            doing="重新拆分",
        )
        shown.cancel.clicked.connect(self.task.cancel)
        return True

    def _done(self, outcomes: list[ReparseOutcome], error: str = "") -> None:
        w = self.window
        self.task = None
        if self.bar is not None:
            self.bar.remove(w)
            self.bar = None
        if error:
            w.show_error(error)
            self.finished.emit([])
            return
        w.refresh()
        doc = w.pane.doc
        if doc is not None and any(
            o.issue_id == doc.issue_id and o.status == ReparseStatus.REPARSED for o in outcomes
        ):
            w.open_document(doc.id)  # its text may have changed: show the new one at the place kept
        w.start_indexing()
        counts = (
            sum(o.status == ReparseStatus.REPARSED for o in outcomes),
            sum(o.status == ReparseStatus.UNCHANGED for o in outcomes),
        )
        failed = [o for o in outcomes if o.status == ReparseStatus.FAILED]
        summary = self.tr("Re-split %1 issues, %2 unchanged, %3 failed.")
        for k, n in enumerate((*counts, len(failed)), start=1):
            summary = summary.replace(f"%{k}", str(n))
        w.statusBar().showMessage(summary, 15000)
        w.last_notice = summary
        if failed:
            box = message_box(
                w,
                QMessageBox.Icon.Warning,
                self.tr("Some issues were not re-split"),
                summary,
                detailed="\n".join(f"{o.label or o.issue_id}: {o.reason}" for o in failed),
            )
            box.open()
        self.finished.emit(outcomes)
