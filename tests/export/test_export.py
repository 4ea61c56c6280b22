"""Exports are opened and checked: Word, PDF annotations, CSV, JSON round trip, Markdown, HTML."""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import sys
from pathlib import Path

import pymupdf
import pytest
from docx import Document
from docx.oxml.ns import qn

from reader.citation import flatten, quoted
from reader.export import ExportError, Scope, collect, export
from reader.export.envelope import import_annotations
from reader.importer import import_paths
from reader.library import Library
from reader.pagemap import page_segments
from tests.conftest import CORPUS, requires_shared
from tests.helpers.pdfgen import gazette_pdf

pytestmark = requires_shared
COLOURS = ["yellow", "red", "green", "blue", "purple"]


def _squash(text: str) -> str:
    return "".join(text.split())


@pytest.fixture(scope="module")
def annotated(tmp_path_factory: pytest.TempPathFactory):
    """A library with a text issue and a PDF issue, highlights (with notes and tags) in several
    documents, made in an order different from document order."""
    folder = tmp_path_factory.mktemp("export")
    pdf = folder / "钦州 2019-01.pdf"
    gazette_pdf(
        (CORPUS / "qinzhou-2019-01.txt").read_text(encoding="utf-8"), pdf, header="钦州市人民政府公报"
    )
    lib = Library(folder / "lib")
    import_paths(lib, [CORPUS / "qinzhou-2019-09.txt", pdf])
    made = []
    long_docs = [d for d in lib.documents() if len(lib.document(d.id).text) > 900]
    docs = [d for i in {d.issue_id for d in long_docs} for d in [x for x in long_docs if x.issue_id == i][:4]]
    for k, summary in enumerate(docs):
        text = lib.document(summary.id).text
        for j, at in enumerate((700, 150, 420)):  # out of order on purpose
            start = at
            while not text[start].strip():
                start += 1
            h = lib.annotations.add_highlight(
                summary.id,
                start,
                start + 14 + j,
                COLOURS[(k + j) % 5],
                note=f"第{k}篇第{j}条：请办公室跟进\n- 本周内",
                tags=["督办"] if j == 0 else [],
            )
            made.append(h)
    lib.annotations.set_document_note(docs[0].id, "整篇传达到各科室。")
    yield lib, made, folder
    lib.close()


def _expected_order(lib: Library) -> list:
    return collect(lib, Scope(everything=True)).groups


def test_docx_has_every_highlight_and_note_in_order_under_its_document(annotated, tmp_path: Path) -> None:
    lib, made, _ = annotated
    report = export(lib, Scope(everything=True), "docx", tmp_path / "批注.docx")
    assert report.highlights == len(made)
    doc = Document(str(tmp_path / "批注.docx"))
    paragraphs = [(p.style.name, p.text) for p in doc.paragraphs]
    expected = []
    for group in _expected_order(lib):
        expected.append(("Heading 1", group.label))
        for entry in group.entries:
            expected.append(("Heading 2", entry.record.title))
            starts = [it.start for it in entry.items]
            assert starts == sorted(starts)
            for item in entry.items:
                expected.append(("GB Quote", quoted(item.quote)))
                expected.append(("GB Note", "批注：" + item.note.strip()))
    it = iter(paragraphs)
    for want in expected:  # in this order, each found after the previous one
        assert any(p == want for p in it), want
    quotes = [t for s, t in paragraphs if s == "GB Quote"]
    assert len(quotes) == len(made)
    meta = [t for s, t in paragraphs if s == "GB Meta"]
    assert any("钦政发〔2019〕18号" in m and "2019年11月28日" in m for m in meta)
    east_asian = {
        name: doc.styles[name].element.rPr.find(qn("w:rFonts")).get(qn("w:eastAsia"))
        for name in ("Normal", "GB Quote", "Heading 1", "GB Title")
    }
    assert east_asian == {"Normal": "仿宋", "GB Quote": "楷体", "Heading 1": "黑体", "GB Title": "宋体"}


def _annotations(path: Path) -> list[tuple[int, str, tuple, str]]:
    out = []
    with pymupdf.open(path) as pdf:
        for page in pdf:
            for annot in page.annots():
                v = annot.vertices
                quads = [pymupdf.Quad(v[i : i + 4]) for i in range(0, len(v), 4)]
                under = "".join(
                    page.get_textbox(
                        pymupdf.Rect(q.rect.x0 + 0.5, q.rect.y0 + 0.5, q.rect.x1 - 0.5, q.rect.y1 - 0.5)
                    )
                    for q in quads
                )
                out.append(
                    (page.number, _squash(under), tuple(annot.colors["stroke"]), annot.info["content"])
                )
    return out


def test_pdf_of_a_pdf_document_has_its_pages_and_one_annotation_per_highlight(
    annotated, tmp_path: Path
) -> None:
    lib, made, _ = annotated
    pdf_docs = [d.id for d in lib.documents() if lib.document(d.id).is_pdf]
    target = next(i for i in pdf_docs if any(h.document_id == i for h in made))
    record = lib.document(target)
    out = tmp_path / "one.pdf"
    export(lib, Scope(doc_ids=[target]), "pdf", out)
    with pymupdf.open(out) as pdf:
        assert pdf.page_count == record.page_end - record.page_start + 1
    found = _annotations(out)
    mine = [h for h in made if h.document_id == target]
    segments = [
        (page - record.page_start, _squash(seg), h)
        for h in mine
        for page, seg, _ in page_segments(record.text, record.page_map, h.start, h.end)
    ]
    assert len(found) == len(segments)
    for page, text, h in segments:
        assert any(p == page and t == text for p, t, _, _ in found), (page, text)
        assert any(c.startswith("第") and h.note == c for *_, c in found)


def test_pdf_of_text_documents_is_typeset_with_the_highlights_annotated(annotated, tmp_path: Path) -> None:
    lib, made, _ = annotated
    text_docs = {d.id for d in lib.documents() if not lib.document(d.id).is_pdf}
    mine = [h for h in made if h.document_id in text_docs]
    out = tmp_path / "typeset.pdf"
    export(lib, Scope(doc_ids=sorted(text_docs)), "pdf", out)
    found = _annotations(out)
    joined = "".join(t for _, t, _, _ in found)
    for h in mine:
        assert _squash(h.quote) in joined  # a passage over a page break is two annotations
    assert len(found) >= len(mine)
    with pymupdf.open(out) as pdf:
        assert "钦州市人民政府" in pdf[0].get_text()
        # only the glyphs used are embedded (the whole CJK fallback font is 1.7 MB)
        fonts = {f[3] for page in pdf for f in page.get_fonts()}
        assert fonts and all("+" in name for name in fonts), fonts
    assert out.stat().st_size < 400_000 * max(1, len(text_docs) // 10)


def test_csv_opens_with_a_bom_and_a_row_per_highlight(annotated, tmp_path: Path) -> None:
    lib, made, _ = annotated
    out = tmp_path / "批注.csv"
    export(lib, Scope(everything=True), "csv", out)
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    assert len(rows) == len(made)
    by_uuid = {r["uuid"]: r for r in rows}
    for h in made:
        row = by_uuid[h.uuid]
        assert row["原文"] == h.quote and row["批注"] == h.note and row["文档编号"] == str(h.document_id)
        assert row["链接"] == f"gongbao://doc/{h.document_id}#hl={h.uuid}"
    assert any(r["页码"] for r in rows) and any(r["章节"] for r in rows)


def _state(lib: Library) -> list[tuple]:
    return sorted(
        (h.uuid, h.document_id, h.start, h.end, h.quote, h.color, h.note, tuple(sorted(h.tags)), h.created_at)
        for h in lib.annotations.highlights()
    )


def test_json_round_trip_restores_identical_annotations_without_duplicates(annotated, tmp_path: Path) -> None:
    lib, made, _ = annotated
    before = _state(lib)
    out = tmp_path / "批注.json"
    export(lib, Scope(everything=True), "json", out)
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["format"] == "gongbao-annotations" and data["version"] == 1
    try:
        for h in made:
            lib.annotations.delete(h.uuid)
        lib.annotations.purge_deleted()
        assert _state(lib) == []
        report = import_annotations(lib, out)
        assert report.added == len(made) and report.orphaned == 0
        assert _state(lib) == before
        again = import_annotations(lib, out)  # merging the same file adds nothing
        assert again.added == 0 and again.unchanged == len(made)
        assert _state(lib) == before
        lib.annotations.delete(made[0].uuid)  # deleted here (undo history), restored by import
        assert import_annotations(lib, out).restored == 1
        assert _state(lib) == before
    finally:
        import_annotations(lib, out)


def test_json_imports_into_another_library_with_the_same_issues(annotated, tmp_path: Path) -> None:
    lib, made, folder = annotated
    out = tmp_path / "批注.json"
    export(lib, Scope(everything=True), "json", out)
    other = Library(tmp_path / "other")
    import_paths(
        other, [folder / "钦州 2019-01.pdf", CORPUS / "qinzhou-2019-09.txt"]
    )  # other order: other ids
    report = import_annotations(other, out)
    assert report.added == len(made) and report.missing_documents == 0
    titles = {d.id: d.title for d in lib.documents()}
    moved = {(titles[h.document_id], h.quote, h.note) for h in lib.annotations.highlights()}
    other_titles = {d.id: d.title for d in other.documents()}
    assert {(other_titles[h.document_id], h.quote, h.note) for h in other.annotations.highlights()} == moved
    other.close()


def test_markdown_links_every_highlight_back(annotated, tmp_path: Path) -> None:
    lib, made, _ = annotated
    out = tmp_path / "批注.md"
    export(lib, Scope(everything=True), "md", out)
    text = out.read_text(encoding="utf-8")
    links = set(re.findall(r"\(gongbao://doc/(\d+)#hl=([0-9a-f-]{36})\)", text))
    assert links == {(str(h.document_id), h.uuid) for h in made}
    assert "**文档批注：** 整篇传达到各科室。" in text


def test_html_is_self_contained_and_keeps_colours(annotated, tmp_path: Path) -> None:
    lib, made, _ = annotated
    out = tmp_path / "批注.html"
    export(lib, Scope(everything=True), "html", out)
    page = out.read_text(encoding="utf-8")
    assert "<script" not in page and " src=" not in page
    assert all(h.startswith("gongbao://") for h in re.findall(r'href="([^"]+)"', page))
    for hexcode in {"#ffe066", "#ff8a80", "#b9f6ca"}:
        assert f"background-color:{hexcode}" in page
    assert page.count("<blockquote") == len(made)


def test_scopes_and_filters(annotated, tmp_path: Path) -> None:
    lib, made, _ = annotated
    red = collect(lib, Scope(everything=True, color="red"))
    assert {it.color for _, _, it in red.items()} == {"red"}
    assert red.highlight_count == sum(h.color == "red" for h in made)
    tagged = collect(lib, Scope(tag="督办"))
    assert {it.uuid for _, _, it in tagged.items()} == {h.uuid for h in made if "督办" in h.tags}
    one = made[0].document_id
    assert {e.id for e in collect(lib, Scope(doc_ids=[one])).entries()} == {one}
    with pytest.raises(ExportError):
        export(lib, Scope(everything=True, date_to="2000-01-01"), "md", tmp_path / "none.md")
    assert not list(tmp_path.glob("*none*"))


def test_an_unwritable_destination_is_refused_without_a_partial_file(annotated, tmp_path: Path) -> None:
    lib, *_ = annotated
    with pytest.raises(ExportError):
        export(lib, Scope(everything=True), "docx", tmp_path / "no such folder" / "x.docx")
    with pytest.raises(ExportError):
        export(lib, Scope(everything=True), "docx", tmp_path)
    assert list(tmp_path.iterdir()) == []


def _cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "reader", *args], capture_output=True, text=True, encoding="utf-8"
    )


def test_cli_export_and_import(annotated, tmp_path: Path) -> None:
    _lib, made, folder = annotated

    def export_cli(*args: str) -> subprocess.CompletedProcess:
        return _cli("--library", str(folder / "lib"), "export", *args)

    r = export_cli("--all", "--format", "docx", "--out", str(tmp_path / "a b.docx"), "--json")
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout) == {
        "path": str(tmp_path / "a b.docx"),
        "format": "docx",
        "documents": len({h.document_id for h in made}),
        "highlights": len(made),
    }
    r = export_cli("--tag", "督办", "--format", "csv", "--out", str(tmp_path / "t.csv"))
    rows = list(csv.reader((tmp_path / "t.csv").open(encoding="utf-8-sig")))
    assert r.returncode == 0 and len(rows) == 1 + sum("督办" in h.tags for h in made)
    r = export_cli("--all", "--format", "md", "--out", str(tmp_path / "c.md"), "--color", "紫色?")
    assert r.returncode == 2 and "没有这种颜色" in r.stderr
    r = export_cli("--all", "--format", "md", "--out", str(tmp_path / "x.md"), "--to", "2000-01-01")
    assert r.returncode == 1 and "没有批注" in r.stderr
    r = export_cli("--format", "md", "--out", str(tmp_path / "y.md"))
    assert r.returncode == 2
    (tmp_path / "bad.json").write_text("{}", encoding="utf-8")
    r = _cli("--library", str(folder / "lib"), "import-annotations", str(tmp_path / "bad.json"))
    assert r.returncode == 1 and "不是公报阅读器的批注导出文件" in r.stderr


def test_quotes_are_flattened_without_spaces_from_page_wrapping() -> None:
    assert (
        flatten("2019年1月1日起实施。20\n16年公布的 《通知》\n　同时废止")
        == "2019年1月1日起实施。2016年公布的 《通知》同时废止"
    )
