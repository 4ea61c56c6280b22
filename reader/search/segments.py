"""Writing whole whoosh segments fast, and the merge policy the indexer commits with.

Why not whoosh's own writer for bulk work: it pushes every posting (one per distinct term per
document: ≈ 1,500 for a gazette document) through a tuple, an external sort, a per-posting length
lookup and per-posting checks — ≈ 15 µs each, 0.4 MB/s. Here the postings of a batch are kept in
memory as arrays in document order (documents arrive in docnum order, so only the terms need
sorting) and written a block at a time through whoosh's own codec objects, so the files are
exactly whoosh's (tests compare every term's postings with the stock writer's). Worker
processes each write their own segment and the process holding the index lock adds them to the
table of contents, as whoosh's ``MpWriter(multisegment=True)`` does — but with our own process
pool, which also works on Windows (whoosh-community#414).
"""

from __future__ import annotations

from array import array
from collections import defaultdict
from typing import Any

from whoosh.system import pack_uint
from whoosh.writing import SegmentWriter

from reader.search.analysis import BigramField, gram_counts

_PACKED = [pack_uint(i) for i in range(256)]
SMALL_SEGMENT = 2_000  # documents: segments below this are merged on ordinary commits
SMALL_SEGMENTS_KEPT = 4


# Segments are written as separate files, not whoosh's default compound file: opening a compound
# segment copies every sub-file into memory (``BytesIO`` over the mmap), so every searcher open
# read the whole index into RAM — 0.7 s and 500 MB at 100,000 documents.
SEGMENT_OPTIONS = {"compound": False}


def _packed(freq: int) -> bytes:
    return _PACKED[freq] if freq < 256 else pack_uint(freq)


class BulkSegmentWriter(SegmentWriter):
    """A ``SegmentWriter`` that buffers postings as arrays and writes them block by block.

    Memory: 8 bytes per posting of the bigram fields (a docnum and a frequency), so a few
    thousand documents per segment stay well under 200 MB.
    """

    def __init__(self, ix: Any, **kwargs: Any) -> None:
        kwargs = {**SEGMENT_OPTIONS, **kwargs}
        super().__init__(ix, **kwargs)
        # field -> term -> (docnums, freqs) for bigram fields; (docnums, weights, values) otherwise
        self._grams: dict[str, dict[str, tuple[array, array]]] = defaultdict(dict)
        self._other: dict[str, dict[bytes, list[tuple[int, float, bytes]]]] = defaultdict(dict)
        self._lengths: dict[str, dict[int, int]] = defaultdict(dict)

    def add_document(self, **fields: Any) -> None:
        self._check_state()
        perdoc = self.perdocwriter
        schema = self.schema
        docnum = self.docnum
        perdoc.start_doc(docnum)
        try:
            for name in sorted(fields):
                value = fields[name]
                if value is None or name.startswith("_"):
                    continue
                field = schema[name]
                length = 0
                if field.indexed:
                    if isinstance(field, BigramField):
                        terms = self._grams[name]
                        counts = gram_counts(value)
                        for term, freq in counts.items():
                            entry = terms.get(term)
                            if entry is None:
                                entry = terms[term] = (array("I"), array("I"))
                            entry[0].append(docnum)
                            entry[1].append(freq)
                        length = sum(counts.values())
                    else:
                        terms_other = self._other[name]
                        for tbytes, freq, weight, vbytes in field.index(value):
                            terms_other.setdefault(tbytes, []).append((docnum, weight, vbytes))
                            length += freq
                    if field.scorable:
                        self._lengths[name][docnum] = length
                    else:
                        length = 0
                perdoc.add_field(name, field, value if field.stored else None, length)
                column = field.column_type
                if column:
                    perdoc.add_column_value(name, column, field.to_column_value(value))
        except Exception:
            perdoc.cancel_doc()
            raise
        perdoc.finish_doc()
        self._added = True
        self.docnum += 1

    def add_reader(self, reader: Any) -> None:
        raise NotImplementedError("a bulk segment is written from documents only; commit with merge=False")

    def commit(self, mergetype: Any = None, optimize: Any = None, merge: Any = None) -> None:
        """Commit without merging: merging goes through whoosh's per-posting pool, not ours."""
        super().commit(merge=False)

    def add_segments(self, segments: list) -> None:
        """Commit segments written by worker processes (with ``_lk=False``) next to ours."""
        self._check_state()
        final = self._merge_segments(None, False, False) + segments
        if self._added:
            final.append(self._finalize_segment())
        else:
            self._close_segment()
        self._commit_toc(final)
        self._finish()

    def _flush_segment(self) -> None:
        self.perdocwriter.close()
        fw = self.fieldwriter
        for name in sorted(set(self._grams) | set(self._other)):
            field = self.schema[name]
            lengths = self._lengths.get(name, {})
            fw.start_field(name, field)
            if name in self._grams:
                boost = field.format.field_boost
                terms = self._grams[name]
                # UTF-8 byte order is code point order: sorting the str keys sorts the bytes
                for term in sorted(terms):
                    docnums, freqs = terms[term]
                    fw.start_term(term.encode())
                    _write_postings(
                        fw._postwriter,
                        docnums,
                        [f * boost for f in freqs],
                        [_packed(f) for f in freqs],
                        lengths,
                    )
                    fw.finish_term()
            else:
                terms_other = self._other[name]
                for tbytes in sorted(terms_other):
                    postings = terms_other[tbytes]
                    fw.start_term(tbytes)
                    _write_postings(
                        fw._postwriter,
                        array("I", [p[0] for p in postings]),
                        [p[1] for p in postings],
                        [p[2] for p in postings],
                        lengths,
                    )
                    fw.finish_term()
            fw.finish_field()
        fw.close()
        self._grams.clear()
        self._other.clear()


def _write_postings(
    pw: Any, docnums: array, weights: list[float], values: list[bytes], lengths: dict
) -> None:
    """One term's postings, a whoosh block (``blocklimit`` postings) at a time.

    Sets the block buffer and statistics ``W3PostingsWriter.add_posting`` would have built one
    posting at a time, then lets whoosh encode and write the block.
    """
    limit = pw._blocklimit
    n = len(docnums)
    for lo in range(0, n, limit):
        hi = min(n, lo + limit)
        ids = docnums[lo:hi]
        pw._ids = ids
        pw._weights = array("f", weights[lo:hi])
        pw._values = [v for v in values[lo:hi] if v]
        pw._maxweight = max(0, max(weights[lo:hi]))
        block_lengths = [x for x in (lengths.get(d, 0) for d in ids) if x]
        pw._minlength = min(block_lengths) if block_lengths else None
        pw._maxlength = max(block_lengths) if block_lengths else 0
        pw._write_block(last=hi == n)


def merge_small(writer: SegmentWriter, segments: list) -> list:
    """Merge policy for ordinary commits: fold only small segments, never the bulk-built ones.

    whoosh's default (``MERGE_SMALL``) decides by a Fibonacci rule that, once there are ~25
    segments of a few thousand documents, merges all of them in one commit with its slow
    per-posting path — minutes of work behind a one-note edit. Here only segments under
    ``SMALL_SEGMENT`` documents are merged, and only when more than ``SMALL_SEGMENTS_KEPT``
    of them have piled up.
    """
    from whoosh.reading import SegmentReader

    small = [s for s in segments if s.doc_count_all() < SMALL_SEGMENT]
    if len(small) <= SMALL_SEGMENTS_KEPT:
        return segments
    for seg in small:
        reader = SegmentReader(writer.storage, writer.schema, seg)
        writer.add_reader(reader)
        reader.close()
    return [s for s in segments if s.doc_count_all() >= SMALL_SEGMENT]
