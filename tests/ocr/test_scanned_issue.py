"""A scanned gazette made searchable: a PDF of scanned pages (real corpus text, typeset, scanned
with noise and a tilt) imports as pages only; recognition gives it text with a page map, search
finds it, a highlight is found on the scan's page, a re-split keeps the recognised text, and a
run cut off resumes after the pages already read. Without the add-on the refusal says how to
add it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pymupdf
import pytest

from reader.importer import import_paths
from reader.library import Library
from reader.ocr import available
from reader.ocr.scans import recognise_issue, scanned, stored_pages
from reader.render_server import locate_on_page
from reader.reparse import reparse_issue
from reader.search.index import SearchIndex
from reader.search.indexer import ensure_index, fetcher, index_folder, process_queue
from tests.conftest import CORPUS, ROOT
from tests.helpers.scan import prose_lines, scan_png, typeset

needs_ocr = pytest.mark.skipif(not available(), reason="OCR add-on not installed (the [ocr] extra)")
SOURCE = CORPUS / "qinzhou-2019-01.txt"


def _scanned_pdf(tmp: Path, pages: int) -> tuple[Path, list[str]]:
    """A PDF whose pages are only images: scans of typeset corpus pages; their printed text."""
    if not SOURCE.exists():
        pytest.skip(f"shared corpus not found: {SOURCE}")
    printed = tmp / "printed.pdf"
    texts = typeset(
        prose_lines(SOURCE.read_text(encoding="utf-8"))[:40], printed, "钦州市人民政府公报", pages
    )
    out = pymupdf.open()
    with pymupdf.open(printed) as src:
        for n in range(len(texts)):
            page = out.new_page(width=src[n].rect.width, height=src[n].rect.height)
            page.insert_image(page.rect, stream=scan_png(printed, n, seed=11 + n))
    scan = tmp / "扫描件.pdf"
    out.save(scan)
    return scan, texts


@pytest.mark.ocr
@needs_ocr
def test_a_scanned_issue_becomes_searchable_and_keeps_its_pages(tmp_path: Path) -> None:
    scan, texts = _scanned_pdf(tmp_path, 2)
    with Library(tmp_path / "lib") as lib:
        [outcome] = import_paths(lib, [scan])
        assert outcome.ok and scanned(lib, outcome.issue_id)
        cut = iter([False, True])  # cut off after the first page: the run stops there
        first = recognise_issue(lib, outcome.issue_id, cancelled=lambda: next(cut, True))
        assert first.cancelled and first.read == 1 and list(stored_pages(lib, outcome.issue_id)) == [0]
        done = recognise_issue(lib, outcome.issue_id)
        assert done.finished and done.resumed == 1 and done.read == 1 and done.confidence > 0.8
        rec = lib.issue(outcome.issue_id)
        assert rec.text_source == "ocr" and rec.has_text and rec.pages_path.endswith(".ocr.pdf")
        docs = [lib.document(d.id) for d in lib.documents(issue_id=outcome.issue_id)]
        assert all(d.is_pdf and d.searchable and d.page_map for d in docs)
        text = "".join("".join(d.text.split()) for d in docs)
        phrase = next(ln for ln in texts[1].splitlines() if len(ln) > 12)[:10]
        assert phrase in text  # the second page's words, read
        # the page cache is the scan with the text laid over it: images kept, text found on it
        with pymupdf.open(lib.folder / rec.pages_path) as pdf:
            assert pdf[0].get_images()
            assert locate_on_page(pdf[1], phrase, 0)
        before = [d.text for d in docs]
        reparse_issue(lib, outcome.issue_id)
        assert [lib.document(d.id).text for d in lib.documents(issue_id=outcome.issue_id)] == before
        index = SearchIndex(index_folder(lib))
        try:
            ensure_index(lib, index)
            process_queue(lib, index)
            found = index.search(phrase, fetch=fetcher(lib))
            assert {h.doc_id for h in found.hits} & {d.id for d in docs}  # searchable now
        finally:
            index.close()


def test_without_the_add_on_the_cli_says_how_to_add_it(tmp_path: Path) -> None:
    if available():
        pytest.skip("the add-on is installed here")
    scan = pymupdf.open()
    page = scan.new_page()
    page.insert_image(
        page.rect, stream=pymupdf.Pixmap(pymupdf.csRGB, pymupdf.IRect(0, 0, 50, 70), False).tobytes("png")
    )
    scan.save(tmp_path / "扫描.pdf")
    with Library(tmp_path / "lib") as lib:
        assert import_paths(lib, [tmp_path / "扫描.pdf"])[0].ok
    run = subprocess.run(
        [sys.executable, "-m", "reader", "ocr", "--json", "--library", str(tmp_path / "lib")],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
    )
    assert run.returncode == 1
    assert "gongbao-reader[ocr]" in json.loads(run.stdout)["error"]
