"""Crash-consistency benchmark (issue #8). Not a test: ``python bench/bench_crash.py [--kills 1000]``.

Starts the app headless with the workload of ``tests/crash`` (imports incl. hostile PDFs,
indexing, reading, searching, highlight create/edit/delete, tag edits, metadata edits, splits,
merges, removals to the 回收站 and restores, background re-splits, backups; ``--workload core``
drives the core alone) and SIGKILLs it at random moments, N times, checking
after each kill that every save that had returned is there (every correction too, and that
replaying the corrections over a fresh parse gives the library's documents), the database passes
``integrity_check``, no document is visible without its text, the index opens or rebuilds, and
no debris is left. Floor: 0 losses.
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
    ap.add_argument("--kills", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=2026)
    ap.add_argument(
        "--workload", choices=["app", "core"], default="app", help="the headless app, or the core only"
    )
    args = ap.parse_args()
    from tests.crash.harness import APP, CORE, run
    from tests.crash.test_crash import workload_files

    work = Path(tempfile.mkdtemp(prefix="gongbao-bench-crash-"))
    started = time.perf_counter()

    def progress(o) -> None:
        if o.kills % 50 == 0:
            print(
                f"  {o.kills} kills, {o.checked_highlights} highlight checks, "
                f"{o.checked_corrections} correction checks, {len(o.losses)} losses",
                flush=True,
            )

    outcome = run(
        work,
        workload_files(work),
        kills=args.kills,
        seed=args.seed,
        max_delay=1.5,
        progress=progress,
        workload=APP if args.workload == "app" else CORE,
    )
    took = time.perf_counter() - started
    print(f"kills: {outcome.kills} in {took / 60:.1f} min")
    print(f"highlights checked after kills: {outcome.checked_highlights}")
    print(f"corrections checked after kills: {outcome.checked_corrections}")
    print(f"losses: {len(outcome.losses)}" + (f" (first: {outcome.losses[0]})" if outcome.losses else ""))
    ok = not outcome.losses and outcome.kills == args.kills
    print("PASS" if ok else "FAIL")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
