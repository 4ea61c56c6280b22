"""The user's repairs of a split, in the library: edit metadata, split here, merge with previous.

Each repair is one transaction that changes the documents at once (list, outline, search index
and exports follow) *and* records a rule in ``corrections`` (see :mod:`reader.corrections`), so a
re-import or re-parse replays it. Highlights go exactly with the text they mark; a document's
tags, note and reading place stay with it.

Undo does not invert each step by hand: before and after each repair the issue's rows are
captured (:class:`Snapshot`) and undo/redo put one or the other back, ids included, so whatever
sits above the repair on the undo stack (a highlight made in the new document) still finds its
document on redo.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import sqlite3
import uuid as uuidlib
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from reader.anchoring import Anchor, make_anchor, nth_occurrence
from reader.corrections import (
    FIELD,
    FIELDS,
    MERGE,
    SPLIT,
    Correction,
    CorrectionError,
    Part,
    apply,
    body_anchor,
    clean_field,
    describe,
    field_value,
    merge_parts,
    pack_parts,
    set_field,
    split_part,
    split_rule,
    unpack_parts,
)
from reader.errors import DocumentNotFound
from reader.gazette.model import Citation, Document
from reader.library.db import Store
from reader.library.rows import COLUMNS, INSERT_DOCUMENT, UPDATE_DOCUMENT, document_row

if TYPE_CHECKING:
    pass

__all__ = ["CorrectionError", "CorrectionRecord", "EditResult", "Edits", "Snapshot"]

# documents' columns a snapshot restores (not its id, issue or 回收站 state)
_DOC_COLUMNS = [*COLUMNS, "withdrawn"]
_SIGNATURE = ("issuer", "date", "attachments")  # what a merged document takes from its second part
_HL_COLUMNS = ["document_id", "start", "end", "quote", "prefix", "suffix", "orphan"]
_CORRECTION_COLUMNS = [
    "id",
    "uuid",
    "issue_id",
    "document_id",
    "kind",
    "field",
    "value",
    "original",
    "quote",
    "prefix",
    "suffix",
    "position",
    "unplaced",
    "created_at",
]


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="microseconds")


@dataclass(slots=True)
class Snapshot:
    """An issue's documents and what hangs on them, as rows: what undo and redo put back."""

    issue_id: int
    documents: list[dict[str, Any]]
    citations: list[tuple]
    highlights: list[dict[str, Any]]
    corrections: list[dict[str, Any]]
    document_tags: list[tuple]
    document_notes: list[tuple]
    reading: list[tuple]


@dataclass(slots=True)
class EditResult:
    """What a repair did: the document to show now, the new one (a split), the warnings."""

    document_id: int
    issue_id: int
    before: Snapshot
    after: Snapshot
    new_document_id: int | None = None
    removed_document_id: int | None = None  # a merge: the document that became body text
    changed: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    shift: int = 0  # a merge: where the merged document's text begins in the result
    highlights_moved: int = 0

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"document_id": self.document_id, "issue_id": self.issue_id}
        if self.new_document_id is not None:
            out["new_document_id"] = self.new_document_id
        if self.removed_document_id is not None:
            out["merged_document_id"] = self.removed_document_id
        out["changed"] = list(self.changed)
        out["warnings"] = list(self.warnings)
        out["highlights_moved"] = self.highlights_moved
        return out


@dataclass(slots=True)
class CorrectionRecord:
    """One stored rule, as ``corrections`` lists it."""

    uuid: str
    issue_id: int
    document_id: int | None
    kind: str
    field: str | None
    value: Any
    quote: str
    unplaced: bool
    created_at: str
    prefix: str = ""
    suffix: str = ""
    position: int = 0
    original: Any = None  # a field's value before the user first set it (the parser's)

    def describe(self) -> str:
        return describe(self.kind, self.field, self.value, self.quote)

    def to_dict(self) -> dict[str, Any]:
        return {
            "uuid": self.uuid,
            "issue_id": self.issue_id,
            "document_id": self.document_id,
            "kind": self.kind,
            "field": self.field,
            "value": self.value,
            "quote": self.quote,
            "unplaced": self.unplaced,
            "created_at": self.created_at,
            "description": self.describe(),
        }

    def portable(self) -> dict[str, Any]:
        """The rule as a notes file carries it (no ids of this library)."""
        return {
            "uuid": self.uuid,
            "kind": self.kind,
            "field": self.field,
            "value": self.value,
            "quote": self.quote,
            "prefix": self.prefix,
            "suffix": self.suffix,
            "position": self.position,
            "created_at": self.created_at,
            "original": self.original,
        }


def document_of(row: dict[str, Any], citations: list[dict[str, Any]]) -> Document:
    """A stored document as the parser's record (what corrections work on)."""
    return Document(
        title=row["title"],
        number=row["number"],
        number_key=row["number_key"],
        issuer=row["issuer"],
        recipients=row["recipients"],
        date=row["date"],
        kind=row["kind"],
        attachments=json.loads(row["attachments"] or "[]"),
        citations=[Citation(c["title"], c["number"], c["number_key"]) for c in citations],
        text=row["text"],
        start_line=row["start_line"] or 0,
        end_line=row["end_line"] or 0,
        in_toc=None if row["in_toc"] is None else bool(row["in_toc"]),
        section=row["section"],
        decisions=json.loads(row["decisions"] or "[]"),
    )


def pages_of(row: dict[str, Any]) -> tuple | None:
    if row["page_map"] is None and row["page_start"] is None:
        return None
    return (row["page_start"], row["page_end"], json.loads(row["page_map"] or "[]"))


def correction_of(row: dict[str, Any]) -> Correction:
    anchor = Anchor(
        row["position"], row["position"] + len(row["quote"]), row["quote"], row["prefix"], row["suffix"]
    )
    return Correction(row["uuid"], row["kind"], anchor, row["field"], json.loads(row["value"]))


class Edits(Store):
    """Repairs of one open library (``library.edits``)."""

    # -- reading the issue as parts ---------------------------------------------------------
    def _document_row(self, doc_id: int) -> dict[str, Any]:
        rows = self._rows("SELECT * FROM documents WHERE id = ?", (doc_id,))
        if not rows:
            raise DocumentNotFound(f"没有编号为 {doc_id} 的文档")
        return rows[0]

    def issue_parts(self, issue_id: int) -> tuple[list[dict[str, Any]], list[Part]]:
        """The issue's split as it stands (documents the parser still finds, in order)."""
        rows = self._rows(
            "SELECT * FROM documents WHERE issue_id = ? AND withdrawn = 0 ORDER BY seq", (issue_id,)
        )
        cites: dict[int, list[dict[str, Any]]] = {}
        for c in self._rows(
            """SELECT c.* FROM citations c JOIN documents d ON d.id = c.document_id
               WHERE d.issue_id = ? ORDER BY c.id""",
            (issue_id,),
        ):
            cites.setdefault(c["document_id"], []).append(c)
        parts = [Part(document_of(r, cites.get(r["id"], [])), pages_of(r)) for r in rows]
        return rows, parts

    def layer(self, issue_id: int) -> tuple[list[int], list[Correction]]:
        """An issue's rules in the order they were made, with their row ids."""
        rows = self._rows("SELECT * FROM corrections WHERE issue_id = ? ORDER BY created_at, id", (issue_id,))
        return [r["id"] for r in rows], [correction_of(r) for r in rows]

    def corrections(
        self, issue_id: int | None = None, *, unplaced: bool | None = None
    ) -> list[CorrectionRecord]:
        where, params = [], []
        if issue_id is not None:
            where.append("issue_id = ?")
            params.append(issue_id)
        if unplaced is not None:
            where.append("unplaced = ?")
            params.append(int(unplaced))
        rows = self._rows(
            f"SELECT * FROM corrections {'WHERE ' + ' AND '.join(where) if where else ''} "
            "ORDER BY issue_id, created_at, id",
            params,
        )
        return [
            CorrectionRecord(
                uuid=r["uuid"],
                issue_id=r["issue_id"],
                document_id=r["document_id"],
                kind=r["kind"],
                field=r["field"],
                value=json.loads(r["value"]),
                quote=r["quote"],
                unplaced=bool(r["unplaced"]),
                created_at=r["created_at"],
                prefix=r["prefix"],
                suffix=r["suffix"],
                position=r["position"],
                original=json.loads(r["original"]),
            )
            for r in rows
        ]

    # -- the parser's split, which the rules are replayed over ------------------------------------
    @staticmethod
    def store_base(conn: sqlite3.Connection, issue_id: int, parsed: Any, pages: list | None) -> None:
        """Keep a parse of the issue as its base (inside the caller's transaction)."""
        parts = [Part(d, pages[i] if pages else None) for i, d in enumerate(parsed.documents)]
        conn.execute(
            "INSERT INTO issue_base (issue_id, parts) VALUES (?, ?) "
            "ON CONFLICT(issue_id) DO UPDATE SET parts = excluded.parts",
            (issue_id, pack_parts(parts)),
        )

    def base(self, issue_id: int) -> list[Part]:
        """The parser's split of the issue. One is kept only once the issue has rules (a library
        of 100,000 documents does not keep every text twice): before the first, the documents as
        they stand are the parse."""
        row = self.db.conn.execute("SELECT parts FROM issue_base WHERE issue_id = ?", (issue_id,)).fetchone()
        if row is not None:
            return unpack_parts(row[0])
        return self.issue_parts(issue_id)[1]

    def _ensure_base(self, conn: sqlite3.Connection, issue_id: int, parts: list[Part]) -> None:
        """Before the first rule of an issue without a base: its split as it stands is the base."""
        if conn.execute("SELECT 1 FROM issue_base WHERE issue_id = ?", (issue_id,)).fetchone() is None:
            conn.execute(
                "INSERT INTO issue_base (issue_id, parts) VALUES (?, ?)", (issue_id, pack_parts(parts))
            )

    def _settle(self, conn: sqlite3.Connection, issue_id: int) -> None:
        """Make the issue's documents exactly what replaying its rules over the base gives (what a
        re-parse will give): the repair just made moved highlights and kept ids; this makes its
        values path-independent. A repair that a replay could not reproduce is refused whole."""
        from reader.library.annotation_store import AnnotationStore

        ids, rules = self.layer(issue_id)
        applied = apply(self.base(issue_id), rules)
        cur = conn.execute(
            "SELECT * FROM documents WHERE issue_id = ? AND withdrawn = 0 ORDER BY seq", (issue_id,)
        )
        names = [c[0] for c in cur.description]
        rows = [dict(zip(names, r, strict=True)) for r in cur.fetchall()]
        if len(rows) != len(applied.parts) or (rules and rules[-1].uuid in applied.unplaced):
            raise CorrectionError("这一处更正在重新拆分时无法重现（找不到足以定位的文字），未做更改")
        store = AnnotationStore(self.db, self._check_writable)
        for row, part in zip(rows, applied.parts, strict=True):
            d = part.doc
            want = {
                "title": d.title,
                "number": d.number,
                "number_key": d.number_key,
                "issuer": d.issuer,
                "recipients": d.recipients,
                "date": d.date,
                "kind": d.kind,
                "attachments": json.dumps(d.attachments, ensure_ascii=False),
                "text": d.text,
                "decisions": json.dumps(d.decisions, ensure_ascii=False),
            }
            if part.pages is not None:
                first, last, page_map = part.pages
                want |= {"page_start": first, "page_end": last, "page_map": json.dumps(page_map)}
            changed = {k: v for k, v in want.items() if row[k] != v}
            if not changed:
                continue
            sets = ", ".join(f"{k} = ?" for k in changed)
            conn.execute(f"UPDATE documents SET {sets} WHERE id = ?", (*changed.values(), row["id"]))
            self._write_citations(conn, row["id"], d)
            if "text" in changed:
                store.reanchor_document(conn, row["id"], d.text)
                conn.execute(  # the reader's place stays inside the text
                    "UPDATE reading_state SET text_offset = min(text_offset, ?) WHERE document_id = ?",
                    (len(d.text), row["id"]),
                )
        self.record_placement(conn, ids, rules, applied.placed, [r["id"] for r in rows])

    # -- snapshots ----------------------------------------------------------------------------
    def snapshot(self, issue_id: int) -> Snapshot:
        conn = self.db.conn
        docs = self._rows("SELECT * FROM documents WHERE issue_id = ? ORDER BY seq", (issue_id,))
        ids = [d["id"] for d in docs]
        marks = ",".join("?" * len(ids)) or "NULL"
        return Snapshot(
            issue_id=issue_id,
            documents=docs,
            citations=conn.execute(
                f"SELECT document_id, title, number, number_key FROM citations WHERE document_id IN ({marks}) "
                "ORDER BY id",
                ids,
            ).fetchall(),
            highlights=self._rows(
                f"SELECT id, {', '.join(_HL_COLUMNS)} FROM highlights WHERE document_id IN ({marks})", ids
            ),
            corrections=self._rows("SELECT * FROM corrections WHERE issue_id = ?", (issue_id,)),
            document_tags=conn.execute(
                f"SELECT document_id, tag_id FROM document_tags WHERE document_id IN ({marks})", ids
            ).fetchall(),
            document_notes=conn.execute(
                f"SELECT document_id, note, modified_at FROM document_notes WHERE document_id IN ({marks})",
                ids,
            ).fetchall(),
            reading=conn.execute(
                f"""SELECT document_id, view, text_offset, page_position, zoom, updated_at FROM reading_state
                    WHERE document_id IN ({marks})""",
                ids,
            ).fetchall(),
        )

    def restore(self, snap: Snapshot) -> None:
        """Put an issue's rows back as ``snap`` has them (undo or redo of a repair), in one
        transaction. A highlight made since on a document the snapshot does not have is kept,
        as an orphan on the issue's first document."""
        with self._write() as conn:
            self._restore(conn, snap)

    def _restore(self, conn: sqlite3.Connection, snap: Snapshot) -> None:
        issue_id = snap.issue_id
        now_ids = {r[0] for r in conn.execute("SELECT id FROM documents WHERE issue_id = ?", (issue_id,))}
        snap_ids = [d["id"] for d in snap.documents]
        conn.execute("UPDATE documents SET seq = -seq - 1000000 WHERE issue_id = ?", (issue_id,))
        sets = ", ".join(f"{c} = ?" for c in _DOC_COLUMNS)
        for d in snap.documents:
            values = [d[c] for c in _DOC_COLUMNS]
            if d["id"] in now_ids:
                conn.execute(f"UPDATE documents SET {sets} WHERE id = ?", (*values, d["id"]))
            else:
                conn.execute(
                    f"INSERT INTO documents (id, issue_id, {', '.join(_DOC_COLUMNS)}, removed_in) "
                    f"VALUES (?, ?, {', '.join('?' * len(_DOC_COLUMNS))}, ?)",
                    (d["id"], issue_id, *values, d.get("removed_in")),
                )
        for h in snap.highlights:
            conn.execute(
                f"UPDATE highlights SET {', '.join(f'{c} = ?' for c in _HL_COLUMNS)} WHERE id = ?",
                (*[h[c] for c in _HL_COLUMNS], h["id"]),
            )
        gone = sorted(now_ids - set(snap_ids))
        if gone and snap_ids:
            marks = ",".join("?" * len(gone))
            conn.execute(
                f"UPDATE highlights SET document_id = ?, orphan = 1 WHERE document_id IN ({marks})",
                (snap_ids[0], *gone),
            )
        for doc_id in gone:
            conn.execute("DELETE FROM documents WHERE id = ?", (doc_id,))
        marks = ",".join("?" * len(snap_ids)) or "NULL"
        for table in ("citations", "document_tags", "document_notes", "reading_state"):
            conn.execute(f"DELETE FROM {table} WHERE document_id IN ({marks})", snap_ids)
        conn.executemany(
            "INSERT INTO citations (document_id, title, number, number_key) VALUES (?,?,?,?)", snap.citations
        )
        conn.executemany(
            "INSERT INTO document_tags (document_id, tag_id) SELECT ?, id FROM tags WHERE id = ?",
            snap.document_tags,
        )
        conn.executemany(
            "INSERT INTO document_notes (document_id, note, modified_at) VALUES (?,?,?)", snap.document_notes
        )
        conn.executemany(
            """INSERT INTO reading_state (document_id, view, text_offset, page_position, zoom, updated_at)
               VALUES (?,?,?,?,?,?)""",
            snap.reading,
        )
        conn.execute("DELETE FROM corrections WHERE issue_id = ?", (issue_id,))
        conn.executemany(
            f"INSERT INTO corrections ({', '.join(_CORRECTION_COLUMNS)}) "
            f"VALUES ({', '.join('?' * len(_CORRECTION_COLUMNS))})",
            [
                tuple(
                    c[k] if not (k == "document_id" and c[k] not in snap_ids) else None
                    for k in _CORRECTION_COLUMNS
                )
                for c in snap.corrections
            ],
        )

    # -- rules --------------------------------------------------------------------------------
    @staticmethod
    def _add_rule(
        conn: sqlite3.Connection,
        issue_id: int,
        document_id: int | None,
        kind: str,
        anchor: Anchor,
        field_name: str | None = None,
        value: Any = None,
        original: Any = None,
    ) -> None:
        conn.execute(
            """INSERT INTO corrections (uuid, issue_id, document_id, kind, field, value, original, quote, prefix,
                   suffix, position, created_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)""",
            (
                str(uuidlib.uuid4()),
                issue_id,
                document_id,
                kind,
                field_name,
                json.dumps(value, ensure_ascii=False),
                json.dumps(original, ensure_ascii=False),
                anchor.quote,
                anchor.prefix,
                anchor.suffix,
                anchor.start,
                _now(),
            ),
        )

    # -- edit metadata ------------------------------------------------------------------------
    def edit(self, doc_id: int, changes: dict[str, Any]) -> EditResult:
        """Set fields of a document (cleaned first: nothing is written if one is refused)."""
        cleaned: dict[str, Any] = {}
        warnings: list[str] = []
        for name, value in changes.items():
            value, warning = clean_field(name, value)
            cleaned[name] = value
            if warning:
                warnings.append(warning)
        self._check_writable()
        row = self._document_row(doc_id)
        issue_id = row["issue_id"]
        before = self.snapshot(issue_id)
        rows, parts = self.issue_parts(issue_id)
        index = next((i for i, r in enumerate(rows) if r["id"] == doc_id), None)
        if index is not None:
            doc = copy.copy(parts[index].doc)  # the parts stay as they were: they may become the base
            anchor = body_anchor(parts, index)
        else:  # a withdrawn document: its rule can only point into its own text
            doc = document_of(row, [])
            anchor = make_anchor(doc.text, 0, min(32, len(doc.text)))
        changed = [n for n in FIELDS if n in cleaned and field_value(doc, n) != cleaned[n]]
        if not changed:
            return EditResult(doc_id, issue_id, before, before, warnings=warnings)
        was = {n: field_value(doc, n) for n in changed}
        for name in changed:
            set_field(doc, name, cleaned[name])
        with self._write() as conn:
            self._ensure_base(conn, issue_id, parts)
            conn.execute(
                """UPDATE documents SET title = ?, number = ?, number_key = ?, issuer = ?, recipients = ?,
                       date = ?, kind = ?, attachments = ? WHERE id = ?""",
                (
                    doc.title,
                    doc.number,
                    doc.number_key,
                    doc.issuer,
                    doc.recipients,
                    doc.date,
                    doc.kind,
                    json.dumps(doc.attachments, ensure_ascii=False),
                    doc_id,
                ),
            )
            if "number" in changed:
                self._write_citations(conn, doc_id, doc)
            for name in changed:
                value = json.dumps(cleaned[name], ensure_ascii=False)
                cur = conn.execute(
                    """UPDATE corrections SET value = ?, quote = ?, prefix = ?, suffix = ?, position = ?,
                           unplaced = 0 WHERE document_id = ? AND kind = 'field' AND field = ?""",
                    (value, anchor.quote, anchor.prefix, anchor.suffix, anchor.start, doc_id, name),
                )
                if cur.rowcount == 0:
                    self._add_rule(conn, issue_id, doc_id, FIELD, anchor, name, cleaned[name], was[name])
            if index is not None:
                self._settle(conn, issue_id)
        after = self.snapshot(issue_id)
        return EditResult(doc_id, issue_id, before, after, changed=changed, warnings=warnings)

    @staticmethod
    def _write_citations(conn: sqlite3.Connection, doc_id: int, doc: Document) -> None:
        conn.execute("DELETE FROM citations WHERE document_id = ?", (doc_id,))
        conn.executemany(
            "INSERT INTO citations (document_id, title, number, number_key) VALUES (?,?,?,?)",
            [(doc_id, c.title, c.number, c.number_key) for c in doc.citations],
        )

    # -- split --------------------------------------------------------------------------------
    def split_at_quote(self, doc_id: int, quote: str, occurrence: int = 1) -> EditResult:
        """Split where the ``occurrence``-th ``quote`` begins in the document's text."""
        text = self._document_row(doc_id)["text"]
        found = nth_occurrence(text, quote, occurrence) if quote else None
        if found is None:
            raise CorrectionError(f"文档中找不到第 {occurrence} 处“{quote[:30]}”，未拆分")
        return self.split(doc_id, found[0])

    def split(self, doc_id: int, at: int) -> EditResult:
        """A new document begins at offset ``at`` of this one's text (its title block read by the
        parser's rules); highlights from there on go with it."""
        self._check_writable()
        row = self._document_row(doc_id)
        if row["withdrawn"]:
            raise CorrectionError("这篇文档已不在期刊中（已撤下），不能拆分")
        issue_id = row["issue_id"]
        rows, parts = self.issue_parts(issue_id)
        k = next(i for i, r in enumerate(rows) if r["id"] == doc_id)
        if not 0 <= at <= len(parts[k].doc.text):
            raise CorrectionError("拆分位置不在文档中")
        cut = split_part(parts[k], at)
        anchor, value = split_rule(parts, k, at, cut)
        before = self.snapshot(issue_id)
        moved = 0
        with self._write() as conn:
            self._ensure_base(conn, issue_id, parts)
            seq = row["seq"]
            conn.execute(
                "UPDATE documents SET seq = -seq - 1000000 WHERE issue_id = ? AND seq > ?", (issue_id, seq)
            )
            conn.execute(
                "UPDATE documents SET seq = -seq - 1000000 + 1 WHERE issue_id = ? AND seq < -1000000",
                (issue_id,),
            )
            self._update_document(conn, doc_id, cut.first)
            new_id = self._insert_document(conn, issue_id, seq + 1, cut.second, row)
            text_a, text_b = cut.first.doc.text, cut.second.doc.text
            for hid, start, end in conn.execute(
                "SELECT id, start, end FROM highlights WHERE document_id = ?", (doc_id,)
            ).fetchall():
                if end <= cut.a_end:
                    continue
                moved += 1
                if start >= cut.b_start or (end > cut.b_start and start >= cut.a_end):
                    s, e = max(start - cut.b_start, 0), end - cut.b_start
                    self._place(conn, hid, new_id, text_b, s, e)
                elif start < cut.a_end:
                    self._place(conn, hid, doc_id, text_a, start, cut.a_end)
                else:  # inside the title block that became the new document's metadata
                    conn.execute(
                        "UPDATE highlights SET document_id = ?, orphan = 1 WHERE id = ?", (new_id, hid)
                    )
            conn.execute(
                "UPDATE reading_state SET text_offset = min(text_offset, ?) WHERE document_id = ?",
                (len(text_a), doc_id),
            )
            self._add_rule(conn, issue_id, new_id, SPLIT, anchor, value=value)
            self._settle(conn, issue_id)
        after = self.snapshot(issue_id)
        return EditResult(doc_id, issue_id, before, after, new_document_id=new_id, highlights_moved=moved)

    @staticmethod
    def _place(conn: sqlite3.Connection, hid: int, doc_id: int, text: str, start: int, end: int) -> None:
        a = make_anchor(text, start, end)
        orphan = int(not a.quote.strip())
        conn.execute(
            """UPDATE highlights SET document_id = ?, start = ?, end = ?, quote = CASE WHEN ? THEN quote ELSE ? END,
                   prefix = ?, suffix = ?, orphan = ?, modified_at = ? WHERE id = ?""",
            (doc_id, a.start, a.end, orphan, a.quote, a.prefix, a.suffix, orphan, _now(), hid),
        )

    def _update_document(self, conn: sqlite3.Connection, doc_id: int, part: Part) -> None:
        seq, searchable = conn.execute(
            "SELECT seq, searchable FROM documents WHERE id = ?", (doc_id,)
        ).fetchone()
        conn.execute(UPDATE_DOCUMENT, (*document_row(seq, part.doc, part.pages, bool(searchable)), doc_id))
        self._write_citations(conn, doc_id, part.doc)

    def _insert_document(
        self, conn: sqlite3.Connection, issue_id: int, seq: int, part: Part, like: dict[str, Any]
    ) -> int:
        """A new document of the issue (a split's second half), in the 回收站 if ``like`` is."""
        values = document_row(seq, part.doc, part.pages, bool(like["searchable"]))
        new_id = conn.execute(INSERT_DOCUMENT, (issue_id, *values)).lastrowid
        assert new_id is not None
        if like.get("removed_in") is not None:
            conn.execute("UPDATE documents SET removed_in = ? WHERE id = ?", (like["removed_in"], new_id))
        self._write_citations(conn, new_id, part.doc)
        return new_id

    # -- merge --------------------------------------------------------------------------------
    def merge(self, doc_id: int) -> EditResult:
        """This document becomes the continuation of the one before it in its issue."""
        self._check_writable()
        row = self._document_row(doc_id)
        issue_id = row["issue_id"]
        rows, parts = self.issue_parts(issue_id)
        k = next((i for i, r in enumerate(rows) if r["id"] == doc_id), None)
        if k is None:
            raise CorrectionError("这篇文档已不在期刊中（已撤下），不能合并")
        if k == 0:
            raise CorrectionError("这是本期第一篇文档，前面没有可合并的文档")
        if rows[k - 1]["removed_in"] is not None:
            raise CorrectionError("上一篇文档在回收站中：请先恢复它，再合并")
        prev_id = rows[k - 1]["id"]
        printed = copy.copy(parts[k].doc)  # its title block as printed, not as the user retitled it
        for r in self._field_rules(doc_id):
            if r["field"] in ("title", "number") and r["original"] != "null":
                setattr(printed, r["field"], json.loads(r["original"]))
        joined = merge_parts(parts[k - 1], Part(printed, parts[k].pages))
        anchor = body_anchor(parts, k)
        # the merged document signs with the second one's signature: a date or 发文机关 the user
        # set there becomes the merged document's (its own rule, so a replay gives the same)
        own = {r["field"] for r in self._field_rules(prev_id)}
        carried = [
            r["field"]
            for r in self._field_rules(doc_id)
            if r["field"] in _SIGNATURE and r["field"] not in own
        ]
        anchor_a = body_anchor(parts, k - 1)
        before = self.snapshot(issue_id)
        with self._write() as conn:
            self._ensure_base(conn, issue_id, parts)
            self._update_document(conn, prev_id, joined.part)
            text = joined.part.doc.text
            hls = conn.execute(
                "SELECT id, start, end FROM highlights WHERE document_id = ?", (doc_id,)
            ).fetchall()
            for hid, start, end in hls:
                self._place(conn, hid, prev_id, text, start + joined.shift, end + joined.shift)
            conn.execute(
                """INSERT OR IGNORE INTO document_tags (document_id, tag_id)
                   SELECT ?, tag_id FROM document_tags WHERE document_id = ?""",
                (prev_id, doc_id),
            )
            note_b = conn.execute(
                "SELECT note FROM document_notes WHERE document_id = ?", (doc_id,)
            ).fetchone()
            if note_b and note_b[0].strip():
                note_a = conn.execute(
                    "SELECT note FROM document_notes WHERE document_id = ?", (prev_id,)
                ).fetchone()
                merged = f"{note_a[0].rstrip()}\n\n{note_b[0]}" if note_a and note_a[0].strip() else note_b[0]
                conn.execute(
                    """INSERT INTO document_notes (document_id, note, modified_at) VALUES (?,?,?)
                       ON CONFLICT(document_id) DO UPDATE SET note = excluded.note, modified_at = excluded.modified_at""",
                    (prev_id, merged, _now()),
                )
            # the rules that made or described the merged document no longer have one to point at
            conn.execute(
                "DELETE FROM corrections WHERE document_id = ? AND kind IN ('split', 'field')", (doc_id,)
            )
            conn.execute("DELETE FROM documents WHERE id = ?", (doc_id,))
            seq = row["seq"]
            conn.execute(
                "UPDATE documents SET seq = -seq - 1000000 WHERE issue_id = ? AND seq > ?", (issue_id, seq)
            )
            conn.execute(
                "UPDATE documents SET seq = -seq - 1000000 - 1 WHERE issue_id = ? AND seq < -1000000",
                (issue_id,),
            )
            self._add_rule(conn, issue_id, prev_id, MERGE, anchor)
            for name in carried:
                value = field_value(joined.part.doc, name)
                self._add_rule(conn, issue_id, prev_id, FIELD, anchor_a, name, value)
            self._settle(conn, issue_id)
        after = self.snapshot(issue_id)
        return EditResult(
            prev_id,
            issue_id,
            before,
            after,
            removed_document_id=doc_id,
            shift=joined.shift,
            highlights_moved=len(hls),
        )

    def _field_rules(self, doc_id: int) -> list[dict[str, Any]]:
        return self._rows(
            """SELECT field, value, original FROM corrections WHERE document_id = ? AND kind = 'field'
               ORDER BY created_at, id""",
            (doc_id,),
        )

    # -- placement after a parse ------------------------------------------------------------------
    @staticmethod
    def record_placement(
        conn: sqlite3.Connection,
        rule_ids: list[int],
        rules: list[Correction],
        placed: dict[str, int],
        doc_ids: list[int],
    ) -> None:
        """After a parse: which document each rule now stands on, and which found no place."""
        for rid, rule in zip(rule_ids, rules, strict=True):
            index = placed.get(rule.uuid)
            if index is None:
                conn.execute("UPDATE corrections SET unplaced = 1 WHERE id = ?", (rid,))
            else:
                conn.execute(
                    "UPDATE corrections SET unplaced = 0, document_id = ? WHERE id = ?", (doc_ids[index], rid)
                )

    def import_rules(self, issue_id: int, rules: list[dict[str, Any]]) -> int:
        """Rules from a notes file, kept by uuid (twice is once); returns how many were new."""
        added = 0
        with self._write() as conn:
            for r in rules:
                cur = conn.execute(
                    """INSERT OR IGNORE INTO corrections (uuid, issue_id, kind, field, value, original, quote, prefix,
                           suffix, position, created_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)""",
                    (
                        r["uuid"],
                        issue_id,
                        r["kind"],
                        r.get("field"),
                        json.dumps(r.get("value"), ensure_ascii=False),
                        json.dumps(r.get("original"), ensure_ascii=False),
                        r["quote"],
                        r.get("prefix", ""),
                        r.get("suffix", ""),
                        r.get("position", 0),
                        r.get("created_at") or _now(),
                    ),
                )
                added += cur.rowcount
        return added
