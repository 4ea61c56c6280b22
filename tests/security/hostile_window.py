"""Run as a script: a window fed markup payloads through every path that shows user data.

``python -m tests.security.hostile_window LIBRARY FIFO`` builds a library whose titles, numbers,
quotes, notes, tags and file names carry ``<img src=FIFO>`` and ``<img src=/dev/zero>``, opens a
window on it, sends the payloads through errors, notices, the import report, links, tooltips and
labels, renders every one of them (as hovering would) and exits 0. If Qt took any of them for
HTML it would read the FIFO (and hang) or /dev/zero (until the memory limit kills it).
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def payloads(fifo: str) -> list[str]:
    return [
        f'<img src="{fifo}">',
        "<img src=/dev/zero>",
        f"<p><img src={fifo}></p>",
        "<b>粗体</b>&#47;&lt;",
        "x" * 200_000,  # long strings are shortened before any widget lays them out
    ]


def _spin(app, done, seconds: float) -> None:
    """Let the event loop run until ``done()`` (queued signals from worker threads arrive)."""
    deadline = time.monotonic() + seconds
    while not done() and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.005)


def main(folder: str, fifo: str) -> int:
    from PySide6.QtCore import QPoint
    from PySide6.QtGui import QAction, QStandardItemModel
    from PySide6.QtWidgets import QApplication, QLabel, QListWidget, QMessageBox, QToolTip, QTreeWidget

    from reader.importer import import_file
    from reader.library import Library
    from reader.settings import Settings
    from reader.ui.main_window import MainWindow

    app = QApplication([])
    bad = payloads(fifo)
    lib = Library(Path(folder))
    src = Path(folder).parent / "src"
    src.mkdir(exist_ok=True)
    # a document whose title, number line and body carry the payloads; a file named like one
    text = "示例市人民政府公报\n2020年第1期\n" + "".join(
        f"示例市人民政府关于{p[:60]}的通知\n示政发〔2020〕{k + 1}号\n各县区人民政府：\n现将{p[:80]}通知如下。\n示例市人民政府\n2020年1月2日\n"
        for k, p in enumerate(bad)
    )
    name = "<img src=&#47;dev&#47;zero>.txt"
    (src / name).write_text(text, encoding="utf-8")
    (src / "<b>坏&#47;b>.pdf").write_bytes(b"%PDF-1.4 broken")
    import_file(lib, src / name)
    w = MainWindow(lib, Settings())
    w.show()
    docs = lib.documents()
    for d in docs:
        doc = lib.document(d.id)
        start = doc.text.index("现将")
        h = lib.annotations.add_highlight(d.id, start, start + 10, "red", note=bad[d.id % len(bad)][:5000])
        lib.annotations.tag_highlight(h.uuid, [p[:40] for p in bad[:4]])
        lib.annotations.tag_document(d.id, [p[:40] for p in bad[:4]])
    w.refresh()
    for d in docs:
        w.open_document(d.id)
    app.processEvents()
    # the paths of the finding: errors, notices, the import report, links, the browser, search
    for p in bad:
        w.show_error(p)
        w.tell(p)
        w.open_link(p)
    w.imports.start([str(src / "<b>坏&#47;b>.pdf"), str(src / "missing <img src=/dev/zero>.txt")])
    _spin(app, lambda: not w.imports.running(), 60)
    browser = w.annotating.open_browser()
    app.processEvents()
    w.start_indexing()
    _spin(app, lambda: w.search.index_ready(), 30) if hasattr(w.search, "index_ready") else None
    w.search_panel.edit.setText("通知")
    w.search_panel.run()
    _spin(app, lambda: w.search_panel.last_results is not None, 30)
    # render everything as the user would see it: every label, box and tooltip
    tips: list[str] = []
    for model in w.findChildren(QStandardItemModel):
        for r in range(model.rowCount()):
            item = model.item(r)
            tips.append(item.toolTip())
            tips += [item.child(k).toolTip() for k in range(item.rowCount())]
    for tree in w.findChildren(QTreeWidget):
        for k in range(tree.topLevelItemCount()):
            tips.append(tree.topLevelItem(k).toolTip(0))
    for act in w.findChildren(QAction):
        tips.append(act.toolTip())
    for lst in [*w.findChildren(QListWidget), *browser.findChildren(QListWidget)]:
        tips += [lst.item(k).toolTip() for k in range(lst.count())]
    for tip in tips:
        if tip:
            QToolTip.showText(QPoint(20, 20), tip, w)
            app.processEvents()
    for widget in [*w.findChildren(QLabel), *w.findChildren(QMessageBox), *browser.findChildren(QLabel)]:
        widget.grab()
    app.processEvents()
    w.close()
    lib.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
