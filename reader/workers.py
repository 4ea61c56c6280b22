"""Child processes for MuPDF work: one pipe each, killable, never sharing a PyMuPDF document.

PDF text extraction (:mod:`reader.sources.pdf`) and page rendering (:mod:`reader.render_server`)
both run MuPDF in a process of their own so that a hang or crash can be cut off and the app's
own process never holds the GIL inside MuPDF. ``spawn`` is used everywhere (Windows has nothing
else, and forking a process with Qt threads is unsafe).

A child that parses files gets a memory limit as well as a time limit: a PDF of 3 MB can inflate
to gigabytes (a decompression bomb), and a child that ran the machine out of memory would take the
user's other programs with it. POSIX limits the address space (``RLIMIT_AS``); Windows puts the
child in a Job Object with a process memory limit. Past the limit MuPDF and Python raise
``MemoryError``, which the child reports like any other refusal.
"""

from __future__ import annotations

import atexit
import contextlib
import multiprocessing as mp
import os
import sys
from collections.abc import Callable, Iterator
from multiprocessing.connection import Connection

from reader.errors import ReaderError

_live: set[ChildProcess] = set()  # started and not yet killed
_exit_hook = False
# How much memory a file-parsing child may take: far above what a gazette needs (a few hundred
# MB), far below what a laptop has. GONGBAO_CHILD_MEMORY_MB changes it (tests, big machines).
DEFAULT_MEMORY_MB = 2048
_job = None  # Windows: the Job Object the child belongs to (kept alive with the process)


def memory_limit_mb() -> int:
    try:
        return max(256, int(os.environ.get("GONGBAO_CHILD_MEMORY_MB", DEFAULT_MEMORY_MB)))
    except ValueError:
        return DEFAULT_MEMORY_MB


def limit_memory(megabytes: int) -> None:
    """Cap this process's memory (called first thing in a child)."""
    limit = megabytes << 20
    if sys.platform == "win32":
        _windows_job_limit(limit)
        return
    import resource

    _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard if hard != resource.RLIM_INFINITY else limit))


def _windows_job_limit(limit: int) -> None:  # pragma: no cover - Windows only
    """Put this process in a Job Object whose processes may commit at most ``limit`` bytes."""
    import ctypes
    from ctypes import wintypes

    global _job

    class IoCounters(ctypes.Structure):
        _fields_ = [
            (n, ctypes.c_ulonglong)
            for n in (
                "ReadOperationCount",
                "WriteOperationCount",
                "OtherOperationCount",
                "ReadTransferCount",
                "WriteTransferCount",
                "OtherTransferCount",
            )
        ]

    class BasicLimits(ctypes.Structure):
        _fields_ = [
            ("PerProcessUserTimeLimit", ctypes.c_int64),
            ("PerJobUserTimeLimit", ctypes.c_int64),
            ("LimitFlags", wintypes.DWORD),
            ("MinimumWorkingSetSize", ctypes.c_size_t),
            ("MaximumWorkingSetSize", ctypes.c_size_t),
            ("ActiveProcessLimit", wintypes.DWORD),
            ("Affinity", ctypes.c_size_t),
            ("PriorityClass", wintypes.DWORD),
            ("SchedulingClass", wintypes.DWORD),
        ]

    class ExtendedLimits(ctypes.Structure):
        _fields_ = [
            ("BasicLimitInformation", BasicLimits),
            ("IoInfo", IoCounters),
            ("ProcessMemoryLimit", ctypes.c_size_t),
            ("JobMemoryLimit", ctypes.c_size_t),
            ("PeakProcessMemoryUsed", ctypes.c_size_t),
            ("PeakJobMemoryUsed", ctypes.c_size_t),
        ]

    job_limit_process_memory, extended_info = 0x00000100, 9
    kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
    job = kernel32.CreateJobObjectW(None, None)
    if not job:
        return
    info = ExtendedLimits()
    info.BasicLimitInformation.LimitFlags = job_limit_process_memory
    info.ProcessMemoryLimit = limit
    kernel32.SetInformationJobObject(job, extended_info, ctypes.byref(info), ctypes.sizeof(info))
    kernel32.AssignProcessToJobObject(job, kernel32.GetCurrentProcess())
    _job = job


def _limited(target: Callable[[Connection], None], conn: Connection, megabytes: int | None) -> None:
    if megabytes:
        limit_memory(megabytes)
    target(conn)


def _stop_all() -> None:
    """At interpreter exit, end the children nobody stopped.

    multiprocessing's own exit hook *joins* every non-daemonic child, and such a child only ends
    when our end of its pipe closes: without this, a forgotten child (a window never closed, a
    script that returns early) would keep the process from exiting, for ever.
    """
    for child in list(_live):
        child.stop(grace=0.5)


class ChildProcess:
    """A spawned process running ``target(conn)``, talking over one duplex pipe."""

    def __init__(
        self,
        target: Callable[[Connection], None],
        name: str,
        daemon: bool = True,
        memory_mb: int | None = None,
    ) -> None:
        """``memory_mb``: the child's memory limit (children that parse files have one)."""
        global _exit_hook
        ctx = mp.get_context("spawn")
        self.conn, child = ctx.Pipe()
        self.proc = ctx.Process(target=_limited, args=(target, child, memory_mb), name=name, daemon=daemon)
        self.proc.start()
        child.close()
        _live.add(self)
        if not _exit_hook:
            # registered after start(), hence after multiprocessing's hook, so it runs before it
            atexit.register(_stop_all)
            _exit_hook = True

    @property
    def pid(self) -> int | None:
        return self.proc.pid

    def alive(self) -> bool:
        return self.proc.is_alive()

    def stop(self, grace: float) -> None:
        """Ask the child to exit (``None``), wait ``grace`` seconds, then kill it."""
        if self.proc.is_alive():
            with contextlib.suppress(OSError, BrokenPipeError):
                self.conn.send(None)
            self.proc.join(grace)
        self.kill()

    def kill(self) -> None:
        _live.discard(self)
        if self.proc.is_alive():
            self.proc.kill()
        self.proc.join(5)
        with contextlib.suppress(OSError):
            self.conn.close()


def messages(conn: Connection) -> Iterator[object]:
    """Requests arriving in a child, until the parent sends ``None`` or goes away."""
    while True:
        try:
            msg = conn.recv()
        except (EOFError, OSError):
            return
        if msg is None:
            return
        yield msg


class ChildFailed(ReaderError):
    """A call run in a child process did not return: it raised, crashed or took too long."""


def _call(conn: Connection) -> None:
    for msg in messages(conn):
        fn, args = msg  # type: ignore[misc]
        try:
            conn.send(("ok", fn(*args)))
        except BaseException as exc:  # report it: the parent is waiting for an answer
            conn.send(("error", exc if isinstance(exc, Exception) else RuntimeError(repr(exc))))


def run_in_child(
    fn: Callable[..., object],
    *args: object,
    timeout: float = 120.0,
    memory_mb: int | None = None,
    name: str = "call",
) -> object:
    """``fn(*args)`` in a child process of its own (``fn`` a module-level function); its result.

    For work that must not run in the GUI process (MuPDF: not thread-safe, holds the GIL, and a
    hostile file can hang or exhaust it). An exception ``fn`` raises is raised here again (it
    must pickle); a crash or a timeout raises :class:`ChildFailed`.
    """
    child = ChildProcess(_call, f"gongbao-{name}", memory_mb=memory_mb)
    try:
        child.conn.send((fn, args))
        if not child.conn.poll(timeout):
            raise ChildFailed(f"超时：{timeout:.0f} 秒内没有完成")
        status, value = child.conn.recv()
    except (EOFError, OSError) as exc:
        raise ChildFailed("子进程意外退出") from exc
    finally:
        child.stop(grace=2)
    if status == "error":
        raise value  # type: ignore[misc]
    return value


def read_in_child(fn: Callable[..., object], *args: object, what: str, timeout: float = 60.0) -> object:
    """``fn(*args)`` reading a file of kind ``what`` (Word 文件, 网页 …) in a child with the
    memory limit: its :class:`~reader.errors.ImportRejected` comes back as it was raised; a
    crash, a timeout or exhausted memory become one in the same words for every reader."""
    from reader.errors import ImportRejected

    try:
        return run_in_child(fn, *args, timeout=timeout, memory_mb=memory_limit_mb(), name="read")
    except ChildFailed as exc:
        if "超时" in str(exc):
            raise ImportRejected("timeout", f"超时：读取{what}超过 {timeout:.0f} 秒，已中止") from exc
        raise ImportRejected("corrupt", f"损坏：读取{what}时解析程序崩溃") from exc
    except MemoryError as exc:
        raise ImportRejected("too_large", f"过大：读取{what}超出内存上限") from exc
