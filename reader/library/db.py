"""Opening the library database with the settings durability needs, and explicit transactions.

WAL with ``synchronous=FULL`` makes every committed transaction survive a crash or power cut;
foreign keys keep documents from outliving their issue. Python's implicit transactions are
switched off (``isolation_level=None``) so that a multi-step write is exactly one
``BEGIN IMMEDIATE … COMMIT`` that either lands whole or not at all.
"""

from __future__ import annotations

import contextlib
import itertools
import os
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

import sqlite_utils

from reader.errors import LibraryError, LibraryReadOnly

BUSY_TIMEOUT_MS = 5000


def connect(path: Path, readonly: bool = False) -> sqlite_utils.Database:
    """Open (or create) the database at ``path``."""
    try:
        if readonly:
            uri = f"{path.resolve().as_uri()}?mode=ro"
            conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
        else:
            conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False)
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        # a schema is data: its triggers and views may not call functions with side effects
        conn.execute("PRAGMA trusted_schema = OFF")
        conn.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()  # fails now if not a database
        conn.execute("PRAGMA foreign_keys = ON")
        if not readonly:
            mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
            if mode.lower() != "wal":
                raise LibraryError(f"资料库无法启用 WAL 日志模式（当前为 {mode}）")
            conn.execute("PRAGMA synchronous = FULL")
        else:
            conn.execute("PRAGMA query_only = ON")
    except sqlite3.DatabaseError as exc:
        raise translate(exc, path) from exc
    return sqlite_utils.Database(conn)


def translate(exc: sqlite3.Error, path: Path | None = None) -> LibraryError:
    """Turn an SQLite error into a message the user can act on."""
    msg = str(exc).lower()
    where = f"（{path}）" if path else ""
    if "readonly" in msg or "read-only" in msg or "attempt to write" in msg:
        return LibraryReadOnly(f"资料库是只读的，无法写入{where}")
    if "locked" in msg or "busy" in msg:
        return LibraryError(f"资料库正被其他程序占用，请稍后再试{where}")
    if "disk is full" in msg or "database or disk is full" in msg:
        return LibraryError(f"磁盘已满，无法写入资料库{where}")
    if "not a database" in msg or "malformed" in msg or "corrupt" in msg:
        return LibraryError(f"资料库文件已损坏{where}")
    if "unable to open" in msg:
        return LibraryError(f"无法打开资料库{where}")
    return LibraryError(f"资料库错误：{exc}{where}")


def _settle_derived(conn: sqlite3.Connection) -> None:
    """Before a transaction commits: relations of the documents it changed (queued by triggers).
    Their 人事任免 records and tasks are read after, like the search index (extracts.catch_up)."""
    from reader.relations.store import queued, settle

    if queued(conn):
        settle(conn)


@contextlib.contextmanager
def transaction(db: sqlite_utils.Database) -> Iterator[sqlite3.Connection]:
    """One ``BEGIN IMMEDIATE … COMMIT``; rolled back on any exception.

    Inside another transaction it is a savepoint of that one: an operation made of many edits
    (importing a notes file) commits all of them or none.
    """
    conn = db.conn
    if conn.in_transaction:
        with _savepoint(conn):
            yield conn
        return
    try:
        conn.execute("BEGIN IMMEDIATE")
    except sqlite3.Error as exc:
        raise translate(exc) from exc
    try:
        yield conn
    except sqlite3.Error as exc:  # a full disk, a lock, damage: said in words, nothing half-done
        with contextlib.suppress(sqlite3.Error):
            conn.execute("ROLLBACK")
        raise translate(exc) from exc
    except BaseException:
        with contextlib.suppress(sqlite3.Error):
            conn.execute("ROLLBACK")
        raise
    try:
        _settle_derived(conn)
        conn.execute("COMMIT")
    except sqlite3.Error as exc:
        with contextlib.suppress(sqlite3.Error):
            conn.execute("ROLLBACK")
        raise translate(exc) from exc


_savepoints = itertools.count(1)


@contextlib.contextmanager
def _savepoint(conn: sqlite3.Connection) -> Iterator[None]:
    name = f"nested_{next(_savepoints)}"
    conn.execute(f"SAVEPOINT {name}")
    try:
        yield
    except BaseException:
        with contextlib.suppress(sqlite3.Error):
            conn.execute(f"ROLLBACK TO {name}")
            conn.execute(f"RELEASE {name}")
        raise
    conn.execute(f"RELEASE {name}")


class Store:
    """What every repository of an open library shares: its connection, reads that say what went
    wrong in words, and writes that are one transaction each, refused up front when the library
    cannot be written (``check_writable`` is the library's own check)."""

    def __init__(self, db: sqlite_utils.Database, check_writable: Callable[[], None]) -> None:
        self.db = db
        self._check_writable = check_writable

    def _rows(self, sql: str, params: Iterable[Any] = ()) -> list[dict[str, Any]]:
        try:
            return list(self.db.query(sql, list(params)))
        except sqlite3.DatabaseError as exc:
            raise translate(exc) from exc

    def _write(self) -> contextlib.AbstractContextManager[sqlite3.Connection]:
        self._check_writable()
        return transaction(self.db)


def folder_writable(folder: Path) -> bool:
    """Can we create files in ``folder``? (``os.access`` lies on some network shares; try it.)"""
    if not os.access(folder, os.W_OK):
        return False
    probe = folder / f".write-test-{os.getpid()}"
    try:
        probe.write_bytes(b"")
        probe.unlink()
        return True
    except OSError:
        return False
