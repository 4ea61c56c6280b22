"""Line-level view of a gazette text: cleaning, running headers, and the shapes of lines.

Gazette text comes from PDF extraction or from conversions to Markdown, so besides the 公文 itself
it carries page furniture (running headers such as ``钦州市人民政府公报`` or
``玉林市人民政府公报(2019.1）玉政办发文件``, lone page numbers) and markup (``#`` headings, ``**``).
Everything downstream works on :class:`Line` objects with that noise removed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reader.gazette.dates import date_line
from reader.gazette.numbers import number_line

HAN = r"\u3400-\u4dbf\u4e00-\u9fff"

_MD_HEADING = re.compile(r"^(#{1,6})\s*")
_MD_BULLET = re.compile(r"^[-*+]\s+(?=\S)")
_WS = re.compile(r"\s+")

# Organisation names end with one of these (longest first matters only for readability).
ORGAN_SUFFIX = (
    r"(?:人民政府办公室|人民政府办公厅|人民政府|政府办公室|政府办公厅|政府|办公室|办公厅|委员会|管委会|"
    r"管委|常委会|人大|政协|法院|检察院|局|厅|委|部|署|院|办|中心|总队|支队|大队|公司|集团|银行|支行|"
    r"分行|学校|大学|协会|联合会|工会|团委|党委|党组|小组|指挥部|研究会|所|站|社)"
)
ORGAN_LINE = re.compile(
    rf"^(?:[{HAN}（）()·]{{2,40}}?{ORGAN_SUFFIX})(?:\s+[{HAN}（）()·]{{2,40}}?{ORGAN_SUFFIX})*$"
)
PLACE_START = re.compile(rf"^[{HAN}]{{1,10}}?(?:自治区|自治州|自治县|特别行政区|省|市|县|区|州|盟|旗)")
_TITLE_OPENERS = ("关于", "中共", "中国", "共青团", "国务院", "全国", "在", "——", "—", "《")
YEAR_START = re.compile(r"^(?:19|20)\d{2}\s*年")

# 一、 （一） (一) 1. 1、 （1） 第一章 第一条 第一节 — the enumerators of 公文 structure.
ENUM_START = re.compile(
    r"^(?:[一二三四五六七八九十百]+[、.．]|[（(][一二三四五六七八九十百\d]+[)）]|\d{1,3}[.．、](?!\d)|"
    r"第[一二三四五六七八九十百零〇\d]+[章节条款部分篇]|[①②③④⑤⑥⑦⑧⑨⑩])"
)
PAGE_REF = re.compile(r"[（(]\s*\d{1,4}\s*[)）]\s*$")
LEADER = re.compile(r"(?:\.{3,}|…{2,}|·{3,}|—{4,}|_{4,})")
_PAGE_NUMBER = re.compile(r"^[-—–－‐―·•\s]*(?:第\s*)?\d{1,3}(?:\s*页)?[-—–－‐―·•\s]*$")
_PAGE_OF = re.compile(r"^(?:\d{1,4}\s*/\s*\d{1,4}|第\s*\d{1,4}\s*页\s*[，,、]?\s*共\s*\d{1,4}\s*页)$")
_TABLE_RULE = re.compile(r"^[-|:\s\t]+$")
# A gazette's running header: the publisher's name + 公报, perhaps with the issue and a section.
_RUNNING_HEADER = re.compile(rf"^(?P<pub>[{HAN}]{{2,24}}?{ORGAN_SUFFIX})公报(?P<rest>[^。，；：,;]{{0,40}})$")
SECTION_HEADER = re.compile(
    rf"^(?:[{HAN}]{{0,30}}(?:政府|办公室|办公厅|委员会|部门|局|厅|单位|机关)[{HAN}]{{0,6}}文件|"
    rf"[{HAN}]{{0,12}}(?:规范性文件|政府规章|部门文件|公文|文件)|"
    rf"(?:市|县|区|省)?(?:政府|人民政府)?(?:人事任免|任免信息|领导讲话|重要讲话|讲话|政府令|政府规章|"
    rf"政策解读|重要会议|会议纪要|政务信息|政务动态|大事记|统计信息|统计数据|其他|公告公示|部门公告))$"
)
# An issue's period printed alone as a running header: 2019年第1期 (总第236期).
_PERIOD_HEADER = re.compile(
    r"^(?:(?:19|20)\d{2}年)?第\d{1,3}期(?:[(（]总第\d{1,5}期[)）])?$|^(?:人民)?政府公报$"
)
# The colophon on the last page of an issue (主办, 编辑, 地址 …): not part of the last document.
COLOPHON = re.compile(
    r"^(?:主\s*办|主\s*管|编\s*辑|出\s*版|承\s*办|编印|地\s*址|电\s*话|邮\s*编|邮政编码|传\s*真|印\s*刷|"
    r"网\s*址|准印证|内部资料|发送|赠阅|定价)[:：\s]"
)
TERMINAL = "。！？；;!?：:，,、"
SENTENCE_END = "。！？；;!?：:"  # a wrapped line may end in a comma; a paragraph does not
CLOSERS = "）)”」』》】〕"


@dataclass(slots=True)
class Line:
    """One non-blank source line after cleaning."""

    no: int  # 1-based line number in the source text
    text: str  # cleaned text (markup removed, outer whitespace stripped)
    flat: str  # text without any whitespace: what matching compares
    level: int = 0  # Markdown heading level, 0 for none
    indent: bool = False  # printed with a first-line indent: a paragraph starts here

    @property
    def is_table(self) -> bool:
        return "\t" in self.text or self.text.startswith("|")


def running_header(flat: str) -> re.Match | None:
    """Match a running page header (``XX人民政府公报`` with optional issue/section tail)."""
    if len(flat) > 60 or "年" in flat.split("公报")[0]:
        return None
    return _RUNNING_HEADER.match(flat)


def is_page_furniture(flat: str) -> bool:
    """Page numbers, table rules and running headers: never content."""
    if not flat:
        return True
    return bool(
        _PAGE_NUMBER.match(flat)
        or _PAGE_OF.match(flat)
        or _TABLE_RULE.match(flat)
        or _PERIOD_HEADER.match(flat)
        or running_header(flat)
    )


def clean_lines(text: str) -> tuple[list[Line], list[Line]]:
    """Split text into cleaned non-blank lines; return them and the furniture lines removed."""
    out: list[Line] = []
    dropped: list[Line] = []
    for i, raw in enumerate(text.split("\n"), start=1):
        s = raw.strip()
        if not s:
            continue
        lead = raw[: len(raw) - len(raw.lstrip())].replace("\t", "  ")
        indent = len(lead) >= 2 or "\u3000" in lead
        level = 0
        m = _MD_HEADING.match(s)
        if m:
            level = len(m.group(1))
            s = s[m.end() :]
        s = s.replace("**", "").strip()
        s = _MD_BULLET.sub("", s)
        flat = _WS.sub("", s)
        if is_page_furniture(flat):
            if flat:
                dropped.append(Line(i, s, flat, level))
            continue
        out.append(Line(i, s, flat, level, indent))
    return out, dropped


def ends_sentence(flat: str) -> bool:
    return bool(flat) and flat[-1] in TERMINAL


def is_title_like(line: Line) -> bool:
    """Could this line be (part of) a document title?

    Titles carry no sentence punctuation at the end, are not dates, numbers, table rows, links,
    enumerated headings or 附件 markers, and are not long prose.
    """
    t = line.flat
    if not (2 <= len(t) <= 80) or line.is_table:
        return False
    if t[-1] in TERMINAL or "。" in t or "；" in t:
        return False
    if "http" in t or "www." in t or "](" in t or "@" in t:
        return False
    if PAGE_REF.search(line.text) or LEADER.search(line.text):
        return False
    if ENUM_START.match(t) or t.startswith(("附件", "抄送", "各")):
        return False
    if is_parenthetical(t):
        return False
    if SECTION_HEADER.match(t):
        return False
    return not (date_line(t) or number_line(t))


def is_parenthetical(flat: str) -> bool:
    """A line wholly in brackets: a 附注 such as （此件公开发布） or a title trailer （试行）."""
    return len(flat) >= 2 and flat[0] in "（(" and flat[-1] in "）)"


def starts_title(flat: str) -> bool:
    """Does this text look like the first line of a title (an organ, a place, 关于 …)?"""
    return bool(flat.startswith(_TITLE_OPENERS) or PLACE_START.match(flat) or YEAR_START.match(flat))


def is_organ_line(flat_or_text: str) -> bool:
    """A signature or issuer line: one or more organisation names, nothing else."""
    s = flat_or_text.strip()
    return len(s.replace(" ", "")) <= 60 and bool(ORGAN_LINE.match(s))


def is_heading(flat: str) -> bool:
    """An enumerated heading (一、… （一）… 第一条 …) without sentence punctuation in it."""
    return bool(ENUM_START.match(flat)) and not any(p in flat[:-1] for p in "。；") and len(flat) <= 40


def full_line_length(lines: list[Line]) -> int:
    """Length from which an unterminated line is a wrapped paragraph rather than a heading.

    Hard-wrapped text (PDF extraction) has most lines at the page width (28 characters per line in
    GB/T 9704); paragraph-per-line text (conversions) has long lines and wraps only at page breaks.
    """
    lengths = sorted(len(ln.flat) for ln in lines if not ln.is_table)
    if not lengths:
        return 30
    p75 = lengths[int(len(lengths) * 0.75)]
    if p75 <= 45:
        return max(12, int(p75 * 0.85))
    return 30


def can_continue(prev: Line, nxt: Line, full_len: int) -> bool:
    """Is ``nxt`` the continuation of a paragraph that ``prev`` left unfinished?"""
    a, b = prev.flat, nxt.flat
    if prev.is_table or nxt.is_table or prev.level or nxt.level or nxt.indent:
        return False
    if len(a) < full_len or a[-1] in SENTENCE_END or a[-1] in CLOSERS:
        return False
    if is_heading(a) or date_line(a) or number_line(a):
        return False
    if ENUM_START.match(b) or b.startswith(("附件", "抄送", "注：", "备注")):
        return False
    if date_line(b) or number_line(b) or is_organ_line(nxt.text):
        return False
    return not ("http" in a and "http" in b)


def reflow_mapped(lines: list[Line], full_len: int) -> tuple[list[str], list[list[tuple[int, int]]]]:
    """Join wrapped paragraph lines, remembering where each source line landed.

    Returns the paragraphs and, per paragraph, ``(offset within the paragraph, source line
    number)`` for every physical line joined into it: how a text offset maps back to a line and
    so to a PDF page.
    """
    paras: list[str] = []
    origins: list[list[tuple[int, int]]] = []
    prev: Line | None = None
    for ln in lines:
        if prev is not None and can_continue(prev, ln, full_len):
            # Han text joins without a space; Latin words keep one.
            glue = " " if (paras[-1][-1:].isascii() and ln.text[:1].isascii()) else ""
            origins[-1].append((len(paras[-1]) + len(glue), ln.no))
            paras[-1] = paras[-1] + glue + ln.text
            prev = ln  # the next decision looks at this physical line's length and ending
            continue
        paras.append(ln.text)
        origins.append([(0, ln.no)])
        prev = ln
    return paras, origins


def reflow(lines: list[Line], full_len: int) -> list[str]:
    """Join wrapped paragraph lines; one output string per paragraph, table row or heading."""
    return reflow_mapped(lines, full_len)[0]
