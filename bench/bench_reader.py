"""Reading-pane benchmark (issue #3). Not a test: ``python bench/bench_reader.py``.

Reports, on this machine (offscreen Qt):
- cold start to first painted window (floor ≤ 1.5 s), median of 3 fresh processes;
- open a 300-page PDF to its first page painted (≤ 300 ms), render process already warm;
- render one page at 150 % (≤ 80 ms median), round trip through the render process;
- longest GUI-thread stall while scrolling through all 300 pages (≤ 50 ms), by a 5 ms QTimer probe;
- peak memory (GUI process + render process).
"""

from __future__ import annotations

import contextlib
import itertools
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def cold_start(library: Path, runs: int = 3, command: list[str] | None = None) -> list[float]:
    """Seconds from process start to the window's first paint (``command``: the app to start)."""
    env = dict(os.environ, GONGBAO_EXIT_AFTER_PAINT="1")
    out = []
    for _ in range(runs):
        t0 = time.time()
        p = subprocess.run(
            [*(command or [sys.executable, "-m", "reader"]), "--library", str(library), "--no-welcome"],
            capture_output=True,
            text=True,
            env=env,
            cwd=tempfile.gettempdir(),
            timeout=60,
        )
        line = next((ln for ln in p.stdout.splitlines() if ln.startswith("FIRST_PAINT")), None)
        if line is None:
            raise RuntimeError(p.stdout + p.stderr)
        out.append(float(line.split()[1]) - t0)
    return out


def main() -> int:
    import psutil
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from reader.importer import import_paths
    from reader.library import Library
    from reader.settings import Settings
    from reader.ui.fonts import install_app_font
    from reader.ui.main_window import MainWindow
    from tests.helpers.pdfgen import gazette_pdf

    work = Path(tempfile.mkdtemp(prefix="gongbao-bench-reader-"))
    corpus = ROOT.parent / "shared" / "corpus"
    text = "\n".join(p.read_text(encoding="utf-8") for p in sorted(corpus.glob("*.txt")))
    pdf = work / "300页公报.pdf"
    pages = gazette_pdf(text, pdf, header="钦州市人民政府公报", min_pages=300, max_pages=300)
    lib_dir = work / "lib"
    with Library(lib_dir) as lib:
        outcome = import_paths(lib, [pdf, corpus / "qinzhou-2019-01.txt"])[0]
        assert outcome.status == "imported", outcome

    starts = cold_start(lib_dir)

    app = QApplication([])
    install_app_font(app)
    lib = Library(lib_dir)
    window = MainWindow(lib, Settings())
    window.resize(1280, 860)
    window.show()
    renderer = window.renderer
    proc = psutil.Process()
    peak = {"rss": 0}

    def sample_memory() -> None:
        rss = proc.memory_info().rss
        if renderer.pid:
            with contextlib.suppress(psutil.Error):
                rss += psutil.Process(renderer.pid).memory_info().rss
        peak["rss"] = max(peak["rss"], rss)

    mem_timer = QTimer(interval=100)
    mem_timer.timeout.connect(sample_memory)
    mem_timer.start()

    def wait(cond, timeout: float = 30.0) -> None:
        t = time.perf_counter()
        while not cond():
            app.processEvents()
            time.sleep(0.001)
            if time.perf_counter() - t > timeout:
                raise TimeoutError

    # let the render process finish starting (it is started with the window, in the background)
    wait(lambda: renderer.pid is not None)
    time.sleep(1.0)
    app.processEvents()

    view = window.pane.page_view
    doc_id = lib.documents(issue_id=outcome.issue_id)[0].id
    painted = {"t": None}

    def first_page_painted() -> bool:
        vis = view.visible_pages()
        return bool(vis) and renderer.image(vis[0], view.render_scale(), view.theme) is not None

    t0 = time.perf_counter()
    window.open_document(doc_id)
    window.pane.set_view("page")
    wait(first_page_painted)
    view.viewport().repaint()
    painted["t"] = time.perf_counter() - t0

    # render one page at 150 %: cold pages, one at a time, through the real request path
    view.set_zoom(1.5)
    wait(first_page_painted)
    scale = view.render_scale()
    times = []
    for page in range(20, 60, 2):
        t = time.perf_counter()
        renderer.want([page], scale, view.theme)
        wait(lambda p=page: renderer.image(p, scale, view.theme) is not None)
        times.append((time.perf_counter() - t) * 1000)

    # scroll through all pages while a 5 ms timer measures how late the GUI thread gets to it
    view.set_fit("width")
    wait(first_page_painted)
    ticks: list[float] = []
    probe = QTimer(interval=5)
    probe.timeout.connect(lambda: ticks.append(time.perf_counter()))
    probe.start()
    bar = view.verticalScrollBar()
    step = max(1, bar.pageStep() // 3)
    t_scroll = time.perf_counter()
    value = 0
    while value < bar.maximum():
        value = min(value + step, bar.maximum())
        bar.setValue(value)
        end = time.perf_counter() + 0.016  # one frame per step, as a flick of the wheel would
        while time.perf_counter() < end:
            app.processEvents()
            time.sleep(0.001)
    scroll_s = time.perf_counter() - t_scroll
    probe.stop()
    gaps = [(b - a) * 1000 for a, b in itertools.pairwise(ticks)]
    sample_memory()
    window.close()
    lib.close()

    cold = statistics.median(starts)
    print(f"PDF: {pages} pages, {pdf.stat().st_size / 1e6:.1f} MB")
    runs = ", ".join(f"{s:.2f}" for s in starts)
    print(f"cold start to first paint: median {cold:.2f} s  (runs {runs})  floor 1.5 s")
    print(f"open {pages}-page PDF to first page painted: {painted['t'] * 1000:.0f} ms  floor 300 ms")
    print(
        f"render one page at 150%: median {statistics.median(times):.1f} ms, "
        f"p95 {sorted(times)[int(len(times) * 0.95) - 1]:.1f} ms  floor 80 ms (median)"
    )
    print(
        f"scroll through {pages} pages in {scroll_s:.1f} s: longest GUI stall {max(gaps):.1f} ms, "
        f"p99 {sorted(gaps)[int(len(gaps) * 0.99)]:.1f} ms  floor 50 ms"
    )
    print(f"peak memory (GUI + render process): {peak['rss'] / 1e6:.0f} MB")
    ok = cold <= 1.5 and painted["t"] <= 0.3 and statistics.median(times) <= 80 and max(gaps) <= 50
    print("PASS" if ok else "BELOW FLOOR")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
