"""Line-level view of a gazette text: cleaning, running headers, and the shapes of lines.

Gazette text comes from PDF extraction or from conversions to Markdown, so besides the 公文 itself
it carries page furniture (running headers such as ``钦州市人民政府公报`` or
``玉林市人民政府公报(2019.1）玉政办发文件``, lone page numbers) and markup (``#`` headings, ``**``).
Everything downstream works on :class:`Line` objects with that noise removed.

The predicates here run on every line of every issue, so each starts with the cheapest test
that can answer (a last character, a length) and reaches for a regular expression only then:
parsing speed is a product figure (``bench/bench_import.py``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reader.gazette.dates import date_line
from reader.gazette.numbers import number_line
from reader.gazette.style import LineStyle

HAN = r"\u3400-\u4dbf\u4e00-\u9fff"

_MD_HEADING = re.compile(r"^(#{1,6})\s*")
_MD_BULLET = re.compile(r"^[-*+]\s+(?=\S)")
_WS = re.compile(r"\s+")

# Organisation names end with one of these (longest first matters only for readability).
ORGAN_SUFFIX = (
    r"(?:人民政府办公室|人民政府办公厅|人民政府|政府办公室|政府办公厅|政府|办公室|办公厅|委员会|管委会|"
    r"管委|常委会|人大|政协|法院|检察院|局|厅|委|部|署|院|办|中心|总队|支队|大队|公司|集团|银行|支行|"
    r"分行|学校|大学|协会|联合会|工会|团委|党委|党组|小组|指挥部|研究会|所|站|社|行署|公署|管理处|处)"
)
# The last character of every ORGAN_SUFFIX: a line ending otherwise is no organ line.
_ORGAN_LAST = frozenset("室府厅会委大协院局部署办心队司团行校学工组所站社处")
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
_ENUM_FIRST = frozenset("一二三四五六七八九十百（(0123456789第①②③④⑤⑥⑦⑧⑨⑩")
PAGE_REF = re.compile(r"[（(]\s*\d{1,4}\s*[)）]\s*$")
LEADER = re.compile(r"(?:\.{3,}|…{2,}|·{3,}|—{4,}|_{4,}|-{4,}|－{3,}|﹒{3,}|\.\s\.\s\.)")
_PAGE_NUMBER = re.compile(r"^[-—–－‐―·•\s]*(?:第\s*)?\d{1,3}(?:\s*页)?[-—–－‐―·•\s]*$")
_PAGE_OF = re.compile(r"^(?:\d{1,4}\s*/\s*\d{1,4}|第\s*\d{1,4}\s*页\s*[，,、]?\s*共\s*\d{1,4}\s*页)$")
_TABLE_RULE = re.compile(r"^[-|:\s\t]+$")
# A gazette's running header: the publisher's name + 公报, perhaps with the issue and a section.
_RUNNING_HEADER = re.compile(rf"^(?P<pub>[{HAN}]{{2,24}}?{ORGAN_SUFFIX})公报(?P<rest>[^。，；：,;]{{0,40}})$")
# Headings a gazette sets between its documents: which part of the issue follows (市政府文件,
# 人事任免, 领导讲话 …), never a document of its own.
SECTION_HEADER = re.compile(
    rf"^(?:[{HAN}]{{0,30}}(?:政府|办公室|办公厅|委员会|部门|局|厅|单位|机关)[{HAN}]{{0,6}}文件|"
    rf"[{HAN}]{{0,12}}(?:规范性文件|政府规章|部门文件|公文|文件)|"
    rf"(?:市|县|区|省)?(?:政府|人民政府)?(?:人事任免|任免信息|领导讲话|重要讲话|讲话|政府令|政府规章|"
    rf"政策解读|重要会议|会议纪要|政务信息|政务动态|大事记|统计信息|统计数据|其他|公告公示|部门公告|"
    rf"内部情况通报|情况通报|工作动态|领导活动|法规规章))$"
)
# Cheap gate for SECTION_HEADER: the last two characters of everything it can match.
_SECTION_TAILS = frozenset(
    (
        "文件",
        "任免",
        "信息",
        "讲话",
        "府令",
        "规章",
        "解读",
        "会议",
        "纪要",
        "动态",
        "事记",
        "数据",
        "其他",
        "公示",
        "公告",
        "通报",
        "活动",
        "规章",
    )
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
_FURNITURE_FIRST = frozenset("-—–－‐―·•第0123456789")


@dataclass(slots=True)
class Line:
    """One non-blank source line after cleaning."""

    no: int  # 1-based line number in the source text
    text: str  # cleaned text (markup removed, outer whitespace stripped)
    flat: str  # text without any whitespace: what matching compares
    level: int = 0  # Markdown heading level, 0 for none
    indent: bool = False  # printed with a first-line indent: a paragraph starts here
    gap: bool = False  # a blank line stands before it in the source
    brk: bool = False  # page furniture (a page number, a running header) stands right before it
    style: LineStyle | None = None  # typography, for lines extracted from a PDF

    @property
    def is_table(self) -> bool:
        return "\t" in self.text or self.text.startswith("|")


def running_header(flat: str) -> re.Match | None:
    """Match a running page header (``XX人民政府公报`` with optional issue/section tail)."""
    if len(flat) > 60 or "公报" not in flat or "年" in flat.split("公报")[0]:
        return None
    return _RUNNING_HEADER.match(flat)


def is_page_furniture(flat: str) -> bool:
    """Page numbers, table rules and running headers: never content."""
    if not flat:
        return True
    if len(flat) > 60:
        return False
    first = flat[0]
    if first in _FURNITURE_FIRST or first in "-|:" or flat[-1] in "0123456789-—–－页期":
        if _PAGE_NUMBER.match(flat) or _PAGE_OF.match(flat) or _TABLE_RULE.match(flat):
            return True
        if _PERIOD_HEADER.match(flat):
            return True
    if "公报" in flat:
        return bool(_PERIOD_HEADER.match(flat) or running_header(flat))
    return False


def clean_lines(text: str, styles: dict[int, LineStyle] | None = None) -> tuple[list[Line], list[Line]]:
    """Split text into cleaned non-blank lines; return them and the furniture lines removed.

    ``styles`` maps a 1-based source line number to how a PDF set it.
    """
    out: list[Line] = []
    dropped: list[Line] = []
    gap = brk = False
    for i, raw in enumerate(text.split("\n"), start=1):
        s = raw.strip()
        if not s:
            gap = True
            continue
        indent = False
        if raw[0] in " \t\u3000":
            lead = raw[: len(raw) - len(raw.lstrip())].replace("\t", "  ")
            indent = len(lead) >= 2 or "\u3000" in lead
        level = 0
        if s[0] == "#":
            m = _MD_HEADING.match(s)
            if m:
                level = len(m.group(1))
                s = s[m.end() :]
        if "*" in s:
            s = s.replace("**", "").strip()
            s = _MD_BULLET.sub("", s)
        elif s[0] in "-+":
            s = _MD_BULLET.sub("", s)
        flat = _WS.sub("", s) if (" " in s or "\t" in s or "\u3000" in s or "\xa0" in s) else s
        style = styles.get(i) if styles else None
        if is_page_furniture(flat) or (style is not None and style.repeated):
            if flat:
                dropped.append(Line(i, s, flat, level))
                brk = True
            continue
        out.append(Line(i, s, flat, level, indent, gap, brk, style))
        gap = brk = False
    return out, dropped


def ends_sentence(flat: str) -> bool:
    return bool(flat) and flat[-1] in TERMINAL


def is_section_header(flat: str) -> bool:
    """A gazette's own heading between documents (``市人民政府文件``, ``人事任免``, ``领导讲话``)."""
    if len(flat) > 40 or flat[-2:] not in _SECTION_TAILS:
        return False
    return bool(SECTION_HEADER.match(flat))


def is_title_like(line: Line, max_len: int = 80) -> bool:
    """Could this line be (part of) a document title?

    Titles carry no sentence punctuation at the end, are not dates, numbers, table rows, links,
    enumerated headings or 附件 markers, and are not long prose.
    """
    t = line.flat
    n = len(t)
    if n < 2 or n > max_len or t[-1] in TERMINAL or "\t" in line.text or t[0] == "|":
        return False
    if "。" in t or "；" in t:
        return False
    if ("http" in t or "www." in t or "](" in t or "@" in t) and ("/" in t or "@" in t):
        return False
    if (t[-1] in ")）" and PAGE_REF.search(t)) or (("…" in t or ".." in t or "—" in t) and LEADER.search(t)):
        return False
    if t[0] in _ENUM_FIRST and ENUM_START.match(t):
        return False
    if t.startswith(("附件", "抄送")) or (t[0] == "各" and ("，" in t or "、" in t or "," in t)):
        return False  # an attachment mark, a 抄送 line, a 主送 line wrapped before its colon
    if is_parenthetical(t):
        return False
    if is_section_header(t):
        return False
    if "日" in t and date_line(t):
        return False
    return not ("号" in t and number_line(t))


def is_parenthetical(flat: str) -> bool:
    """A line wholly in brackets: a 附注 such as （此件公开发布） or a title trailer （试行）."""
    return len(flat) >= 2 and flat[0] in "（(" and flat[-1] in "）)"


def starts_title(flat: str) -> bool:
    """Does this text look like the first line of a title (an organ, a place, 关于 …)?"""
    return bool(flat.startswith(_TITLE_OPENERS) or PLACE_START.match(flat) or YEAR_START.match(flat))


# Words no organisation's name holds: a title or a sentence that happens to end in 政府 / 局.
_NOT_ORGAN = re.compile(
    r"的|关于|方案|预案|通知|规定|办法|意见|报告|公告|通告|条例|细则|纲要|批复|决定|现将|根据"
)


def is_organ_line(flat_or_text: str) -> bool:
    """A signature or issuer line: one or more organisation names, nothing else."""
    s = flat_or_text.strip()
    if not s or s[-1] not in _ORGAN_LAST or len(s) > 80:
        return False
    return len(s.replace(" ", "")) <= 60 and bool(ORGAN_LINE.match(s)) and not _NOT_ORGAN.search(s)


def is_heading(flat: str) -> bool:
    """An enumerated heading (一、… （一）… 第一条 …) without sentence punctuation in it."""
    if len(flat) > 40 or not flat or flat[0] not in _ENUM_FIRST:
        return False
    return bool(ENUM_START.match(flat)) and not any(p in flat[:-1] for p in "。；")


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


_DOTTED_NUMBER = re.compile(r"^\d{1,2}(?:[.．]\d{1,2})+")  # 4.1.3 应急响应: a plan's heading
_FIRST_CLAUSE = re.compile(r"^[^，。；、：,;:！？!?“”（）()《》]{1,4}[，。；、,;]")


def _broken_at_page_end(a: str, b: str) -> bool:
    """A short unfinished line that a page break cut off: text converted paragraph per line keeps
    the printed page's last line as a paragraph of its own (…思想为指 | 导，全面贯彻…).

    A paragraph of 公文 prose ends in punctuation; what ends without is a heading, a title, a
    signature, a date or a table row. So a line with clause marks in it (after any heading
    number: 二、总体要求 is a heading, （一）健康教育。全市… is prose) that ends without one was
    cut; a line without any is taken as cut only when the next begins with the tail of a clause
    (at most four characters before a comma)."""
    if b[0] in _ENUM_FIRST or starts_title(b):
        return False
    if a[-1] in "，、,":
        return True
    if a[-1].isascii():  # a table row's figure, a code, a link: not prose cut at a page end
        return False
    m = (ENUM_START.match(a) or _DOTTED_NUMBER.match(a)) if a[0] in _ENUM_FIRST else None
    prose = any(p in a[m.end() if m else 0 :] for p in "，。；")
    if m or prose:
        return prose
    return bool(_FIRST_CLAUSE.match(b)) and len(a) >= 12 and not starts_title(a) and not is_organ_line(a)


def can_continue(prev: Line, nxt: Line, full_len: int) -> bool:
    """Is ``nxt`` the continuation of a paragraph that ``prev`` left unfinished?"""
    a, b = prev.flat, nxt.flat
    if a[-1] in SENTENCE_END or a[-1] in CLOSERS:
        return False
    if len(a) < full_len and not _broken_at_page_end(a, b):
        return False
    if prev.level or nxt.level or nxt.indent or prev.is_table or nxt.is_table:
        return False
    if is_heading(a) or ("日" in a and date_line(a)) or ("号" in a and number_line(a)):
        return False
    if b[0] in _ENUM_FIRST and ENUM_START.match(b):
        return False
    if b.startswith(("附件", "抄送", "注：", "备注")):
        return False
    if ("日" in b and date_line(b)) or ("号" in b and number_line(b)) or is_organ_line(nxt.text):
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
