"""A parsed document as the values of its ``documents`` row: one place for the columns' order.

The import, a re-parse and a repair all write documents; they share these so that a column
added later is written by all of them or fails loudly in all of them.
"""

from __future__ import annotations

import json

from reader.gazette.model import Document

# from seq to decisions: what a parse decides (not the id, the issue, withdrawn or the 回收站)
COLUMNS = [
    "seq",
    "title",
    "number",
    "number_key",
    "issuer",
    "recipients",
    "date",
    "kind",
    "attachments",
    "text",
    "start_line",
    "end_line",
    "in_toc",
    "page_start",
    "page_end",
    "page_map",
    "searchable",
    "section",
    "decisions",
]

# a new document takes the id after the highest ever used (schema v8: ids are never reused)
INSERT_DOCUMENT = (
    f"INSERT INTO documents (id, issue_id, {', '.join(COLUMNS)}) "
    f"VALUES ((SELECT high + 1 FROM id_marks WHERE name = 'documents'), ?, {', '.join('?' * len(COLUMNS))})"
)
# and ``withdrawn = 0``: a document a parse finds again is in its issue again
UPDATE_DOCUMENT = f"UPDATE documents SET {', '.join(f'{c} = ?' for c in COLUMNS)}, withdrawn = 0 WHERE id = ?"


def document_row(seq: int, d: Document, pages: tuple | None, has_text: bool) -> tuple:
    """A document's values in the order of :data:`COLUMNS`."""
    first, last, page_map = pages if pages else (None, None, None)
    return (
        seq,
        d.title,
        d.number,
        d.number_key,
        d.issuer,
        d.recipients,
        d.date,
        d.kind,
        json.dumps(d.attachments, ensure_ascii=False),
        d.text,
        d.start_line,
        d.end_line,
        None if d.in_toc is None else int(d.in_toc),
        first,
        last,
        None if page_map is None else json.dumps(page_map),
        int(has_text),
        d.section,
        json.dumps(d.decisions, ensure_ascii=False),
    )
