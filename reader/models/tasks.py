"""Background work: imports run on a worker thread that owns its own library connection.

Results cross back to the GUI only through queued signals. A task can be cancelled; the file in
progress finishes (its transaction is all-or-nothing) and the rest are skipped.
"""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QObject, QThread, Signal, Slot

from reader.errors import ReaderError
from reader.importer import import_paths
from reader.library import Library
from reader.library.records import ImportOutcome


class ImportWorker(QObject):
    """Imports paths into the library at ``folder``; lives on its own QThread."""

    progress = Signal(int, int, str)  # done, total, current file
    finished = Signal()  # results are in ``outcomes``: plain Python objects stay off queued signals
    failed = Signal(str)  # the library could not be opened at all

    def __init__(self, folder: Path, paths: list[str], passwords: dict[str, str] | None = None) -> None:
        super().__init__()
        self._folder = folder
        self._paths = paths
        self._passwords = passwords
        self._cancel = threading.Event()
        self.outcomes: list[ImportOutcome] = []

    def cancel(self) -> None:
        self._cancel.set()

    @Slot()
    def run(self) -> None:
        try:
            with Library(self._folder) as lib:
                self.outcomes = import_paths(
                    lib,
                    self._paths,
                    passwords=self._passwords,
                    progress=self.progress.emit,
                    cancelled=self._cancel.is_set,
                )
        except ReaderError as exc:
            self.failed.emit(str(exc))
            return
        self.finished.emit()


class ImportTask(QObject):
    """Owns the thread and worker of one import; emits ``done`` when the thread has ended."""

    progress = Signal(int, int, str)
    done = Signal(list, str)  # outcomes, error message ("" when the library opened)

    def __init__(
        self,
        folder: Path,
        paths: list[str],
        parent: QObject | None = None,
        passwords: dict[str, str] | None = None,
    ) -> None:
        super().__init__(parent)
        self.thread = QThread()
        self.thread.setObjectName("import")
        self.worker = ImportWorker(folder, paths, passwords)
        self.worker.moveToThread(self.thread)
        self.thread.started.connect(self.worker.run)
        self.worker.progress.connect(self.progress)
        self.worker.finished.connect(self._finished)
        self.worker.failed.connect(self._failed)
        self._outcomes: list[ImportOutcome] = []
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
