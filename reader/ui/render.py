"""A document as HTML for the reading pane, laid out like a 公文. Every piece of text is escaped."""

from __future__ import annotations

from html import escape

from reader.gazette.dates import date_line
from reader.gazette.lines import is_heading, is_organ_line
from reader.library.records import DocumentRecord


def document_html(doc: DocumentRecord, kind_label: str, char_px: int = 16) -> str:
    """Title centred, 发文字号 under it, paragraphs indented two characters, signature right.

    Qt's rich text honours ``text-indent`` only in pixels, so the two-character indent is given
    as twice the body font's pixel size (``char_px``).
    """
    indent = f"text-indent:{2 * char_px}px"
    parts = [
        "<html><body style='line-height:160%'>",
        f"<h2 align='center'>{escape(doc.title)}</h2>",
    ]
    if doc.number:
        parts.append(f"<p align='center'>{escape(doc.number)}</p>")
    paragraphs = doc.text.split("\n")
    for i, para in enumerate(paragraphs):
        flat = "".join(para.split())
        if not flat:
            continue
        if doc.recipients and i == 0 and flat == doc.recipients:
            parts.append(f"<p>{escape(para)}</p>")
        elif date_line(flat) or (
            is_organ_line(para) and i + 1 < len(paragraphs) and date_line(paragraphs[i + 1])
        ):
            parts.append(f"<p align='right'>{escape(para)}</p>")
        elif "\t" in para:
            cells = "".join(f"<td>{escape(c)}</td>" for c in para.split("\t"))
            parts.append(f"<table border='1' cellspacing='0' cellpadding='3'><tr>{cells}</tr></table>")
        elif is_heading(flat):
            parts.append(f"<p style='{indent}'><b>{escape(para)}</b></p>")
        else:
            parts.append(f"<p style='{indent}'>{escape(para)}</p>")
    meta = " · ".join(x for x in (kind_label, doc.issuer, doc.date, doc.issue.label) if x)
    parts.append(f"<hr/><p style='color:gray'>{escape(meta)}</p></body></html>")
    return "".join(parts)
