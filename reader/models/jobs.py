"""One call run off the GUI thread, its result or error delivered back through queued signals.

For work that needs no progress or cancel and finishes in seconds (an export): a plain Python
thread that owns whatever it opens (its own library connection, its own PyMuPDF documents).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal

from reader.errors import ReaderError


class Job(QObject):
    """``Job(fn).start()``; ``finished(result)`` or ``failed(message)`` arrive on the GUI thread."""

    finished = Signal(object)
    failed = Signal(str)

    def __init__(self, fn: Callable[[], Any], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._fn = fn
        self._thread = threading.Thread(target=self._run, name="job", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def wait(self, seconds: float = 60.0) -> bool:
        self._thread.join(seconds)
        return not self._thread.is_alive()

    def running(self) -> bool:
        return self._thread.is_alive()

    def _run(self) -> None:
        try:
            result = self._fn()
        except ReaderError as exc:
            self.failed.emit(str(exc))
            return
        except Exception as exc:  # a bug must not vanish silently in a thread: say what it was
            self.failed.emit(f"{type(exc).__name__}: {exc}")
            return
        self.finished.emit(result)
