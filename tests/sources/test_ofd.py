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
def test_every_real_ofd_file_imports_or_is_refused_with_a_category(tmp_path: Path) -> None:
    files = sorted(p for p in OFD.iterdir() if p.is_file() and p.suffix.lower() == ".ofd")
    assert len(files) >= 50
    with Library(tmp_path / "lib") as lib:
        outcomes = import_paths(lib, files)
    by = {Path(o.path).name: o for o in outcomes}
    assert len(outcomes) == len(files)
    refused = {n: o.category for n, o in by.items() if not o.ok}
    assert set(refused.values()) <= {"empty", "corrupt", "too_large", "encrypted"}, refused
    assert sum(o.ok for o in outcomes) >= 45  # text from every one that has text
    assert all(o.format == "ofd" for o in outcomes if o.ok)


@requires_shared
def test_an_ofd_notice_reads_its_text_in_order(tmp_path: Path) -> None:
    with Library(tmp_path / "lib") as lib:
        [outcome] = import_paths(lib, [OFD / "signout.ofd"])
        assert outcome.ok, outcome.reason
        text = "\n".join(lib.document(d.id).text for d in lib.documents(issue_id=outcome.issue_id))
        assert "府办专督〔2020〕24" in text and "收文登记人陈小明" in text


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
