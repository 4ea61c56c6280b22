"""How each paragraph of a document is laid out, following GB/T 9704 (no Qt here).

The text view, printing and exports all ask the same question — is this paragraph the 主送机关,
a heading of which level, a signature, a date, a table row, an attachment's title? — so the
answer lives here once. Offsets are into the document's canonical text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reader.gazette.dates import date_line
from reader.gazette.kinds import kind_of
from reader.gazette.lines import is_organ_line, is_parenthetical

_LEVELS = [
    (re.compile(r"^第[一二三四五六七八九十百零〇\d]+[章编]"), "chapter"),
    (re.compile(r"^第[一二三四五六七八九十百零〇\d]+节"), "section"),
    (re.compile(r"^[一二三四五六七八九十百]+[、.．]"), "h1"),
    (re.compile(r"^[（(][一二三四五六七八九十百]+[)）]"), "h2"),
    (re.compile(r"^\d{1,3}[.．、](?!\d)"), "h3"),
    (re.compile(r"^[（(]\d{1,3}[)）]"), "h4"),
]
_ARTICLE = re.compile(r"^第[一二三四五六七八九十百零〇\d]+条")
_ATTACHMENT_LABEL = re.compile(r"^附\s*件\s*\d{0,2}\s*[:：]?$")
_URL = re.compile(r"https?://[^\s\]\)）<>\"'，。；]+")
OUTLINE_KINDS = {"chapter", "section", "h1", "h2", "subtitle", "label"}
HEADING_LEVEL = {"chapter": 1, "section": 2, "subtitle": 1, "label": 1, "h1": 1, "h2": 2, "h3": 3, "h4": 4}


@dataclass(slots=True)
class Block:
    """One paragraph with its role."""

    # recipients | body | chapter | section | h1..h4 | article | subtitle | label | attachments |
    # signature | date | table
    kind: str
    start: int  # offset of the paragraph in the document text
    text: str
    lead: int = 0  # length of a run-in heading at the start (bold), e.g. （一）加强组织领导。

    @property
    def end(self) -> int:
        return self.start + len(self.text)

    @property
    def level(self) -> int:
        return HEADING_LEVEL.get(self.kind, 0)

    @property
    def is_heading(self) -> bool:
        return self.kind in OUTLINE_KINDS or self.kind in ("h3", "h4")


def _heading_kind(flat: str) -> str | None:
    for pattern, kind in _LEVELS:
        if pattern.match(flat):
            return kind
    return None


def _run_in(text: str) -> int:
    """Length of a heading that runs into its paragraph: up to and including the first 。"""
    m = re.search(r"[。：:]", text)
    return m.end() if m and m.end() <= 40 else 0


def layout(text: str, recipients: str | None = None) -> list[Block]:
    """Blocks for every paragraph of ``text`` (paragraphs are lines)."""
    paras = text.split("\n")
    blocks: list[Block] = []
    offset = 0
    previous = ""
    in_attachment_list = False
    for i, para in enumerate(paras):
        flat = "".join(para.split())
        nxt = "".join(paras[i + 1].split()) if i + 1 < len(paras) else ""
        kind, lead = "body", 0
        if not flat:
            kind = "body"
        elif i == 0 and recipients and flat == recipients:
            kind = "recipients"
        elif "\t" in para:
            kind = "table"
        elif date_line(flat):
            kind = "date"
        elif is_organ_line(para.strip()) and date_line(nxt):
            kind = "signature"
        elif _ATTACHMENT_LABEL.match(flat):
            kind = "label"
        elif flat.startswith(("附件：", "附件:")) or (
            in_attachment_list and re.match(r"^\d{1,2}[.．、]", flat)
        ):
            kind = "attachments"  # the 附件说明 list under the body
        elif (h := _heading_kind(flat)) is not None:
            short = len(flat) <= 40 and not any(p in flat[:-1] for p in "。；")
            # a numbered sentence (1.各地要高度重视。) is a paragraph; a heading ends without 。
            sentence = flat.endswith("。") and (h in ("h3", "h4") or len(flat) > 20)
            if h in ("chapter", "section") or (short and not sentence):
                kind = h
            else:
                kind, lead = "body", _run_in(para)  # （一）加强领导。正文…: a run-in heading
                if lead >= len(para.rstrip()):  # the whole line is one sentence: no heading in it
                    lead = 0
        elif is_parenthetical(flat):
            kind = "body"  # 附注 such as （此件公开发布）: left, indented, never a title
        elif _ARTICLE.match(flat):
            kind = "article"
            m = _ARTICLE.match(para.lstrip())
            lead = (len(para) - len(para.lstrip())) + (m.end() if m else 0)
        elif (
            len(flat) <= 50
            and flat[-1] not in "。；，、：:"
            and (kind_of(flat) is not None or _ATTACHMENT_LABEL.match(previous) or date_line(previous))
        ):
            kind = "subtitle"
        in_attachment_list = kind == "attachments"
        blocks.append(Block(kind, offset, para, lead))
        offset += len(para) + 1
        previous = flat
    return blocks


def urls(text: str) -> list[tuple[int, int, str]]:
    """Web addresses in a paragraph: (start, end, url)."""
    return [(m.start(), m.end(), m.group(0)) for m in _URL.finditer(text)]


def outline(blocks: list[Block]) -> list[Block]:
    """The headings a reader navigates by (chapters, 一、 and （一） levels, attachment titles)."""
    return [b for b in blocks if b.kind in OUTLINE_KINDS and b.text.strip()]


# Nesting order of the numbered headings: a deeper one goes under the nearest shallower one
# before it, whichever levels the document uses (一、 under 第一节 in a 规划, at the top in a 通知).
_RANK = {"chapter": 0, "section": 1, "h1": 2, "h2": 3, "h3": 4, "h4": 5}


def outline_parents(heads: list[Block]) -> list[int]:
    """For each heading of :func:`outline`, the index of the heading it nests under (-1: none).

    An attachment's label (附件1) starts a part of its own that its headings nest under; an
    unnumbered title line (a 专栏 box's caption, an attachment's title) sits where it stands
    and nests nothing: the 一、 after a 专栏 belongs to the section, not to the box."""
    parents: list[int] = []
    stack: list[tuple[int, int]] = []  # (rank, index) of the open headings, outermost first
    for i, b in enumerate(heads):
        if b.kind == "label":
            stack.clear()
            parents.append(-1)
            stack.append((-1, i))
            continue
        if b.kind == "subtitle":
            parents.append(stack[-1][1] if stack else -1)
            continue
        rank = _RANK.get(b.kind, len(_RANK))
        while stack and stack[-1][0] >= rank:
            stack.pop()
        parents.append(stack[-1][1] if stack else -1)
        stack.append((rank, i))
    return parents
