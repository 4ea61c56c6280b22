"""The window's one background runner (Anki's ``taskman`` pattern).

- **write lane**: one thread, so library writes (imports, re-splits, notes imports, backups) run
  one after another and never wait on each other's SQLite lock;
- **read pool**: two threads for work that only reads (exports, which run MuPDF in a child);
- **lanes of their own** for a controller that keeps state on its thread (search keeps a warm
  index reader): one thread each, calls in order.

Results, errors and progress come back on the GUI thread through one queued signal
(:class:`Inbox`); nothing polls. A call submitted with ``newest`` only counts while it is the
newest of its kind: older ones still queued are skipped, and an older result that arrives late
is dropped (search-as-you-type, rendering while scrolling).

What a failure becomes is decided here once: a :class:`~reader.errors.ReaderError` is a message
for the user as it stands, an ``OSError`` is said in words (a full disk is 磁盘已满), anything else
is a bug: logged with its traceback and shown as an internal error naming the log.
"""

from __future__ import annotations

import itertools
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, Qt, Signal, Slot

from reader.errors import ReaderError, describe_failure
from reader.logfile import internal_error


class Inbox(QObject):
    """Hands calls from any thread to the GUI thread: one queued signal, no timers."""

    _call = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._closed = False
        self._call.connect(self._run, Qt.ConnectionType.QueuedConnection)

    def post(self, fn: Callable[..., object], *args: object) -> None:
        """Run ``fn(*args)`` on the GUI thread soon (safe from any thread, a no-op once closed)."""
        if self._closed:
            return
        try:
            self._call.emit((fn, args))
        except RuntimeError:  # the window (and this object) are gone: nobody is listening
            self._closed = True

    @Slot(object)
    def _run(self, item: tuple[Callable[..., object], tuple]) -> None:
        if not self._closed:
            fn, args = item
            fn(*args)

    def close(self) -> None:
        self._closed = True


def _alive(callback: Callable[..., object]) -> bool:
    """False for a method of a widget already deleted (a dialog closed before its work ended)."""
    owner = getattr(callback, "__self__", None)
    return not isinstance(owner, QObject) or shiboken6.isValid(owner)


def failure_message(exc: BaseException, doing: str) -> str:
    """What the user is told when ``doing`` raised ``exc``."""
    if isinstance(exc, ReaderError):
        from reader.models.labels import error_text

        return error_text(exc)
    if isinstance(exc, OSError):
        return f"{doing}失败：{describe_failure(exc)}"
    return internal_error(exc, doing)


class Task:
    """One background call: the worker reads ``cancelled()`` and calls ``progress()``; the GUI
    may ``cancel()`` it and ``wait()`` for it (a window closing waits for what must finish)."""

    def __init__(self, name: str, runner: Runner, on_progress: Callable[..., object] | None) -> None:
        self.name = name
        self._runner = runner
        self._on_progress = on_progress
        self._cancel = threading.Event()
        self._finished = threading.Event()
        self.future: Future | None = None

    # worker side
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def progress(self, *args: object) -> None:
        if self._on_progress is not None:
            self._runner.post(self._on_progress, *args)

    # GUI side
    def cancel(self) -> None:
        self._cancel.set()

    def running(self) -> bool:
        return not self._finished.is_set()

    def wait(self, seconds: float = 120.0) -> bool:
        """Block until the call has returned (not until its result was delivered)."""
        return self._finished.wait(seconds)


Work = Callable[[Task], Any]


class Runner(QObject):
    """Background calls for one window; see the module docstring for the lanes."""

    def __init__(self, parent: QObject | None = None, readers: int = 2) -> None:
        super().__init__(parent)
        self._inbox = Inbox(self)
        self._write = ThreadPoolExecutor(1, thread_name_prefix="library-write")
        self._read = ThreadPoolExecutor(readers, thread_name_prefix="read")
        self._lanes: dict[str, ThreadPoolExecutor] = {}
        self._newest: dict[str, int] = {}
        self._ids = itertools.count(1)
        self._tasks: set[Task] = set()
        self._closed = False

    def post(self, fn: Callable[..., object], *args: object) -> None:
        """Run ``fn(*args)`` on the GUI thread (for threads of a controller's own, e.g. a pipe reader)."""
        self._inbox.post(fn, *args)

    def write(self, name: str, work: Work, **callbacks: Any) -> Task:
        """``work(task)`` on the serial write lane."""
        return self._submit(self._write, name, work, **callbacks)

    def read(self, name: str, work: Work, **callbacks: Any) -> Task:
        """``work(task)`` on the read pool."""
        return self._submit(self._read, name, work, **callbacks)

    def lane(self, lane: str, name: str, work: Work, **callbacks: Any) -> Task:
        """``work(task)`` on the thread of ``lane`` (made on first use), after earlier calls there."""
        pool = self._lanes.get(lane)
        if pool is None:
            pool = self._lanes[lane] = ThreadPoolExecutor(1, thread_name_prefix=lane)
        return self._submit(pool, name, work, **callbacks)

    def _submit(
        self,
        pool: ThreadPoolExecutor,
        name: str,
        work: Work,
        *,
        done: Callable[[Any], object] | None = None,
        failed: Callable[[str], object] | None = None,
        progress: Callable[..., object] | None = None,
        newest: str | None = None,
        doing: str = "",
    ) -> Task:
        """``done(result)`` or ``failed(message)`` follow on the GUI thread (neither for a call
        that stopped being the newest of ``newest``)."""
        task = Task(name, self, progress)
        ticket = next(self._ids)
        if newest is not None:
            self._newest[newest] = ticket

        def current() -> bool:
            return newest is None or self._newest.get(newest) == ticket

        def deliver(callback: Callable[..., object] | None, value: object) -> None:
            self._tasks.discard(task)
            if callback is not None and current() and _alive(callback):
                callback(value)

        def run() -> None:
            try:
                if not current():
                    return  # a newer request of the same kind is queued: this one is moot
                try:
                    result = work(task)
                except Exception as exc:  # every failure is reported, none is lost
                    self.post(deliver, failed, failure_message(exc, doing or name))
                    return
                self.post(deliver, done, result)
            finally:
                task._finished.set()

        if self._closed:
            task._finished.set()
            return task
        self._tasks.add(task)
        task.future = pool.submit(run)
        return task

    def busy(self) -> list[str]:
        """Names of the calls not yet delivered (for tests and the closing window)."""
        return sorted(t.name for t in self._tasks if t.running())

    def shutdown(self, wait: float = 60.0) -> None:
        """Ask every call to stop (an import stops after the file in progress; an export, a notes
        import or a backup is finished, never cut short), wait for them (up to ``wait`` seconds
        each) and deliver nothing more: the window is closing."""
        self._closed = True
        for task in list(self._tasks):
            task.cancel()
        for pool in (self._write, self._read, *self._lanes.values()):
            pool.shutdown(wait=False)
        for task in list(self._tasks):
            task.wait(wait)
        self._inbox.close()
