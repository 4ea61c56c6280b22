"""发文字号 (document numbers): recognition, display form and a normalised identity key.

GB/T 9704 prints a number as 机关代字 + 〔year〕 + sequence + 号, e.g. ``钦政办〔2019〕5号``. Typed,
OCR'd and converted texts vary the brackets (``[] （） () 【】``), insert spaces (``5 号``) and use
full-width digits; users type ``钦政办 2019 5号``. All of these must name the same document, so
identity goes through :func:`number_key`, never through string equality.
"""

from __future__ import annotations

import re
import unicodedata
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


def _fold(text: str) -> str:
    """Full-width digits and letters to ASCII, keeping 〔〕 (NFKC leaves them alone)."""
    return unicodedata.normalize("NFKC", text)


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


def number_key(text: str) -> str | None:
    """The normalised identity key of a number given in any accepted spelling."""
    n = parse_number(text)
    return n.key if n else None


def find_numbers(text: str) -> list[tuple[int, int, DocNumber]]:
    """Every bracketed number in running text, as (start, end, number) on the original text.

    Only the bracketed form is searched in prose: the bare form is too ambiguous there. NFKC
    never changes the length of the characters involved here except full-width forms, which map
    one to one, so offsets stay valid.
    """
    folded = _fold(text)
    if len(folded) != len(text):  # a rare ligature changed length: fall back to the raw text
        folded = text
    found = []
    for m in _BRACKETED.finditer(folded):
        org = _trim_org(m["org"])
        start = m.start("org") + (len(m["org"]) - len(org))
        found.append((start, m.end(), DocNumber(org, int(m["year"]), int(m["seq"]))))
    return found


_LINE = re.compile(
    rf"^[（(]?\s*(?P<num>{_ORG}\s*[{re.escape(_OPEN)}]\s*(?:19|20)\d{{2}}\s*[{re.escape(_CLOSE)}]"
    rf"\s*第?\s*\d{{1,5}}\s*号)\s*[)）]?\s*(?:签发人[:：].*)?$"
)


def number_line(line: str) -> DocNumber | None:
    """The number if ``line`` is a standalone 发文字号 line (as printed under a title)."""
    folded = _fold(line).strip()
    if len(folded) > 60:
        return None
    m = _LINE.match(folded)
    if not m:
        return None
    return parse_number(m["num"])
