"""Analyzers for Chinese gazette text (whoosh), written for this app, not jieba's stock one.

jieba's ``ChineseAnalyzer`` uses character offsets as positions (phrase queries find nothing),
drops single ASCII characters (the ``1`` of 钦政发〔2019〕1号) and stop words. Here:

- :class:`WordTokenizer` — jieba ``tokenize(mode="search")`` on NFKC-folded, lower-cased text,
  token ordinals as positions, digits and Latin kept, punctuation dropped, no stop words: the
  ``words`` field, for relevance.
- :class:`GramTokenizer` — overlapping character bigrams of the text with whitespace removed, split
  at punctuation, and the last character of each segment on its own: the ``grams`` field. Any
  substring of two or more characters is a phrase of consecutive bigrams and any single character
  is a prefix of some token, so search finds exactly what ``str.find`` finds (width and spacing
  aside).

The module path is pickled into the index schema: keep it stable.
"""

from __future__ import annotations

import contextlib
import re
import threading
import unicodedata
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from whoosh.analysis import Token, Tokenizer
from whoosh.fields import TEXT
from whoosh.system import pack_uint

_SEGMENT = re.compile(r"[0-9a-z\u3400-\u4dbf\u4e00-\u9fff\U00020000-\U0003134f]+")
_WORD_CHAR = re.compile(r"[0-9a-z\u3400-\u4dbf\u4e00-\u9fff\U00020000-\U0003134f]")
_jieba_ready = threading.Event()
_jieba_lock = threading.Lock()


def fold(text: str) -> str:
    """NFKC (full-width to half-width), lower case."""
    return unicodedata.normalize("NFKC", text).lower()


def segments(text: str) -> list[str]:
    """Runs of searchable characters after folding and removing whitespace."""
    return _SEGMENT.findall("".join(fold(text).split()))


def grams(segment: str) -> list[str]:
    """Bigrams of a segment, then its last character alone (a lone character for length 1)."""
    if len(segment) == 1:
        return [segment]
    return [segment[i : i + 2] for i in range(len(segment) - 1)] + [segment[-1]]


def init_jieba(cache_dir: Path | None = None) -> None:
    """Load jieba's dictionary once (≈0.6 s); its cache goes to the app's cache folder."""
    if _jieba_ready.is_set():
        return
    with _jieba_lock:
        if _jieba_ready.is_set():
            return
        import logging

        import jieba

        jieba.setLogLevel(logging.WARNING)
        folder = cache_dir or _default_cache()
        folder.mkdir(parents=True, exist_ok=True)
        _seed_cache(folder)
        jieba.dt.tmp_dir = str(folder)
        jieba.initialize()
        _jieba_ready.set()


def _seed_cache(folder: Path) -> None:
    """Copy the jieba cache built with the app bundle, if any, into a cache folder without one:
    loading it takes 0.3 s, building it from the dictionary over a second."""
    import shutil

    from reader.resources import resource

    bundled, target = resource("jieba", "jieba.cache"), folder / "jieba.cache"
    if bundled.is_file() and not target.exists():
        with contextlib.suppress(OSError):  # if it cannot be copied, jieba builds its own
            shutil.copyfile(bundled, target)


def _default_cache() -> Path:
    from reader.locations import cache_dir

    return cache_dir()


class _OrdinalTokenizer(Tokenizer):
    """Whoosh plumbing shared by our tokenizers: token ordinals as positions, offsets if asked."""

    def pieces(self, value: str) -> Iterator[tuple[str, int, int]]:
        """(text, start, end) of each token; start/end are character offsets (or -1)."""
        raise NotImplementedError

    def __call__(
        self,
        value: str,
        positions: bool = False,
        chars: bool = False,
        keeporiginal: bool = False,
        removestops: bool = True,
        start_pos: int = 0,
        start_char: int = 0,
        tokenize: bool = True,
        mode: str = "",
        **kwargs,
    ) -> Iterator[Token]:
        t = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        for pos, (text, start, end) in enumerate(self.pieces(value), start=start_pos):
            t.original = t.text = text
            t.boost = 1.0
            t.stopped = False
            if positions:
                t.pos = pos
            if chars:
                t.startchar, t.endchar = start_char + start, start_char + end
            yield t


class GramTokenizer(_OrdinalTokenizer):
    """Character bigrams with ordinal positions (see the module docstring)."""

    def pieces(self, value: str) -> Iterator[tuple[str, int, int]]:
        for segment in segments(value):
            for g in grams(segment):
                yield g, -1, -1


class WordTokenizer(_OrdinalTokenizer):
    """jieba search-mode words with ordinal positions and character offsets."""

    def pieces(self, value: str) -> Iterator[tuple[str, int, int]]:
        import jieba

        init_jieba()
        for word, start, end in jieba.tokenize(fold(value), mode="search"):
            if _WORD_CHAR.search(word):  # punctuation and spaces are not tokens
                yield word.strip(), start, end


def gram_analyzer() -> GramTokenizer:
    return GramTokenizer()


def word_analyzer() -> WordTokenizer:
    return WordTokenizer()


def gram_counts(text: str) -> Counter[str]:
    """How often each token of :class:`GramTokenizer` occurs in ``text``, counted at C speed."""
    counts: Counter[str] = Counter()
    for segment in segments(text):
        counts.update(map(str.__add__, segment, segment[1:]))
        counts[segment[-1]] += 1
    return counts


class BigramField(TEXT):
    """A frequency-only TEXT field of :class:`GramTokenizer` tokens (the document bodies).

    Why not plain ``TEXT``: whoosh walks a token stream in Python (≈ 1 µs per token, and a body
    has one token per character); :func:`gram_counts` gives the same terms and frequencies at C
    speed. Queries still go through the analyzer, so both sides agree (tested).
    """

    def __init__(self, **kwargs) -> None:
        super().__init__(analyzer=GramTokenizer(), phrase=False, **kwargs)

    def index(self, value, **kwargs):
        boost = self.format.field_boost
        return [(t.encode(), f, f * boost, pack_uint(f)) for t, f in gram_counts(value).items()]
