"""Metadata as the documents print it: 题注 dates, 令 and 公告 numbers, kinds, 人事任免 decisions."""

from __future__ import annotations

import pytest

from reader.gazette import parse_gazette
from reader.gazette.numbers import number_key, parse_number


def _one(text: str):
    docs = parse_gazette(text).documents
    assert len(docs) == 1, [d.title for d in docs]
    return docs[0]


def test_a_decision_adopted_at_a_meeting_takes_its_date_from_the_tizhu() -> None:
    d = _one(
        "示例市人民代表大会常务委员会\n关于接受张三同志辞去示例市人民政府\n市长职务请求的决定\n"
        "（2018年1月17日示例市第十五届人民代表大会常务委员会\n第七次会议通过）\n"
        "示例市第十五届人民代表大会常务委员会第七次会议决定，接受张三同志辞去示例市人民政府市长职务的请求。\n"
    )
    assert d.title == "示例市人民代表大会常务委员会关于接受张三同志辞去示例市人民政府市长职务请求的决定"
    assert (d.kind, d.date, d.number) == ("decision", "2018-01-17", None)


def test_an_order_keeps_its_number_as_printed() -> None:
    d = _one(
        "示例市人民政府令\n示政府令〔2010〕第15号\n《示例市城市管理办法》已经市人民政府常务会议通过，现予公布，自2010年5月1日起施行。\n"
        "市长  李四\n2010年3月10日\n示例市城市管理办法\n第一条 为了加强城市管理，制定本办法。\n"
    )
    assert d.number == "示政府令〔2010〕第15号"  # the 第 stays
    assert d.number_key == number_key("示政府令[2010]15号")
    assert (d.kind, d.title, d.date) == ("order", "示例市人民政府令", "2010-03-10")
    assert "第一条" in d.text  # the 办法 an order issues is part of it


@pytest.mark.parametrize(
    ("head", "number"),
    [
        ("示例省人民政府令\n第 28 号", "示例省人民政府令第28号"),
        ("示例省人民政府令第333号", "示例省人民政府令第333号"),
        ("示例省人民政府令\n〔2011〕第10号", "示例省人民政府令〔2011〕第10号"),
        ("示例市人民代表大会常务委员会公告\n（第四十一号）", "示例市人民代表大会常务委员会公告第四十一号"),
    ],
)
def test_order_and_announcement_numbers(head: str, number: str) -> None:
    d = _one(head + "\n《示例规定》已经常务会议通过，现予公布。\n示例省人民政府\n2019年12月23日\n")
    assert d.number == number
    assert d.kind in ("order", "announcement")


def test_kinds_come_from_the_document_own_wenzhong() -> None:
    cases = {
        "示例市人民政府公告\n经研究，决定对部分道路实行交通管制。\n示例市人民政府\n2020年1月1日\n": "announcement",
        "示例市人民政府关于禁止燃放烟花爆竹的通告\n为保障安全，现通告如下。\n示例市人民政府\n2020年1月1日\n": "announcement",
        "示例市人民政府常务会议纪要\n会议研究了三项议题，议定如下。\n示例市人民政府办公室\n2020年1月1日\n": "minutes",
        "示例市人民政府关于同意设立示例镇的批　复\n示政函〔2020〕3号\n示例区人民政府：\n你区请示收悉。\n": "reply",
    }
    for text, kind in cases.items():
        assert _one(text).kind == kind, text


def test_a_spaced_wenzhong_and_a_title_of_ninety_characters() -> None:
    long_title = "示例省自然资源厅关于印发《示例省国土空间总体规划编制审查和实施监督管理工作规程》《示例省详细规划编制审查办法》《示例省村庄规划编制技术导则》《示例省城市设计管理办法》的通知"
    assert len(long_title) >= 85
    d = _one(
        long_title
        + "\n各市自然资源局：\n现将上述文件印发给你们，请遵照执行。\n示例省自然资源厅\n2021年5月6日\n"
    )
    assert d.title == long_title and d.kind == "notice" and d.date == "2021-05-06"
    d = _one(
        "示例县人民政府\n关于同意设立示例社区的\n批　复\n示县政函〔2020〕3号\n示例镇人民政府：\n你镇请示收悉。\n"
    )
    assert d.title == "示例县人民政府关于同意设立示例社区的批复" and d.kind == "reply"


def test_personnel_decisions_keep_their_numbers_and_dates() -> None:
    d = _one(
        "示例市人民政府人事任免\n各县区人民政府：\n经研究决定：\n李四同志任示例市发展和改革委员会主任；\n"
        "（示政干〔2019〕20号 2019年12月9日）\n赵六同志任示例市交通运输局局长（试用期一年）；\n"
        "（示政干〔2019〕21号 2019年12月16日）\n"
    )
    assert d.kind == "personnel" and d.date is None
    assert d.decisions == [
        {"number": "示政干〔2019〕20号", "number_key": "示政干|2019|20", "date": "2019-12-09"},
        {"number": "示政干〔2019〕21号", "number_key": "示政干|2019|21", "date": "2019-12-16"},
    ]


def test_numbers_display_as_printed_keys_stay_normalised() -> None:
    assert parse_number("示政府令〔2010〕第15号").display == "示政府令〔2010〕第15号"
    assert parse_number("示政办[2019]5号").display == "示政办〔2019〕5号"
    assert number_key("示政府令〔2010〕第15号") == number_key("示政府令〔2010〕15号")
