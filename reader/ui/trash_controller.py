"""Removing to the 回收站 from the window, and getting things back: the Delete key in the
library panel (saying how many highlights go with it), the 回收站 dialog, the notice when old
entries were emptied at start, and the offer to restore when a removed issue is imported again.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMessageBox

from reader.errors import ReaderError
from reader.library.trash import KEEP_DAYS
from reader.ui.messages import ask, message_box
from reader.ui.trash_dialog import TrashDialog

if TYPE_CHECKING:
    from reader.ui.main_window import MainWindow


class TrashController(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.dialog: TrashDialog | None = None
        self.offer: QMessageBox | None = None

    # -- remove -------------------------------------------------------------------------------
    def remove_selected(self) -> bool:
        """Move what is selected in the library panel to the 回收站, after saying what goes."""
        w = self.window
        panel = w.library_panel
        issues, docs = panel.selected_issue_ids(), panel.selected_document_ids(expand_issues=False)
        if not issues and not docs:
            w.statusBar().showMessage(self.tr("Select an issue or documents in the library first."), 5000)
            return False
        trash = w.library.trash
        try:
            docs = [d for d in docs if w.library.document(d).issue_id not in issues]
            count = sum(trash.highlights_on(issue_id=i) for i in issues)
            count += trash.highlights_on(document_ids=docs) if docs else 0
        except ReaderError as exc:
            w.show_error(exc)
            return False
        if issues:
            what = self.tr("%n issue(s)", "", len(issues))
            if docs:
                what += self.tr(" and ") + self.tr("%n document(s)", "", len(docs))
        else:
            what = self.tr("%n document(s)", "", len(docs))
        text = self.tr("Move %1 to the trash?").replace("%1", what)
        if count:
            text += "\n\n" + self.tr(
                "It holds %n highlight(s) and note(s); they are kept with it.", "", count
            )
        text += "\n\n" + self.tr("You can restore it from File → Trash for %1 days.").replace(
            "%1", str(KEEP_DAYS)
        )
        if not ask(w, self.tr("Move to Trash"), text):
            return False
        return self.remove(issues, docs)

    def remove(self, issue_ids: list[int], document_ids: list[int]) -> bool:
        """Remove without asking (the question was asked, or a test drives it)."""
        w = self.window
        trash = w.library.trash
        try:
            for issue_id in issue_ids:
                trash.remove_issue(issue_id)
            if document_ids:
                trash.remove_documents(document_ids)
        except ReaderError as exc:
            w.show_error(exc)
            w.documents_changed()
            return False
        open_doc = w.pane.doc
        if open_doc is not None and (open_doc.issue_id in issue_ids or open_doc.id in document_ids):
            w.close_document()
        w.documents_changed()
        w.statusBar().showMessage(self.tr("Moved to the trash. File → Trash brings it back."), 8000)
        return True

    # -- the dialog ---------------------------------------------------------------------------
    def open_dialog(self) -> TrashDialog:
        if self.dialog is None:
            self.dialog = TrashDialog(self.window)
            self.dialog.restore_requested.connect(self.restore)
            self.dialog.empty_requested.connect(self._ask_empty)
        self._fill()
        self.dialog.show()
        self.dialog.raise_()
        return self.dialog

    def _fill(self) -> None:
        if self.dialog is None:
            return
        try:
            self.dialog.show_entries(self.window.library.trash.entries())
        except ReaderError as exc:
            self.window.show_error(exc)

    def restore(self, entry_ids: list[int]) -> bool:
        w = self.window
        try:
            restored = w.library.trash.restore(entry_ids)
        except ReaderError as exc:
            w.show_error(exc)
            return False
        w.documents_changed()
        self._fill()
        n = sum(e.highlights for e in restored)
        w.statusBar().showMessage(
            self.tr("Restored %1; %n highlight(s) back with it.", "", n).replace(
                "%1", "、".join(e.label for e in restored)
            ),
            8000,
        )
        return True

    def _ask_empty(self) -> None:
        w = self.window
        text = self.tr("Delete everything in the trash for good? This cannot be undone.")
        if ask(self.dialog or w, self.tr("Empty Trash"), text):
            self.empty()

    def empty(self) -> bool:
        w = self.window
        try:
            done = w.library.trash.empty()
        except ReaderError as exc:
            w.show_error(exc)
            return False
        self._fill()
        w.statusBar().showMessage(self.tr("Trash emptied: %n document(s) deleted.", "", done.documents), 8000)
        return True

    # -- at start, and on import ------------------------------------------------------------
    def purge_old(self) -> int:
        """Empty entries older than 30 days; say so (a notice, not a question). Returns how many."""
        w = self.window
        if w.library.readonly:
            return 0
        try:
            done = w.library.trash.purge_older()
        except ReaderError as exc:
            w.show_error(exc)
            return 0
        if done.entries:
            w.tell(
                self.tr(
                    "%n item(s) removed more than %1 days ago were deleted from the trash.", "", done.entries
                ).replace("%1", str(KEEP_DAYS))
            )
        return done.entries

    def offer_restore(self, entry_ids: list[int]) -> QMessageBox | None:
        """Files just imported are issues in the 回收站: offer to bring them back (not modal)."""
        w = self.window
        if not entry_ids:
            return None
        box = message_box(
            w,
            QMessageBox.Icon.Question,
            self.tr("Restore from Trash"),
            self.tr(
                "%n of the imported file(s) are issues you removed to the trash. Restore them?",
                "",
                len(entry_ids),
            ),
        )
        box.setObjectName("restoreOffer")
        yes = box.addButton(self.tr("Restore"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Keep in Trash"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(yes)
        box.buttonClicked.connect(lambda b: self.restore(entry_ids) if b is yes else None)
        self.offer = box
        box.setModal(False)  # the import report and the library stay usable meanwhile
        box.show()
        return box
