"""Annotated PDF: real PDF highlight annotations that Acrobat, WPS and SumatraPDF show.

A document that came from a PDF is exported as its own pages copied from the original (the
stored, decrypted copy), with one highlight annotation per highlight per page it covers, in the
highlight's colour, the note as the annotation's popup text and the colour's meaning as its
title. A document that came as text is typeset (PyMuPDF's Story, Chinese through MuPDF's
built-in CJK fallback font) and annotated the same way. One output file holds every document
of the export, in order.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from reader.errors import ReaderError
from reader.export.collect import Bundle, Entry, Item
from reader.layout import layout
from reader.library import Library
from reader.pagemap import page_segments
from reader.render_server import _boxes, locate_on_page, page_chars
from reader.textnorm import find_all

log = logging.getLogger(__name__)

PAGE_CSS = """
* { font-family: serif; }
h1 { font-size: 18pt; text-align: center; font-weight: bold; margin-bottom: 8pt; }
p.number { text-align: center; font-size: 13pt; margin-bottom: 12pt; }
p { font-size: 13pt; line-height: 1.5; text-indent: 2em; margin: 0 0 4pt 0; }
p.heading { font-weight: bold; text-indent: 2em; }
p.right { text-align: right; }
p.flush { text-indent: 0; }
"""


class PdfExportError(ReaderError):
    """The original PDF of a document is missing or unreadable."""


def _rgb(hex_colour: str) -> tuple[float, float, float]:
    h = hex_colour.lstrip("#")
    return tuple(int(h[i : i + 2], 16) / 255 for i in (0, 2, 4))  # type: ignore[return-value]


def _annotate(page: Any, rects: list, item: Item) -> None:
    import pymupdf

    if not rects:
        return
    annot = page.add_highlight_annot(quads=[pymupdf.Rect(r).quad for r in rects])
    annot.set_colors(stroke=_rgb(item.hex))
    annot.set_info(title=item.meaning, content=item.note or item.quote, subject="公报阅读器批注")
    annot.update()


def _append_original(out: Any, library: Library, entry: Entry) -> None:
    import pymupdf

    r = entry.record
    path = library.folder / (r.issue.pages_path or r.issue.stored_path)
    try:
        src = pymupdf.open(path)
    except Exception as exc:
        raise PdfExportError(f"无法打开原始 PDF：{path}（{exc}）") from exc
    try:
        first, last = r.page_start or 0, r.page_end if r.page_end is not None else src.page_count - 1
        base = out.page_count
        out.insert_pdf(src, from_page=first, to_page=last)
    finally:
        src.close()
    for item in entry.items:
        if item.orphan:
            continue
        for page_no, segment, occurrence in page_segments(r.text, r.page_map, item.start, item.end):
            if first <= page_no <= last:
                page = out[base + page_no - first]
                _annotate(page, locate_on_page(page, segment, occurrence), item)


def document_html(entry: Entry) -> str:
    """The document as simple HTML with its highlights painted in: typeset here, printed by the app."""
    from html import escape

    r = entry.record
    parts = [f"<h1>{escape(r.title)}</h1>"]
    if r.number:
        parts.append(f'<p class="number">{escape(r.number)}</p>')
    hexes = sorted((it.start, it.end, it.hex) for it in entry.items if not it.orphan)
    for block in layout(r.text, r.recipients):
        cls = {
            "signature": "right",
            "date": "right",
            "recipients": "flush",
        }.get(block.kind, "heading" if block.is_heading else "")
        body = []
        pos = block.start
        for s, e, colour in hexes:  # paint highlights into the page too (visible in any viewer)
            s, e = max(s, block.start), min(e, block.end)
            if s >= e or s < pos:
                continue
            mark = f'<span style="background-color:{colour}">{escape(r.text[s:e])}</span>'
            body += [escape(r.text[pos:s]), mark]
            pos = e
        body.append(escape(r.text[pos : block.end]))
        parts.append(f'<p class="{cls}">' + "".join(body).replace("\n", "<br/>") + "</p>")
    return "".join(parts)


def _typeset(entries: list[Entry]) -> tuple[Any, dict[int, tuple[int, int]]]:
    """All text documents typeset into one PDF (so the Chinese font is embedded once), each
    starting on a new page; returns it and each entry's (first page, page count)."""
    import io

    import pymupdf

    buf = io.BytesIO()
    writer = pymupdf.DocumentWriter(buf)
    page_rect = pymupdf.paper_rect("a4")
    frame = pymupdf.Rect(page_rect.x0 + 72, page_rect.y0 + 80, page_rect.x1 - 72, page_rect.y1 - 72)
    ranges: dict[int, tuple[int, int]] = {}
    pages = 0
    for entry in entries:
        story = pymupdf.Story(html=document_html(entry), user_css=PAGE_CSS)
        first = pages
        more = True
        while more:
            device = writer.begin_page(page_rect)
            more, _ = story.place(frame)
            story.draw(device)
            writer.end_page()
            pages += 1
        ranges[entry.id] = (first, pages - first)
    writer.close()
    typeset = pymupdf.open("pdf", buf.getvalue())
    _subset_fonts(typeset)
    return typeset, ranges


def _subset_fonts(doc: Any) -> None:
    """Keep only the glyphs the pages use: MuPDF embeds its whole CJK fallback font (1.7 MB for
    a page of text, 12 KB subset). Only the typeset pages: an original's fonts are left as they
    came. Without fontTools, or if it fails on a font, the file is bigger but still right."""
    try:
        doc.subset_fonts()
    except Exception as exc:  # fontTools missing or a font it cannot cut: a size issue only
        log.warning("PDF fonts not subset: %s", exc)


def _annotate_by_quote(pages: list, entry: Entry) -> None:
    """Find each highlight's passage on the typeset pages (the n-th time its quote occurs, as in
    the source) and annotate every page it covers."""
    r = entry.record
    lead = r.title + "\n" + (r.number or "") + "\n"
    source = lead + r.text
    texts, boxes, offsets = [], [], []
    for page in pages:
        t, b = page_chars(page)
        offsets.append(sum(len(x) for x in texts))
        texts.append(t)
        boxes.extend(b)
    joined = "".join(texts)
    offsets.append(len(joined))
    for item in entry.items:
        if item.orphan:
            continue
        before = sum(1 for s, _ in find_all(source, item.quote) if s < len(lead) + item.start)
        hits = find_all(joined, item.quote)
        if not hits:
            continue
        s, e = hits[min(before, len(hits) - 1)]
        for k, page in enumerate(pages):
            lo, hi = max(s, offsets[k]), min(e, offsets[k + 1])
            if lo < hi:
                page_text = texts[k]
                page_boxes = boxes[offsets[k] : offsets[k + 1]]
                _annotate(page, _boxes(page_text, page_boxes, lo - offsets[k], hi - offsets[k]), item)


def write_pdf(bundle: Bundle, out: Path, library: Library) -> Path:
    import pymupdf

    def original(entry: Entry) -> bool:
        r = entry.record
        return r.is_pdf and bool(r.page_map) and (library.folder / (r.issue.pages_path or "")).is_file()

    entries = list(bundle.entries())
    typeset, ranges = _typeset([e for e in entries if not original(e)])
    doc = pymupdf.open()
    try:
        for entry in entries:
            if original(entry):
                _append_original(doc, library, entry)
                continue
            first, count = ranges[entry.id]
            base = doc.page_count
            # final=False keeps the graft map between inserts: the font is copied once, not per document
            doc.insert_pdf(typeset, from_page=first, to_page=first + count - 1, final=False)
            _annotate_by_quote([doc[base + i] for i in range(count)], entry)
        if doc.page_count == 0:
            raise PdfExportError("没有可导出的文档")
        doc.set_metadata({"title": "批注摘录", "creator": "公报阅读器", "producer": "公报阅读器"})
        out = Path(out)
        doc.save(str(out), garbage=3, deflate=True)
    finally:
        doc.close()
        typeset.close()
    return out
