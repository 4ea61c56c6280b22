"""How a line was set on the page: what a PDF says about a line beyond its characters.

GB/T 9704 sets a title in 2号 小标宋, centred, over a body in 3号 仿宋; a 版头 is red; a 成文日期
is set right. Text files carry none of this, so every field is evidence added to the text cues,
never a condition (a gazette PDF made by a word processor may set everything in one size).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class LineStyle:
    """The typography of one extracted line (sizes in points, positions as page fractions)."""

    size: float  # the dominant font size of the line's characters
    bold: bool = False
    red: bool = False  # mostly red characters (版头, a red rule's caption)
    centred: bool = False  # its middle near the page's middle, narrower than the text block
    right: bool = False  # set against the right margin (a signature, a 成文日期)
    page: int = 0  # 0-based page the line stands on
    first_on_page: bool = False
    repeated: bool = False  # the same text in the same margin on many pages: a running header/footer


def body_size(styles: list[LineStyle | None], weights: list[int]) -> float | None:
    """The font size most characters are set in: the body size the display sizes stand out from."""
    counts: Counter[float] = Counter()
    for st, w in zip(styles, weights, strict=True):
        if st is not None:
            counts[round(st.size * 2) / 2] += w
    if not counts:
        return None
    return counts.most_common(1)[0][0]
