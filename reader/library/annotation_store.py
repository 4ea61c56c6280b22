"""Highlights, notes and tags in the library. Every call that writes is one transaction.

Deleting a highlight sets a tombstone (``deleted_at``) so that undo can bring it back with the
same uuid; tombstones are purged once no undo history can refer to them (on quit, and at start
for whatever a crash left behind). Tags live in one table shared by documents and highlights.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
import uuid as uuidlib
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any

from reader.anchoring import Anchor, make_anchor, reanchor
from reader.errors import DocumentNotFound, ReaderError
from reader.library.db import Store
from reader.library.visible import VISIBLE
from reader.textnorm import find_all

if TYPE_CHECKING:
    import sqlite_utils


class AnnotationError(ReaderError):
    """A highlight or tag edit that cannot be done (bad range, unknown highlight, empty tag)."""


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="microseconds")


def clean_tag(name: str) -> str:
    """Tags are trimmed, inner whitespace collapsed, ``#`` dropped; empty is an error."""
    cleaned = " ".join(name.replace("#", " ").split())
    if not cleaned:
        raise AnnotationError("标签不能为空")
    if len(cleaned) > 40:
        raise AnnotationError("标签太长（最多 40 个字）")
    return cleaned


@dataclass(slots=True)
class Highlight:
    id: int
    uuid: str
    document_id: int
    color: str
    start: int
    end: int
    quote: str
    prefix: str
    suffix: str
    note: str
    orphan: bool
    created_at: str
    modified_at: str
    tags: list[str] = field(default_factory=list)
    deleted: bool = False
    document_title: str | None = None

    @property
    def anchor(self) -> Anchor:
        return Anchor(self.start, self.end, self.quote, self.prefix, self.suffix)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class TagCount:
    name: str
    documents: int
    highlights: int


@dataclass(slots=True)
class TagLinks:
    """Everything a tag was attached to: what undoing a delete or a merge puts back."""

    name: str
    document_ids: list[int]
    highlight_ids: list[int]


class AnnotationStore(Store):
    """Repository of annotations for one open :class:`Library`."""

    def __init__(
        self, db: sqlite_utils.Database, check_writable: Callable[[], None], readonly: bool = False
    ) -> None:
        """``check_writable`` raises before a write that cannot land (the library's own check)."""
        super().__init__(db, check_writable)
        self.readonly = readonly

    # -- highlights ---------------------------------------------------------------------------
    def add_highlight(
        self,
        document_id: int,
        start: int,
        end: int,
        color: str,
        note: str = "",
        tags: Iterable[str] = (),
        uuid: str | None = None,
        created_at: str | None = None,
    ) -> Highlight:
        """Highlight ``text[start:end]`` of a document; returns the stored highlight.

        ``uuid`` and ``created_at`` are given when a highlight is restored from an export."""
        rows = self._rows("SELECT text FROM documents WHERE id = ?", (document_id,))
        if not rows:
            raise DocumentNotFound(f"没有编号为 {document_id} 的文档")
        text = rows[0]["text"]
        if not (0 <= start < end <= len(text)) or not text[start:end].strip():
            raise AnnotationError("请选择文档中的一段文字再高亮")
        anchor = make_anchor(text, start, end)
        return self._insert(document_id, color, anchor, note, tags, uuid, created_at, orphan=False)

    def add_orphan(self, document_id: int, exported: dict[str, Any], uid: str) -> Highlight:
        """A highlight whose passage is not in the document (imported from an older version):
        kept with its quote, note and tags, marked 无法定位, so nothing the user wrote is lost."""
        anchor = Anchor(
            int(exported.get("start") or 0),
            int(exported.get("end") or 0),
            exported.get("quote") or "",
            exported.get("prefix") or "",
            exported.get("suffix") or "",
        )
        return self._insert(
            document_id,
            exported.get("color") or "yellow",
            anchor,
            exported.get("note") or "",
            exported.get("tags") or [],
            uid,
            exported.get("created_at"),
            orphan=True,
        )

    def _insert(
        self,
        document_id: int,
        color: str,
        anchor: Anchor,
        note: str,
        tags: Iterable[str],
        uuid: str | None,
        created_at: str | None,
        orphan: bool,
    ) -> Highlight:
        """The one INSERT of a highlight (placed or orphaned) and its tags, in one transaction."""
        uid = uuid or str(uuidlib.uuid4())
        now = _now()
        names = [clean_tag(t) for t in tags]
        with self._write() as conn:
            cur = conn.execute(
                """INSERT INTO highlights (uuid, document_id, color, start, end, quote, prefix, suffix,
                       note, orphan, created_at, modified_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)""",
                (
                    uid,
                    document_id,
                    color,
                    anchor.start,
                    anchor.end,
                    anchor.quote,
                    anchor.prefix,
                    anchor.suffix,
                    note,
                    int(orphan),
                    created_at or now,
                    now,
                ),
            )
            for name in names:
                conn.execute(
                    "INSERT OR IGNORE INTO highlight_tags (highlight_id, tag_id) VALUES (?, ?)",
                    (cur.lastrowid, self._tag_id(conn, name)),
                )
        return self.highlight(uid)

    def highlight(self, uid: str, include_deleted: bool = True) -> Highlight:
        found = self._select("h.uuid = ?" + ("" if include_deleted else " AND h.deleted_at IS NULL"), [uid])
        if not found:
            raise AnnotationError(f"没有这条高亮：{uid}")
        return found[0]

    def highlights(
        self,
        document_id: int | None = None,
        *,
        color: str | None = None,
        tag: str | None = None,
        query: str | None = None,
        issue_id: int | None = None,
        date_from: str | None = None,
        date_to: str | None = None,
        orphans: bool | None = None,
    ) -> list[Highlight]:
        """Live highlights, in document order; filters combine with AND.

        ``query`` matches quotes and notes ignoring width and spacing; dates filter on when the
        highlight was made (``YYYY-MM-DD``, inclusive).
        """
        where, params = self._where(document_id, color, tag, issue_id, date_from, date_to, orphans)
        found = self._select(where, params)
        if query:
            found = [h for h in found if find_all(h.quote + "\n" + h.note, query)]
        return found

    def count(
        self,
        *,
        color: str | None = None,
        tag: str | None = None,
        date_from: str | None = None,
        date_to: str | None = None,
    ) -> int:
        """How many live highlights across the library pass the filters (without loading them)."""
        where, params = self._where(None, color, tag, None, date_from, date_to, None)
        sql = f"SELECT COUNT(*) FROM highlights h JOIN documents d ON d.id = h.document_id WHERE {where}"
        return self.db.conn.execute(sql, params).fetchone()[0]

    @staticmethod
    def _where(
        document_id: int | None,
        color: str | None,
        tag: str | None,
        issue_id: int | None,
        date_from: str | None,
        date_to: str | None,
        orphans: bool | None,
    ) -> tuple[str, list[Any]]:
        """The WHERE of a highlight listing (filters combine with AND)."""
        where, params = ["h.deleted_at IS NULL"], []
        if document_id is not None:
            where.append("h.document_id = ?")
            params.append(document_id)
        else:  # across the library: not those of documents in the 回收站
            where.append("d.removed_in IS NULL")
        if color:
            where.append("h.color = ?")
            params.append(color)
        if issue_id is not None:
            where.append("d.issue_id = ?")
            params.append(issue_id)
        if date_from:
            where.append("substr(h.created_at, 1, 10) >= ?")
            params.append(date_from)
        if date_to:
            where.append("substr(h.created_at, 1, 10) <= ?")
            params.append(date_to)
        if orphans is not None:
            where.append("h.orphan = ?")
            params.append(int(orphans))
        if tag:
            where.append(
                "h.id IN (SELECT ht.highlight_id FROM highlight_tags ht JOIN tags t ON t.id = ht.tag_id "
                "WHERE t.name = ?)"
            )
            params.append(tag)
        return " AND ".join(where), params

    def _select(self, where: str, params: list[Any]) -> list[Highlight]:
        rows = self._rows(
            f"""SELECT h.*, d.title AS document_title,
                   (SELECT group_concat(t.name, char(31)) FROM highlight_tags ht JOIN tags t ON t.id = ht.tag_id
                    WHERE ht.highlight_id = h.id) AS tag_names
                FROM highlights h JOIN documents d ON d.id = h.document_id
                WHERE {where} ORDER BY h.document_id, h.start, h.id""",
            params,
        )
        return [
            Highlight(
                id=r["id"],
                uuid=r["uuid"],
                document_id=r["document_id"],
                color=r["color"],
                start=r["start"],
                end=r["end"],
                quote=r["quote"],
                prefix=r["prefix"],
                suffix=r["suffix"],
                note=r["note"],
                orphan=bool(r["orphan"]),
                created_at=r["created_at"],
                modified_at=r["modified_at"],
                tags=sorted(r["tag_names"].split("\x1f")) if r["tag_names"] else [],
                deleted=r["deleted_at"] is not None,
                document_title=r["document_title"],
            )
            for r in rows
        ]

    def _update(self, uid: str, sql: str, params: tuple) -> Highlight:
        with self._write() as conn:
            cur = conn.execute(
                f"UPDATE highlights SET {sql}, modified_at = ? WHERE uuid = ?", (*params, _now(), uid)
            )
            if cur.rowcount == 0:
                raise AnnotationError(f"没有这条高亮：{uid}")
        return self.highlight(uid)

    def set_note(self, uid: str, note: str) -> Highlight:
        return self._update(uid, "note = ?", (note,))

    def set_color(self, uid: str, color: str) -> Highlight:
        return self._update(uid, "color = ?", (color,))

    def delete(self, uid: str) -> Highlight:
        """Tombstone: the highlight disappears but can be restored with its uuid (undo)."""
        return self._update(uid, "deleted_at = ?", (_now(),))

    def restore(self, uid: str) -> Highlight:
        return self._update(uid, "deleted_at = NULL", ())

    def purge_deleted(self) -> int:
        """Drop tombstones for good (no undo history refers to them any more)."""
        if self.readonly:
            return 0
        with self._write() as conn:
            return conn.execute("DELETE FROM highlights WHERE deleted_at IS NOT NULL").rowcount

    # -- document notes -----------------------------------------------------------------------
    def document_note(self, document_id: int) -> str:
        rows = self._rows("SELECT note FROM document_notes WHERE document_id = ?", (document_id,))
        return rows[0]["note"] if rows else ""

    def set_document_note(self, document_id: int, note: str) -> None:
        with self._write() as conn:
            if note:
                conn.execute(
                    """INSERT INTO document_notes (document_id, note, modified_at) VALUES (?,?,?)
                       ON CONFLICT(document_id) DO UPDATE SET note = excluded.note,
                       modified_at = excluded.modified_at""",
                    (document_id, note, _now()),
                )
            else:
                conn.execute("DELETE FROM document_notes WHERE document_id = ?", (document_id,))

    # -- tags ---------------------------------------------------------------------------------
    @staticmethod
    def _tag_id(conn: sqlite3.Connection, name: str) -> int:
        conn.execute("INSERT OR IGNORE INTO tags (name) VALUES (?)", (name,))
        return conn.execute("SELECT id FROM tags WHERE name = ?", (name,)).fetchone()[0]

    def document_tags(self, document_id: int) -> list[str]:
        return [
            r["name"]
            for r in self._rows(
                "SELECT t.name FROM document_tags dt JOIN tags t ON t.id = dt.tag_id WHERE dt.document_id = ? "
                "ORDER BY t.name",
                (document_id,),
            )
        ]

    def tag_document(self, document_id: int, names: Iterable[str]) -> list[str]:
        """Add tags to a document; returns the tags that were not there before."""
        cleaned = [clean_tag(n) for n in names]
        added = []
        with self._write() as conn:
            for name in cleaned:
                cur = conn.execute(
                    "INSERT OR IGNORE INTO document_tags (document_id, tag_id) VALUES (?, ?)",
                    (document_id, self._tag_id(conn, name)),
                )
                if cur.rowcount:
                    added.append(name)
        return added

    def untag_document(self, document_id: int, names: Iterable[str]) -> None:
        with self._write() as conn:
            for name in names:
                conn.execute(
                    "DELETE FROM document_tags WHERE document_id = ? AND tag_id = (SELECT id FROM tags WHERE name = ?)",
                    (document_id, name),
                )

    def tag_highlight(self, uid: str, names: Iterable[str]) -> list[str]:
        cleaned = [clean_tag(n) for n in names]
        h = self.highlight(uid)
        added = []
        with self._write() as conn:
            for name in cleaned:
                cur = conn.execute(
                    "INSERT OR IGNORE INTO highlight_tags (highlight_id, tag_id) VALUES (?, ?)",
                    (h.id, self._tag_id(conn, name)),
                )
                if cur.rowcount:
                    added.append(name)
        return added

    def untag_highlight(self, uid: str, names: Iterable[str]) -> None:
        h = self.highlight(uid)
        with self._write() as conn:
            for name in names:
                conn.execute(
                    "DELETE FROM highlight_tags WHERE highlight_id = ? AND tag_id = (SELECT id FROM tags WHERE name = ?)",
                    (h.id, name),
                )

    def tag_counts(self) -> list[TagCount]:
        rows = self._rows(
            # what the library shows: documents in the 回收站 (and their highlights) are not counted
            f"""SELECT t.name,
                   (SELECT COUNT(*) FROM document_tags dt JOIN documents d ON d.id = dt.document_id
                    WHERE dt.tag_id = t.id AND {VISIBLE}) AS documents,
                   (SELECT COUNT(*) FROM highlight_tags ht JOIN highlights h ON h.id = ht.highlight_id
                    JOIN documents d ON d.id = h.document_id
                    WHERE ht.tag_id = t.id AND h.deleted_at IS NULL AND {VISIBLE}) AS highlights
               FROM tags t ORDER BY t.name"""
        )
        return [TagCount(r["name"], r["documents"], r["highlights"]) for r in rows]

    def tag_links(self, name: str) -> TagLinks:
        docs = self._rows(
            "SELECT dt.document_id FROM document_tags dt JOIN tags t ON t.id = dt.tag_id WHERE t.name = ?",
            (name,),
        )
        hls = self._rows(
            "SELECT ht.highlight_id FROM highlight_tags ht JOIN tags t ON t.id = ht.tag_id WHERE t.name = ?",
            (name,),
        )
        return TagLinks(name, [r["document_id"] for r in docs], [r["highlight_id"] for r in hls])

    def delete_tag(self, name: str) -> TagLinks:
        """Remove a tag everywhere; returns what it was attached to (for undo)."""
        links = self.tag_links(name)
        with self._write() as conn:
            conn.execute("DELETE FROM tags WHERE name = ?", (name,))
        return links

    def restore_tag(self, links: TagLinks) -> None:
        """Put a deleted tag back on everything it was on."""
        with self._write() as conn:
            tag_id = self._tag_id(conn, links.name)
            conn.executemany(
                "INSERT OR IGNORE INTO document_tags (document_id, tag_id) VALUES (?, ?)",
                [(d, tag_id) for d in links.document_ids],
            )
            conn.executemany(
                "INSERT OR IGNORE INTO highlight_tags (highlight_id, tag_id) VALUES (?, ?)",
                [(h, tag_id) for h in links.highlight_ids],
            )

    def rename_tag(self, old: str, new: str) -> TagLinks:
        """Rename ``old`` to ``new``; if ``new`` exists the two are merged. Returns old's links."""
        new = clean_tag(new)
        links = self.tag_links(old)
        if old == new:
            return links
        with self._write() as conn:
            exists = conn.execute("SELECT id FROM tags WHERE name = ?", (new,)).fetchone()
            if exists is None:
                conn.execute("UPDATE tags SET name = ? WHERE name = ?", (new, old))
            else:
                target = exists[0]
                conn.executemany(
                    "INSERT OR IGNORE INTO document_tags (document_id, tag_id) VALUES (?, ?)",
                    [(d, target) for d in links.document_ids],
                )
                conn.executemany(
                    "INSERT OR IGNORE INTO highlight_tags (highlight_id, tag_id) VALUES (?, ?)",
                    [(h, target) for h in links.highlight_ids],
                )
                conn.execute("DELETE FROM tags WHERE name = ?", (old,))
        return links

    # -- re-anchoring -------------------------------------------------------------------------
    def reanchor_document(
        self, conn: sqlite3.Connection, document_id: int, new_text: str | None
    ) -> dict[str, int]:
        """Re-attach a document's highlights to its new text (inside the caller's transaction).

        ``new_text`` None means the document is gone: its highlights become orphans. Returns how
        many were placed by each method and how many are orphans.
        """
        counts: dict[str, int] = {}
        rows = conn.execute(
            "SELECT uuid, start, end, quote, prefix, suffix FROM highlights WHERE document_id = ?",
            (document_id,),
        ).fetchall()
        now = _now()
        for uid, start, end, quote, prefix, suffix in rows:
            placed = (
                reanchor(Anchor(start, end, quote, prefix, suffix), new_text)
                if new_text is not None
                else None
            )
            if placed is None:
                conn.execute("UPDATE highlights SET orphan = 1, modified_at = ? WHERE uuid = ?", (now, uid))
                counts["orphan"] = counts.get("orphan", 0) + 1
                continue
            fresh = make_anchor(new_text or "", placed.start, placed.end)
            conn.execute(
                """UPDATE highlights SET start = ?, end = ?, quote = ?, prefix = ?, suffix = ?, orphan = 0,
                       modified_at = ? WHERE uuid = ?""",
                (fresh.start, fresh.end, fresh.quote, fresh.prefix, fresh.suffix, now, uid),
            )
            counts[placed.method] = counts.get(placed.method, 0) + 1
        return counts

    def rehome_orphans(self, conn: sqlite3.Connection, document_ids: list[int], texts: dict[int, str]) -> int:
        """Move orphaned highlights of ``document_ids`` to whichever of ``texts`` now holds their
        passage (inside the caller's transaction); return how many found a home.

        A re-split can give a passage to another document (the parser now sees two documents
        where it saw one): the highlight follows its text, keeping its uuid, note and tags.
        Deleted highlights stay where they are: undo restores them to their document.
        """
        if not document_ids or not texts:
            return 0
        marks = ",".join("?" * len(document_ids))
        rows = conn.execute(
            f"""SELECT uuid, start, end, quote, prefix, suffix FROM highlights
                WHERE orphan = 1 AND deleted_at IS NULL AND document_id IN ({marks})""",
            document_ids,
        ).fetchall()
        moved = 0
        now = _now()
        for uid, start, end, quote, prefix, suffix in rows:
            anchor = Anchor(start, end, quote, prefix, suffix)
            best = None
            for doc_id, text in texts.items():
                placed = reanchor(anchor, text)
                if placed is None:
                    continue
                rank = (_METHOD_RANK.get(placed.method, 0), placed.end - placed.start == len(quote))
                if best is None or rank > best[0]:
                    best = (rank, doc_id, text, placed)
            if best is None:
                continue
            _, doc_id, text, placed = best
            fresh = make_anchor(text, placed.start, placed.end)
            conn.execute(
                """UPDATE highlights SET document_id = ?, start = ?, end = ?, quote = ?, prefix = ?,
                       suffix = ?, orphan = 0, modified_at = ? WHERE uuid = ?""",
                (doc_id, fresh.start, fresh.end, fresh.quote, fresh.prefix, fresh.suffix, now, uid),
            )
            moved += 1
        return moved


# an exact placement beats a normalised one beats a fuzzy one
_METHOD_RANK = {"offset": 3, "quote": 3, "normalized": 2, "fuzzy": 1}
