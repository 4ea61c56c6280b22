"""The library's 人事任免 records and tasks: kept, asked, marked done.

``personnel`` and ``tasks`` (schema v10) are derived from the documents' text like the search
index: triggers queue a document whose text, date, title or number changes (an import, a
re-parse, a split, a merge, an edit), in the same transaction, and :func:`catch_up` reads the
queue afterwards, batch by batch, where the search index is brought up to date (the app's
indexing process, ``reindex``) and before every command that shows them. The import does not
wait for it: reading every sentence for its limits costs a fifth of an import. A newer
extractor (:data:`VERSION`) queues every document again when the library is opened.

The one thing here that is the user's own is ``task_marks``: a task marked done, keyed by the
task's :attr:`~reader.extracts.tasks.Task.key` (its sentence, limit and action), so the mark
finds its task again after any re-reading; a mark whose task is gone is kept and listed
(:meth:`Extracts.unplaced`), never dropped.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import datetime

from reader.extracts.rows import rows_for
from reader.library.visible import VISIBLE

VERSION = 1  # of the extractors: a library read by an older one is read again on open
_CHUNK = 500


_COLUMNS = "id, text, date, number, recipients"


def _write(
    conn: sqlite3.Connection, ids: list[int], people_rows: list[tuple], task_rows: list[tuple]
) -> None:
    marks = ",".join("?" * len(ids))
    conn.execute(f"DELETE FROM personnel WHERE document_id IN ({marks})", ids)
    conn.execute(f"DELETE FROM tasks WHERE document_id IN ({marks})", ids)
    conn.executemany(
        "INSERT INTO personnel (document_id, person, sex, action, post, organ, conditions, decided, "
        "number, position, sentence) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
        people_rows,
    )
    conn.executemany(
        "INSERT INTO tasks (document_id, key, due, due_kind, due_text, recurrence, action, responsible, "
        "recipient, position, sentence) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
        task_rows,
    )
    conn.execute(f"DELETE FROM extracts_queue WHERE document_id IN ({marks})", ids)


def settle(conn: sqlite3.Connection, ids: list[int] | None = None) -> int:
    """Read the queued documents (``ids``, else all) again inside the caller's transaction."""
    try:
        if ids is None:
            ids = [r[0] for r in conn.execute("SELECT document_id FROM extracts_queue")]
    except sqlite3.OperationalError:  # an older schema, mid-migration
        return 0
    for i in range(0, len(ids), _CHUNK):
        chunk = ids[i : i + _CHUNK]
        marks = ",".join("?" * len(chunk))
        docs = conn.execute(f"SELECT {_COLUMNS} FROM documents WHERE id IN ({marks})", chunk).fetchall()
        _write(conn, chunk, *rows_for(docs))
    return len(ids)


def pending(conn: sqlite3.Connection) -> int:
    """Documents whose records and tasks are still to be read."""
    try:
        return conn.execute("SELECT count(*) FROM extracts_queue").fetchone()[0]
    except sqlite3.OperationalError:
        return 0


BATCH = 100  # documents per transaction: the write lock is held a few tens of milliseconds
PARALLEL_FROM = 2000  # a queue this long (a first import, a new extractor) is read by both cores


def _rows_in(pool, docs: list[tuple]) -> tuple[list[tuple], list[tuple]]:
    """The rows read by a worker; read here when the pool cannot (a worker that died, a
    machine that refuses processes): nothing is lost, only slower."""
    try:
        return pool.submit(rows_for, docs).result()
    except Exception:
        return rows_for(docs)


def catch_up(
    db, stop: Callable[[], bool] | None = None, progress: Callable[[int, int], None] | None = None
) -> int:
    """Read every queued document, batch by batch, each batch its own transaction; the number
    read. Runs after imports and edits, beside the search indexing (the import does not wait
    for it, as it does not wait for the index); ``stop`` ends it between batches."""
    from reader.library.db import transaction

    total = pending(db.conn)
    if total == 0:
        return 0
    pool = None
    done = 0
    try:
        if total >= PARALLEL_FROM and (os.cpu_count() or 1) >= 2:
            import multiprocessing as mp
            from concurrent.futures import ProcessPoolExecutor

            pool = ProcessPoolExecutor(2, mp_context=mp.get_context("spawn"))
        while not (stop is not None and stop()):
            size = BATCH * (8 if pool is not None else 1)
            ids = [r[0] for r in db.conn.execute("SELECT document_id FROM extracts_queue LIMIT ?", (size,))]
            if not ids:
                break
            if pool is None:
                with transaction(db) as conn:
                    settle(conn, ids)
            else:  # read outside the write lock; written only for documents not changed meanwhile
                marks = ",".join("?" * len(ids))
                docs = db.conn.execute(
                    f"SELECT {_COLUMNS} FROM documents WHERE id IN ({marks})", ids
                ).fetchall()
                people_rows, task_rows = [], []
                for half in [docs[k::2] for k in range(2)]:
                    p_rows, t_rows = _rows_in(pool, half) if half else ([], [])
                    people_rows += p_rows
                    task_rows += t_rows
                with transaction(db) as conn:
                    now = set(
                        conn.execute(
                            f"SELECT {_COLUMNS} FROM documents WHERE id IN ({marks})", ids
                        ).fetchall()
                    )
                    same = [d[0] for d in docs if d in now]
                    keep = set(same)
                    gone = [i for i in ids if i not in {d[0] for d in docs}]
                    _write(
                        conn,
                        same + gone,
                        [r for r in people_rows if r[0] in keep],
                        [r for r in task_rows if r[0] in keep],
                    )
            done += len(ids)
            if progress is not None:
                progress(done, max(total, done))
    finally:
        if pool is not None:
            pool.shutdown(cancel_futures=True)
    return done


def ensure_current(conn: sqlite3.Connection) -> bool:
    """Queue every document when the library was read by an older extractor (True then); the
    caller's transaction settles them."""
    row = conn.execute("SELECT version FROM extracts_version").fetchone()
    if row is not None and row[0] == VERSION:
        return False
    conn.execute("DELETE FROM extracts_version")
    conn.execute("INSERT INTO extracts_version VALUES (?)", (VERSION,))
    conn.execute("INSERT OR IGNORE INTO extracts_queue SELECT id FROM documents")
    return True


@dataclass(slots=True)
class PersonRecord:
    id: int
    document_id: int
    issue_id: int
    title: str
    person: str
    sex: str | None
    action: str
    post: str
    organ: str | None
    conditions: str | None
    decided: str | None  # the decision's date, else the document's
    number: str | None  # the decision's 文号, else the document's
    position: int
    sentence: str

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass(slots=True)
class TaskRecord:
    id: str  # the task's key: stable across re-reading (``task-done`` takes it)
    document_id: int
    issue_id: int
    title: str
    number: str | None
    due: str | None
    due_kind: str
    due_text: str
    recurrence: str | None
    action: str
    responsible: str | None
    recipient: str | None
    position: int
    sentence: str
    done: bool
    done_at: str | None
    document_date: str | None = None  # the 成文日期 a recurring task's calendar starts from

    def to_dict(self) -> dict:
        return asdict(self)


_MARK_COLUMNS = "key, done_at, document_id, title, due_text, action, sentence"
_INSERT_MARK = f"INSERT OR IGNORE INTO task_marks ({_MARK_COLUMNS}) VALUES (?,?,?,?,?,?,?)"


def _scope(where: list[str], args: list, issue_id: int | None, doc_id: int | None) -> None:
    """Narrow a query of ``d`` (documents) to one issue or one document."""
    if issue_id is not None:
        where.append("d.issue_id = ?")
        args.append(issue_id)
    if doc_id is not None:
        where.append("d.id = ?")
        args.append(doc_id)


def _like(s: str) -> str:
    return "%" + s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


class Extracts:
    """Reads of the records and tasks of the documents shown; done marks written."""

    def __init__(self, db, check_writable: Callable[[], None] | None = None) -> None:
        self._db = db
        self.conn: sqlite3.Connection = db.conn
        self._check = check_writable

    def personnel(
        self,
        name: str | None = None,
        post: str | None = None,
        organ: str | None = None,
        issue_id: int | None = None,
        doc_id: int | None = None,
    ) -> list[PersonRecord]:
        """The records of documents shown, by decision date then as printed."""
        where, args = [VISIBLE], []
        for column, value in (("p.person", name), ("p.post", post), ("coalesce(p.organ, p.post)", organ)):
            if value:
                where.append(f"{column} LIKE ? ESCAPE '\\'")
                args.append(_like(value.strip()))
        _scope(where, args, issue_id, doc_id)
        rows = self.conn.execute(
            "SELECT p.id, d.id, d.issue_id, d.title, p.person, p.sex, p.action, p.post, p.organ, "
            "p.conditions, "
            "coalesce(p.decided, d.date), coalesce(p.number, d.number), p.position, p.sentence "
            f"FROM personnel p JOIN documents d ON d.id = p.document_id WHERE {' AND '.join(where)} "
            "ORDER BY coalesce(p.decided, d.date), d.id, p.id",
            args,
        ).fetchall()
        return [PersonRecord(*r) for r in rows]

    def tasks(
        self,
        due_before: str | None = None,
        unit: str | None = None,
        state: str | None = None,
        issue_id: int | None = None,
        doc_id: int | None = None,
        key: str | None = None,
    ) -> list[TaskRecord]:
        """The tasks of documents shown, by due date (those without one last). ``state``:
        ``open`` or ``done``; ``unit``: named as responsible or as recipient; ``key``: one task."""
        where, args = [VISIBLE], []
        if key is not None:
            where.append("t.key = ?")
            args.append(key)
        if due_before:
            where.append("t.due IS NOT NULL AND t.due <= ?")
            args.append(due_before)
        if unit:
            where.append("(t.responsible LIKE ? ESCAPE '\\' OR t.recipient LIKE ? ESCAPE '\\')")
            args += [_like(unit.strip())] * 2
        if state == "open":
            where.append("m.key IS NULL")
        elif state == "done":
            where.append("m.key IS NOT NULL")
        _scope(where, args, issue_id, doc_id)
        rows = self.conn.execute(
            "SELECT t.key, d.id, d.issue_id, d.title, d.number, t.due, t.due_kind, t.due_text, "
            "t.recurrence, "
            "t.action, t.responsible, t.recipient, t.position, t.sentence, m.key IS NOT NULL, "
            "m.done_at, d.date "
            "FROM tasks t JOIN documents d ON d.id = t.document_id LEFT JOIN task_marks m ON m.key = t.key "
            f"WHERE {' AND '.join(where)} ORDER BY t.due IS NULL, t.due, d.id, t.position, t.id",
            args,
        ).fetchall()
        return [TaskRecord(*r[:14], bool(r[14]), r[15], r[16]) for r in rows]

    def task(self, key: str) -> TaskRecord | None:
        """A task by its id, if a document shown holds it."""
        found = self.tasks(key=key) if key else []
        return found[0] if found else None

    def set_done(self, key: str, done: bool = True) -> TaskRecord | None:
        """Mark a task done (or open again); the task, or None when no document shown holds it.
        The mark is its own transaction: committed, it survives anything."""
        from reader.library.db import transaction

        if self._check is not None:
            self._check()
        t = self.task(key)
        if t is None:
            return None
        with transaction(self._db) as conn:
            if done:
                conn.execute(
                    _INSERT_MARK,
                    (key, datetime.now().isoformat(timespec="seconds"), t.document_id, t.title, t.due_text,
                     t.action, t.sentence),
                )  # fmt: skip
            else:
                conn.execute("DELETE FROM task_marks WHERE key = ?", (key,))
        return self.task(key)

    def marks(self) -> list[dict]:
        """Every done mark (for the JSON export), placed or not."""
        return self._marks("")

    def unplaced(self) -> list[dict]:
        """Done marks whose task no document holds any more (its text changed): kept, listed."""
        return self._marks("WHERE NOT EXISTS (SELECT 1 FROM tasks t WHERE t.key = m.key)")

    def _marks(self, where: str) -> list[dict]:
        cur = self.conn.execute(f"SELECT {_MARK_COLUMNS} FROM task_marks m {where} ORDER BY done_at, key")
        names = [c[0] for c in cur.description]
        return [dict(zip(names, r, strict=True)) for r in cur.fetchall()]

    def restore_marks(self, marks: list[dict]) -> int:
        """Put back done marks from a JSON export; the number new."""
        from reader.library.db import transaction

        if self._check is not None:
            self._check()
        added = 0
        with transaction(self._db) as conn:
            for m in marks:
                if not isinstance(m, dict) or not isinstance(m.get("key"), str) or not m["key"]:
                    continue
                cur = conn.execute(
                    _INSERT_MARK,
                    (
                        m["key"],
                        str(m.get("done_at") or datetime.now().isoformat(timespec="seconds")),
                        m.get("document_id") if isinstance(m.get("document_id"), int) else None,
                        *(
                            str(m[k]) if m.get(k) is not None else None
                            for k in ("title", "due_text", "action", "sentence")
                        ),
                    ),
                )
                added += cur.rowcount
        return added
