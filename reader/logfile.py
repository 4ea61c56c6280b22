"""The app's log file: where a program bug goes with its traceback, so that it can be reported.

A bug (anything that is not a :class:`~reader.errors.ReaderError` or an environment error) is
never shown to the user as ``TypeError: …``: the user is told that something went wrong inside the
program and where the log is; the log keeps the traceback. The file rotates at 1 MB (three kept),
so a laptop that runs the reader for years does not fill up with it.
"""

from __future__ import annotations

import logging
import logging.handlers
import threading
from pathlib import Path

from reader.locations import cache_dir

LOGGER = logging.getLogger("gongbao")
_lock = threading.Lock()
_handler: logging.Handler | None = None


def log_path() -> Path:
    return cache_dir() / "logs" / "gongbao.log"


def ensure_log() -> Path:
    """Install the rotating file handler once (idempotent, any thread); the log's path."""
    global _handler
    path = log_path()
    with _lock:
        if _handler is None or Path(getattr(_handler, "baseFilename", "")) != path:
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
                handler: logging.Handler = logging.handlers.RotatingFileHandler(
                    path, maxBytes=1 << 20, backupCount=3, encoding="utf-8", delay=True
                )
            except OSError:  # a read-only cache: the traceback still reaches stderr
                handler = logging.StreamHandler()
            handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(threadName)s %(message)s"))
            if _handler is not None:
                LOGGER.removeHandler(_handler)
                _handler.close()
            LOGGER.addHandler(handler)
            LOGGER.setLevel(logging.INFO)
            _handler = handler
    return path


def internal_error(exc: BaseException, doing: str) -> str:
    """Log ``exc`` with its traceback; the message a user sees instead of the exception."""
    path = ensure_log()
    LOGGER.error("internal error while %s", doing, exc_info=(type(exc), exc, exc.__traceback__))
    return f"程序内部错误（{type(exc).__name__}），{doing}未能完成。详细信息已写入日志：{path}"
