"""Batch imports with bad files: each bad file reported with a reason, the rest imported."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from reader.importer import import_paths
from reader.library import Library
from tests.conftest import BADINPUT, CORPUS, DATA


def _bad_files(tmp_path: Path) -> dict[str, Path]:
    d = tmp_path / "bad"
    d.mkdir()
    files = {
        "empty": d / "空文件.txt",
        "binary": d / "junk.txt",
        "encoding": d / "乱码.txt",
        "unsupported": d / "报告.xlsx",
    }
    files["empty"].write_bytes(b"")
    files["binary"].write_bytes(os.urandom(4096) + bytes(range(32)) * 64)
    files["encoding"].write_bytes(("锟斤拷" * 50).encode())
    files["unsupported"].write_bytes(b"PK\x03\x04")
    return files


def test_batch_continues_past_bad_files(library: Library, tmp_path: Path) -> None:
    bad = _bad_files(tmp_path)
    good = DATA / "yulin_like.txt"
    missing = tmp_path / "不存在.txt"
    outcomes = import_paths(
        library, [bad["empty"], bad["binary"], good, bad["encoding"], missing, bad["unsupported"]]
    )
    by_name = {Path(o.path).name: o for o in outcomes}
    assert by_name["yulin_like.txt"].status == "imported"
    for category, path in bad.items():
        o = by_name[path.name]
        assert (o.status, o.category) == ("failed", category), path.name
        assert o.reason
    assert by_name["不存在.txt"].category == "missing"
    assert library.counts() == {"issues": 1, "documents": 6}


def test_folder_import_is_recursive_and_sorted(library: Library, tmp_path: Path) -> None:
    root = tmp_path / "公报 文件夹"
    (root / "2019" / "子目录").mkdir(parents=True)
    (root / "2019" / "子目录" / "b.txt").write_bytes((DATA / "yulin_like.txt").read_bytes())
    (root / "a.md").write_text("# 学习笔记\n\n内容。\n", encoding="utf-8")
    (root / "ignore.xlsx").write_bytes(b"x")
    outcomes = import_paths(library, [root])
    assert [Path(o.path).name for o in outcomes] == ["a.md", "b.txt"]
    assert all(o.status == "imported" for o in outcomes)


def test_cancel_stops_between_files(library: Library) -> None:
    seen: list[str] = []
    outcomes = import_paths(
        library,
        [DATA / "yulin_like.txt", DATA / "yulin_like.txt"],
        progress=lambda done, total, cur: seen.append(cur),
        cancelled=lambda: len(seen) >= 1,
    )
    assert len(outcomes) == 1


@pytest.mark.skipif(not BADINPUT.is_dir(), reason="shared/badinput not found")
def test_shared_bad_text_folder_in_one_batch(library: Library) -> None:
    outcomes = import_paths(library, [BADINPUT / "text"])
    assert outcomes, "the folder holds .txt files"
    failed = [o for o in outcomes if o.status == "failed"]
    assert {o.category for o in failed} <= {"encoding", "binary", "empty", "unsupported"}
    by_name = {Path(o.path).name: o for o in outcomes}
    csv = by_name["UTF-16LE__nobom-utf16le.txt"]  # a CSV of exchange rates, named .txt
    assert (csv.category, csv.reason) == ("unsupported", "这是表格数据（如 CSV），不是公文：未导入")
    # the same report in several encodings and line ends is one issue, the others said present
    reports = [o for n, o in by_name.items() if n.startswith("2024_gov_work_report") and "truncated" not in n]
    assert sum(o.status == "imported" for o in reports) == 1 and len(reports) >= 4
    assert all("未重复导入" in o.warnings[0] for o in reports if o.status == "present")
    names = {Path(o.path).name for o in failed}
    assert {"botwraith__gb18030_mojibake.txt", "botwraith__gbk_mojibake.txt", "zh_euc-tw.txt"} <= names
    imported = sum(o.status == "imported" for o in outcomes)
    assert library.counts()["issues"] == imported
    # every imported document has text: nothing half-imported
    assert all(library.document(d.id).text.strip() for d in library.documents())


@pytest.mark.skipif(not CORPUS.is_dir(), reason="shared corpus not found")
def test_corpus_imports_with_gold_counts(library: Library) -> None:
    outcomes = import_paths(library, [CORPUS])
    assert [o.documents for o in outcomes] == [12, 14, 17]


def test_a_full_disk_during_import_is_reported_and_leaves_the_library_as_it_was(library: Library) -> None:
    import_paths(library, [DATA / "yulin_like.txt"])
    before = library.counts()
    pages = library.db.conn.execute("PRAGMA page_count").fetchone()[0]
    library.db.conn.execute(f"PRAGMA max_page_count = {pages}")  # SQLite's view of a full disk
    (outcome,) = import_paths(library, [CORPUS / "qinzhou-2022-04.txt"])
    assert outcome.status == "failed" and "磁盘已满" in outcome.reason
    assert library.counts() == before
    assert library.db.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    library.db.conn.execute("PRAGMA max_page_count = 1073741823")
    assert import_paths(library, [CORPUS / "qinzhou-2022-04.txt"])[0].status == "imported"


def test_markdown_links_read_as_their_words(library: Library, tmp_path: Path) -> None:
    from reader.importer import readable_text

    md = '见[《通知》](https://www.gov.cn/a.html "标题")与![图](x.png)，详见<http://www.gov.cn/b>。'
    assert readable_text(md, "说明.md") == "见《通知》与图，详见http://www.gov.cn/b。"
    assert readable_text(md, "说明.txt") == md  # only Markdown files are read as Markdown
    source = tmp_path / "公告.md"
    source.write_text(
        "# 关于开放数据的公告\n\n根据[《数据条例》](https://example.gov.cn/tiaoli)，现予公告。\n",
        encoding="utf-8",
    )
    [outcome] = import_paths(library, [source])
    text = library.document(library.documents(issue_id=outcome.issue_id)[0].id).text
    assert "《数据条例》" in text and "](" not in text and "https://" not in text
