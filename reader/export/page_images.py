"""A PDF document's own pages, with its highlights, as images for the printer (no Qt here).

Printing a document that came as a PDF should give the pages as printed, stamps, tables and
signatures included, not the text reflowed (what SumatraPDF and Acrobat print). The annotated
PDF export already lays the highlights onto the original pages; this renders those pages. MuPDF
runs in a child process (``run_in_child``), never in the window's process: the window only
paints the images onto the printer's pages.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from reader.errors import ReaderError

PRINT_DPI = 250  # sharp on paper, ~2000 x 2900 px an A4 page: a few MB each, one in memory at a time
MAX_PAGES = 500  # a document longer than a whole gazette issue is not sent to the printer as images


class PrintPagesError(ReaderError):
    """The document's pages cannot be made ready for printing."""


def annotated_page_images(
    folder: Path, doc_id: int, out_dir: Path, meanings: dict[str, str] | None = None, dpi: int = PRINT_DPI
) -> list[Path]:
    """Render document ``doc_id``'s original pages, highlights drawn, as PNG files in ``out_dir``.

    Returns the files in page order. Raises :class:`PrintPagesError` for a document that has
    no original pages (it came as text) or too many to print as images."""
    import pymupdf

    from reader.export import Scope, export_folder

    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="gongbao-print-") as tmp:
        pdf = Path(tmp) / "pages.pdf"
        export_folder(folder, Scope(doc_ids=[doc_id]), "pdf", pdf, meanings)
        pages: list[Path] = []
        with pymupdf.open(pdf) as doc:
            if doc.page_count > MAX_PAGES:
                raise PrintPagesError(f"文档有 {doc.page_count} 页，超过可打印的 {MAX_PAGES} 页")
            for n, page in enumerate(doc):
                pix = page.get_pixmap(dpi=dpi, annots=True, alpha=False)
                path = out_dir / f"page-{n + 1:04d}.png"
                pix.save(str(path))
                pages.append(path)
        return pages
