"""GUI-side client of the render process: request queue, image cache, hang watchdog.

One :class:`PageRenderer` serves the reading pane. Its child process is started when the
renderer is created (so opening the first PDF does not wait for Python to start) and is reused
for every document. Requests are served one at a time, the most wanted first; a new
``want()`` call replaces the queue, so scrolling fast never renders pages long gone. A page
that takes longer than ``page_timeout`` is marked failed, and the process is killed, restarted
and pointed at the same document again. The child's answers are read by a thread of their own and
handed to the GUI thread through the runner's inbox (nothing polls); the watchdog timer runs only
while a page is being rendered.
"""

from __future__ import annotations

import itertools
import threading
import time
from collections import OrderedDict
from multiprocessing.connection import Connection
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal, Slot
from PySide6.QtGui import QImage

from reader import render_server
from reader.models.runner import Runner
from reader.workers import ChildProcess, memory_limit_mb

CACHE_BYTES = 256 * 1024 * 1024  # about 30 A4 pages at 150 % on a 2x screen
PAGE_TIMEOUT = 8.0


def scale_key(scale: float) -> int:
    """Scales that differ by less than 1 % render the same image."""
    return round(scale * 100)


class PageRenderer(QObject):
    """Renders pages of one PDF at a time in a child process."""

    opened = Signal(str, list)  # path, [(width, height) in points]
    open_failed = Signal(str, str)  # path, reason
    page_ready = Signal(int)  # page index: an image for it is in the cache
    page_failed = Signal(int, str)
    found = Signal(int, object)  # request id, {page: [rects in points]}
    chars_ready = Signal(int)  # page whose characters and boxes are now in ``page_text``
    located = Signal(int, object)  # request id, {key: [(page, rect), …]}

    def __init__(
        self, parent: QObject | None = None, page_timeout: float = PAGE_TIMEOUT, runner: Runner | None = None
    ) -> None:
        super().__init__(parent)
        self.runner = runner or Runner(self)
        self.page_timeout = page_timeout
        self.path: str | None = None
        self.sizes: list[tuple[float, float]] = []
        self._cache: OrderedDict[tuple[int, int, str], QImage] = OrderedDict()
        self._cache_bytes = 0
        self.failed: dict[int, str] = {}
        # page -> (its characters in reading order, one box per character): for mouse selection
        self.page_text: dict[int, tuple[str, list[tuple[float, float, float, float]]]] = {}
        self._queue: list[tuple[int, float, str]] = []
        self._inflight: tuple[int, int, float, str] | None = None  # req, page, scale, theme
        self._inflight_since = 0.0
        self._req = itertools.count(1)
        self._child: ChildProcess | None = None
        self._generation = 0
        self._answered = 0  # set by the reader thread: the render request whose answer is on its way
        self._watchdog = QTimer(self)
        self._watchdog.setInterval(250)
        self._watchdog.timeout.connect(self._check_hang)
        self.restarts = 0
        self._start()

    # -- process ------------------------------------------------------------------------------
    def _start(self) -> None:
        self._child = ChildProcess(render_server.serve, "gongbao-render", memory_mb=memory_limit_mb())
        self._generation += 1
        thread = threading.Thread(
            target=self._read_loop,
            args=(self._child.conn, self._generation),
            name="render-reader",
            daemon=True,
        )
        thread.start()

    @property
    def pid(self) -> int | None:
        return self._child.pid if self._child else None

    def _read_loop(self, conn: Connection, generation: int) -> None:
        while True:
            try:
                msg = conn.recv()
            except (EOFError, OSError):
                return
            if msg[0] in ("image", "page_error"):
                self._answered = msg[1]  # the watchdog must not blame a page that has finished
            self.runner.post(self._on_message, (generation, msg))

    def _send(self, msg: tuple) -> None:
        if self._child is None:
            return
        try:
            self._child.conn.send(msg)
        except (OSError, BrokenPipeError):
            self._restart()

    def _kill(self) -> None:
        if self._child is not None:
            self._child.kill()
        self._child = None

    def _restart(self) -> None:
        self.restarts += 1
        self._kill()
        self._start()
        if self.path:
            self._send(("open", self.path))

    def shutdown(self) -> None:
        """Stop the child process (on quit); a child still starting up is simply killed."""
        self._watchdog.stop()
        if self._child is not None:
            self._child.stop(grace=0.3)
        self._child = None

    # -- documents ----------------------------------------------------------------------------
    def open(self, path: Path | str) -> None:
        """Open a PDF; ``opened`` (or ``open_failed``) follows."""
        self.path = str(path)
        self.sizes = []
        self._cache.clear()
        self._cache_bytes = 0
        self.failed.clear()
        self.page_text.clear()
        self._queue.clear()
        self._inflight = None
        self._send(("open", self.path))

    def image(self, page: int, scale: float, theme: str) -> QImage | None:
        img = self._cache.get((page, scale_key(scale), theme))
        if img is not None:
            self._cache.move_to_end((page, scale_key(scale), theme))
        return img

    def any_image(self, page: int, theme: str) -> QImage | None:
        """Some rendering of ``page`` (another zoom) to stretch while the right one comes."""
        for (p, _s, t), img in reversed(self._cache.items()):
            if p == page and t == theme:
                return img
        return None

    def want(self, pages: list[int], scale: float, theme: str) -> None:
        """Render these pages (most wanted first), replacing whatever was queued."""
        self._queue = [
            (p, scale, theme)
            for p in pages
            if 0 <= p < len(self.sizes) and p not in self.failed and self.image(p, scale, theme) is None
        ]
        self._pump()

    def request_chars(self, page: int) -> None:
        """Fetch a page's characters and boxes (``chars_ready`` follows) unless already known."""
        if page not in self.page_text and 0 <= page < len(self.sizes):
            self._send(("chars", next(self._req), page))

    def locate(self, items: list[tuple[object, int, str, int]]) -> int:
        """Find where passages sit on pages: ``located`` answers ``{key: [(page, rect)]}``."""
        req = next(self._req)
        self._send(("locate", req, items))
        return req

    def find(self, query: str, pages: list[int] | None = None) -> int:
        """Search pages for ``query``; ``found`` answers with the returned request id."""
        req = next(self._req)
        self._send(("find", req, query, pages))
        return req

    def _pump(self) -> None:
        if self._inflight is not None or not self._queue or not self.sizes:
            return
        page, scale, theme = self._queue.pop(0)
        req = next(self._req)
        self._inflight = (req, page, scale, theme)
        self._inflight_since = time.monotonic()
        self._watchdog.start()
        self._send(("render", req, page, scale, theme))

    @Slot()
    def _check_hang(self) -> None:
        if self._inflight is None:
            self._watchdog.stop()
            return
        if self._answered == self._inflight[0]:
            return  # its answer is on the way to the GUI thread
        crashed = self._child is None or not self._child.alive()
        if crashed or time.monotonic() - self._inflight_since > self.page_timeout:
            _req, page, _scale, _theme = self._inflight
            self._inflight = None
            self.failed[page] = "渲染程序崩溃" if crashed else "页面渲染超时"
            self._restart()  # stuck in MuPDF forever, or dead: replace it and carry on
            self.page_failed.emit(page, self.failed[page])

    def _on_message(self, item: tuple[int, tuple]) -> None:
        generation, msg = item
        if generation != self._generation:
            return  # from a process we already killed
        kind = msg[0]
        if kind == "opened":
            if msg[1] == self.path:
                first_open = not self.sizes
                self.sizes = list(msg[2])
                if first_open:
                    self.opened.emit(msg[1], self.sizes)
                self._pump()
        elif kind == "error":
            if not self.sizes and self.path:
                self.open_failed.emit(self.path, msg[1])
        elif kind in ("image", "page_error"):
            if self._inflight is None or msg[1] != self._inflight[0]:
                return
            self._inflight = None
            if kind == "image":
                _, _req, page, scale, theme, w, h, stride, samples = msg
                img = QImage(samples, w, h, stride, QImage.Format.Format_RGB888).copy()
                self._store((page, scale_key(scale), theme), img)
                self.page_ready.emit(page)
            else:
                self.failed[msg[2]] = msg[3]
                self.page_failed.emit(msg[2], msg[3])
            self._pump()
        elif kind == "found":
            self.found.emit(msg[1], msg[2])
        elif kind == "chars":
            self.page_text[msg[2]] = (msg[3], msg[4])
            self.chars_ready.emit(msg[2])
        elif kind == "located":
            self.located.emit(msg[1], msg[2])

    def _store(self, key: tuple[int, int, str], img: QImage) -> None:
        self._cache[key] = img
        self._cache_bytes += img.sizeInBytes()
        while self._cache_bytes > CACHE_BYTES and len(self._cache) > 1:
            _, old = self._cache.popitem(last=False)
            self._cache_bytes -= old.sizeInBytes()
