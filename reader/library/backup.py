"""Backups of the library database, integrity checks at start, and restoring.

A backup is made with SQLite's online backup API into a temporary file, checked
(``integrity_check`` and the schema version), flushed to disk and only then renamed into
``<library>/backups/`` — a half-written or damaged backup never carries a backup's name. One is
made each day the app is used (the newest per day is kept for ``KEEP_DAYS`` days) and one before
every schema migration. Restoring moves the damaged database and its ``-wal``/``-shm`` aside
(never deletes them) and puts the backup in place, so a stale WAL can never be replayed onto it.

The imported originals (``files/``) are content-addressed and never rewritten, and the search
index is rebuilt from the database: the database is what needs backing up.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import re
import shutil
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from reader.errors import LibraryError, describe_failure

DB_NAME = "library.sqlite"
BACKUP_DIR = "backups"
INDEX_DIR = "index"  # derived from the database (reader.search.indexer.index_folder)
KEEP_DAYS = 7
KEEP_MIGRATION = 3
OPEN_MARKER = ".open"  # present while an app has the library open: left behind = unclean shutdown
_NAME = re.compile(r"^library-(\d{8})-(\d{6})(?:-(\d+))?-([a-z-]+)\.sqlite$")


@dataclass(frozen=True, slots=True)
class BackupInfo:
    path: Path
    when: dt.datetime
    reason: str  # daily | manual | pre-migration

    @property
    def label(self) -> str:
        return f"{self.when:%Y-%m-%d %H:%M:%S}（{ {'daily': '每日', 'manual': '手动', 'pre-migration': '升级前'}.get(self.reason, self.reason) }）"


def backups(folder: Path) -> list[BackupInfo]:
    """The library's backups, newest first."""
    out = []
    for p in (Path(folder) / BACKUP_DIR).glob("library-*.sqlite"):
        m = _NAME.match(p.name)
        if m:
            when = dt.datetime.strptime(m.group(1) + m.group(2), "%Y%m%d%H%M%S")
            out.append(BackupInfo(p, when, m.group(4)))
    return sorted(out, key=lambda b: (b.when, b.path.name), reverse=True)


def _fsync(path: Path) -> None:
    with open(path, "rb") as fh:
        os.fsync(fh.fileno())
    with contextlib.suppress(OSError, AttributeError):  # the directory entry too (POSIX)
        fd = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def check_file(path: Path, full: bool = True) -> str | None:
    """None if ``path`` is a sound SQLite database, else what is wrong (read-only: a backup)."""
    return _integrity(lambda: sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True), full)


def _integrity(connect, full: bool) -> str | None:
    """SQLite's own check, then the schema's: both must be sound (a library file is data)."""
    from reader.library.schema import schema_problem

    try:
        conn = connect()
        # a damaged file's check names what it found in its own bytes: not always UTF-8
        conn.text_factory = lambda b: b.decode("utf-8", "replace")
        try:
            conn.execute("PRAGMA busy_timeout = 5000")
            conn.execute("PRAGMA trusted_schema = OFF")
            rows = conn.execute("PRAGMA integrity_check" if full else "PRAGMA quick_check").fetchall()
            result = "; ".join(r[0] for r in rows[:3])
            if result != "ok":
                return result
            return schema_problem(conn)
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        return str(exc)
    except UnicodeDecodeError:  # SQLite's message quoted the damaged schema's bytes
        return "database disk image is malformed (schema unreadable)"


def make_backup(folder: Path, reason: str = "manual", now: dt.datetime | None = None) -> BackupInfo:
    """Back the database up (online: the app may keep working); verified before it is named."""
    folder = Path(folder)
    src_path = folder / DB_NAME
    if not src_path.exists():
        raise LibraryError(f"没有可备份的资料库：{src_path}")
    now = now or dt.datetime.now()
    target_dir = folder / BACKUP_DIR
    try:
        target_dir.mkdir(exist_ok=True)
    except OSError as exc:
        raise LibraryError(f"无法创建备份文件夹 {target_dir}：{exc.strerror}") from exc
    stem = f"library-{now:%Y%m%d-%H%M%S}"
    name, k = f"{stem}-{reason}.sqlite", 1
    while (target_dir / name).exists():
        k += 1
        name = f"{stem}-{k}-{reason}.sqlite"
    tmp = target_dir / f".{name}.part"
    try:
        src = sqlite3.connect(f"{src_path.resolve().as_uri()}?mode=ro", uri=True)
        dst = sqlite3.connect(str(tmp))
        try:
            src.backup(dst)
            dst.execute("PRAGMA journal_mode = DELETE")  # a backup is one self-contained file
        finally:
            dst.close()
            src.close()
        problem = check_file(tmp)
        if problem:
            raise LibraryError(f"备份校验失败（资料库可能已损坏）：{problem}")
        _fsync(tmp)
        os.replace(tmp, target_dir / name)
    except sqlite3.DatabaseError as exc:
        raise LibraryError(f"备份失败：{describe_failure(exc)}") from exc
    except OSError as exc:
        raise LibraryError(f"备份失败：{describe_failure(exc)}") from exc
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink()
    rotate(folder)
    return BackupInfo(target_dir / name, now.replace(microsecond=0), reason)


def rotate(folder: Path) -> list[Path]:
    """Keep the newest backup of each of the last ``KEEP_DAYS`` days with one, and the newest
    ``KEEP_MIGRATION`` pre-migration ones; remove the rest (and debris of interrupted backups)."""
    removed = []
    keep: set[Path] = set()
    days: list[dt.date] = []
    for b in backups(folder):
        if b.reason == "pre-migration":
            continue
        day = b.when.date()
        if day not in days:
            days.append(day)
            if len(days) <= KEEP_DAYS:
                keep.add(b.path)
    keep.update(b.path for b in [b for b in backups(folder) if b.reason == "pre-migration"][:KEEP_MIGRATION])
    for b in backups(folder):
        if b.path not in keep:
            with contextlib.suppress(OSError):
                b.path.unlink()
                removed.append(b.path)
    for debris in (Path(folder) / BACKUP_DIR).glob(".*.part"):
        with contextlib.suppress(OSError):
            debris.unlink()
    return removed


def daily_due(folder: Path, today: dt.date | None = None) -> bool:
    today = today or dt.date.today()
    return (Path(folder) / DB_NAME).exists() and not any(b.when.date() == today for b in backups(folder))


def set_aside(folder: Path, kept_as: str = "damaged") -> Path:
    """Move the database and its ``-wal``/``-shm``/``-journal`` into ``<kept_as>-<time>/``.

    Never deletes: whatever is in them can still be looked at (or sent to us). The derived search
    index goes, since it describes that database. The caller must hold the library's lock."""
    folder = Path(folder)
    aside = folder / f"{kept_as}-{dt.datetime.now():%Y%m%d-%H%M%S}"
    aside.mkdir(exist_ok=True)
    for suffix in ("", "-wal", "-shm", "-journal"):  # a stale WAL must never meet another file
        p = folder / f"{DB_NAME}{suffix}"
        if p.exists():
            shutil.move(str(p), str(aside / p.name))
    shutil.rmtree(folder / INDEX_DIR, ignore_errors=True)
    return aside


def restore(folder: Path, backup: Path, kept_as: str = "damaged") -> Path:
    """Put ``backup`` in place of the library database; returns where the old one was moved.

    ``kept_as`` names the folder the replaced database goes to (``damaged-…`` after a failed
    check, ``replaced-…`` when the user chose to go back). The search index is rebuilt from the
    restored database at the next start. The caller must have closed the library (and hold its
    lock)."""
    folder = Path(folder)
    problem = check_file(backup)
    if problem:
        raise LibraryError(f"这个备份已损坏，不能用来恢复：{backup.name}（{problem}）")
    tmp = folder / f".{DB_NAME}.restoring"
    try:  # copied first: a full disk fails here, with the library still as it was
        shutil.copyfile(backup, tmp)
        _fsync(tmp)
    except OSError:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    aside = set_aside(folder, kept_as)
    os.replace(tmp, folder / DB_NAME)
    return aside


@dataclass(slots=True)
class Health:
    ok: bool
    unclean: bool  # the previous session did not close the library
    checked: str  # "quick" or "full"
    problem: str | None = None


def check_at_start(folder: Path) -> Health:
    """``quick_check`` on every start; the full check after an unclean shutdown."""
    folder = Path(folder)
    db = folder / DB_NAME
    unclean = (folder / OPEN_MARKER).exists()
    if not db.exists():
        return Health(True, unclean, "none")
    kind = "full" if unclean else "quick"
    problem = _check_live(db, full=unclean)
    return Health(problem is None, unclean, kind, problem)


def _check_live(db: Path, full: bool) -> str | None:
    """Check through a normal connection, so a WAL left by a crash is replayed first."""
    return _integrity(lambda: sqlite3.connect(str(db), isolation_level=None), full)


def mark_open(folder: Path) -> None:
    """Before the database is touched: a crash from here on is noticed at the next start."""
    with contextlib.suppress(OSError):
        Path(folder).mkdir(parents=True, exist_ok=True)
        (Path(folder) / OPEN_MARKER).write_text(str(os.getpid()), encoding="utf-8")


def mark_closed(folder: Path) -> None:
    with contextlib.suppress(OSError):
        (Path(folder) / OPEN_MARKER).unlink()
