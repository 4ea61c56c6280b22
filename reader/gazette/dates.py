"""Dates as gazettes print them: ``2019年1月30日``, ``2019 年 1 月 31 日``, ``二〇一九年一月三十日``."""

from __future__ import annotations

import re
from datetime import date

from reader.gazette.numbers import fold

_DIGITS = {"〇": 0, "○": 0, "零": 0, "Ｏ": 0, "O": 0, "o": 0, "0": 0}
_DIGITS.update({c: i + 1 for i, c in enumerate("一二三四五六七八九")})
_CN = "〇○零Ｏ一二三四五六七八九十"

ARABIC_DATE = re.compile(r"((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
# The year's 〇 is also typed as a Latin O or an ASCII 0 (二0一九年, 二OO六年).
CHINESE_DATE = re.compile(rf"([{_CN}Oo0]{{4}})\s*年\s*([{_CN}]{{1,3}})\s*月\s*([{_CN}]{{1,3}})\s*日")
_ANY_DATE = re.compile(rf"{ARABIC_DATE.pattern}|{CHINESE_DATE.pattern}")


def _cn_number(text: str) -> int | None:
    """一 .. 三十一 (and 十, 二十) as an int."""
    if "十" in text:
        tens, _, ones = text.partition("十")
        t = _DIGITS.get(tens, 0) if tens else 1
        o = _DIGITS.get(ones, 0) if ones else 0
        if (tens and tens not in _DIGITS) or (ones and ones not in _DIGITS):
            return None
        return t * 10 + o
    if len(text) == 1 and text in _DIGITS:
        return _DIGITS[text]
    return None


def _iso(y: int, m: int, d: int) -> str | None:
    try:
        return date(y, m, d).isoformat()
    except ValueError:
        return None


def _from_match(m: re.Match) -> str | None:
    if m.group(1):
        return _iso(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    year_digits = [_DIGITS.get(c) for c in m.group(4)]
    if None in year_digits:
        return None
    y = int("".join(str(d) for d in year_digits))
    mo, d = _cn_number(m.group(5)), _cn_number(m.group(6))
    if mo is None or d is None:
        return None
    return _iso(y, mo, d)


def parse_date(text: str) -> str | None:
    """The first date in ``text`` as ISO ``YYYY-MM-DD``, or None."""
    if "年" not in text:
        return None
    m = _ANY_DATE.search(fold(text))
    return _from_match(m) if m else None


def date_line(line: str) -> str | None:
    """The ISO date if ``line`` is nothing but a date (a 成文日期 line), else None."""
    if "日" not in line or len(line) > 40:
        return None
    folded = fold(line).strip().strip("()（）").strip()
    m = _ANY_DATE.fullmatch(folded)
    return _from_match(m) if m else None
