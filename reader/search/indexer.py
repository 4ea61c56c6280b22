"""Indexing from the SQLite queue: what the CLI ``reindex`` and the app's indexing process run.

Triggers queue a document whenever it, its highlights, notes or tags change, in the same
transaction as the edit. The indexer takes a batch, writes it to whoosh, commits, then removes
from the queue only the entries that were not queued again meanwhile — so an edit made during
indexing is indexed too, and quitting half-way simply resumes next time.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reader.library import Library
from reader.library.backup import INDEX_DIR
from reader.library.db import transaction
from reader.library.trash import VISIBLE
from reader.search.index import SearchIndex
from reader.search.segments import SEGMENT_OPTIONS, BulkSegmentWriter, merge_small

log = logging.getLogger(__name__)
Progress = Callable[[int, int], None]  # done, total


@dataclass(slots=True)
class IndexReport:
    indexed: int = 0
    deleted: int = 0
    rebuilt: str | None = None  # why the index was rebuilt, if it was


def index_folder(library: Library) -> Path:
    return library.folder / INDEX_DIR


def queued(library: Library) -> int:
    return library.db.conn.execute("SELECT COUNT(*) FROM index_queue").fetchone()[0]


def searchable_count(library: Library) -> int:
    return library.db.conn.execute(f"SELECT COUNT(*) FROM documents d WHERE {VISIBLE}").fetchone()[0]


def ensure_index(library: Library, index: SearchIndex) -> str | None:
    """Rebuild (empty index, every document queued) if the index cannot be trusted."""
    conn = library.db.conn
    pending = conn.execute(
        f"SELECT COUNT(*) FROM index_queue q JOIN documents d ON d.id = q.document_id WHERE {VISIBLE}"
    ).fetchone()[0]
    leaving = conn.execute(  # queued to be taken out: removed, withdrawn or deleted since indexed
        f"""SELECT COUNT(*) FROM index_queue q LEFT JOIN documents d ON d.id = q.document_id
            WHERE d.id IS NULL OR NOT ({VISIBLE})"""
    ).fetchone()[0]
    searchable = searchable_count(library)
    problem = index.problem(searchable - pending, slack=pending + leaving)
    if problem is None:
        return None
    index.create()  # missing, other version, unreadable or miscounted: rebuild from SQLite
    if not library.readonly:
        queue_all(library)
    return problem


_QUEUE_ALL = """INSERT INTO index_queue (document_id, seq)
    SELECT id, (SELECT n FROM index_queue_seq) FROM documents WHERE true
    ON CONFLICT(document_id) DO UPDATE SET seq = excluded.seq"""


def queue_all(library: Library) -> None:
    """Queue every document (a rebuild)."""
    with transaction(library.db) as conn:
        conn.execute("UPDATE index_queue_seq SET n = n + 1")
        conn.execute(_QUEUE_ALL)


def _documents(library: Library, ids: list[int]) -> dict[int, dict[str, Any]]:
    marks = ",".join("?" * len(ids))
    rows = library.db.conn.execute(
        f"""SELECT d.id, d.title, d.number, d.number_key, d.issuer, d.date, d.kind, d.text,
                   (d.withdrawn OR d.removed_in IS NOT NULL) AS hidden,
                   d.issue_id, i.city, i.publisher, i.year,
                   (SELECT group_concat(t.name, ',') FROM document_tags dt JOIN tags t ON t.id = dt.tag_id
                     WHERE dt.document_id = d.id) AS doc_tags,
                   (SELECT group_concat(t.name, ',') FROM highlights h JOIN highlight_tags ht ON ht.highlight_id = h.id
                     JOIN tags t ON t.id = ht.tag_id WHERE h.document_id = d.id AND h.deleted_at IS NULL) AS hl_tags,
                   (SELECT group_concat(h.quote || ' ' || h.note, ' ') FROM highlights h
                     WHERE h.document_id = d.id AND h.deleted_at IS NULL) AS hl_text,
                   (SELECT note FROM document_notes n WHERE n.document_id = d.id) AS doc_note
            FROM documents d JOIN issues i ON i.id = d.issue_id WHERE d.id IN ({marks})""",
        ids,
    ).fetchall()
    out = {}
    for r in rows:
        (
            doc_id,
            title,
            number,
            number_key,
            issuer,
            date,
            kind,
            text,
            hidden,
            issue_id,
            city,
            publisher,
            year,
            doc_tags,
            hl_tags,
            hl_text,
            doc_note,
        ) = r
        out[doc_id] = {
            "title": title,
            "number": number,
            "number_key": number_key,
            "issuer": issuer,
            "date": date,
            "kind": kind,
            "text": text,
            "hidden": hidden,
            "issue_id": issue_id,
            "city": city or publisher,
            "year": year,
            "tags": sorted({t for t in f"{doc_tags or ''},{hl_tags or ''}".split(",") if t}),
            "notes": " ".join(x for x in (hl_text, doc_note) if x),
        }
    return out


def _fields(doc_id: int, d: dict[str, Any]) -> dict[str, Any]:
    date_num = int(d["date"].replace("-", "")) if d["date"] else 0
    return {
        "doc_id": str(doc_id),
        "number_key": d["number_key"] or "",
        "number_grams": d["number"] or "",
        "title_grams": d["title"],
        "title_words": d["title"],
        "grams": d["text"],
        "issuer_grams": d["issuer"] or "",
        "notes_grams": d["notes"],
        "city": d["city"] or "",
        "kind": d["kind"] or "",
        "issuer": ",".join((d["issuer"] or "").split()),
        "tags": ",".join(d["tags"]),
        "year": int(d["year"] or 0),
        "date": date_num,
        "issue_id": int(d["issue_id"]),
        "has_notes": bool(d["notes"].strip()),
    }


SMALL_BATCH = 400  # documents per commit when indexing a few at a time (edits, small imports)
SEGMENT_DOCS = 2_500  # documents per segment a worker process writes in a bulk batch
BULK_MIN = 200  # from this many queued documents on, write whole segments


def _next_batch(library: Library, size: int) -> list[tuple[int, int]]:
    return library.db.conn.execute(
        "SELECT document_id, seq FROM index_queue ORDER BY seq LIMIT ?", (size,)
    ).fetchall()


def process_queue(
    library: Library,
    index: SearchIndex,
    *,
    progress: Progress | None = None,
    stop: Callable[[], bool] | None = None,
    procs: int = 1,
) -> IndexReport:
    """Index everything queued, batch by batch; returns what was done.

    A large queue (a first import, a rebuild) is written as whole segments, by ``procs`` worker
    processes when there are several cores; a few documents go through whoosh's ordinary writer,
    which also folds small segments together.
    """
    from reader.extracts.store import catch_up

    try:  # the 人事任免 records and tasks of what changed, too; never in the index's way
        catch_up(library.db, stop=stop)
    except Exception:
        log.exception("reading records and tasks failed; they are read again next time")
    report = IndexReport()
    total = queued(library)
    done = 0
    pool = None
    try:
        while not (stop is not None and stop()):
            waiting = queued(library)
            if waiting == 0:
                break
            if waiting >= BULK_MIN:
                batch = _next_batch(library, SEGMENT_DOCS * max(1, procs))
                if procs > 1 and len(batch) > SEGMENT_DOCS // 2:
                    if pool is None:
                        pool = _worker_pool(procs)
                    _index_bulk(library, index, batch, report, pool, procs)
                else:
                    _index_bulk(library, index, batch, report, None, 1)
            else:
                batch = _next_batch(library, SMALL_BATCH)
                _index_small(library, index, batch, report)
            with transaction(library.db) as conn:
                conn.executemany(
                    "DELETE FROM index_queue WHERE document_id = ? AND seq = ?", [(b[0], b[1]) for b in batch]
                )
            done += len(batch)
            if progress is not None:
                progress(done, max(total, done))
    finally:
        if pool is not None:
            pool.shutdown(cancel_futures=True)
    return report


def _index_small(
    library: Library, index: SearchIndex, batch: list[tuple[int, int]], report: IndexReport
) -> None:
    ix = index.open()
    docs = _documents(library, [b[0] for b in batch])
    writer = ix.writer(timeout=30.0, delay=0.1, limitmb=128, **SEGMENT_OPTIONS)
    for doc_id, _seq in batch:
        d = docs.get(doc_id)
        if d is None or d["hidden"]:
            writer.delete_by_term("doc_id", str(doc_id))
            report.deleted += 1
        else:
            writer.update_document(**_fields(doc_id, d))
            report.indexed += 1
    writer.commit(mergetype=merge_small)
    index.seal()


def _index_bulk(
    library: Library,
    index: SearchIndex,
    batch: list[tuple[int, int]],
    report: IndexReport,
    pool: Any,
    procs: int,
) -> None:
    """Delete the batch's old entries and write its documents as new segments."""
    ids = [b[0] for b in batch]
    live = _live(library, ids)
    writer = BulkSegmentWriter(index.open(), timeout=30.0, delay=0.1)
    try:
        for doc_id in ids:
            writer.delete_by_term("doc_id", str(doc_id))
        report.deleted += len(ids) - len(live)
        if pool is None or len(live) < 2:
            docs = _documents(library, live)
            for doc_id in live:
                writer.add_document(**_fields(doc_id, docs[doc_id]))
            segments = []
        else:
            size = -(-len(live) // procs)
            chunks = [live[i : i + size] for i in range(0, len(live), size)]
            jobs = [pool.submit(write_segment, str(index.folder), str(library.folder), c) for c in chunks]
            segments = [j.result() for j in jobs]
    except BaseException:
        writer.cancel()
        raise
    writer.add_segments(segments)
    index.seal()
    index.close()  # the next reader sees the new table of contents
    report.indexed += len(live)


def _live(library: Library, ids: list[int]) -> list[int]:
    marks = ",".join("?" * len(ids))
    rows = library.db.conn.execute(
        f"SELECT id FROM documents d WHERE {VISIBLE} AND id IN ({marks}) ORDER BY id", ids
    ).fetchall()
    return [r[0] for r in rows]


def yield_cpu() -> None:
    """Run this process at a lower priority (background indexing must not slow the window)."""
    if hasattr(os, "nice"):
        with contextlib.suppress(OSError):
            os.nice(10)
    elif sys.platform == "win32":
        with contextlib.suppress(Exception):
            import ctypes

            below_normal = 0x4000
            ctypes.windll.kernel32.SetPriorityClass(ctypes.windll.kernel32.GetCurrentProcess(), below_normal)


def _worker_pool(procs: int) -> Any:
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    # workers inherit the priority of the process that starts them (the indexer, already lowered)
    return ProcessPoolExecutor(max_workers=procs, mp_context=multiprocessing.get_context("spawn"))


def write_segment(index_dir: str, library_dir: str, ids: list[int]) -> Any:
    """In a worker process: write one segment of the given documents, return it (not committed).

    The parent holds the index lock and adds the returned segment to the table of contents.
    """
    from whoosh import index as windex

    library = Library(Path(library_dir), readonly=True)
    try:
        docs = _documents(library, ids)
        ix = windex.open_dir(index_dir)
        writer = BulkSegmentWriter(ix, _lk=False)
        for doc_id in ids:
            if doc_id in docs:
                writer.add_document(**_fields(doc_id, docs[doc_id]))
        return writer._finalize_segment()
    finally:
        library.close()


def reindex(library: Library, *, progress: Progress | None = None, procs: int | None = None) -> IndexReport:
    """Rebuild the whole index from SQLite, and the 人事任免 records and tasks with it (derived
    like the index; the done marks are the user's and stay)."""
    index = SearchIndex(index_folder(library))
    index.create()
    queue_all(library)
    with transaction(library.db) as conn:
        conn.execute("INSERT OR IGNORE INTO extracts_queue SELECT id FROM documents")
    report = process_queue(library, index, progress=progress, procs=procs or min(2, os.cpu_count() or 1))
    report.rebuilt = "requested"
    index.close()
    return report


def fetcher(library: Library) -> Callable[[list[int]], dict[int, dict[str, Any]]]:
    """Titles, numbers, dates, issue labels and texts of hits, for results and snippets."""

    def fetch(ids: list[int]) -> dict[int, dict[str, Any]]:
        summaries = {d.id: d for d in library.documents(ids=ids)}
        marks = ",".join("?" * len(ids))
        texts = dict(
            library.db.conn.execute(f"SELECT id, text FROM documents WHERE id IN ({marks})", ids).fetchall()
        )
        # issuer, number, notes and quotes also match: the confirmation step must see them
        extras = {
            r[0]: " ".join(x for x in r[1:] if x)
            for r in library.db.conn.execute(
                f"""SELECT d.id, d.issuer, d.number,
                       (SELECT group_concat(h.quote || ' ' || h.note, ' ') FROM highlights h
                         WHERE h.document_id = d.id AND h.deleted_at IS NULL),
                       (SELECT note FROM document_notes n WHERE n.document_id = d.id)
                    FROM documents d WHERE d.id IN ({marks})""",
                ids,
            ).fetchall()
        }
        return {
            i: {
                "title": s.title,
                "number": s.number,
                "date": s.date,
                "issue": s.issue,
                "kind": s.kind,
                "text": texts.get(i, ""),
                "extra": extras.get(i, ""),
            }
            for i, s in summaries.items()
        }

    return fetch
