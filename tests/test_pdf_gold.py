"""The corpus issues printed as PDFs (hard-wrapped at 28 characters a line, running headers and
page numbers on every page, as real gazette PDFs extract) still split exactly like their gold."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from reader.importer import parse_pdf
from reader.sources.pdf import extract_now
from tests.conftest import CORPUS, CORPUS_NAMES, load_gold, requires_shared
from tests.helpers.pdfgen import gazette_pdf

FIELDS = ("title", "number", "issuer", "date", "kind")


@requires_shared
@pytest.mark.parametrize("name", CORPUS_NAMES)
def test_pdf_of_corpus_issue_matches_gold(name: str, tmp_path: Path) -> None:
    pdf_path = tmp_path / f"{name}.pdf"
    gazette_pdf((CORPUS / f"{name}.txt").read_text(encoding="utf-8"), pdf_path, header="钦州市人民政府公报")
    status, pdf = extract_now(str(pdf_path), None)
    assert status == "ok"
    parsed, pages = parse_pdf(pdf, pdf_path.name)
    gold = load_gold(name)
    assert [{f: getattr(d, f) for f in FIELDS} for d in parsed.documents] == [
        {f: d[f] for f in FIELDS} for d in gold["documents"]
    ]
    assert parsed.warnings == []
    for doc, g, (first, last, page_map) in zip(parsed.documents, gold["documents"], pages, strict=True):
        assert g["end_snippet"] in re.sub(r"\s", "", doc.text), doc.title
        assert 0 <= first <= last < pdf.page_count and page_map
    starts = [p[0] for p in pages]
    assert starts == sorted(starts)
