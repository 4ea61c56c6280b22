"""Search in the app: indexing in a child process, queries on a worker thread, newest wins.

jieba holds the GIL for seconds while it segments a batch, so indexing runs in a child process
(:func:`serve_indexer`) that drains the SQLite queue whenever poked. Queries run on one worker
thread with its own library connection and index reader; only the newest query is answered,
and results reach the GUI through a deque drained by a GUI-thread timer (no Qt calls off the
GUI thread).
"""

from __future__ import annotations

import contextlib
import itertools
import os
import threading
from collections import deque
from multiprocessing.connection import Connection
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from reader.search.index import Filters, Results, SearchIndex
from reader.search.query import QueryError
from reader.workers import ChildProcess, messages


def serve_indexer(conn: Connection) -> None:
    """Child process: on each ``("run", library_folder)`` bring the index up to date."""
    from reader.errors import ReaderError
    from reader.library import Library
    from reader.search.indexer import ensure_index, index_folder, process_queue, yield_cpu

    yield_cpu()  # indexing may take all cores for minutes: the window comes first
    for msg in messages(conn):
        _, folder = msg  # type: ignore[misc]
        try:
            with Library(folder) as lib:
                index = SearchIndex(index_folder(lib))
                rebuilt = ensure_index(lib, index)
                if rebuilt:
                    conn.send(("rebuilding", rebuilt))
                report = process_queue(
                    lib,
                    index,
                    progress=lambda d, t: conn.send(("progress", d, t)),
                    procs=min(2, os.cpu_count() or 1),
                )
                index.close()
            conn.send(("done", report.indexed, report.deleted))
        except (BrokenPipeError, EOFError, ConnectionResetError):
            return  # the app has gone: what was committed stays, the queue keeps the rest
        except ReaderError as exc:
            conn.send(("failed", str(exc)))
        except Exception as exc:  # the index is a cache: report, the next run rebuilds it
            conn.send(("failed", f"{type(exc).__name__}: {exc}"))


class SearchController(QObject):
    """Owns the indexing process and the search thread for one library folder."""

    results_ready = Signal(int)  # request id; the results are in ``results``
    indexing = Signal(int, int)  # done, total
    indexed = Signal()
    failed = Signal(str)

    def __init__(self, folder: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.folder = Path(folder)
        self.results: dict[int, Results] = {}
        self._ids = itertools.count(1)
        self._latest = 0
        self._inbox: deque[tuple] = deque()
        self._wanted: tuple[int, str, Filters, str] | None = None
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._search_loop, name="search", daemon=True)
        self._thread.start()
        self._indexer: ChildProcess | None = None
        self._reader: threading.Thread | None = None
        self.busy = False
        self._rerun = False
        self._drain = QTimer(self)
        self._drain.setInterval(15)
        self._drain.timeout.connect(self._drain_inbox)
        self._drain.start()

    # -- indexing -----------------------------------------------------------------------------
    def index_now(self) -> None:
        """Bring the index up to date in the background (queued documents, or a rebuild)."""
        if self._stop.is_set():  # shut down: a late timer must not start an indexer nobody stops
            return
        if self.busy:
            self._rerun = True
            return
        if self._indexer is None or not self._indexer.alive():
            # not a daemon: a daemonic process may not start the indexing workers of a big batch;
            # it still ends with the app (shutdown() stops it; a lost pipe ends its loop)
            self._indexer = ChildProcess(serve_indexer, "gongbao-indexer", daemon=False)
            self._reader = threading.Thread(
                target=self._read_indexer, args=(self._indexer.conn,), daemon=True
            )
            self._reader.start()
        self.busy = True
        try:
            self._indexer.conn.send(("run", str(self.folder)))
        except (OSError, BrokenPipeError):
            self.busy = False

    def _read_indexer(self, conn: Connection) -> None:
        while True:
            try:
                msg = conn.recv()
            except (EOFError, OSError):
                self._inbox.append(("indexer_gone",))
                return
            self._inbox.append(msg)

    # -- searching ----------------------------------------------------------------------------
    def search(self, text: str, filters: Filters | None = None, sort: str = "relevance") -> int:
        """Ask for results; returns the request id. Older requests are dropped."""
        req = next(self._ids)
        self._latest = req
        self._wanted = (req, text, filters or Filters(), sort)
        self._wake.set()
        return req

    def _search_loop(self) -> None:
        from reader.library import Library
        from reader.search.indexer import fetcher, index_folder

        lib = None
        index = None
        with contextlib.suppress(Exception):  # warm up before the first query; errors show then
            lib = Library(self.folder, readonly=True)
            index = SearchIndex(index_folder(lib))
            if index.exists():
                index.warm()
        while not self._stop.is_set():
            self._wake.wait()
            self._wake.clear()
            wanted, self._wanted = self._wanted, None
            if wanted is None or self._stop.is_set():
                continue
            req, text, filters, sort = wanted
            try:
                if lib is None:
                    lib = Library(self.folder, readonly=True)
                if index is None:
                    index = SearchIndex(index_folder(lib))
                if not index.exists():
                    self._inbox.append(("search_failed", req, "索引尚未建立，正在后台建立…"))
                    continue
                results = index.search(text, filters=filters, sort=sort, limit=200, fetch=fetcher(lib))
                self._inbox.append(("results", req, results))
            except QueryError as exc:  # the query, not the index: say what to type instead
                self._inbox.append(("search_failed", req, str(exc)))
            except Exception as exc:  # an index being rebuilt or damaged: say so, try again later
                with contextlib.suppress(Exception):
                    if index is not None:
                        index.close()
                index = None
                self._inbox.append(("search_failed", req, f"检索暂不可用：{exc}"))
        if lib is not None:
            lib.close()

    def _drain_inbox(self) -> None:
        while self._inbox:
            msg = self._inbox.popleft()
            kind = msg[0]
            if kind == "results":
                if msg[1] == self._latest:  # only the newest query's results are shown
                    self.results = {msg[1]: msg[2]}
                    self.results_ready.emit(msg[1])
            elif kind == "search_failed":
                if msg[1] == self._latest:
                    self.failed.emit(msg[2])
            elif kind == "progress":
                self.indexing.emit(msg[1], msg[2])
            elif kind in ("done", "failed", "indexer_gone"):
                self.busy = False
                if kind == "failed":
                    self.failed.emit(msg[1])
                self.indexed.emit()
                if self._rerun:
                    self._rerun = False
                    self.index_now()

    def shutdown(self) -> None:
        """Stop searching and indexing; the queue keeps what was not indexed for next time."""
        self._drain.stop()
        self._stop.set()
        self._wake.set()
        if self._indexer is not None:
            self._indexer.stop(grace=0.5)
            self._indexer = None
        # its read-only connection is closed when it ends: a restore may move the file next
        # (Windows refuses to move an open file)
        self._thread.join(3.0)
