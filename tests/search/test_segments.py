"""The bulk segment writer writes what whoosh's own writer writes, serially and in workers."""

from __future__ import annotations

from pathlib import Path

import pytest
from whoosh import index as windex

from reader.importer import import_paths
from reader.library import Library
from reader.search import indexer
from reader.search.analysis import BigramField, GramTokenizer, gram_counts
from reader.search.index import SearchIndex, schema
from reader.search.indexer import _documents, _fields, fetcher, index_folder, process_queue, queue_all
from reader.search.segments import BulkSegmentWriter
from tests.conftest import CORPUS, requires_shared
from tests.search import whoosh_fixes  # noqa: F401  (whoosh's own AndNot, the oracle below, corrected)

pytestmark = requires_shared

QUERIES = [
    "扶贫",
    "港",
    "乡村振兴",
    '"乡村振兴战略"',
    "钦政办〔2019〕5号",
    "title:方案",
    "规划 -审批",
    "河长 OR 湖长",
]


@pytest.fixture(scope="module")
def corpus_library(tmp_path_factory: pytest.TempPathFactory):
    lib = Library(tmp_path_factory.mktemp("segments") / "lib")
    import_paths(lib, [CORPUS])
    yield lib
    lib.close()


def _postings(ix) -> dict:
    """Every (field, term) with its postings, term statistics and every document's lengths."""
    out = {}
    with ix.reader() as r:
        for field, term in r.all_terms():
            m = r.postings(field, term)
            posts = []
            while m.is_active():
                posts.append((m.id(), m.weight(), m.value()))
                m.next()
            ti = r.term_info(field, term)
            stats = (ti.weight(), ti.doc_frequency(), ti.min_length(), ti.max_length(), ti.max_weight())
            out[field, term] = (posts, stats)
        lengths = {
            (name, n): r.doc_field_length(n, name)
            for name in ix.schema.scorable_names()
            for n in range(r.doc_count())
        }
        stored = [r.stored_fields(n) for n in range(r.doc_count())]
    return {"postings": out, "lengths": lengths, "stored": stored}


def test_gram_counts_agree_with_the_tokenizer(corpus_library: Library) -> None:
    from collections import Counter

    text = corpus_library.document(corpus_library.documents()[0].id).text
    assert gram_counts(text) == Counter(t.text for t in GramTokenizer()(text))


def test_bulk_segment_matches_the_stock_writer(corpus_library: Library, tmp_path: Path) -> None:
    ids = [d.id for d in corpus_library.documents()]
    docs = _documents(corpus_library, ids)
    built = {}
    for name in ("stock", "bulk"):
        folder = tmp_path / name
        folder.mkdir()
        ix = windex.create_in(str(folder), schema())
        writer = ix.writer() if name == "stock" else BulkSegmentWriter(ix)
        if name == "stock":  # the stock writer must index bigram fields through their analyzer
            assert isinstance(ix.schema["grams"], BigramField)
        for doc_id in ids:
            writer.add_document(**_fields(doc_id, docs[doc_id]))
        writer.commit()
        built[name] = _postings(ix)
        ix.close()
    assert len(built["bulk"]["postings"]) > 10_000
    assert built["bulk"]["postings"] == built["stock"]["postings"]
    assert built["bulk"]["lengths"] == built["stock"]["lengths"]
    assert built["bulk"]["stored"] == built["stock"]["stored"]


def _results(lib: Library, index: SearchIndex) -> dict[str, tuple[int, list[int]]]:
    out = {}
    for q in QUERIES:
        res = index.search(q, limit=1000, fetch=fetcher(lib))
        out[q] = (res.total, sorted(h.doc_id for h in res.hits))
    return out


def test_small_bulk_and_parallel_indexing_agree(
    corpus_library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    lib = corpus_library
    index = SearchIndex(index_folder(lib))
    results = {}
    for mode, procs, bulk_min, segment_docs in (
        ("small", 1, 10**9, 400),
        ("bulk", 1, 1, 7),
        ("parallel", 2, 1, 7),
    ):
        monkeypatch.setattr(indexer, "BULK_MIN", bulk_min)
        monkeypatch.setattr(indexer, "SEGMENT_DOCS", segment_docs)
        index.create()
        queue_all(lib)
        report = process_queue(lib, index, procs=procs)
        assert report.indexed == len(lib.documents())
        assert index.doc_count() == len(lib.documents())
        results[mode] = _results(lib, index)
        if mode == "parallel":  # several segments were written by the workers
            assert len(index.open()._segments()) > 2
    index.close()
    assert results["small"]["扶贫"][0] > 0
    assert results["bulk"] == results["small"]
    assert results["parallel"] == results["small"]


def test_reindexing_updates_replace_documents_in_bulk_segments(
    corpus_library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Documents already in bulk segments are replaced, not doubled, when queued again."""
    lib = corpus_library
    index = SearchIndex(index_folder(lib))
    monkeypatch.setattr(indexer, "BULK_MIN", 1)
    monkeypatch.setattr(indexer, "SEGMENT_DOCS", 10)
    index.create()
    queue_all(lib)
    process_queue(lib, index)
    before = _results(lib, index)
    for _ in range(2):  # twice in bulk, then as small edits
        queue_all(lib)
        process_queue(lib, index)
    monkeypatch.setattr(indexer, "BULK_MIN", 10**9)
    queue_all(lib)
    process_queue(lib, index)
    assert index.doc_count() == len(lib.documents())
    assert _results(lib, index) == before
    index.close()


def test_set_matching_and_facets_agree_with_whoosh(
    corpus_library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    """DocSets (reader/search/docsets.py) against whoosh's own matcher tree and grouping,
    on several segments with deleted documents in them."""
    from whoosh import query as Q

    from reader.search.docsets import DocSets
    from reader.search.query import parse

    lib = corpus_library
    index = SearchIndex(index_folder(lib))
    monkeypatch.setattr(indexer, "BULK_MIN", 1)
    monkeypatch.setattr(indexer, "SEGMENT_DOCS", 9)
    index.create()
    for _ in range(2):  # the second pass deletes every document from the first pass's segments
        queue_all(lib)
        process_queue(lib, index)
    searcher = index.searcher()
    assert searcher.reader().has_deletions()
    sets = DocSets(searcher)
    queries = [*WORDS_AND_CLAUSES, "规划 -审批", "河长 OR 湖长", "年份:2019 扶贫", "文号:钦政发〔2019〕18号"]
    for text in queries:
        q = parse(text).query
        # short-field phrases match as the AND of their bigrams, by design (a superset)
        as_and = q.accept(
            lambda n: Q.And([Q.Term(n.fieldname, w) for w in n.words]) if isinstance(n, Q.Phrase) else n
        )
        expected = set(searcher.docs_for_query(as_and))
        assert expected >= set(searcher.docs_for_query(q))
        assert sets.matching(q) == expected, text
        grouped = searcher.search(q, groupedby=["kind", "city", "year"], limit=None)
        for name in ("kind", "city", "year"):
            want = {str(k): len(v) for k, v in grouped.groups(name).items() if k not in (None, "", 0)}
            assert sets.facets(expected)[name] == want, (text, name)
    index.close()


WORDS_AND_CLAUSES = [
    "扶贫",
    "港",
    "的",
    "乡村振兴",
    "6月10日",
    "机关:财政局",
    "标签:无此标签",
    "城市:钦州市",
    "工作 方案",
]
