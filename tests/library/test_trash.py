"""The 回收站: removed issues and documents are hidden everywhere and come back whole."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from reader.errors import LibraryReadOnly
from reader.export import Scope, collect
from reader.importer import import_paths
from reader.library import Library
from reader.library.trash import TrashError
from reader.search.index import SearchIndex
from reader.search.indexer import index_folder, process_queue
from tests.conftest import DATA


def _library(tmp_path: Path) -> tuple[Library, int]:
    lib = Library(tmp_path / "lib")
    [outcome] = import_paths(lib, [DATA / "yulin_like.txt"])
    return lib, outcome.issue_id


def _search(lib: Library, query: str) -> list[int]:
    index = SearchIndex(index_folder(lib))
    try:
        if not index.exists():
            index.create()
        process_queue(lib, index)
        return [h.doc_id for h in index.search(query).hits]
    finally:
        index.close()


def test_a_removed_issue_is_hidden_everywhere_and_restored_whole(tmp_path):
    lib, issue_id = _library(tmp_path)
    docs = lib.documents()
    h = lib.annotations.add_highlight(docs[1].id, 0, 10, "red", note="河长制批注", tags=["督办"])
    lib.annotations.tag_document(docs[1].id, ["重点"])
    lib.annotations.set_document_note(docs[1].id, "整篇的批注")
    assert _search(lib, "河长制") == [docs[1].id]
    facets = lib.facets()
    entry = lib.trash.remove_issue(issue_id)
    assert (entry.documents, entry.highlights, entry.whole_issue) == (6, 1, True)
    assert lib.documents() == [] and lib.issues() == [] and lib.counts() == {"issues": 0, "documents": 0}
    assert lib.facets()["kind"] == [] and lib.annotations.highlights() == []
    assert _search(lib, "河长制") == []
    assert collect(lib, Scope(everything=True)).document_count == 0
    assert collect(lib, Scope(tag="督办")).document_count == 0
    assert lib.document(docs[1].id).removed
    lib.trash.restore([entry.id])
    assert [d.id for d in lib.documents()] == [d.id for d in docs]
    assert lib.facets() == facets
    back = lib.annotations.highlight(h.uuid)
    assert (back.note, back.tags, back.deleted) == ("河长制批注", ["督办"], False)
    assert lib.annotations.document_tags(docs[1].id) == ["重点"]
    assert lib.annotations.document_note(docs[1].id) == "整篇的批注"
    assert _search(lib, "河长制") == [docs[1].id]
    assert lib.trash.entries() == []


def test_documents_removed_one_by_one_and_then_their_issue(tmp_path):
    lib, issue_id = _library(tmp_path)
    docs = lib.documents()
    [one] = lib.trash.remove_documents([docs[2].id])
    assert [d.id for d in lib.documents()] == [d.id for d in docs if d.id != docs[2].id]
    with pytest.raises(TrashError):
        lib.trash.remove_documents([docs[2].id])  # already there
    whole = lib.trash.remove_issue(issue_id)
    assert whole.documents == 5
    lib.trash.restore([whole.id])  # the issue comes back without the document removed on its own
    assert len(lib.documents()) == 5
    lib.trash.restore([one.id])
    assert len(lib.documents()) == 6


def test_emptying_keeps_what_is_still_referred_to_and_purges_after_30_days(tmp_path):
    lib, issue_id = _library(tmp_path)
    stored = lib.folder / lib.issue(issue_id).stored_path
    docs = lib.documents()
    lib.trash.remove_documents([docs[0].id])
    assert lib.trash.purge_older().entries == 0  # not 30 days yet
    later = dt.datetime.now(dt.UTC) + dt.timedelta(days=31)
    done = lib.trash.purge_older(now=later)
    assert (done.entries, done.documents, done.files) == (1, 1, 0) and stored.exists()
    lib.trash.remove_issue(issue_id)
    done = lib.trash.empty()
    assert (done.issues, done.documents, done.files) == (1, 5, 1) and not stored.exists()
    assert lib.issues(include_removed=True) == []


def test_a_read_only_library_refuses_repairs_and_removals(tmp_path):
    lib, issue_id = _library(tmp_path)
    docs = lib.documents()
    entry = lib.trash.remove_documents([docs[5].id])[0]
    lib.close()
    ro = Library(tmp_path / "lib", readonly=True)
    for attempt in (
        lambda: ro.edits.edit(docs[1].id, {"date": "2019-01-01"}),
        lambda: ro.edits.split(docs[0].id, 40),
        lambda: ro.edits.merge(docs[1].id),
        lambda: ro.trash.remove_issue(issue_id),
        lambda: ro.trash.restore([entry.id]),
        lambda: ro.trash.empty(),
    ):
        with pytest.raises(LibraryReadOnly):
            attempt()
    assert len(ro.documents()) == 5 and len(ro.trash.entries()) == 1
    ro.close()


def test_a_searcher_kept_open_sees_documents_removed_after_it_opened(tmp_path):
    lib, issue_id = _library(tmp_path)
    index = SearchIndex(index_folder(lib))
    index.create()
    process_queue(lib, index)
    assert index.search("河长制").total == 1  # the window's searcher, kept open between queries
    lib.trash.remove_issue(issue_id)
    writer = SearchIndex(index_folder(lib))  # the indexer, in its own process
    process_queue(lib, writer)
    writer.close()
    assert index.search("河长制").total == 0
    index.close()
