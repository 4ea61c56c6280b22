"""Every earlier schema version upgrades to the current one with its data intact."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.library import Library, migrations
from reader.library.db import connect

# Rows that existed at each version, written with that version's columns.
SEED = {
    1: [
        """INSERT INTO issues (id, sha256, source_name, stored_path, format, size, imported_at, city, year)
           VALUES (1, 'abc', '旧.txt', 'files/ab/abc.txt', 'text', 10, '2024-01-01T00:00:00+00:00', '钦州市', 2019)""",
        """INSERT INTO documents (id, issue_id, seq, title, number, number_key, text, kind)
           VALUES (1, 1, 1, '钦州市人民政府关于测试的通知', '钦政发〔2019〕1号', '钦政发|2019|1', '正文', 'notice')""",
    ],
    2: [
        "INSERT INTO citations (document_id, title, number, number_key) VALUES (1, '《某文》', '国发〔2018〕1号', '国发|2018|1')",
    ],
    3: [
        "UPDATE documents SET page_start = 0, page_end = 1, page_map = '[[0, 0], [5, 1]]' WHERE id = 1",
        "INSERT INTO reading_state (document_id, view, text_offset, updated_at) VALUES (1, 'page', 3, '2024-01-01')",
    ],
}


@pytest.mark.parametrize("start", range(0, migrations.SCHEMA_VERSION + 1))
def test_upgrade_from_every_version(tmp_path: Path, start: int) -> None:
    folder = tmp_path / "lib"
    folder.mkdir()
    old = connect(folder / "library.sqlite")
    migrations.migrate(old, target=start)
    assert migrations.version(old) == start
    for v in range(1, start + 1):
        for sql in SEED.get(v, []):
            old.conn.execute(sql)
    old.conn.close()

    with Library(folder) as lib:
        assert migrations.version(lib.db) == migrations.SCHEMA_VERSION
        assert lib.db.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert lib.db.conn.execute("PRAGMA foreign_key_check").fetchall() == []
        if start >= 1:
            doc = lib.document(1)
            assert doc.title == "钦州市人民政府关于测试的通知"
            assert doc.issue.city == "钦州市"
            assert doc.attachments == []
            if start < 8:  # the id already used is never given again
                high = lib.db.conn.execute("SELECT high FROM id_marks WHERE name = 'documents'").fetchone()
                assert high[0] == 1
        if start >= 2:
            assert lib.document(1).citations[0]["number"] == "国发〔2018〕1号"
        if start >= 3:
            assert lib.document(1).page_map == [[0, 0], [5, 1]]
            assert lib.reading_state(1).view == "page"
        if start < 6 and start >= 1:
            assert lib.issue(1).parser_version == 1  # split by the first parser: offered a re-split
        # the upgraded library takes new imports
        assert lib.db["documents"].columns_dict["in_toc"] is int


def test_newer_library_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "lib"
    Library(folder).close()
    db = connect(folder / "library.sqlite")
    db.conn.execute(f"PRAGMA user_version = {migrations.SCHEMA_VERSION + 5}")
    db.conn.close()
    with pytest.raises(Exception, match="升级程序"):
        Library(folder)
