"""Word files: the corpus-web 公文 written as .docx with a 公文's layout (centred large title,
centred 发文字号 line, right-set 成文日期, a table) import with the metadata of their text versions;
hostile archives are refused with a category and nothing of them is written anywhere."""

from __future__ import annotations

import io
import json
import re
import zipfile
from pathlib import Path

import pytest
from docx import Document as Docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt

from reader.importer import import_paths
from reader.library import Library
from tests.conftest import SHARED, requires_shared

WEB = SHARED / "corpus-web"


def _gold() -> list[dict]:
    if not (WEB / "gold.json").exists():
        return []
    return json.loads((WEB / "gold.json").read_text("utf-8"))["documents"]


def _as_docx(text: str, gold: dict, out: Path) -> Path:
    """The text as a Word 公文: the title lines centred in 22 pt bold, the 发文字号 line centred,
    the date against the right margin, the rest 16 pt body; a table after the first paragraph."""
    doc = Docx()
    title = re.sub(r"\s+", "", gold["title"])
    seen_title = ""
    for n, line in enumerate(text.splitlines()):
        flat = re.sub(r"\s+", "", line)
        p = doc.add_paragraph()
        run = p.add_run(line)
        run.font.size = Pt(16)
        if flat and title.startswith(seen_title + flat) and len(seen_title) < len(title):
            seen_title += flat
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            run.font.size, run.bold = Pt(22), True
        elif gold["number"] and flat == re.sub(r"\s+", "", gold["number"]):
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        elif re.fullmatch(r"(?:19|20)\d\d年\d{1,2}月\d{1,2}日", flat):
            p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        if n == 3:
            table = doc.add_table(rows=2, cols=3)
            for r, row in enumerate((("序号", "工作任务", "完成时限"), ("1", "报送材料", "2019年6月底前"))):
                for c, value in enumerate(row):
                    table.cell(r, c).text = value
    doc.save(out)
    return out


@requires_shared
@pytest.mark.parametrize("gold", _gold(), ids=lambda g: g["file"])
def test_a_word_version_reads_like_the_text(gold: dict, tmp_path: Path) -> None:
    text = (WEB / "docs" / gold["file"]).read_text("utf-8")
    docx_file = _as_docx(text, gold, tmp_path / (Path(gold["file"]).stem + ".docx"))
    with Library(tmp_path / "lib") as lib:
        [outcome] = import_paths(lib, [docx_file])
        assert outcome.ok and outcome.format == "docx", outcome.reason
        docs = lib.documents(issue_id=outcome.issue_id)
        assert len(docs) == 1
        doc = lib.document(docs[0].id)
        assert re.sub(r"\s+", "", doc.title) == re.sub(r"\s+", "", gold["title"])
        assert doc.number == gold["number"]
        assert doc.date == gold["date"]
        assert doc.kind == gold["kind"]
        if len(text.splitlines()) > 4:  # the table went in after the fourth line
            assert "报送材料\t2019年6月底前" in doc.text  # the table's row, its cells apart


def _zip(entries: dict[str, bytes], compression=zipfile.ZIP_DEFLATED) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression) as z:
        for name, data in entries.items():
            z.writestr(name, data)
    return buf.getvalue()


@pytest.mark.parametrize(
    ("name", "data", "category"),
    [
        ("nozip.docx", b"PK\x03\x04 not really a zip", "corrupt"),
        ("nobody.docx", _zip({"[Content_Types].xml": b"<Types/>"}), "corrupt"),
        (
            "broken.docx",
            _zip({"[Content_Types].xml": b"<Types", "word/document.xml": b"<w:document"}),
            "corrupt",
        ),
        ("old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512, "unsupported"),
        ("old.wps", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512, "unsupported"),
    ],
)
def test_a_hostile_or_old_word_file_is_refused_with_its_category(
    name: str, data: bytes, category: str, tmp_path: Path
) -> None:
    f = tmp_path / name
    f.write_bytes(data)
    with Library(tmp_path / "lib") as lib:
        [outcome] = import_paths(lib, [f])
        assert not outcome.ok and outcome.category == category, (outcome.category, outcome.reason)
        assert lib.counts()["issues"] == 0
        assert (
            list((tmp_path / "lib" / "files").glob("*")) == []
            if (tmp_path / "lib" / "files").exists()
            else True
        )
    if name.endswith((".doc", ".wps")):
        assert "另存为" in outcome.reason and ".docx" in outcome.reason


def test_a_zip_bomb_is_refused_before_it_is_inflated(tmp_path: Path) -> None:
    f = tmp_path / "bomb.docx"
    with zipfile.ZipFile(f, "w", zipfile.ZIP_DEFLATED) as z:  # 210 MB of zeros in ~200 KB
        z.writestr("word/document.xml", b"<w:document/>")
        with z.open("word/media/x.bin", "w") as part:
            chunk = b"\0" * (1 << 20)
            for _ in range(210):
                part.write(chunk)
    assert f.stat().st_size < 1 << 20
    with Library(tmp_path / "lib") as lib:
        [outcome] = import_paths(lib, [f])
        assert outcome.category == "too_large" and "压缩炸弹" in outcome.reason


def test_names_in_the_archive_are_never_paths(tmp_path: Path) -> None:
    """A part named ../../escaped is only a name: nothing is written outside (or inside)."""
    good = io.BytesIO()
    d = Docx()
    d.add_paragraph("钦州市人民政府关于报送材料的通知")
    d.add_paragraph("请于6月10日前报送。")
    d.save(good)
    with zipfile.ZipFile(good, "a") as z:
        z.writestr("../../escaped.txt", b"x")
    f = tmp_path / "in" / "traversal.docx"
    f.parent.mkdir()
    f.write_bytes(good.getvalue())
    with Library(tmp_path / "lib") as lib:
        [outcome] = import_paths(lib, [f])
        assert outcome.ok, outcome.reason
    assert not (tmp_path / "escaped.txt").exists() and not (tmp_path.parent / "escaped.txt").exists()


def test_a_word_issue_is_split_again_from_its_stored_original(tmp_path: Path) -> None:
    from reader.reparse import reparse_issue

    d = Docx()
    for line, centred in (("钦州市人民政府关于报送材料的通知", True), ("钦政发〔2019〕9号", True)):
        p = d.add_paragraph()
        p.add_run(line).font.size = Pt(22 if "通知" in line else 16)
        if centred:
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    d.add_paragraph("各县、区人民政府：")
    d.add_paragraph("请于6月10日前将年度总结报送市发展改革委。")
    right = d.add_paragraph("2019年2月20日")
    right.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    f = tmp_path / "notice.docx"
    d.save(f)
    with Library(tmp_path / "lib") as lib:
        [outcome] = import_paths(lib, [f])
        doc = lib.document(lib.documents(issue_id=outcome.issue_id)[0].id)
        assert (doc.title, doc.number, doc.date) == (
            "钦州市人民政府关于报送材料的通知",
            "钦政发〔2019〕9号",
            "2019-02-20",
        )
        result = reparse_issue(lib, outcome.issue_id)
        assert result.reason is None and result.status.value in ("unchanged", "reparsed")
        assert lib.document(doc.id).title == doc.title
