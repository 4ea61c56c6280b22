"""成文日期 in the forms gazettes print."""

from __future__ import annotations

import pytest

from reader.gazette.dates import date_line, parse_date


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("2019年1月30日", "2019-01-30"),
        ("2019 年 1 月 31 日", "2019-01-31"),
        ("二〇一九年一月三十日", "2019-01-30"),
        ("二○二二年十二月一日", "2022-12-01"),
        ("二〇二〇年十月二十一日", "2020-10-21"),
        ("（2019年1月9日）", "2019-01-09"),
        ("２０１９年２月１８日", "2019-02-18"),
        ("二0一九年一月八日", "2019-01-08"),
        ("二OO六年二月二十日", "2006-02-20"),
    ],
)
def test_date_lines(text: str, iso: str) -> None:
    assert date_line(text) == iso


def test_not_date_lines() -> None:
    assert date_line("2019年1月30日前完成") is None
    assert date_line("年 月 日") is None
    assert date_line("2019年2月30日") is None  # no such day


def test_date_inside_prose() -> None:
    assert parse_date("于二〇一九年三月五日起施行") == "2019-03-05"
