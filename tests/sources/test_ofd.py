"""The 57 real OFD files of ../shared/ofd: each imports or is refused with its category, none
hangs or crashes; the 公文-like ones split with their 发文字号 line read; hostile archives refused."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from reader.importer import import_paths
from reader.library import Library
from tests.conftest import SHARED, requires_shared

OFD = SHARED / "ofd"


@requires_shared
def test_every_real_ofd_file_imports_with_its_pages_or_is_refused_with_a_category(tmp_path: Path) -> None:
    files = sorted(p for p in OFD.iterdir() if p.is_file() and p.suffix.lower() == ".ofd")
    assert len(files) >= 50
    with Library(tmp_path / "lib") as lib:
        outcomes = import_paths(lib, files)
        assert len(outcomes) == len(files)
        refused = {Path(o.path).name: o.category for o in outcomes if not o.ok}
        assert set(refused.values()) <= {"empty", "corrupt", "too_large", "encrypted"}, refused
        kinds = {"text": 0, "pages": 0}
        for o in (o for o in outcomes if o.ok):
            assert o.format == "ofd" and o.pages and o.pages > 0
            docs = [lib.document(d.id) for d in lib.documents(issue_id=o.issue_id)]
            assert docs and all(d.is_pdf and (lib.folder / d.issue.pages_path).is_file() for d in docs)
            kinds["text" if any(d.text.strip() for d in docs) else "pages"] += 1
    # text from every file that has text; the scans, blank pages and pictures as pages to read
    assert kinds["text"] >= 45 and kinds["pages"] >= 5, kinds


@requires_shared
def test_an_ofd_notice_reads_its_text_in_order(tmp_path: Path) -> None:
    with Library(tmp_path / "lib") as lib:
        [outcome] = import_paths(lib, [OFD / "signout.ofd"])
        assert outcome.ok, outcome.reason
        text = "\n".join(lib.document(d.id).text for d in lib.documents(issue_id=outcome.issue_id))
        flat = "".join(text.split())
        assert "府办专督〔2020〕24号" in flat  # two text objects on one line, read as one
        assert flat.index("来文文号") < flat.index("收文登记人") < flat.index("陈小明")


@requires_shared
def test_an_ofd_of_pictures_only_is_a_document_of_pages(tmp_path: Path) -> None:
    with Library(tmp_path / "lib") as lib:
        [outcome] = import_paths(lib, [OFD / "containsJPEG.ofd"])
        assert outcome.ok and outcome.pages == 2, outcome.reason
        [doc] = [lib.document(d.id) for d in lib.documents(issue_id=outcome.issue_id)]
        assert doc.is_pdf and not doc.searchable and doc.text == ""
        import pymupdf

        with pymupdf.open(lib.folder / doc.issue.pages_path) as pdf:
            assert pdf.page_count == 2 and pdf[0].get_images()  # the JPEG is on the page


@pytest.mark.parametrize(
    ("name", "data", "category"),
    [
        ("not-zip.ofd", b"%PDF-1.7 not an ofd", "corrupt"),
        ("no-root.ofd", b"PK", "corrupt"),
    ],
)
def test_a_file_that_is_no_ofd_is_refused(name: str, data: bytes, category: str, tmp_path: Path) -> None:
    if name == "no-root.ofd":
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w") as z:
            z.writestr("README.txt", b"no OFD.xml here")
        data = buf.getvalue()
    f = tmp_path / name
    f.write_bytes(data)
    with Library(tmp_path / "lib") as lib:
        [outcome] = import_paths(lib, [f])
        assert not outcome.ok and outcome.category == category, (outcome.category, outcome.reason)
        assert lib.counts()["issues"] == 0
