"""Findings 5 and 9: imports read regular files only, with a size cap for every type.

Before: a folder import followed ``x.txt → /etc/passwd`` (a copy landed in ``files/``), read
``→ /dev/zero`` until MemoryError, hung on a FIFO; a PDF or an unknown extension had no size cap
(1.5 GB → MemoryError) and its bytes went down the extraction pipe a second time.
"""

from __future__ import annotations

import os
import sys
import threading
from pathlib import Path

import pytest

from reader import importer
from reader.importer import import_file, import_paths
from reader.library import Library
from reader.sources.pdf import Extractor
from tests.conftest import DATA
from tests.helpers.pdfgen import gazette_pdf

posix = pytest.mark.skipif(sys.platform == "win32", reason="symlinks, FIFOs and devices as POSIX has them")
GOOD = DATA / "yulin_like.txt"


def _run_bounded(fn, seconds: float = 20):
    """Run ``fn`` in a thread; fail (not hang) if it does not return in time."""
    out: dict = {}
    t = threading.Thread(target=lambda: out.setdefault("v", fn()), daemon=True)
    t.start()
    t.join(seconds)
    assert not t.is_alive(), "the import hung"
    return out["v"]


@posix
def test_a_folder_import_does_not_follow_links_out_of_the_folder(library: Library, tmp_path: Path) -> None:
    src = tmp_path / "公报"
    src.mkdir()
    secret = tmp_path / "secret.txt"
    secret.write_text(GOOD.read_text(encoding="utf-8"), encoding="utf-8")
    (src / "x.txt").symlink_to(secret)
    (src / "passwd.txt").symlink_to("/etc/passwd")
    (src / "inside.txt").write_text(GOOD.read_text(encoding="utf-8"), encoding="utf-8")
    (src / "again.txt").symlink_to(src / "inside.txt")  # a link inside the folder is fine
    outcomes = {Path(o.path).name: o for o in import_paths(library, [src])}
    assert outcomes["x.txt"].status == "failed" and outcomes["x.txt"].category == "not_regular"
    assert outcomes["passwd.txt"].status == "failed" and outcomes["passwd.txt"].category == "not_regular"
    assert outcomes["again.txt"].status == "imported"  # read through the link, as sorted first
    assert outcomes["inside.txt"].status == "present"
    assert library.counts()["issues"] == 1
    assert len(list((library.folder / "files").rglob("*.txt"))) == 1


@posix
def test_devices_and_fifos_are_refused_at_once(library: Library, tmp_path: Path) -> None:
    src = tmp_path / "公报"
    src.mkdir()
    os.mkfifo(src / "pipe.txt")
    (src / "zero.txt").symlink_to("/dev/zero")
    outcomes = _run_bounded(lambda: import_paths(library, [src, "/dev/zero", str(src / "pipe.txt")]))
    assert [o.category for o in outcomes] == ["not_regular"] * 4
    assert all("普通文件" in o.reason for o in outcomes)
    assert library.counts()["issues"] == 0


@pytest.mark.parametrize(
    ("name", "size"), [("大.pdf", importer.MAX_PDF_BYTES + 1), ("大.xyz", importer.MAX_OTHER_BYTES + 1)]
)
def test_every_type_has_a_size_cap(library: Library, tmp_path: Path, name: str, size: int) -> None:
    big = tmp_path / name
    with big.open("wb") as fh:
        fh.truncate(size)  # sparse: no disk, but stat says it is this big
    outcome = _run_bounded(lambda: import_file(library, big))
    assert outcome.status == "failed" and outcome.category == "too_large"
    assert library.counts()["issues"] == 0


def test_a_pdf_goes_to_the_extraction_child_by_its_stored_copy(
    library: Library, tmp_path: Path, monkeypatch
) -> None:
    pdf = tmp_path / "公报.pdf"
    gazette_pdf(GOOD.read_text(encoding="utf-8"), pdf)
    sent: list[object] = []
    real = Extractor.extract

    def extract(self, source, password=None):
        sent.append(source)
        return real(self, source, password)

    monkeypatch.setattr(Extractor, "extract", extract)
    assert import_file(library, pdf).status == "imported"
    assert len(sent) == 1 and isinstance(sent[0], Path)  # not the bytes a second time down the pipe
    assert sent[0].is_relative_to(library.folder / "files")
