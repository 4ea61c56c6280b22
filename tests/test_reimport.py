"""Re-importing a corrected issue: documents updated in place, highlights re-attached or orphaned."""

from __future__ import annotations

import pytest

from reader.importer import import_file
from reader.library import Library
from tests.conftest import CORPUS, requires_shared


@requires_shared
def test_corrected_issue_updates_in_place_and_reanchors(library: Library, tmp_path) -> None:
    original = (CORPUS / "qinzhou-2019-01.txt").read_text(encoding="utf-8")
    first = tmp_path / "v1" / "qinzhou-2019-01.txt"
    first.parent.mkdir()
    first.write_text(original, encoding="utf-8")
    assert import_file(library, first).status == "imported"
    docs = library.documents()
    ids = {d.title: d.id for d in docs}
    ann = library.annotations

    def mark(title_part: str, quote: str, note: str):
        doc = library.document(next(i for t, i in ids.items() if title_part in t))
        start = doc.text.index(quote)
        return ann.add_highlight(doc.id, start, start + len(quote), "red", note=note)

    kept = mark("征地统一年产值", "新一轮征地统一年产值标准自2019年1月1日起实施", "实施日期")
    typo = mark("征地统一年产值", "各县区要妥善做好被征地农民的安置工作", "安置")
    moved = mark("烟花爆竹", "本通告自公布之日起施行", "施行")
    removed_doc = mark("华为数字小镇", "为加快钦州华为数字小镇建设", "小镇")
    deleted_quote = mark("科技特派员", "科技特派员", "首次出现")

    # The corrected version: lines inserted, a typo fixed, a document removed, a sentence deleted.
    corrected = original.replace(
        "五、妥善做好被征地农民安置工作", "五、妥善做好被征地农民安置工作\n\n（根据意见补充一段说明。）"
    )
    corrected = corrected.replace(
        "各县区要妥善做好被征地农民的安置工作", "各县区要妥善做好被征地农民的安置工做"
    )
    start = corrected.index("钦州市人民政府办公室关于成立 钦州华为数字小镇")
    end = corrected.index("钦州市人民政府办公室 转发人民银行", start)
    corrected = corrected[:start] + corrected[end:]
    corrected = corrected.replace("科技特派员", "科技人员")
    second = tmp_path / "v2" / "qinzhou-2019-01.txt"
    second.parent.mkdir()
    second.write_text(corrected, encoding="utf-8")

    outcome = import_file(library, second)
    assert outcome.status == "updated", outcome.reason
    assert outcome.changes["withdrawn"] == 1 and outcome.changes["added"] == 0
    assert library.counts()["issues"] == 1
    after = {d.id for d in library.documents()}
    removed_id = next(i for t, i in ids.items() if "华为数字小镇" in t)
    # same ids (matched by 发文字号 even where the title changed): reading place, tags, notes stay
    assert after == set(ids.values()) - {removed_id}

    def check(h, expect_orphan: bool, expect_quote: str | None = None):
        got = ann.highlight(h.uuid)
        assert got.orphan is expect_orphan, got
        assert got.note == h.note  # never lost
        if not expect_orphan:
            text = library.document(got.document_id).text
            assert text[got.start : got.end] == got.quote
            assert got.quote == (expect_quote or h.quote)

    check(kept, False)
    check(typo, False, "各县区要妥善做好被征地农民的安置工做")
    check(moved, False)
    check(removed_doc, True)
    check(deleted_quote, True)
    withdrawn = library.documents(include_withdrawn=True)
    assert len(withdrawn) == len(ids)


def test_an_unrelated_file_with_the_same_name_is_not_an_update(library: Library, tmp_path) -> None:
    a = tmp_path / "a" / "笔记.txt"
    b = tmp_path / "b" / "笔记.txt"
    a.parent.mkdir()
    b.parent.mkdir()
    a.write_text("# 学习笔记\n\n关于河长制的理解。\n", encoding="utf-8")
    b.write_text("# 会议记录\n\n完全无关的另一份材料。\n", encoding="utf-8")
    assert import_file(library, a).status == "imported"
    assert import_file(library, b).status == "imported"
    assert library.counts()["issues"] == 2


@pytest.mark.parametrize("twice", [1, 2])
def test_reimporting_the_same_version_changes_nothing(library: Library, tmp_path, twice: int) -> None:
    from tests.conftest import DATA

    for _ in range(twice):
        import_file(library, DATA / "yulin_like.txt")
    assert library.counts() == {"issues": 1, "documents": 6}
