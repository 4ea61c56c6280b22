"""The library folder and its repository: issues and documents in, records out.

Layout of a library folder::

    library.sqlite      the source of truth (WAL)
    files/ab/<sha256>.txt   imported originals, named by content hash
    index/              the search index (derived, rebuildable)

An import is one transaction: an issue and all its documents land together or not at all.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import json
import os
import sqlite3
import tempfile
from pathlib import Path
from typing import Any

import sqlite_utils

from reader.corrections import Part, apply, describe
from reader.errors import DocumentNotFound, LibraryError, LibraryReadOnly
from reader.extracts.store import VERSION as EXTRACTS_VERSION
from reader.extracts.store import Extracts, ensure_current
from reader.gazette.model import Issue, ParsedIssue
from reader.library import migrations
from reader.library.annotation_store import AnnotationStore
from reader.library.db import connect, folder_writable, transaction, translate
from reader.library.edits import Edits
from reader.library.records import (
    DocumentRecord,
    DocumentSummary,
    IssueRecord,
    IssueSource,
    ReadingState,
    View,
    issue_label,
)
from reader.library.rows import INSERT_DOCUMENT, UPDATE_DOCUMENT, document_row
from reader.library.schema import schema_problem
from reader.library.trash import VISIBLE, Trash
from reader.locations import default_library_dir  # noqa: F401  (re-exported)
from reader.relations.store import Relations

DB_NAME = "library.sqlite"


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def _now_precise() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="microseconds")


class Library:
    """An open library folder. Not thread-safe: give each thread its own ``Library``."""

    def __init__(self, folder: Path | str, *, readonly: bool = False, create: bool = True) -> None:
        self.folder = Path(folder).expanduser()
        self.db_path = self.folder / DB_NAME
        self.files_dir = self.folder / "files"
        self.readonly = readonly
        if self.folder.exists() and not self.folder.is_dir():
            raise LibraryError(f"资料库应是一个文件夹，这里是一个文件：{self.folder}")
        if not self.folder.exists():
            if not create:
                raise LibraryError(f"资料库文件夹不存在：{self.folder}")
            try:
                self.folder.mkdir(parents=True)
            except OSError as exc:
                raise LibraryError(f"无法创建资料库文件夹 {self.folder}：{exc.strerror}") from exc
        if not self.readonly and not folder_writable(self.folder):
            if not self.db_path.exists():
                raise LibraryReadOnly(f"资料库文件夹是只读的，无法创建资料库：{self.folder}")
            self.readonly = True
        if not self.readonly and self.db_path.exists() and not os.access(self.db_path, os.W_OK):
            self.readonly = True
        if self.readonly and not self.db_path.exists():
            raise LibraryReadOnly(f"资料库不存在，且文件夹只读，无法创建：{self.folder}")
        self._annotations: AnnotationStore | None = None
        self.db: sqlite_utils.Database = connect(self.db_path, readonly=self.readonly)
        try:
            problem = schema_problem(self.db.conn)  # before anything runs a planted trigger
            if problem is not None:
                raise LibraryError(
                    f"{problem}：为安全起见没有打开（{self.db_path}）。可运行 check 查看，或从备份恢复"
                )
            if self.readonly:
                if migrations.version(self.db) != migrations.SCHEMA_VERSION:
                    raise LibraryReadOnly("资料库是只读的，且需要升级，无法打开")
            else:
                from reader.library.backup import make_backup

                # a forced backup before any schema upgrade of an existing library
                migrations.migrate(self.db, before=lambda: make_backup(self.folder, "pre-migration"))
                if self.db.conn.execute("SELECT version FROM extracts_version").fetchone() != (
                    EXTRACTS_VERSION,
                ):  # a newer extractor: every document is read again, committed at once
                    with transaction(self.db) as conn:
                        ensure_current(conn)
        except sqlite3.DatabaseError as exc:
            self.db.conn.close()
            raise translate(exc, self.db_path) from exc
        except Exception:
            self.db.conn.close()
            raise

    @property
    def annotations(self) -> AnnotationStore:
        """Highlights, notes and tags of this library."""
        if self._annotations is None:
            self._annotations = AnnotationStore(self.db, self.check_writable, self.readonly)
        return self._annotations

    @property
    def edits(self) -> Edits:
        """The user's repairs: metadata edits, splits and merges (and their rules)."""
        return Edits(self.db, self.check_writable)

    @property
    def trash(self) -> Trash:
        """The 回收站."""
        return Trash(self.db, self.folder, self.check_writable)

    @property
    def relations(self) -> Relations:
        """What documents say about each other and whether each is still in force (reads)."""
        return Relations(self.db.conn)

    @property
    def extracts(self) -> Extracts:
        """人事任免 records and tasks read from the documents, and the user's done marks."""
        return Extracts(self.db, self.check_writable)

    # -- lifecycle ----------------------------------------------------------------------------
    def close(self) -> None:
        with contextlib.suppress(sqlite3.Error):
            self.db.conn.close()

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def check_writable(self) -> None:
        """Raise :class:`LibraryReadOnly` before any work is done for a write that cannot land."""
        self._require_writable()

    def _require_writable(self) -> None:
        if self.readonly:
            raise LibraryReadOnly(f"资料库是只读的，无法写入：{self.folder}")

    # -- files --------------------------------------------------------------------------------
    def stored_path(self, sha256: str, suffix: str) -> Path:
        return self.files_dir / sha256[:2] / f"{sha256}{suffix}"

    def store_file(self, data: bytes, sha256: str, suffix: str, replace: bool = False) -> tuple[Path, bool]:
        """Keep a copy of an imported original; return its path and whether it was new.

        Written to a temporary file, flushed to disk, then renamed into place, so a crash never
        leaves a half-written original under its final name. ``replace`` writes ``data`` over a
        copy already there (the decrypted copy of an encrypted PDF).
        """
        self._require_writable()
        target = self.stored_path(sha256, suffix)
        if target.exists() and not replace:
            return target, False
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".incoming-")
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, target)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise
        return target, True

    # -- writes -------------------------------------------------------------------------------
    def issue_id_by_hash(self, sha256: str) -> int | None:
        row = self.db.conn.execute("SELECT id FROM issues WHERE sha256 = ?", (sha256,)).fetchone()
        return row[0] if row else None

    def issue_id_by_content(self, content_sha: str) -> int | None:
        """The issue whose text is this text, whatever bytes and encoding it came in."""
        row = self.db.conn.execute(
            "SELECT id FROM issues WHERE content_sha = ? ORDER BY id LIMIT 1", (content_sha,)
        ).fetchone()
        return row[0] if row else None

    def add_issue(
        self,
        parsed: ParsedIssue,
        source: IssueSource,
        pages: list[tuple[int, int, list[list[int]]]] | None = None,
    ) -> int:
        """Insert one issue and all its documents in a single transaction; return the issue id.

        ``pages`` gives, for a PDF, each document's (first page, last page, page map).
        """
        self._require_writable()
        with transaction(self.db) as conn:
            cols = {
                "source_name": source.name,
                "format": source.format,
                **self._source_columns(parsed, source),
            }
            cur = conn.execute(
                f"INSERT INTO issues ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})",
                list(cols.values()),
            )
            issue_id = cur.lastrowid
            assert issue_id is not None
            for seq, d in enumerate(parsed.documents, start=1):
                values = document_row(seq, d, pages[seq - 1] if pages else None, source.has_text)
                dcur = conn.execute(INSERT_DOCUMENT, (issue_id, *values))
                conn.executemany(
                    "INSERT INTO citations (document_id, title, number, number_key) VALUES (?,?,?,?)",
                    [(dcur.lastrowid, c.title, c.number, c.number_key) for c in d.citations],
                )
        assert issue_id is not None
        return issue_id

    # -- corrected versions -------------------------------------------------------------------
    def previous_version(self, parsed: ParsedIssue, source_name: str, fmt: str) -> int | None:
        """The issue a newly imported file is a corrected version of, or None.

        Same gazette (city or publisher, year and issue number) or, lacking those, the same file
        name and format — and in both cases at least half of the documents in common, so that two
        unrelated files that happen to share a name never overwrite each other.
        """
        iss = parsed.issue
        if parsed.is_gazette and (iss.city or iss.publisher) and iss.year and iss.number:
            rows = self._rows(
                """SELECT id FROM issues WHERE coalesce(city, publisher) = ? AND year = ? AND number = ?
                   AND format = ? AND removed_in IS NULL ORDER BY id DESC""",
                (iss.city or iss.publisher, iss.year, iss.number, fmt),
            )
        else:
            rows = self._rows(
                "SELECT id FROM issues WHERE source_name = ? AND format = ? AND removed_in IS NULL ORDER BY id DESC",
                (source_name, fmt),
            )
        for r in rows:
            old = self._rows("SELECT title, number_key FROM documents WHERE issue_id = ?", (r["id"],))
            pairs = _match_documents(old, [(d.title, d.number_key) for d in parsed.documents])
            if pairs and len(pairs) * 2 >= min(len(old), len(parsed.documents)):
                return r["id"]
        return None

    def replace_issue(
        self,
        issue_id: int,
        parsed: ParsedIssue,
        source: IssueSource,
        pages: list[tuple[int, int, list[list[int]]]] | None = None,
    ) -> dict[str, int]:
        """Update an issue in place from its corrected version, in one transaction.

        Documents are matched by 发文字号, then title; a matched document keeps its id (so its
        highlights, tags, notes and reading place stay) and gets the new text, its highlights
        re-anchored. New documents are added; documents no longer in the issue are kept, marked
        withdrawn, their highlights orphaned — nothing a user made is deleted.
        """
        self._require_writable()
        cols = self._source_columns(parsed, source)
        return self._resplit(issue_id, parsed, cols, pages, source.has_text)

    def _source_columns(self, parsed: ParsedIssue, source: IssueSource) -> dict[str, Any]:
        """The columns of an issue that come from its file (its name and format stay on a
        corrected version: it replaces the issue it corrects)."""
        return {
            "sha256": source.sha256,
            "source_path": source.path,
            "stored_path": source.stored_path.relative_to(self.folder).as_posix(),
            "encoding": source.encoding,
            "content_sha": source.content_sha,
            **_issue_columns(parsed, source.size, list(source.warnings), source.page_count, source.has_text),
        }

    def resplit_issue(
        self,
        issue_id: int,
        parsed: ParsedIssue,
        *,
        warnings: list[str] | None = None,
        pages: list[tuple[int, int, list[list[int]]]] | None = None,
        page_info: tuple[int | None, bool] | None = None,
    ) -> dict[str, int]:
        """Apply a new split of an issue's own stored original (a newer parser), in one transaction.

        ``page_info`` (page count, has text) replaces the stored one when the re-split drew
        pages the first reading did not have (an OFD imported before its pages were drawn).

        The same in-place update as a corrected version: documents keep their ids where they
        match, highlights follow their text (to another document of the issue if the text now
        stands there), documents no longer found are kept as withdrawn. The original, its hash and
        when it was imported stay as they were.
        """
        self._require_writable()
        row = self._rows(
            "SELECT size, page_count, has_text, imported_at FROM issues WHERE id = ?", (issue_id,)
        )
        if not row:
            raise LibraryError(f"没有编号为 {issue_id} 的期刊")
        r = row[0]
        page_count, has_text = page_info if page_info is not None else (r["page_count"], bool(r["has_text"]))
        cols = _issue_columns(parsed, r["size"], warnings, page_count, has_text)
        cols["imported_at"] = r["imported_at"]
        return self._resplit(issue_id, parsed, cols, pages, has_text)

    def _resplit(
        self,
        issue_id: int,
        parsed: ParsedIssue,
        cols: dict[str, Any],
        pages: list[tuple[int, int, list[list[int]]]] | None,
        has_text: bool,
    ) -> dict[str, int]:
        """The in-place update of an issue from a parse of it: the parse is kept as the issue's
        base, the user's corrections are replayed over it, and documents are matched to the ones
        there (ids, highlights, tags, notes and reading places kept)."""
        base = (parsed, pages)
        parsed, pages, layer = self._corrected(issue_id, parsed, pages)
        if layer.unplaced and "warnings" in cols:
            notes = json.loads(cols["warnings"])
            notes += [f"更正未能应用（原文中已找不到）：{text}" for text in layer.unplaced_descriptions()]
            cols["warnings"] = json.dumps(notes, ensure_ascii=False)
        old = self._rows(
            "SELECT id, title, number_key FROM documents WHERE issue_id = ? ORDER BY seq", (issue_id,)
        )
        pairs = dict(_match_documents(old, [(d.title, d.number_key) for d in parsed.documents]))
        counts: dict[str, int] = {"updated": 0, "added": 0, "withdrawn": 0}
        annotations = self.annotations

        def tally(found: dict[str, int]) -> None:
            for method, n in found.items():
                counts[method] = counts.get(method, 0) + n

        in_order: list[int] = []
        with transaction(self.db) as conn:
            if layer.rules:  # replayed over this parse from now on
                self.edits.store_base(conn, issue_id, *base)
            else:  # nothing to replay: the documents are the parse (a first repair keeps them)
                conn.execute("DELETE FROM issue_base WHERE issue_id = ?", (issue_id,))
            if cols:
                assignments = ", ".join(f"{name} = ?" for name in cols)
                conn.execute(f"UPDATE issues SET {assignments} WHERE id = ?", [*cols.values(), issue_id])
            # make room for the new order: seq is unique within an issue
            conn.execute("UPDATE documents SET seq = -seq - 1000000 WHERE issue_id = ?", (issue_id,))
            kept: dict[int, str] = {}
            for seq, d in enumerate(parsed.documents, start=1):
                values = document_row(seq, d, pages[seq - 1] if pages else None, has_text)
                old_index = pairs.get(seq - 1)
                if old_index is not None:
                    doc_id = old[old_index]["id"]
                    conn.execute(UPDATE_DOCUMENT, (*values, doc_id))
                    conn.execute("DELETE FROM citations WHERE document_id = ?", (doc_id,))
                    tally(annotations.reanchor_document(conn, doc_id, d.text))
                    counts["updated"] += 1
                else:
                    doc_id = conn.execute(INSERT_DOCUMENT, (issue_id, *values)).lastrowid
                    counts["added"] += 1
                kept[doc_id] = d.text
                in_order.append(doc_id)
                conn.executemany(
                    "INSERT INTO citations (document_id, title, number, number_key) VALUES (?,?,?,?)",
                    [(doc_id, c.title, c.number, c.number_key) for c in d.citations],
                )
            tail = len(parsed.documents)
            for row in old:
                if row["id"] in kept:
                    continue
                tail += 1
                conn.execute("UPDATE documents SET withdrawn = 1, seq = ? WHERE id = ?", (tail, row["id"]))
                tally(annotations.reanchor_document(conn, row["id"], None))
                counts["withdrawn"] += 1
            # a highlight whose text is now in another document of the issue goes with its text
            moved = annotations.rehome_orphans(conn, [r["id"] for r in old], kept)
            if moved:
                counts["moved"] = moved
                counts["orphan"] = counts.get("orphan", 0) - moved
                if not counts["orphan"]:
                    del counts["orphan"]
            if layer.rules:
                self.edits.record_placement(conn, layer.ids, layer.rules, layer.placed, in_order)
                counts["corrections"] = len(layer.placed)
                if layer.unplaced:
                    counts["corrections_unplaced"] = len(layer.unplaced)
        return counts

    def _corrected(
        self, issue_id: int, parsed: ParsedIssue, pages: list | None
    ) -> tuple[ParsedIssue, list | None, _Layer]:
        """The parser's split with the user's corrections of this issue replayed over it."""
        ids, rules = self.edits.layer(issue_id)
        layer = _Layer(ids, rules)
        if not rules:
            return parsed, pages, layer
        parts = [Part(d, pages[i] if pages else None) for i, d in enumerate(parsed.documents)]
        applied = apply(parts, rules)
        layer.placed, layer.unplaced = applied.placed, applied.unplaced
        fixed = dataclasses.replace(parsed, documents=[p.doc for p in applied.parts])
        return fixed, ([p.pages for p in applied.parts] if pages else None), layer

    def reapply_corrections(self, issue_id: int) -> dict[str, int]:
        """Replay the issue's rules over its parser's split (rules just imported from a notes
        file): the same in-place update as a re-parse, in one transaction."""
        self._require_writable()
        parts = self.edits.base(issue_id)
        issue = self.issue(issue_id)
        parsed = ParsedIssue(
            issue=Issue(
                issue.city, issue.publisher, issue.year, issue.number, issue.total_number, issue.date
            ),
            documents=[p.doc for p in parts],
        )
        pdf = any(p.pages is not None for p in parts)
        pages = [p.pages or (None, None, []) for p in parts] if pdf else None
        return self._resplit(issue_id, parsed, {}, pages, issue.has_text)

    def set_parser_version(self, issue_id: int, version: int) -> None:
        """Record that ``issue_id`` is split as parser ``version`` splits it."""
        self._require_writable()
        with transaction(self.db) as conn:
            conn.execute("UPDATE issues SET parser_version = ? WHERE id = ?", (version, issue_id))

    def same_split(self, issue_id: int, parsed: ParsedIssue) -> bool:
        """Would ``parsed`` (with the user's corrections replayed) leave the issue's documents
        exactly as they are?"""
        parsed, _, _ = self._corrected(issue_id, parsed, None)
        cols = "title, number, issuer, recipients, date, kind, text, section, decisions"
        rows = self.db.conn.execute(
            f"SELECT {cols} FROM documents WHERE issue_id = ? AND withdrawn = 0 ORDER BY seq", (issue_id,)
        ).fetchall()
        new = [
            (
                d.title,
                d.number,
                d.issuer,
                d.recipients,
                d.date,
                d.kind,
                d.text,
                d.section,
                json.dumps(d.decisions, ensure_ascii=False),
            )
            for d in parsed.documents
        ]
        return [tuple(r) for r in rows] == new

    def read_original(self, issue: IssueRecord) -> bytes:
        """The bytes of an issue's stored original (what a re-split reads)."""
        path = self.folder / issue.stored_path
        try:
            return path.read_bytes()
        except FileNotFoundError as exc:
            raise LibraryError(f"原文件已不在资料库中：{issue.stored_path}（无法重新拆分）") from exc

    # -- reads --------------------------------------------------------------------------------
    def _rows(self, sql: str, params: tuple | list = ()) -> list[dict[str, Any]]:
        try:
            return list(self.db.query(sql, params))
        except sqlite3.DatabaseError as exc:
            raise translate(exc, self.db_path) from exc

    def issues(self, *, include_removed: bool = False) -> list[IssueRecord]:
        """Issues, newest first; those in the 回收站 only when asked for."""
        rows = self._rows(
            f"""SELECT i.*, {_DOCUMENT_COUNT} AS document_count FROM issues i
               {"" if include_removed else "WHERE i.removed_in IS NULL"}
               ORDER BY i.year DESC, i.number DESC, i.id DESC"""
        )
        return [IssueRecord.from_row(r) for r in rows]

    def issue(self, issue_id: int) -> IssueRecord:
        rows = self._rows(
            f"""SELECT i.*, {_DOCUMENT_COUNT} AS document_count FROM issues i WHERE i.id = ?""",
            (issue_id,),
        )
        if not rows:
            raise DocumentNotFound(f"没有编号为 {issue_id} 的期刊")
        return IssueRecord.from_row(rows[0])

    def documents(
        self,
        *,
        city: str | None = None,
        year: int | None = None,
        kind: str | None = None,
        issuer: str | None = None,
        issue_id: int | None = None,
        ids: list[int] | None = None,
        tag: str | None = None,
        include_withdrawn: bool = False,
        include_removed: bool = False,
        sort: str = "issue",
        valid: bool = False,
    ) -> list[DocumentSummary]:
        """Document summaries, filtered; ``sort`` is ``issue`` (issue, then order) or ``date``.

        Documents in the 回收站 are left out unless ``include_removed``; withdrawn ones (no longer
        in their issue's split) unless ``include_withdrawn`` or asked for by id. ``valid``: only
        those in force today (现行有效 or 已被修改, from what the texts say)."""
        where, params = [], []
        for col, val in (("i.city", city), ("i.year", year), ("d.kind", kind), ("d.issue_id", issue_id)):
            if val is not None:
                where.append(f"{col} = ?")
                params.append(val)
        if issuer:
            where.append("d.issuer LIKE ?")
            params.append(f"%{issuer}%")
        if ids is not None:
            where.append(f"d.id IN ({','.join('?' * len(ids))})")
            params.extend(ids)
        if tag:
            # tagged directly, or holding a live highlight with the tag
            where.append(
                """(d.id IN (SELECT dt.document_id FROM document_tags dt JOIN tags t ON t.id = dt.tag_id
                              WHERE t.name = ?)
                    OR d.id IN (SELECT h.document_id FROM highlights h
                                JOIN highlight_tags ht ON ht.highlight_id = h.id JOIN tags t ON t.id = ht.tag_id
                                WHERE t.name = ? AND h.deleted_at IS NULL))"""
            )
            params.extend([tag, tag])
        if not include_withdrawn and ids is None:
            where.append("d.withdrawn = 0")
        if not include_removed:
            where.append("d.removed_in IS NULL")
        order = {
            "issue": "i.year DESC, i.number DESC, i.id DESC, d.seq",
            "date": "d.date IS NULL, d.date DESC, d.id",
            "date_asc": "d.date IS NULL, d.date ASC, d.id",
        }.get(sort, "i.id, d.seq")
        sql = f"""SELECT d.id, d.issue_id, d.seq, d.title, d.number, d.issuer, d.date, d.kind,
                         i.city, i.year, i.publisher, i.number AS issue_number,
                         i.total_number, i.is_gazette, i.source_name
                  FROM documents d JOIN issues i ON i.id = d.issue_id
                  {"WHERE " + " AND ".join(where) if where else ""}
                  ORDER BY {order}"""
        out = []
        in_force = self.relations.in_force() if valid else None
        for r in self._rows(sql, params):
            if in_force is not None and r["id"] not in in_force:
                continue
            label = _issue_label(r)
            out.append(
                DocumentSummary(
                    id=r["id"],
                    issue_id=r["issue_id"],
                    seq=r["seq"],
                    title=r["title"],
                    number=r["number"],
                    issuer=r["issuer"],
                    date=r["date"],
                    kind=r["kind"],
                    issue=label,
                    city=r["city"],
                    year=r["year"],
                )
            )
        return out

    def document(self, doc_id: int) -> DocumentRecord:
        rows = self._rows("SELECT * FROM documents WHERE id = ?", (doc_id,))
        if not rows:
            raise DocumentNotFound(f"没有编号为 {doc_id} 的文档")
        r = rows[0]
        cites = self._rows(
            "SELECT title, number, number_key FROM citations WHERE document_id = ? ORDER BY id", (doc_id,)
        )
        return DocumentRecord(
            id=r["id"],
            issue_id=r["issue_id"],
            seq=r["seq"],
            title=r["title"],
            number=r["number"],
            number_key=r["number_key"],
            issuer=r["issuer"],
            recipients=r["recipients"],
            date=r["date"],
            kind=r["kind"],
            attachments=json.loads(r["attachments"] or "[]"),
            citations=cites,
            text=r["text"],
            start_line=r["start_line"],
            end_line=r["end_line"],
            in_toc=None if r["in_toc"] is None else bool(r["in_toc"]),
            issue=self.issue(r["issue_id"]),
            page_start=r["page_start"],
            page_end=r["page_end"],
            page_map=json.loads(r["page_map"]) if r["page_map"] else [],
            searchable=bool(r["searchable"]),
            section=r.get("section"),
            decisions=json.loads(r.get("decisions") or "[]"),
            removed=r.get("removed_in") is not None,
            withdrawn=bool(r.get("withdrawn")),
        )

    # -- reading state ------------------------------------------------------------------------
    def reading_state(self, doc_id: int) -> ReadingState | None:
        rows = self._rows("SELECT * FROM reading_state WHERE document_id = ?", (doc_id,))
        if not rows:
            return None
        r = rows[0]
        return ReadingState(
            document_id=r["document_id"],
            view=View.of(r["view"]),
            text_offset=r["text_offset"],
            page_position=r["page_position"],
            zoom=r["zoom"],
            updated_at=r["updated_at"],
        )

    def save_reading_state(self, state: ReadingState) -> None:
        """Remember where the reader is; a read-only library silently keeps nothing."""
        if self.readonly:
            return
        with transaction(self.db) as conn:
            conn.execute(
                """INSERT INTO reading_state (document_id, view, text_offset, page_position, zoom, updated_at)
                   VALUES (?,?,?,?,?,?)
                   ON CONFLICT(document_id) DO UPDATE SET view=excluded.view,
                       text_offset=excluded.text_offset, page_position=excluded.page_position,
                       zoom=excluded.zoom, updated_at=excluded.updated_at""",
                (
                    state.document_id,
                    state.view,
                    state.text_offset,
                    state.page_position,
                    state.zoom,
                    _now_precise(),
                ),
            )

    def recent_documents(self, limit: int = 10) -> list[DocumentSummary]:
        """Documents most recently read, newest first."""
        ids = [
            r["document_id"]
            for r in self._rows(
                "SELECT document_id FROM reading_state ORDER BY updated_at DESC LIMIT ?", (limit,)
            )
        ]
        by_id = {d.id: d for d in self.documents(ids=ids)} if ids else {}
        return [by_id[i] for i in ids if i in by_id]

    def find_by_number(self, number_key: str) -> list[int]:
        rows = self._rows(
            "SELECT id FROM documents WHERE number_key = ? AND removed_in IS NULL ORDER BY id", (number_key,)
        )
        return [r["id"] for r in rows]

    def counts(self) -> dict[str, int]:
        row = self._rows(
            "SELECT (SELECT COUNT(*) FROM issues WHERE removed_in IS NULL) AS issues, "
            "(SELECT COUNT(*) FROM documents WHERE removed_in IS NULL) AS documents"
        )[0]
        return {"issues": row["issues"], "documents": row["documents"]}

    def _distinct(self, column: str, descending: bool = False) -> list:
        order = "DESC" if descending else "ASC"
        sql = f"""SELECT DISTINCT {column} AS v FROM documents d JOIN issues i ON i.id = d.issue_id
                  WHERE v IS NOT NULL AND {VISIBLE} ORDER BY v {order}"""
        return [r["v"] for r in self._rows(sql)]

    def facets(self) -> dict[str, list]:
        """Distinct values for the library filters (cities, years, kinds, issuers) among the
        documents shown: a value only a removed or withdrawn document has is no filter."""
        return {
            "city": self._distinct("i.city"),
            "year": self._distinct("i.year", descending=True),
            "kind": self._distinct("d.kind"),
            "issuer": self._distinct("d.issuer"),
            "tag": [r["name"] for r in self._rows("SELECT name FROM tags ORDER BY name")],
        }


@dataclasses.dataclass(slots=True)
class _Layer:
    """An issue's rules as replayed over one parse: which placed (uuid → index), which did not."""

    ids: list[int]
    rules: list
    placed: dict[str, int] = dataclasses.field(default_factory=dict)
    unplaced: list[str] = dataclasses.field(default_factory=list)

    def unplaced_descriptions(self) -> list[str]:
        lost = set(self.unplaced)
        return [describe(r.kind, r.field, r.value, r.anchor.quote) for r in self.rules if r.uuid in lost]


def _issue_label(r: dict[str, Any]) -> str:
    return issue_label(
        city=r["city"],
        publisher=r["publisher"],
        year=r["year"],
        number=r["issue_number"],
        total_number=r["total_number"],
        is_gazette=bool(r["is_gazette"]),
        source_name=r["source_name"],
    )


def _match_documents(old: list[dict[str, Any]], new: list[tuple[str, str | None]]) -> list[tuple[int, int]]:
    """Pairs (new index, old index) of the same document: by 发文字号, else title, else a near title."""
    import difflib

    pairs: list[tuple[int, int]] = []
    used: set[int] = set()
    by_key = {r["number_key"]: i for i, r in enumerate(old) if r["number_key"]}
    by_title = {r["title"]: i for i, r in enumerate(old)}
    pending = []
    for n, (title, key) in enumerate(new):
        i = by_key.get(key) if key else None
        if i is None:
            i = by_title.get(title)
        if i is not None and i not in used:
            pairs.append((n, i))
            used.add(i)
        else:
            pending.append((n, title))
    for n, title in pending:  # a typo fixed in a title
        best = max(
            (
                (difflib.SequenceMatcher(None, title, r["title"]).ratio(), i)
                for i, r in enumerate(old)
                if i not in used
            ),
            default=(0.0, -1),
        )
        if best[0] >= 0.9:
            pairs.append((n, best[1]))
            used.add(best[1])
    return pairs


_DOCUMENT_COUNT = "(SELECT COUNT(*) FROM documents d WHERE d.issue_id = i.id AND d.removed_in IS NULL)"


def _issue_columns(
    parsed: ParsedIssue, size: int, warnings: list[str] | None, page_count: int | None, has_text: bool
) -> dict[str, Any]:
    """An issue's metadata columns, the same for a new issue and a corrected version of one."""
    iss = parsed.issue
    return {
        "city": iss.city,
        "publisher": iss.publisher,
        "year": iss.year,
        "number": iss.number,
        "total_number": iss.total_number,
        "date": iss.date,
        "is_gazette": int(parsed.is_gazette),
        "size": size,
        "imported_at": _now(),
        "toc": json.dumps(iss.toc, ensure_ascii=False),
        "warnings": json.dumps((warnings or []) + parsed.warnings, ensure_ascii=False),
        "page_count": page_count,
        "has_text": int(has_text),
        "parser_version": parsed.parser_version or 1,
    }
