"""The 回收站: issues and documents removed from the library, hidden until restored or emptied.

Removing marks rows (``removed_in`` names the 回收站 entry); nothing is deleted, so a restore
brings back every highlight, note, tag, correction and reading place exactly. Emptying an
entry deletes its rows for good, and an issue's original under ``files/`` goes with it only when
no other issue still refers to that file. Entries older than :data:`KEEP_DAYS` are emptied at
start (the window says so).
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reader.errors import DocumentNotFound, ReaderError
from reader.library.db import Store
from reader.library.records import IssueRecord
from reader.library.visible import VISIBLE

if TYPE_CHECKING:
    import sqlite_utils

KEEP_DAYS = 30

__all__ = ["KEEP_DAYS", "VISIBLE", "Trash", "TrashError"]


class TrashError(ReaderError):
    """A removal or restore that cannot be done (nothing to remove, no such entry)."""


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


@dataclass(slots=True)
class TrashEntry:
    id: int
    issue_id: int
    whole_issue: bool
    label: str
    documents: int
    highlights: int
    removed_at: str
    titles: list[str]

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class Emptied:
    entries: int = 0
    issues: int = 0
    documents: int = 0
    highlights: int = 0
    files: int = 0

    def to_dict(self) -> dict[str, int]:
        return asdict(self)


class Trash(Store):
    """The 回收站 of one open library (``library.trash``)."""

    def __init__(self, db: sqlite_utils.Database, folder: Path, check_writable: Callable[[], None]) -> None:
        super().__init__(db, check_writable)
        self.folder = folder

    # -- what a removal would take ------------------------------------------------------------
    def highlights_on(self, *, issue_id: int | None = None, document_ids: list[int] | None = None) -> int:
        """Live highlights a removal would hide (what the confirmation says)."""
        if issue_id is not None:
            sql = """SELECT COUNT(*) FROM highlights h JOIN documents d ON d.id = h.document_id
                     WHERE d.issue_id = ? AND h.deleted_at IS NULL AND d.removed_in IS NULL"""
            return self.db.conn.execute(sql, (issue_id,)).fetchone()[0]
        ids = document_ids or []
        marks = ",".join("?" * len(ids)) or "NULL"
        sql = f"SELECT COUNT(*) FROM highlights WHERE deleted_at IS NULL AND document_id IN ({marks})"
        return self.db.conn.execute(sql, ids).fetchone()[0]

    def _label(self, issue_id: int) -> str:
        rows = self._rows("SELECT * FROM issues WHERE id = ?", (issue_id,))
        if not rows:
            raise DocumentNotFound(f"没有编号为 {issue_id} 的期刊")
        return IssueRecord.from_row(rows[0]).label

    # -- remove -------------------------------------------------------------------------------
    def remove_issue(self, issue_id: int) -> TrashEntry:
        """Move an issue (all its documents) to the 回收站."""
        label = self._label(issue_id)
        if self.db.conn.execute("SELECT removed_in FROM issues WHERE id = ?", (issue_id,)).fetchone()[0]:
            raise TrashError(f"期刊“{label}”已在回收站中")
        count = self.highlights_on(issue_id=issue_id)
        with self._write() as conn:
            docs = conn.execute(
                "SELECT COUNT(*) FROM documents WHERE issue_id = ? AND removed_in IS NULL", (issue_id,)
            ).fetchone()[0]
            entry = conn.execute(
                """INSERT INTO trash (issue_id, whole_issue, label, documents, highlights, removed_at)
                   VALUES (?, 1, ?, ?, ?, ?)""",
                (issue_id, label, docs, count, _now()),
            ).lastrowid
            conn.execute("UPDATE issues SET removed_in = ? WHERE id = ?", (entry, issue_id))
            conn.execute(
                "UPDATE documents SET removed_in = ? WHERE issue_id = ? AND removed_in IS NULL",
                (entry, issue_id),
            )
        assert entry is not None
        return self.entry(entry)

    def remove_documents(self, document_ids: list[int]) -> list[TrashEntry]:
        """Move documents to the 回收站: one entry per issue they belong to."""
        if not document_ids:
            raise TrashError("没有指定要移除的文档")
        marks = ",".join("?" * len(document_ids))
        rows = self._rows(
            f"SELECT id, issue_id, title, removed_in FROM documents WHERE id IN ({marks})", document_ids
        )
        found = {r["id"]: r for r in rows}
        missing = [i for i in document_ids if i not in found]
        if missing:
            raise DocumentNotFound(f"没有编号为 {missing[0]} 的文档")
        already = [r for r in rows if r["removed_in"] is not None]
        if already:
            raise TrashError(f"文档《{already[0]['title'][:30]}》已在回收站中")
        by_issue: dict[int, list[int]] = {}
        for doc_id in dict.fromkeys(document_ids):
            by_issue.setdefault(found[doc_id]["issue_id"], []).append(doc_id)
        labels = {issue_id: self._label(issue_id) for issue_id in by_issue}
        counts = {issue_id: self.highlights_on(document_ids=ids) for issue_id, ids in by_issue.items()}
        entries = []
        with self._write() as conn:
            for issue_id, ids in by_issue.items():
                entry = conn.execute(
                    """INSERT INTO trash (issue_id, whole_issue, label, documents, highlights, removed_at)
                       VALUES (?, 0, ?, ?, ?, ?)""",
                    (issue_id, labels[issue_id], len(ids), counts[issue_id], _now()),
                ).lastrowid
                conn.executemany(
                    "UPDATE documents SET removed_in = ? WHERE id = ?", [(entry, doc_id) for doc_id in ids]
                )
                entries.append(entry)
        return [self.entry(e) for e in entries]

    # -- list, restore, empty -----------------------------------------------------------------
    def entries(self) -> list[TrashEntry]:
        rows = self._rows("SELECT * FROM trash ORDER BY removed_at DESC, id DESC")
        return [self._entry(r) for r in rows]

    def entry(self, entry_id: int) -> TrashEntry:
        rows = self._rows("SELECT * FROM trash WHERE id = ?", (entry_id,))
        if not rows:
            raise TrashError(f"回收站中没有编号为 {entry_id} 的项目")
        return self._entry(rows[0])

    def _entry(self, r: dict[str, Any]) -> TrashEntry:
        titles = [
            t["title"]
            for t in self._rows(
                "SELECT title FROM documents WHERE removed_in = ? ORDER BY seq LIMIT 50", (r["id"],)
            )
        ]
        return TrashEntry(
            id=r["id"],
            issue_id=r["issue_id"],
            whole_issue=bool(r["whole_issue"]),
            label=r["label"],
            documents=r["documents"],
            highlights=r["highlights"],
            removed_at=r["removed_at"],
            titles=titles,
        )

    def entry_of_issue(self, issue_id: int) -> int | None:
        """The 回收站 entry holding a whole issue, if it is there (a re-import offers to restore)."""
        row = self.db.conn.execute("SELECT removed_in FROM issues WHERE id = ?", (issue_id,)).fetchone()
        return row[0] if row else None

    def restore(self, entry_ids: list[int]) -> list[TrashEntry]:
        """Bring entries back, all or none (an unknown id refuses the lot)."""
        entries = [self.entry(e) for e in dict.fromkeys(entry_ids)]
        with self._write() as conn:
            for e in entries:
                conn.execute("UPDATE documents SET removed_in = NULL WHERE removed_in = ?", (e.id,))
                conn.execute("UPDATE issues SET removed_in = NULL WHERE removed_in = ?", (e.id,))
                conn.execute("DELETE FROM trash WHERE id = ?", (e.id,))
        return entries

    def empty(self, entry_ids: list[int] | None = None) -> Emptied:
        """Delete entries for good (all of them by default), and originals nothing refers to."""
        entries = self.entries() if entry_ids is None else [self.entry(e) for e in dict.fromkeys(entry_ids)]
        return self._empty(entries)

    def purge_older(self, days: int = KEEP_DAYS, now: dt.datetime | None = None) -> Emptied:
        """Empty what has been in the 回收站 longer than ``days`` (run at start)."""
        cutoff = ((now or dt.datetime.now(dt.UTC)) - dt.timedelta(days=days)).isoformat(timespec="seconds")
        return self._empty([e for e in self.entries() if e.removed_at < cutoff])

    def _empty(self, entries: list[TrashEntry]) -> Emptied:
        out = Emptied()
        if not entries:
            return out
        stored: set[str] = set()
        with self._write() as conn:
            for e in entries:
                if e.whole_issue:
                    row = conn.execute(
                        "SELECT stored_path FROM issues WHERE id = ?", (e.issue_id,)
                    ).fetchone()
                    out.documents += conn.execute(
                        "SELECT COUNT(*) FROM documents WHERE issue_id = ?", (e.issue_id,)
                    ).fetchone()[0]
                    out.highlights += conn.execute(
                        """SELECT COUNT(*) FROM highlights h JOIN documents d ON d.id = h.document_id
                           WHERE d.issue_id = ?""",
                        (e.issue_id,),
                    ).fetchone()[0]
                    conn.execute("DELETE FROM issues WHERE id = ?", (e.issue_id,))
                    out.issues += 1
                    if row:
                        stored.add(row[0])
                else:
                    out.highlights += conn.execute(
                        """SELECT COUNT(*) FROM highlights h JOIN documents d ON d.id = h.document_id
                           WHERE d.removed_in = ?""",
                        (e.id,),
                    ).fetchone()[0]
                    out.documents += conn.execute(
                        "DELETE FROM documents WHERE removed_in = ?", (e.id,)
                    ).rowcount
                    conn.execute("DELETE FROM trash WHERE id = ?", (e.id,))
                out.entries += 1
            # entries left with nothing (their documents went with a whole issue emptied)
            conn.execute(
                "DELETE FROM trash WHERE whole_issue = 0 AND NOT EXISTS "
                "(SELECT 1 FROM documents d WHERE d.removed_in = trash.id)"
            )
            still = {r[0] for r in conn.execute("SELECT stored_path FROM issues")}
        files = (self.folder / "files").resolve()
        for rel in stored - still:
            path = (self.folder / rel).resolve()
            if not path.is_relative_to(files):  # a library file from elsewhere names any path
                continue
            with contextlib.suppress(OSError):
                path.unlink()
                out.files += 1
            for derived in (".pdf", ".ocr.pdf"):  # an OFD's pages drawn, a scan's recognised copy
                path.with_name(path.name + derived).unlink(missing_ok=True)
        return out
