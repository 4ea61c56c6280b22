"""Kill the workload with SIGKILL at random moments, restart, and check that nothing was lost.

Used by the suite (a few dozen kills) and by ``bench/bench_crash.py`` (a thousand).
"""

from __future__ import annotations

import contextlib
import json
import os
import random
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


@dataclass(slots=True)
class Outcome:
    kills: int = 0
    checked_highlights: int = 0
    checked_corrections: int = 0
    checked_marks: int = 0  # tasks marked done found marked after a kill
    losses: list[str] = field(default_factory=list)

    def fail(self, what: str) -> None:
        self.losses.append(what)


APP = "tests.crash.app_workload"  # the desktop app, headless, driven as a user drives it
CORE = "tests.crash.workload"  # the same writes through the core alone (what the CLI uses)


def run(
    work: Path,
    files: list[Path],
    kills: int,
    seed: int = 1,
    max_delay: float = 1.5,
    progress=None,
    workload: str = APP,
) -> Outcome:
    rng = random.Random(seed)
    folder, journal = work / "公报 库", work / "journal.jsonl"
    out = Outcome()
    for k in range(kills):
        opens_before = _opens(journal)
        proc = subprocess.Popen(
            [sys.executable, "-m", workload, str(folder), str(journal), str(seed * 10_000 + k)]
            + [str(f) for f in files],
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,  # its PDF and indexing children die with it
            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        )
        if rng.random() < 0.2:  # at any moment of start-up (opening, migrating, first import)
            time.sleep(rng.uniform(0.0, 1.5))
        else:  # at any moment of work, once the library is open
            deadline = time.monotonic() + 20
            while _opens(journal) == opens_before and proc.poll() is None and time.monotonic() < deadline:
                time.sleep(0.02)
            time.sleep(rng.uniform(0.0, max_delay))
        # Only a process not yet reaped is killed by its group: once poll() has reaped it its pid
        # can be reused (pid_max is 32768 on many Linux machines), and killpg would hit a stranger.
        if proc.poll() is None:
            with contextlib.suppress(ProcessLookupError):  # it ran to its end meanwhile: a zombie
                os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
        out.kills += 1
        verify(folder, journal, out, opened=_opens(journal) > opens_before)
        if progress is not None:
            progress(out)
        if out.losses:
            break
    return out


def _opens(journal: Path) -> int:
    return journal.read_text(encoding="utf-8").count('"op": "open"') if journal.exists() else 0


REPAIRS = ("edit", "split", "merge", "remove", "restore")


def _apply(state: dict[str, dict], e: dict) -> None:
    s = state.setdefault(e["uuid"], {"deleted": False, "tags": set(), "note": None})
    if e["op"] in ("add", "note"):
        s["note"] = e["note"]
    elif e["op"] == "delete":
        s["deleted"] = True
    elif e["op"] == "tag":
        s["tags"].add(e["tag"])


def expected(journal: Path) -> tuple[dict[str, dict], dict[str, dict]]:
    """The state every returned save implies, and per highlight the edits that may or may not
    have landed after it (started, then killed before returning: either outcome is correct)."""
    state: dict[str, dict] = {}
    maybe: dict[str, dict] = {}
    held: dict | None = None

    def uncertain(e: dict) -> None:
        m = maybe.setdefault(e["uuid"], {"notes": set(), "deleted": False})
        if e["op"] == "note":
            m["notes"].add(e["note"])
        elif e["op"] == "delete":
            m["deleted"] = True

    if not journal.exists():
        return state, maybe
    for line in journal.read_text(encoding="utf-8").splitlines():
        try:
            e = json.loads(line)
        except ValueError:
            continue  # the line being written when the harness killed it (never a returned save)
        if e["op"] in ("open", "done", *REPAIRS):  # not of a highlight
            continue
        if held is not None and {**held, "pending": False} != {**e, "pending": False}:
            uncertain(held)  # its run was killed before the edit returned
        held = None
        if e.get("pending"):
            held = e
            continue
        if e["op"] == "note" and e["uuid"] in maybe:  # a later returned note edit settles the note
            maybe[e["uuid"]]["notes"].clear()
        _apply(state, e)
    if held is not None:
        uncertain(held)
    return state, maybe


def verify(folder: Path, journal: Path, out: Outcome, opened: bool = True) -> None:
    from reader.library import Library
    from reader.library.backup import BACKUP_DIR, check_at_start, check_file, mark_closed
    from reader.library.lock import LibraryLock
    from reader.search.index import SearchIndex
    from reader.search.indexer import ensure_index, index_folder, process_queue, searchable_count

    if not (folder / "library.sqlite").exists():
        return  # killed before the library existed
    lock = LibraryLock(folder)
    if not lock.acquire(wait=5.0):  # the killed group's last processes may still be exiting
        out.fail("the killed process's lock outlived it")
        return
    health = check_at_start(folder)
    if opened and not health.unclean:
        out.fail("an unclean shutdown was not noticed")
    if not health.ok:
        out.fail(f"integrity: {health.problem}")
        return
    with Library(folder) as lib:
        present = {h.uuid: h for h in lib.annotations._select("1 = 1", [])}
        state, maybe = expected(journal)
        for uid, want in state.items():
            out.checked_highlights += 1
            h = present.get(uid)
            alt = maybe.get(uid, {"notes": set(), "deleted": False})
            if h is None:
                if not (want["deleted"] or alt["deleted"]):  # (a deleted one is purged at start)
                    out.fail(f"highlight {uid} lost")
            elif h.deleted != want["deleted"] and not (alt["deleted"] and h.deleted):
                out.fail(f"highlight {uid}: deleted={h.deleted}, journal says {want['deleted']}")
            elif want["note"] is not None and h.note != want["note"] and h.note not in alt["notes"]:
                # (None: made by a save the harness never saw return, then edited by a later run)
                out.fail(f"highlight {uid}: note {h.note!r}, journal says {want['note']!r}")
            elif not want["tags"] <= set(h.tags):
                out.fail(f"highlight {uid}: tags {h.tags}, journal says {sorted(want['tags'])}")
        _verify_repairs(lib, journal, out)
        _verify_done_marks(lib, journal, out)
        blank = lib.db.conn.execute(
            "SELECT COUNT(*) FROM documents WHERE withdrawn = 0 AND searchable = 1 AND trim(text) = ''"
        ).fetchone()[0]
        if blank:
            out.fail(f"{blank} documents visible without their text")
        orphan_issues = lib.db.conn.execute(
            "SELECT COUNT(*) FROM issues i WHERE NOT EXISTS (SELECT 1 FROM documents d WHERE d.issue_id = i.id)"
        ).fetchone()[0]
        if orphan_issues:
            out.fail(f"{orphan_issues} issues without documents (half an import)")
        index = SearchIndex(index_folder(lib))
        try:
            ensure_index(lib, index)  # opens, or rebuilds by itself
            process_queue(lib, index)
            if index.doc_count() != searchable_count(lib):
                out.fail(f"index holds {index.doc_count()} documents, library {searchable_count(lib)}")
            meta = json.loads(index.meta_path.read_text(encoding="utf-8"))
            debris = set(index._files()) - set(meta["files"])
            if debris:
                out.fail(f"index debris left: {sorted(debris)[:3]}")
        finally:
            index.close()
        for made in (folder / BACKUP_DIR).glob("library-*.sqlite"):  # named = complete and verified
            if check_file(made) is not None:
                out.fail(f"a damaged backup carries a backup's name: {made.name}")
    mark_closed(folder)
    lock.release()


def _verify_done_marks(lib, journal: Path, out: Outcome) -> None:
    """Every task marked done whose save returned is still marked (whatever re-parses, splits
    and merges came after: a mark is kept by its key, placed or not); the records and tasks
    read after the crash are those the texts give."""
    from reader.extracts.rows import rows_for
    from reader.extracts.store import catch_up

    marks = {m["key"] for m in lib.extracts.marks()}
    for line in journal.read_text(encoding="utf-8").splitlines():
        try:
            e = json.loads(line)
        except ValueError:
            continue  # the line being written when the harness killed it
        if e.get("op") == "done" and not e.get("pending"):
            out.checked_marks += 1
            if e["key"] not in marks:
                out.fail(f"task {e['key']} marked done was lost")
    catch_up(lib.db)
    stored = lib.db.conn.execute("SELECT count(*) FROM tasks").fetchone()[0]
    docs = lib.db.conn.execute("SELECT id, text, date, number, recipients FROM documents").fetchall()
    given = len(rows_for(docs)[1])
    if stored != given:
        out.fail(f"{stored} tasks stored, the texts give {given}")


def repairs_expected(journal: Path) -> list[tuple[dict, bool]]:
    """The repairs in journal order, each with whether its call returned (False: started, then
    killed: it may or may not have landed)."""
    events: list[tuple[dict, bool]] = []
    held: dict | None = None
    if not journal.exists():
        return events
    for line in journal.read_text(encoding="utf-8").splitlines():
        try:
            e = json.loads(line)
        except ValueError:
            continue
        if e.get("op") not in REPAIRS:
            continue
        if held is not None and not (e["op"] == held["op"] and not e.get("pending")):
            events.append((held, False))
        held = None
        if e.get("pending"):
            held = e
            continue
        events.append((e, True))
    if held is not None:
        events.append((held, False))
    return events


@dataclass(slots=True)
class _Expect:
    """What the returned repairs imply, replayed in order (a document id is never given twice:
    a merged-away document that exists again is a loss of the merge)."""

    fields: dict[tuple[int, str], str] = field(default_factory=dict)
    made: dict[int, int] = field(default_factory=dict)  # split-off document -> where from
    merged: dict[int, int] = field(default_factory=dict)  # merged-away document -> into
    removed: dict[int, int] = field(default_factory=dict)  # document -> 回收站 entry
    unsure: set[int] = field(default_factory=set)  # documents a killed repair may have changed

    def forget(self, doc: int) -> None:
        self.fields = {k: v for k, v in self.fields.items() if k[0] != doc}
        self.made.pop(doc, None)
        self.merged.pop(doc, None)
        self.removed.pop(doc, None)

    def returned(self, e: dict) -> None:
        op, doc = e["op"], e.get("doc")
        if op == "edit":
            self.fields[(doc, e["field"])] = e["value"]
        elif op == "split":
            self.forget(e["new"])
            self.made[e["new"]] = doc
        elif op == "merge":
            self.forget(doc)
            self.merged[doc] = e["into"]
        elif op == "remove":
            self.removed[doc] = e["entry"]
        elif op == "restore":
            self.removed = {d: x for d, x in self.removed.items() if x != e["entry"]}

    def killed(self, e: dict) -> None:
        op = e["op"]
        if op == "edit":
            self.fields.pop((e["doc"], e["field"]), None)
        elif op in ("split", "merge", "remove"):
            self.unsure.add(e["doc"])
        elif op == "restore":
            self.removed = {d: x for d, x in self.removed.items() if x != e["entry"]}


def _verify_repairs(lib, journal: Path, out: Outcome) -> None:
    """Every repair that returned is there: fields as set (and their rule kept), split documents
    and their rules, merged ones gone, removals in the 回收站 until restored; and replaying the
    rules over a fresh parse gives each text issue's documents exactly."""
    from reader.gazette import parse_gazette

    want = _Expect()
    for e, done in repairs_expected(journal):
        (want.returned if done else want.killed)(e)
    conn = lib.db.conn
    for (doc_id, name), value in want.fields.items():
        if doc_id in want.unsure:
            continue
        out.checked_corrections += 1
        row = conn.execute(f"SELECT {name} FROM documents WHERE id = ?", (doc_id,)).fetchone()
        if row is None:
            out.fail(f"document {doc_id} edited ({name}) is gone")
            continue
        if row[0] != value:
            out.fail(f"document {doc_id}: {name} {row[0]!r}, journal says {value!r}")
        rule = conn.execute(
            "SELECT value FROM corrections WHERE document_id = ? AND kind = 'field' AND field = ?",
            (doc_id, name),
        ).fetchone()
        if rule is None or json.loads(rule[0]) != value:
            out.fail(f"document {doc_id}: the correction of {name} was lost")
    for new, parent in want.made.items():
        if new in want.unsure:
            continue
        out.checked_corrections += 1
        if conn.execute("SELECT 1 FROM documents WHERE id = ?", (new,)).fetchone() is None:
            out.fail(f"the document split from {parent} ({new}) is gone")
        elif not conn.execute(
            "SELECT 1 FROM corrections WHERE kind = 'split' AND document_id = ?", (new,)
        ).fetchone():
            out.fail(f"the split that made document {new} was lost")
    for doc_id, into in want.merged.items():
        if doc_id in want.unsure:
            continue
        out.checked_corrections += 1
        if conn.execute("SELECT 1 FROM documents WHERE id = ?", (doc_id,)).fetchone() is not None:
            out.fail(f"document {doc_id} merged into {into} is back")
    for doc_id in want.removed:
        if doc_id in want.unsure:
            continue
        out.checked_corrections += 1
        row = conn.execute("SELECT removed_in FROM documents WHERE id = ?", (doc_id,)).fetchone()
        if row is None or row[0] is None:
            out.fail(f"document {doc_id} removed to the trash is not there")
    for issue in lib.issues(include_removed=True):
        if issue.format != "text" or not lib.edits.corrections(issue.id):
            continue
        parsed = parse_gazette(lib.read_original(issue).decode("utf-8"), issue.source_name)
        out.checked_corrections += 1
        if not lib.same_split(issue.id, parsed):
            out.fail(
                f"issue {issue.id}: replaying its corrections over a fresh parse differs from the library"
            )
