"""The search index: derived from SQLite, kept in ``<library>/index``, rebuilt whenever in doubt.

SQLite is the truth. The index carries a version; at start :func:`SearchIndex.check` compares it
and the document count with the library and, if the index is missing, stale or unreadable
(a crash leaves debris: whoosh never fsyncs), wipes it and queues every document again.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from whoosh import index as windex
from whoosh import query as Q
from whoosh.fields import BOOLEAN, ID, KEYWORD, NUMERIC, TEXT, Schema

from reader.search.analysis import BigramField, gram_analyzer, word_analyzer
from reader.search.docsets import DocSets
from reader.search.query import parse
from reader.textnorm import find_all

INDEX_VERSION = 3
SNIPPET_CONTEXT = 28
MAX_SNIPPETS = 12
MARK_OPEN, MARK_CLOSE = "⟦", "⟧"
_NOT_INDEX_FILES = ("LOCK", ".lock", ".tmp")  # whoosh's MAIN_WRITELOCK, our temporary files


def schema() -> Schema:
    grams = gram_analyzer()
    words = word_analyzer()
    return Schema(
        doc_id=ID(stored=True, unique=True),
        number_key=ID,
        number_grams=TEXT(analyzer=grams, phrase=True),
        title_grams=TEXT(analyzer=grams, phrase=True, field_boost=3.0),
        title_words=TEXT(analyzer=words, phrase=True, field_boost=3.0),
        grams=BigramField(),
        issuer_grams=TEXT(analyzer=grams, phrase=True),
        notes_grams=BigramField(),
        city=ID(sortable=True),
        kind=ID(sortable=True),
        issuer=KEYWORD(commas=True),
        tags=KEYWORD(commas=True),
        year=NUMERIC(int, bits=32, sortable=True),
        date=NUMERIC(int, bits=32, sortable=True),
        issue_id=NUMERIC(int, bits=32),
        has_notes=BOOLEAN,
    )


@dataclass(slots=True)
class Snippet:
    text: str  # with ⟦ ⟧ around every hit
    start: int  # offset of the first hit in the document text
    hits: list[tuple[int, int]]  # every hit in it, as document offsets


@dataclass(slots=True)
class Hit:
    doc_id: int
    score: float
    title: str = ""
    number: str | None = None
    date: str | None = None
    issue: str = ""
    kind: str | None = None
    snippets: list[Snippet] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "doc_id": self.doc_id,
            "title": self.title,
            "number": self.number,
            "date": self.date,
            "score": round(self.score, 4),
            "issue": self.issue,
            "kind": self.kind,
            "snippets": [s.text for s in self.snippets],
            "snippet_offsets": [s.start for s in self.snippets],
        }


@dataclass(slots=True)
class Results:
    query: str
    total: int
    hits: list[Hit]
    facets: dict[str, dict[str, int]] = field(default_factory=dict)
    seconds: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "query": self.query,
            "total": self.total,
            "hits": [h.to_dict() for h in self.hits],
            "facets": self.facets,
            "seconds": round(self.seconds, 4),
        }


@dataclass(slots=True)
class Filters:
    city: str | None = None
    year_from: int | None = None
    year_to: int | None = None
    kind: str | None = None
    issuer: str | None = None
    tag: str | None = None
    has_notes: bool = False
    doc_ids: frozenset[int] | None = None  # only these documents (仅现行有效): none when empty
    valid: bool = False  # only those in force: the caller, who has the library, sets doc_ids

    def query(self) -> Q.Query | None:
        parts: list[Q.Query] = []
        if self.doc_ids is not None:
            parts.append(Q.Or([Q.Term("doc_id", str(i)) for i in sorted(self.doc_ids)]))
        if self.city:
            parts.append(Q.Term("city", self.city))
        if self.year_from or self.year_to:
            parts.append(Q.NumericRange("year", self.year_from, self.year_to))
        if self.kind:
            parts.append(Q.Term("kind", self.kind))
        if self.issuer:
            parts.append(Q.Term("issuer", self.issuer))
        if self.tag:
            parts.append(Q.Term("tags", self.tag))
        if self.has_notes:
            parts.append(Q.Term("has_notes", True))
        return Q.And(parts) if parts else None


def snippets(text: str, literals: list[str], limit: int = MAX_SNIPPETS) -> list[Snippet]:
    """Every hit of the query's literal words, merged into windows with the hits marked."""
    hits = sorted({span for lit in literals for span in find_all(text, lit)})
    out: list[Snippet] = []
    i = 0
    while i < len(hits) and len(out) < limit:
        start, end = hits[i]
        group = [(start, end)]
        while i + 1 < len(hits) and hits[i + 1][0] - group[-1][1] <= SNIPPET_CONTEXT:
            i += 1
            group.append(hits[i])
        lo = max(0, group[0][0] - SNIPPET_CONTEXT)
        hi = min(len(text), group[-1][1] + SNIPPET_CONTEXT)
        parts, pos = [], lo
        for s, e in group:
            if s < pos:
                continue
            parts += [text[pos:s], MARK_OPEN, text[s:e], MARK_CLOSE]
            pos = e
        parts.append(text[pos:hi])
        body = "".join(parts).replace("\n", " ")
        out.append(Snippet(("…" if lo else "") + body + ("…" if hi < len(text) else ""), group[0][0], group))
        i += 1
    return out


class SearchIndex:
    """Owns ``<library>/index``. One writer at a time (the indexer); any number of readers."""

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)
        self._ix: windex.Index | None = None
        self._searcher = None
        self._docsets: DocSets | None = None
        self._opened_created: float | None = None

    # -- lifecycle ----------------------------------------------------------------------------
    @property
    def meta_path(self) -> Path:
        return self.folder / "gongbao-index.json"

    def exists(self) -> bool:
        return self.folder.is_dir() and windex.exists_in(str(self.folder)) and self.meta_path.exists()

    def create(self) -> windex.Index:
        """Wipe and create an empty index (debris of a crashed writer included)."""
        self.close()
        if self.folder.exists():
            shutil.rmtree(self.folder, ignore_errors=True)
        self.folder.mkdir(parents=True, exist_ok=True)
        self._ix = windex.create_in(str(self.folder), schema())
        self.seal(created=time.time())
        return self._ix

    def _files(self) -> dict[str, int]:
        return {
            p.name: p.stat().st_size
            for p in self.folder.iterdir()
            if p.is_file() and p.name != self.meta_path.name and not p.name.endswith(_NOT_INDEX_FILES)
        }

    def seal(self, created: float | None = None) -> None:
        """Record the files of the committed index and their sizes, after every commit.

        whoosh never fsyncs and keeps no checksums; a crash, a full disk or a bad copy can
        leave a segment file short. At start :meth:`problem` compares the files with this
        record and rebuilds on any difference (the index is only a cache).
        """
        if created is None:
            with contextlib.suppress(OSError, ValueError):
                created = json.loads(self.meta_path.read_text(encoding="utf-8")).get("created")
        meta = {"version": INDEX_VERSION, "created": created or time.time(), "files": self._files()}
        tmp = self.meta_path.with_suffix(".tmp")
        tmp.write_text(json.dumps(meta), encoding="utf-8")
        os.replace(tmp, self.meta_path)

    def _created(self) -> float | None:
        """When the index on disk was created (a rebuild changes it)."""
        try:
            return json.loads(self.meta_path.read_text(encoding="utf-8")).get("created")
        except (OSError, ValueError):
            return None

    def open(self) -> windex.Index:
        if self._ix is None:
            self._ix = windex.open_dir(str(self.folder))
        return self._ix

    def close(self) -> None:
        self._docsets = None
        if self._searcher is not None:
            self._searcher.close()
        self._searcher = None
        if self._ix is not None:
            self._ix.close()
        self._ix = None

    def searcher(self):
        """One searcher kept open (its caches are what make queries fast), refreshed when the
        indexer has committed something new."""
        created = self._created()
        if created != self._opened_created:  # rebuilt meanwhile: its generations start again at 1
            self.close()
            self._opened_created = created
        if self._searcher is None or not self._searcher.up_to_date():
            # a fresh reader, never whoosh's refresh(): reusing the old reader it adds the old
            # segments back and keeps their old deletions (removed documents were still found)
            old, self._searcher = self._searcher, self.open().searcher()
            if old is not None:
                old.close()
        return self._searcher

    def docsets(self) -> DocSets:
        """Matching and ranking over the current searcher; segment data carried over refreshes."""
        searcher = self.searcher()
        if self._docsets is None or self._docsets.searcher is not searcher:
            self._docsets = DocSets(searcher, previous=self._docsets)
        return self._docsets

    def warm(self) -> None:
        """Open the searcher and read the per-document columns the first query needs (in the
        background at start, so the first query does not pay for them)."""
        sets = self.docsets()
        for name in ("kind", "city", "year", "date"):
            sets.column(name)
        for name in ("grams", "title_grams", "title_words"):
            sets._norm(name)

    def problem(self, expected_docs: int, slack: int = 0) -> str | None:
        """Why the index cannot be trusted (missing, other version, unreadable, wrong count).

        It may hold up to ``slack`` documents more than ``expected_docs``: those queued to be
        re-indexed or taken out (an edited document, one removed to the 回收站)."""
        if not self.exists():
            return "missing"
        try:
            meta = json.loads(self.meta_path.read_text(encoding="utf-8"))
            if meta.get("version") != INDEX_VERSION:
                return "version"
            recorded = meta.get("files")
            if recorded is None:
                return "unsealed"
            present = self._files()
            if any(present.get(name) != size for name, size in recorded.items()):
                return "corrupt"
            ix = self.open()
            with ix.searcher() as s:
                count = s.doc_count()
        except Exception:  # any damage at all: the index is a cache, rebuild it
            self.close()
            return "corrupt"
        if not expected_docs <= count <= expected_docs + slack:
            return "stale"
        return None

    def doc_count(self) -> int:
        with self.open().searcher() as s:
            return s.doc_count()

    # -- reading ------------------------------------------------------------------------------
    def search(
        self,
        text: str,
        *,
        filters: Filters | None = None,
        limit: int = 50,
        sort: str = "relevance",
        fetch: Any = None,
        snippet_hits: int = 20,
    ) -> Results:
        """Search; ``fetch(doc_ids) -> {id: DocumentSummary-like}`` supplies titles and texts.

        Snippets are made for the first ``snippet_hits`` results by substring search on the
        stored text (whoosh's own highlighter would re-run the analyzer over every hit).
        """
        started = time.perf_counter()
        parsed = parse(text)
        sets = self.docsets()
        matches = sets.matching(parsed.query)
        if filters is not None and (filt := filters.query()) is not None:
            matches &= sets.matching(filt)
        total = len(matches)
        facets = sets.facets(matches)
        if sort == "date":
            ranked = sets.by_value("date", matches, limit, reverse=True)
        elif sort == "date_asc":
            ranked = sets.by_value("date", matches, limit, reverse=False)
        else:
            ranked = sets.top(parsed.query, matches, limit)
        sets.forget()
        searcher = sets.searcher
        hits = [Hit(int(searcher.stored_fields(d)["doc_id"]), score) for score, d in ranked]
        if fetch is not None and hits:
            docs = fetch([h.doc_id for h in hits])
            kept = []
            for h in hits:
                d = docs.get(h.doc_id)
                if d is None:
                    continue
                # words match as an AND of their bigrams: confirm the exact words on what is shown
                haystack = " ".join((d["title"], d["text"], d.get("extra", "")))
                if not parsed.confirmed_by(haystack):
                    total -= 1
                    continue
                h.title, h.number, h.date = d["title"], d["number"], d["date"]
                h.issue, h.kind = d["issue"], d["kind"]
                if len(kept) < snippet_hits and parsed.literals:
                    h.snippets = snippets(d["text"], parsed.literals)
                kept.append(h)
            hits = kept
        return Results(text, total, hits, facets, time.perf_counter() - started)
