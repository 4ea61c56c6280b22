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
    rf"[{re.escape(_CLOSE)}]\s*第?\s*(?P<seq>\d{{1,5}})\s*号"
)
_BARE = re.compile(rf"(?P<org>{_ORG})\s+(?P<year>(?:19|20)\d{{2}})\s*年?\s+第?\s*(?P<seq>\d{{1,5}})\s*号")

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

    @property
    def display(self) -> str:
        """The GB/T 9704 form, with hexagonal brackets and no spaces."""
        return f"{self.org}〔{self.year}〕{self.seq}号"

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
    """The number of a 令 (government order): ``XX人民政府令第5号`` has no year in brackets."""

    issuer: str
    seq: int

    @property
    def display(self) -> str:
        return f"{self.issuer}令第{self.seq}号"

    @property
    def key(self) -> str:
        return f"{self.issuer}令|{self.seq}"


_ORDER_SEQ = re.compile(r"^[（(]?\s*第\s*(\d{1,4})\s*号\s*[)）]?$")


def order_seq_line(line: str) -> int | None:
    """``第 5 号`` printed under a 令 title."""
    m = _ORDER_SEQ.match(fold(line).strip())
    return int(m.group(1)) if m else None


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
            return DocNumber(m["org"], int(m["year"]), int(m["seq"]))
    return None


_ORDER_TEXT = re.compile(r"^(?P<issuer>.{2,30}?)令\s*[（(]?\s*第\s*(?P<seq>\d{1,4})\s*号\s*[)）]?$")


def number_key(text: str) -> str | None:
    """The normalised identity key of a number given in any accepted spelling."""
    n = parse_number(text)
    if n:
        return n.key
    m = _ORDER_TEXT.match(re.sub(r"\s+", "", fold(text)))
    return OrderNumber(m["issuer"], int(m["seq"])).key if m else None


_YEAR_IN_BRACKETS = re.compile(
    rf"\s*[{re.escape(_OPEN)}]\s*(?P<year>(?:19|20)\d{{2}})\s*[{re.escape(_CLOSE)}]\s*第?\s*(?P<seq>\d{{1,5}})\s*号"
)
_ORG_TAIL = re.compile(rf"[{_HAN}][{_HAN}A-Za-z]{{0,15}}$")


def find_numbers(text: str) -> list[tuple[int, int, DocNumber]]:
    """Every bracketed number in running text, as (start, end, number) on the original text.

    Only the bracketed form is searched in prose: the bare form is too ambiguous there. The
    scan looks for the cheap ``〔2019〕5号`` part first and then reads the 机关代字 backwards,
    which is many times faster than a pattern that starts at every Han character.
    """
    folded = fold(text)
    found = []
    for m in _YEAR_IN_BRACKETS.finditer(folded):
        head = folded[max(0, m.start() - 16) : m.start()]
        om = _ORG_TAIL.search(head)
        if not om:
            continue
        org = _trim_org(om.group(0))
        start = m.start() - len(org)
        found.append((start, m.end(), DocNumber(org, int(m["year"]), int(m["seq"]))))
    return found


_LINE = re.compile(
    rf"^[（(]?\s*(?P<num>{_ORG}\s*[{re.escape(_OPEN)}]\s*(?:19|20)\d{{2}}\s*[{re.escape(_CLOSE)}]"
    rf"\s*第?\s*\d{{1,5}}\s*号)\s*[)）]?\s*(?:签发人[:：].*)?$"
)


def number_line(line: str) -> DocNumber | None:
    """The number if ``line`` is a standalone 发文字号 line (as printed under a title)."""
    if "号" not in line:
        return None
    folded = _fold(line).strip()
    if len(folded) > 60:
        return None
    m = _LINE.match(folded)
    if not m:
        return None
    return parse_number(m["num"])
