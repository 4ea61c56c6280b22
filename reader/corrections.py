"""The user's corrections to a split, as a layer applied over whatever the parser produces.

No parser is right on every gazette, and a re-import or a newer parser must never undo what a
user fixed. So a correction is not an edit of the parser's output but a rule kept beside it:
"a document begins here", "no document begins here", "this document's 成文日期 is …". Each is
anchored by text the way a highlight is (quote, prefix, suffix and a position hint) in the
*issue text*: the documents' texts of an issue joined by newlines. :func:`apply` replays them
in the order they were made over a fresh split; a rule whose text is gone is reported as
unplaced (kept by the library and listed, never dropped).

A rule marks a document by where its body begins (its first characters after the title block),
so a split, a merge and a field edit all point at the same place whether the parser's split has
that boundary or not. Applying the layer twice changes nothing: a split where a document
already begins, a merge where none does, are placed and do nothing.

Pure data in, data out: no library, no Qt. The library stores the rules and calls this.
"""

from __future__ import annotations

import copy
import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from reader.anchoring import Anchor, make_anchor, reanchor
from reader.errors import ReaderError
from reader.gazette.dates import parse_date
from reader.gazette.fields import find_citations
from reader.gazette.kinds import LABELS
from reader.gazette.model import Document
from reader.gazette.numbers import number_key
from reader.pagemap import page_at

# The fields a user may correct, in the order the 属性 dialog shows them.
FIELDS = ("title", "number", "issuer", "recipients", "date", "kind", "attachments")
FIELD_LABELS = {
    "title": "标题",
    "number": "发文字号",
    "issuer": "发文机关",
    "recipients": "主送机关",
    "date": "成文日期",
    "kind": "文种",
    "attachments": "附件",
}
SPLIT, MERGE, FIELD = "split", "merge", "field"
MAX_FIELD = 500

Pages = tuple[int | None, int | None, list[list[int]]] | None


class CorrectionError(ReaderError):
    """A correction that cannot be made (a date that is no date, a split at a document's edge)."""


@dataclass(slots=True)
class Part:
    """One document of a split being corrected, with its pages (first, last, page map) if a PDF."""

    doc: Document
    pages: Pages = None


@dataclass(slots=True)
class Correction:
    """One rule of the layer. ``value`` is the field's value, or for a split how far the new
    document's title block reaches before its body (``{"head": chars, "line": at a line start}``)."""

    uuid: str
    kind: str
    anchor: Anchor
    field: str | None = None
    value: Any = None


@dataclass(slots=True)
class Applied:
    """The corrected split, and where each rule landed (uuid → index of its document)."""

    parts: list[Part]
    placed: dict[str, int] = field(default_factory=dict)
    unplaced: list[str] = field(default_factory=list)


# -- fields -----------------------------------------------------------------------------------
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")


def clean_field(name: str, value: Any) -> tuple[Any, str | None]:
    """The value to store for field ``name``, and a warning to show with it (or None).

    Refuses what cannot be a value (a date that is no date, an unknown 文种); a 发文字号 that
    does not parse is kept as typed, with a warning: the user may know better than the parser.
    """
    if name not in FIELDS:
        raise CorrectionError(f"不能修改的字段：{name}")
    label = FIELD_LABELS[name]
    if name == "attachments":
        if isinstance(value, str):
            value = value.splitlines()
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise CorrectionError("附件应为每行一项的列表")
        items = [" ".join(v.split()) for v in value if v.strip()]
        if any(len(v) > MAX_FIELD for v in items):
            raise CorrectionError(f"附件名称过长（最多 {MAX_FIELD} 字）")
        return items, None
    if value is not None and not isinstance(value, str):
        raise CorrectionError(f"{label}应为文字")
    text = " ".join((value or "").split())
    if len(text) > MAX_FIELD:
        raise CorrectionError(f"{label}过长（最多 {MAX_FIELD} 字）")
    if name == "title":
        if not text:
            raise CorrectionError("标题不能为空")
        return text, None
    if not text:
        if name == "kind":
            return "other", None
        return None, None
    if name == "date":
        return _clean_date(text), None
    if name == "kind":
        by_label = {v: k for k, v in LABELS.items()}
        if text in LABELS:
            return text, None
        if text in by_label:
            return by_label[text], None
        raise CorrectionError(f"未知的文种“{text}”（可选：{'、'.join(LABELS.values())}）")
    if name == "number" and number_key(text) is None:
        return text, f"发文字号“{text}”无法识别，已按输入保存"
    return text, None


def _clean_date(text: str) -> str:
    m = _ISO.match(text)
    iso = None
    if m:
        try:
            iso = dt.date(int(m[1]), int(m[2]), int(m[3])).isoformat()
        except ValueError:
            iso = None
    else:
        iso = parse_date(text)
    if iso is None:
        raise CorrectionError(f"成文日期“{text}”不是有效日期（应为 YYYY-MM-DD，如 2019-01-31）")
    return iso


def number_flagged(number: str | None) -> bool:
    """A 发文字号 that is kept as typed but does not parse."""
    return bool(number) and number_key(number or "") is None


def set_field(doc: Document, name: str, value: Any) -> None:
    """Give ``doc`` the corrected value (already cleaned); the 发文字号's key follows it."""
    if name == "attachments":
        doc.attachments = list(value or [])
    elif name == "number":
        doc.number = value
        doc.number_key = number_key(value) if value else None
        doc.citations = find_citations(doc.text, doc.number_key)
    else:
        setattr(doc, name, value)


def field_value(doc: Document, name: str) -> Any:
    value = getattr(doc, name)
    return list(value) if isinstance(value, list) else value


def describe(kind: str, name: str | None, value: Any, quote: str) -> str:
    """A rule in words, for the list of corrections and the note on one that found no place."""
    where = f"“{quote[:16]}…”" if len(quote) > 16 else f"“{quote}”"
    if kind == SPLIT:
        return f"在{where}处拆分"
    if kind == MERGE:
        return f"在{where}处与上一篇合并"
    label = FIELD_LABELS.get(name or "", name or "")
    shown = "、".join(value) if isinstance(value, list) else value
    return f"{label}改为“{shown or '（空）'}”（正文始于{where}）"


# -- the issue text and anchors -----------------------------------------------------------------
def issue_text(parts: list[Part]) -> tuple[str, list[int]]:
    """The texts of an issue's documents joined by newlines, and where each begins."""
    offsets, pos = [], 0
    for p in parts:
        offsets.append(pos)
        pos += len(p.doc.text) + 1
    return "\n".join(p.doc.text for p in parts), offsets


def _locate(parts: list[Part], offsets: list[int], pos: int) -> tuple[int, int]:
    """(document index, offset in its text) of issue-text position ``pos``."""
    k = 0
    for i, off in enumerate(offsets):
        if off <= pos:
            k = i
    return k, min(pos - offsets[k], len(parts[k].doc.text))


# A rule quotes more than a highlight's context: documents of one issue often open alike (the
# same 主送机关 line), and a rule must not land on a neighbour when its own document is gone.
RULE_QUOTE = 80


def body_anchor(parts: list[Part], k: int, local: int = 0) -> Anchor:
    """The anchor of a place in document ``k`` (its start by default): what rules point at."""
    text, offsets = issue_text(parts)
    start = offsets[k] + local
    return make_anchor(text, start, min(start + RULE_QUOTE, offsets[k] + len(parts[k].doc.text)))


def _at_start(doc: Document, local: int) -> bool:
    return not doc.text[:local].strip()


# -- split and merge ----------------------------------------------------------------------------
def document_from(text: str) -> tuple[Document, int]:
    """The document the parser reads at the top of ``text``, and where its body begins.

    A text cut out of a run-together document begins with that document's title block: the
    parser's own rules give its title, 发文字号, 主送机关, signature and date, and the block
    moves from the text into the metadata (as for every document it splits). A text that does
    not begin with a title block keeps all its text and is titled from its first line.
    """
    from reader.gazette import parse_gazette
    from reader.gazette.kinds import kind_of

    docs = parse_gazette(text).documents
    first = docs[0] if docs else None
    at_top = (
        first is not None
        and first.start_line == 1
        and bool(first.line_map)
        and (first.number is not None or (first.kind or "other") != "other")
    )
    head = _line_offset(text, first.line_map[0][1]) if first is not None and at_top else 0
    # the title must be what stands above the body (a lone 特此通告 further down is no title block)
    titled = first is not None and head > 0 and _flat(text[:head]).startswith(_flat(first.title)[:6])
    if first is not None and titled:
        doc = copy.copy(first)
    else:  # no title block at the top: titled from its first line, all its text kept
        head = 0
        line = text.strip().split("\n", 1)[0].strip()[:60]
        doc = Document(title=line, kind=kind_of(line) or "other")
    if docs and (len(docs) > 1 or not titled):  # more title blocks inside: it signs where it ends
        last = docs[-1]
        doc.issuer = last.issuer or doc.issuer
        doc.date = last.date or doc.date
        doc.attachments = list(last.attachments or doc.attachments)
    doc.text = text[head:]
    doc.title = doc.title or "未命名文档"
    doc.line_map = []
    doc.citations = find_citations(doc.text, doc.number_key)
    return doc, head


def _flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _line_offset(text: str, line_no: int) -> int:
    """Offset in ``text`` where 1-based line ``line_no`` begins (its end if there are fewer)."""
    pos = 0
    for _ in range(line_no - 1):
        nl = text.find("\n", pos)
        if nl < 0:
            return len(text)
        pos = nl + 1
    return pos


def _refresh_tail(doc: Document) -> None:
    """After a cut, a document's signature (发文机关, 成文日期) and 附件 are those of its own text."""
    from reader.gazette import parse_gazette

    read = parse_gazette("标题\n" + doc.text).documents
    if read:
        doc.issuer = read[-1].issuer or doc.issuer
        doc.date = read[-1].date or doc.date
        doc.attachments = read[-1].attachments
    doc.citations = find_citations(doc.text, doc.number_key)


@dataclass(slots=True)
class Cut:
    """A split's result: the two documents and how offsets of the old text map to them
    (below ``a_end`` → first document unchanged; from ``b_start`` → second, minus ``b_start``)."""

    first: Part
    second: Part
    a_end: int
    b_start: int
    head: int  # characters of title block between the cut and the second document's body


def split_part(part: Part, at: int) -> Cut:
    """Cut ``part`` so that a new document begins at offset ``at`` of its text."""
    text = part.doc.text
    cut = at
    while cut < len(text) and text[cut].isspace():
        cut += 1
    a_end = len(text[:at].rstrip())
    if a_end == 0 or cut >= len(text):
        raise CorrectionError("拆分位置应在文档中间（不能在开头或结尾）")
    second, head = document_from(text[cut:])
    b_start = cut + head
    first = copy.copy(part.doc)
    first.text = text[:a_end]
    first.line_map = [(o, n) for o, n in part.doc.line_map if o < a_end]
    first.attachments = list(part.doc.attachments)
    _refresh_tail(first)
    second.section = part.doc.section
    second.in_toc = None
    lines = [(o - b_start, n) for o, n in part.doc.line_map if o >= b_start]
    second.line_map = lines
    second.start_line = _line_at(part.doc.line_map, cut, part.doc.start_line)
    second.end_line = part.doc.end_line
    first.end_line = _line_at(part.doc.line_map, max(a_end - 1, 0), part.doc.end_line)
    pages_a, pages_b = _split_pages(part.pages, a_end, b_start)
    return Cut(Part(first, pages_a), Part(second, pages_b), a_end, b_start, head)


def _line_at(line_map: list[tuple[int, int]], offset: int, default: int) -> int:
    found = [n for o, n in line_map if o <= offset]
    return found[-1] if found else default


def _split_pages(pages: Pages, a_end: int, b_start: int) -> tuple[Pages, Pages]:
    if pages is None:
        return None, None
    first, last, page_map = pages
    if not page_map:
        return (first, last, []), (first, last, [])
    map_a = [[o, p] for o, p in page_map if o < a_end] or [list(page_map[0])]
    b_page = page_at(page_map, b_start)
    map_b = [[0, b_page]] + [[o - b_start, p] for o, p in page_map if o > b_start and p != b_page]
    last_a = page_at(page_map, max(a_end - 1, 0))
    return (first, last_a, map_a), (b_page, last, _compress(map_b))


def _compress(page_map: list[list[int]]) -> list[list[int]]:
    out: list[list[int]] = []
    for o, p in page_map:
        if not out or out[-1][1] != p:
            out.append([o, p])
    return out


def head_of(doc: Document) -> str:
    """A document's title block as text (its title and 发文字号), for when it joins the body of
    the document before it."""
    return "\n".join(x for x in (doc.title, doc.number) if x)


@dataclass(slots=True)
class Join:
    """A merge's result: the document, and where the second one's text now begins in it."""

    part: Part
    shift: int


def merge_parts(a: Part, b: Part) -> Join:
    """Document ``b`` as the continuation of ``a``: its title block becomes body text again."""
    head = head_of(b.doc)
    middle = f"{head}\n" if head and not _starts_with(b.doc.text, b.doc.title) else ""
    shift = len(a.doc.text) + 1 + len(middle)
    doc = copy.copy(a.doc)
    doc.text = a.doc.text + "\n" + middle + b.doc.text
    doc.issuer = b.doc.issuer or a.doc.issuer
    doc.date = b.doc.date or a.doc.date
    doc.attachments = list(dict.fromkeys([*a.doc.attachments, *b.doc.attachments]))
    doc.decisions = [*a.doc.decisions, *b.doc.decisions]
    doc.citations = find_citations(doc.text, doc.number_key)
    doc.line_map = [*a.doc.line_map, *((o + shift, n) for o, n in b.doc.line_map)]
    doc.end_line = b.doc.end_line
    pages: Pages = None
    if a.pages is not None and b.pages is not None:
        first = a.pages[0] if a.pages[0] is not None else b.pages[0]
        map_b = [[o + shift, p] for o, p in b.pages[2]]
        pages = (first, b.pages[1], _compress([*a.pages[2], *map_b]))
    elif a.pages is not None or b.pages is not None:
        pages = a.pages or b.pages
    return Join(Part(doc, pages), shift)


def _starts_with(text: str, title: str) -> bool:
    flat = re.sub(r"\s+", "", text[: len(title) * 2 + 20])
    return bool(title) and flat.startswith(re.sub(r"\s+", "", title))


# -- the parser's split, kept to replay the layer over ------------------------------------------
_BASE_FIELDS = [
    "title",
    "number",
    "number_key",
    "issuer",
    "recipients",
    "date",
    "kind",
    "attachments",
    "text",
    "start_line",
    "end_line",
    "in_toc",
    "section",
    "decisions",
]


def pack_parts(parts: list[Part]) -> bytes:
    """The parser's split of an issue, compact (what every repair is replayed over)."""
    import json
    import zlib

    rows = []
    for p in parts:
        row = {name: getattr(p.doc, name) for name in _BASE_FIELDS}
        row["citations"] = [[c.title, c.number, c.number_key] for c in p.doc.citations]
        row["pages"] = list(p.pages) if p.pages is not None else None
        rows.append(row)
    return zlib.compress(json.dumps(rows, ensure_ascii=False).encode("utf-8"), 6)


def unpack_parts(blob: bytes) -> list[Part]:
    import json
    import zlib

    from reader.gazette.model import Citation

    parts = []
    for row in json.loads(zlib.decompress(blob).decode("utf-8")):
        doc = Document(**{name: row[name] for name in _BASE_FIELDS})
        doc.citations = [Citation(*c) for c in row["citations"]]
        pages = row["pages"]
        parts.append(Part(doc, tuple(pages) if pages is not None else None))
    return parts


# -- replaying the layer ------------------------------------------------------------------------
def split_rule(parts: list[Part], k: int, at: int, cut: Cut) -> tuple[Anchor, dict[str, Any]]:
    """The anchor and value of a rule "a document begins at offset ``at`` of document ``k``"."""
    text = parts[k].doc.text
    at_line = at == 0 or text[at - 1] == "\n"
    return body_anchor(parts, k, cut.b_start), {"head": cut.b_start - at, "line": at_line}


def apply(parts: list[Part], corrections: list[Correction]) -> Applied:
    """Replay ``corrections`` (in the order they were made) over a split; boundaries first, then
    fields. The input parts are not changed."""
    current = [Part(copy.copy(p.doc), p.pages) for p in parts]
    for p in current:
        p.doc.attachments = list(p.doc.attachments)
    holder: dict[str, Part] = {}
    unplaced: list[str] = []
    for c in corrections:
        if c.kind not in (SPLIT, MERGE):
            continue
        text, offsets = issue_text(current)
        found = reanchor(c.anchor, text)
        if found is None:
            unplaced.append(c.uuid)
            continue
        k, local = _locate(current, offsets, found.start)
        doc = current[k].doc
        if c.kind == SPLIT:
            if _at_start(doc, local):
                holder[c.uuid] = current[k]
                continue
            value = c.value if isinstance(c.value, dict) else {}
            at = max(local - int(value.get("head", 0) or 0), 0)
            if value.get("line") and at > 0 and doc.text[at - 1] != "\n":
                at = doc.text.rfind("\n", 0, at) + 1
            if _at_start(doc, at):
                holder[c.uuid] = current[k]
                continue
            try:
                cut = split_part(current[k], at)
            except CorrectionError:
                unplaced.append(c.uuid)
                continue
            _replace(holder, current[k], cut.first)
            current[k : k + 1] = [cut.first, cut.second]
            holder[c.uuid] = cut.second
        else:
            if not _at_start(doc, local):
                holder[c.uuid] = current[k]  # no document begins here: nothing to merge
                continue
            if k == 0:
                unplaced.append(c.uuid)
                continue
            joined = merge_parts(current[k - 1], current[k])
            _replace(holder, current[k - 1], joined.part)
            _replace(holder, current[k], joined.part)
            current[k - 1 : k + 1] = [joined.part]
            holder[c.uuid] = joined.part
    # fields: on the document whose body the rule points into, the one nearest its start winning
    text, offsets = issue_text(current)
    chosen: dict[tuple[int, str], tuple[int, Correction]] = {}
    for c in corrections:
        if c.kind != FIELD or c.field not in FIELDS:
            continue
        found = reanchor(c.anchor, text)
        if found is None:
            unplaced.append(c.uuid)
            continue
        k, local = _locate(current, offsets, found.start)
        key = (k, c.field)
        if key in chosen and chosen[key][0] <= local:
            unplaced.append(c.uuid)
            continue
        if key in chosen:
            unplaced.append(chosen[key][1].uuid)
        chosen[key] = (local, c)
    for (k, name), (_, c) in chosen.items():
        set_field(current[k].doc, name, c.value)
        holder[c.uuid] = current[k]
    index = {id(p): i for i, p in enumerate(current)}
    placed = {uid: index[id(p)] for uid, p in holder.items() if id(p) in index}
    return Applied(current, placed, [u for u in unplaced if u not in placed])


def _replace(holder: dict[str, Part], old: Part, new: Part) -> None:
    for uid, p in holder.items():
        if p is old:
            holder[uid] = new
