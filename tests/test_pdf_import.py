"""PDF import: real PDFs generated with pymupdf, and the hostile files in shared/badinput."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pymupdf
import pytest

from reader.importer import import_file, import_paths
from reader.library import Library
from reader.pagemap import page_at
from reader.sources.pdf import Extractor
from tests.conftest import BADINPUT, DATA
from tests.helpers.pdfgen import gazette_pdf, scanned_pdf

TEXT = (DATA / "yulin_like.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def gazette(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("pdf") / "玉林 公报 2019-1.pdf"
    gazette_pdf(TEXT, path, header="玉林市人民政府公报(2019.1）")
    return path


def test_pdf_issue_is_split_like_its_text(library: Library, gazette: Path) -> None:
    outcome = import_file(library, gazette)
    assert outcome.status == "imported", outcome.reason
    assert outcome.format == "pdf" and outcome.pages == 4 and outcome.flags == []
    issue = library.issue(outcome.issue_id)
    assert (issue.city, issue.year, issue.number, issue.page_count) == ("玉林市", 2019, 1, 4)
    from reader.gazette import parse_gazette

    expected = [(d.title, d.number, d.date) for d in parse_gazette(TEXT).documents]
    docs = [library.document(d.id) for d in library.documents(issue_id=issue.id)]
    assert [(d.title, d.number, d.date) for d in docs] == expected
    for d in docs:
        assert d.is_pdf and d.searchable
        assert 0 <= d.page_start <= d.page_end < 4
        assert d.page_map and d.page_map[0][0] == 0
        assert "玉林市人民政府公报" not in d.text  # running header removed


def test_every_text_offset_maps_to_the_page_that_prints_it(library: Library, gazette: Path) -> None:
    import_file(library, gazette)
    pdf = pymupdf.open(gazette)
    page_texts = ["".join(p.get_text().split()) for p in pdf]
    for summary in library.documents():
        doc = library.document(summary.id)
        for para_start in [0] + [i + 1 for i, c in enumerate(doc.text) if c == "\n"]:
            snippet = "".join(doc.text[para_start : para_start + 6].split())
            if len(snippet) < 4:
                continue
            page = page_at(doc.page_map, para_start)
            assert snippet[:4] in page_texts[page], (doc.title, snippet, page)


def test_encrypted_pdf_needs_its_password_which_is_never_stored(library: Library, tmp_path: Path) -> None:
    path = tmp_path / "加密.pdf"
    gazette_pdf(TEXT, path, password="公报2019")
    refused = import_file(library, path)
    assert (refused.status, refused.category) == ("failed", "encrypted")
    wrong = import_file(library, path, password="nope")
    assert wrong.category == "encrypted" and "密码不正确" in wrong.reason
    ok = import_file(library, path, password="公报２０１９")  # full-width digits: NFKC
    assert ok.status == "imported" and "decrypted" in ok.flags
    stored = library.folder / library.issue(ok.issue_id).stored_path
    assert not pymupdf.open(stored).needs_pass  # pages can render without asking again
    for f in library.folder.rglob("*"):
        if f.is_file():
            assert "公报2019".encode() not in f.read_bytes()
            assert "公报2019".encode("utf-16-le") not in f.read_bytes()


def test_scanned_pdf_is_imported_as_pages_only(library: Library, tmp_path: Path) -> None:
    path = tmp_path / "扫描件.pdf"
    scanned_pdf(path, pages=3)
    outcome = import_file(library, path)
    assert outcome.status == "imported" and "no_text" in outcome.flags
    assert any("无文本层" in w for w in outcome.warnings)
    doc = library.document(library.documents()[0].id)
    assert not doc.searchable and doc.text == ""
    assert (doc.page_start, doc.page_end) == (0, 2)
    assert not library.issue(outcome.issue_id).has_text


def test_timeout_kills_the_worker_and_the_next_file_still_imports(tmp_path: Path, gazette: Path) -> None:
    big = tmp_path / "big.pdf"
    gazette_pdf(TEXT, big, min_pages=200)
    with Extractor(timeout=0.01) as ex:
        from reader.errors import ImportRejected

        with pytest.raises(ImportRejected) as exc:
            ex.extract(big)
        assert exc.value.category == "timeout"
        ex.timeout = 60
        assert ex.extract(gazette).page_count == 4


def test_reimporting_a_pdf_adds_nothing(library: Library, gazette: Path) -> None:
    first = import_file(library, gazette)
    again = import_paths(library, [gazette])
    assert again[0].status == "present" and again[0].issue_id == first.issue_id


def test_cli_parse_and_import_pdf(tmp_path: Path, gazette: Path) -> None:
    r = subprocess.run(
        [sys.executable, "-m", "reader", "parse", str(gazette), "--json"],
        capture_output=True,
        text=True,
        encoding="utf-8",
    )
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout)
    assert len(out["documents"]) == 6
    assert all("page_start" in d and "page_end" in d for d in out["documents"])
    enc = tmp_path / "enc.pdf"
    gazette_pdf(
        "钦州市人民政府\n关于测试的通知\n钦政发〔2020〕1号\n各单位：\n正文内容。\n", enc, password="abc"
    )
    lib = str(tmp_path / "lib")
    r = subprocess.run(
        [sys.executable, "-m", "reader", "import", str(enc), "--library", lib, "--json"],
        capture_output=True,
        text=True,
        encoding="utf-8",
    )
    assert r.returncode == 1 and json.loads(r.stdout)["results"][0]["category"] == "encrypted"
    r = subprocess.run(
        [sys.executable, "-m", "reader", "import", str(enc), "--library", lib, "--password", "abc", "--json"],
        capture_output=True,
        text=True,
        encoding="utf-8",
    )
    assert r.returncode == 0, r.stdout


ALLOWED = {"corrupt", "encrypted", "empty", "timeout", "unsupported"}
EXPECTED = {
    "encrypted/pdfjs__issue6010_1.pdf": "encrypted",
    "malformed/pdfjs__poppler-85140-0.pdf": "corrupt",
    "malformed/qpdf__empty.pdf": "empty",
    "malformed/pypdf-samples__unreadablemetadata.pdf": "empty",  # repaired to 0 pages: not a silent loss
    "malformed/qpdf__deep-pages.pdf": "corrupt",
    "malformed/qpdf-ossfuzz__440599107.fuzz": "corrupt",  # pages missing: refused, not half-imported
    "malformed/qpdf-ossfuzz__70245.fuzz": "empty",
    "scanned/mineru__small_ocr.pdf": "no_text",
    "large/pdfjs__freeculture.pdf": "imported",
    "cjk/pymupdf__chinese-tables.pdf": "imported",
    "malformed/pdfjs__helloworld-bad.pdf": "repaired",
}


@pytest.mark.skipif(not BADINPUT.is_dir(), reason="shared/badinput not found")
def test_every_hostile_pdf_imports_or_is_refused_with_a_reason(library: Library) -> None:
    files = sorted(p for p in (BADINPUT / "pdf").rglob("*") if p.is_file())
    outcomes = import_paths(library, files, pdf_timeout=20)
    assert len(outcomes) == len(files)
    by_rel = {str(Path(o.path).relative_to(BADINPUT / "pdf")): o for o in outcomes}
    for o in outcomes:
        if o.status == "failed":
            assert o.category in ALLOWED and o.reason, o
        else:
            assert o.status == "imported" and o.documents >= 1
    for rel, want in EXPECTED.items():
        o = by_rel[rel]
        if want in ("imported",):
            assert o.status == "imported", (rel, o.reason)
        elif want in ("no_text", "repaired"):
            assert o.status == "imported" and want in o.flags, rel
        else:
            assert (o.status, o.category) == ("failed", want), (rel, o)
    # nothing half-imported: every imported issue has all its documents and pages
    for issue in library.issues():
        assert issue.document_count >= 1 and issue.page_count >= 1


@pytest.mark.skipif(not BADINPUT.is_dir(), reason="shared/badinput not found")
def test_every_hostile_file_gets_the_same_verdict_one_by_one_as_in_one_batch(tmp_path: Path) -> None:
    """Each file of badinput (PDFs and texts) imported on its own, then all of them in one batch:
    the same verdict for each, the same library; no file depends on what came before it."""
    from reader.importer import import_file
    from reader.sources.pdf import Extractor

    files = sorted(p for p in BADINPUT.rglob("*") if p.is_file() and p.name != "MANIFEST.md")
    alone = Library(tmp_path / "one by one")
    with Extractor(timeout=20) as ex:
        singles = [import_file(alone, f, extractor=ex) for f in files]
    batch_lib = Library(tmp_path / "batch")
    batch = import_paths(batch_lib, files, pdf_timeout=20)
    assert [(o.status, o.category) for o in singles] == [(o.status, o.category) for o in batch]
    assert all(o.status in ("imported", "present") or (o.category and o.reason) for o in batch)
    assert alone.counts() == batch_lib.counts()
    assert {o.category for o in batch if o.status == "failed"} <= ALLOWED | {"encoding"}  # (texts)
    alone.close()
    batch_lib.close()
