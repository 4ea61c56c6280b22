"""Repairs of the library's documents as undoable commands: edit metadata, split, merge.

They share the annotations' undo stack (one Ctrl+Z history for everything the reader did). The
core does each repair in its own transaction first; only one that landed is pushed. Undo and
redo put back the issue's rows as they were before and after (``library.edits`` snapshots), so a
command above on the stack (a highlight made in the new half) still finds its document.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from reader.errors import ReaderError
from reader.library import Library
from reader.library.edits import EditResult, Snapshot
from reader.models.labels import error_text


class _Repair(QUndoCommand):
    """Undo puts ``before`` back, redo ``after``; the first redo is skipped (it already happened)."""

    def __init__(self, text: str, controller: DocumentController, result: EditResult, undo_show: int) -> None:
        super().__init__(text)
        self.controller, self.result, self.undo_show = controller, result, undo_show
        self._first = True

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        self.controller.put_back(self.result.after, self.result.document_id)

    def undo(self) -> None:
        self.controller.put_back(self.result.before, self.undo_show)


class DocumentController(QObject):
    """Edits the split and metadata of one library's documents through ``stack``."""

    # (issue id, document to show now): lists, outline and the open document follow
    changed = Signal(int, int)
    error = Signal(str)
    notice = Signal(str)  # a warning worth reading (a 发文字号 kept as typed)

    def __init__(self, library: Library, stack: QUndoStack, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.library = library
        self.stack = stack

    def _run(self, text: str, fn, undo_show: int | None = None) -> EditResult | None:
        try:
            result: EditResult = fn()
        except ReaderError as exc:
            self.error.emit(error_text(exc))
            return None
        if result.before is result.after:  # nothing changed: nothing to undo
            return result
        self.stack.push(_Repair(text, self, result, undo_show or result.document_id))
        for w in result.warnings:
            self.notice.emit(w)
        self.changed.emit(result.issue_id, result.new_document_id or result.document_id)
        return result

    def put_back(self, snapshot: Snapshot, show: int) -> None:
        try:
            self.library.edits.restore(snapshot)
        except ReaderError as exc:
            self.error.emit(error_text(exc))
            return
        self.changed.emit(snapshot.issue_id, show)

    def edit(self, doc_id: int, changes: dict[str, Any]) -> EditResult | None:
        return self._run(self.tr("Edit properties"), lambda: self.library.edits.edit(doc_id, changes))

    def split(self, doc_id: int, offset: int) -> EditResult | None:
        return self._run(self.tr("Split document"), lambda: self.library.edits.split(doc_id, offset))

    def merge(self, doc_id: int) -> EditResult | None:
        return self._run(
            self.tr("Merge with previous"), lambda: self.library.edits.merge(doc_id), undo_show=doc_id
        )
