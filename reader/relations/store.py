"""The library's relations between documents and their own clauses: kept, resolved, asked.

Everything here is derived from the documents' text and titles (``relations``, ``doc_keys``,
``clauses``; schema v9) and can be rebuilt from them. Triggers queue each document whose text,
title, number, date or visibility changes; :func:`settle` runs inside the committing
transaction (``db.transaction`` calls it), so an import, a re-parse, a correction or a removal
commits with its relations already right:

1. a queued document's statements are read again (:mod:`phrases`), its keys and clauses stored;
2. every relation that could now point elsewhere is resolved again: those of the queued
   documents, those pointing at them, and those naming their numbers or titles (old or new).

Resolution (:func:`resolve`) never guesses: by 发文字号 first (the title, when printed, must
agree), then by title alone when exactly one document has it.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass
from datetime import date

from reader.gazette.numbers import number_line
from reader.library.visible import VISIBLE
from reader.relations.keys import (
    core_key,
    folded_number_key,
    issued_key,
    simplified,
    title_key,
    titles_agree,
    untitled,
)
from reader.relations.phrases import (
    AMEND,
    DATED,
    ISSUES,
    PROMULGATES,
    REPEAL,
    Statements,
    read_from_file,
    read_rows,
)
from reader.relations.validity import IN_FORCE, Source, Validity, compute

_CHUNK = 500  # ids per IN (…): well under SQLite's variable limit


def _chunks(ids: list, n: int = _CHUNK) -> Iterable[list]:
    for i in range(0, len(ids), n):
        yield ids[i : i + n]


def queued(conn: sqlite3.Connection) -> bool:
    """Are documents waiting for their relations (False too before schema v9)?"""
    try:
        return conn.execute("SELECT 1 FROM relations_queue LIMIT 1").fetchone() is not None
    except sqlite3.OperationalError:  # an older schema, mid-migration: nothing to settle yet
        return False


PARALLEL_FROM = 4000  # documents at once (a migration, a reparse of everything): both cores read


def _statements(
    conn: sqlite3.Connection, ids: list[int], committed: bool = False
) -> Iterator[tuple[list[tuple], list[Statements]]]:
    """The queued documents' rows with their statements, chunk by chunk; read by two processes
    when there are many. ``committed``: the documents' texts are all committed (a rebuild), so
    the workers read them from the file themselves instead of being sent them."""

    def rows_of(chunk: list[int]) -> list[tuple]:
        marks = ",".join("?" * len(chunk))
        return conn.execute(
            f"SELECT id, title, number_key, text, number FROM documents WHERE id IN ({marks})", chunk
        ).fetchall()

    workers = min(2, os.cpu_count() or 1)
    path = _file_of(conn) if committed else None
    if len(ids) < PARALLEL_FROM or workers < 2:
        for chunk in _chunks(ids):
            rows = rows_of(chunk)
            yield rows, read_rows(rows)
        return
    import multiprocessing as mp
    from concurrent.futures import ProcessPoolExecutor

    def submit(pool, chunk: list[int]):
        try:
            if path:
                return chunk, pool.submit(read_from_file, path, chunk)
            rows = rows_of(chunk)
            return rows, pool.submit(read_rows, rows)
        except Exception:  # the pool is broken: the rest is read in this process
            return chunk if path else rows_of(chunk), None

    def result(job: list, fut) -> tuple[list[tuple], list[Statements]]:
        rows = job if not path else None
        try:
            if fut is not None:
                out = fut.result()
                return out if path else (rows, out)
        except Exception:  # a worker that could not start or died: read here, nothing is lost
            pass
        rows = rows_of(job) if path else rows
        return rows, read_rows(rows)

    with ProcessPoolExecutor(workers, mp_context=mp.get_context("spawn")) as pool:
        pending: list[tuple[list, object]] = []
        for chunk in _chunks(ids):
            pending.append(submit(pool, chunk))
            if len(pending) > 2 * workers:  # a few chunks ahead: the texts are not all in memory
                yield result(*pending.pop(0))
        for job in pending:
            yield result(*job)


def _file_of(conn: sqlite3.Connection) -> str | None:
    """The main database's file (None for one in memory)."""
    for _seq, name, file in conn.execute("PRAGMA database_list"):
        if name == "main":
            return file or None
    return None


def settle(conn: sqlite3.Connection, committed: bool = False) -> int:
    """Bring the relations of every queued document up to date; the number settled.
    ``committed``: no queued document was changed in this transaction (a rebuild)."""
    ids = [r[0] for r in conn.execute("SELECT document_id FROM relations_queue")]
    if not ids:
        return 0
    keys: set[str] = set()
    everything = not conn.execute(
        "SELECT 1 FROM documents WHERE id NOT IN (SELECT document_id FROM relations_queue) LIMIT 1"
    ).fetchone()
    rebuilt_indexes: list[str] = []
    if everything:  # a rebuild: emptied at once, not row by row; indexed once filled
        if len(ids) >= PARALLEL_FROM:  # dropped first: emptying through five indexes took a second
            for name, sql in conn.execute(
                "SELECT name, sql FROM sqlite_master WHERE type = 'index' "
                "AND tbl_name IN ('relations', 'doc_keys') AND sql IS NOT NULL"
            ).fetchall():
                conn.execute(f'DROP INDEX "{name}"')
                rebuilt_indexes.append(sql)
        conn.execute("DELETE FROM relations")
        conn.execute("DELETE FROM clauses")
        conn.execute("DELETE FROM doc_keys")
    else:
        for chunk in _chunks(ids):
            marks = ",".join("?" * len(chunk))
            for row in conn.execute(
                f"SELECT number_key, title_key, core_key, issued_key FROM doc_keys "
                f"WHERE document_id IN ({marks})",
                chunk,
            ):
                keys.update(k for k in row if k)
            conn.execute(f"DELETE FROM relations WHERE source_id IN ({marks})", chunk)
            conn.execute(f"DELETE FROM clauses WHERE document_id IN ({marks})", chunk)
            conn.execute(f"DELETE FROM doc_keys WHERE document_id IN ({marks})", chunk)
    for rows, statements in _statements(conn, ids, committed):
        relation_rows, clause_rows, key_rows = [], [], []
        for (doc_id, title, nkey, text, number), st in zip(rows, statements, strict=True):
            tkey = title_key(title)
            nkey = folded_number_key(number, nkey)
            # what the document issues or promulgates is another name for it: 《X》 cited
            # elsewhere means this 令 (…现予公布) or this notice (关于印发X的通知)
            alias = issued_key(tkey) or next(
                (title_key(r.target.title) for r in st.relations if r.kind == PROMULGATES and r.target.title),
                None,
            )
            if nkey is None and untitled(title):  # no title found: a number line at its top names it
                for line in [title or "", *(text or "").split("\n")[:3]]:
                    found = number_line(simplified(line.strip())) if line.strip() else None
                    if found:
                        nkey = found.key
                        break
            dkeys = (nkey, tkey, core_key(tkey), alias)
            keys.update(k for k in dkeys if k)
            key_rows.append((doc_id, *dkeys))
            for r in st.relations:
                t = r.target
                ckey = title_key(t.title)
                if r.kind == PROMULGATES:
                    continue  # the text itself
                if r.kind == ISSUES and ckey and tkey and ckey in tkey:
                    continue  # 关于印发《X》的通知 issuing X: X is this document's own attachment
                relation_rows.append(
                    (
                        doc_id,
                        r.kind,
                        t.title,
                        t.number,
                        t.number_key or folded_number_key(t.number),
                        ckey,
                        core_key(ckey),
                        r.evidence,
                        t.start,
                    )
                )
            own = st.own
            if own.said:
                clause_rows.append(
                    (doc_id, own.effective, own.effective_on, own.years, own.until, "\n".join(own.evidence))
                )
        conn.executemany("INSERT INTO doc_keys VALUES (?,?,?,?,?)", key_rows)
        conn.executemany(
            "INSERT INTO relations (source_id, kind, title, number, number_key, title_key, core_key, "
            "evidence, position) VALUES (?,?,?,?,?,?,?,?,?)",
            relation_rows,
        )
        conn.executemany("INSERT INTO clauses VALUES (?,?,?,?,?,?)", clause_rows)
    _resolve_affected(conn, ids, keys)  # by primary key: needs none of the dropped indexes
    if rebuilt_indexes:
        # sorted in memory, with room: a 400,000-row index built through temp files took seconds
        cache = conn.execute("PRAGMA cache_size").fetchone()[0]
        conn.execute("PRAGMA temp_store = MEMORY")
        conn.execute("PRAGMA cache_size = -262144")
        for sql in rebuilt_indexes:  # the same statements: the schema check finds them as made
            conn.execute(sql)
        conn.execute(f"PRAGMA cache_size = {int(cache)}")
        conn.execute("PRAGMA temp_store = DEFAULT")
    conn.execute("DELETE FROM relations_queue")
    return len(ids)


def _resolve_affected(conn: sqlite3.Connection, ids: list[int], keys: set[str]) -> None:
    """Resolve again every relation the queued documents can have changed the answer of."""
    total = conn.execute("SELECT count(*) FROM documents").fetchone()[0]
    if len(ids) > 1000 and 2 * len(ids) >= total:  # most of the library changed: resolve all
        _resolve(conn, [r[0] for r in conn.execute("SELECT id FROM relations")])
        return
    affected: set[int] = set()
    for chunk in _chunks(ids):
        marks = ",".join("?" * len(chunk))
        affected.update(
            r[0]
            for r in conn.execute(
                f"SELECT id FROM relations WHERE source_id IN ({marks}) OR target_id IN ({marks})",
                chunk + chunk,
            )
        )
    key_list = sorted(keys)
    for chunk in _chunks(key_list):
        marks = ",".join("?" * len(chunk))
        affected.update(
            r[0]
            for r in conn.execute(
                f"SELECT id FROM relations WHERE number_key IN ({marks}) OR title_key IN ({marks}) "
                f"OR core_key IN ({marks})",
                chunk * 3,
            )
        )
    _resolve(conn, sorted(affected))


def _resolve(conn: sqlite3.Connection, relation_ids: list[int]) -> None:
    resolver = Resolver(conn)
    if len(relation_ids) > 20_000:  # a rebuild: every document's keys read once, not per name
        resolver.preload()
    updates = []
    for chunk in _chunks(relation_ids):
        marks = ",".join("?" * len(chunk))
        for rid, source, title, nkey, tkey, ckey, target in conn.execute(
            f"SELECT id, source_id, title, number_key, title_key, core_key, target_id FROM relations "
            f"WHERE id IN ({marks})",
            chunk,
        ).fetchall():
            found = resolver.resolve(source, title, nkey, tkey, ckey)
            if found != target:
                updates.append((found, rid))
    conn.executemany("UPDATE relations SET target_id = ? WHERE id = ?", updates)


class Resolver:
    """Which visible document a citation names, if exactly one can be meant.

    Never the citing document itself nor a copy of it (the same title or number in another
    issue), never one dated after the citing document (a text cites what exists), and a title
    alone only when it is specific (a 关于 title, or a long name: 《政府工作报告》 is every year's).
    """

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self._cache: dict[tuple, list[tuple[int, str, str | None, str | None]]] = {}
        self._sources: dict[int, tuple[str | None, str | None, str | None]] = {}
        self._complete = False  # preloaded: what is not in the cache matches nothing

    def preload(self) -> None:
        """Read every document's keys and dates at once (lookups then cost nothing)."""
        columns = ("number_key", "title_key", "core_key", "issued_key")
        rows = self.conn.execute(
            f"SELECT d.id, d.title, d.date, d.number_key, k.number_key, k.title_key, k.core_key, "
            f"k.issued_key, {VISIBLE} FROM doc_keys k JOIN documents d ON d.id = k.document_id ORDER BY d.id"
        ).fetchall()
        lookup: dict[tuple, list] = {}
        for doc_id, title, day, number, *keys, visible in rows:
            self._sources[doc_id] = (keys[0], keys[1], day)
            if not visible:
                continue
            for column, value in zip(columns, keys, strict=True):
                if value:
                    lookup.setdefault((column, value), []).append((doc_id, title, day, number))
        self._cache = lookup
        self._complete = True

    def _docs(self, column: str, value: str) -> list[tuple[int, str, str | None, str | None]]:
        key = (column, value)
        if self._complete:
            return self._cache.get(key, [])
        if key not in self._cache:
            self._cache[key] = self.conn.execute(
                f"SELECT d.id, d.title, d.date, d.number_key FROM doc_keys k "
                f"JOIN documents d ON d.id = k.document_id "
                f"WHERE k.{column} = ? AND {VISIBLE} ORDER BY d.id",
                (value,),
            ).fetchall()
        return self._cache[key]

    def _source(self, source: int) -> tuple[str | None, str | None, str | None]:
        if source not in self._sources:
            row = self.conn.execute(
                "SELECT k.number_key, k.title_key, d.date FROM documents d "
                "LEFT JOIN doc_keys k ON k.document_id = d.id WHERE d.id = ?",
                (source,),
            ).fetchone()
            self._sources[source] = tuple(row) if row else (None, None, None)  # type: ignore[assignment]
        return self._sources[source]

    def _candidates(self, source: int, column: str, value: str) -> list[tuple[int, str, str | None]]:
        own_number, own_title, own_date = self._source(source)
        out = []
        for i, t, d, n in self._docs(column, value):
            if i == source:
                continue
            # a copy of itself (the same title, no other number); a new notice of the same title
            # repealing last year's, 钦政发〔2019〕1号 of 钦政发〔2016〕1号, is not one
            if own_title and title_key(t) == own_title and (not own_number or not n or n == own_number):
                continue
            if own_date and d and d > own_date:
                continue
            out.append((i, t, n))
        return out

    @staticmethod
    def _one(found: list[tuple[int, str, str | None]]) -> int | None:
        """The document meant, when every candidate is the same one (copies in several issues:
        one title, one number); None when two different documents answer."""
        if found and len({(title_key(t), n) for _, t, n in found}) == 1:
            return found[0][0]
        return None

    def resolve(
        self, source: int, title: str | None, nkey: str | None, tkey: str | None, ckey: str | None
    ) -> int | None:
        if nkey:
            if nkey == self._source(source)[0] or nkey.startswith(DATED):
                return None  # itself, or one of several documents of one name told apart by a date
            found = self._candidates(source, "number_key", nkey)
            if title:
                found = [c for c in found if titles_agree(title, c[1]) or untitled(c[1])]
            if found or not title:
                return self._one(found)  # another title, or two documents: no link
            # no document has the number: one whose number the parser missed, by its title
            return self._by_title(source, tkey, ckey, numbered=False)
        return self._by_title(source, tkey, ckey)

    def _by_title(self, source: int, tkey: str | None, ckey: str | None, numbered: bool = True) -> int | None:
        """By the title alone: exactly one document (or its copies); ``numbered=False`` when the
        citation gives a number no document has: only documents without a number can be it."""
        if not tkey or not ((ckey and ckey.startswith("关于")) or len(tkey) >= 12):
            return None
        for column, value in (("title_key", tkey), ("core_key", ckey), ("issued_key", tkey)):
            if not value:
                continue
            found = self._candidates(source, column, value)
            if not numbered:
                found = [c for c in found if not c[2]]
            if found:
                return self._one(found)  # two documents answer to the title: no guess
        return None


@dataclass(slots=True)
class Linked:
    """One relation as the 关联 panel, the CLI and the exports show it."""

    kind: str
    id: int | None  # the other document, None when it is not in the library
    title: str | None
    number: str | None
    evidence: str
    position: int  # where this document names it (-1: in its title, or the other names this one)

    def to_dict(self) -> dict:
        return asdict(self)


RELATION_KEYS = ("cites", "cited_by", "repeals", "repealed_by", "amends", "amended_by")


class Relations:
    """What the library knows of one document's relations and validity (reads only)."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def outgoing(self, doc_id: int) -> list[Linked]:
        rows = self.conn.execute(
            f"""SELECT r.kind, r.target_id, coalesce(d.title, r.title), coalesce(d.number, r.number),
                       r.evidence, r.position, d.id IS NULL OR ({VISIBLE})
                FROM relations r LEFT JOIN documents d ON d.id = r.target_id
                WHERE r.source_id = ? ORDER BY r.position, r.id""",
            (doc_id,),
        ).fetchall()
        return [Linked(k, t if shown else None, ti, n, e, p) for k, t, ti, n, e, p, shown in rows]

    def incoming(self, doc_id: int) -> list[Linked]:
        rows = self.conn.execute(
            f"""SELECT r.kind, d.id, d.title, d.number, r.evidence FROM relations r
                JOIN documents d ON d.id = r.source_id
                WHERE r.target_id = ? AND {VISIBLE} ORDER BY d.date, d.id, r.position""",
            (doc_id,),
        ).fetchall()
        seen: set[tuple[str, int]] = set()
        out = []
        for k, i, t, n, e in rows:
            if (k, i) not in seen:
                seen.add((k, i))
                out.append(Linked(k, i, t, n, e, -1))
        return out

    def of(self, doc_id: int) -> dict[str, list[Linked]]:
        """The CLI's shape: cites / cited_by / repeals / repealed_by / amends / amended_by."""
        out: dict[str, list[Linked]] = {k: [] for k in RELATION_KEYS}
        for r in self.outgoing(doc_id):
            out[{REPEAL: "repeals", AMEND: "amends"}.get(r.kind, "cites")].append(r)
        for r in self.incoming(doc_id):
            out[{REPEAL: "repealed_by", AMEND: "amended_by"}.get(r.kind, "cited_by")].append(r)
        return out

    def validity(self, doc_id: int, today: date | None = None) -> Validity:
        today = today or date.today()
        row = self.conn.execute(
            """SELECT d.date, c.effective, c.effective_on, c.years, c.until, c.evidence
               FROM documents d LEFT JOIN clauses c ON c.document_id = d.id WHERE d.id = ?""",
            (doc_id,),
        ).fetchone()
        if row is None:
            return compute(today, own_date=None, effective=None, effective_on=None, years=None, until=None)
        own_date, effective, effective_on, years, until, evidence = row
        acting: dict[str, list[Source]] = {REPEAL: [], AMEND: []}
        for kind, sid, title, number, sdate, seff, ev in self.conn.execute(
            f"""SELECT r.kind, d.id, d.title, d.number, d.date, c.effective, r.evidence FROM relations r
                JOIN documents d ON d.id = r.source_id LEFT JOIN clauses c ON c.document_id = d.id
                WHERE r.target_id = ? AND r.kind IN ('repeal', 'amend') AND {VISIBLE}""",
            (doc_id,),
        ):
            acting[kind].append(Source(sid, title, number, seff or sdate, ev))
        return compute(
            today,
            own_date=own_date,
            effective=effective,
            effective_on=effective_on,
            years=years,
            until=until,
            own_evidence=(evidence or "").split("\n")[0],
            repealed_by=acting[REPEAL],
            amended_by=acting[AMEND],
        )

    def in_force(self, today: date | None = None) -> set[int]:
        """The documents in force today: 现行有效 or 已被修改 (never 未知: nothing is guessed)."""
        return {i for i, status in self.statuses(today=today).items() if status in IN_FORCE}

    def statuses(self, today: date | None = None) -> dict[int, str]:
        """Every shown document's status in one pass: for filters, columns and facets."""
        today = today or date.today()
        own = self.conn.execute(
            f"""SELECT d.id, d.date, c.effective, c.effective_on, c.years, c.until
                FROM documents d LEFT JOIN clauses c ON c.document_id = d.id WHERE {VISIBLE}"""
        ).fetchall()
        acting: dict[int, dict[str, list[Source]]] = {}
        for target, kind, sdate, seff in self.conn.execute(
            f"""SELECT r.target_id, r.kind, d.date, c.effective FROM relations r
                JOIN documents d ON d.id = r.source_id LEFT JOIN clauses c ON c.document_id = d.id
                WHERE r.target_id IS NOT NULL AND r.kind IN ('repeal', 'amend') AND {VISIBLE}"""
        ):
            acting.setdefault(target, {REPEAL: [], AMEND: []})[kind].append(
                Source(None, None, None, seff or sdate, "")
            )
        out = {}
        for doc_id, d, eff, on, years, until in own:
            a = acting.get(doc_id, {REPEAL: [], AMEND: []})
            out[doc_id] = compute(
                today,
                own_date=d,
                effective=eff,
                effective_on=on,
                years=years,
                until=until,
                repealed_by=a[REPEAL],
                amended_by=a[AMEND],
            ).status
        return out


def rebuild(conn: sqlite3.Connection) -> int:
    """Read every document's relations again (the tables are derived: nothing is lost). In a
    transaction that has changed no document: its workers read the committed texts."""
    conn.execute("INSERT OR IGNORE INTO relations_queue SELECT id FROM documents")
    return settle(conn, committed=True)
