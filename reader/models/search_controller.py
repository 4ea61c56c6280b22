"""Search in the app: indexing in a child process, queries on a lane of the runner, newest wins.

jieba holds the GIL for seconds while it segments a batch, so indexing runs in a child process
(:func:`serve_indexer`) that drains the SQLite queue whenever poked. Queries run on the runner's
``search`` lane, whose one thread keeps its own library connection and a warm index reader; only
the newest query is answered. Everything reaches the GUI thread through the runner's inbox.
"""

from __future__ import annotations

import contextlib
import dataclasses
import itertools
import os
import threading
from multiprocessing.connection import Connection
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from reader.errors import ReaderError
from reader.logfile import internal_error
from reader.models.runner import Runner, Task
from reader.search.index import Filters, Results, SearchIndex
from reader.workers import ChildProcess, messages


def serve_indexer(conn: Connection) -> None:
    """Child process: on each ``("run", library_folder)`` bring the index up to date."""
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


class SearchUnavailable(ReaderError):
    """The index is missing, being rebuilt or damaged: searching works again shortly."""


class _SearchState:
    """What the search lane's thread keeps between queries (touched on that thread only)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.lib = None
        self.index: SearchIndex | None = None

    def open(self) -> SearchIndex:
        from reader.library import Library
        from reader.search.indexer import index_folder

        if self.lib is None:
            self.lib = Library(self.folder, readonly=True)
        if self.index is None:
            self.index = SearchIndex(index_folder(self.lib))
        return self.index

    def drop_index(self) -> None:
        with contextlib.suppress(Exception):
            if self.index is not None:
                self.index.close()
        self.index = None

    def close(self) -> None:
        self.drop_index()
        if self.lib is not None:
            self.lib.close()
            self.lib = None


class SearchController(QObject):
    """Owns the indexing process and the search lane for one library folder."""

    results_ready = Signal(int)  # request id; the results are in ``results``
    indexing = Signal(int, int)  # done, total
    indexed = Signal()
    failed = Signal(str)

    def __init__(
        self, folder: Path | str, parent: QObject | None = None, runner: Runner | None = None
    ) -> None:
        super().__init__(parent)
        self.folder = Path(folder)
        self.runner = runner or Runner(self)
        self.results: dict[int, Results] = {}
        self._ids = itertools.count(1)
        self._latest = 0
        self._state = _SearchState(self.folder)
        self._stopped = False
        self._indexer: ChildProcess | None = None
        self.busy = False
        self._rerun = False
        self.runner.lane("search", "warm up", self._warm_up)

    # -- indexing -----------------------------------------------------------------------------
    def index_now(self) -> None:
        """Bring the index up to date in the background (queued documents, or a rebuild)."""
        if self._stopped:  # shut down: a late timer must not start an indexer nobody stops
            return
        if self.busy:
            self._rerun = True
            return
        if self._indexer is None or not self._indexer.alive():
            # not a daemon: a daemonic process may not start the indexing workers of a big batch;
            # it still ends with the app (shutdown() stops it; a lost pipe ends its loop)
            self._indexer = ChildProcess(serve_indexer, "gongbao-indexer", daemon=False)
            threading.Thread(
                target=self._read_indexer, args=(self._indexer.conn,), name="indexer-reader", daemon=True
            ).start()
        self.busy = True
        try:
            self._indexer.conn.send(("run", str(self.folder)))
        except (OSError, BrokenPipeError):
            self.busy = False

    def _read_indexer(self, conn: Connection) -> None:
        """The indexer's pipe, read on a thread of its own; every message goes to the GUI thread."""
        while True:
            try:
                msg = conn.recv()
            except (EOFError, OSError):
                self.runner.post(self._from_indexer, ("indexer_gone",))
                return
            self.runner.post(self._from_indexer, msg)

    def _from_indexer(self, msg: tuple) -> None:
        kind = msg[0]
        if kind == "progress":
            self.indexing.emit(msg[1], msg[2])
        elif kind in ("done", "failed", "indexer_gone"):
            self.busy = False
            if kind == "failed":
                self.failed.emit(msg[1])
            self.indexed.emit()
            if self._rerun:
                self._rerun = False
                self.index_now()

    # -- searching ----------------------------------------------------------------------------
    def search(self, text: str, filters: Filters | None = None, sort: str = "relevance") -> int:
        """Ask for results; returns the request id. Older requests are dropped."""
        req = self._latest = next(self._ids)
        filters = filters or Filters()

        def run(_task: Task) -> Results:
            return self._query(text, filters, sort)

        self.runner.lane(
            "search",
            "search",
            run,
            done=lambda results: self._answered(req, results),
            failed=lambda message: self._unanswered(req, message),
            newest="search",
            doing="检索",
        )
        return req

    def _warm_up(self, _task: Task) -> None:
        with contextlib.suppress(Exception):  # errors show with the first query
            index = self._state.open()
            if index.exists():
                index.warm()

    def _query(self, text: str, filters: Filters, sort: str) -> Results:
        """On the search lane: the results of one query."""
        from reader.search.indexer import fetcher

        index = self._state.open()
        if not index.exists():
            raise SearchUnavailable("索引尚未建立，正在后台建立…")
        if filters.valid:  # 仅现行有效: the documents in force today, from the library
            filters = dataclasses.replace(filters, doc_ids=frozenset(self._state.lib.relations.in_force()))
        try:
            return index.search(text, filters=filters, sort=sort, limit=200, fetch=fetcher(self._state.lib))
        except ReaderError:  # QueryError: the query, not the index; say what to type instead
            raise
        except Exception as exc:  # an index being rebuilt or damaged: say so, try again later
            self._state.drop_index()
            internal_error(exc, "检索")  # in the log, not in the window: the reader can do nothing with it
            raise SearchUnavailable("检索索引正在更新，完成后将自动重新检索") from exc

    def _answered(self, req: int, results: Results) -> None:
        if req == self._latest:
            self.results = {req: results}
            self.results_ready.emit(req)

    def _unanswered(self, req: int, message: str) -> None:
        if req == self._latest:
            self.failed.emit(message)

    def shutdown(self) -> None:
        """Stop searching and indexing; the queue keeps what was not indexed for next time."""
        self._stopped = True
        if self._indexer is not None:
            self._indexer.stop(grace=0.5)
            self._indexer = None
        # its read-only connection is closed before this returns: a restore may move the file
        # next (Windows refuses to move an open file)
        self.runner.lane("search", "close", lambda _t: self._state.close()).wait(3.0)
