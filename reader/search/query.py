"""The query language users type, turned into whoosh queries.

``河长 巡河`` (all words), ``河长 OR 湖长``, ``-废止``, ``"乡村振兴战略"``, ``title:规划`` / ``标题:``,
``文号:钦政办〔2019〕5号``, ``机关:财政局``, ``年份:2019`` or ``年份:2018-2020``, ``标签:本局牵头``,
``城市:钦州市``, ``文种:notice``. A query that is a 发文字号 as a whole (in any bracket or spacing
style, ``钦政办 2019 5号`` included) finds that document first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from whoosh import query as Q

from reader.errors import ReaderError
from reader.gazette.numbers import parse_number
from reader.search.analysis import segments

# Longer queries are refused, not run: every word becomes bigram terms, and 10,000 characters
# took 12.8 s. Nobody types more than a few words into a search box.
MAX_QUERY = 500
MAX_CLAUSES = 40


class QueryError(ReaderError):
    """A query that cannot be run as typed; the message says why, in words."""


FIELD_ALIASES = {
    "title": "title",
    "标题": "title",
    "文号": "number",
    "number": "number",
    "发文字号": "number",
    "机关": "issuer",
    "issuer": "issuer",
    "发文机关": "issuer",
    "年份": "year",
    "year": "year",
    "标签": "tag",
    "tag": "tag",
    "城市": "city",
    "city": "city",
    "文种": "kind",
    "kind": "kind",
}
_TOKEN = re.compile(r'(-?)(?:([^\s:："]+)[:：])?("([^"]*)"|“([^”]*)”|\S+)')
TEXT_FIELDS = ("grams", "title_grams", "issuer_grams", "notes_grams")


@dataclass(slots=True)
class Parsed:
    query: Q.Query
    literals: list[str] = field(default_factory=list)  # what to mark in snippets
    number_key: str | None = None
    # what a result must contain: every group, one of its alternatives (AND of ORs)
    required: list[list[str]] = field(default_factory=list)

    def confirmed_by(self, haystack: str) -> bool:
        from reader.textnorm import pattern

        def found(alt: str) -> bool:
            rx = pattern(alt)
            return rx is None or rx.search(haystack) is not None

        return all(any(found(alt) for alt in group) for group in self.required)


POSITIONAL = {"title_grams", "issuer_grams", "number_grams"}  # short fields keep positions


def _phrase(fieldname: str, text: str) -> Q.Query | None:
    """Match of ``text`` in a gram field (width and spacing aside).

    Short fields use exact phrases of bigrams; the body uses an AND of the bigrams (no position
    checks: far faster on common words), a superset that search results confirm by substring.
    """
    parts = []
    for seg in segments(text):
        if len(seg) == 1:
            parts.append(Q.Prefix(fieldname, seg))
            continue
        bigrams = list(dict.fromkeys(seg[i : i + 2] for i in range(len(seg) - 1)))
        if len(bigrams) == 1:
            parts.append(Q.Term(fieldname, bigrams[0]))
        elif fieldname in POSITIONAL:
            parts.append(Q.Phrase(fieldname, [seg[i : i + 2] for i in range(len(seg) - 1)]))
        else:
            parts.append(Q.And([Q.Term(fieldname, b) for b in bigrams]))
    if not parts:
        return None
    return parts[0] if len(parts) == 1 else Q.And(parts)


def _anywhere(text: str) -> Q.Query | None:
    """A word anywhere: body, title, issuer, notes; jieba's word field adds relevance."""
    options = [q for f in TEXT_FIELDS if (q := _phrase(f, text)) is not None]
    if not options:
        return None
    word = "".join(segments(text))
    boosted = [Q.Term("title_words", word, boost=4.0)]
    return Q.Or([*options, *boosted]) if word else Q.Or(options)


def _field_clause(name: str, value: str) -> tuple[Q.Query | None, str | None]:
    """A field-qualified clause and the literal to mark (None when nothing to mark)."""
    if name == "title":
        q = _phrase("title_grams", value)
        return (Q.Or([q, Q.Term("title_words", "".join(segments(value)), boost=2.0)]) if q else None), value
    if name == "number":
        n = parse_number(value)
        if n is not None:
            return Q.Term("number_key", n.key), None
        return _phrase("number_grams", value), None
    if name == "issuer":
        return _phrase("issuer_grams", value), None
    if name == "year":
        m = re.fullmatch(r"((?:19|20)\d{2})(?:\s*[-–—~至到]\s*((?:19|20)\d{2}))?", value.strip())
        if not m:
            raise QueryError(f"“年份:{value}”不是年份：请写 年份:2019 或 年份:2018-2020（1900—2099 年）")
        lo = int(m.group(1))
        hi = int(m.group(2) or lo)
        return Q.NumericRange("year", min(lo, hi), max(lo, hi)), None
    if name == "tag":
        return Q.Term("tags", value.strip()), None
    if name == "city":
        return Q.Term("city", value.strip()), None
    if name == "kind":
        from reader.gazette.kinds import LABELS

        slug = next((k for k, v in LABELS.items() if v == value), value)
        return Q.Term("kind", slug), None
    return None, None


_NUMBER_FIELD = re.compile(r"(?:^|\s)(-?)(?:文号|发文字号|number)[:：]\s*")


def _number_fields(text: str) -> tuple[str, list[Q.Query]]:
    """Take ``文号:…`` clauses out of the query, spaces and all (``文号:钦政办 2019 5号``)."""
    clauses: list[Q.Query] = []
    while True:
        m = _NUMBER_FIELD.search(text)
        if not m:
            return text, clauses
        rest = text[m.end() :]
        words = rest.split()
        for n in range(len(words), 0, -1):  # the longest run of words that is a number
            candidate = " ".join(words[:n])
            number = parse_number(candidate)
            if number is not None:
                q: Q.Query = Q.Term("number_key", number.key)
                consumed = rest.index(words[n - 1]) + len(words[n - 1])
                break
        else:
            q = _phrase("number_grams", words[0]) if words else None
            consumed = rest.index(words[0]) + len(words[0]) if words else 0
        if q is not None:
            clauses.append(Q.Not(q) if m.group(1) else q)
        text = text[: m.start()] + " " + rest[consumed:]


def parse(text: str) -> Parsed:
    """Parse a user query. An empty query matches everything (filters still apply).

    Total over any input: a string parses, or :class:`QueryError` says what is wrong with it.
    """
    text = text.strip()
    if len(text) > MAX_QUERY:
        raise QueryError(f"检索内容过长（{len(text)} 字）：最多 {MAX_QUERY} 字")
    whole = parse_number(text) if text else None
    if whole is not None:
        exact = Q.Term("number_key", whole.key, boost=50.0)
        cited = _phrase("grams", whole.display)
        return Parsed(Q.Or([exact, cited]) if cited else exact, [whole.display], whole.key)
    text, number_clauses = _number_fields(text)
    text = text.strip()
    if not text and not number_clauses:
        return Parsed(Q.Every())
    groups: list[list[Q.Query]] = [[q] for q in number_clauses]  # OR-groups; groups are ANDed
    texts: list[list[str | None]] = [[None] for _ in number_clauses]  # the literal of each clause
    negatives: list[Q.Query] = []
    literals: list[str] = []
    pending_or = False
    tokens = list(_TOKEN.finditer(text))
    if len(tokens) + len(number_clauses) > MAX_CLAUSES:
        raise QueryError(f"检索词过多（{len(tokens)} 个）：最多 {MAX_CLAUSES} 个")
    for m in tokens:
        neg, fieldname, raw = m.group(1), m.group(2), m.group(3)
        value = m.group(4) if m.group(4) is not None else (m.group(5) if m.group(5) is not None else raw)
        if m.group(4) is None and m.group(5) is None:  # an unbalanced quote is no phrase: its words count
            value = value.strip('"“”') or value
        if raw == "OR" and not neg and not fieldname and groups:  # a leading OR is just a word
            pending_or = True
            continue
        if fieldname and fieldname.lower() in FIELD_ALIASES:
            clause, literal = _field_clause(FIELD_ALIASES[fieldname.lower()], value)
        else:
            if fieldname:  # an unknown "x:" prefix is just text
                value = f"{fieldname}:{value}"
            clause, literal = _anywhere(value), value
        if clause is None:
            continue
        if neg:
            negatives.append(clause)
            continue
        if literal:
            literals.append(literal)
        if pending_or and groups[-1]:
            groups[-1].append(clause)
            texts[-1].append(literal)
        else:
            groups.append([clause])
            texts.append([literal])
        pending_or = False
    required = [g[0] if len(g) == 1 else Q.Or(g) for g in groups if g]
    positive: Q.Query = Q.And(required) if len(required) > 1 else (required[0] if required else Q.Every())
    if negatives:
        positive = Q.AndNot(positive, Q.Or(negatives))
    # only groups made of plain words can be confirmed by substring (fields cannot)
    required = [[t for t in g if t] for g in texts if g and all(t for t in g)]
    return Parsed(positive, literals, required=required)
