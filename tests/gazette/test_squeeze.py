"""Spaces in titles: a hard-set Chinese title loses them, Latin words keep theirs."""

from __future__ import annotations

from reader.gazette import parse_gazette
from reader.textnorm import squeeze


def test_squeeze_keeps_one_space_between_latin_words_only() -> None:
    assert squeeze("关 于 印 发") == "关于印发"
    assert squeeze("关于推进 Smart  City 建设的通知") == "关于推进Smart City建设的通知"
    assert squeeze("应对 COVID 19 疫情") == "应对COVID 19疫情"
    assert squeeze("  2019 年  ") == "2019年"


def test_a_title_with_latin_words_keeps_their_space() -> None:
    text = (
        "某某市人民政府关于推进 Smart City 建设的通知\n"
        "某政发〔2021〕3号\n"
        "各区人民政府：\n"
        "现就推进智慧城市建设通知如下。\n"
        "某某市人民政府\n"
        "2021年3月1日\n"
    )
    [doc] = parse_gazette(text).documents
    assert doc.title == "某某市人民政府关于推进Smart City建设的通知"
