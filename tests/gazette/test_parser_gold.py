"""The parser against the gold document lists: every document, exact fields, right boundaries."""

from __future__ import annotations

import re

import pytest

from reader.gazette import parse_gazette
from tests.conftest import CORPUS, CORPUS_NAMES, DATA, load_gold, requires_shared

FIELDS = ("title", "number", "issuer", "date", "kind")


def _check(text: str, gold: dict, name: str) -> None:
    parsed = parse_gazette(text, name)
    for key, value in gold["issue"].items():
        assert getattr(parsed.issue, key) == value, f"issue.{key}"
    got = [{f: getattr(d, f) for f in FIELDS} for d in parsed.documents]
    want = [{f: d[f] for f in FIELDS} for d in gold["documents"]]
    assert got == want
    for doc, g in zip(parsed.documents, gold["documents"], strict=True):
        if "start_line" in g:
            assert doc.start_line == g["start_line"], doc.title
        flat = re.sub(r"\s", "", doc.text)
        assert g["end_snippet"] in flat, f"{doc.title}: end of document not inside it"
        # …and the document ends there: the snippet is in its last paragraph, so nothing of the
        # next document (a swallowed one would follow) comes after it. Boundaries are exact.
        last_paragraph = re.sub(r"\s", "", doc.text.rstrip().rsplit("\n", 1)[-1])
        assert g["end_snippet"] in last_paragraph, (
            f"{doc.title}: text goes on after its last line {g['end_snippet']!r}: …{flat[-60:]}"
        )


@requires_shared
@pytest.mark.parametrize("name", CORPUS_NAMES)
def test_corpus_matches_gold(name: str) -> None:
    text = (CORPUS / f"{name}.txt").read_text(encoding="utf-8")
    _check(text, load_gold(name), f"{name}.txt")


@pytest.mark.parametrize(
    "name",
    [
        # No 目录, running headers, hard-wrapped lines, titles over 2–4 lines, 版头, a speech,
        # 人事任免 and a report without 发文字号.
        "yulin_like",
        # A 目录 without page numbers, numbers printed at the end of the title line, a 政府令,
        # a three-line title whose middle line starts with a place name, 第N页共M页 footers.
        "nanning_like",
    ],
)
def test_other_city_layouts_match_gold(name: str) -> None:
    text = (DATA / f"{name}.txt").read_text(encoding="utf-8")
    _check(text, load_gold(name), f"{name}.txt")


def test_crlf_and_markdown_headings_do_not_change_the_result() -> None:
    text = (DATA / "yulin_like.txt").read_text(encoding="utf-8")
    variant = "\r\n".join(("# " + ln if "关于" in ln else ln) for ln in text.split("\n"))
    a = [d.to_dict() for d in parse_gazette(text).documents]
    b = [d.to_dict() for d in parse_gazette(variant).documents]
    assert [(d["title"], d["number"], d["date"]) for d in a] == [
        (d["title"], d["number"], d["date"]) for d in b
    ]


def test_running_headers_and_page_numbers_are_removed_from_text() -> None:
    text = (DATA / "yulin_like.txt").read_text(encoding="utf-8")
    for doc in parse_gazette(text).documents:
        assert "公报(2019.1）" not in doc.text
        assert not re.search(r"^-\s*\d+\s*-$", doc.text, re.M)


def test_wrapped_paragraphs_are_joined() -> None:
    text = (DATA / "yulin_like.txt").read_text(encoding="utf-8")
    first = parse_gazette(text).documents[0]
    assert "主要领导亲自抓" in first.text  # wrapped as "主" / "要领导…" in the source
    assert first.recipients == "各县（市、区）人民政府，市人民政府各组成部门、各直属机构："


@requires_shared
def test_toc_is_not_a_document_and_cross_checks() -> None:
    parsed = parse_gazette((CORPUS / "qinzhou-2019-01.txt").read_text(encoding="utf-8"))
    assert len(parsed.issue.toc) == len(parsed.documents)
    assert all(d.in_toc for d in parsed.documents)
    assert parsed.warnings == []
    assert not any(d.title.startswith("目") for d in parsed.documents)


@requires_shared
def test_fields_of_a_document() -> None:
    parsed = parse_gazette((CORPUS / "qinzhou-2019-01.txt").read_text(encoding="utf-8"))
    first = parsed.documents[0]
    assert first.recipients == "各县、区人民政府，各开发区、管理区管委，市直各委、办、局："
    assert first.attachments == ["钦州市征地统一年产值标准（2018年更新调整）"]
    cited = {(c.title, c.number) for c in first.citations}
    assert ("钦州市人民政府关于公布新一轮征地统一年产值标准的通知", "钦政发〔2016〕1号") in cited
    assert any(c.number == "桂政办电〔2018〕370号" for c in first.citations)
    assert all(c.number_key != first.number_key for c in first.citations)
    fireworks = parsed.documents[2]
    assert fireworks.attachments == ["钦州市主城区烟花爆竹禁放区域示意图", "钦州港区烟花爆竹禁放区域示意图"]


def test_a_text_without_gazette_structure_is_one_document() -> None:
    text = "会议纪要草稿\n\n今天讨论了三件事。\n第一，预算。\n第二，人员。\n"
    parsed = parse_gazette(text, "草稿.txt")
    assert not parsed.is_gazette
    assert len(parsed.documents) == 1
    assert parsed.documents[0].title == "会议纪要草稿"
    assert "预算" in parsed.documents[0].text


def test_untitled_text_is_named_after_its_file() -> None:
    parsed = parse_gazette("今天讨论了三件事，都很重要。\n第一，预算要按时报送。\n", "周例会.txt")
    assert parsed.documents[0].title == "周例会"


def test_section_headers_period_headers_and_colophon_are_not_content() -> None:
    text = (DATA / "yulin_like.txt").read_text(encoding="utf-8")
    text = text.replace("玉林市人民政府公报(2019.1）玉政办发文件\n- 6 -", "2019年第1期\n- 6 -\n领导讲话")
    text += "主办：玉林市人民政府办公室\n编辑：玉林市人民政府公报编辑部\n地址：玉林市某路1号\n电话：0775-1234567\n"
    parsed = parse_gazette(text)
    assert [d.title for d in parsed.documents] == [d["title"] for d in load_gold("yulin_like")["documents"]]
    joined = "\n".join(d.text for d in parsed.documents)
    for noise in ("2019年第1期", "领导讲话", "主办：", "地址：", "0775-1234567"):
        assert noise not in joined


def test_a_paragraph_cut_at_a_page_break_is_joined_and_headings_are_not() -> None:
    """Text converted paragraph per line (long lines) keeps the printed page's last line alone:
    思想为指 | 导，… A heading or a table row stays its own paragraph."""
    text = "\n\n".join(
        [
            "某市人民政府办公室关于印发某市油茶产业发展实施方案的通知",
            "某政办发〔2023〕7号",
            "各县、区人民政府，市直各委、办、局：",
            "现将《某市油茶产业发展实施方案》印发给你们，请认真组织落实。",
            "一、指导思想",
            "以习近平新时代中国特色社会主义思想为指",
            "导，全面贯彻党的二十大精神，推动油茶产业高质量发展。",
            "二、重点工作",
            "（一）完善补助政策。鼓励油茶大苗",
            "造林，多渠道扶持油茶大苗培育。",
            "（二）加强组织领导",
            "同时，各县区要建立工作机制，明确责任分工，确保各项任务落到实处。",
            "各县区人民政府是油茶产业发展的责任主体，主要负责人是第一责任人，要把油茶产业发展列入重要议事日程。",
            "市林业局要会同有关部门加强指导和督促检查，定期通报工作进展情况，对工作不力的予以通报批评。",
            "表1 各镇油茶种植任务表",
            "板城镇、新棠镇18252036500",
            "大直镇、贵台镇18432036860",
            "某市人民政府办公室",
            "2023年3月1日",
        ]
    )
    [doc] = parse_gazette(text, "方案.txt").documents
    paras = doc.text.split("\n")
    assert (
        "以习近平新时代中国特色社会主义思想为指导，全面贯彻党的二十大精神，推动油茶产业高质量发展。" in paras
    )
    assert "（一）完善补助政策。鼓励油茶大苗造林，多渠道扶持油茶大苗培育。" in paras
    for alone in (
        "一、指导思想",
        "（二）加强组织领导",
        "板城镇、新棠镇18252036500",
        "大直镇、贵台镇18432036860",
    ):
        assert alone in paras, alone
