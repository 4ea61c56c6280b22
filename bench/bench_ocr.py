"""OCR accuracy and speed on scanned gazette pages whose text is known (the ``[ocr]`` add-on).

Not a test: run ``python bench/bench_ocr.py [--pages 4]`` with the ``[ocr]`` extra installed.
Real 公文 from the shared corpus are typeset as gazettes, each page rendered at 200 dpi and
degraded like a scan (a tilt of 0.5–1.5°, blur, grey noise, JPEG), then read by the OCR child
(:class:`reader.ocr.OcrChild`, the process the app uses, under its memory limit) one page after
another; pages are taken from each corpus issue in turn. Everything is drawn from a fixed seed,
so two runs see the same images.

The score is the character error rate: the Levenshtein distance between the page's printed
text (its PDF text layer) and the OCR lines joined in reading order, both NFKC-normalised with
whitespace removed, over the printed text's length. Floor: CER ≤ 3 % over all pages. Also
printed: seconds per page (the model load apart), and the child's peak memory.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reader.ocr import OcrChild, available  # noqa: E402
from tests.helpers.scan import edit_distance, normalise, prose_lines, scan_png, typeset  # noqa: E402

CER_FLOOR = 0.03
SEED = 20240611
HEADER = "钦州市人民政府公报"


def _mb(n: int) -> str:
    return f"{n / (1 << 20):,.0f} MB"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pages", type=int, default=4, help="pages to OCR (default 4, a couple of minutes)")
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    ap.add_argument("--timeout", type=float, default=120.0, help="seconds one page may take")
    args = ap.parse_args()
    sys.stdout.reconfigure(line_buffering=True)  # a page's figures as it is read, even piped
    if not available():
        print("the OCR add-on is not installed: pip install rapidocr onnxruntime (the [ocr] extra)")
        return 1
    sources = sorted(args.corpus.glob("*.txt"))
    if not sources:
        print(f"no corpus at {args.corpus}")
        return 1
    per_source = -(-args.pages // len(sources))
    with tempfile.TemporaryDirectory(prefix="gongbao-bench-ocr-") as tmp:
        pdfs: list[tuple[Path, list[str]]] = []
        for src in sources:
            pdf = Path(tmp) / f"{src.stem}.pdf"
            # a page holds at most 26 lines: that many paragraphs a page fill the pages read
            lines = prose_lines(src.read_text(encoding="utf-8"))[: 26 * per_source + 1]
            texts = typeset(lines, pdf, HEADER, max_pages=per_source)
            pdfs.append((pdf, texts))
        # page k of every issue before page k + 1 of any: every issue is read
        order = [(s, k) for k in range(per_source) for s in range(len(pdfs)) if k < len(pdfs[s][1])]
        order = order[: args.pages]
        print(
            f"{len(order)} pages of {len(sources)} corpus issues, typeset, scanned at 200 dpi (seed {SEED})"
        )

        errors = chars = 0
        seconds: list[float] = []
        with OcrChild() as ocr:
            t0 = time.perf_counter()
            ocr.start()
            load_s = time.perf_counter() - t0
            print(f"child started, models loaded in {load_s:.1f} s (memory limit {ocr.memory_mb} MB)")
            for n, (s, k) in enumerate(order):
                pdf, texts = pdfs[s]
                png = scan_png(pdf, k, seed=SEED + n)
                t0 = time.perf_counter()
                lines = ocr.recognise(png, timeout=args.timeout)
                seconds.append(time.perf_counter() - t0)
                ref, hyp = normalise(texts[k]), normalise("".join(line.text for line in lines))
                dist = edit_distance(ref, hyp)
                errors, chars = errors + dist, chars + len(ref)
                print(
                    f"  {pdf.stem} p.{k + 1}: CER {dist / max(1, len(ref)) * 100:5.2f} %  "
                    f"({dist} / {len(ref)} characters, {len(lines)} lines)  {seconds[-1]:5.1f} s"
                )
            peak = ocr.memory_peak()
    rate = errors / max(1, chars)
    ok = rate <= CER_FLOOR
    print(f"CER {rate * 100:.1f} % over {len(order)} pages (floor {CER_FLOOR * 100:g} %)")
    mean = sum(seconds) / len(seconds)
    print(
        f"seconds per page: {mean:.1f} (min {min(seconds):.1f}, max {max(seconds):.1f}); "
        f"model load {load_s:.1f} s"
    )
    try:
        import resource

        maxrss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss << 10  # KB on Linux
    except ImportError:  # Windows
        maxrss = 0
    if peak:
        print(
            f"child peak memory: {_mb(peak.get('VmHWM', 0))} resident, {_mb(peak.get('VmPeak', 0))} "
            f"address space (limit {ocr.memory_mb} MB); ru_maxrss of children {_mb(maxrss)}"
        )
    else:
        print(f"child peak memory: ru_maxrss of children {_mb(maxrss)}")
    print("PASS" if ok else "BELOW FLOOR")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
