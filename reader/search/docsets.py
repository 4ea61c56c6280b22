"""Matching, counting, faceting and ranking over whoosh's postings as sets and dictionaries.

Why not whoosh's searcher: it walks every match through a tree of matcher objects and
collectors in Python, ≈ 5–10 µs per document per clause. At 100,000 documents a word found in
half of them (规划, 港) cost 0.3–0.8 s before anything was shown, and a 发文字号 query 0.3 s.
Here each term's posting list is read a block at a time (128 ids per unpickle), queries become set
algebra done in C, facets are ``Counter`` passes over per-document value lists, and ranking is
BM25 over the same postings — one dictionary pass per term.

Only the query shapes :mod:`reader.search.query` builds are translated; anything else (numeric
ranges, unknown shapes) is matched by whoosh itself. Short-field phrases match as an AND of
their bigrams (a superset: the results shown are confirmed by substring). Tests compare matches
with whoosh's and with ``str.find`` on the corpus.
"""

from __future__ import annotations

import heapq
import math
from bisect import bisect_left
from collections import Counter
from itertools import accumulate, repeat
from operator import itemgetter
from typing import Any

from whoosh import query as Q
from whoosh.codec.whoosh3 import LENGTHS_COLUMN, _lenfield
from whoosh.util.numeric import byte_to_length

FACETS = ("kind", "city", "year")
SCORED_FIELDS = ("grams", "title_grams", "title_words", "issuer_grams", "notes_grams")
K1, B = 1.2, 0.75  # BM25, whoosh's defaults
LOOKUP_RATIO = 16  # look a term up per candidate when it has this many times more postings
_LENGTH_OF_BYTE = [byte_to_length(i) for i in range(256)]


class Leaf:
    """One segment: its reader, first global docnum, and per-document data read once."""

    def __init__(self, searcher: Any, offset: int) -> None:
        self.searcher = searcher
        self.reader = searcher.reader()
        self.offset = offset
        self.size = self.reader.doc_count_all()
        deleted = self.reader._perdoc.deleted_docs() if self.reader.has_deletions() else ()
        self.deleted = frozenset(deleted)
        self._columns: dict[str, list] = {}

    def _matcher(self, fieldname: str, text: Any) -> Any:
        reader = self.reader
        field = reader.schema[fieldname]
        tbytes = text if isinstance(text, bytes) else field.to_bytes(text)
        if (fieldname, tbytes) not in reader:
            return None
        return reader._terms.matcher(fieldname, tbytes, field.format)

    def doc_frequency(self, fieldname: str, text: Any) -> int:
        field = self.reader.schema[fieldname]
        tbytes = text if isinstance(text, bytes) else field.to_bytes(text)
        return self.reader.doc_frequency(fieldname, tbytes)

    def lookup(self, fieldname: str, text: Any, docs: list[int]) -> list[tuple[int, float]]:
        """(global docnum, weight) of those of ``docs`` (global, sorted) that have the term.

        Skips whole blocks by their last id: for a few candidates in a long posting list this
        reads a handful of blocks instead of all of them.
        """
        m = self._matcher(fieldname, text)
        out: list[tuple[int, float]] = []
        off = self.offset
        for d in docs:
            if m is None or not m.is_active():
                break
            m.skip_to(d - off)
            if m.is_active() and m.id() == d - off:
                out.append((d, m.weight()))
        return out

    def postings(self, fieldname: str, text: Any) -> tuple[list[int], list[float]]:
        """Global docnums and weights (term frequency × field boost) of one term."""
        m = self._matcher(fieldname, text)
        if m is None:
            return [], []
        off = self.offset
        if not hasattr(m, "_next_block"):  # not a block-list matcher: the slow, general way
            ids, weights = [], []
            while m.is_active():
                ids.append(off + m.id())
                weights.append(m.weight())
                m.next()
            return ids, weights
        ids_out: list[int] = []
        weights_out: list[float] = []
        while not m._atend:
            if m._data is None:
                m._read_data()
            deltas, weights = m._data[0], m._data[1]
            ids = accumulate(deltas, initial=off)  # delta-coded: running sums from the offset
            next(ids)
            ids_out.extend(ids)
            if weights is None:
                weights_out.extend(repeat(1.0, len(deltas)))
            elif isinstance(weights, float):
                weights_out.extend(repeat(weights, len(deltas)))
            else:
                weights_out.extend(weights)
            m._next_block()
        return ids_out, weights_out

    def column(self, name: str) -> list:
        """Every document's value of a sortable field, by segment docnum (deleted ones too)."""
        values = self._columns.get(name)
        if values is None:
            values = self._columns[name] = list(self.reader.column_reader(name))
        return values

    def lengths(self, fieldname: str) -> list[int]:
        key = "\0len:" + fieldname
        values = self._columns.get(key)
        if values is None:
            column = self.reader._perdoc._cached_reader(_lenfield(fieldname), LENGTHS_COLUMN)
            values = [0] * self.size if column is None else [_LENGTH_OF_BYTE[b] for b in column]
            self._columns[key] = values
        return values


class DocSets:
    """Set algebra, facets and ranking over one searcher (global docnums, as whoosh numbers them).

    Build one per searcher generation; :meth:`for_searcher` reuses the per-segment data of
    segments that did not change.
    """

    def __init__(self, searcher: Any, previous: DocSets | None = None) -> None:
        self.searcher = searcher
        old = {}
        if previous is not None:
            old = {(lf.reader._segment.segment_id(), lf.deleted): lf for lf in previous.leaves}
        self.leaves = []
        for sub, off in searcher.leaf_searchers():
            if not hasattr(sub.reader(), "_segment"):  # an index with nothing in it (all removed)
                continue
            leaf = Leaf(sub, off)
            kept = old.get((leaf.reader._segment.segment_id(), leaf.deleted))
            if kept is not None and kept.offset == off:
                leaf._columns = kept._columns
            self.leaves.append(leaf)
        self.total_docs = sum(lf.size for lf in self.leaves)
        self._live: set[int] | None = None
        self._deleted = {lf.offset + d for lf in self.leaves for d in lf.deleted}
        self._columns: dict[str, list] = {}
        self._norms: dict[str, list[float]] = {}
        self._postings: dict[tuple[str, Any], dict[int, float]] = {}

    # -- matching -----------------------------------------------------------------------------
    def live(self) -> set[int]:
        if self._live is None:
            self._live = set(range(self.total_docs)) - self._deleted
        return self._live

    def postings(self, fieldname: str, text: Any, among: set[int] | None = None) -> dict[int, float]:
        """docnum → weight of a term's postings (only those in ``among`` if it is much smaller)."""
        key = (fieldname, text)
        cached = self._postings.get(key)
        if cached is not None:
            return cached
        if among is not None and len(among) * LOOKUP_RATIO < self.doc_frequency(fieldname, text):
            ordered = sorted(among)
            found: dict[int, float] = {}
            for leaf in self.leaves:
                lo = bisect_left(ordered, leaf.offset)
                hi = bisect_left(ordered, leaf.offset + leaf.size)
                if lo < hi:
                    found.update(leaf.lookup(fieldname, text, ordered[lo:hi]))
            return found
        out: dict[int, float] = {}
        for leaf in self.leaves:
            ids, weights = leaf.postings(fieldname, text)
            out.update(zip(ids, weights, strict=True))
        self._postings[key] = out
        return out

    def doc_frequency(self, fieldname: str, text: Any) -> int:
        return sum(leaf.doc_frequency(fieldname, text) for leaf in self.leaves)

    def term(self, fieldname: str, text: Any, among: set[int] | None = None) -> set[int]:
        return set(self.postings(fieldname, text, among))

    def matching(self, q: Q.Query) -> set[int]:
        """The live documents ``q`` matches."""
        found = self._match(q)
        return found - self._deleted if self._deleted else found

    def forget(self) -> None:
        """Drop the postings read for the last query (they are large; queries rarely repeat)."""
        self._postings.clear()

    def _match(self, q: Q.Query) -> set[int]:
        if isinstance(q, Q.Term):
            return self.term(q.fieldname, q.text)
        if isinstance(q, Q.Prefix):
            ids: set[int] = set()
            for leaf in self.leaves:
                for tbytes in leaf.reader.expand_prefix(q.fieldname, q.text):
                    ids.update(leaf.postings(q.fieldname, tbytes)[0])
            return ids
        if isinstance(q, Q.Phrase):  # short fields: AND of the words, confirmed on display
            return self._and([Q.Term(q.fieldname, w) for w in dict.fromkeys(q.words)])
        if isinstance(q, Q.Every):
            return set(self.live())
        if isinstance(q, Q.AndNot):
            return self._match(q.a) - self._match(q.b)
        if isinstance(q, Q.Not):
            return self.live() - self._match(q.query)
        if isinstance(q, Q.And):
            return self._and(q.subqueries)
        if isinstance(q, Q.Or):
            return set().union(*(self._match(sub) for sub in q.subqueries))
        return set(self.searcher.docs_for_query(q))  # numeric ranges and the like

    def _and(self, subs: list[Q.Query]) -> set[int]:
        """Intersect, rarest term first; a common term is then only looked up for the survivors."""
        terms = sorted(
            (s for s in subs if isinstance(s, Q.Term)), key=lambda t: self.doc_frequency(t.fieldname, t.text)
        )
        others = sorted((self._match(s) for s in subs if not isinstance(s, Q.Term)), key=len)
        current = others[0].intersection(*others[1:]) if others else None
        for t in terms:
            if current is not None and not current:
                break
            found = self.term(t.fieldname, t.text, among=current)
            current = found if current is None else current & found
        return current if current is not None else set()

    # -- per-document values ------------------------------------------------------------------
    def column(self, name: str) -> list:
        """A sortable field's values by global docnum."""
        values = self._columns.get(name)
        if values is None:
            values = self._columns[name] = [v for lf in self.leaves for v in lf.column(name)]
        return values

    def facets(self, docs: set[int]) -> dict[str, dict[str, int]]:
        """Counts per kind, city and year among ``docs``."""
        out: dict[str, dict[str, int]] = {}
        for name in FACETS:
            counts = Counter(map(self.column(name).__getitem__, docs))
            out[name] = {str(k): n for k, n in counts.items() if k not in (None, "", 0)}
        return out

    def _norm(self, fieldname: str) -> list[float]:
        """BM25's length normalisation ``K1·(1 − B + B·len/avglen)`` for every document."""
        norms = self._norms.get(fieldname)
        if norms is None:
            lengths = [n for lf in self.leaves for n in lf.lengths(fieldname)]
            live = max(1, self.total_docs - len(self._deleted))
            avg = max(1.0, sum(lengths) / live)
            a, b = K1 * (1 - B), K1 * B / avg
            norms = self._norms[fieldname] = [a + b * n for n in lengths]
        return norms

    # -- ranking ------------------------------------------------------------------------------
    def top(self, q: Q.Query, candidates: set[int], limit: int) -> list[tuple[float, int]]:
        """The ``limit`` best of ``candidates`` by BM25 over the query's positive terms."""
        scores: dict[int, float] = dict.fromkeys(candidates, 0.0)
        self._score(q, candidates, scores, 1.0)
        best = heapq.nlargest(limit, scores.items(), key=itemgetter(1))
        return sorted(((s, d) for d, s in best), key=lambda x: (-x[0], x[1]))

    def by_value(self, name: str, candidates: set[int], limit: int, reverse: bool) -> list[tuple[float, int]]:
        values = self.column(name)
        pick = heapq.nlargest if reverse else heapq.nsmallest
        chosen = pick(limit, candidates, key=lambda d: (values[d] or 0, -d if reverse else d))
        return [(0.0, d) for d in chosen]

    def _idf(self, df: int) -> float:
        return math.log(max(1, self.total_docs - len(self._deleted)) / (df + 1)) + 1.0

    def _add_bm25(
        self, fieldname: str, tfs: dict[int, float], candidates: set[int], scores: dict, boost: float
    ) -> None:
        if not tfs:
            return
        idf = self._idf(len(tfs)) * boost
        norm = self._norm(fieldname)
        k = K1 + 1
        pairs = tfs.items() if len(tfs) <= len(candidates) else ((d, tfs[d]) for d in candidates if d in tfs)
        for d, tf in pairs:
            if d in scores:
                scores[d] += idf * tf * k / (tf + norm[d])

    def _score(self, q: Q.Query, candidates: set[int], scores: dict, boost: float) -> None:
        boost *= getattr(q, "boost", 1.0) or 1.0
        if isinstance(q, Q.Term):
            if q.fieldname in SCORED_FIELDS:
                tfs = self.postings(q.fieldname, q.text, among=candidates)
                self._add_bm25(q.fieldname, tfs, candidates, scores, boost)
            elif q.fieldname == "number_key":  # the 发文字号 itself: far above any word
                for d in self.term(q.fieldname, q.text) & candidates:
                    scores[d] += 10.0 * boost
        elif isinstance(q, (Q.And, Q.Phrase)) and _one_field_terms(q):
            # a word as its bigrams: it occurs about as often as its rarest bigram
            fieldname, words = _one_field_terms(q)
            if fieldname in SCORED_FIELDS:
                per_word = [self.postings(fieldname, w, among=candidates) for w in words]
                keys = list(candidates.intersection(*per_word))
                columns = (map(p.__getitem__, keys) for p in per_word)
                tfs = dict(zip(keys, map(min, zip(*columns, strict=True)), strict=True))
                self._add_bm25(fieldname, tfs, candidates, scores, boost)
        elif isinstance(q, Q.Prefix):  # a single character: present or not
            if q.fieldname in SCORED_FIELDS:
                present = dict.fromkeys(self._match(q) & candidates, 1.0)
                self._add_bm25(q.fieldname, present, candidates, scores, boost)
        elif isinstance(q, Q.AndNot):
            self._score(q.a, candidates, scores, boost)
        elif isinstance(q, (Q.And, Q.Or)):
            for sub in q.subqueries:
                self._score(sub, candidates, scores, boost)


def _one_field_terms(q: Q.Query) -> tuple[str, list[str]] | None:
    """(field, words) when ``q`` is an AND or phrase of plain terms of one field."""
    if isinstance(q, Q.Phrase):
        return q.fieldname, list(dict.fromkeys(q.words))
    subs = q.subqueries
    if subs and all(isinstance(s, Q.Term) for s in subs) and len({s.fieldname for s in subs}) == 1:
        return subs[0].fieldname, [s.text for s in subs]
    return None
