"""Search's contract with whoosh: every whoosh internal the product relies on, in one place.

``reader/search`` writes segments block by block (``segments.py``) and reads postings and
per-document columns directly (``docsets.py``), through attributes whoosh does not promise to
keep. The ``<2.8`` pin protects them; this test says exactly which ones they are, on real whoosh
objects, so that an upgrade fails here with the name of what changed instead of somewhere deep in
a query. (The tests' own oracle also patches one matcher: ``tests/search/whoosh_fixes.py``.)
"""

from __future__ import annotations

from pathlib import Path

import pytest
import whoosh
from whoosh import fields
from whoosh import index as windex
from whoosh.codec.whoosh3 import W3TermInfo
from whoosh.matching.binary import AndNotMatcher
from whoosh.writing import SegmentWriter

# (who relies on it, the whoosh object, the attributes and methods it must have)
WRITER = [
    "_check_state",
    "_merge_segments",
    "_finalize_segment",
    "_close_segment",
    "_commit_toc",
    "_finish",
    "_flush_segment",  # overridden: whoosh must still call it to write a segment's terms
    "_added",
    "perdocwriter",
    "fieldwriter",
    "schema",
    "docnum",
]
PERDOC_WRITER = ["start_doc", "add_field", "add_column_value", "finish_doc", "cancel_doc", "close"]
FIELD_WRITER = ["start_field", "start_term", "finish_term", "finish_field", "close", "_postwriter"]
POSTINGS_WRITER = [
    "_blocklimit",
    "_ids",
    "_weights",
    "_values",
    "_maxweight",
    "_minlength",
    "_maxlength",
    "_write_block",
]
READER = ["_perdoc", "_terms", "_segment", "has_deletions", "doc_count_all", "column_reader", "doc_frequency"]
PERDOC_READER = ["deleted_docs", "_cached_reader"]
BLOCK_MATCHER = ["_atend", "_data", "_read_data", "_next_block", "is_active", "skip_to", "id", "weight"]
AND_NOT = ["_find_first", "_find_next"]  # the tests' oracle fix (tests/search/whoosh_fixes.py)


def _missing(obj: object, names: list[str]) -> list[str]:
    return [n for n in names if not hasattr(obj, n)]


@pytest.fixture(scope="module")
def ix(tmp_path_factory: pytest.TempPathFactory):
    folder: Path = tmp_path_factory.mktemp("whoosh")
    schema = fields.Schema(
        id=fields.ID(stored=True, unique=True), body=fields.TEXT, year=fields.NUMERIC(sortable=True)
    )
    index = windex.create_in(str(folder), schema)
    with index.writer() as w:
        for n in range(3):
            w.add_document(id=str(n), body=f"规划 审批 第{n}号", year=2019 + n)
    with index.writer() as w:
        w.delete_by_term("id", "1")  # a segment with deletions: deleted_docs is read
    yield index
    index.close()


def test_the_pinned_version() -> None:
    assert (2, 7, 5) <= whoosh.__version__ < (2, 8), (
        f"whoosh {whoosh.versionstring()}: the internals below were checked for 2.7.x only"
    )


def test_the_segment_writer_internals(ix) -> None:
    """reader/search/segments.py: BulkSegmentWriter and _write_postings."""
    writer = SegmentWriter(ix, _lk=False)  # _lk: workers write segments without the index lock
    try:
        assert _missing(writer, WRITER) == [], "whoosh.writing.SegmentWriter changed"
        assert _missing(writer.perdocwriter, PERDOC_WRITER) == [], "the per-document writer changed"
        fw = writer.fieldwriter
        field = ix.schema["body"]
        fw.start_field("body", field)
        assert _missing(fw, FIELD_WRITER) == [], "the field writer changed"
        pw = fw._postwriter
        pw.start_postings(field.format, W3TermInfo())  # a block's buffers exist once postings start
        assert _missing(pw, POSTINGS_WRITER) == [], "W3PostingsWriter changed"
    finally:
        writer.cancel()


def test_the_reader_and_matcher_internals(ix) -> None:
    """reader/search/docsets.py: Leaf reads postings a block at a time, lengths and deletions."""
    with ix.searcher() as searcher:
        leaves = [s.reader() for s, _offset in searcher.leaf_searchers()]
        assert any(r.has_deletions() for r in leaves)
        for reader in leaves:
            assert _missing(reader, READER) == [], "whoosh's SegmentReader changed"
            assert _missing(reader._perdoc, PERDOC_READER) == [], "the per-document reader changed"
            assert hasattr(reader._segment, "segment_id"), "segments lost segment_id()"
            term = ix.schema["body"].to_bytes("规划")
            if ("body", term) in reader:
                matcher = reader._terms.matcher("body", term, ix.schema["body"].format)
                assert _missing(matcher, BLOCK_MATCHER) == [], "the block-list matcher changed"
            assert reader._perdoc.deleted_docs() is not None


def test_the_and_not_matcher_the_oracle_patches() -> None:
    assert _missing(AndNotMatcher, AND_NOT) == [], (
        "AndNotMatcher changed: revisit tests/search/whoosh_fixes.py"
    )
