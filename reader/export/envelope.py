"""JSON export in a versioned envelope, and importing it back (restore or merge, no duplicates).

A highlight keeps its uuid across export and import, so importing twice, or into the library
it came from, adds nothing. Each highlight is re-anchored by its quote and context in the
target document (the document may have been re-imported in a corrected version), and its
document is found by id, then 发文字号, then title.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from reader import __version__
from reader.anchoring import Anchor, reanchor
from reader.errors import ReaderError
from reader.export.collect import Bundle
from reader.export.validate import FORMAT, VERSION, EnvelopeError, check, load
from reader.library import Library
from reader.library.db import transaction

__all__ = ["EnvelopeError", "ImportReport", "envelope", "import_annotations", "read_envelope", "write_json"]


def envelope(bundle: Bundle) -> dict[str, Any]:
    documents = []
    for entry in bundle.entries():
        r = entry.record
        documents.append(
            {
                "doc_id": r.id,
                "title": r.title,
                "number": r.number,
                "number_key": r.number_key,
                "issuer": r.issuer,
                "date": r.date,
                "issue": {
                    "label": r.issue.label,
                    "sha256": r.issue.sha256,
                    "source_name": r.issue.source_name,
                },
                "note": entry.note,
                "tags": entry.tags,
                "highlights": [
                    {
                        "uuid": it.uuid,
                        "color": it.color,
                        "quote": it.quote,
                        "prefix": it.prefix,
                        "suffix": it.suffix,
                        "start": it.start,
                        "end": it.end,
                        "note": it.note,
                        "tags": it.tags,
                        "created_at": it.created_at,
                        "modified_at": it.modified_at,
                    }
                    for it in entry.items
                ],
            }
        )
    return {
        "format": FORMAT,
        "version": VERSION,
        "app": __version__,
        "exported_at": bundle.created,
        "scope": bundle.scope.describe(),
        "documents": documents,
        "corrections": list(bundle.corrections),
        "task_marks": list(bundle.task_marks),
    }


def write_json(bundle: Bundle, out: Path) -> Path:
    out = Path(out)
    out.write_text(json.dumps(envelope(bundle), ensure_ascii=False, indent=1), encoding="utf-8")
    return out


@dataclass(slots=True)
class ImportReport:
    added: int = 0
    restored: int = 0  # deleted here, brought back
    unchanged: int = 0  # already present
    updated: int = 0  # present, with an older note/colour/tags than the file's
    orphaned: int = 0  # the quote is no longer in the document: imported as an orphan
    missing_documents: int = 0  # no matching document in this library
    document_notes: int = 0
    corrections: int = 0  # repairs of a split, new here (replayed over their issue)
    corrections_unplaced: int = 0  # of those, how many found no place in this library's copy
    corrections_missing_issues: int = 0  # rules of an issue this library does not have
    task_marks: int = 0  # tasks marked done, new here (found by their key wherever they now are)

    def to_dict(self) -> dict[str, int]:
        return asdict(self)


def read_envelope(path: Path) -> dict[str, Any]:
    """The file's envelope, checked whole (types, ranges, lengths, ids) before any use."""
    return check(load(path), path)


def _target(library: Library, doc: dict[str, Any]) -> int | None:
    """The document in this library the exported one was: same id and title, else by number,
    else by title."""
    title = doc.get("title") or ""
    try:
        if doc.get("doc_id") is not None and library.document(int(doc["doc_id"])).title == title:
            return int(doc["doc_id"])
    except ReaderError:
        pass
    if doc.get("number_key"):
        found = library.find_by_number(doc["number_key"])
        if found:
            return found[0]
    rows = library.db.conn.execute(
        "SELECT id FROM documents WHERE title = ? AND withdrawn = 0 AND removed_in IS NULL ORDER BY id",
        (title,),
    ).fetchall()
    return rows[0][0] if rows else None


def import_annotations(library: Library, path: Path) -> ImportReport:
    """Restore or merge an exported file into ``library``: checked whole first, then imported
    in one transaction — all of it, or (a full disk, a damaged library) none of it."""
    data = read_envelope(path)
    library.check_writable()
    with transaction(library.db):
        return _import(library, data)


def _import(library: Library, data: dict[str, Any]) -> ImportReport:
    notes = library.annotations
    report = ImportReport()
    _import_corrections(library, data.get("corrections") or [], report)
    if data.get("task_marks"):
        report.task_marks = library.extracts.restore_marks(data["task_marks"])
    for doc in data["documents"]:
        target = _target(library, doc)
        if target is None:
            report.missing_documents += 1
            continue
        text = library.document(target).text
        if doc.get("tags"):
            notes.tag_document(target, doc["tags"])
        imported_note = (doc.get("note") or "").strip()
        if imported_note:
            current = notes.document_note(target)
            if imported_note not in current:
                merged = f"{current.rstrip()}\n\n{imported_note}" if current.strip() else imported_note
                notes.set_document_note(target, merged)
                report.document_notes += 1
        existing = {h.uuid: h for h in notes.highlights(target)}
        spans = {(h.start, h.end, h.color) for h in existing.values()}
        for h in doc.get("highlights", []):
            _import_highlight(library, target, text, h, existing, spans, report)
    return report


def _import_corrections(library: Library, rules: list[dict[str, Any]], report: ImportReport) -> None:
    """Repairs first (a highlight may be on a document only a split makes), each issue's new
    rules replayed over its documents."""
    by_hash: dict[str, list[dict[str, Any]]] = {}
    for r in rules:
        by_hash.setdefault(r["issue"]["sha256"], []).append(r)
    for sha, group in by_hash.items():
        issue_id = library.issue_id_by_hash(sha)
        if issue_id is None:
            report.corrections_missing_issues += 1
            continue
        added = library.edits.import_rules(issue_id, group)
        if added:
            report.corrections += added
            changes = library.reapply_corrections(issue_id)
            report.corrections_unplaced += changes.get("corrections_unplaced", 0)


def _import_highlight(
    library: Library, target: int, text: str, h: dict, existing: dict, spans: set, report: ImportReport
) -> None:
    notes = library.annotations
    uid = h["uuid"]
    here = existing.get(uid)
    if here is None:
        try:
            here = notes.highlight(uid)  # deleted here (a tombstone), or on another document
        except ReaderError:
            here = None
        if here is not None and here.deleted:
            notes.restore(uid)
            report.restored += 1
            here = notes.highlight(uid)
        elif here is not None:
            report.unchanged += 1
            return
    if here is not None:
        changed = False
        if h.get("modified_at", "") > here.modified_at:
            if h.get("note", "") != here.note:
                notes.set_note(uid, h.get("note", ""))
                changed = True
            if h.get("color") and h["color"] != here.color:
                notes.set_color(uid, h["color"])
                changed = True
        new_tags = set(h.get("tags") or []) - set(here.tags)
        if new_tags:
            notes.tag_highlight(uid, sorted(new_tags))
            changed = True
        if changed:
            report.updated += 1
        elif not here.deleted:
            report.unchanged += 1
        return
    exported = Anchor(h["start"], h["end"], h["quote"], h.get("prefix", ""), h.get("suffix", ""))
    anchor = reanchor(exported, text)
    if anchor is None:
        report.orphaned += 1
        notes.add_orphan(target, h, uid)
        return
    if (anchor.start, anchor.end, h["color"]) in spans:  # the same passage, exported under another id
        report.unchanged += 1
        return
    notes.add_highlight(
        target,
        anchor.start,
        anchor.end,
        h["color"],
        note=h.get("note", ""),
        tags=h.get("tags") or [],
        uuid=uid,
        created_at=h.get("created_at"),
    )
    spans.add((anchor.start, anchor.end, h["color"]))
    report.added += 1
