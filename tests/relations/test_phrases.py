"""The phrase rules on real sentences from gazettes (shared corpus, corpus-web, tests/data/realdocs),
the negatives as much as the positives: a wrong 废止 is worse than none."""

from __future__ import annotations

import pytest

from reader.relations.phrases import AMEND, BASIS, CITE, ISSUES, REPEAL, read_statements


def _kinds(sentence: str, own_title: str | None = None) -> list[tuple[str, str | None, str | None]]:
    st = read_statements(sentence, own_title=own_title)
    return [(r.kind, r.target.title, r.target.number) for r in st.relations]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (  # 钦政发〔2019〕1号 (shared corpus)
            "本通知自印发之日起执行，2016年公布的《钦州市人民政府关于公布新一轮征地统一年产值标准的通知》"
            "（钦政发〔2016〕1号）同时废止。",
            [(REPEAL, "钦州市人民政府关于公布新一轮征地统一年产值标准的通知", "钦政发〔2016〕1号")],
        ),
        (
            "本办法自公布之日起施行，2012年9月19日印发的《钦州市政府投资工程造价监督管理办法》"
            "（钦州市人民政府令第10号）同时废止。",
            [(REPEAL, "钦州市政府投资工程造价监督管理办法", "钦州市人民政府令第10号")],
        ),
        (
            "原《钦州市辐射事故应急预案》（钦政办〔2016〕84号）停止执行。",
            [(REPEAL, "钦州市辐射事故应急预案", "钦政办〔2016〕84号")],
        ),
        (
            "《湖南省森林资源流转办法》、《湖南省无障碍环境建设管理办法》同时废止。",
            [(REPEAL, "湖南省森林资源流转办法", None), (REPEAL, "湖南省无障碍环境建设管理办法", None)],
        ),
        (
            "《某某实施办法》（桂政发〔2018〕5号）自本通知印发之日起废止。",
            [(REPEAL, "某某实施办法", "桂政发〔2018〕5号")],
        ),
        ("省人民政府决定废止《甘肃省农村五保供养办法》。", [(REPEAL, "甘肃省农村五保供养办法", None)]),
        (
            "省人民政府决定对《甘肃省城市市容和环境卫生管理办法》作如下修改：",
            [(AMEND, "甘肃省城市市容和环境卫生管理办法", None)],
        ),
        ("将《某某条例》第十二条修改为：“……”", [(AMEND, "某某条例", None)]),
        (
            "根据《国务院关于在全国推开“证照分离”改革的通知》（国发〔2018〕35号）精神，结合实际，制定本方案。",
            [(BASIS, "国务院关于在全国推开“证照分离”改革的通知", "国发〔2018〕35号")],
        ),
        (
            "按照《中华人民共和国建筑法》和《中华人民共和国城乡规划法》的规定，制定本办法。",
            [(BASIS, "中华人民共和国建筑法", None), (BASIS, "中华人民共和国城乡规划法", None)],
        ),
        (
            "现将《钦州市实施油茶“双千”计划助推乡村产业振兴实施方案》印发给你们，请认真组织落实。",
            [(ISSUES, "钦州市实施油茶“双千”计划助推乡村产业振兴实施方案", None)],
        ),
        # negatives: forbidden, planned, asked for, a title that says 废止, a cited repeal
        ("各地不得擅自废止《村庄规划》。", [(CITE, "村庄规划", None)]),
        ("拟废止《某某办法》（钦政发〔2010〕3号），现征求意见。", [(CITE, "某某办法", "钦政发〔2010〕3号")]),
        ("建议修改《某某条例》第五条。", [(CITE, "某某条例", None)]),
        ("要研究对《某某办法》进行修改完善。", [(CITE, "某某办法", None)]),
        (
            "依据《国务院关于废止部分行政法规的决定》开展清理。",
            [(BASIS, "国务院关于废止部分行政法规的决定", None)],
        ),
        ("《某某规定》已于2018年废止。", [(CITE, "某某规定", None)]),
    ],
)
def test_what_a_sentence_does_to_the_documents_it_names(sentence: str, expected: list) -> None:
    assert _kinds(sentence) == expected


def test_a_repeal_list_after_its_sentence() -> None:
    text = "\n".join(
        [
            "市人民政府决定废止以下规范性文件：",
            "1.《钦州市关于甲的通知》（钦政发〔2001〕2号）",
            "2.《钦州市关于乙的规定》（钦政发〔2003〕5号）",
            "本决定自公布之日起施行。",
            "《某办法》自2020年1月1日起施行。",
        ]
    )
    st = read_statements(text)
    assert [(r.kind, r.target.number) for r in st.relations] == [
        (REPEAL, "钦政发〔2001〕2号"),
        (REPEAL, "钦政发〔2003〕5号"),
        (CITE, None),
    ]
    assert st.own.effective_on == "公布" and st.own.effective is None  # 《某办法》's date is its own


def test_the_title_of_a_repeal_or_amendment_decision_says_what_it_does() -> None:
    st = read_statements(
        "省人民政府决定：", own_title="甘肃省人民政府关于修改《甘肃省城市市容和环境卫生管理办法》的决定"
    )
    assert [(r.kind, r.target.title) for r in st.relations] == [(AMEND, "甘肃省城市市容和环境卫生管理办法")]


@pytest.mark.parametrize(
    ("text", "effective", "on", "years", "until"),
    [
        ("本办法自2019年3月1日起施行，有效期5年。", "2019-03-01", None, 5, None),
        ("第二十一条 本办法自印发之日起执行,有效期为3年。", None, "印发", 3, None),
        (
            "本实施意见适用于本市各县、区，自印发之日起施行，有效期至2024年8月10日止。",
            None,
            "印发",
            None,
            "2024-08-10",
        ),
        ("五、本规定自1996年10月1日起施行。", "1996-10-01", None, None, None),
        ("本通知自印发之日起施行。\n有效期三年。", None, "印发", 3, None),
        # not the document's own: a licence, another document, a plan for the future
        ("许可证有效期为3年，期满需要延续的，应当在期满前30日提出申请。", None, None, None, None),
        ("《某某办法》自2020年1月1日起施行，有效期5年。", None, None, None, None),
        ("经认定的企业资格有效期为三年。", None, None, None, None),
    ],
)
def test_when_a_document_takes_effect_and_how_long_it_runs(text, effective, on, years, until) -> None:
    own = read_statements(text).own
    assert (own.effective, own.effective_on, own.years, own.until) == (effective, on, years, until)
