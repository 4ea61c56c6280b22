"""Finding 4: a PDF decompression bomb. A 100 KB file whose one page inflates to 100 MB of text
drove the extraction child to 2.6 GB (a 1 GB page to 8.6 GB): file-parsing children now have a
memory limit, and a page whose content inflates past a cap is refused before MuPDF reads it."""

from __future__ import annotations

import resource
import sys
import time
from pathlib import Path

import pytest

from reader.errors import ImportRejected
from reader.importer import import_file
from reader.library import Library
from reader.sources.pdf import Extractor
from tests.helpers.pdfgen import gazette_pdf, text_bomb_pdf

linux = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")


def _address_space_limit(pid: int) -> str:
    for line in Path(f"/proc/{pid}/limits").read_text().splitlines():
        if line.startswith("Max address space"):
            return line.split()[3]
    return "?"


@linux
def test_the_parsing_children_run_under_a_memory_limit(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("GONGBAO_CHILD_MEMORY_MB", "900")
    small = tmp_path / "ok.pdf"
    gazette_pdf(
        "示例市人民政府关于测试的通知\n示政发〔2020〕1号\n各县区人民政府：\n现将有关事项通知如下。\n", small
    )
    with Extractor() as ex:
        ex.extract(small.read_bytes())
        assert _address_space_limit(ex._child.pid) == str(900 << 20)
    from reader.render_server import serve
    from reader.workers import ChildProcess, memory_limit_mb

    child = ChildProcess(serve, "render-test", memory_mb=memory_limit_mb())
    try:
        deadline = time.monotonic() + 20  # the limit is set as the child starts up
        while _address_space_limit(child.pid) != str(900 << 20) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert _address_space_limit(child.pid) == str(900 << 20)
    finally:
        child.stop(grace=2)


def test_a_decompression_bomb_is_refused_quickly_without_taking_the_memory(tmp_path: Path) -> None:
    bomb = tmp_path / "公报.pdf"
    assert text_bomb_pdf(bomb, 100) < 200_000  # 100 KB on disk, 100 MB inflated
    started = time.monotonic()
    with Extractor(timeout=30) as ex, pytest.raises(ImportRejected) as refused:
        ex.extract(bomb.read_bytes())
    assert refused.value.category == "too_large" and "第 1 页" in refused.value.reason
    assert time.monotonic() - started < 10
    if sys.platform != "win32":
        assert resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss < 1_000_000  # KB: under 1 GB
    with Library(tmp_path / "lib") as lib:
        outcome = import_file(lib, bomb)
        assert outcome.status == "failed" and outcome.category == "too_large"
        assert lib.counts()["issues"] == 0 and not list((lib.folder / "files").rglob("*.pdf"))
