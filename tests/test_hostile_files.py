"""Source files that misbehave while they are imported: locked, still being written, vanishing.

On Windows an antivirus scan or WPS holding a file open makes reading it fail with a sharing
violation for a moment; Linux has no such locks, so that one failure is produced by replacing
``Path.read_bytes`` (the operating system's part, not ours). The rest is real: a thread that keeps
writing the file, and a file deleted or replaced between being read and being stored.
"""

from __future__ import annotations

import errno
import subprocess
import sys
from pathlib import Path

import pytest

import reader.importer as importer
from reader.importer import import_paths
from reader.library import Library
from tests.conftest import DATA
from tests.helpers.pdfgen import gazette_pdf

GOOD = DATA / "yulin_like.txt"
WRITER = """
import sys
with open(sys.argv[1], "ab") as f:
    print("writing", flush=True)
    while True:
        f.write("第一条 继续写入的内容。\\n".encode())
        f.flush()
"""


@pytest.fixture(autouse=True)
def _quick_retries(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(importer, "LOCK_WAITS", (0.01, 0.02, 0.05, 0.1))


def _held_by_another_program(monkeypatch: pytest.MonkeyPatch, path: Path, times: int) -> list[int]:
    """Reading ``path`` fails as a locked file does, ``times`` times; returns the attempt count."""
    attempts = [0]
    real = importer.read_regular

    def read_regular(p: Path, cap: int):
        if p == path:
            attempts[0] += 1
            if attempts[0] <= times:
                raise OSError(errno.EBUSY, "Device or resource busy", str(p))
        return real(p, cap)

    monkeypatch.setattr(importer, "read_regular", read_regular)
    return attempts


def test_a_file_locked_for_a_moment_is_imported(library: Library, tmp_path, monkeypatch) -> None:
    src = tmp_path / "公报.txt"
    src.write_bytes(GOOD.read_bytes())
    attempts = _held_by_another_program(monkeypatch, src, times=2)
    [outcome] = import_paths(library, [src])
    assert outcome.status == "imported", outcome.reason
    assert attempts[0] == 3


def test_a_file_that_stays_locked_is_reported_and_the_batch_goes_on(
    library: Library, tmp_path, monkeypatch
) -> None:
    held, other = tmp_path / "被占用.txt", tmp_path / "other.txt"
    held.write_bytes(GOOD.read_bytes())
    other.write_bytes(GOOD.read_bytes().replace("玉林".encode(), "北海".encode()))
    _held_by_another_program(monkeypatch, held, times=10**6)
    first, second = import_paths(library, [held, other])
    assert (first.status, first.category) == ("failed", "locked")
    assert "占用" in first.reason and "关闭" in first.reason
    assert second.status == "imported"
    assert library.counts()["issues"] == 1


def test_a_file_still_being_written_is_not_imported_half(library: Library, tmp_path) -> None:
    src = tmp_path / "正在复制.txt"
    src.write_bytes(GOOD.read_bytes() * 200)  # a few MB: reading it takes a while, like a real copy
    writer = subprocess.Popen(  # another program, still appending
        [sys.executable, "-c", WRITER, str(src)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert writer.stdout.readline().strip() == "writing"
        [outcome] = import_paths(library, [src])
    finally:
        writer.kill()
        writer.wait()
    assert (outcome.status, outcome.category) == ("failed", "unreadable")
    assert "变化" in outcome.reason
    assert library.counts() == {"issues": 0, "documents": 0}


@pytest.mark.parametrize("event", ["deleted", "replaced"])
def test_a_pdf_that_vanishes_once_read_is_imported_whole(
    library: Library, tmp_path, monkeypatch, event: str
) -> None:
    src = tmp_path / "公报.pdf"
    gazette_pdf(GOOD.read_text(encoding="utf-8"), src)
    expected = Library(tmp_path / "reference")
    [ref] = import_paths(expected, [src])
    real = importer.read_source

    def read_then_lose(path: Path) -> bytes:
        data = real(path)
        if event == "deleted":
            path.unlink()
        else:  # another program saves a different file under the same name
            path.write_bytes(b"%PDF-1.7\n" + b"\x00" * 100)
        return data

    monkeypatch.setattr(importer, "read_source", read_then_lose)
    [outcome] = import_paths(library, [src])
    assert outcome.status == "imported", outcome.reason
    assert outcome.documents == ref.documents > 1
    got = [library.document(d.id).text for d in library.documents()]
    want = [expected.document(d.id).text for d in expected.documents()]
    assert got == want
    expected.close()
