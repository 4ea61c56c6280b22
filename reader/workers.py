"""Child processes for MuPDF work: one pipe each, killable, never sharing a PyMuPDF document.

PDF text extraction (:mod:`reader.sources.pdf`) and page rendering (:mod:`reader.render_server`)
both run MuPDF in a process of their own so that a hang or crash can be cut off and the app's
own process never holds the GIL inside MuPDF. ``spawn`` is used everywhere (Windows has nothing
else, and forking a process with Qt threads is unsafe).
"""

from __future__ import annotations

import atexit
import contextlib
import multiprocessing as mp
from collections.abc import Callable, Iterator
from multiprocessing.connection import Connection

_live: set[ChildProcess] = set()  # started and not yet killed
_exit_hook = False


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

    def __init__(self, target: Callable[[Connection], None], name: str, daemon: bool = True) -> None:
        global _exit_hook
        ctx = mp.get_context("spawn")
        self.conn, child = ctx.Pipe()
        self.proc = ctx.Process(target=target, args=(child,), name=name, daemon=daemon)
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
