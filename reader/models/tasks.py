"""Background work on a library: imports and re-splits run on a worker thread that owns its
own library connection.

Results cross back to the GUI only through queued signals. A task can be cancelled; the file or
issue in progress finishes (its transaction is all-or-nothing) and the rest are skipped.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QThread, Signal, Slot

from reader.errors import ReaderError
from reader.importer import import_paths
from reader.library import Library
from reader.reparse import reparse_issues

# (library, progress(done, total, current), cancelled()) -> outcomes
Work = Callable[[Library, Callable[[int, int, str], None], Callable[[], bool]], list]


class LibraryWorker(QObject):
    """Runs one piece of work on the library at ``folder``; lives on its own QThread."""

    progress = Signal(int, int, str)  # done, total, current file or issue
    finished = Signal()  # results are in ``outcomes``: plain Python objects stay off queued signals
    failed = Signal(str)  # the library could not be opened at all

    def __init__(self, folder: Path, work: Work) -> None:
        super().__init__()
        self._folder = folder
        self._work = work
        self._cancel = threading.Event()
        self.outcomes: list = []

    def cancel(self) -> None:
        self._cancel.set()

    @Slot()
    def run(self) -> None:
        try:
            with Library(self._folder) as lib:
                self.outcomes = self._work(lib, self.progress.emit, self._cancel.is_set)
        except ReaderError as exc:
            self.failed.emit(str(exc))
            return
        self.finished.emit()


class LibraryTask(QObject):
    """Owns the thread and worker of one job; emits ``done`` when the thread has ended."""

    progress = Signal(int, int, str)
    done = Signal(list, str)  # outcomes, error message ("" when the library opened)

    def __init__(self, folder: Path, work: Work, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.thread = QThread()
        self.thread.setObjectName(name)
        self.worker = LibraryWorker(folder, work)
        self.worker.moveToThread(self.thread)
        self.thread.started.connect(self.worker.run)
        self.worker.progress.connect(self.progress)
        self.worker.finished.connect(self._finished)
        self.worker.failed.connect(self._failed)
        self._outcomes: list = []
        self._error = ""
        self.thread.finished.connect(self._emit_done)

    def start(self) -> None:
        self.thread.start()

    def cancel(self) -> None:
        self.worker.cancel()

    def wait(self, ms: int = 30000) -> bool:
        return self.thread.wait(ms)

    @Slot()
    def _finished(self) -> None:
        self._outcomes = self.worker.outcomes
        self.thread.quit()

    @Slot(str)
    def _failed(self, message: str) -> None:
        self._error = message
        self.thread.quit()

    @Slot()
    def _emit_done(self) -> None:
        self.done.emit(self._outcomes, self._error)


def import_task(
    folder: Path, paths: list[str], parent: QObject | None = None, passwords: dict[str, str] | None = None
) -> LibraryTask:
    """Import ``paths`` (files and folders) in the background."""

    def work(lib: Library, progress, cancelled) -> list:
        return import_paths(lib, paths, passwords=passwords, progress=progress, cancelled=cancelled)

    return LibraryTask(folder, work, "import", parent)


def reparse_task(folder: Path, issue_ids: list[int], parent: QObject | None = None) -> LibraryTask:
    """Re-split stored issues with the current parser in the background."""

    def work(lib: Library, progress, cancelled) -> list:
        return reparse_issues(lib, issue_ids, progress=progress, cancelled=cancelled)

    return LibraryTask(folder, work, "reparse", parent)
