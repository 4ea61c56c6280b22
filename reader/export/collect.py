"""What an export contains: the scope resolved to issues → documents → highlights, in order.

Every writer (Word, Markdown, HTML, CSV, JSON, PDF) renders the same :class:`Bundle`, so they
agree on what is included, in which order, and how each highlight is referred to (page of the
original for PDF issues, the section heading it falls under, a ``gongbao://`` link back).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from reader.citation import citation
from reader.layout import layout, outline
from reader.library import Library
from reader.library.annotation_store import Highlight
from reader.library.records import DocumentRecord
from reader.library.trash import VISIBLE
from reader.pagemap import page_at
from reader.palette import palette

_UUID = re.compile(r"^[0-9a-fA-F-]{8,64}$")
_LINK = re.compile(r"^gongbao://doc/(\d+)/?(?:#hl=([0-9a-fA-F-]{8,64}))?$")


def link(doc_id: int, uuid: str | None = None) -> str:
    """The back-link the app opens: ``gongbao://doc/12#hl=<uuid>``.

    Built from a number and a checked id only: a uuid is data (an imported notes file can carry
    any string), and a link target in Markdown or HTML must never carry markup.
    """
    hl = f"#hl={uuid}" if uuid and _UUID.match(uuid) else ""
    return f"gongbao://doc/{int(doc_id)}{hl}"


def parse_link(url: str) -> tuple[int, str | None] | None:
    """(document id, highlight uuid or None) of a back-link, None if it is not one."""
    m = _LINK.match(url.strip())
    return (int(m.group(1)), m.group(2)) if m else None


@dataclass(slots=True)
class Scope:
    """Which annotations to export. Exactly one of the first four is normally given."""

    doc_ids: list[int] | None = None  # the open or selected documents, or search results
    tag: str | None = None  # documents with this tag, and highlights with it anywhere
    query: str | None = None  # documents a search finds (resolved by the caller's search)
    everything: bool = False
    color: str | None = None  # filters on highlights
    highlight_tag: str | None = None
    date_from: str | None = None  # YYYY-MM-DD, when the highlight was made
    date_to: str | None = None

    def highlight_filters(self) -> dict[str, str | None]:
        """The filters on highlights, as ``AnnotationStore.highlights`` takes them."""
        return {
            "color": self.color,
            "tag": self.highlight_tag,
            "date_from": self.date_from,
            "date_to": self.date_to,
        }

    def describe(self) -> str:
        """A line for the export's header, in the user's language."""
        if self.tag:
            what = f"标签“{self.tag}”"
        elif self.query:
            what = f"检索“{self.query}”的结果"
        elif self.everything:
            what = "全部资料"
        else:
            what = "选定的文档"
        filters = []
        if self.color:
            filters.append(f"颜色 {self.color}")
        if self.highlight_tag:
            filters.append(f"标签 {self.highlight_tag}")
        if self.date_from or self.date_to:
            filters.append(f"日期 {self.date_from or '…'} 至 {self.date_to or '…'}")
        return what + ("（" + "，".join(filters) + "）" if filters else "")


@dataclass(slots=True)
class Item:
    """One highlight as exported."""

    uuid: str
    color: str
    meaning: str
    hex: str
    quote: str
    note: str
    tags: list[str]
    start: int
    end: int
    prefix: str
    suffix: str
    created_at: str
    modified_at: str
    orphan: bool
    page: int | None = None  # 1-based page of the original PDF
    section: str | None = None  # the heading the passage falls under

    def reference(self) -> str:
        """``第 3 页 · 一、总体要求`` (whatever is known)."""
        parts = []
        if self.page is not None:
            parts.append(f"第 {self.page} 页")
        if self.section:
            parts.append(self.section)
        if self.orphan:
            parts.append("原文已变动，无法定位")
        return " · ".join(parts)


@dataclass(slots=True)
class Entry:
    """A document with its exported highlights, in document order."""

    record: DocumentRecord
    items: list[Item] = field(default_factory=list)
    note: str = ""
    tags: list[str] = field(default_factory=list)
    validity: str = ""  # 时效 as said next to the heading: 已废止（2019-01-23，…）; "" when unknown
    cites: list[tuple[int, str]] = field(default_factory=list)  # documents of the export it names

    @property
    def id(self) -> int:
        return self.record.id

    def meta(self) -> list[str]:
        """发文字号, issuer and date, those that are known."""
        r = self.record
        return [x for x in (r.number, r.issuer, _chinese_date(r.date)) if x]

    def citation(self, item: Item) -> str:
        return citation(self.record.title, self.record.number, item.quote)

    def link(self, item: Item | None = None) -> str:
        return link(self.id, item.uuid if item else None)

    @property
    def anchor(self) -> str:
        """Where this document's heading is inside the exported file (a citation links to it)."""
        return f"doc-{self.id}"


@dataclass(slots=True)
class Group:
    """An issue and its documents, in the issue's order."""

    label: str
    issue_id: int
    entries: list[Entry] = field(default_factory=list)


@dataclass(slots=True)
class Bundle:
    scope: Scope
    groups: list[Group]
    corrections: list[dict] = field(default_factory=list)  # the user's repairs of these issues' splits
    task_marks: list[dict] = field(default_factory=list)  # tasks of these issues marked done
    created: str = field(default_factory=lambda: dt.datetime.now().strftime("%Y-%m-%d %H:%M"))

    def entries(self) -> Iterator[Entry]:
        for g in self.groups:
            yield from g.entries

    def items(self) -> Iterator[tuple[Group, Entry, Item]]:
        for g in self.groups:
            for e in g.entries:
                for it in e.items:
                    yield g, e, it

    @property
    def highlight_count(self) -> int:
        return sum(len(e.items) for e in self.entries())

    @property
    def document_count(self) -> int:
        return sum(1 for _ in self.entries())


def _chinese_date(iso: str | None) -> str | None:
    if not iso:
        return None
    try:
        d = dt.date.fromisoformat(iso)
    except ValueError:
        return iso
    return f"{d.year}年{d.month}月{d.day}日"


def _sections(record: DocumentRecord) -> list[tuple[int, str]]:
    return [(b.start, " ".join(b.text.split())) for b in outline(layout(record.text, record.recipients))]


def _item(h: Highlight, record: DocumentRecord, sections: list[tuple[int, str]], colours: dict) -> Item:
    colour = colours.get(h.color)
    section = None
    for start, text in sections:
        if start > h.start:
            break
        section = text
    located = record.is_pdf and record.page_map and not h.orphan
    page = page_at(record.page_map, h.start) + 1 if located else None
    return Item(
        uuid=h.uuid,
        color=h.color,
        meaning=colour.meaning if colour else h.color,
        hex=colour.hex if colour else "#ffe066",
        quote=h.quote,
        note=h.note,
        tags=list(h.tags),
        start=h.start,
        end=h.end,
        prefix=h.prefix,
        suffix=h.suffix,
        created_at=h.created_at,
        modified_at=h.modified_at,
        orphan=h.orphan,
        page=page,
        section=None if h.orphan else section,
    )


def scope_counts(library: Library, scope: Scope) -> tuple[int, int]:
    """(highlights, document notes) an export of ``scope`` would hold: what the dialog shows
    before it runs, read without any document's text. A query scope is resolved by the caller
    into document ids first."""
    notes = library.annotations
    filters = scope.highlight_filters()
    if scope.everything:  # counted in SQL: the whole library may hold 100,000 highlights
        total = notes.count(**filters)
        if any(filters.values()):
            return total, 0
        sql = f"""SELECT COUNT(*) FROM document_notes n JOIN documents d ON d.id = n.document_id
                  WHERE trim(n.note) != '' AND {VISIBLE}"""
        return total, library.db.conn.execute(sql).fetchone()[0]
    if scope.tag:
        tagged = sorted(set(notes.tag_links(scope.tag).document_ids))
        docs = [d.id for d in library.documents(ids=tagged)] if tagged else []
        found = {h.uuid for d in docs for h in notes.highlights(d, **filters)}
        others = {k: v for k, v in filters.items() if k != "tag"}
        found |= {h.uuid for h in notes.highlights(tag=scope.tag, **others)}
    else:
        docs = [d.id for d in library.documents(ids=list(scope.doc_ids))] if scope.doc_ids else []
        found = {h.uuid for d in docs for h in notes.highlights(d, **filters)}
    if any(filters.values()):  # filtered: only matching highlights count
        return len(found), 0
    return len(found), sum(1 for d in docs if notes.document_note(d).strip())


def collect(
    library: Library,
    scope: Scope,
    *,
    meanings: dict[str, str] | None = None,
    search: Callable[[str], list[int]] | None = None,
    include_unannotated: bool = False,
) -> Bundle:
    """Resolve ``scope`` against the library.

    Documents with neither a highlight nor a document note are left out (with a colour, tag or
    date filter, those without a matching highlight), unless ``include_unannotated``; a single
    open document is always included.
    """
    notes = library.annotations
    filters = scope.highlight_filters()
    wanted: dict[int, list[Highlight] | None] = {}  # doc id -> highlights (None: all that pass)
    if scope.everything:
        wanted = {d.id: None for d in library.documents()}
    elif scope.tag:
        wanted = {i: None for i in notes.tag_links(scope.tag).document_ids}  # tagged documents: all
        for h in notes.highlights(tag=scope.tag, **{k: v for k, v in filters.items() if k != "tag"}):
            if h.document_id not in wanted:
                wanted.setdefault(h.document_id, [])
            if wanted[h.document_id] is not None:
                wanted[h.document_id].append(h)  # type: ignore[union-attr]
    elif scope.query:
        if search is None:
            raise ValueError("a query scope needs a search function")
        wanted = {i: None for i in search(scope.query)}
    else:
        wanted = {i: None for i in scope.doc_ids or []}
    filtering = any(filters.values())  # then only documents with matching highlights count
    keep_all = include_unannotated or (scope.doc_ids is not None and len(wanted) == 1)
    colours = {c.key: c for c in palette(meanings)}
    groups: dict[int, Group] = {}
    summaries = library.documents(ids=list(wanted), include_withdrawn=True) if wanted else []
    for summary in summaries:  # issue order, then the documents' order in their issue
        found = wanted[summary.id]
        highlights = found if found is not None else notes.highlights(summary.id, **filters)
        note = notes.document_note(summary.id)
        if not highlights and (filtering or not note.strip()) and not keep_all:
            continue
        record = library.document(summary.id)
        sections = _sections(record)
        ordered = sorted(highlights, key=lambda h: (h.start, h.end))
        items = [_item(h, record, sections, colours) for h in ordered]
        entry = Entry(record, items, note, notes.document_tags(summary.id))
        group = groups.get(record.issue_id)
        if group is None:
            group = groups[record.issue_id] = Group(record.issue.label, record.issue_id)
        group.entries.append(entry)
    _relate(library, [e for g in groups.values() for e in g.entries])
    issue_ids = {s.issue_id for s in library.documents()} if scope.everything else set(groups)
    marks = _task_marks(library, issue_ids, scope.everything)
    return Bundle(scope, list(groups.values()), _corrections(library, sorted(issue_ids)), marks)


def _task_marks(library: Library, issue_ids: set[int], everything: bool) -> list[dict]:
    """The done marks of tasks in these issues (all of them, placed or not, for the whole library)."""
    marks = library.extracts.marks()
    if everything:
        return marks
    rows = library.db.conn.execute("SELECT id, issue_id FROM documents").fetchall()
    issue_of = dict(rows)
    return [m for m in marks if issue_of.get(m["document_id"]) in issue_ids]


def validity_text(v) -> str:
    """已废止（2019-01-23 起，被《…》钦政发〔2019〕1号废止） — "" for a document nothing is said of."""
    if v.status == "unknown":
        return ""
    parts = []
    if v.status == "expired" and v.until:
        parts.append(f"有效期至 {v.until}")
    elif v.since:
        parts.append(f"{v.since} 起")
    if v.by is not None:
        name = " ".join(p for p in (f"《{v.by.title}》" if v.by.title else "", v.by.number or "") if p)
        verb = "废止" if v.status == "repealed" else "修改"
        parts.append(f"被{name}{verb}")
    return v.label + (f"（{'，'.join(parts)}）" if parts else "")


def _relate(library: Library, entries: list[Entry]) -> None:
    """Each entry's validity, and which documents of the same export it names (linked there)."""
    exported = {e.id for e in entries}
    relations = library.relations
    for e in entries:
        e.validity = validity_text(relations.validity(e.id))
        seen: set[int] = set()
        for x in relations.outgoing(e.id):
            if x.id is not None and x.id in exported and x.id != e.id and x.id not in seen:
                seen.add(x.id)
                e.cites.append((x.id, x.title or x.number or ""))


def _corrections(library: Library, issue_ids: list[int]) -> list[dict]:
    """The issues' correction rules, each with the file it belongs to (found again by its hash)."""
    out = []
    for issue_id in issue_ids:
        rules = library.edits.corrections(issue_id)
        if not rules:
            continue
        issue = library.issue(issue_id)
        where = {"sha256": issue.sha256, "label": issue.label, "source_name": issue.source_name}
        out += [{"issue": where, **r.portable()} for r in rules]
    return out
