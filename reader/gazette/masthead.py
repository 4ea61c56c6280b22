"""The front matter of an issue: masthead metadata (刊名, 年份, 期号, 总期号, 出版日期).

The 目录 has its own module (:mod:`reader.gazette.toc`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reader.gazette.dates import parse_date
from reader.gazette.lines import Line, running_header

_ISSUE_NO = re.compile(r"(?<!总)第\s*(\d{1,3})\s*期")
_TOTAL_NO = re.compile(r"总\s*第\s*(\d{1,5})\s*期")
_YEAR_ONLY = re.compile(r"^((?:19|20)\d{2})\s*年?$")
_YEAR_ISSUE = re.compile(r"((?:19|20)\d{2})\s*年\s*第\s*(\d{1,3})\s*期")
_HEADER_PERIOD = re.compile(r"[（(]?\s*((?:19|20)\d{2})\s*[.．。\-年]\s*第?\s*(\d{1,2})\s*期?\s*[)）]?")
_PUBLISHER = re.compile(r"^(?P<pub>.{2,24}?)公报$")
_CITY = re.compile(r"^(.{1,10}?(?:自治区|自治州|自治县|特别行政区|省|市|县|区|盟|旗))")


def city_of(publisher: str) -> str:
    """钦州市人民政府 -> 钦州市; a publisher without a place name is its own city field."""
    m = _CITY.match(publisher)
    return m.group(1) if m else publisher


@dataclass(slots=True)
class Masthead:
    publisher: str | None = None
    city: str | None = None
    year: int | None = None
    number: int | None = None
    total_number: int | None = None
    date: str | None = None


def read_masthead(front: list[Line], all_lines: list[Line]) -> Masthead:
    """Issue metadata from the front matter, falling back to running headers in the body."""
    mh = Masthead()
    for ln in front:
        flat = ln.flat
        if mh.publisher is None:
            m = running_header(flat) or _PUBLISHER.match(flat)
            if m and len(m.group("pub")) >= 2:
                mh.publisher = m.group("pub")
        if mh.year is None:
            m = _YEAR_ONLY.match(flat) or _YEAR_ISSUE.search(flat)
            if m:
                mh.year = int(m.group(1))
        if mh.number is None:
            m = _YEAR_ISSUE.search(flat) or None
            if m:
                mh.number = int(m.group(2))
            else:
                m = _ISSUE_NO.search(flat)
                if m:
                    mh.number = int(m.group(1))
        if mh.total_number is None:
            m = _TOTAL_NO.search(flat)
            if m:
                mh.total_number = int(m.group(1))
        if mh.date is None:
            mh.date = parse_date(ln.text)
    if mh.publisher is None or mh.year is None or mh.number is None:
        _from_running_headers(mh, all_lines)
    if mh.year is None and mh.date:
        mh.year = int(mh.date[:4])
    if mh.publisher:
        mh.city = city_of(mh.publisher)
    return mh


def _from_running_headers(mh: Masthead, lines: list[Line]) -> None:
    """Running headers like ``玉林市人民政府公报(2019.1）…`` name the publisher and period."""
    for ln in lines[:400]:
        m = running_header(ln.flat)
        if not m:
            continue
        mh.publisher = mh.publisher or m.group("pub")
        p = _HEADER_PERIOD.search(m.group("rest"))
        if p:
            mh.year = mh.year or int(p.group(1))
            mh.number = mh.number or int(p.group(2))
        if mh.year and mh.number:
            return
