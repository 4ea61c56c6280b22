"""Bundle benchmark (issue #7). Not a test: ``python bench/bench_bundle.py``.

Builds the one-folder app with ``build.spec`` (into a temporary folder), and reports its size
(floor: under 250 MB unpacked), the frozen ``--selftest`` (exit 0) and the frozen app's cold start
to the first painted window (floor 2 s), median of 5 fresh processes.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

SIZE_FLOOR_MB = 250
START_FLOOR_S = 2.0


def main() -> int:
    from bench_reader import cold_start

    work = Path(tempfile.mkdtemp(prefix="gongbao-bench-bundle-"))
    t0 = time.perf_counter()
    subprocess.run(
        [
            "pyinstaller",
            "--noconfirm",
            "--log-level",
            "WARN",
            "--distpath",
            str(work / "dist"),
            "--workpath",
            str(work / "build"),
            str(ROOT / "build.spec"),
        ],
        check=True,
        cwd=ROOT,
    )
    built = time.perf_counter() - t0
    app_dir = work / "dist" / "gongbao"
    exe = app_dir / ("gongbao.exe" if sys.platform == "win32" else "gongbao")
    # (links, on Linux, point at files counted once)
    size = sum(p.stat().st_size for p in app_dir.rglob("*") if p.is_file() and not p.is_symlink())
    print(f"pyinstaller build.spec: {built:.0f} s")
    print(f"bundle: {size / 1e6:.1f} MB ({size / 2**20:.1f} MiB) in {app_dir} (floor {SIZE_FLOOR_MB} MB)")
    selftest = subprocess.run([str(exe), "--selftest"], capture_output=True, text=True, encoding="utf-8")
    print(selftest.stdout.rstrip())
    print(f"--selftest exit code: {selftest.returncode}")
    starts = cold_start(work / "lib", runs=5, command=[str(exe)])
    print(
        "frozen start to first paint (5 runs): "
        + ", ".join(f"{s:.2f}" for s in starts)
        + f" s; median {statistics.median(starts):.2f} s (floor {START_FLOOR_S:.0f} s)"
    )
    fast = statistics.median(starts) <= START_FLOOR_S
    ok = selftest.returncode == 0 and size / 1e6 < SIZE_FLOOR_MB and fast
    print("PASS" if ok else "FAIL")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
