"""The CJK font Qt falls back to, as a file: PyMuPDF's Droid Sans Fallback, written once.

A bare Windows image, a CI container or the offscreen platform may have no CJK font at all and
would draw empty boxes. PyMuPDF carries ``china-s`` (Droid Sans Fallback, Apache 2.0) inside its
library, not as a file; MuPDF must not run in the GUI process, so a child writes the font into
the cache folder once and the GUI loads that file from then on.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from reader.locations import cache_dir
from reader.resources import resource
from reader.workers import ChildFailed, run_in_child

FONT_NAME = "DroidSansFallback-china-s.ttf"
_MIN_SIZE = 1 << 20  # the font is 3.5 MB: anything much smaller is a broken write


def _usable(path: Path) -> bool:
    try:
        return path.is_file() and path.stat().st_size >= _MIN_SIZE
    except OSError:
        return False


def write_font(path: str) -> bool:
    """In a child: PyMuPDF's CJK font to ``path`` (written beside it, then renamed)."""
    import pymupdf

    data = bytes(pymupdf.Font("china-s").buffer)
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".font-")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    return True


def cjk_font_file() -> Path | None:
    """The font file: bundled with the app, cached from an earlier start, or written now."""
    bundled = resource("fonts", FONT_NAME)
    if _usable(bundled):
        return bundled
    cached = cache_dir() / "fonts" / FONT_NAME
    if _usable(cached):
        return cached
    try:
        run_in_child(write_font, str(cached), timeout=60, name="font")
    except (ChildFailed, OSError, ImportError, RuntimeError):
        return None
    return cached if _usable(cached) else None
