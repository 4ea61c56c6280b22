"""Anchors that survive a changed text (W3C TextQuote + TextPosition, the way Hypothesis does it).

A highlight keeps character offsets into its document's canonical text *and* the exact quote with
about 32 characters of prefix and suffix. When the text changes (a corrected issue re-imported, a
better parser re-run), :func:`reanchor` finds the passage again:

1. ``offset``: the quote still sits at the stored offsets;
2. ``quote``: the exact quote elsewhere; among several, the one whose surroundings match the stored
   prefix/suffix best, then the one nearest the old place;
3. ``normalized``: the quote with width/spacing differences (NFKC, whitespace) ignored;
4. ``fuzzy``: a near-identical passage (a typo fixed inside the quote), found by voting on shared
   character 4-grams (plus the old place and where the stored context points, for quotes of few
   distinct characters whose grams vote everywhere alike) and confirmed by a similarity ratio;

otherwise the highlight is an orphan: kept with its quote and note, never deleted.
"""

from __future__ import annotations

import difflib
from collections import Counter
from dataclasses import dataclass

from reader.textnorm import fold

CONTEXT = 32
FUZZY_MIN_LEN = 6
FUZZY_RATIO = 0.85
_GRAM = 4


@dataclass(frozen=True, slots=True)
class Anchor:
    start: int
    end: int
    quote: str
    prefix: str
    suffix: str


@dataclass(frozen=True, slots=True)
class Placement:
    start: int
    end: int
    method: str  # offset | quote | normalized | fuzzy


def make_anchor(text: str, start: int, end: int) -> Anchor:
    """The anchor of ``text[start:end]``."""
    start, end = max(0, min(start, len(text))), max(0, min(end, len(text)))
    if end < start:
        start, end = end, start
    return Anchor(
        start, end, text[start:end], text[max(0, start - CONTEXT) : start], text[end : end + CONTEXT]
    )


def _context_score(text: str, start: int, end: int, anchor: Anchor) -> int:
    """How many characters of the stored prefix (from its end) and suffix (from its start) match."""
    score = 0
    before = text[max(0, start - len(anchor.prefix)) : start]
    for a, b in zip(reversed(before), reversed(anchor.prefix), strict=False):
        if a != b:
            break
        score += 1
    after = text[end : end + len(anchor.suffix)]
    for a, b in zip(after, anchor.suffix, strict=False):
        if a != b:
            break
        score += 1
    return score


def _best(text: str, spans: list[tuple[int, int]], anchor: Anchor) -> tuple[int, int]:
    return max(spans, key=lambda s: (_context_score(text, s[0], s[1], anchor), -abs(s[0] - anchor.start)))


def _exact(text: str, anchor: Anchor) -> list[tuple[int, int]]:
    spans, pos = [], text.find(anchor.quote)
    while pos >= 0:
        spans.append((pos, pos + len(anchor.quote)))
        pos = text.find(anchor.quote, pos + 1)
    return spans


def _normalized(text: str, anchor: Anchor) -> list[tuple[int, int]]:
    folded = fold(text)
    needle = fold(anchor.quote).text
    if not needle:
        return []
    spans, pos = [], folded.text.find(needle)
    while pos >= 0:
        spans.append(folded.span(pos, pos + len(needle)))
        pos = folded.text.find(needle, pos + 1)
    return spans


def _fuzzy(text: str, anchor: Anchor) -> tuple[int, int] | None:
    quote = anchor.quote
    n = len(quote)
    if n < FUZZY_MIN_LEN or not text:
        return None
    # Each 4-gram of the quote found in the text votes for where the quote would start there.
    votes: Counter[int] = Counter()
    grams: dict[str, int] = {}
    for i in range(0, n - _GRAM + 1):  # a repeated 4-gram votes from where it first stands
        grams.setdefault(quote[i : i + _GRAM], i)
    for gram, offset in grams.items():
        pos = text.find(gram)
        hits = 0
        while pos >= 0 and hits < 50:
            votes[(pos - offset) // 4] += 1
            pos = text.find(gram, pos + 1)
            hits += 1
    bases = [bucket * 4 for bucket, count in votes.most_common(5) if count >= max(2, len(grams) // 4)]
    # A quote of few distinct characters (一一一…) votes everywhere alike: the old place and the
    # places its stored context points at are candidates too, confirmed by the same similarity.
    bases += _context_starts(text, anchor)
    best: tuple[float, int, int, int, int] | None = None  # similarity, context, -|Δlen|, start, end
    for base in dict.fromkeys(bases):
        for start in range(max(0, base - 4), min(len(text), base + 8)):
            for length in {n, n - 1, n + 1, n - 2, n + 2}:
                if length <= 0 or start + length > len(text):
                    continue
                candidate = text[start : start + length]
                matcher = difflib.SequenceMatcher(None, quote, candidate, autojunk=False)
                # matched characters over the longer string: a shorter candidate is not "more similar"
                similarity = sum(b.size for b in matcher.get_matching_blocks()) / max(n, length)
                if length == n:  # a typo replaced in place; difflib may align repetitive text askew
                    similarity = max(
                        similarity, sum(a == b for a, b in zip(quote, candidate, strict=True)) / n
                    )
                key = (similarity, _context_score(text, start, start + length, anchor), -abs(length - n))
                if best is None or key > best[:3]:
                    best = (*key, start, start + length)
    if best is None or best[0] < FUZZY_RATIO:
        return None
    return best[3], best[4]


def _context_starts(text: str, anchor: Anchor) -> list[int]:
    """Where the quote would start judging by its old offset and its stored prefix and suffix."""
    starts = [anchor.start]
    tail = anchor.prefix[-8:]
    if len(tail) >= 4 and text.count(tail) == 1:
        starts.append(text.index(tail) + len(tail))
    head = anchor.suffix[:8]
    if len(head) >= 4 and text.count(head) == 1:
        starts.append(text.index(head) - len(anchor.quote))
    return [s for s in starts if 0 <= s < len(text)]


def reanchor(anchor: Anchor, text: str) -> Placement | None:
    """Where ``anchor`` belongs in ``text`` now, or None for an orphan."""
    if not anchor.quote:
        return None
    if text[anchor.start : anchor.end] == anchor.quote:
        return Placement(anchor.start, anchor.end, "offset")
    spans = _exact(text, anchor)
    if spans:
        s, e = _best(text, spans, anchor)
        return Placement(s, e, "quote")
    spans = _normalized(text, anchor)
    if spans:
        s, e = _best(text, spans, anchor)
        return Placement(s, e, "normalized")
    hit = _fuzzy(text, anchor)
    if hit is not None:
        return Placement(hit[0], hit[1], "fuzzy")
    return None


def nth_occurrence(text: str, quote: str, occurrence: int = 1) -> tuple[int, int] | None:
    """The ``occurrence``-th (1-based) exact occurrence of ``quote`` in ``text``."""
    pos, n = -1, 0
    while n < occurrence:
        pos = text.find(quote, pos + 1)
        if pos < 0:
            return None
        n += 1
    return pos, pos + len(quote)
