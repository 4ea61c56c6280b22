"""The front matter of an issue: masthead metadata (刊名, 年份, 期号, 总期号, 出版日期) and the 目录.

The 目录 is not a document. Its entries (title, 发文字号, page) are kept to cross-check what the
splitter finds and to recover a document whose title the rules missed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reader.gazette.dates import parse_date
from reader.gazette.lines import (
    LEADER,
    PAGE_REF,
    SECTION_HEADER,
    Line,
    ends_sentence,
    running_header,
)
from reader.gazette.numbers import find_numbers, number_line

_TOC_HEAD = re.compile(r"^目\s*[录次]$")
_ISSUE_NO = re.compile(r"(?<!总)第\s*(\d{1,3})\s*期")
_TOTAL_NO = re.compile(r"总\s*第\s*(\d{1,5})\s*期")
_YEAR_ONLY = re.compile(r"^((?:19|20)\d{2})\s*年?$")
_YEAR_ISSUE = re.compile(r"((?:19|20)\d{2})\s*年\s*第\s*(\d{1,3})\s*期")
_HEADER_PERIOD = re.compile(r"[（(]?\s*((?:19|20)\d{2})\s*[.．。\-年]\s*第?\s*(\d{1,2})\s*期?\s*[)）]?")
_PUBLISHER = re.compile(r"^(?P<pub>.{2,24}?)公报$")
_CITY = re.compile(r"^(.{1,10}?(?:自治区|自治州|自治县|特别行政区|省|市|县|区|盟|旗))")
_TOC_TAIL = re.compile(r"[\s.…·]*[（(]\s*\d{1,4}\s*[)）]\s*$")
# A number the strict pattern does not parse (``钦政干〔2019〕1、2、3号``) still ends the title.
_NUMBERISH = re.compile(r"[（(]?\s*[\u4e00-\u9fff]{1,16}\s*[〔\[［（(【]\s*(?:19|20)\d{2}\s*[〕\]］）)】].*$")


@dataclass(slots=True)
class TocEntry:
    title: str
    number: str | None
    number_key: str | None
    page: int | None
    line_no: int

    def to_dict(self) -> dict:
        return {"title": self.title, "number": self.number, "page": self.page}


def city_of(publisher: str) -> str:
    """钦州市人民政府 -> 钦州市; a publisher without a place name is its own city field."""
    m = _CITY.match(publisher)
    return m.group(1) if m else publisher


def find_toc(lines: list[Line], limit: int = 120) -> int | None:
    """Index of the 目录 heading among the first lines, or None."""
    for i, ln in enumerate(lines[:limit]):
        if _TOC_HEAD.match(ln.flat):
            return i
    return None


def _is_tocish(ln: Line) -> bool:
    return bool(PAGE_REF.search(ln.text) or LEADER.search(ln.text))


def toc_end(lines: list[Line], head: int) -> int:
    """Index of the last line of the 目录 that starts at ``head``.

    The 目录 is a run of entries, each ending in a page reference or dotted leader, with at most a
    few title lines between them. It ends at the last such line before prose, a standalone
    发文字号 (a real document) or a long gap.
    """
    last = head
    gap = 0
    for i in range(head + 1, len(lines)):
        ln = lines[i]
        if _is_tocish(ln):
            last, gap = i, 0
            continue
        if number_line(ln.flat) or ends_sentence(ln.flat) or len(ln.flat) > 100:
            break
        gap += 1
        if gap > 6:
            break
    return last


def _toc_entry(text: str, line_no: int) -> TocEntry | None:
    """One entry from its joined text: title, then its 发文字号 and page, in any wrapping."""
    page_m = PAGE_REF.search(text)
    page = int(re.sub(r"\D", "", page_m.group(0))) if page_m else None
    body = _TOC_TAIL.sub("", text)
    body = LEADER.split(body)[0].strip()
    nums = find_numbers(body)
    number = nums[0][2] if nums else None
    title = body[: nums[0][0]] if nums else _NUMBERISH.sub("", body)
    title = re.sub(r"\s+", "", title)
    title = re.sub(r"[（(]+$", "", title)
    if not title:
        return None
    return TocEntry(
        title=title,
        number=number.display if number else None,
        number_key=number.key if number else None,
        page=page,
        line_no=line_no,
    )


def parse_toc(lines: list[Line], head: int, end: int) -> list[TocEntry]:
    """Entries of the 目录 between ``head`` and ``end`` (inclusive).

    An entry's lines are joined before it is read, because titles and even numbers wrap
    (``…（钦政干〔2019〕20号、21`` / ``号、23号） ….. （77）``). An entry ends at a line with a
    page reference or dotted leader, or at a line holding its 发文字号.
    """
    entries: list[TocEntry] = []
    pending: list[str] = []
    pending_no = 0
    for ln in lines[head + 1 : end + 1]:
        if not pending and SECTION_HEADER.match(ln.flat):
            continue
        if not pending:
            pending_no = ln.no
        pending.append(ln.text)
        joined = " ".join(pending)
        closes = bool(PAGE_REF.search(ln.text) or LEADER.search(ln.text))
        if not closes:
            body = LEADER.split(joined)[0]
            # a number line without a page (目录 printed without pages) also ends the entry
            closes = bool(find_numbers(body) or _NUMBERISH.search(body)) and bool(
                re.search(r"号[)）]?\s*$", ln.text)
            )
        if closes:
            entry = _toc_entry(joined, pending_no)
            if entry is not None:
                entries.append(entry)
            pending = []
    return entries


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
