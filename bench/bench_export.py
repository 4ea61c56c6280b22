"""Export benchmark (issue #6). Not a test: ``python bench/bench_export.py [--highlights 1000]``.

Builds a library from the shared corpus, puts N highlights with notes and tags across its
documents, and times exporting all of them to Word (floor ≤ 3 s for 1,000), plus the other
formats for reference.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--highlights", type=int, default=1000)
    args = ap.parse_args()
    from reader.export import Scope, export
    from reader.importer import import_paths
    from reader.library import Library

    work = Path(tempfile.mkdtemp(prefix="gongbao-bench-export-"))
    lib = Library(work / "lib")
    import_paths(lib, [ROOT.parent / "shared" / "corpus"])
    docs = [(d.id, lib.document(d.id).text) for d in lib.documents()]
    docs = [(i, t) for i, t in docs if len(t) > 400]
    colours = ["yellow", "red", "green", "blue", "purple"]
    for n in range(args.highlights):
        doc_id, text = docs[n % len(docs)]
        start = (n * 37) % (len(text) - 60)
        while not text[start].strip():
            start += 1
        lib.annotations.add_highlight(
            doc_id,
            start,
            start + 20 + n % 30,
            colours[n % 5],
            note=f"第{n}条批注：请相关科室跟进落实。",
            tags=["督办"],
        )
    print(f"{args.highlights} highlights in {min(len(docs), args.highlights)} documents")
    ok = True
    for fmt in ("docx", "md", "html", "csv", "json", "pdf"):
        times = []
        for run in range(3 if fmt == "docx" else 1):
            t = time.perf_counter()
            report = export(lib, Scope(everything=True), fmt, work / f"out{run}.{fmt}")
            times.append(time.perf_counter() - t)
        size = (work / f"out0.{fmt}").stat().st_size / 1e6
        median = statistics.median(times)
        line = f"  {fmt:5s} median {median:.2f} s  ({report.highlights} highlights, {size:.1f} MB)"
        if fmt == "docx":
            line += "  floor 3 s"
            ok = statistics.median(times) <= 3.0
        print(line)
    lib.close()
    print("PASS" if ok else "BELOW FLOOR")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
