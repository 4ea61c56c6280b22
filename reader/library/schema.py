"""Is this library's schema the one this program made? A library file is data from anywhere.

A ``library.sqlite`` copied from a stick or a share can carry triggers and views of its own: a
planted trigger runs with the program's rights on the next write (one deleted every highlight on
the next ``tag``). The schema expected at each version is what :mod:`migrations` builds in an
empty database; a library whose tables, indexes, triggers or views differ is not opened, and
``check`` says what differs (and that a newer version wrote it, when that is the case).
"""

from __future__ import annotations

import functools
import re
import sqlite3

import sqlite_utils

from reader.library import migrations

_WS = re.compile(r"\s+")


def _objects(conn: sqlite3.Connection) -> dict[tuple[str, str], str]:
    rows = conn.execute("SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'").fetchall()
    return {(t, n): _WS.sub(" ", s or "").strip() for t, n, s in rows}


@functools.cache
def expected(version: int) -> dict[tuple[str, str], str]:
    """The tables, indexes, triggers and views the migrations make up to ``version``."""
    conn = sqlite3.connect(":memory:", isolation_level=None)
    try:
        migrations.migrate(sqlite_utils.Database(conn), target=version)
        return _objects(conn)
    finally:
        conn.close()


def schema_problem(conn: sqlite3.Connection) -> str | None:
    """None if the schema is exactly what this program made at its version, else what is not."""
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if version > migrations.SCHEMA_VERSION:
        return f"资料库版本 {version} 比本程序支持的版本 {migrations.SCHEMA_VERSION} 新，请升级程序"
    want, have = expected(version), _objects(conn)
    names = {"table": "表", "index": "索引", "trigger": "触发器", "view": "视图"}
    extra = sorted(set(have) - set(want))
    if extra:
        listed = "、".join(f"{names.get(t, t)} {n}" for t, n in extra[:5])
        return f"资料库含有不属于本程序的{listed}（可能被篡改）"
    missing = sorted(set(want) - set(have))
    if missing:
        listed = "、".join(f"{names.get(t, t)} {n}" for t, n in missing[:5])
        return f"资料库缺少{listed}"
    changed = sorted(k for k in want if want[k] != have[k])
    if changed:
        listed = "、".join(f"{names.get(t, t)} {n}" for t, n in changed[:5])
        return f"资料库的{listed}与本程序所建的不同（可能被篡改）"
    return None
