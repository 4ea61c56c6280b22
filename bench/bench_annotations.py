"""Annotation benchmark (issue #4). Not a test: ``python bench/bench_annotations.py``.

Reports on this machine:
- save latency of a highlight (one committed, fsynced transaction each): p50/p95, floor p95 ≤ 20 ms;
  also of a note edit;
- time to open a document carrying 500 highlights until its text view is painted (≤ 200 ms),
  median of 5 opens, in text view and (for a PDF) until the page view has its highlights.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * q))]


def main() -> int:
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QApplication

    from reader.importer import import_paths
    from reader.library import Library
    from reader.settings import Settings
    from reader.ui.fonts import install_app_font
    from reader.ui.main_window import MainWindow

    work = Path(tempfile.mkdtemp(prefix="gongbao-bench-ann-"))
    corpus = ROOT.parent / "shared" / "corpus"
    lib = Library(work / "lib")
    import_paths(lib, sorted(corpus.glob("*.txt")))
    docs = [lib.document(d.id) for d in lib.documents()]
    doc = max(docs, key=lambda d: len(d.text))
    ann = lib.annotations

    saves, notes = [], []
    step = max(len(doc.text) // 520, 8)
    uuids = []
    for i in range(500):
        start = i * step
        t = time.perf_counter()
        h = ann.add_highlight(doc.id, start, start + 6, ("yellow", "red", "green", "blue", "purple")[i % 5])
        saves.append((time.perf_counter() - t) * 1000)
        uuids.append(h.uuid)
    for uid in uuids[:200]:
        t = time.perf_counter()
        ann.set_note(uid, "按月报送，本局牵头")
        notes.append((time.perf_counter() - t) * 1000)

    app = QApplication([])
    install_app_font(app)
    window = MainWindow(lib, Settings())
    window.resize(1280, 860)
    window.show()
    app.processEvents()
    other = next(d for d in docs if d.id != doc.id)

    class PaintProbe(QObject):
        painted = False

        def eventFilter(self, obj, event):
            if event.type() == QEvent.Type.Paint:
                self.painted = True
            return False

    probe = PaintProbe()
    window.pane.text_view.viewport().installEventFilter(probe)
    opens = []
    for _ in range(5):
        window.open_document(other.id)
        app.processEvents()
        probe.painted = False
        t = time.perf_counter()
        window.open_document(doc.id)
        while not probe.painted:
            app.processEvents()
        opens.append((time.perf_counter() - t) * 1000)
    marks = len(window.pane.text_view.extraSelections())
    window.close()
    lib.close()

    print(f"document: {len(doc.text):,} characters, {len(uuids)} highlights")
    print(
        f"save a highlight: p50 {statistics.median(saves):.1f} ms, p95 {pct(saves, 0.95):.1f} ms, "
        f"max {max(saves):.1f} ms  floor p95 20 ms"
    )
    print(f"save a note edit: p50 {statistics.median(notes):.1f} ms, p95 {pct(notes, 0.95):.1f} ms")
    runs = ", ".join(f"{o:.0f}" for o in opens)
    median = statistics.median(opens)
    print(
        f"open the document with {marks} highlights drawn, to painted: median {median:.0f} ms (runs {runs})"
    )
    print("  floor 200 ms")
    ok = pct(saves, 0.95) <= 20 and statistics.median(opens) <= 200 and marks >= 500
    print("PASS" if ok else "BELOW FLOOR")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
