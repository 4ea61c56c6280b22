"""Parse and import throughput on the shared corpus replicated to ≥ 50 MB (issues #2, #12).

Not a test: run ``python bench/bench_import.py [--mb 50] [--baseline REV]``. Each copy of a corpus
issue is its own issue (its year and issue number, its 发文字号 sequences shifted), so every file
is really imported as a new issue — not skipped as already present, nor taken as a corrected
version of another.

Parse speed is measured in child processes, this checkout's parser and (with ``--baseline``) the
parser of another commit taking turns on the same files, so a machine whose speed drifts during
the run slows both alike; the ratio is the figure to read. Floors: parse ≥ 8 MB/s and ≥ 1.5× the
baseline; import ≥ 2 MB/s, on the 2-core reference machine.

人事任免 records and tasks (issue #18) are read after the import, as the search index is built:
the import only queues its documents (triggers). The bench then reads the queue as the app's
indexing process does (``extracts.catch_up``) and prints that time beside the import's; the
import itself must not grow by more than 10 % for it: measured as the import of the same files
into a second library whose extraction triggers are dropped, in the same run.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reader.importer import import_paths  # noqa: E402
from reader.library import Library  # noqa: E402

PARSE_FLOOR, RATIO_FLOOR, IMPORT_FLOOR = 8.0, 1.5, 2.0
EXTRACT_CEILING = 0.10  # extraction's share of the import

# Runs in a child: parse every file once (after one warm-up file), print MB/s as JSON.
_CHILD = """
import json, sys, time
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from reader.gazette import parse_gazette
files = [Path(p) for p in sys.argv[2:]]
texts = [(f.name, f.read_text(encoding="utf-8")) for f in files]
parse_gazette(texts[0][1], texts[0][0])
size = sum(len(t.encode("utf-8")) for _, t in texts) / 1e6
docs = 0
t0 = time.perf_counter()
for name, t in texts:
    docs += len(parse_gazette(t, name).documents)
dt = time.perf_counter() - t0
print(json.dumps({"mb_s": size / dt, "seconds": dt, "documents": docs}))
"""


def variants(corpus: Path, target_bytes: int, out: Path) -> list[Path]:
    """Write distinct issues made from the corpus until ``target_bytes`` of UTF-8 text exist."""
    sources = [p.read_text(encoding="utf-8") for p in sorted(corpus.glob("*.txt"))]
    files, total, n = [], 0, 0
    while total < target_bytes:
        text = sources[n % len(sources)]
        shift = n // len(sources) + 1
        year, number = 1990 + n // 12, n % 12 + 1
        varied = re.sub(
            r"〕(\d+)(\s*)号", lambda m, k=shift: f"〕{int(m.group(1)) + k * 100}{m.group(2)}号", text
        )
        head, body = varied[:3000], varied[3000:]
        head = re.sub(r"第\s*\d{1,3}\s*期", f"第{number}期", head)
        head = re.sub(r"总第\s*\d{1,5}\s*期", f"总第{n + 1}期", head)
        head = re.sub(r"(?m)^(\s*#*\s*)(?:19|20)\d{2}(\s*)$", rf"\g<1>{year}\g<2>", head)
        head = re.sub(r"(?:19|20)\d{2}(\s*年\s*第)", rf"{year}\1", head)
        path = out / f"issue-{n:05d}.txt"
        data = (head + body + f"\n\n（第 {n} 份副本）\n").encode("utf-8")
        path.write_bytes(data)
        files.append(path)
        total += len(data)
        n += 1
    return files


def _checkout(rev: str, into: Path) -> Path:
    """The ``reader`` package of commit ``rev``, unpacked under ``into``."""
    into.mkdir(parents=True, exist_ok=True)
    archive = into / "rev.tar"
    with archive.open("wb") as fh:
        subprocess.run(["git", "-C", str(ROOT), "archive", rev, "reader"], stdout=fh, check=True)
    with tarfile.open(archive) as tar:
        tar.extractall(into, filter="data")
    return into


def _parse_speed(code_root: Path, files: list[Path]) -> dict:
    r = subprocess.run(
        [sys.executable, "-c", _CHILD, str(code_root), *map(str, files)],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(r.stdout.strip().splitlines()[-1])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--mb", type=float, default=50.0, help="size of the replicated corpus in MB")
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    ap.add_argument("--baseline", help="a commit whose parser runs beside this one (e.g. df678a9)")
    ap.add_argument("--rounds", type=int, default=3, help="turns each parser takes")
    args = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix="gongbao-bench-"))
    try:
        src = work / "src"
        src.mkdir()
        files = variants(args.corpus, int(args.mb * 1_000_000), src)
        size_mb = sum(f.stat().st_size for f in files) / 1_000_000
        median = statistics.median(f.stat().st_size for f in files)
        print(f"corpus: {len(files)} distinct issues, {size_mb:.1f} MB UTF-8, median file {median:,.0f} B")

        base_root = _checkout(args.baseline, work / "baseline") if args.baseline else None
        mine, base = [], []
        for _ in range(args.rounds):
            mine.append(_parse_speed(ROOT, files))
            if base_root is not None:
                base.append(_parse_speed(base_root, files))
        best = max(mine, key=lambda r: r["mb_s"])
        line = f"parse : {best['mb_s']:6.2f} MB/s  ({best['documents']} documents, best of {args.rounds})"
        ok = best["mb_s"] >= PARSE_FLOOR
        if base:
            b = max(base, key=lambda r: r["mb_s"])
            ratio = best["mb_s"] / b["mb_s"]
            line += f"  baseline {args.baseline}: {b['mb_s']:.2f} MB/s ({b['documents']} documents)"
            line += f"  ratio {ratio:.2f}x"
            ok = ok and ratio >= RATIO_FLOOR
        print(line + f"  floors {PARSE_FLOOR:g} MB/s" + (f", {RATIO_FLOOR:g}x" if base else ""))

        # the import with extraction queued and without (its triggers dropped), taking turns so
        # a drifting machine slows both alike; the best of each is compared
        timings: dict[str, list[float]] = {"with": [], "bare": []}
        outcomes, counts, extract_s = [], {}, 0.0
        for turn in range(2):
            for kind in ("bare", "with"):
                lib = Library(work / f"lib-{kind}-{turn}")
                if kind == "bare":
                    for trigger in ("extracts_ai", "extracts_au"):
                        lib.db.conn.execute(f"DROP TRIGGER {trigger}")
                t0 = time.perf_counter()
                result = import_paths(lib, [src])
                timings[kind].append(time.perf_counter() - t0)
                if kind == "with" and turn == 0:
                    outcomes, counts = result, lib.counts()
                    from reader.extracts.store import catch_up

                    t0 = time.perf_counter()
                    catch_up(lib.db)
                    extract_s = time.perf_counter() - t0
                lib.db.conn.close()
                shutil.rmtree(work / f"lib-{kind}-{turn}", ignore_errors=True)
        import_s, bare_s = min(timings["with"]), min(timings["bare"])
        failed = [o for o in outcomes if not o.ok]
        statuses = {s: sum(o.status == s for o in outcomes) for s in ("imported", "updated", "present")}
        print(
            f"import: {import_s:6.2f} s  {size_mb / import_s:6.2f} MB/s  ({counts['issues']} issues, "
            f"{counts['documents']} documents; {statuses}; {len(failed)} failed)  floor {IMPORT_FLOOR:g} MB/s"
        )
        ok = ok and size_mb / import_s >= IMPORT_FLOOR and not failed and counts["issues"] == len(files)
        share = import_s / bare_s - 1
        print(
            f"extract: import {import_s:.2f} s vs {bare_s:.2f} s with no extraction queued: "
            f"{share * 100:+.1f} % (ceiling {EXTRACT_CEILING * 100:g} %); reading the "
            f"{counts['documents']} documents' records and tasks afterwards: {extract_s:.2f} s "
            f"({extract_s / import_s * 100:.0f} % of the import's time, beside the indexing)"
        )
        ok = ok and share <= EXTRACT_CEILING
        print("PASS" if ok else "BELOW FLOOR")
        return 0 if ok else 1
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
