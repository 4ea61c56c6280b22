"""Annotation edits as undoable commands, and the controller the widgets talk to.

Every edit is done by the core first, in its own transaction; only an edit that landed is pushed
on the undo stack (its first ``redo`` is skipped), so a read-only library or a full disk is
reported and leaves no phantom entry in the undo history. Typing in a note pushes one command
per debounced change; consecutive changes of the same note merge into one undo step.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from reader.errors import ReaderError
from reader.library import Library
from reader.library.annotation_store import Highlight
from reader.models.labels import error_text

_NOTE_MERGE_ID = 4201
_DOC_NOTE_MERGE_ID = 4202
MERGE_WINDOW = 3.0  # seconds: a pause longer than this starts a new undo step
Action = Callable[[], Any]


class _Command(QUndoCommand):
    """Runs ``do``/``undo`` callables; the first redo is skipped (the edit already happened)."""

    def __init__(self, text: str, do: Action, undo: Action, changed: Action) -> None:
        super().__init__(text)
        self._do, self._undo, self._changed = do, undo, changed
        self._first = True

    def redo(self) -> None:
        if self._first:
            self._first = False
        else:
            self._do()
        self._changed()

    def undo(self) -> None:
        self._undo()
        self._changed()


class _NoteEdit(_Command):
    """A note edit that merges with the next edit of the same note made soon after."""

    def __init__(self, merge_id: int, key: object, before: str, after: str, setter, changed: Action) -> None:
        super().__init__("", lambda: setter(self.after), lambda: setter(self.before), changed)
        self._merge_id, self.key, self.before, self.after = merge_id, key, before, after
        self.stamp = time.monotonic()

    def id(self) -> int:
        return self._merge_id

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, _NoteEdit) or other.key != self.key:
            return False
        if other.stamp - self.stamp > MERGE_WINDOW:
            return False
        self.after, self.stamp = other.after, other.stamp
        return True


class AnnotationController(QObject):
    """Edits annotations of one library through a QUndoStack; tells views what changed."""

    changed = Signal(int)  # document id whose annotations changed (-1: several / tags)
    error = Signal(str)

    def __init__(self, library: Library, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.library = library
        self.ann = library.annotations
        self.stack = QUndoStack(self)

    def _try(self, fn: Action) -> tuple[bool, Any]:
        """Run a core edit; a failure is reported (read-only, disk full …) and nothing is pushed."""
        try:
            return True, fn()
        except ReaderError as exc:
            self.error.emit(error_text(exc))
            return False, None

    def _push(self, text: str, do: Action, undo: Action, doc_id: int) -> None:
        self.stack.push(_Command(text, do, undo, lambda: self.changed.emit(doc_id)))

    def _edit(self, text: str, do: Action, undo: Action, doc_id: int) -> bool:
        """Do an edit now and, if it landed, make it undoable."""
        ok, _ = self._try(do)
        if ok:
            self._push(text, do, undo, doc_id)
        return ok

    # -- highlights ---------------------------------------------------------------------------
    def add_highlight(self, doc_id: int, start: int, end: int, colour: str) -> Highlight | None:
        ok, h = self._try(lambda: self.ann.add_highlight(doc_id, start, end, colour))
        if not ok:
            return None
        uid = h.uuid
        self._push(self.tr("Highlight"), lambda: self.ann.restore(uid), lambda: self.ann.delete(uid), doc_id)
        return h

    def delete_highlight(self, uid: str) -> None:
        ok, h = self._try(lambda: self.ann.highlight(uid))
        if ok:
            restore = lambda: self.ann.restore(uid)  # noqa: E731
            self._edit(self.tr("Delete highlight"), lambda: self.ann.delete(uid), restore, h.document_id)

    def set_colour(self, uid: str, colour: str) -> None:
        ok, before = self._try(lambda: self.ann.highlight(uid))
        if ok and before.color != colour:
            old = before.color
            do = lambda: self.ann.set_color(uid, colour)  # noqa: E731
            self._edit(self.tr("Change colour"), do, lambda: self.ann.set_color(uid, old), before.document_id)

    def set_note(self, uid: str, note: str) -> None:
        ok, before = self._try(lambda: self.ann.highlight(uid))
        if not ok or before.note == note or not self._try(lambda: self.ann.set_note(uid, note))[0]:
            return
        doc_id = before.document_id
        cmd = _NoteEdit(
            _NOTE_MERGE_ID,
            uid,
            before.note,
            note,
            lambda t: self.ann.set_note(uid, t),
            lambda: self.changed.emit(doc_id),
        )
        cmd.setText(self.tr("Edit note"))
        self.stack.push(cmd)

    def set_document_note(self, doc_id: int, note: str) -> None:
        ok, before = self._try(lambda: self.ann.document_note(doc_id))
        if not ok or before == note or not self._try(lambda: self.ann.set_document_note(doc_id, note))[0]:
            return
        setter = lambda t: self.ann.set_document_note(doc_id, t)  # noqa: E731
        cmd = _NoteEdit(_DOC_NOTE_MERGE_ID, doc_id, before, note, setter, lambda: self.changed.emit(doc_id))
        cmd.setText(self.tr("Edit document note"))
        self.stack.push(cmd)

    # -- tags ---------------------------------------------------------------------------------
    def set_highlight_tags(self, uid: str, names: list[str]) -> None:
        ok, before = self._try(lambda: self.ann.highlight(uid))
        if not ok:
            return
        old, new = set(before.tags), set(names)

        def apply(add: set[str], remove: set[str]) -> None:
            self.ann.untag_highlight(uid, sorted(remove))
            self.ann.tag_highlight(uid, sorted(add))

        if old != new:
            do, undo = (lambda: apply(new - old, old - new)), (lambda: apply(old - new, new - old))
            self._edit(self.tr("Edit tags"), do, undo, before.document_id)

    def set_document_tags(self, doc_id: int, names: list[str]) -> None:
        ok, before = self._try(lambda: self.ann.document_tags(doc_id))
        if not ok:
            return
        old, new = set(before), set(names)

        def apply(add: set[str], remove: set[str]) -> None:
            self.ann.untag_document(doc_id, sorted(remove))
            self.ann.tag_document(doc_id, sorted(add))

        if old != new:
            do, undo = (lambda: apply(new - old, old - new)), (lambda: apply(old - new, new - old))
            self._edit(self.tr("Edit tags"), do, undo, doc_id)

    def rename_tag(self, old: str, new: str) -> None:
        """Rename ``old`` (merging into ``new`` if it exists); undo gives both tags their old links."""
        merging = any(t.name == new for t in self.ann.tag_counts())
        target_before = self.ann.tag_links(new) if merging else None
        ok, links = self._try(lambda: self.ann.rename_tag(old, new))
        if not ok:
            return

        def undo() -> None:
            if target_before is None:
                self.ann.rename_tag(new, old)
            else:
                self.ann.delete_tag(new)
                self.ann.restore_tag(target_before)
                self.ann.restore_tag(links)

        self._push(self.tr("Rename tag"), lambda: self.ann.rename_tag(old, new), undo, -1)

    def delete_tag(self, name: str) -> None:
        ok, links = self._try(lambda: self.ann.delete_tag(name))
        if ok:
            self._push(
                self.tr("Delete tag"),
                lambda: self.ann.delete_tag(name),
                lambda: self.ann.restore_tag(links),
                -1,
            )

    # -- lifecycle ----------------------------------------------------------------------------
    def close(self) -> None:
        """The undo history goes away: tombstones can go too."""
        self.stack.clear()
        try:
            self.ann.purge_deleted()
        except ReaderError as exc:
            self.error.emit(error_text(exc))
