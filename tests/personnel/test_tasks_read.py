"""Time-limit phrase families on real sentences, and what looks like a limit but is none."""

from __future__ import annotations

from datetime import date

import pytest

from reader.extracts.tasks import read_tasks

BASE = date(2019, 3, 15)


def _tasks(text: str) -> list[tuple]:
    return [(t.due_kind, t.due, t.recurrence, t.responsible) for t in read_tasks(text, BASE)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "各地市环保专项行动领导小组要于7月15日前将检查情况报省领导小组办公室。",
            [("absolute", "2019-07-15", None, "各地市环保专项行动领导小组")],
        ),
        ("2019 年 6 月底前，完成“僵尸”信息系统清理工作。", [("absolute", "2019-06-30", None, None)]),
        ("请于2019年1月10日前报送市政务公开工作领导小组办公室。", [("absolute", "2019-01-10", None, None)]),
        ("一季度出台国有投资项目招标投标的指导意见。", [("period", "2019-03-31", None, None)]),
        ("市财政局3个工作日内完成审批。", [("relative", None, None, "市财政局")]),
        ("各县区每月召开1次以上项目推进会。", [("recurring", None, "monthly", "各县区")]),
        (
            "各有关部门在每季度第一个月的5日前将试点工作情况报送有关牵头单位。",
            [("recurring", None, "quarterly:5", "各有关部门")],
        ),
        ("每年10月底前更新和下发市级年度政务信息资源目录。", [("recurring", None, "yearly:10-31", None)]),
        ("征集时间:即日起至2020年11月15日止。", [("period", "2020-11-15", None, None)]),
        ("环评报告书14个工作日内、环评报告表7个工作日内完成审批。", [("relative", None, None, None)] * 2),
    ],
)
def test_what_a_limit_says(text: str, expected: list) -> None:
    assert _tasks(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "新一轮征地统一年产值标准自2019年1月1日起实施。",  # an effective date
        "本办法自公布之日起施行，有效期至2024年12月31日。",  # validity
        "2019年1月30日",  # a 成文日期
        "2016年8月5日印发的《钦州市辐射事故应急预案》（钦政办〔2016〕84号）同时废止。",  # a citation's date
        "到2020年，全市建设2个以上自治区级示范农业科技园区。",  # a goal
        "一季度，力争全市财政收入完成 37 亿元，同比增长 14% 以上。",  # an indicator
        "截至今年9月底,银川市累计取得住房保障资格家庭3万余户。",  # a past state
        "2018年11月12日至11月26日,省委省政府第九环境保护督察组对我市开展了环境保护督察工作。",  # past
        "2019年2月1日至2月28日期间禁放区域内禁止燃放烟花爆竹。",  # a prohibition period
        "自子公司注册成立起2年内，子公司可取得其母公司注册地的信用评价得分。",  # an entitlement
        "钦州市人民政府关于印发钦州市推动2019年第一季度经济发展“开门红”工作方案的通知",  # a title
    ],
)
def test_what_is_no_task(text: str) -> None:
    assert read_tasks(text, BASE) == []
