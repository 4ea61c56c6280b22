"""人事任免 phrase families on real sentences (钦州市人民政府公报 and other 公报), negatives too."""

from __future__ import annotations

import pytest

from reader.extracts.personnel import read_personnel


def _records(text: str) -> list[tuple]:
    return [(r.person, r.action, r.post, r.sex, r.conditions) for r in read_personnel(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "免去农彦昌同志的钦州市司法局调研员职务，退休；",
            [("农彦昌", "免去", "钦州市司法局调研员", None, None)],
        ),
        (
            "陈小方同志挂任钦州市农业农村局副局长（挂任期至 2020 年 7 月）；",
            [("陈小方", "挂任", "钦州市农业农村局副局长", None, "挂任期至2020年7月")],
        ),
        (
            "邓洁丽同志（女，钦州市石化产业办公室主任）试用期满正式任用，任职时间从 2017 年 11 月试用期开始时算起；",
            [("邓洁丽", "正式任用", "钦州市石化产业办公室主任", "女", "试用期满")],
        ),
        (
            "任命张三为钦州市财政局局长，李四为钦州市教育局副局长（试用期一年）；免去王五的钦州市教育局局长职务。",
            [
                ("张三", "任命", "钦州市财政局局长", None, None),
                ("李四", "任命", "钦州市教育局副局长", None, "试用期一年"),
                ("王五", "免去", "钦州市教育局局长", None, None),
            ],
        ),
        (
            "决定任命：\n赵六为市审计局局长；\n钱七（女）为市统计局副局长。",
            [("赵六", "任命", "市审计局局长", None, None), ("钱七", "任命", "市统计局副局长", "女", None)],
        ),
        ("聘任孙八为市人民政府参事。", [("孙八", "聘任", "市人民政府参事", None, None)]),
        # negatives: a rule about appointing, a title, an organ's function removed
        ("各部门任命干部应当严格履行程序。", []),
        ("钦州市人民政府关于任免工作人员的通知", []),
        ("免去审批环节，简化办事流程。", []),
    ],
)
def test_what_a_personnel_sentence_says(text: str, expected: list) -> None:
    assert _records(text) == expected


def test_a_removal_cut_by_a_printed_line_is_one_record() -> None:
    text = "免去许强光同志的钦州市工业和信息化委员\n\n会副调研员职务，退休；\n推荐路面宽度为4.5米的道路。"
    assert _records(text) == [("许强光", "免去", "钦州市工业和信息化委员会副调研员", None, None)]


def test_the_forms_of_other_gazettes_and_meetings() -> None:
    text = "\n".join(
        [
            "吴永辉同志任钦州市公安局督察长；",
            "符进春同志（女）任钦州市人民政府副秘书长，免去其钦州市教育局副局长职务；",
            "因工作岗位变动,会议决定免去蓝良木的漳州市应急管理局局长职务。",
            "决定任命王进足为漳州市人民政府副市长、代理市长。",
            "任命余秋里、耿飚、陈慕华(女)等3人为国务委员。",
        ]
    )
    assert _records(text) == [
        ("吴永辉", "任命", "钦州市公安局督察长", None, None),
        ("符进春", "任命", "钦州市人民政府副秘书长", "女", None),
        ("符进春", "免去", "钦州市教育局副局长", "女", None),
        ("蓝良木", "免去", "漳州市应急管理局局长", None, None),
        ("王进足", "任命", "漳州市人民政府副市长", None, None),
        ("王进足", "任命", "漳州市人民政府代理市长", None, None),
        ("余秋里", "任命", "国务委员", None, None),
        ("耿飚", "任命", "国务委员", None, None),
        ("陈慕华", "任命", "国务委员", "女", None),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "钦州市人民政府关于开展向张三同志学习活动的通知",  # a name inside a title
        "关于表彰李四同志为全市优秀公务员的决定",  # a name, a 为, no post
        "会议由副市长王五主持，市长赵六出席并讲话。",  # posts held, nothing decided
        "免去审批环节中的重复证明材料，减少群众跑腿。",  # 免去 of a step, not of a person
        "免去企业的年检费用。",  # 免去 of an organ's fee
        "因调离安徽,方春明提出辞去安徽省人民政府副省长职务。",  # a request, not its acceptance
    ],
)
def test_what_is_no_personnel_record(text: str) -> None:
    assert read_personnel(text) == []


def test_each_record_takes_the_decision_it_is_printed_under() -> None:
    from reader.extracts.personnel import with_decisions

    text = "\n".join(
        [
            "2020年2月5日决定：",
            "任命赵六为市审计局局长；",
            "钱七同志任钦州市统计局副局长；",
            "（钦政干〔2019〕1号—2号 2019年1月24日）",
            "免去孙八同志的钦州市林业局局长职务。",
            "（钦政干〔2019〕3号 2019年2月25日）",
        ]
    )
    records = with_decisions(text, read_personnel(text))
    assert [(r.person, r.decided, r.number, r.organ) for r in records] == [
        ("赵六", "2019-01-24", "钦政干〔2019〕1号—2号", "市审计局"),
        ("钱七", "2019-01-24", "钦政干〔2019〕1号—2号", "钦州市统计局"),
        ("孙八", "2019-02-25", "钦政干〔2019〕3号", "钦州市林业局"),
    ]
