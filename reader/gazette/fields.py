"""Fields inside one document: 主送机关, signature (发文机关署名) and 成文日期, 附件说明, citations."""

from __future__ import annotations

import re

from reader.gazette.dates import date_line
from reader.gazette.lines import (
    ENUM_START,
    ORGAN_SUFFIX,
    PLACE_START,
    Line,
    is_organ_line,
)
from reader.gazette.model import Citation
from reader.gazette.numbers import find_numbers, number_key

HAN = r"\u3400-\u4dbf\u4e00-\u9fff"
_RECIPIENT_HINT = re.compile(rf"^各|{ORGAN_SUFFIX}|单位|部门|同志")
_ATTACH_HEAD = re.compile(r"^附\s*件\s*[:：]\s*(.*)$")
_ATTACH_ITEM = re.compile(r"^(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*[.．、]\s*(.+)$")
_CITED = re.compile(r"《([^《》\n]{2,120})》\s*[（(]\s*([^（()）\n]{4,40}?)\s*[)）]")
_TITLE_ISSUER_END = re.compile(r"(?:关于|转发|批转|印发|颁发|发布)")
_TRAILING_DATE = re.compile(r"[。\s]\s*(\S{6,16}日)\s*$")
_ORGAN_PIECE = re.compile(rf"[{HAN}（）()·]+?{ORGAN_SUFFIX}(?![{HAN}]*?{ORGAN_SUFFIX}$)")


def find_recipients(paragraphs: list[str]) -> int | None:
    """Index of the 主送机关 paragraph among the first paragraphs of a body, or None."""
    for i, para in enumerate(paragraphs[:3]):
        t = "".join(para.split())
        if (
            t.endswith(("：", ":"))
            and 4 <= len(t) <= 200
            and "。" not in t
            and not ENUM_START.match(t)
            and _RECIPIENT_HINT.search(t)
        ):
            return i
        if len(t) > 40:  # prose started: there is no 主送 line
            return None
    return None


def find_signature(body: list[Line], stop: int) -> tuple[int | None, str | None, str | None]:
    """The first 成文日期 line before ``stop`` and the organ names signed above it.

    Returns (index of the date line, ISO date, issuer or None).
    """
    for i, ln in enumerate(body[:stop]):
        iso = date_line(ln.flat)
        if not iso:
            continue
        organs: list[str] = []
        j = i - 1
        while j >= 0 and len(organs) < 3 and is_organ_line(body[j].text):
            organs.insert(0, " ".join(body[j].text.split()))
            j -= 1
        return i, iso, " ".join(organs) if organs else None
    # no date line: a 成文日期 set at the end of the last line of text (部 长 李盛霖 二○○六年七月五日)
    for i, ln in enumerate(body[:stop]):
        m = _TRAILING_DATE.search(ln.text)
        if m and (iso := date_line(m.group(1))):
            return i, iso, None
    return None, None, None


def issuer_from_title(title_text: str) -> str | None:
    """The organ(s) before 关于/转发/印发 in a title, or an organ that starts the title.

    ``title_text`` keeps the spaces of the printed title lines, which often separate joint
    issuers (``钦州市自然资源局 钦州市财政局关于…``).
    """
    m = _TITLE_ISSUER_END.search(title_text)
    head = title_text[: m.start()] if m else title_text
    head = head.strip()
    if not head:
        return None
    parts = head.split()
    if len(parts) > 1 and all(is_organ_line(p) for p in parts):
        return " ".join(parts)
    flat = "".join(parts)
    if m and is_organ_line(flat):
        return _split_joint(flat)
    # No 关于: the longest organ name that starts the title (…人事任免, …令).
    best = None
    for pm in re.finditer(ORGAN_SUFFIX, flat):
        cand = flat[: pm.end()]
        if PLACE_START.match(cand) and is_organ_line(cand) and len(cand) <= 30:
            best = cand
    return best


def _split_joint(flat: str) -> str:
    """Split run-together joint issuers where a second place name starts a new organ."""
    place = PLACE_START.match(flat)
    if not place:
        return flat
    name = place.group(0)
    pieces = [p for p in flat.split(name) if p]
    if len(pieces) > 1 and all(is_organ_line(name + p) for p in pieces):
        return " ".join(name + p for p in pieces)
    return flat


def find_attachments(body: list[Line]) -> list[str]:
    """The 附件说明 list: ``附件：1. X`` followed by ``2. Y`` lines, or a single ``附件：X``."""
    for i, ln in enumerate(body):
        m = _ATTACH_HEAD.match(ln.text)
        if not m:
            continue
        items: list[str] = []
        first = m.group(1).strip()
        if first:
            im = _ATTACH_ITEM.match(first)
            items.append((im.group(1) if im else first).strip())
        for nxt in body[i + 1 : i + 30]:
            im = _ATTACH_ITEM.match(nxt.text)
            if not im or date_line(nxt.flat):
                break
            items.append(im.group(1).strip())
        return [re.sub(r"\s+", "", it) for it in items if it]
    return []


def find_citations(text: str, own_key: str | None) -> list[Citation]:
    """Every 《title》（number） and every bare bracketed 发文字号 cited in ``text``."""
    out: list[Citation] = []
    seen: set[tuple[str | None, str | None]] = set()
    covered: list[tuple[int, int]] = []
    for m in _CITED.finditer(text):
        key = number_key(m.group(2))
        if key is None:
            continue
        nums = find_numbers(m.group(2))
        display = nums[0][2].display if nums else re.sub(r"\s+", "", m.group(2))
        covered.append((m.start(), m.end()))
        ident = (m.group(1), key)
        if key != own_key and ident not in seen:
            seen.add(ident)
            out.append(Citation(title=m.group(1), number=display, number_key=key))
    for start, end, num in find_numbers(text):
        if any(a <= start and end <= b for a, b in covered) or num.key == own_key:
            continue
        ident = (None, num.key)
        if ident not in seen:
            seen.add(ident)
            out.append(Citation(title=None, number=num.display, number_key=num.key))
    return out
