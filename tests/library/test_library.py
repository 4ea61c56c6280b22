"""The library: atomic imports, idempotence, read-only and locked libraries."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from reader.errors import LibraryError, LibraryReadOnly
from reader.importer import import_file, import_paths
from reader.library import Library, db
from tests.conftest import DATA

SAMPLE = DATA / "yulin_like.txt"


def _snapshot(lib: Library) -> tuple:
    rows = (
        lib.db.conn.execute("SELECT COUNT(*) FROM issues").fetchone()[0],
        lib.db.conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0],
    )
    files = sorted(
        str(p.relative_to(lib.folder)) for p in lib.folder.rglob("*") if p.is_file() and "files" in p.parts
    )
    return rows, files


def test_import_stores_issue_documents_and_original(library: Library) -> None:
    outcome = import_file(library, SAMPLE)
    assert outcome.status == "imported" and outcome.documents == 6
    issue = library.issue(outcome.issue_id)
    assert issue.label == "玉林市 2019年第1期 (总第120期)"
    stored = library.folder / issue.stored_path
    assert stored.read_bytes() == SAMPLE.read_bytes()
    docs = library.documents(issue_id=issue.id)
    assert [d.seq for d in docs] == list(range(1, 7))
    full = library.document(docs[0].id)
    assert full.number == "玉政发〔2019〕3号" and full.issue.id == issue.id
    assert library.find_by_number("玉政发|2019|3") == [docs[0].id]
    assert library.document(docs[1].id).citations[0]["number"] == "玉政办规〔2018〕7号"


def test_reimport_adds_nothing_and_says_so(library: Library, tmp_path: Path) -> None:
    first = import_file(library, SAMPLE)
    before = _snapshot(library)
    copy = tmp_path / "改名后的副本.txt"
    copy.write_bytes(SAMPLE.read_bytes())
    again = import_paths(library, [SAMPLE, copy])
    assert [o.status for o in again] == ["present", "present"]
    assert all(o.issue_id == first.issue_id for o in again)
    assert _snapshot(library) == before


def test_failed_transaction_leaves_library_unchanged(library: Library) -> None:
    """A failure in the middle of writing documents rolls back the issue and its stored file."""
    library.db.conn.execute(
        """CREATE TRIGGER fail_mid_import BEFORE INSERT ON documents
           WHEN NEW.seq = 4 BEGIN SELECT RAISE(ABORT, 'simulated failure'); END"""
    )
    before = _snapshot(library)
    outcome = import_file(library, SAMPLE)
    assert outcome.status == "failed" and outcome.category == "library"
    assert _snapshot(library) == before
    library.db.conn.execute("DROP TRIGGER fail_mid_import")
    assert import_file(library, SAMPLE).status == "imported"


def test_readonly_library_refuses_writes_and_stays_unchanged(tmp_path: Path) -> None:
    folder = tmp_path / "lib"
    with Library(folder) as lib:
        import_file(lib, SAMPLE)
        before = _snapshot(lib)
    with Library(folder, readonly=True) as ro:
        assert ro.readonly
        outcome = import_file(ro, DATA / "yulin_like.txt")
        assert outcome.status == "present"  # reading still works
        other = tmp_path / "other.txt"
        other.write_text(
            "玉林市人民政府\n关于测试的通知\n玉政发〔2020〕1号\n各单位：\n测试。\n", encoding="utf-8"
        )
        failed = import_file(ro, other)
        assert failed.status == "failed" and "只读" in failed.reason
        assert _snapshot(ro) == before
        assert len(ro.documents()) == 6


@pytest.mark.skipif(os.geteuid() == 0 if hasattr(os, "geteuid") else True, reason="root ignores permissions")
def test_readonly_folder_opens_readonly(tmp_path: Path) -> None:
    folder = tmp_path / "lib"
    Library(folder).close()
    folder.chmod(0o555)
    (folder / "library.sqlite").chmod(0o444)
    try:
        with Library(folder) as lib:
            assert lib.readonly
    finally:
        folder.chmod(0o755)
        (folder / "library.sqlite").chmod(0o644)


def test_missing_library_folder_is_created_with_chinese_and_spaces(tmp_path: Path) -> None:
    folder = tmp_path / "我的 资料库" / "公报 2019"
    with Library(folder) as lib:
        assert import_file(lib, SAMPLE).status == "imported"
    assert (folder / "library.sqlite").exists()


def test_not_creating_a_missing_library_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(LibraryError):
        Library(tmp_path / "nope", create=False)


def test_locked_library_reports_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(db, "BUSY_TIMEOUT_MS", 200)
    folder = tmp_path / "lib"
    with Library(folder) as lib:
        blocker = sqlite3.connect(folder / "library.sqlite", isolation_level=None)
        blocker.execute("BEGIN IMMEDIATE")
        try:
            outcome = import_file(lib, SAMPLE)
        finally:
            blocker.execute("ROLLBACK")
            blocker.close()
        assert outcome.status == "failed"
        assert "占用" in outcome.reason
        assert lib.counts() == {"issues": 0, "documents": 0}
        assert not list((folder / "files").rglob("*.txt"))


def test_a_file_that_is_not_a_database_is_reported(tmp_path: Path) -> None:
    folder = tmp_path / "lib"
    folder.mkdir()
    (folder / "library.sqlite").write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(LibraryError, match="损坏"):
        Library(folder)


def test_readonly_without_database_cannot_be_created(tmp_path: Path) -> None:
    with pytest.raises(LibraryReadOnly):
        Library(tmp_path / "x", readonly=True)


def test_filters_and_sorting(library: Library) -> None:
    import_file(library, SAMPLE)
    assert {d.kind for d in library.documents(kind="notice")} == {"notice"}
    assert len(library.documents(issuer="水利局")) == 1
    assert len(library.documents(city="玉林市", year=2019)) == 6
    dated = [d.date for d in library.documents(sort="date") if d.date]
    assert dated == sorted(dated, reverse=True)
    facets = library.facets()
    assert facets["city"] == ["玉林市"] and 2019 in facets["year"]
