"""The crash harness's workload through the app itself: the real start, window and controllers.

``python -m tests.crash.app_workload LIBRARY JOURNAL SEED FILE...`` starts the desktop app
headless (``QT_QPA_PLATFORM=offscreen``) exactly as a user starts it (:func:`reader.app.main`:
lock, integrity check, unclean-shutdown marker, daily backup, background indexer) and, from a
timer in its event loop, does what a user does, as fast as the app takes it: batch imports in
the background, opening documents, searching, highlights made, noted, tagged and deleted through
the undo-stack controller the menus use, metadata edits, splits and merges, documents removed to
the 回收站 and restored, issues re-split in the background, re-indexing, backups from File → Backups,
tasks of the 待办 marked done.

Journal lines are those of :mod:`tests.crash.workload`: one after each save *returned*
(``pending`` before an edit that may or may not land if the kill comes in between).
"""

from __future__ import annotations

import json
import os
import random
import sys
from pathlib import Path

OPS = [
    *["import", "add", "add", "add", "note", "note", "delete", "tag", "open", "search", "index", "backup"],
    *["edit", "edit", "split", "merge", "remove", "restore", "reparse", "done"],
]


def main(argv: list[str]) -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from reader.app import main as app_main
    from reader.ui.main_window import MainWindow

    folder, journal_path, seed, files = Path(argv[0]), Path(argv[1]), int(argv[2]), argv[3:]
    rng = random.Random(seed)
    journal = open(journal_path, "a", encoding="utf-8")  # noqa: SIM115

    def note(entry: dict) -> None:
        journal.write(json.dumps(entry, ensure_ascii=False) + "\n")
        journal.flush()  # in the OS once written: a killed process loses nothing written

    app = QApplication([sys.argv[0]])
    state: dict = {"window": None, "mine": [], "errors": [], "dialog": None}

    def step() -> None:
        window = state["window"]
        if window is None:
            found = [w for w in app.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
            if not found:
                return  # still starting
            window = state["window"] = found[0]
            window.annotations.error.connect(state["errors"].append)
            window.documents.error.connect(state["errors"].append)
            state["mine"] = [h.uuid for h in window.library.annotations.highlights()]
            note({"op": "open"})  # the library is open: from here a kill is an unclean shutdown
        act(window, rng.choice(OPS))

    def saved(before: int) -> bool:
        """Did the controller's last edit land? (it reports failures instead of raising)"""
        return len(state["errors"]) == before

    def act(w: MainWindow, op: str) -> None:
        mine: list[str] = state["mine"]
        ann = w.annotations
        errors = len(state["errors"])
        docs = [d for d in w.library.documents() if d.id]
        if op == "import" and not w.imports.running():
            w.imports.start([rng.choice(files), rng.choice(files)])
        elif op == "open" and docs:
            w.open_document(rng.choice(docs).id)
        elif op == "search":
            w.search.search(rng.choice(["通知", "实施方案", "钦州", "人民政府 -办法"]))
        elif op == "add" and docs:
            doc = w.library.document(rng.choice(docs).id)
            if len(doc.text) < 20:
                return
            start = rng.randrange(0, len(doc.text) - 10)
            h = ann.add_highlight(doc.id, start, start + rng.randint(2, 9), rng.choice(["red", "yellow"]))
            if h is not None:
                mine.append(h.uuid)
                note({"op": "add", "uuid": h.uuid, "note": ""})
        elif op == "note" and mine:
            entry = {"op": "note", "uuid": rng.choice(mine), "note": f"批注 {seed}-{rng.random()}\n- 第二行"}
            note({**entry, "pending": True})
            ann.set_note(entry["uuid"], entry["note"])
            if saved(errors):
                note(entry)
        elif op == "delete" and mine:
            uid = mine.pop(rng.randrange(len(mine)))
            note({"op": "delete", "uuid": uid, "pending": True})
            ann.delete_highlight(uid)
            if saved(errors):
                note({"op": "delete", "uuid": uid})
        elif op == "tag" and mine:
            uid = rng.choice(mine)
            tag = rng.choice(["督办", "重点", "待办"])
            tags = sorted({*w.library.annotations.highlight(uid).tags, tag})
            note({"op": "tag", "uuid": uid, "tag": tag, "pending": True})
            ann.set_highlight_tags(uid, tags)
            if saved(errors):
                note({"op": "tag", "uuid": uid, "tag": tag})
        elif op == "edit" and docs:
            doc = rng.choice(docs)
            field = rng.choice(["date", "title", "issuer"])
            value = f"20{rng.randint(10, 24)}-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}"
            if field != "date":
                value = f"{'改后的标题' if field == 'title' else '改后的机关'}{seed}-{rng.randrange(10**6)}"
            entry = {"op": "edit", "doc": doc.id, "field": field, "value": value}
            note({**entry, "pending": True})
            if w.documents.edit(doc.id, {field: value}) is not None and saved(errors):
                note(entry)
        elif op == "split" and docs:
            doc = w.library.document(rng.choice(docs).id)
            starts = [i + 1 for i, ch in enumerate(doc.text[:-1]) if ch == "\n"]
            if not starts:
                return
            note({"op": "split", "doc": doc.id, "pending": True})
            result = w.documents.split(doc.id, rng.choice(starts))
            if result is not None and saved(errors):
                note({"op": "split", "doc": doc.id, "new": result.new_document_id})
        elif op == "merge" and docs:
            doc = rng.choice(docs)
            note({"op": "merge", "doc": doc.id, "pending": True})
            result = w.documents.merge(doc.id)
            if result is not None and saved(errors):
                note({"op": "merge", "doc": doc.id, "into": result.document_id})
        elif op == "remove" and len(docs) > 3:
            doc = rng.choice(docs)
            note({"op": "remove", "doc": doc.id, "pending": True})
            if w.trashing.remove([], [doc.id]):
                entry = max(e.id for e in w.library.trash.entries())
                note({"op": "remove", "doc": doc.id, "entry": entry})
        elif op == "restore":
            entries = w.library.trash.entries()
            if entries:
                e = rng.choice(entries)
                note({"op": "restore", "entry": e.id, "pending": True})
                if w.trashing.restore([e.id]):
                    note({"op": "restore", "entry": e.id})
        elif op == "reparse" and docs and w.reparse.task is None:
            w.reparse.start([rng.choice(docs).issue_id])  # the rules are replayed over a fresh split
        elif op == "done":  # a task of the 待办 marked done: the user's own, committed at once
            tasks = w.library.extracts.tasks(state="open")
            if tasks:
                key = rng.choice(tasks).id
                note({"op": "done", "key": key, "pending": True})
                if w.library.extracts.set_done(key) is not None:
                    note({"op": "done", "key": key})
        elif op == "index":
            w.start_indexing()
        elif op == "backup":
            dialog = state["dialog"]
            if dialog is None:
                dialog = state["dialog"] = w.backups.open_dialog()
            if dialog.job is None:
                dialog.back_up_now()

    timer = QTimer()
    timer.timeout.connect(step)
    timer.start(20)
    return app_main(["--library", str(folder), "--no-welcome", "--lang", "en"])


if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("GONGBAO_CONFIG_DIR", str(Path(sys.argv[1]).parent / "config"))
    sys.exit(main(sys.argv[1:]))
