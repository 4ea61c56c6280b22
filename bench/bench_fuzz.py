"""Import fuzzing benchmark (issue #8). Not a test: ``python bench/bench_fuzz.py [--inputs 1000]``.

Seeded mutations (byte flips, truncation, duplication) of a UTF-8 and a GB18030 gazette, a
generated gazette PDF and a few of ../shared/badinput's PDFs, imported one by one: each must
import or be refused with a category (损坏/加密/空文档/无文本层/编码可疑/超时 …), with no exception,
no hang past the PDF time limit, nothing half-imported, and the library intact at the end.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--inputs", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=2026)
    args = ap.parse_args()
    from tests.conftest import BADINPUT
    from tests.fuzz.mutate import run
    from tests.fuzz.test_fuzz import seed_files

    work = Path(tempfile.mkdtemp(prefix="gongbao-bench-fuzz-"))
    seeds = seed_files(work / "seeds")
    for kind in ("cjk", "malformed", "scanned"):
        seeds += sorted(p for p in (BADINPUT / "pdf" / kind).glob("*") if p.is_file())[:2]
    started = time.perf_counter()
    report = run(seeds, work, count=args.inputs, seed=args.seed, pdf_timeout=10.0)
    took = time.perf_counter() - started
    refused = ", ".join(f"{k} {n}" for k, n in sorted(report.refused.items()))
    print(
        f"{report.inputs} mutants of {len(seeds)} seed files in {took:.0f} s (slowest {report.slowest:.1f} s)"
    )
    print(f"imported {report.imported}; refused {sum(report.refused.values())}: {refused}")
    print(
        f"problems: {len(report.problems)}" + (f" (first: {report.problems[0]})" if report.problems else "")
    )
    ok = not report.problems and report.inputs == args.inputs
    print("PASS" if ok else "FAIL")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
