"""人事任免 phrase families on real sentences (钦州市人民政府公报 and other 公报), negatives too."""

from __future__ import annotations

import pytest

from reader.personnel import read_personnel


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
