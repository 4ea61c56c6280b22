"""A child process that keeps the OCR engine loaded and recognises page images one by one.

OCR runs in a process of its own for the reasons MuPDF does (:mod:`reader.workers`): a native
library (onnxruntime, OpenCV) that hangs, crashes or eats memory must not take the app with it.
Unlike a file reader it is kept alive between pages, because loading the models takes seconds
and every page of a scanned issue needs them.
"""

from __future__ import annotations

import os
from multiprocessing.connection import Connection

from reader.errors import ImportRejected
from reader.ocr.engine import OcrLine
from reader.workers import ChildProcess, messages

# The child's address-space limit (RLIMIT_AS; a Job Object on Windows). Address space, not
# resident memory, is what the limit counts, and onnxruntime, OpenCV and glibc reserve far more
# than they touch (8 threads, each with a stack and a malloc arena of 64 MB reserved). Measured
# with rapidocr 3.10 / onnxruntime 1.32, full A4 pages scanned at 200 and 400 dpi: models loaded
# ≈ 1.2 GB VmPeak; from the second page on a plateau of ≈ 1.95 GB VmPeak, 0.9 GB resident.
# At 1.5 GB every page fails (MemoryError, onnxruntime "Failed to allocate"), at 700 MB the
# models do not load; 2 GB (reader.workers.DEFAULT_MEMORY_MB, the file readers' limit)
# passes with under 100 MB to spare, too close for a denser page or another glibc. 3 GB leaves a
# margin of half and still stops a runaway long before it takes a laptop's memory.
# GONGBAO_OCR_MEMORY_MB changes it (tests, big machines). (Windows' Job Object limits committed
# memory, not reserved address space: the same figure is more generous there.)
DEFAULT_OCR_MEMORY_MB = 3072
DEFAULT_START_TIMEOUT = 120.0  # importing onnxruntime and loading three models: ≈ 3 s here

# What onnxruntime, OpenCV, numpy and the loader say when an allocation fails under the limit
# (onnxruntime's own errors are plain exceptions with a traceback in their text, not MemoryError).
_MEMORY_WORDS = (
    "bad_alloc",
    "failed to allocate",
    "unable to allocate",
    "insufficient memory",
    "out of memory",
    "cannot allocate",
    "failed to map segment",  # the dynamic loader, mapping a library past the limit
)


def ocr_memory_limit_mb() -> int:
    """The OCR child's memory limit in MB: ``GONGBAO_OCR_MEMORY_MB`` or the measured default."""
    try:
        return max(64, int(os.environ.get("GONGBAO_OCR_MEMORY_MB", DEFAULT_OCR_MEMORY_MB)))
    except ValueError:
        return DEFAULT_OCR_MEMORY_MB


class OcrFailed(ImportRejected):
    """A page could not be recognised: the child timed out, ran out of memory or died.

    An :class:`~reader.errors.ImportRejected` (category ``timeout``, ``too_large`` or
    ``corrupt``) so that an import OCRing a scan reports it like any other refusal; callers that
    OCR page by page can catch this class alone and go on with the next page. ``detail`` is what
    the child said (an exception's type and message, an exit code): for the log, not the user.
    """

    def __init__(self, category: str, reason: str, detail: str = "") -> None:
        super().__init__(category, reason)
        self.detail = detail

    def __reduce__(self):  # as ImportRejected's, with the detail
        return (type(self), (self.category, self.reason, self.detail))


def _is_memory_error(exc: BaseException) -> bool:
    return isinstance(exc, MemoryError) or any(w in str(exc).lower() for w in _MEMORY_WORDS)


def _memory_status() -> dict[str, int]:
    """This process's peak address space and peak resident memory in bytes (Linux only)."""
    figures: dict[str, int] = {}
    try:
        with open("/proc/self/status", encoding="ascii") as f:
            for line in f:
                key, _, value = line.partition(":")
                if key in ("VmPeak", "VmHWM"):
                    figures[key] = int(value.split()[0]) << 10
    except OSError:
        pass
    return figures


def _failure(exc: BaseException) -> tuple[str, str]:
    if _is_memory_error(exc):
        return "too_large", f"{type(exc).__name__}: {exc}"[:500]
    return "error", f"{type(exc).__name__}: {exc}"[:500]


def _serve(conn: Connection) -> None:
    """The child: load the models, say ``ready``, then answer ``("page", png)`` and ``("stats",)``
    until the parent sends ``None`` or goes away. Runs under the memory limit."""
    try:
        from reader.ocr.engine import recognise_png, warm_up

        warm_up()
    except BaseException as exc:  # report it: the parent waits for "ready"
        conn.send(_failure(exc))
        return
    conn.send(("ready", None))
    for msg in messages(conn):
        kind = msg[0]  # type: ignore[index]
        if kind == "stats":
            conn.send(("ok", _memory_status()))
            continue
        try:
            conn.send(("ok", recognise_png(msg[1])))  # type: ignore[index]
        except BaseException as exc:
            conn.send(_failure(exc))


class OcrChild:
    """Owns one OCR child process; starts it on first use and replaces it after a failure.

    Use as a context manager (``with OcrChild() as ocr: ocr.recognise(png, timeout=60)``) so the
    child ends with the block; a child left running is ended at exit by :mod:`reader.workers`.
    """

    def __init__(self, memory_mb: int | None = None, start_timeout: float = DEFAULT_START_TIMEOUT) -> None:
        """``memory_mb``: the child's memory limit (``0`` for none); ``start_timeout``: seconds
        the child may take to load the models."""
        self.memory_mb = ocr_memory_limit_mb() if memory_mb is None else memory_mb
        self.start_timeout = start_timeout
        self._child: ChildProcess | None = None

    @property
    def pid(self) -> int | None:
        return self._child.pid if self._child is not None else None

    def start(self) -> None:
        """Start the child and wait until its models are loaded (a no-op if it is running)."""
        if self._child is not None and self._child.alive():
            return
        self._kill()
        self._child = ChildProcess(_serve, "gongbao-ocr", memory_mb=self.memory_mb or None)
        status, payload = self._answer(self.start_timeout, "启动文字识别")
        if status != "ready":
            self._kill()
            raise self._error(status, payload, "启动文字识别")

    def recognise(self, png: bytes, timeout: float = 60.0) -> list[OcrLine]:
        """The lines of one page image in reading order (see :func:`reader.ocr.engine.recognise_png`).

        ``timeout`` counts from the page being sent; starting a child (the first page, or the
        page after a failure) has ``start_timeout`` of its own. Raises :class:`OcrFailed`; after
        a timeout, exhausted memory or a crash the child is ended, and the next call starts a
        fresh one, so one bad page does not stop the pages after it.
        """
        self.start()
        assert self._child is not None
        try:
            self._child.conn.send(("page", bytes(png)))
        except (OSError, BrokenPipeError) as exc:
            self._kill()
            raise OcrFailed("corrupt", "损坏：文字识别进程意外退出") from exc
        status, payload = self._answer(timeout, "识别页面")
        if status == "ok":
            return payload  # type: ignore[return-value]
        if status != "error":  # memory: the child may be in a bad state, start afresh
            self._kill()
        raise self._error(status, payload, "识别页面")

    def memory_peak(self) -> dict[str, int]:
        """The running child's peak address space (``VmPeak``) and resident memory (``VmHWM``) in
        bytes; empty where /proc does not exist or no child runs."""
        if self._child is None or not self._child.alive():
            return {}
        try:
            self._child.conn.send(("stats",))
            status, payload = self._answer(10.0, "读取内存用量")
        except (OcrFailed, OSError):
            return {}
        return payload if status == "ok" else {}  # type: ignore[return-value]

    def _answer(self, timeout: float, what: str) -> tuple[str, object]:
        assert self._child is not None
        conn = self._child.conn
        try:
            if not conn.poll(timeout):
                self._kill()
                raise OcrFailed("timeout", f"超时：{what}超过 {timeout:.0f} 秒，已中止")
            return conn.recv()  # type: ignore[no-any-return]
        except (EOFError, OSError) as exc:
            self._child.proc.join(2)  # the pipe closed first: let the exit code arrive
            code = self._child.proc.exitcode
            self._kill()
            raise self._error("died", code, what) from exc

    def _error(self, status: str, payload: object, what: str) -> OcrFailed:
        detail = str(payload)
        if status == "too_large":
            return OcrFailed("too_large", f"过大：{what}超出内存上限（{self.memory_mb} MB）", detail)
        if status == "died":  # under a tight limit a native library may crash instead of raising
            limit = f"，内存上限 {self.memory_mb} MB" if self.memory_mb else ""
            return OcrFailed("corrupt", f"损坏：{what}时文字识别进程崩溃（退出码 {payload}{limit}）", detail)
        return OcrFailed("corrupt", f"损坏：{what}失败：{payload}", detail)

    def close(self) -> None:
        """Ask the child to exit and wait for it briefly (then kill it)."""
        if self._child is not None:
            self._child.stop(grace=2)
        self._child = None

    def _kill(self) -> None:
        if self._child is not None:
            self._child.kill()
        self._child = None

    def __enter__(self) -> OcrChild:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
