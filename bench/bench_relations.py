"""Relations benchmark (issue #17). Not a test: ``python bench/bench_relations.py [--docs 100000]``.

Builds the search bench's library of N documents (the shared corpus cut and varied), then
measures, in the same run:

* reading every document's text from SQLite (the baseline the rest is a ratio of);
* reading every document's relations again and resolving them (``rebuild``, one transaction):
  floor ≤ 30 s at 100,000 documents;
* every document's validity today (``statuses``, what the 仅现行有效 filter and the column use);
* opening one document's 关联 (``of`` + ``validity``) for 300 documents: floor p95 ≤ 20 ms.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.bench_search import build_library  # noqa: E402


def run(n: int, work: Path) -> dict:
    from reader.library import Library
    from reader.library.db import transaction
    from reader.relations.store import rebuild

    folder = work / f"lib{n}"
    t0 = time.perf_counter()
    build_library(folder, n)
    built = time.perf_counter() - t0
    lib = Library(folder)
    conn = lib.db.conn
    t0 = time.perf_counter()
    chars = sum(len(t) for (t,) in conn.execute("SELECT text FROM documents"))
    baseline = time.perf_counter() - t0
    t0 = time.perf_counter()
    with transaction(lib.db) as c:
        settled = rebuild(c)
    rebuilt = time.perf_counter() - t0
    t0 = time.perf_counter()
    statuses = lib.relations.statuses()
    status_s = time.perf_counter() - t0
    ids = [r[0] for r in conn.execute("SELECT id FROM documents")]
    rng = random.Random(7)
    sample = rng.sample(ids, min(300, len(ids)))
    timings = []
    for doc_id in sample:
        t0 = time.perf_counter()
        lib.relations.of(doc_id)
        lib.relations.validity(doc_id)
        timings.append((time.perf_counter() - t0) * 1000)
    timings.sort()
    counts = dict(conn.execute("SELECT kind, count(*) FROM relations GROUP BY kind").fetchall())
    resolved = conn.execute("SELECT count(*) FROM relations WHERE target_id IS NOT NULL").fetchone()[0]
    lib.close()
    return {
        "documents": n,
        "settled": settled,
        "build_s": built,
        "baseline_read_s": baseline,
        "text_mb": chars * 3 / 1e6,
        "rebuild_s": rebuilt,
        "rebuild_ratio": rebuilt / baseline if baseline else float("nan"),
        "statuses_s": status_s,
        "in_force": sum(s in ("valid", "amended") for s in statuses.values()),
        "relations": counts,
        "resolved": resolved,
        "open_p50_ms": statistics.median(timings),
        "open_p95_ms": timings[int(len(timings) * 0.95) - 1],
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--docs", type=int, nargs="+", default=[100_000])
    args = ap.parse_args()
    ok = True
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.docs:
            r = run(n, Path(tmp))
            print(
                f"{r['documents']:>7} docs ({r['text_mb']:.0f} MB of text, built in {r['build_s']:.0f} s): "
                f"rebuild {r['rebuild_s']:.1f} s = {r['rebuild_ratio']:.0f}× reading the texts "
                f"({r['baseline_read_s']:.2f} s); validity of all {r['statuses_s']:.2f} s "
                f"({r['in_force']} in force); "
                f"open 关联 p50 {r['open_p50_ms']:.1f} ms, p95 {r['open_p95_ms']:.1f} ms"
            )
            print(f"         relations {r['relations']}, resolved {r['resolved']}")
            if n >= 100_000:
                ok &= r["rebuild_s"] + r["statuses_s"] <= 30 and r["open_p95_ms"] <= 20
            else:
                ok &= r["open_p95_ms"] <= 20
    print("PASS" if ok else "FAIL")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
