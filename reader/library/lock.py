"""One writer per library: an operating-system lock on ``<library>/.gongbao-lock``.

The app holds it while it runs; CLI commands that write hold it while they run. The OS drops
it when the process ends, however it ends, so a crash never leaves a stale lock behind (a PID
file would). A second app on the same library brings the first one forward or opens read-only
(:mod:`reader.ui.single_instance`); a writing CLI command refuses with a clear message.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path
from typing import IO

LOCK_NAME = ".gongbao-lock"


class LibraryLock:
    def __init__(self, folder: Path) -> None:
        self.path = Path(folder) / LOCK_NAME
        self._fh: IO[bytes] | None = None

    @property
    def held(self) -> bool:
        return self._fh is not None

    def acquire(self, wait: float = 0.0) -> bool:
        """True if this process may write. A folder nobody can write to needs no lock: the
        library opens read-only by itself. ``wait`` seconds are given to a holder that is
        exiting (a killed app's children can hold it for a moment)."""
        deadline = time.monotonic() + wait
        while not self._try():
            if time.monotonic() >= deadline:
                return False
            time.sleep(0.05)
        return True

    def _try(self) -> bool:
        if self._fh is not None:
            return True
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fh = open(self.path, "a+b")  # noqa: SIM115  (held open: the lock lives with it)
        except PermissionError:
            return True
        except OSError:
            return True  # a read-only medium and the like: the library reports it
        try:
            if sys.platform == "win32":
                import msvcrt

                fh.seek(0)
                msvcrt.locking(fh.fileno(), msvcrt.LK_NBLCK, 1)
            else:
                import fcntl

                fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            fh.close()
            return False
        fh.seek(0)
        fh.truncate()
        fh.write(str(os.getpid()).encode())
        fh.flush()
        self._fh = fh
        return True

    def release(self) -> None:
        if self._fh is None:
            return
        try:
            if sys.platform == "win32":
                import msvcrt

                self._fh.seek(0)
                msvcrt.locking(self._fh.fileno(), msvcrt.LK_UNLCK, 1)
        except OSError:
            pass
        finally:
            self._fh.close()
            self._fh = None

    def __enter__(self) -> LibraryLock:
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()
