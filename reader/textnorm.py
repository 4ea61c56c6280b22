"""Normalised text for matching: full-/half-width and spacing differences ignored.

Find-in-document, PDF page search and (later) anchoring compare text after NFKC and with all
whitespace removed, then map hits back to offsets in the original text. ``Folded`` keeps that
map so callers never deal with the difference.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass


@dataclass(slots=True)
class Folded:
    """A normalised string and, for each of its characters, the original offset it came from."""

    text: str
    origin: list[int]  # origin[i] = offset in the original text of folded character i
    source_len: int

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original (start, end) of the folded range [start, end)."""
        if start >= len(self.origin):
            return self.source_len, self.source_len
        return self.origin[start], self.origin[end - 1] + 1


def fold_char(ch: str) -> str:
    """One character NFKC-folded and lower-cased; whitespace folds to nothing."""
    if ch.isspace():
        return ""
    if ch.isascii():
        return ch.lower()
    return unicodedata.normalize("NFKC", ch).lower()


def fold(text: str) -> Folded:
    """Fold ``text`` character by character so every folded character knows its origin."""
    out: list[str] = []
    origin: list[int] = []
    for i, ch in enumerate(text):
        f = fold_char(ch)
        if not f:
            continue
        out.append(f)
        origin.extend([i] * len(f))
    return Folded("".join(out), origin, len(text))


def fold_query(query: str) -> str:
    return "".join(fold_char(c) for c in query)


def find_all(text: str | Folded, query: str) -> list[tuple[int, int]]:
    """Every occurrence of ``query`` in ``text`` (non-overlapping), as original (start, end)."""
    folded = text if isinstance(text, Folded) else fold(text)
    needle = fold_query(query)
    if not needle:
        return []
    hits = []
    pos = folded.text.find(needle)
    while pos >= 0:
        hits.append(folded.span(pos, pos + len(needle)))
        pos = folded.text.find(needle, pos + len(needle))
    return hits
