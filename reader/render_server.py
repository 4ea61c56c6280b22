"""The page-render service: a child process that owns one PyMuPDF document at a time.

PyMuPDF documents are not thread-safe and PyMuPDF holds the GIL while MuPDF renders, so pages
are rendered here, in another process, and sent back as raw RGB samples. The GUI side
(:mod:`reader.models.page_renderer`) kills and restarts this process when a page hangs.

Messages in: ``("open", path)``, ``("render", req, page, scale, theme)``, ``("find", req, query,
pages)``, ``("chars", req, page)``, ``("locate", req, [(key, page, quote, occurrence), …])``,
``("close",)`` and ``None`` (exit). Messages out: ``("opened", path, sizes)``,
``("image", req, page, scale, theme, w, h, stride, samples)``, ``("page_error", req, page, msg)``,
``("found", req, {page: [(x0, y0, x1, y1), …]})``, ``("chars", req, page, text, boxes)``,
``("located", req, {key: [(page, rect), …]})``, ``("error", msg)``.
"""

from __future__ import annotations

import contextlib
from multiprocessing.connection import Connection
from typing import Any

from reader.textnorm import find_all
from reader.workers import messages

THEMES = ("light", "sepia", "dark")


def _apply_theme(pix: Any, theme: str) -> None:
    """Sepia tints white paper; dark inverts the page so white text sits on black."""
    if theme == "sepia":
        pix.tint_with(0x2B2118, 0xF4ECD8)
    elif theme == "dark":
        pix.invert_irect(pix.irect)
        pix.tint_with(0x1E1E1E, 0xD8D8D8)


def page_chars(page: Any) -> tuple[str, list[tuple[float, float, float, float]]]:
    """The characters of a page in reading order with their boxes (one box per character)."""
    chars: list[str] = []
    boxes: list[tuple[float, float, float, float]] = []
    raw = page.get_text("rawdict")
    for block in raw.get("blocks", []):
        for line in block.get("lines", []):
            for span in line.get("spans", []):
                for ch in span.get("chars", []):
                    chars.append(ch["c"])
                    boxes.append(tuple(ch["bbox"]))
            chars.append("\n")
            boxes.append((0.0, 0.0, 0.0, 0.0))
    return "".join(chars), boxes


def _boxes(text: str, boxes: list, start: int, end: int) -> list[tuple[float, float, float, float]]:
    """One rectangle per line covered by characters ``start:end`` of a page."""
    rects: list[tuple[float, float, float, float]] = []
    current: list[float] | None = None
    for i in range(start, end):
        x0, y0, x1, y1 = boxes[i]
        if text[i] == "\n" or x1 <= x0:
            if current:
                rects.append(tuple(current))
            current = None
            continue
        if current is None:
            current = [x0, y0, x1, y1]
        else:
            current = [min(current[0], x0), min(current[1], y0), max(current[2], x1), max(current[3], y1)]
    if current:
        rects.append(tuple(current))
    return rects


def find_on_page(page: Any, query: str) -> list[tuple[float, float, float, float]]:
    """Boxes of every hit of ``query`` on ``page``, ignoring width and spacing differences."""
    text, boxes = page_chars(page)
    return [r for start, end in find_all(text, query) for r in _boxes(text, boxes, start, end)]


def locate_on_page(page: Any, quote: str, occurrence: int) -> list[tuple[float, float, float, float]]:
    """Boxes of the ``occurrence``-th (0-based) hit of ``quote`` on ``page`` (last one if fewer)."""
    text, boxes = page_chars(page)
    hits = find_all(text, quote)
    if not hits:
        return []
    start, end = hits[min(occurrence, len(hits) - 1)]
    return _boxes(text, boxes, start, end)


def serve(conn: Connection) -> None:
    """Process main loop."""
    import pymupdf

    pymupdf.TOOLS.mupdf_display_errors(False)
    doc = None
    for msg in messages(conn):
        kind = msg[0]  # type: ignore[index]
        try:
            if kind == "open":
                if doc is not None:
                    doc.close()
                doc = pymupdf.open(msg[1])
                sizes = [(p.rect.width, p.rect.height) for p in doc]
                conn.send(("opened", msg[1], sizes))
            elif kind == "close":
                if doc is not None:
                    doc.close()
                doc = None
            elif kind == "render":
                _, req, page_no, scale, theme = msg
                try:
                    assert doc is not None, "no document open"
                    pix = doc[page_no].get_pixmap(matrix=pymupdf.Matrix(scale, scale), alpha=False)
                    _apply_theme(pix, theme)
                    conn.send(
                        ("image", req, page_no, scale, theme, pix.width, pix.height, pix.stride, pix.samples)
                    )
                except Exception as exc:  # a broken page: the view shows a placeholder
                    conn.send(("page_error", req, page_no, f"{type(exc).__name__}: {exc}"[:200]))
            elif kind == "chars":
                _, req, page_no = msg
                text, boxes = page_chars(doc[page_no]) if doc is not None else ("", [])
                conn.send(("chars", req, page_no, text, boxes))
            elif kind == "locate":
                _, req, items = msg
                located: dict[object, list] = {}
                for key, page_no, quote, occurrence in items:
                    with contextlib.suppress(Exception):
                        if doc is not None and 0 <= page_no < doc.page_count:
                            located[key] = located.get(key, []) + [
                                (page_no, r) for r in locate_on_page(doc[page_no], quote, occurrence)
                            ]
                conn.send(("located", req, located))
            elif kind == "find":
                _, req, query, pages = msg
                found: dict[int, list] = {}
                if doc is not None:
                    for n in pages if pages is not None else range(doc.page_count):
                        with contextlib.suppress(Exception):
                            rects = find_on_page(doc[n], query)
                            if rects:
                                found[n] = rects
                conn.send(("found", req, found))
        except Exception as exc:  # keep serving: the client decides what an error means
            with contextlib.suppress(Exception):
                conn.send(("error", f"{type(exc).__name__}: {exc}"[:300]))
