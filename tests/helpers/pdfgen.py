"""Generate real gazette PDFs for tests and benchmarks (pymupdf, CJK through ``china-s``).

Text is laid out the way a printed gazette is: A4 pages, 28 characters a line, a running header
and a page number on every page, so extraction and page mapping are tested against what
PyMuPDF really returns.
"""

from __future__ import annotations

from pathlib import Path

import pymupdf

A4 = pymupdf.paper_rect("a4")
CHARS_PER_LINE = 28
FONT_SIZE = 14
LINE_HEIGHT = 26
MARGIN_X, MARGIN_TOP, MARGIN_BOTTOM = 70, 90, 80


def _wrap(paragraph: str, width: int) -> list[str]:
    if not paragraph:
        return [""]
    return [paragraph[i : i + width] for i in range(0, len(paragraph), width)]


def gazette_pdf(
    text: str,
    path: Path,
    *,
    header: str = "示例市人民政府公报",
    min_pages: int = 0,
    max_pages: int | None = None,
    password: str | None = None,
) -> int:
    """Write ``text`` (one paragraph per line) as a PDF gazette; return the page count.

    ``min_pages`` repeats the text until the document has at least that many pages;
    ``max_pages`` cuts it off after that many.
    """
    font = pymupdf.Font("china-s")
    doc = pymupdf.open()
    lines: list[str] = []
    paragraphs = text.split("\n")
    while True:
        for para in paragraphs:
            lines.extend(_wrap(para.strip(), CHARS_PER_LINE))
        per_page = int((A4.height - MARGIN_TOP - MARGIN_BOTTOM) // LINE_HEIGHT)
        if len(lines) // per_page + 1 >= min_pages:
            break
    per_page = int((A4.height - MARGIN_TOP - MARGIN_BOTTOM) // LINE_HEIGHT)
    if max_pages is not None:
        lines = lines[: per_page * max_pages]
    for start in range(0, len(lines), per_page):
        page = doc.new_page(width=A4.width, height=A4.height)
        tw = pymupdf.TextWriter(page.rect)
        tw.append((MARGIN_X, 50), header, font=font, fontsize=10)
        y = MARGIN_TOP
        for line in lines[start : start + per_page]:
            if line:
                tw.append((MARGIN_X, y), line, font=font, fontsize=FONT_SIZE)
            y += LINE_HEIGHT
        n = start // per_page + 1
        tw.append((A4.width / 2 - 10, A4.height - 40), f"- {n} -", font=font, fontsize=10)
        tw.write_text(page)
    kwargs = {}
    if password:
        kwargs = {
            "encryption": pymupdf.PDF_ENCRYPT_AES_256,
            "user_pw": password,
            "owner_pw": password + "-owner",
        }
    doc.save(str(path), **kwargs)
    count = doc.page_count
    doc.close()
    return count


def scanned_pdf(path: Path, pages: int = 2) -> None:
    """Pages that carry only an image: a scan without a text layer."""
    doc = pymupdf.open()
    for _ in range(pages):
        page = doc.new_page()
        pix = pymupdf.Pixmap(pymupdf.csRGB, pymupdf.IRect(0, 0, 200, 280), False)
        pix.set_rect(pix.irect, (230, 230, 220))
        page.insert_image(page.rect, pixmap=pix)
    doc.save(str(path))
    doc.close()
