"""Child processes for MuPDF work: one pipe each, killable, never sharing a PyMuPDF document.

PDF text extraction (:mod:`reader.sources.pdf`) and page rendering (:mod:`reader.render_server`)
both run MuPDF in a process of their own so that a hang or crash can be cut off and the app's
own process never holds the GIL inside MuPDF. ``spawn`` is used everywhere (Windows has nothing
else, and forking a process with Qt threads is unsafe).
"""

from __future__ import annotations

import contextlib
import multiprocessing as mp
from collections.abc import Callable, Iterator
from multiprocessing.connection import Connection


class ChildProcess:
    """A spawned process running ``target(conn)``, talking over one duplex pipe."""

    def __init__(self, target: Callable[[Connection], None], name: str, daemon: bool = True) -> None:
        ctx = mp.get_context("spawn")
        self.conn, child = ctx.Pipe()
        self.proc = ctx.Process(target=target, args=(child,), name=name, daemon=daemon)
        self.proc.start()
        child.close()

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
