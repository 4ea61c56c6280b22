"""Turning a document start and its lines into a :class:`Document` with its metadata."""

from __future__ import annotations

import re
from pathlib import PurePath

from reader.gazette.dates import date_line, parse_date
from reader.gazette.fields import (
    find_attachments,
    find_citations,
    find_recipients,
    find_signature,
    issuer_from_title,
)
from reader.gazette.kinds import kind_of
from reader.gazette.lines import Line, is_title_like, reflow_mapped
from reader.gazette.model import Document
from reader.gazette.numbers import OrderNumber, find_numbers
from reader.gazette.segment import Start
from reader.textnorm import squeeze

# A 人事任免 decision's trailer: （钦政干〔2019〕20号 2019年12月9日）, or its date line: 2020年2月5日决定：
_DECISION_TRAILER = re.compile(r"^[（(](?P<body>.{4,60})[)）]$")
_DECIDED_ON = re.compile(r"^(?P<date>.{6,16}日)(?:[^，。]{0,20})?(?:决定|研究决定|会议决定)[:：]$")


def _line_map(paras: list[str], origins: list[list[tuple[int, int]]]) -> list[tuple[int, int]]:
    """Paragraph-relative origins to offsets in the joined text (paragraphs joined by newlines)."""
    out: list[tuple[int, int]] = []
    base = 0
    for para, origin in zip(paras, origins, strict=True):
        out.extend((base + off, line_no) for off, line_no in origin)
        base += len(para) + 1
    return out


def personnel_decisions(body: list[Line]) -> list[dict]:
    """Each decision of a 人事任免 document: its 文号 and date, in the order printed."""
    out: list[dict] = []
    for ln in body:
        t = ln.flat
        m = _DECISION_TRAILER.match(t)
        if m and ("号" in t or "日" in t):
            nums = find_numbers(m["body"])
            iso = parse_date(m["body"])
            if nums or iso:
                number = m["body"][nums[0][0] :].split("号")[0] + "号" if nums else None
                out.append(
                    {
                        "number": re.sub(r"\s+", "", number).translate(_BRACKETS) if number else None,
                        "number_key": nums[0][2].key if nums else None,
                        "date": iso,
                    }
                )
            continue
        dm = _DECIDED_ON.match(t)
        if dm and (iso := parse_date(dm["date"])):
            out.append({"number": None, "number_key": None, "date": iso})
    return out


def unquote_title(title: str) -> str:
    """A title printed inside 《》 as a whole (a page quoting itself): the title itself."""
    if title.startswith("《") and title.endswith("》") and title.count("《") == 1:
        return title[1:-1]
    return title


_BRACKETS = str.maketrans({"[": "〔", "]": "〕", "［": "〔", "］": "〕", "【": "〔", "】": "〕"})


def build_document(lines: list[Line], s: Start, end: int, full_len: int, section: str | None) -> Document:
    """One start and the lines up to ``end`` (exclusive) as a Document."""
    texts = [lines[i].text for i in s.title_idx]
    if s.last_text is not None and s.text_at in s.title_idx:
        texts[s.title_idx.index(s.text_at)] = s.last_text
    title_text = " ".join(texts)
    title = unquote_title(squeeze(title_text).replace("#", ""))
    body = lines[s.last + 1 : end]
    kind = kind_of(title) or ("personnel" if "任免" in title else "other")
    if isinstance(s.number, OrderNumber) and not s.number.headed:
        kind = "order"  # 第N号 under the title of what it issues, signed by 省长/市长: the 令 format
    paras, origins = reflow_mapped(body, full_len)
    extra_nos = {lines[i].no for i in s.extra}
    skip = sum(1 for origin in origins[: len(s.extra)] if origin[0][1] in extra_nos)
    rec_i = find_recipients(paras[skip:])
    recipients = paras[skip + rec_i] if rec_i is not None else None
    _, iso, signed = find_signature(body, len(body))
    # a 题注 （2018年1月17日…会议通过）, the date under a speech title, a date on the number line
    head_iso = next((d for i in s.extra if (d := parse_date(lines[i].flat))), None)
    head_iso = head_iso or (parse_date(s.head_date) if s.head_date else None)
    if iso is None or (head_iso and kind in ("speech", "report")):
        iso = head_iso or iso
    issuer = signed or issuer_from_title(title_text)
    text = "\n".join(paras)
    number = s.number
    doc = Document(
        title=title,
        number=number.display if number else None,
        number_key=number.key if number else None,
        issuer=issuer,
        recipients=re.sub(r"\s+", "", recipients) if recipients else None,
        date=iso,
        kind=kind,
        attachments=find_attachments(body),
        citations=find_citations(text, number.key if number else None),
        text=text,
        line_map=_line_map(paras, origins),
        start_line=lines[s.first].no,
        end_line=lines[end - 1].no if end - 1 >= s.first else lines[s.last].no,
        section=section,
    )
    if kind == "personnel":
        doc.decisions = personnel_decisions(body)
    return doc


def single_document(lines: list[Line], name: str | None, full_len: int) -> Document:
    """A file without 公文 structure: one document titled from its first heading or its name."""
    title = None
    for ln in lines[:15]:
        if ln.level or (is_title_like(ln) and len(ln.flat) <= 50):
            title = squeeze(ln.text)
            break
    if title is None:
        title = PurePath(name).stem if name else (lines[0].flat[:30] if lines else "未命名文档")
    body = [ln for ln in lines if squeeze(ln.text) != title] or lines
    paras, origins = reflow_mapped(body, full_len)
    text = "\n".join(paras)
    _, iso, signed = find_signature(body, len(body))
    return Document(
        title=title,
        kind=kind_of(title) or "other",
        date=iso,
        issuer=signed,
        text=text,
        citations=find_citations(text, None),
        line_map=_line_map(paras, origins),
        start_line=lines[0].no if lines else 1,
        end_line=lines[-1].no if lines else 1,
    )


__all__ = ["build_document", "date_line", "personnel_decisions", "single_document"]
