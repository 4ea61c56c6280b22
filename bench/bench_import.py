"""Parse and import throughput on the shared corpus replicated to ≥ 50 MB (issue #2).

Not a test: run ``python bench/bench_import.py [--mb 50]``. Each copy of a corpus issue is
varied (its year, issue number and 发文字号 sequences shifted) so that every file has its own
hash and is really imported, not skipped as already present. Floors: parse ≥ 5 MB/s,
import ≥ 2 MB/s on the 2-core reference machine.
"""

from __future__ import annotations

import argparse
import re
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reader.gazette import parse_gazette  # noqa: E402
from reader.importer import import_paths  # noqa: E402
from reader.library import Library  # noqa: E402


def variants(corpus: Path, target_bytes: int, out: Path) -> list[Path]:
    """Write varied copies of the corpus until ``target_bytes`` of UTF-8 text exist."""
    sources = [p.read_text(encoding="utf-8") for p in sorted(corpus.glob("*.txt"))]
    files, total, n = [], 0, 0
    while total < target_bytes:
        text = sources[n % len(sources)]
        shift = n // len(sources) + 1
        varied = re.sub(
            r"〕(\d+)(\s*)号", lambda m, k=shift: f"〕{int(m.group(1)) + k * 100}{m.group(2)}号", text
        )
        varied = varied.replace("总第", f"总第{shift}") + f"\n\n（第 {n} 份副本）\n"
        path = out / f"issue-{n:05d}.txt"
        data = varied.encode("utf-8")
        path.write_bytes(data)
        files.append(path)
        total += len(data)
        n += 1
    return files


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--mb", type=float, default=50.0, help="size of the replicated corpus in MB")
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    args = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix="gongbao-bench-"))
    try:
        src = work / "src"
        src.mkdir()
        files = variants(args.corpus, int(args.mb * 1_000_000), src)
        texts = [f.read_text(encoding="utf-8") for f in files]
        size_mb = sum(f.stat().st_size for f in files) / 1_000_000
        docs = 0
        t0 = time.perf_counter()
        for t, f in zip(texts, files, strict=True):
            docs += len(parse_gazette(t, f.name).documents)
        parse_s = time.perf_counter() - t0

        lib = Library(work / "lib")
        t0 = time.perf_counter()
        outcomes = import_paths(lib, [src])
        import_s = time.perf_counter() - t0
        failed = [o for o in outcomes if not o.ok]
        counts = lib.counts()
        lib.close()
        per_file = [len(t) for t in texts]
        median = statistics.median(per_file)
        print(f"corpus: {len(files)} files, {size_mb:.1f} MB UTF-8, median file {median:,.0f} chars")
        print(f"parse : {parse_s:6.2f} s  {size_mb / parse_s:6.2f} MB/s  ({docs} documents)  floor 5 MB/s")
        print(
            f"import: {import_s:6.2f} s  {size_mb / import_s:6.2f} MB/s  "
            f"({counts['issues']} issues, {counts['documents']} documents, {len(failed)} failed)"
            "  floor 2 MB/s"
        )
        ok = size_mb / parse_s >= 5 and size_mb / import_s >= 2 and not failed
        print("PASS" if ok else "BELOW FLOOR")
        return 0 if ok else 1
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
