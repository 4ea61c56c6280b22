"""Backups (online, verified, rotated, before migrations), integrity at start, restore."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest

from reader.errors import LibraryError
from reader.library import Library, migrations
from reader.library.backup import (
    backups,
    check_at_start,
    check_file,
    daily_due,
    make_backup,
    mark_closed,
    mark_open,
    restore,
)
from reader.library.db import connect
from reader.library.lock import LibraryLock
from tests.conftest import CORPUS, requires_shared


@pytest.fixture
def filled(tmp_path: Path):
    """A library with a few documents and highlights (the sample issue, imported for real)."""
    from reader.importer import import_paths
    from reader.resources import sample_issue

    folder = tmp_path / "公报 库"
    lib = Library(folder)
    import_paths(lib, [sample_issue()])
    doc = lib.documents()[0]
    for k in range(5):
        lib.annotations.add_highlight(doc.id, 10 * k + 1, 10 * k + 6, "red", note=f"批注 {k}")
    yield lib
    lib.close()


def _notes(folder: Path) -> list[str]:
    with Library(folder, readonly=True) as lib:
        return sorted(h.note for h in lib.annotations.highlights())


def test_a_backup_is_a_verified_copy_made_while_the_library_is_in_use(filled: Library) -> None:
    made = make_backup(filled.folder, "manual")
    filled.annotations.add_highlight(
        filled.documents()[0].id, 100, 110, "green", note="备份之后"
    )  # still open
    assert made.path.parent.name == "backups" and check_file(made.path) is None
    copy = Path(str(made.path) + ".lib")
    copy.mkdir()
    (copy / "library.sqlite").write_bytes(made.path.read_bytes())
    assert _notes(copy) == [f"批注 {k}" for k in range(5)]
    assert not list(made.path.parent.glob(".*.part"))


def test_backups_are_rotated_daily_keeping_migration_ones(filled: Library) -> None:
    start = dt.datetime(2026, 1, 1, 9, 0, 0)
    for day in range(12):
        for hour in (9, 17):
            make_backup(filled.folder, "daily", now=start + dt.timedelta(days=day, hours=hour - 9))
    for k in range(5):
        make_backup(filled.folder, "pre-migration", now=start + dt.timedelta(minutes=k))
    kept = backups(filled.folder)
    daily = [b for b in kept if b.reason == "daily"]
    assert len(daily) == 7 and all(b.when.hour == 17 for b in daily)  # the newest of each day
    assert [b.when.date() for b in daily] == [(start + dt.timedelta(days=d)).date() for d in range(11, 4, -1)]
    assert len([b for b in kept if b.reason == "pre-migration"]) == 3
    assert not daily_due(filled.folder, today=(start + dt.timedelta(days=11)).date())
    assert daily_due(filled.folder, today=(start + dt.timedelta(days=12)).date())


def test_a_schema_upgrade_is_preceded_by_a_backup(tmp_path: Path) -> None:
    folder = tmp_path / "lib"
    folder.mkdir()
    old = connect(folder / "library.sqlite")
    migrations.migrate(old, target=2)
    old.conn.close()
    with Library(folder) as lib:
        assert migrations.version(lib.db) == migrations.SCHEMA_VERSION
    (made,) = backups(folder)
    assert made.reason == "pre-migration"
    ro = connect(made.path, readonly=True)
    assert migrations.version(ro) == 2  # the backup is the library as it was before the upgrade
    ro.conn.close()
    Library(folder).close()  # no upgrade, no new backup
    assert len(backups(folder)) == 1


def _damage(db: Path) -> None:
    data = bytearray(db.read_bytes())
    for page in range(2, len(data) // 4096):  # scribble over every page but the header page
        data[page * 4096 + 100 : page * 4096 + 400] = b"\xa5" * 300
    db.write_bytes(bytes(data))


def test_a_damaged_library_is_found_at_start_and_restored_from_the_newest_good_backup(
    filled: Library,
) -> None:
    folder = filled.folder
    make_backup(folder, "daily", now=dt.datetime(2026, 1, 1, 8))
    good = make_backup(folder, "daily", now=dt.datetime(2026, 1, 2, 8))
    filled.close()
    assert check_at_start(folder).ok
    db = folder / "library.sqlite"
    _damage(db)
    health = check_at_start(folder)
    assert not health.ok and health.problem
    (folder / "library.sqlite-wal").write_bytes(b"stale wal from before the damage" * 100)
    aside = restore(folder, good.path)
    assert (aside / "library.sqlite").exists() and (
        aside / "library.sqlite-wal"
    ).exists()  # kept, not deleted
    assert not (folder / "library.sqlite-wal").exists()
    assert check_at_start(folder).ok
    assert _notes(folder) == [f"批注 {k}" for k in range(5)]


def test_a_damaged_backup_is_never_restored(filled: Library, tmp_path: Path) -> None:
    bad = make_backup(filled.folder, "manual")
    _damage(bad.path)
    with pytest.raises(LibraryError, match="已损坏"):
        restore(filled.folder, bad.path)
    assert check_at_start(filled.folder).ok


def test_an_unclean_shutdown_gets_the_full_check(tmp_path: Path) -> None:
    folder = tmp_path / "lib"
    Library(folder).close()
    assert check_at_start(folder).checked == "quick"
    mark_open(folder)  # what a killed app leaves behind
    health = check_at_start(folder)
    assert health.unclean and health.checked == "full" and health.ok
    mark_closed(folder)
    assert not check_at_start(folder).unclean


def _cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "reader", *args], capture_output=True, text=True, encoding="utf-8"
    )


@requires_shared
def test_cli_backup_check_restore(tmp_path: Path) -> None:
    folder = str(tmp_path / "公报 库")
    assert _cli("--library", folder, "import", str(CORPUS / "qinzhou-2019-01.txt")).returncode == 0
    made = json.loads(_cli("--library", folder, "backup", "--json").stdout)
    assert made["reason"] == "manual" and Path(made["path"]).exists()
    listed = json.loads(_cli("--library", folder, "backup", "--list", "--json").stdout)["backups"]
    assert [b["path"] for b in listed] == [made["path"]]
    assert json.loads(_cli("--library", folder, "check", "--full", "--json").stdout) == {
        "ok": True,
        "check": "full",
        "problem": None,
    }
    app = LibraryLock(Path(folder))
    assert app.acquire()
    r = _cli("--library", folder, "restore")
    assert r.returncode == 1 and "先关闭程序" in r.stderr
    app.release()
    _damage(Path(folder) / "library.sqlite")
    assert _cli("--library", folder, "check").returncode == 1
    r = _cli("--library", folder, "restore", "--json")
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["restored"] == made["path"]
    assert _cli("--library", folder, "check", "--full").returncode == 0
    assert len(json.loads(_cli("--library", folder, "list", "--json").stdout)) > 5


def test_a_restored_library_gets_a_fresh_index(filled: Library) -> None:
    """The index described the replaced database; the restored one is searched by its own."""
    from reader.search.index import SearchIndex
    from reader.search.indexer import ensure_index, index_folder, process_queue, searchable_count

    folder = filled.folder
    backup = make_backup(folder, "manual")
    index = SearchIndex(index_folder(filled))
    ensure_index(filled, index)
    process_queue(filled, index)
    assert index.doc_count() == searchable_count(filled) > 0
    index.close()
    filled.close()
    restore(folder, backup.path, kept_as="replaced")
    assert not (folder / "index").exists()
    assert list(folder.glob("replaced-*/library.sqlite"))
    with Library(folder) as lib:
        index = SearchIndex(index_folder(lib))
        assert ensure_index(lib, index) == "missing"  # rebuilt from the restored database
        process_queue(lib, index)
        assert index.doc_count() == searchable_count(lib)
        index.close()


def test_a_restore_that_cannot_write_its_copy_leaves_the_library_as_it_was(filled: Library) -> None:
    folder = filled.folder
    backup = make_backup(folder, "manual")
    filled.close()
    before = (folder / "library.sqlite").read_bytes()
    (folder / ".library.sqlite.restoring").mkdir()  # the copy's place cannot be written
    with pytest.raises(OSError):
        restore(folder, backup.path, kept_as="replaced")
    assert (folder / "library.sqlite").read_bytes() == before
    assert not list(folder.glob("replaced-*"))
    assert check_at_start(folder).ok
