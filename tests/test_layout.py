"""Paragraph roles for the text view and exports (GB/T 9704)."""

from __future__ import annotations

from reader.layout import layout, outline

TEXT = "\n".join(
    [
        "各县（市、区）人民政府：",
        "现将《方案》印发给你们，请认真组织实施。",
        "附件：1.项目清单",
        "2.联系表",
        "玉林市人民政府",
        "2019年1月8日",
        "（此件公开发布）",
        "玉林市重大项目建设工作方案",
        "一、工作目标",
        "（一）加强组织领导。各县要成立工作专班，确保按时完成任务。",
        "第一条 为了加强管理，制定本办法。",
        "序号\t项目\t金额",
    ]
)


def test_roles() -> None:
    kinds = [b.kind for b in layout(TEXT, "各县（市、区）人民政府：")]
    assert kinds == [
        "recipients",
        "body",
        "attachments",
        "attachments",
        "signature",
        "date",
        "body",
        "subtitle",
        "h1",
        "body",
        "article",
        "table",
    ]


def test_run_in_heading_and_article_lead() -> None:
    blocks = layout(TEXT, None)
    run_in = blocks[9]
    assert run_in.text[: run_in.lead] == "（一）加强组织领导。"
    article = blocks[10]
    assert article.text[: article.lead] == "第一条"


def test_outline_and_offsets() -> None:
    blocks = layout(TEXT, None)
    assert [b.text for b in outline(blocks)] == ["玉林市重大项目建设工作方案", "一、工作目标"]
    for b in blocks:
        assert TEXT[b.start : b.end] == b.text


def test_a_numbered_sentence_is_a_paragraph_not_a_heading() -> None:
    lines = [
        "1.各地要高度重视，抓好落实。",
        "（2）按月报送进展情况。",
        "2.工作要求",
        "三、做好宣传引导工作。",  # a short 一、 heading may end with 。: still a heading
        "四、各地各部门要充分利用报刊、广播、电视和网络等媒体广泛宣传。",
    ]
    blocks = layout("\n".join(lines), None)
    assert [(b.kind, b.lead) for b in blocks] == [("body", 0), ("body", 0), ("h3", 0), ("h1", 0), ("body", 0)]
    assert [b.text for b in outline(blocks)] == ["三、做好宣传引导工作。"]


def test_outline_nests_by_the_levels_the_document_uses_and_a_box_nests_nothing() -> None:
    """一、 under 第一节 under 第一章; a 专栏 caption is a leaf of its section, so the 二、 after it
    is the section's, not the box's; an attachment's headings go under its label."""
    from reader.layout import outline_parents

    text = "\n".join(
        [
            "第一章 总体要求",
            "第一节 发展基础",
            "一、加快学前教育发展",
            "优化学前教育布局结构，坚持公益普惠办园方向。",
            "专栏 4 学前教育优质普惠发展计划",
            "健全覆盖城乡、布局合理的学前教育公共服务体系。",
            "二、推进义务教育均衡发展",
            "（一）优化学校布局",
            "第二节 发展目标",
            "第二章 重点任务",
            "附件1",
            "重点项目清单",
            "一、教育项目",
        ]
    )
    heads = outline(layout(text))
    names = [b.text[:4] for b in heads]
    tree = {names[i]: (names[p] if p >= 0 else None) for i, p in enumerate(outline_parents(heads))}
    assert tree["第一章 "] is None and tree["第一节 "] == "第一章 "
    assert tree["一、加快"] == "第一节 " and tree["专栏 4"] == "一、加快"  # where it stands
    assert tree["二、推进"] == "第一节 "  # not under the 专栏
    assert tree["（一）优"] == "二、推进" and tree["第二节 "] == "第一章 " and tree["第二章 "] is None
    assert tree["附件1"] is None and tree["重点项目"] == "附件1" and tree["一、教育"] == "附件1"
    assert [n for n, p in tree.items() if p == "专栏 4"] == []
