"""Normalised text for matching: full-/half-width and spacing differences ignored.

Find-in-document, PDF page search and (later) anchoring compare text after NFKC and with all
whitespace removed, then map hits back to offsets in the original text. ``Folded`` keeps that
map so callers never deal with the difference.
"""

from __future__ import annotations

import functools
import re
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


def _char_class(ch: str) -> str:
    """A regex class for one folded character and the forms that fold to it."""
    forms = {ch, ch.upper()}
    if "!" <= ch <= "~":  # ASCII: its full-width twin (NFKC folds one into the other)
        forms |= {chr(ord(c) + 0xFEE0) for c in forms}
    if len(forms) == 1:
        return re.escape(ch)
    return "[" + "".join(re.escape(c) for c in sorted(forms)) + "]"


@functools.lru_cache(maxsize=512)
def pattern(query: str) -> re.Pattern | None:
    """A regex finding ``query`` in raw text, ignoring width, case and whitespace in between."""
    needle = fold_query(query)
    if not needle:
        return None
    return re.compile(r"\s*".join(_char_class(c) for c in needle))


def find_all(text: str | Folded, query: str) -> list[tuple[int, int]]:
    """Every occurrence of ``query`` in ``text`` (non-overlapping), as original (start, end).

    Compiled to a regex over the raw text (whitespace allowed between characters, full-width and
    upper-case forms accepted): C speed, original offsets, no per-character folding in Python.
    """
    if isinstance(text, Folded):
        needle = fold_query(query)
        hits, pos = [], text.text.find(needle) if needle else -1
        while pos >= 0:
            hits.append(text.span(pos, pos + len(needle)))
            pos = text.text.find(needle, pos + len(needle))
        return hits
    rx = pattern(query)
    if rx is None:
        return []
    return [(m.start(), m.end()) for m in rx.finditer(text)]


_SPACE_RUN = re.compile(r"\s+")
_LATIN = re.compile(r"[A-Za-z0-9]")


def squeeze(text: str) -> str:
    """A line's text without the spaces of hard-set Chinese (``关 于 印 发`` → ``关于印发``) but with
    one space where it separates Latin words or numbers (``COVID 19``, ``Smart City``)."""

    def keep(m: re.Match) -> str:
        before = text[m.start() - 1] if m.start() else ""
        after = text[m.end()] if m.end() < len(text) else ""
        return " " if before and after and _LATIN.match(before) and _LATIN.match(after) else ""

    return _SPACE_RUN.sub(keep, text)
