"""Mapping between a document's canonical text and the pages of its PDF.

At import, page texts are joined into one issue text (each page starting on a new line); the
parser records, for every source line, where it landed in a document's text. Compressing that to
"from offset X on, page P" gives a small ``page_map`` stored with the document. Both views use it
to keep the reader's place: text offset → (page, fraction of the page) and back.
"""

from __future__ import annotations

from bisect import bisect_right


def join_pages(pages: list[str]) -> tuple[str, list[int]]:
    """Issue text from page texts, and the 1-based line number each page starts on."""
    parts: list[str] = []
    first_lines: list[int] = []
    line = 1
    for text in pages:
        if not text.endswith("\n"):
            text += "\n"
        first_lines.append(line)
        parts.append(text)
        line += text.count("\n")
    return "".join(parts), first_lines


def page_of_line(first_lines: list[int], line_no: int) -> int:
    """0-based page index holding source line ``line_no``."""
    return max(0, bisect_right(first_lines, line_no) - 1)


def build_page_map(line_map: list[tuple[int, int]], first_lines: list[int]) -> list[list[int]]:
    """``[[offset, page], …]`` with an entry wherever the page changes (offsets ascending)."""
    out: list[list[int]] = []
    for offset, line_no in line_map:
        page = page_of_line(first_lines, line_no)
        if not out or out[-1][1] != page:
            out.append([offset, page])
    return out


def page_at(page_map: list[list[int]], offset: int) -> int:
    """The page holding text ``offset``."""
    if not page_map:
        return 0
    i = bisect_right([o for o, _ in page_map], offset) - 1
    return page_map[max(i, 0)][1]


def position_at(page_map: list[list[int]], offset: int, text_len: int) -> float:
    """``page + fraction``: where ``offset`` sits, as a position in the page view.

    The fraction is the share of the page's text before ``offset``: exact at page starts, a good
    estimate inside a page (gazette pages are evenly filled).
    """
    if not page_map:
        return 0.0
    offsets = [o for o, _ in page_map]
    i = max(bisect_right(offsets, offset) - 1, 0)
    start = page_map[i][0]
    end = page_map[i + 1][0] if i + 1 < len(page_map) else max(text_len, start + 1)
    frac = min(max((offset - start) / max(end - start, 1), 0.0), 0.999)
    return page_map[i][1] + frac


def offset_at(page_map: list[list[int]], position: float, text_len: int) -> int:
    """The text offset for a page-view position (inverse of :func:`position_at`)."""
    if not page_map:
        return 0
    page = int(position)
    frac = position - page
    candidates = [k for k, (_, p) in enumerate(page_map) if p == page]
    if not candidates:
        # a page with no text of this document: the nearest entry before it
        before = [k for k, (_, p) in enumerate(page_map) if p < page]
        k = before[-1] if before else 0
        return page_map[k][0] if not before else (page_map[k + 1][0] if k + 1 < len(page_map) else text_len)
    k = candidates[0]
    start = page_map[k][0]
    end = page_map[k + 1][0] if k + 1 < len(page_map) else text_len
    return min(start + int(frac * (end - start)), max(text_len - 1, 0))


def page_segments(text: str, page_map: list[list[int]], start: int, end: int) -> list[tuple[int, str, int]]:
    """Where ``text[start:end]`` lies on the pages: (page, segment, occurrence) per page.

    A highlight can run over a page break; each page gets its own piece. ``occurrence`` counts
    earlier repeats of the piece on the same page, so a phrase that recurs is found at this
    place and not at its first appearance (what the page view and the PDF export look up).
    """
    out = []
    bounds = [o for o, _ in page_map] + [len(text)]
    for k, (offset, page) in enumerate(page_map):
        lo, hi = max(start, offset), min(end, bounds[k + 1])
        if lo >= hi:
            continue
        segment = text[lo:hi]
        if segment.strip():
            out.append((page, segment, text.count(segment, offset, lo)))
    return out
