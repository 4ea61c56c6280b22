"""Working while the library indexes (issue #8). Not a test: ``python bench/bench_concurrency.py``.

Builds a library of N documents (default 10,000, from the shared corpus) with no index, opens
the real main window (offscreen), lets it index in the background, and meanwhile searches, opens
documents, highlights and edits notes every few hundred milliseconds, as a user would. A 10 ms
QTimer measures how long the GUI thread is ever kept from running (floor: longest stall
≤ 100 ms). Afterwards every highlight whose save returned must be in the library and no
"database is locked" (or any other) error may have reached the user.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--docs", type=int, default=10000)
    ap.add_argument("--seconds", type=float, default=240.0, help="stop after this long at the latest")
    args = ap.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from bench_search import build_library
    from PySide6.QtCore import QElapsedTimer, QTimer
    from PySide6.QtWidgets import QApplication

    from reader.library import Library
    from reader.search.indexer import queued
    from reader.settings import Settings
    from reader.ui.fonts import install_app_font
    from reader.ui.main_window import MainWindow

    work = Path(tempfile.mkdtemp(prefix="gongbao-bench-conc-"))
    os.environ["GONGBAO_CONFIG_DIR"] = str(work / "config")
    folder = work / "lib"
    count, mb = build_library(folder, args.docs)
    app = QApplication.instance() or QApplication([])
    install_app_font(app)
    lib = Library(folder)
    window = MainWindow(lib, Settings())
    window.show()
    ids = [d.id for d in lib.documents()]
    rng = random.Random(5)
    stalls: list[float] = []
    clock = QElapsedTimer()
    clock.start()
    last = [clock.elapsed()]

    def tick() -> None:
        now = clock.elapsed()
        stalls.append(now - last[0] - 10)
        last[0] = now

    probe = QTimer()
    probe.setInterval(10)
    probe.timeout.connect(tick)
    probe.start()
    saved: list[str] = []
    errors: list[str] = []
    queries = ["扶贫", "河长制", "乡村振兴", "钦政办〔2019〕5号", "营商环境", "规划 -审批", "应急预案"]

    slowest: list[tuple[float, str]] = []  # (ms, action): where a stall came from, if from us

    def act() -> None:
        step = rng.choice(["search", "open", "highlight", "note"])
        t0 = time.perf_counter()
        try:
            if step == "search":
                window.search_panel.edit.setText(rng.choice(queries))
            elif step == "open":
                window.open_document(rng.choice(ids))
            elif step == "highlight" and window.pane.doc is not None:
                doc = window.pane.doc
                start = rng.randrange(0, max(1, len(doc.text) - 20))
                h = window.annotations.add_highlight(doc.id, start, start + 8, "red")
                if h is not None:
                    saved.append(h.uuid)
            elif step == "note" and saved:
                window.annotations.set_note(rng.choice(saved), f"并发批注 {rng.random()}")
        except Exception as exc:  # anything a user would have seen as an error
            errors.append(f"{step}: {type(exc).__name__}: {exc}")
        slowest.append(((time.perf_counter() - t0) * 1000, step))
        if window.last_error:
            errors.append(window.last_error)
            window.last_error = ""

    actions = QTimer()
    actions.setInterval(250)
    actions.timeout.connect(act)
    actions.start()
    window.start_indexing()
    started = time.perf_counter()
    while time.perf_counter() - started < args.seconds:
        app.processEvents()
        time.sleep(0.002)
        if time.perf_counter() - started > 5 and not window.search.busy and queued(lib) == 0:
            break
    took = time.perf_counter() - started
    actions.stop()
    probe.stop()
    window.annotations_panel.flush()
    present = {h.uuid for h in lib.annotations.highlights()}
    lost = [u for u in saved if u not in present]
    remaining = queued(lib)
    window.close()
    lib.close()
    ordered = sorted(stalls)
    print(f"{count:,} documents, {mb:.0f} MB; indexing in the background for {took:.0f} s ({remaining} left)")
    print(f"actions: {len(saved)} highlights saved, searches/opens/notes in between")
    p99 = ordered[int(len(ordered) * 0.99)]
    print(
        f"GUI stalls (10 ms probe): longest {ordered[-1]:.0f} ms, p99 {p99:.0f} ms, "
        f"median {statistics.median(ordered):.0f} ms (floor longest 100 ms)"
    )
    print("slowest actions: " + ", ".join(f"{what} {ms:.0f} ms" for ms, what in sorted(slowest)[-3:][::-1]))
    print(f"errors shown: {len(errors)}" + (f" (first: {errors[0]})" if errors else ""))
    print(f"lost highlights: {len(lost)}")
    ok = ordered[-1] <= 100 and not errors and not lost
    print("PASS" if ok else "BELOW FLOOR")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
