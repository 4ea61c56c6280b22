"""The typography of a PDF's lines: size, colour, alignment, and what repeats on every page.

Runs in the extraction child (it reads PyMuPDF pages); what it returns is plain data
(:class:`~reader.gazette.style.LineStyle`) that the parser takes as evidence. A page's text is
built here from the same lines, so line *n* of the text and style *n* always describe one line.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Any

from reader.gazette.style import LineStyle

# Lines in the top and bottom bands of a page whose text (digits aside) repeats on many pages
# are running headers and footers, whatever they say.
_BAND = 0.09
_MIN_REPEATS = 3
_DIGITS = re.compile(r"\d+")


@dataclass(slots=True)
class RawLine:
    """One extracted line with what the stylist needs."""

    text: str
    size: float
    bold: bool
    red: bool
    x0: float
    x1: float
    y0: float
    y1: float


def _is_red(color: int) -> bool:
    r, g, b = (color >> 16) & 255, (color >> 8) & 255, color & 255
    return r >= 150 and g <= 110 and b <= 110


def page_lines(page: Any) -> list[RawLine]:
    """A page's lines in reading order, as ``page.get_text()`` gives them, with their spans' style."""
    import pymupdf

    out: list[RawLine] = []
    info = page.get_text("dict", flags=pymupdf.TEXTFLAGS_TEXT)
    for block in info["blocks"]:
        if block.get("type", 0) != 0:
            continue
        for line in block["lines"]:
            spans = line["spans"]
            text = "".join(sp["text"] for sp in spans)
            weights: Counter[float] = Counter()
            red = bold = 0
            for sp in spans:
                n = len(sp["text"].strip())
                weights[round(sp["size"], 1)] += n
                red += n if _is_red(sp.get("color", 0)) else 0
                bold += n if sp.get("flags", 0) & 16 else 0
            chars = sum(weights.values())
            size = weights.most_common(1)[0][0] if chars else (spans[0]["size"] if spans else 0.0)
            x0, y0, x1, y1 = line["bbox"]
            out.append(
                RawLine(
                    text, size, chars > 0 and bold * 2 > chars, chars > 0 and red * 2 > chars, x0, x1, y0, y1
                )
            )
    return out


def _repeated(pages: list[list[RawLine]], sizes: list[tuple[float, float]]) -> set[tuple[int, int]]:
    """(page, line) of running headers and footers: the same text in a margin band of many pages."""
    seen: dict[str, list[tuple[int, int]]] = {}
    for p, (lines, (_, height)) in enumerate(zip(pages, sizes, strict=True)):
        for i, ln in enumerate(lines):
            if ln.y1 <= height * _BAND or ln.y0 >= height * (1 - _BAND):
                key = _DIGITS.sub("#", "".join(ln.text.split()))
                if key:
                    seen.setdefault(key, []).append((p, i))
    need = max(_MIN_REPEATS, len(pages) // 3)
    return {at for places in seen.values() if len({p for p, _ in places}) >= need for at in places}


def line_styles(pages: list[list[RawLine]], sizes: list[tuple[float, float]]) -> list[list[LineStyle | None]]:
    """The style of every line of every page."""
    repeated = _repeated(pages, sizes)
    out: list[list[LineStyle | None]] = []
    for p, (lines, (width, _)) in enumerate(zip(pages, sizes, strict=True)):
        xs0 = sorted(ln.x0 for ln in lines if ln.text.strip())
        xs1 = sorted(ln.x1 for ln in lines if ln.text.strip())
        if not xs0:
            out.append([None] * len(lines))
            continue
        left = xs0[len(xs0) // 20]
        right = xs1[len(xs1) * 19 // 20] if len(xs1) > 1 else xs1[-1]
        middle = (left + right) / 2 if right - left > width * 0.3 else width / 2
        styles: list[LineStyle | None] = []
        for i, ln in enumerate(lines):
            em = max(ln.size, 1.0)
            centre = (ln.x0 + ln.x1) / 2
            centred = (
                abs(centre - middle) <= max(em, width * 0.03)
                and ln.x0 > left + 1.5 * em
                and ln.x1 < right - 1.5 * em
            )
            set_right = ln.x1 >= right - em and ln.x0 > left + (right - left) * 0.4
            styles.append(
                LineStyle(
                    size=ln.size,
                    bold=ln.bold,
                    red=ln.red,
                    centred=centred,
                    right=set_right and not centred,
                    page=p,
                    first_on_page=i == 0,
                    repeated=(p, i) in repeated,
                )
            )
        out.append(styles)
    return out
