"""User corrections of a split: made in the library, replayed over every parse, never lost.

The invariant everything rests on: after any sequence of edits, splits and merges, parsing the
stored original again and replaying the stored rules gives exactly the documents the library
holds (``same_split``), so a re-parse changes nothing and a re-import keeps every repair.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.corrections import CorrectionError
from reader.gazette import parse_gazette
from reader.importer import import_paths
from reader.library import Library
from reader.reparse import reparse_issue
from tests.conftest import CORPUS, SHARED, requires_shared

ISSUE = CORPUS / "qinzhou-2019-09.txt"
WEB_ISSUE = SHARED / "corpus-web" / "issues" / "issue-2.txt"


def _library(tmp_path: Path, source: Path = ISSUE) -> tuple[Library, int]:
    lib = Library(tmp_path / "lib")
    [outcome] = import_paths(lib, [source])
    assert outcome.issue_id is not None
    return lib, outcome.issue_id


def _state(lib: Library, issue_id: int) -> list[tuple]:
    rows = lib.db.conn.execute(
        """SELECT id, title, number, issuer, recipients, date, kind, attachments, text FROM documents
           WHERE issue_id = ? AND withdrawn = 0 ORDER BY seq""",
        (issue_id,),
    ).fetchall()
    return [tuple(r) for r in rows]


def _parsed(lib: Library, issue_id: int):
    rec = lib.issue(issue_id)
    return parse_gazette(lib.read_original(rec).decode("utf-8"), rec.source_name)


def _run_together(lib: Library, issue_id: int, k: int) -> tuple[int, int, str]:
    """Merge document k into k-1 (what a parser that missed a title does); return the merged
    document, where the swallowed one's title now stands, and that title."""
    docs = lib.documents(issue_id=issue_id)
    title = docs[k].title
    result = lib.edits.merge(docs[k].id)
    text = lib.document(result.document_id).text
    return result.document_id, text.index(title), title


@requires_shared
def test_split_gives_the_new_document_its_own_metadata_and_highlights(tmp_path):
    lib, issue_id = _library(tmp_path)
    docs = lib.documents(issue_id=issue_id)
    original = lib.document(docs[2].id)
    h_b = lib.annotations.add_highlight(docs[2].id, 10, 30, "red", note="乙")
    h_a = lib.annotations.add_highlight(docs[1].id, 5, 25, "yellow", note="甲")
    merged, at, _title = _run_together(lib, issue_id, 2)
    assert lib.annotations.highlight(h_b.uuid).document_id == merged
    result = lib.edits.split(merged, at)
    new = lib.document(result.new_document_id)
    assert (new.title, new.number, new.date, new.issuer) == (
        original.title,
        original.number,
        original.date,
        original.issuer,
    )
    assert new.text == original.text  # the title block went back into the metadata
    moved = lib.annotations.highlight(h_b.uuid)
    assert (moved.document_id, moved.start, moved.end, moved.quote) == (new.id, 10, 30, original.text[10:30])
    assert lib.annotations.highlight(h_a.uuid).document_id == merged
    assert [d.id for d in lib.documents(issue_id=issue_id)][:4] == [docs[0].id, merged, new.id, docs[3].id]


@requires_shared
def test_undo_and_redo_put_back_every_row(tmp_path):
    lib, issue_id = _library(tmp_path)
    docs = lib.documents(issue_id=issue_id)
    lib.annotations.add_highlight(docs[3].id, 0, 12, "red")
    lib.annotations.tag_document(docs[3].id, ["督办"])
    lib.annotations.set_document_note(docs[3].id, "第四篇的批注")
    before = _state(lib, issue_id)
    result = lib.edits.merge(docs[3].id)
    after = _state(lib, issue_id)
    assert len(after) == len(before) - 1
    assert lib.annotations.document_tags(docs[2].id) == ["督办"]
    lib.edits.restore(result.before)
    assert _state(lib, issue_id) == before
    assert lib.annotations.document_tags(docs[3].id) == ["督办"]
    assert lib.annotations.document_note(docs[3].id) == "第四篇的批注"
    assert lib.annotations.highlights(docs[3].id)[0].quote == lib.document(docs[3].id).text[:12]
    lib.edits.restore(result.after)
    assert _state(lib, issue_id) == after
    assert lib.edits.corrections(issue_id)[0].kind == "merge"


@requires_shared
def test_bad_values_are_refused_and_change_nothing(tmp_path):
    lib, issue_id = _library(tmp_path)
    doc = lib.documents(issue_id=issue_id)[0]
    before = _state(lib, issue_id)
    for changes in ({"date": "2019-02-30"}, {"date": "明天"}, {"title": "  "}, {"kind": "诗歌"}):
        with pytest.raises(CorrectionError):
            lib.edits.edit(doc.id, changes)
    with pytest.raises(CorrectionError):
        lib.edits.merge(doc.id)  # the first of its issue
    with pytest.raises(CorrectionError):
        lib.edits.split(doc.id, 0)  # a document's start is no place to split
    with pytest.raises(CorrectionError):
        lib.edits.split_at_quote(doc.id, "这段文字不在文中")
    assert _state(lib, issue_id) == before
    assert lib.edits.corrections() == []
    result = lib.edits.edit(doc.id, {"number": "第几号文件", "date": "2019年3月5日", "kind": "决定"})
    assert result.warnings == ["发文字号“第几号文件”无法识别，已按输入保存"]
    rec = lib.document(doc.id)
    assert (rec.number, rec.number_key, rec.date, rec.kind) == ("第几号文件", None, "2019-03-05", "decision")


OPS = st.lists(
    st.tuples(
        st.sampled_from(["edit", "split", "merge", "undo"]), st.integers(0, 10_000), st.integers(0, 10_000)
    ),
    min_size=1,
    max_size=6,
)


@requires_shared
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(ops=OPS)
def test_replaying_the_rules_over_a_fresh_parse_gives_the_library_back(tmp_path_factory, ops):
    lib, issue_id = _library(tmp_path_factory.mktemp("replay"), WEB_ISSUE)
    undo = []
    try:
        for op, a, b in ops:
            docs = lib.documents(issue_id=issue_id)
            doc = docs[a % len(docs)]
            try:
                if op == "edit":
                    field, value = [
                        ("date", f"20{10 + b % 15}-0{1 + b % 9}-1{b % 9}"),
                        ("title", f"改过的标题{b}"),
                    ][b % 2]
                    undo.append(lib.edits.edit(doc.id, {field: value}).before)
                elif op == "split":
                    text = lib.document(doc.id).text
                    lines = [i + 1 for i, ch in enumerate(text) if ch == "\n"]
                    if lines:
                        undo.append(lib.edits.split(doc.id, lines[b % len(lines)]).before)
                elif op == "merge":
                    undo.append(lib.edits.merge(doc.id).before)
                elif undo:
                    lib.edits.restore(undo.pop())
            except CorrectionError:
                continue
            assert lib.same_split(issue_id, _parsed(lib, issue_id)), (op, a, b)
        state = _state(lib, issue_id)
        outcome = reparse_issue(lib, issue_id)
        assert outcome.reason is None
        assert _state(lib, issue_id) == state
        assert not lib.edits.corrections(issue_id, unplaced=True)
    finally:
        lib.close()


@requires_shared
def test_a_reimported_corrected_file_keeps_corrections_and_highlights(tmp_path):
    source = tmp_path / "issue.txt"
    text = ISSUE.read_text(encoding="utf-8")
    source.write_text(text, encoding="utf-8")
    lib = Library(tmp_path / "lib")
    [first] = import_paths(lib, [source])
    issue_id = first.issue_id
    docs = lib.documents(issue_id=issue_id)
    merged, at, title = _run_together(lib, issue_id, 4)
    split = lib.edits.split(merged, at)
    lib.edits.edit(docs[1].id, {"date": "2020-06-01"})
    h = lib.annotations.add_highlight(split.new_document_id, 3, 20, "green", note="新文档中的高亮")
    quote = lib.annotations.highlight(h.uuid).quote
    # the publisher's corrected version: a typo fixed in the first document
    fixed = text.replace("证照分离", "证照的分离", 1)
    assert fixed != text
    source.write_text(fixed, encoding="utf-8")
    [again] = import_paths(lib, [source])
    assert again.status == "updated" and again.issue_id == issue_id
    assert again.changes.get("corrections") == 3 and "corrections_unplaced" not in again.changes
    assert lib.document(docs[1].id).date == "2020-06-01"
    moved = lib.annotations.highlight(h.uuid)
    assert moved.quote == quote and not moved.orphan
    assert lib.document(moved.document_id).title == title


@requires_shared
def test_a_rule_whose_text_is_gone_is_kept_and_listed(tmp_path):
    source = tmp_path / "issue.txt"
    text = ISSUE.read_text(encoding="utf-8")
    source.write_text(text, encoding="utf-8")
    lib = Library(tmp_path / "lib")
    [first] = import_paths(lib, [source])
    doc = lib.document(lib.documents(issue_id=first.issue_id)[5].id)
    lib.edits.edit(doc.id, {"title": "用户改过的标题"})
    # the corrected version no longer holds that document at all
    lines = text.split("\n")
    del lines[doc.start_line - 1 : doc.end_line]
    source.write_text("\n".join(lines), encoding="utf-8")
    [again] = import_paths(lib, [source])
    assert again.changes.get("corrections_unplaced") == 1
    [rule] = lib.edits.corrections(first.issue_id, unplaced=True)
    assert rule.value == "用户改过的标题"
    assert any("更正未能应用" in w and "用户改过的标题" in w for w in lib.issue(first.issue_id).warnings)


@requires_shared
def test_the_json_export_carries_corrections_to_another_library(tmp_path):
    from reader.export import Scope, export
    from reader.export.envelope import import_annotations

    lib, issue_id = _library(tmp_path)
    docs = lib.documents(issue_id=issue_id)
    lib.edits.edit(docs[0].id, {"date": "2021-01-02", "issuer": "更正后的机关"})
    merged, at, _title = _run_together(lib, issue_id, 3)
    split = lib.edits.split(merged, at)
    lib.annotations.add_highlight(split.new_document_id, 0, 15, "red", note="拆分后的高亮")
    out = tmp_path / "notes.json"
    export(lib, Scope(everything=True), "json", out)
    data = json.loads(out.read_text(encoding="utf-8"))
    assert {c["kind"] for c in data["corrections"]} == {"field", "merge", "split"}
    other = Library(tmp_path / "other")
    import_paths(other, [ISSUE])
    report = import_annotations(other, Path(out))
    assert report.corrections == len(data["corrections"]) and report.corrections_unplaced == 0
    assert report.added == 1 and report.orphaned == 0
    assert _state(other, 1)[0][5] == "2021-01-02"
    assert [d.title for d in other.documents()] == [d.title for d in lib.documents()]
    again = import_annotations(other, Path(out))  # twice is once
    assert again.corrections == 0 and again.added == 0


def test_a_notes_file_with_a_bad_correction_is_refused_whole(tmp_path):
    from reader.export.envelope import EnvelopeError, import_annotations

    good = {
        "issue": {"sha256": "a" * 64},
        "uuid": "0b4c7d2e-1111-4222-8333-944455556666",
        "kind": "field",
        "field": "date",
        "value": "2019-01-01",
        "quote": "各县、区人民政府",
    }
    lib = Library(tmp_path / "lib")
    for bad in ({"value": "2019-02-30"}, {"kind": "delete"}, {"field": "text"}, {"quote": ""}, {"issue": {}}):
        path = tmp_path / "notes.json"
        payload = {
            "format": "gongbao-annotations",
            "version": 1,
            "documents": [],
            "corrections": [{**good, **bad}],
        }
        path.write_text(json.dumps(payload), encoding="utf-8")
        with pytest.raises(EnvelopeError):
            import_annotations(lib, path)
    assert lib.edits.corrections() == []


@requires_shared
def test_a_document_id_is_never_given_twice(tmp_path: Path) -> None:
    """The id of a document merged away stays its own: a split or an import after it takes a new
    one, and undoing the merge brings the document back under the id everything still names."""
    lib, _ = _library(tmp_path)
    highest = max(d.id for d in lib.documents())
    result = lib.edits.merge(highest)
    assert highest not in {d.id for d in lib.documents()}
    doc = lib.document(result.document_id)
    split = lib.edits.split(doc.id, doc.text.index("\n", len(doc.text) // 2) + 1)
    assert split.new_document_id > highest
    [outcome] = import_paths(lib, [CORPUS / "qinzhou-2019-01.txt"])
    fresh = [d.id for d in lib.documents(issue_id=outcome.issue_id)]
    assert fresh and min(fresh) > split.new_document_id
    lib.edits.restore(split.before)  # undo, undo
    lib.edits.restore(result.before)
    assert lib.document(highest).title
    assert split.new_document_id not in {d.id for d in lib.documents()}
