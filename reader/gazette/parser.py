"""Split a gazette issue into its documents (pure functions, no I/O, no Qt).

The rules follow how GB/T 9704 lays out a 公文 rather than any one city's gazette: a document
starts at a **title block** (发文机关 + 关于 + 事由 + 文种, or a bare ``XX人民政府公告``), followed by
a 发文字号, a 主送机关, a 题注, a speech's date and speaker, or body text, and standing after the
end of the document before it. :mod:`reader.gazette.segment` finds and scores such blocks from
the named cues of :mod:`reader.gazette.cues`; the 目录 (:mod:`reader.gazette.toc`) is a map
that confirms starts, recovers missed ones and warns about listed titles never found.

Every source line ends up in exactly one place: a document (title, number, text, section), the
issue's front or back matter, the 目录, or the page furniture (running headers, page numbers).
"""

from __future__ import annotations

from reader.gazette.build import build_document, single_document
from reader.gazette.kinds import kind_of
from reader.gazette.lines import COLOPHON, Line, clean_lines, full_line_length, is_section_header
from reader.gazette.masthead import read_masthead
from reader.gazette.model import Document, Issue, ParsedIssue
from reader.gazette.segment import Segmenter, Start
from reader.gazette.style import LineStyle, body_size
from reader.gazette.toc import TocEntry, find_toc, norm_title, parse_toc, title_similarity, toc_end

# Raised whenever a change can split a stored issue or its paragraphs differently: libraries
# re-split issues parsed by an older version (``python -m reader reparse``), keeping every
# user's work. 3: a paragraph cut at a printed page's end is one paragraph again.
PARSER_VERSION = 3


def parse_gazette(
    text: str, name: str | None = None, styles: dict[int, LineStyle] | None = None
) -> ParsedIssue:
    """Parse one issue's text into its metadata and ordered documents.

    Args:
        text: the decoded text of the issue (any newline convention).
        name: the file name, used to title a file that is not a gazette.
        styles: for text extracted from a PDF, how each line (1-based) was set on its page.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    lines, furniture = clean_lines(text, styles)
    warnings: list[str] = []
    full_len = full_line_length(lines)

    found = find_toc(lines)
    toc: list[TocEntry] = []
    head = None
    begin = 0
    if found is not None:
        head, first_entry = found
        end = toc_end(lines, max(head, first_entry - 1))
        toc = parse_toc(lines, first_entry, end)
        if toc:
            begin = end + 1
        else:
            head = None

    size = body_size([ln.style for ln in lines], [len(ln.flat) for ln in lines]) if styles else None
    seg = Segmenter(lines, begin, full_len, toc, size if size and _has_display(lines, size) else None)
    starts = seg.select(seg.candidates())
    if toc:
        recovered = seg.recover(starts)
        if recovered:
            starts = sorted(starts + recovered, key=lambda s: s.first)

    front_end = starts[0].first if starts else min(len(lines), 40)
    front_end_no = lines[front_end].no if front_end < len(lines) else 1 << 30
    masthead_lines = lines[: head if head is not None else front_end]
    front = sorted(masthead_lines + [f for f in furniture if f.no < front_end_no], key=lambda ln: ln.no)
    mh = read_masthead(front, furniture + lines[:front_end])
    end_of_issue = _colophon_start(lines, starts[-1].last + 1 if starts else 0)

    documents: list[Document] = []
    section = _sections_before(lines, starts[0].first, begin) if starts else None
    for k, s in enumerate(starts):
        end = starts[k + 1].first if k + 1 < len(starts) else end_of_issue
        next_section = None
        if k + 1 < len(starts):
            cut = _trailing_sections(lines, s.last + 1, end)
            next_section = " ".join(ln.flat for ln in lines[cut:end]) or None
            end = cut
        documents.append(build_document(lines, s, end, full_len, section))
        section = next_section

    # Title + number with no body at all: the entries of a 目录 printed without page numbers.
    listed = [d for d in documents if not d.text.strip()]
    if listed and len(listed) < len(documents):
        documents = [d for d in documents if d.text.strip()]
        if not toc:
            toc = [TocEntry(d.title, d.number, d.number_key, None, d.start_line) for d in listed]
    is_gazette = bool(documents)
    front_start = begin if head is not None else 0
    front_matter = [ln.text for ln in lines[:head]] if head is not None else []
    if starts:
        lead = _leading_text(lines, front_start, front_end)
        front_matter += [ln.text for ln in lines[front_start:lead]]
        if lead < front_end:  # text before the first title found: a document of its own, never dropped
            documents.insert(0, single_document(lines[lead:front_end], name, full_len))
    back_matter = [ln.text for ln in lines[end_of_issue:]] if starts else []
    if not documents:
        body = lines[begin:] if head is not None else lines
        documents = [single_document(body, name, full_len)] if body else []
        front_matter = [ln.text for ln in lines[:head]] if head is not None else []

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
    return ParsedIssue(
        issue=issue,
        documents=documents,
        warnings=warnings,
        is_gazette=is_gazette,
        parser_version=PARSER_VERSION,
        front_matter=front_matter,
        back_matter=back_matter,
    )


def _leading_text(lines: list[Line], lo: int, hi: int) -> int:
    """Where prose begins before the first document (``hi`` when there is only a masthead).

    The masthead is short lines (刊名, 期号, 日期); anything with sentences in it is text a title
    was missed for, and it must still end up in a document.
    """
    if not any(len(ln.flat) >= 15 and ln.flat[-1] in "。！？；" for ln in lines[lo:hi]):
        return hi
    k = lo
    while (
        k < hi
        and len(lines[k].flat) <= 25
        and lines[k].flat[-1] not in "。！？；，："
        and not kind_of(lines[k].flat)
    ):
        k += 1
    return k


def _has_display(lines: list[Line], size: float) -> bool:
    """Does this PDF set some lines apart by size at all? (Some set everything in one size.)"""
    big = sum(1 for ln in lines if ln.style is not None and ln.style.size >= size * 1.12)
    return big >= 1


def _sections_before(lines: list[Line], first: int, begin: int) -> str | None:
    cut = _trailing_sections(lines, begin, first)
    return " ".join(ln.flat for ln in lines[cut:first]) or None


def _trailing_sections(lines: list[Line], lo: int, hi: int) -> int:
    """Where the run of section headings right before line ``hi`` begins (``hi`` if none)."""
    cut = hi
    while cut - 1 >= lo and is_section_header(lines[cut - 1].flat):
        cut -= 1
    return cut


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
    titles = [norm_title(d.title) for d in documents]
    matched: set[int] = set()
    for d, t in zip(documents, titles, strict=True):
        d.in_toc = False
        for k, e in enumerate(toc):
            if k in matched:
                continue
            if (e.number_key and e.number_key == d.number_key) or title_similarity(
                t, norm_title(e.title)
            ) >= 0.8:
                d.in_toc = True
                matched.add(k)
                break
    for k, e in enumerate(toc):
        if k not in matched:
            warnings.append(f"目录中的“{e.title}”未在正文中找到，本期拆分可能不完整")


__all__ = ["PARSER_VERSION", "Start", "parse_gazette"]
