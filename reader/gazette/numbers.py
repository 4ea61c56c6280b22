"""发文字号 (document numbers): recognition, display form and a normalised identity key.

GB/T 9704 prints a number as 机关代字 + 〔year〕 + sequence + 号, e.g. ``钦政办〔2019〕5号``. Typed,
OCR'd and converted texts vary the brackets (``[] （） () 【】``), insert spaces (``5 号``) and use
full-width digits; users type ``钦政办 2019 5号``. All of these must name the same document, so
identity goes through :func:`number_key`, never through string equality.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_OPEN = "〔[［（(【﹝〖"
_CLOSE = "〕]］）)】﹞〗"
_HAN = r"\u3400-\u4dbf\u4e00-\u9fff"

# 机关代字: Han characters, rarely with a Latin letter or digit inside (e.g. 桂政办电, 钦市自然资规).
_ORG = rf"[{_HAN}][{_HAN}A-Za-z]{{0,15}}"
_BRACKETED = re.compile(
    rf"(?P<org>{_ORG})\s*[{re.escape(_OPEN)}]\s*(?P<year>(?:19|20)\d{{2}})\s*"
    rf"[{re.escape(_CLOSE)}]\s*(?P<di>第?)\s*(?P<seq>\d{{1,5}})\s*号"
)
_BARE = re.compile(
    rf"(?P<org>{_ORG})\s+(?P<year>(?:19|20)\d{{2}})\s*年?\s+(?P<di>第?)\s*(?P<seq>\d{{1,5}})\s*号"
)

# Words that end a sentence fragment before a cited number: the 机关代字 starts after them.
_LEAD_IN = re.compile(
    r".*(?:根据|依据|按照|参照|对照|落实|贯彻|执行|印发|转发|批转|下发|发布|详见|以及|和|及|与|或|的|于)"
)


@dataclass(frozen=True, slots=True)
class DocNumber:
    """A parsed 发文字号."""

    org: str
    year: int
    seq: int
    di: bool = False  # printed with 第 before the sequence (``X政府令〔2010〕第15号``)

    @property
    def display(self) -> str:
        """The number as printed, in the GB/T 9704 form: hexagonal brackets, no spaces."""
        return f"{self.org}〔{self.year}〕{'第' if self.di else ''}{self.seq}号"

    @property
    def key(self) -> str:
        """Identity key: the same for every bracket, spacing and width variant."""
        return f"{self.org}|{self.year}|{self.seq}"


# Full-width ASCII (！..～) and the ideographic space to ASCII: the part of NFKC that matters for
# numbers and dates, as a str.translate table (NFKC on every line cost more than parsing itself).
_WIDTH = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)}
_WIDTH[0x3000] = 0x20
# …except the brackets, whose full-width forms are the printed ones and are matched as such.
for _ch in "（）［］":
    _WIDTH.pop(ord(_ch), None)


def fold(text: str) -> str:
    """Full-width digits, letters and spaces to ASCII; length-preserving, so offsets stay valid."""
    return text.translate(_WIDTH)


@dataclass(frozen=True, slots=True)
class OrderNumber:
    """The number of a 令 or a numbered 公告: ``XX人民政府令第5号`` has no 机关代字.

    ``printed`` is the number line as printed (``第5号``, ``〔2011〕第10号``, ``2006年第8号``,
    ``第四十一号``); a year, where printed, is part of the identity (some organs restart yearly).
    """

    issuer: str
    seq: int
    kind: str = "令"  # 令 or 公告
    year: int | None = None
    printed: str | None = None
    headed: bool = True  # printed under an ``XX令`` heading (else only ``第153号`` stands there)

    @property
    def display(self) -> str:
        seq = self.printed or f"第{self.seq}号"
        return f"{self.issuer}{self.kind}{seq}" if self.headed else seq

    @property
    def key(self) -> str:
        head = f"{self.issuer}{self.kind}"
        return f"{head}|{self.year}|{self.seq}" if self.year else f"{head}|{self.seq}"


_CN_DIGITS = {c: i for i, c in enumerate("零一二三四五六七八九")}
_CN_DIGITS.update({"〇": 0, "○": 0, "两": 2})
_CN_UNITS = {"十": 10, "百": 100, "千": 1000}
# 第5号 / （第59号） / 〔2011〕第10号 / 2006年第8号 / 第四十一号 / 第293號
_ORDER_SEQ = re.compile(
    r"^[（(]?\s*(?:[〔\[［(（【]\s*(?P<y1>(?:19|20)\d{2})\s*[〕\]］)）】]|(?P<y2>(?:19|20)\d{2})\s*年)?\s*"
    r"第\s*(?P<seq>\d{1,5}|[零〇○一二三四五六七八九十百千两]{1,8})\s*[号號]\s*[)）]?$"
)


def cn_int(text: str) -> int | None:
    """一 .. 九千九百九十九 (第一百零三号) as an int."""
    if text.isdigit():
        return int(text)
    total, digit = 0, None
    for ch in text:
        if ch in _CN_DIGITS:
            digit = _CN_DIGITS[ch]
        elif ch in _CN_UNITS:
            total += (1 if digit is None else digit) * _CN_UNITS[ch]
            digit = None
        else:
            return None
    return total + (digit or 0)


def order_seq(line: str) -> tuple[int, int | None, str] | None:
    """``(seq, year, as printed)`` of a 令号 / 公告 number line (``第 5 号``), or None."""
    folded = re.sub(r"\s+", "", fold(line))
    m = _ORDER_SEQ.match(folded)
    if not m:
        return None
    seq = cn_int(m["seq"])
    if seq is None:
        return None
    year = m["y1"] or m["y2"]
    printed = folded.strip("（()）") if folded[:1] in "（(" and folded[-1:] in "）)" else folded
    return seq, int(year) if year else None, printed


def _fold(text: str) -> str:
    return fold(text)


def _trim_org(org: str) -> str:
    """Drop sentence words glued in front of the 机关代字 (``根据国发`` -> ``国发``)."""
    m = _LEAD_IN.match(org)
    if m and m.end() < len(org):
        return org[m.end() :]
    return org


def parse_number(text: str) -> DocNumber | None:
    """Parse a text that *is* a number (a whole line or a typed query)."""
    folded = _fold(text).strip()
    folded = folded.strip("（()）")
    for pattern in (_BRACKETED, _BARE):
        m = pattern.fullmatch(folded)
        if m:
            return DocNumber(m["org"], int(m["year"]), int(m["seq"]), bool(m["di"]))
    return None


_ORDER_TEXT = re.compile(r"^(?P<issuer>.{2,40}?)(?P<kind>令|公告)(?P<seq>.{2,20})$")


def number_key(text: str) -> str | None:
    """The normalised identity key of a number given in any accepted spelling."""
    n = parse_number(text)
    if n:
        return n.key
    m = _ORDER_TEXT.match(re.sub(r"\s+", "", fold(text)))
    if not m:
        return None
    found = order_seq(m["seq"])
    if found is None:
        return None
    seq, year, printed = found
    return OrderNumber(m["issuer"], seq, m["kind"], year, printed).key


# Run on the unfolded text (folding a whole document costs more than the search): ``\d`` and
# ``\s`` already accept full-width digits and the ideographic space.
_YEAR_IN_BRACKETS = re.compile(
    rf"\s*[{re.escape(_OPEN)}]\s*(?P<year>[12１２]\d{{3}})\s*[{re.escape(_CLOSE)}]\s*(?P<di>第?)\s*"
    rf"(?P<seq>\d{{1,5}})\s*号"
)
_ORG_TAIL = re.compile(rf"[{_HAN}][{_HAN}A-Za-zＡ-Ｚａ-ｚ]{{0,15}}$")


def find_numbers(text: str) -> list[tuple[int, int, DocNumber]]:
    """Every bracketed number in running text, as (start, end, number) on the original text.

    Only the bracketed form is searched in prose: the bare form is too ambiguous there. The
    scan looks for the cheap ``〔2019〕5号`` part first and then reads the 机关代字 backwards,
    which is many times faster than a pattern that starts at every Han character.
    """
    found = []
    for m in _YEAR_IN_BRACKETS.finditer(text):
        year = int(m["year"])
        if not 1900 <= year <= 2099:
            continue
        head = text[max(0, m.start() - 16) : m.start()]
        om = _ORG_TAIL.search(head)
        if not om:
            continue
        org = _trim_org(om.group(0))
        start = m.start() - len(org)
        found.append((start, m.end(), DocNumber(fold(org), year, int(m["seq"]), bool(m["di"]))))
    return found


_LINE = re.compile(
    rf"^[（(]?\s*(?P<num>{_ORG}\s*[{re.escape(_OPEN)}]\s*(?:19|20)\d{{2}}\s*[{re.escape(_CLOSE)}]"
    rf"\s*第?\s*\d{{1,5}}\s*号)\s*[)）]?\s*(?:签发人[:：].*|(?P<date>\S.{{5,20}}日))?$"
)


def number_line(line: str) -> DocNumber | None:
    """The number if ``line`` is a standalone 发文字号 line (as printed under a title).

    A 成文日期 may stand on the same line after it (``川府发〔2011〕8号 二○一一年三月十七日``).
    """
    m = _number_line_match(line)
    return parse_number(m["num"]) if m else None


def number_line_date(line: str) -> str | None:
    """The text of a date printed after the number on a number line, if any."""
    m = _number_line_match(line)
    return m["date"] if m else None


def _number_line_match(line: str) -> re.Match | None:
    if "号" not in line:
        return None
    folded = _fold(line).strip()
    if len(folded) > 60:
        return None
    return _LINE.match(folded)
