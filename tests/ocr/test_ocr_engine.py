"""The OCR add-on reads a scanned gazette page: real 公文 text, typeset, scanned, recognised in the
OCR child; the child fails with :class:`OcrFailed` (never hangs) when it runs out of memory or
time, and comes back for the next page; the engine never goes on line."""

from __future__ import annotations

import io
import itertools
import subprocess
import sys
import textwrap
import time

import pytest

from reader.ocr import OcrChild, OcrFailed, OcrLine, available, reading_order
from tests.conftest import CORPUS, ROOT
from tests.helpers.scan import cer, normalise, prose_lines, scan_png, typeset

needs_ocr = pytest.mark.skipif(
    not available(), reason="OCR add-on not installed (pip install rapidocr onnxruntime: the [ocr] extra)"
)
CER_FLOOR = 0.03  # the bench's floor (bench/bench_ocr.py); a page here reads at about 1 %
SOURCE = CORPUS / "qinzhou-2019-01.txt"


@pytest.fixture(scope="module")
def ocr():
    """One child for the module: loading the models takes seconds."""
    with OcrChild() as child:
        yield child


@pytest.fixture(scope="module")
def page(tmp_path_factory) -> tuple[bytes, str]:
    """A scanned page: the start of a real 通知 (title, 发文字号, the first paragraphs) and its text."""
    if not SOURCE.exists():
        pytest.skip(f"shared corpus not found: {SOURCE}")
    pdf = tmp_path_factory.mktemp("ocr") / "page.pdf"
    lines = prose_lines(SOURCE.read_text(encoding="utf-8"))[:8]
    (text,) = typeset(lines, pdf, header="钦州市人民政府公报", max_pages=1)
    return scan_png(pdf, 0, seed=7), text


@pytest.mark.ocr
@needs_ocr
def test_a_scanned_gazette_page_is_read(ocr: OcrChild, page: tuple[bytes, str]) -> None:
    png, text = page
    lines = ocr.recognise(png, timeout=120)
    read = "".join(line.text for line in lines)
    assert cer(text, read) < CER_FLOOR, (text, read)
    # the 发文字号 as printed (taken from the corpus text, not written here) is read whole
    number = next(ln for ln in text.splitlines() if ln.endswith("号") and "〔" in ln)
    assert normalise(number) in normalise(read)


@pytest.mark.ocr
@needs_ocr
def test_boxes_lie_inside_the_image_in_reading_order(ocr: OcrChild, page: tuple[bytes, str]) -> None:
    from PIL import Image

    png, _text = page
    width, height = Image.open(io.BytesIO(png)).size
    lines = ocr.recognise(png, timeout=120)
    assert len(lines) >= 5
    for line in lines:
        x0, y0, x1, y1 = line.box
        assert 0 <= x0 < x1 <= width and 0 <= y0 < y1 <= height, line
        assert 0.0 < line.confidence <= 1.0 and line.text.strip()
    tops = [line.box[1] for line in lines]
    assert all(b >= a - 15 for a, b in itertools.pairwise(tops)), tops  # top to bottom
    assert lines[0].box[1] < height * 0.15 and lines[-1].box[3] > height * 0.3  # header first


@pytest.mark.ocr
@needs_ocr
@pytest.mark.parametrize("megabytes", [64, 700])
def test_a_child_without_enough_memory_fails_clearly_instead_of_hanging(
    page: tuple[bytes, str], megabytes: int
) -> None:
    # 64 MB: numpy's OpenBLAS gives up and exits while importing; 700 MB: the models load and
    # the first inference raises MemoryError (measured; where exactly varies by platform)
    started = time.monotonic()
    with OcrChild(memory_mb=megabytes, start_timeout=60) as child, pytest.raises(OcrFailed) as failed:
        child.recognise(page[0], timeout=60)
    assert failed.value.category in ("too_large", "corrupt")
    assert (
        f"内存上限（{megabytes} MB）" in failed.value.reason
        or f"内存上限 {megabytes} MB" in failed.value.reason
    )
    assert time.monotonic() - started < 60
    assert child.pid is None  # the child is gone


@pytest.mark.ocr
@needs_ocr
def test_after_a_timeout_a_fresh_child_reads_the_next_page(page: tuple[bytes, str]) -> None:
    png, text = page
    with OcrChild() as child:
        child.start()
        first = child.pid
        with pytest.raises(OcrFailed) as failed:
            child.recognise(png, timeout=0.05)
        assert failed.value.category == "timeout" and "超时" in failed.value.reason
        lines = child.recognise(png, timeout=120)
        second = child.pid
        assert second != first
        with pytest.raises(OcrFailed) as refused:  # no image: refused, and the child lives on
            child.recognise(b"%PDF-1.7 not an image", timeout=30)
        assert refused.value.category == "corrupt" and "ValueError" in refused.value.detail
        assert child.pid == second
    assert cer(text, "".join(line.text for line in lines)) < CER_FLOOR


@pytest.mark.ocr
@needs_ocr
def test_the_engine_loads_its_models_without_the_network() -> None:
    # rapidocr downloads a model whose path is not given: with every connection refused and its
    # downloader made to fail, the engine still loads the shipped models and reads a word
    script = textwrap.dedent(
        """
        import socket
        import sys

        sys.path.insert(0, sys.argv[1])

        def refuse(*args, **kwargs):
            raise RuntimeError(f"network use: {args!r}")

        socket.socket.connect = refuse
        socket.create_connection = refuse
        from rapidocr.utils.download_file import DownloadFile

        DownloadFile.run = classmethod(refuse)
        from reader.ocr import engine

        engine.warm_up()
        paths = engine.model_paths()
        assert all("rapidocr" in str(p) and p.is_file() for p in paths.values()), paths
        print("offline ok", sorted(p.name for p in paths.values()))
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", script, str(ROOT)], capture_output=True, text=True, timeout=100
    )
    assert done.returncode == 0, done.stderr
    assert "offline ok" in done.stdout


def test_lines_of_one_row_read_left_to_right() -> None:
    def line(text: str, x0: float, y0: float, height: float = 40) -> OcrLine:
        return OcrLine(text, (x0, y0, x0 + 200, y0 + height), 0.99)

    # a signature and, a few pixels lower on the tilted scan, the date right of it; then a body line
    shuffled = [
        line("正文", 100, 160),
        line("日期", 700, 106),
        line("署名", 100, 100),
        line("标题", 300, 20, 60),
    ]
    assert [ln.text for ln in reading_order(shuffled)] == ["标题", "署名", "日期", "正文"]
