"""Repairing the open document from the window: its 属性, split here, merge with previous.

The place to split is the text cursor (or the start of the selection, in either view); the
work is done by :class:`~reader.models.document_controller.DocumentController` on the shared
undo stack, and the window's lists, outline and open document follow its ``changed`` signal.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Slot

from reader.library.records import View
from reader.ui.properties_dialog import PropertiesDialog

if TYPE_CHECKING:
    from reader.ui.main_window import MainWindow


class RepairController(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.dialog: PropertiesDialog | None = None

    def _writable_doc(self):
        w = self.window
        doc = w.pane.doc
        if doc is None:
            w.statusBar().showMessage(self.tr("Open a document first."), 4000)
            return None
        if w.library.readonly:
            w.show_error(self.tr("The library is read-only: documents cannot be changed."))
            return None
        return doc

    def properties(self) -> PropertiesDialog | None:
        """The 属性 dialog of the open document (not modal to the application)."""
        doc = self._writable_doc()
        if doc is None:
            return None
        dialog = PropertiesDialog(doc, self.window)
        dialog.accepted.connect(lambda: self._apply(doc.id, dialog.changes))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _apply(self, doc_id: int, changes: dict) -> None:
        if changes:
            self.window.documents.edit(doc_id, changes)

    def split_offset(self) -> int | None:
        """Where "split here" would cut: the selection's start, else the text cursor."""
        pane = self.window.pane
        selection = pane.selection_range()
        if selection is not None:
            return selection[0]
        if pane.view == View.TEXT:
            tv = pane.text_view
            return tv.canonical_offset(tv.textCursor().position())
        return None

    @Slot()
    def split_here(self) -> bool:
        w = self.window
        doc = self._writable_doc()
        if doc is None:
            return False
        offset = self.split_offset()
        if offset is None:
            w.statusBar().showMessage(self.tr("Select the text the new document begins with."), 5000)
            return False
        return w.documents.split(doc.id, offset) is not None

    @Slot()
    def merge_previous(self) -> bool:
        doc = self._writable_doc()
        if doc is None:
            return False
        return self.window.documents.merge(doc.id) is not None
