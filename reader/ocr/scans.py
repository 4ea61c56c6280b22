"""Scanned issues made readable: each page recognised, stored, then given a text layer.

A scan (a PDF or OFD with pages but no text) is recognised page by page in the OCR child; each
page's lines (text, box in PDF points, confidence) are committed as they come, in their own
transaction, so a cancel, a crash or a restart loses at most the page being read and the next
run resumes after the last stored page. When every page is read, the original pages are
copied with the recognised lines laid over them as invisible text (PDF render mode 3) at their
boxes: the page view still shows the scan, while search hits, highlights and the annotated-PDF
export find their text on it as on a born-digital PDF. That copy is the issue's page cache
(``….ocr.pdf`` beside its original), its text is read back like any PDF's and split by the
parser, and the issue is marked as recognised, with the mean confidence kept.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field

from reader.errors import ImportRejected, ReaderError

OCR_SUFFIX = ".ocr.pdf"  # beside the stored original: its pages with the recognised text laid over
DPI = 200  # what the engine reads best at for 公文 body sizes (the bench's figure)
Progress = Callable[[int, int], None]  # (pages done, pages in all)


class NotAScan(ReaderError):
    """The issue has a text layer already, or no pages to read."""


@dataclass
class OcrOutcome:
    issue_id: int
    pages: int = 0  # pages in the issue
    read: int = 0  # pages recognised in this run
    resumed: int = 0  # pages already stored by an earlier run
    finished: bool = False  # every page read and the text in the library
    cancelled: bool = False
    confidence: float | None = None  # mean over the lines, weighted by their length
    failed: list[str] = field(default_factory=list)  # pages that could not be read, and why

    def to_dict(self) -> dict:
        return {
            "issue": self.issue_id,
            "pages": self.pages,
            "read": self.read,
            "resumed": self.resumed,
            "finished": self.finished,
            "cancelled": self.cancelled,
            "confidence": self.confidence,
            "failed": self.failed,
        }


def scanned(library, issue_id: int) -> bool:
    """Pages without text that recognition can make readable."""
    return is_scan(library.issue(issue_id))


def is_scan(rec) -> bool:
    """The same, of an issue record at hand (the window's open document carries its own)."""
    return bool(rec.page_count) and not rec.has_text and rec.format in ("pdf", "ofd")


def stored_pages(library, issue_id: int) -> dict[int, list[list]]:
    rows = library.db.conn.execute("SELECT page, lines FROM ocr_pages WHERE issue_id = ?", (issue_id,))
    return {page: json.loads(lines) for page, lines in rows}


def _store_page(library, issue_id: int, page: int, lines: list[list]) -> None:
    from reader.library.db import transaction

    library.check_writable()
    with transaction(library.db) as conn:
        conn.execute(
            "INSERT OR REPLACE INTO ocr_pages (issue_id, page, lines) VALUES (?, ?, ?)",
            (issue_id, page, json.dumps(lines, ensure_ascii=False)),
        )


def render_page(pdf: str, page: int, dpi: int = DPI) -> tuple[bytes, float]:
    """One page as PNG, and the pixels per PDF point (run in a child: PyMuPDF stays out of here)."""
    import pymupdf

    with pymupdf.open(pdf) as doc:
        pix = doc[page].get_pixmap(dpi=dpi, alpha=False)
        return pix.tobytes("png"), dpi / 72


def lay_text_over(pdf: str, pages: dict[int, list[list]], out: str) -> int:
    """Copy ``pdf`` with each page's recognised lines as invisible text at their boxes; the
    pages' count. Each line is set in the CJK font at its box's height and stretched to its width,
    so the characters fall over the ones printed (a 公文's Han characters are evenly spaced)."""
    import pymupdf

    font = pymupdf.Font("cjk")
    with pymupdf.open(pdf) as doc:
        for number, lines in pages.items():
            page = doc[number]
            for text, x0, y0, x1, y1, _conf in lines:
                if not text.strip() or x1 <= x0 or y1 <= y0:
                    continue
                size = (y1 - y0) * 0.86
                natural = font.text_length(text, fontsize=size) or 1.0
                tw = pymupdf.TextWriter(page.rect)
                origin = pymupdf.Point(x0, y1 - (y1 - y0) * 0.18)
                tw.append(origin, text, font=font, fontsize=size)
                tw.write_text(page, render_mode=3, morph=(origin, pymupdf.Matrix((x1 - x0) / natural, 1)))
        doc.subset_fonts()
        doc.save(out, garbage=3, deflate=True)
        return doc.page_count


def recognise_issue(
    library,
    issue_id: int,
    *,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
    child=None,
) -> OcrOutcome:
    """Recognise a scanned issue's pages (resuming after those already stored), then give it
    the text; the :class:`OcrOutcome` says how far it got. Needs the ``[ocr]`` add-on."""
    from reader.ocr import OcrChild, OcrFailed, available
    from reader.workers import read_in_child

    rec = library.issue(issue_id)
    if not scanned(library, issue_id) and rec.text_source != "ocr":
        raise NotAScan("这一期已有文字层，不需要识别" if rec.has_text else "这一期没有可识别的页面")
    if not available():
        raise NotAScan('文字识别（OCR）组件未安装：pip install "gongbao-reader[ocr]"')
    library.check_writable()
    out = OcrOutcome(issue_id=issue_id, pages=rec.page_count or 0)
    source = str(library.folder / (rec.pages_path or rec.stored_path))
    done = stored_pages(library, issue_id)
    out.resumed = len(done)
    own = child is None
    child = child or OcrChild()
    try:
        for n in range(out.pages):
            if n in done:
                continue
            if cancelled is not None and cancelled():
                out.cancelled = True
                return out
            try:
                png, scale = read_in_child(render_page, source, n, what="扫描页", timeout=60)
                lines = child.recognise(png, timeout=180)
            except (OcrFailed, ImportRejected) as exc:  # not stored: the next run tries it again
                out.failed.append(f"第 {n + 1} 页：{exc.reason}")
                continue
            done[n] = [
                [ln.text, *(round(v / scale, 2) for v in ln.box), round(ln.confidence, 3)] for ln in lines
            ]
            _store_page(library, issue_id, n, done[n])
            out.read += 1
            if progress is not None:
                progress(len(done), out.pages)
    finally:
        if own:
            child.close()
    if out.failed:  # the text stays as it was until every page has been read
        return out
    _apply(library, rec, done, out)
    return out


def _apply(library, rec, done: dict[int, list[list]], out: OcrOutcome) -> None:
    """The recognised pages as the issue's text layer, page cache and split."""
    from reader.importer import parse_pdf
    from reader.sources.pdf import Extractor
    from reader.workers import read_in_child

    original = library.folder / (rec.stored_path + ".pdf" if rec.format == "ofd" else rec.stored_path)
    target = library.folder / (rec.stored_path + OCR_SUFFIX)
    tmp = target.with_name(target.name + ".incoming")
    read_in_child(lay_text_over, str(original), done, str(tmp), what="扫描页", timeout=300)
    tmp.replace(target)
    with Extractor() as extractor:
        pdf = extractor.extract(target)
    parsed, pages = parse_pdf(pdf, rec.source_name)
    chars = sum(len(line[0]) for lines in done.values() for line in lines)
    out.confidence = (
        round(sum(len(line[0]) * line[5] for lines in done.values() for line in lines) / chars, 3)
        if chars
        else None
    )
    library.resplit_issue(
        rec.id, parsed, warnings=list(rec.warnings), pages=pages, page_info=(pdf.page_count, True)
    )
    from reader.library.db import transaction

    try:
        with transaction(library.db) as conn:
            conn.execute(
                "UPDATE issues SET text_source = 'ocr', ocr_confidence = ? WHERE id = ?",
                (out.confidence, rec.id),
            )
    except sqlite3.Error as exc:
        raise ReaderError(f"资料库错误：{exc}") from exc
    out.finished = True
