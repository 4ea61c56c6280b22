"""The 目录 of an issue: where it is, its entries, and how an entry is matched to a body title.

The 目录 is not a document. It is a map of the issue: each entry gives a title, often its
发文字号 and page, and the section it stands under (``市政府文件``, ``人事任免``). The splitter uses
it as strong evidence for a document start, to recover a start the rules missed, and to warn
when a listed document was not found, so the user knows the split may be incomplete.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass

from reader.gazette.kinds import kind_of
from reader.gazette.lines import LEADER, PAGE_REF, Line, ends_sentence, is_section_header, starts_title
from reader.gazette.numbers import find_numbers, number_line
from reader.textnorm import squeeze

_TOC_HEAD = re.compile(r"^目\s*[录次]$")
# A page number after a leader or in brackets at the end of an entry: …… (3) / ……3 / ….. （12）
_PAGE_TAIL = re.compile(r"(?:[（(]\s*(\d{1,4})\s*[)）]|(?<=[.…·—_\-－﹒\s])(\d{1,4}))\s*$")
# A number the strict pattern does not parse (``钦政干〔2019〕1、2、3号``) still ends the title.
_NUMBERISH = re.compile(r"[（(]?\s*[\u4e00-\u9fff]{1,16}\s*[〔\[［（(【]\s*(?:19|20)\d{2}\s*[〕\]］）)】].*$")
_LEADER_CHARS = ".…·—_-－﹒ \t"
# Compared without what a quotation changes: 《》 becomes 〈〉 when quoted, quotes and dashes vary.
_FOLD = str.maketrans({"（": "(", "）": ")", "—": "-", "－": "-"}) | dict.fromkeys(
    map(ord, "《》〈〉<>“”\"'‘’")
)


@dataclass(slots=True)
class TocEntry:
    title: str
    number: str | None
    number_key: str | None
    page: int | None
    line_no: int
    section: str | None = None  # the 目录's heading this entry stands under

    def to_dict(self) -> dict:
        d = {"title": self.title, "number": self.number, "page": self.page}
        if self.section:
            d["section"] = self.section
        return d


def _is_tocish(ln: Line) -> bool:
    t = ln.flat
    if t[-1:] in ")）" and PAGE_REF.search(t):
        return True
    return bool(LEADER.search(ln.text))


def find_toc(lines: list[Line], limit: int = 150) -> tuple[int, int] | None:
    """``(heading index, first entry index)`` of the 目录 among the first lines, or None.

    A 目录 is found by its heading, or without one as a run of entries with leaders or page
    numbers (the heading index is then the line before the first entry).
    """
    for i, ln in enumerate(lines[:limit]):
        if _TOC_HEAD.match(ln.flat):
            return i, i + 1
    run, first = 0, -1
    for i, ln in enumerate(lines[:limit]):
        if _is_tocish(ln) and not ends_sentence(ln.flat):
            run, first = run + 1, first if run else i
            if run == 3:
                # an entry's title wrapped onto lines above its leader, a section heading above it
                top = first
                while first > 0 and top - first < 2:
                    above = lines[first - 1].flat
                    if ends_sentence(above) or len(above) > 60 or "公报" in above or "年" in above:
                        break
                    if not (is_section_header(above) or len(above) >= 10):
                        break
                    first -= 1
                return first - 1, first
        elif len(ln.flat) > 60:
            run = 0
    return None


def toc_end(lines: list[Line], head: int) -> int:
    """Index of the last line of the 目录 that starts after ``head``.

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


def _split_page(text: str) -> tuple[str, int | None]:
    """An entry's text without its leader and page number, and the page."""
    body = text.rstrip()
    page = None
    m = _PAGE_TAIL.search(body)
    if m and (m.group(1) or LEADER.search(body)):
        page = int(m.group(1) or m.group(2))
        body = body[: m.start()]
    return body.rstrip(_LEADER_CHARS), page


def _toc_entry(text: str, line_no: int, section: str | None) -> TocEntry | None:
    """One entry from its joined text: title, then its 发文字号 and page, in any wrapping."""
    body, page = _split_page(text)
    nums = find_numbers(body)
    number = nums[0][2] if nums else None
    lead = LEADER.search(body)
    cut = min(nums[0][0] if nums else len(body), lead.start() if lead else len(body))
    title = body[:cut]
    if not nums:
        title = _NUMBERISH.sub("", title)
    title = squeeze(title)
    title = re.sub(r"[（(]+$", "", title).rstrip(_LEADER_CHARS)
    if not title:
        return None
    return TocEntry(
        title=title,
        number=number.display if number else None,
        number_key=number.key if number else None,
        page=page,
        line_no=line_no,
        section=section,
    )


def _is_section(head: Line, rest: str) -> bool:
    """Is the first pending line of an entry the 目录's section heading rather than its title?"""
    t = head.flat
    if is_section_header(t):
        return True
    if not rest or "关于" in t or (kind_of(t) == "personnel" and starts_title(t)):
        return False
    return len(t) <= 8 and not starts_title(t) and not t.startswith(("关于", "在"))


def parse_toc(lines: list[Line], start: int, end: int) -> list[TocEntry]:
    """Entries of the 目录 from ``start`` to ``end`` (inclusive).

    An entry's lines are joined before it is read, because titles and even numbers wrap
    (``…（钦政干〔2019〕20号、21`` / ``号、23号） ….. （77）``). An entry ends at a line with a
    page reference or dotted leader, or at a line holding its 发文字号. A short line that does
    not close an entry and is followed by a whole one is a section heading.
    """
    entries: list[TocEntry] = []
    pending: list[Line] = []
    section: str | None = None
    for ln in lines[start : end + 1]:
        if not pending and is_section_header(ln.flat) and not _is_tocish(ln):
            section = ln.flat
            continue
        pending.append(ln)
        closes = _is_tocish(ln)
        if not closes:
            joined = " ".join(p.text for p in pending)
            body = LEADER.split(joined)[0]
            # a number line without a page (目录 printed without pages) also ends the entry
            closes = bool(find_numbers(body) or _NUMBERISH.search(body)) and bool(
                re.search(r"号[)）]?\s*$", ln.text)
            )
        if not closes:
            continue
        while len(pending) > 1 and _is_section(pending[0], "".join(p.flat for p in pending[1:])):
            section = pending.pop(0).flat
        entry = _toc_entry(" ".join(p.text for p in pending), pending[0].no, section)
        if entry is not None:
            entries.append(entry)
        pending = []
    return entries


def norm_title(title: str) -> str:
    """A title as compared with a 目录 entry: width, brackets, quotes and spacing folded."""
    t = unicodedata.normalize("NFKC", title).translate(_FOLD)
    return "".join(t.split())


def title_similarity(a: str, b: str) -> float:
    """How alike two normalised titles are (1.0 equal; a 目录 may shorten or reword a little)."""
    if a == b:
        return 1.0
    if not a or not b:
        return 0.0
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    if len(short) >= 10 and (long_.startswith(short) or long_.endswith(short)):
        return 0.95
    total = len(a) + len(b)
    if 2 * len(short) < 0.75 * total:  # difflib's real_quick_ratio, without building a matcher
        return 0.0
    if 2 * len(set(a) & set(b)) < 0.6 * len(set(a) | set(b)) * 2 * len(short) / total:
        return 0.0
    sm = difflib.SequenceMatcher(None, a, b, autojunk=False)
    if sm.quick_ratio() < 0.75:
        return 0.0
    return sm.ratio()
