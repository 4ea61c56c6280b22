"""What the crash harness kills: the app's writes, in a loop, as fast as they come.

``python -m tests.crash.workload LIBRARY JOURNAL SEED FILE...`` imports the given files, makes,
edits, tags and deletes highlights, edits, splits and merges documents, removes them to the 回收站
and restores them, indexes, and backs up, in a random order. After each
annotation call *returns* (committed), one line goes to JOURNAL: the harness then knows what
must survive a kill at any later moment.
"""

from __future__ import annotations

import json
import os
import random
import sys
from pathlib import Path

OPS = [
    *["import", "add", "add", "add", "note", "note", "delete", "tag", "index", "backup"],
    *["edit", "split", "merge", "remove", "restore", "done"],
]


def main(argv: list[str]) -> int:
    from reader.errors import ReaderError
    from reader.importer import import_paths
    from reader.library import Library
    from reader.library.backup import make_backup, mark_open
    from reader.library.lock import LibraryLock
    from reader.search.analysis import init_jieba
    from reader.search.index import SearchIndex
    from reader.search.indexer import ensure_index, index_folder, process_queue

    folder, journal_path, seed, files = Path(argv[0]), Path(argv[1]), int(argv[2]), argv[3:]
    rng = random.Random(seed)
    lock = LibraryLock(folder)
    assert lock.acquire()
    journal = open(journal_path, "a", encoding="utf-8")  # noqa: SIM115

    def note(entry: dict) -> None:
        journal.write(json.dumps(entry, ensure_ascii=False) + "\n")
        journal.flush()  # in the OS once written: a killed process loses nothing written

    mark_open(folder)  # before the database is touched, as the app does
    lib = Library(folder)
    init_jieba(folder.parent / "cache")

    note({"op": "open"})  # the harness expects an unclean shutdown to be noticed from here on
    index = SearchIndex(index_folder(lib))
    ensure_index(lib, index)
    mine: list[str] = [h.uuid for h in lib.annotations.highlights()]
    while True:
        op = rng.choice(OPS)
        try:
            if op == "import":
                import_paths(lib, [rng.choice(files)])
            elif op == "add":
                docs = [d for d in lib.documents() if d.id]
                if not docs:
                    continue
                doc = lib.document(rng.choice(docs).id)
                if len(doc.text) < 20:
                    continue
                start = rng.randrange(0, len(doc.text) - 10)
                h = lib.annotations.add_highlight(
                    doc.id, start, start + rng.randint(2, 9), "red", note=f"n{seed}-{rng.random()}"
                )
                mine.append(h.uuid)
                note({"op": "add", "uuid": h.uuid, "note": h.note})
            elif op == "note" and mine:
                uid = rng.choice(mine)
                entry = {"op": "note", "uuid": uid, "note": f"edit-{seed}-{rng.random()}\n- 第二行"}
                note({**entry, "pending": True})  # killed after the commit but before "done": either
                lib.annotations.set_note(uid, entry["note"])  # value is right, nothing else is
                note(entry)
            elif op == "delete" and mine:
                uid = mine.pop(rng.randrange(len(mine)))
                note({"op": "delete", "uuid": uid, "pending": True})
                lib.annotations.delete(uid)
                note({"op": "delete", "uuid": uid})
            elif op == "tag" and mine:
                entry = {"op": "tag", "uuid": rng.choice(mine), "tag": rng.choice(["督办", "重点", "待办"])}
                note({**entry, "pending": True})
                lib.annotations.tag_highlight(entry["uuid"], [entry["tag"]])
                note(entry)
            elif op == "edit" and lib.documents():
                doc = rng.choice(lib.documents())
                entry = {
                    "op": "edit",
                    "doc": doc.id,
                    "field": "date",
                    "value": f"20{rng.randint(10, 24)}-03-1{seed % 9}",
                }
                note({**entry, "pending": True})
                lib.edits.edit(doc.id, {"date": entry["value"]})
                note(entry)
            elif op == "split" and lib.documents():
                doc = lib.document(rng.choice(lib.documents()).id)
                starts = [i + 1 for i, ch in enumerate(doc.text[:-1]) if ch == "\n"]
                if starts:
                    note({"op": "split", "doc": doc.id, "pending": True})
                    result = lib.edits.split(doc.id, rng.choice(starts))
                    note({"op": "split", "doc": doc.id, "new": result.new_document_id})
            elif op == "merge" and lib.documents():
                doc = rng.choice(lib.documents())
                note({"op": "merge", "doc": doc.id, "pending": True})
                result = lib.edits.merge(doc.id)
                note({"op": "merge", "doc": doc.id, "into": result.document_id})
            elif op == "remove" and len(lib.documents()) > 3:
                doc = rng.choice(lib.documents())
                note({"op": "remove", "doc": doc.id, "pending": True})
                [entry] = lib.trash.remove_documents([doc.id])
                note({"op": "remove", "doc": doc.id, "entry": entry.id})
            elif op == "restore" and lib.trash.entries():
                entry = rng.choice(lib.trash.entries())
                note({"op": "restore", "entry": entry.id, "pending": True})
                lib.trash.restore([entry.id])
                note({"op": "restore", "entry": entry.id})
            elif op == "done" and (tasks := lib.extracts.tasks(state="open")):
                key = rng.choice(tasks).id
                note({"op": "done", "key": key, "pending": True})
                lib.extracts.set_done(key)
                note({"op": "done", "key": key})
            elif op == "index":
                process_queue(lib, index)
            elif op == "backup":
                make_backup(folder, "daily")
        except ReaderError as exc:  # a highlight deleted meanwhile and the like: not a failure
            print(f"{op}: {exc}", file=sys.stderr)


if __name__ == "__main__":
    os.environ.setdefault("GONGBAO_CONFIG_DIR", str(Path(sys.argv[1]).parent / "config"))
    sys.exit(main(sys.argv[1:]))
