"""Split a gazette issue into its documents (pure functions, no I/O, no Qt).

The rules follow how GB/T 9704 lays out a 公文 rather than any one city's gazette:

* a document starts with its **title block** (1–4 lines; 发文机关 + 关于 + 事由 + 文种), with the
  **发文字号** on its own line right under it (or above it, under a 版头 ``XX文件``);
* documents without a 发文字号 (人事任免, speeches, reports) are recognised by a title that ends
  with their 文种, standing where a document can start;
* then come 主送机关 (a line ending in ``：``), the body, 附件说明, the signature (发文机关署名)
  and the 成文日期, then the attachments themselves, up to the next title block.

The 目录, when there is one, is dropped from the documents and used to cross-check and to
recover titles the rules missed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import PurePath

from reader.gazette.dates import date_line
from reader.gazette.fields import (
    find_attachments,
    find_citations,
    find_recipients,
    find_signature,
    issuer_from_title,
)
from reader.gazette.kinds import kind_of
from reader.gazette.lines import (
    COLOPHON,
    PAGE_REF,
    SECTION_HEADER,
    Line,
    clean_lines,
    full_line_length,
    is_organ_line,
    is_parenthetical,
    is_title_like,
    reflow_mapped,
    starts_title,
)
from reader.gazette.masthead import TocEntry, find_toc, parse_toc, read_masthead, toc_end
from reader.gazette.model import Document, Issue, ParsedIssue
from reader.gazette.numbers import DocNumber, OrderNumber, number_line, order_seq_line, parse_number

MAX_TITLE_LINES = 5
MAX_TITLE_CHARS = 140
# Kinds that are documents of their own even without a 发文字号.
_STANDALONE_KINDS = {"personnel", "speech", "report", "communique"}
_QUOTED = re.compile(r"《([^《》]+)》")
_PRINTS = re.compile(r"(?:印发|转发|批转|颁发|发布)(.+?)的(?:通知|决定|通告|公告)$")
# A title line that ends with its number in brackets: …的通知（玉政发〔2019〕3号）
_INLINE_NUMBER = re.compile(r"^(?P<title>.*[^\s（(])\s*[（(](?P<num>[^（()）]{4,30}号)[)）]$")
_ORDER_TITLE = re.compile(r"^(?P<issuer>.{2,30}?(?:政府|委员会|办公厅|办公室|局|厅|部|院|署))令$")
_ORDER_INLINE = re.compile(
    r"^(?P<issuer>.{2,30}?(?:政府|委员会|办公厅|办公室|局|厅|部|院|署))令[（(]?第(?P<seq>\d{1,4})号[)）]?$"
)
_SPEECH_META = re.compile(r"^[（(].{0,30}(?:\d{4}\s*年.{0,12}日|第.{1,4}期|通报).{0,20}[)）]$")


@dataclass(slots=True)
class _Start:
    """A document start found by the rules: its title lines and its number line, if any."""

    first: int  # index of the first title line
    last: int  # index of the last header line (title or number)
    title_idx: list[int]
    number: DocNumber | OrderNumber | None = None
    number_idx: int | None = None
    last_text: str | None = None  # the title part of a last line that also carries the number
    extra: list[int] = field(default_factory=list)  # speaker/date lines under a speech title


def _flat_join(lines: list[Line], idx: list[int]) -> str:
    return "".join(lines[i].flat for i in idx)


def _title_text(lines: list[Line], idx: list[int]) -> str:
    """The printed title with its internal spaces kept (they can separate joint issuers)."""
    return " ".join(lines[i].text for i in idx)


def _valid_title(flat: str) -> bool:
    return 4 <= len(flat) <= MAX_TITLE_CHARS and (kind_of(flat) is not None or "关于" in flat)


def _title_back(lines: list[Line], end: int, floor: int) -> list[int] | None:
    """Title lines ending at ``end``, walking back no further than ``floor``."""
    trailer: list[int] = []
    if end >= floor and is_parenthetical(lines[end].flat) and len(lines[end].flat) <= 14:
        trailer = [end]  # （试行） printed on its own line under the title
        end -= 1
    run: list[int] = []
    i = end
    while i >= floor and len(run) < MAX_TITLE_LINES + 2 and is_title_like(lines[i]):
        run.insert(0, i)
        i -= 1
    if not run:
        return None
    # Choose where the title starts inside the run of title-like lines. A 关于 line within reach
    # is the title's head even when a line below it starts with a place name
    # (…关于印发 / 南宁市…实施方案 / 的通知).
    about = [i for i in run[-MAX_TITLE_LINES:] if "关于" in lines[i].flat]
    head_line = about[-1] if about else None
    chosen: list[int] = [run[-1]]
    organs_only = False  # once the organ line above a 关于 line is in, only organs may follow
    for k in range(len(run) - 2, -1, -1):
        first = lines[chosen[0]].flat
        cand = lines[run[k]]
        too_long = len(_flat_join(lines, [run[k], *chosen])) > MAX_TITLE_CHARS
        if len(chosen) >= MAX_TITLE_LINES or too_long:
            break
        if head_line is not None and chosen[0] > head_line:
            chosen.insert(0, run[k])
            continue
        if organs_only or first.startswith("关于"):
            if is_organ_line(cand.text):
                chosen.insert(0, run[k])
                organs_only = True
                continue
            break
        if "关于" in first:
            break  # the organ is on the 关于 line itself
        if not any("关于" in lines[c].flat for c in chosen) and (
            starts_title(first) and not first.startswith(("——", "—"))
        ):
            break
        chosen.insert(0, run[k])
    # Drop a leading organ line signed under the previous document (钦州市人民政府 / 钦州市人民政府人事任免).
    while len(chosen) > 1:
        head = lines[chosen[0]].flat
        rest = _flat_join(lines, chosen[1:])
        if is_organ_line(head) and starts_title(rest) and not rest.startswith("关于"):
            chosen.pop(0)
            continue
        break
    return chosen + trailer


def _continues_title(title_flat: str, nxt: Line) -> bool:
    """Does ``nxt`` continue a title that already ends with a 文种?"""
    t = nxt.flat
    if not is_title_like(nxt) and not (is_parenthetical(t) and len(t) <= 14):
        return False
    return t.startswith(("的", "（", "(")) or (len(t) <= 12 and kind_of(t) is not None)


def _title_forward(lines: list[Line], start: int, limit: int) -> list[int] | None:
    """Title lines starting at ``start`` (a title printed under its 发文字号)."""
    chosen: list[int] = []
    i = start
    while i < limit and len(chosen) < MAX_TITLE_LINES and is_title_like(lines[i]):
        chosen.append(i)
        i += 1
        if kind_of(_flat_join(lines, chosen)) and not (
            i < limit and _continues_title(_flat_join(lines, chosen), lines[i])
        ):
            break
    return chosen or None


def _number_starts(lines: list[Line], begin: int) -> list[_Start]:
    """Documents anchored on a 发文字号: on its own line, at the end of the title, or a 令's 第N号."""
    starts: list[_Start] = []
    floor = begin
    for i in range(begin, len(lines)):
        start = _anchored_at(lines, i, floor)
        if start is not None:
            starts.append(start)
            floor = max(start.last, start.number_idx or 0) + 1
    return starts


def _anchored_at(lines: list[Line], i: int, floor: int) -> _Start | None:
    num = number_line(lines[i].flat)
    if num is not None:
        return _around_number(lines, i, floor, num)
    inline = _INLINE_NUMBER.match(lines[i].text)
    if inline and not PAGE_REF.search(lines[i].text):
        n = parse_number(inline["num"])
        head = "".join(inline["title"].split())
        if n is not None and is_title_like(Line(lines[i].no, inline["title"], head)):
            idx = [i]
            back = _title_back(lines, i - 1, floor) if i - 1 >= floor and "关于" not in head else None
            if back and (any("关于" in lines[k].flat for k in back) or not starts_title(head)):
                idx = [*back, i]
            flat = _flat_join(lines, idx[:-1]) + head
            if _valid_title(flat):
                return _Start(idx[0], i, idx, n, i, last_text=inline["title"])
    om = _ORDER_INLINE.match(lines[i].flat)
    if om:
        return _Start(i, i, [i], OrderNumber(om["issuer"], int(om["seq"])), i, last_text=om["issuer"] + "令")
    om = _ORDER_TITLE.match(lines[i].flat)
    if om and i + 1 < len(lines):
        seq = order_seq_line(lines[i + 1].flat)
        if seq is not None:
            return _Start(i, i + 1, [i], OrderNumber(om["issuer"], seq), i + 1)
    return None


def _around_number(lines: list[Line], i: int, floor: int, num: DocNumber) -> _Start | None:
    """The title of a standalone number line: above it (gazette style) or below it (版头 style)."""
    back = _title_back(lines, i - 1, floor) if i - 1 >= floor else None
    fwd = _title_forward(lines, i + 1, len(lines))
    back_ok = back is not None and _valid_title(_flat_join(lines, back))
    fwd_ok = fwd is not None and _valid_title(_flat_join(lines, fwd))
    if fwd_ok and fwd is not None:
        after = fwd[-1] + 1
        followed_by_body = after < len(lines) and not is_title_like(lines[after])
        if followed_by_body and (not back_ok or not starts_title(_flat_join(lines, back or []))):
            return _Start(i, fwd[-1], fwd, num, i)
    if back_ok and back is not None:
        return _Start(back[0], i, back, num, i)
    if fwd_ok and fwd is not None:
        return _Start(i, fwd[-1], fwd, num, i)
    return None


def _speech_extras(lines: list[Line], after: int) -> list[int]:
    """Speaker, date and 内部情况通报 lines printed under a speech title."""
    extra: list[int] = []
    i = after
    while i < len(lines) and len(extra) < 3:
        t = lines[i].flat
        if _SPEECH_META.match(t) or date_line(t) or (len(t) <= 8 and is_title_like(lines[i])):
            extra.append(i)
            i += 1
            continue
        break
    return extra


def _standalone_starts(
    lines: list[Line], begin: int, taken: list[_Start], toc: list[TocEntry]
) -> list[_Start]:
    """Documents without a 发文字号 whose title ends with a standalone 文种."""
    in_title = {i for s in taken for i in (*s.title_idx, s.number_idx) if i is not None}
    toc_titles = {e.title for e in toc}
    found: list[_Start] = []
    i = begin
    while i < len(lines):
        ln = lines[i]
        if i in in_title or not is_title_like(ln):
            i += 1
            continue
        # A title ends where the next line is not title-like (or is a speech's meta line).
        nxt = lines[i + 1] if i + 1 < len(lines) else None
        speaker_next = nxt is not None and kind_of(ln.flat) == "speech" and len(nxt.flat) <= 8
        if nxt is not None and is_title_like(nxt) and not _SPEECH_META.match(nxt.flat) and not speaker_next:
            i += 1
            continue
        kind = kind_of(ln.flat)
        if kind not in _STANDALONE_KINDS:
            i += 1
            continue
        prev_floor = max(begin, (found[-1].last + 1) if found else begin)
        idx = _title_back(lines, i, prev_floor) or [i]
        idx = [k for k in idx if k not in in_title]
        if not idx:
            i += 1
            continue
        flat = _flat_join(lines, idx)
        if toc_titles and flat not in toc_titles:
            i += 1
            continue
        if not toc_titles and not _plausible_standalone(lines, idx, kind, taken):
            i += 1
            continue
        extra = _speech_extras(lines, i + 1) if kind == "speech" else []
        last = extra[-1] if extra else i
        found.append(_Start(idx[0], last, idx, extra=extra))
        i = last + 1
    return found


def _plausible_standalone(lines: list[Line], idx: list[int], kind: str, taken: list[_Start]) -> bool:
    """Without a 目录 to check against, demand a clear document start."""
    flat = _flat_join(lines, idx)
    first = idx[0]
    if kind in ("report", "communique") and not starts_title(flat):
        return False
    prev = lines[first - 1] if first > 0 else None
    if prev is not None:
        if prev.flat.startswith("附件") or (kind != "personnel" and is_organ_line(prev.text)):
            return False
        if is_title_like(prev) and not SECTION_HEADER.match(prev.flat):
            return False
    # An attachment that the enclosing document prints (关于印发X的通知 followed by X) is not new.
    owner = max((s for s in taken if s.first < first), key=lambda s: s.first, default=None)
    if owner is not None:
        owner_title = _flat_join(lines, owner.title_idx)
        printed = {m.group(1) for m in _QUOTED.finditer(owner_title)}
        pm = _PRINTS.search(owner_title)
        if pm:
            printed.add(pm.group(1).strip("《》"))
        if any(p and (p in flat or flat in p) for p in printed):
            return False
    return True


def _toc_recover(lines: list[Line], begin: int, toc: list[TocEntry], starts: list[_Start]) -> list[_Start]:
    """Find TOC entries the rules missed by looking for their title in the body."""
    have_keys = {s.number.key for s in starts if s.number is not None}
    have_titles = {_flat_join(lines, s.title_idx) for s in starts}
    used = {i for s in starts for i in range(s.first, s.last + 1)}
    out: list[_Start] = []
    for e in toc:
        if (e.number_key and e.number_key in have_keys) or e.title in have_titles:
            continue
        for i in range(begin, len(lines)):
            if i in used or not e.title.startswith(lines[i].flat[:4]):
                continue
            acc: list[int] = []
            j = i
            while j < len(lines) and len(acc) < MAX_TITLE_LINES:
                acc.append(j)
                joined = _flat_join(lines, acc)
                if joined == e.title or not e.title.startswith(joined):
                    break
                j += 1
            if _flat_join(lines, acc) == e.title:
                last = acc[-1]
                num = number_line(lines[last + 1].flat) if last + 1 < len(lines) else None
                out.append(_Start(acc[0], last + (1 if num else 0), acc, num, last + 1 if num else None))
                used.update(range(acc[0], last + 1))
                break
    return out


def _resolve(starts: list[_Start]) -> list[_Start]:
    """Order starts and drop any that overlap an earlier, better-anchored one."""
    starts.sort(key=lambda s: (s.first, s.number is None))
    out: list[_Start] = []
    for s in starts:
        if out and s.first <= out[-1].last:
            if out[-1].number is None and s.number is not None:
                out[-1] = s
            continue
        out.append(s)
    return out


def _build(lines: list[Line], s: _Start, end: int, full_len: int) -> Document:
    """Turn one start and the lines up to ``end`` (exclusive) into a Document."""
    title_text = _title_text(lines, s.title_idx)
    if s.last_text is not None:
        title_text = " ".join([*(lines[i].text for i in s.title_idx[:-1]), s.last_text])
    title = re.sub(r"\s+", "", title_text).replace("#", "")
    body = [ln for ln in lines[s.last + 1 : end] if not SECTION_HEADER.match(ln.flat)]
    body_start_extra = [lines[i] for i in s.extra]
    kind = kind_of(title) or ("personnel" if "任免" in title else "other")

    content = body_start_extra + body
    paras, origins = reflow_mapped(content, full_len)
    rec_i = find_recipients(paras[len(body_start_extra) :])
    recipients = paras[len(body_start_extra) + rec_i] if rec_i is not None else None
    date_i, iso, signed = find_signature(body, len(body))
    if kind == "speech" and iso is None:
        for ln in body_start_extra:
            iso = iso or date_line(ln.flat)
    issuer = signed or issuer_from_title(title_text)
    if kind == "personnel" and iso is not None and date_i is not None and date_i > len(body) // 2:
        pass  # a signed personnel list: keep its date
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
    )
    return doc


def _line_map(paras: list[str], origins: list[list[tuple[int, int]]]) -> list[tuple[int, int]]:
    """Paragraph-relative origins to offsets in the joined text (paragraphs joined by newlines)."""
    out: list[tuple[int, int]] = []
    base = 0
    for para, origin in zip(paras, origins, strict=True):
        out.extend((base + off, line_no) for off, line_no in origin)
        base += len(para) + 1
    return out


def _single_document(lines: list[Line], name: str | None, full_len: int) -> Document:
    """A file without 公文 structure: one document titled from its first heading or its name."""
    title = None
    for ln in lines[:15]:
        if ln.level or (is_title_like(ln) and len(ln.flat) <= 50):
            title = re.sub(r"\s+", "", ln.text)
            break
    if title is None:
        title = PurePath(name).stem if name else (lines[0].flat[:30] if lines else "未命名文档")
    body = [ln for ln in lines if re.sub(r"\s+", "", ln.text) != title] or lines
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


def parse_gazette(text: str, name: str | None = None) -> ParsedIssue:
    """Parse one issue's text into its metadata and ordered documents.

    Args:
        text: the decoded text of the issue (any newline convention).
        name: the file name, used to title a file that is not a gazette.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    lines, furniture = clean_lines(text)
    warnings: list[str] = []
    full_len = full_line_length(lines)

    head = find_toc(lines)
    toc: list[TocEntry] = []
    if head is not None:
        end = toc_end(lines, head)
        toc = parse_toc(lines, head, end)
        begin = end + 1
    else:
        begin = 0

    starts = _number_starts(lines, begin)
    starts += _standalone_starts(lines, begin, starts, toc)
    starts = _resolve(starts)
    if toc:
        recovered = _toc_recover(lines, begin, toc, starts)
        if recovered:
            starts = _resolve(starts + recovered)

    front_end = starts[0].first if starts else min(len(lines), 40)
    front_end_no = lines[front_end].no if front_end < len(lines) else 1 << 30
    front = lines[: head if head is not None else front_end]
    front = sorted(front + [f for f in furniture if f.no < front_end_no], key=lambda ln: ln.no)
    mh = read_masthead(front, furniture + lines[:front_end])
    end_of_issue = _colophon_start(lines, starts[-1].last + 1 if starts else 0)

    documents: list[Document] = []
    for k, s in enumerate(starts):
        end = starts[k + 1].first if k + 1 < len(starts) else end_of_issue
        documents.append(_build(lines, s, end, full_len))

    # Title + number with no body at all: the entries of a 目录 printed without page numbers.
    listed = [d for d in documents if not d.text.strip()]
    if listed and len(listed) < len(documents):
        documents = [d for d in documents if d.text.strip()]
        if not toc:
            toc = [TocEntry(d.title, d.number, d.number_key, None, d.start_line) for d in listed]
    is_gazette = bool(documents)
    if not documents:
        body = lines[begin:] if head is not None else lines
        documents = [_single_document(body, name, full_len)] if body else []

    if toc:
        _cross_check(documents, toc, warnings)
    if mh.year is None:
        mh.year = next((int(d.date[:4]) for d in documents if d.date), None) if is_gazette else None

    issue = Issue(
        city=mh.city,
        publisher=mh.publisher,
        year=mh.year,
        number=mh.number,
        total_number=mh.total_number,
        date=mh.date,
        toc=[e.to_dict() for e in toc],
    )
    return ParsedIssue(issue=issue, documents=documents, warnings=warnings, is_gazette=is_gazette)


def _colophon_start(lines: list[Line], after: int) -> int:
    """Index where a trailing colophon (主办：… 编辑：… 地址：…) begins, or the end of the lines."""
    end = len(lines)
    i = end - 1
    while i >= after and (COLOPHON.match(lines[i].flat + " ") or len(lines[i].flat) <= 2):
        i -= 1
    first = i + 1
    return first if first < end and any(COLOPHON.match(ln.flat + " ") for ln in lines[first:end]) else end


def _cross_check(documents: list[Document], toc: list[TocEntry], warnings: list[str]) -> None:
    """Mark each document found in the 目录 and warn about entries with no document."""
    toc_keys = {e.number_key for e in toc if e.number_key}
    toc_titles = {e.title for e in toc}
    matched_titles: set[str] = set()
    for d in documents:
        hit = (d.number_key in toc_keys) if d.number_key else False
        hit = hit or d.title in toc_titles
        d.in_toc = hit
        if hit:
            matched_titles.add(d.title)
    doc_keys = {d.number_key for d in documents if d.number_key}
    for e in toc:
        if e.title in matched_titles or (e.number_key and e.number_key in doc_keys):
            continue
        warnings.append(f"目录中的“{e.title}”未在正文中找到")
