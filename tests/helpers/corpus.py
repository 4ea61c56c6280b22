"""Real 公文 collected from public government pages, and gazette issues composed of them.

``tests/data/realdocs/*/`` holds one document per file with a ``gold.json`` read from the page's
own metadata (source address per document). ``compose_issue`` sets a list of them as a city
gazette issue the way extracted gazette text looks: masthead, a 目录 (or none), section headings,
running headers and page numbers, hard-wrapped lines, titles wrapped, numbers above the title or
spaced. The scoring mirrors ``../shared/corpus-web/score.py`` so figures are comparable.
"""

from __future__ import annotations

import difflib
import json
import random
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

REALDOCS = Path(__file__).resolve().parent.parent / "data" / "realdocs"

FIELDS = ("title", "number", "date", "kind")
# (hard-wrapped as a PDF extracts, 目录 style): the layouts every group of documents is set in
LAYOUTS = [(False, None), (False, "dots"), (True, None), (True, "dots"), (True, "numbers")]
ISSUE_FIELDS = ("precision", "recall", "title", "number", "date", "kind", "boundary")


def nt(s: str | None) -> str:
    """Title/text normalisation: NFKC, no whitespace."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", s or ""))


_BR = str.maketrans(
    {
        "〔": "[",
        "〕": "]",
        "［": "[",
        "］": "]",
        "﹝": "[",
        "﹞": "]",
        "【": "[",
        "】": "]",
        "(": "",
        ")": "",
        "（": "",
        "）": "",
    }
)


def nn(s: str | None) -> str | None:
    """Number normalisation: brackets and parentheses folded, no spaces."""
    if not s:
        return None
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", s).translate(_BR)).translate(_BR) or None


@dataclass(slots=True)
class RealDoc:
    path: Path
    text: str
    gold: dict

    @property
    def name(self) -> str:
        return f"{self.path.parent.name}/{self.path.name}"


def load_realdocs(root: Path = REALDOCS) -> list[RealDoc]:
    out = []
    for gold_path in sorted(root.glob("*/gold.json")):
        for g in json.loads(gold_path.read_text(encoding="utf-8"))["documents"]:
            p = gold_path.parent / g["file"]
            out.append(RealDoc(p, p.read_text(encoding="utf-8"), g))
    return out


class Tally:
    """ok/total per figure."""

    def __init__(self) -> None:
        self.counts: dict[str, list[int]] = {}

    def add(self, name: str, ok: bool) -> None:
        t = self.counts.setdefault(name, [0, 0])
        t[0] += bool(ok)
        t[1] += 1

    def ratio(self, name: str) -> float:
        ok, n = self.counts.get(name, (0, 0))
        return ok / n if n else 1.0

    def line(self) -> str:
        return " ".join(f"{k}={ok / n:.3f}({ok}/{n})" for k, (ok, n) in self.counts.items())


Parse = Callable[[str, str], list[dict]]  # (text, name) -> documents as dicts


def parse_documents(text: str, name: str) -> list[dict]:
    """This checkout's parser, as the scorers take it."""
    from reader.gazette import parse_gazette

    return [d.to_dict() for d in parse_gazette(text, name).documents]


def score_single(docs: list[RealDoc], parse: Parse, tally: Tally, problems: list[str]) -> None:
    """Each file is one document: count, title, number, date and kind as in its gold."""
    for doc in docs:
        got = parse(doc.text, doc.path.name)
        d = got[0] if got else {}
        g = doc.gold
        res = {
            "doc_count": len(got) == 1,
            "title": nt(d.get("title")) == nt(g["title"]),
            "number": nn(d.get("number")) == nn(g["number"]),
            "date": (d.get("date") or None) == g["date"],
            "kind": d.get("kind") == g["kind"],
        }
        for k, v in res.items():
            tally.add("single." + k, v)
        bad = [k for k, v in res.items() if not v]
        if bad:
            problems.append(
                f"{doc.name} {','.join(bad)}: n={len(got)} got "
                f"{ {k: d.get(k) for k in FIELDS} } want { {k: g[k] for k in FIELDS} }"
            )


def score_issue(
    text: str, gold: list[dict], parse: Parse, name: str, tally: Tally, problems: list[str]
) -> None:
    """Documents of a composed issue matched by number, then title; fields and boundaries."""
    docs = parse(text, name)
    used: set[int] = set()
    match: dict[int, int] = {}
    for i, g in enumerate(gold):
        if g["number"]:
            for j, d in enumerate(docs):
                if j not in used and nn(d.get("number")) == nn(g["number"]):
                    match[i] = j
                    used.add(j)
                    break
    for i, g in enumerate(gold):
        if i in match:
            continue
        best, bj = 0.0, None
        for j, d in enumerate(docs):
            if j in used:
                continue
            s = difflib.SequenceMatcher(None, nt(d.get("title")), nt(g["title"])).ratio()
            if s > best:
                best, bj = s, j
        if bj is not None and best >= 0.8:
            match[i] = bj
            used.add(bj)
    for j in range(len(docs)):
        tally.add("issue.precision", j in used)
        if j not in used:
            problems.append(f"{name} extra: {docs[j].get('title')!r}")
    for i, g in enumerate(gold):
        tally.add("issue.recall", i in match)
        if i not in match:
            problems.append(f"{name} missing: {g['title']} ({g['source']})")
            for k in ISSUE_FIELDS[2:]:
                tally.add("issue." + k, False)
            continue
        d = docs[match[i]]
        body = nt(d.get("text"))
        nxt = gold[i + 1]["title"] if i + 1 < len(gold) else None
        res = {
            "title": nt(d.get("title")) == nt(g["title"]),
            "number": nn(d.get("number")) == nn(g["number"]),
            "date": (d.get("date") or None) == g["date"],
            "kind": d.get("kind") == g["kind"],
            "boundary": nt(g["end_snippet"]) in body and not (nxt and nt(nxt) in body),
        }
        for k, v in res.items():
            tally.add("issue." + k, v)
        bad = [k for k, v in res.items() if not v]
        if bad:
            problems.append(
                f"{name} {g['source']} {','.join(bad)}: got {d.get('title')!r} {d.get('number')!r} "
                f"{d.get('date')!r} {d.get('kind')!r} end={d.get('text', '')[-30:]!r}"
            )


def issue_groups(docs: list[RealDoc], seed: int = 7, size: int = 8) -> list[list[RealDoc]]:
    """Documents shuffled and cut into issues of ``size`` (no two with one title in an issue)."""
    rng = random.Random(seed)
    order = docs[:]
    rng.shuffle(order)
    groups: list[list[RealDoc]] = []
    cur: list[RealDoc] = []
    for d in order:
        if any(nt(x.gold["title"]) == nt(d.gold["title"]) for x in cur):
            continue
        cur.append(d)
        if len(cur) == size:
            groups.append(cur)
            cur = []
    if cur:
        groups.append(cur)
    return groups


# -- composing issues ---------------------------------------------------------------------------
CITIES = ["遂宁市", "黄石市", "宜宾市", "德州市", "衢州市", "吉安市", "绵阳市", "汉中市", "荆门市", "梧州市"]
SECTIONS = ["市政府文件", "市政府办公室文件", "部门文件", "人事任免", "领导讲话", "规范性文件"]
WRAP = 28


def _title_span(lines: list[str], title: str) -> tuple[int, int] | None:
    """Which of the document's first lines print its title (the number may stand above)."""
    want = nt(title)
    for a in (0, 1, 2):
        acc = ""
        for b in range(a, min(a + 6, len(lines))):
            acc += nt(lines[b])
            if acc == want:
                return a, b + 1
            if not want.startswith(acc):
                break
    return None


def _wrap(line: str, width: int) -> list[str]:
    return [line[i : i + width] for i in range(0, len(line), width)] or [""]


def _wrap_title(title: str, rng: random.Random) -> list[str]:
    """Title lines as a gazette sets them: organ above 关于, or wrapped at a width."""
    m = re.match(
        r"^(.{4,30}?(?:人民政府办公室|人民政府办公厅|人民政府|办公厅|办公室|委员会|局|厅))(关于.+)$", title
    )
    if m and rng.random() < 0.5:
        rest = m.group(2)
        return [m.group(1), *_wrap(rest, rng.choice([18, 22, 26]))]
    if len(title) > 24:
        return _wrap(title, rng.choice([20, 24, 28]))
    return [title]


def compose_issue(
    docs: list[RealDoc], seed: int, *, wrapped: bool, toc: str | None
) -> tuple[str, list[dict]]:
    """One issue of ``docs``: its text and the gold of its documents in order.

    ``wrapped`` sets the text as extracted from a PDF (lines hard-wrapped at 28 characters,
    page headers and numbers every 40 lines); ``toc`` is None, ``"dots"`` (title……(page)) or
    ``"numbers"`` (title, then （文号）……page, under section headings).
    """
    rng = random.Random(seed)
    city = rng.choice(CITIES)
    masthead = f"{city}人民政府公报"
    year, number = rng.randint(2015, 2024), rng.randint(1, 12)
    body: list[str] = []
    gold: list[dict] = []
    section_at: dict[int, str] = {}
    for k, doc in enumerate(docs):
        lines = [ln.strip() for ln in doc.text.strip().split("\n") if ln.strip()]
        span = _title_span(lines, doc.gold["title"])
        if span is not None and wrapped:
            a, b = span
            title_lines = _wrap_title(nt(doc.gold["title"]), rng)
            head = lines[:a]
            rest = lines[b:]
            if doc.gold["number"] and not head and rest and nn(rest[0]) == nn(doc.gold["number"]):
                if rng.random() < 0.3:  # 版头 layout: the number above the title
                    head, rest = [rest[0]], rest[1:]
                elif rng.random() < 0.3:
                    rest = [re.sub(r"(\d+)号", r" \1 号", rest[0]), *rest[1:]]
            lines = head + title_lines + rest
        if toc == "numbers" and rng.random() < 0.3:
            section_at[k] = rng.choice(SECTIONS)
            body.append(section_at[k])
        out = []
        for ln in lines:
            out.extend(_wrap(ln, WRAP) if wrapped else [ln])
        body.extend(out)
        if not wrapped:
            body.append("")
        last = next(ln for ln in reversed(lines) if ln.strip())
        gold.append(
            {
                "title": doc.gold["title"],
                "number": doc.gold["number"],
                "date": doc.gold["date"],
                "kind": doc.gold["kind"],
                "end_snippet": nt(last)[-15:],
                "source": doc.name,
            }
        )
    # page furniture: a page number and the running header every 40 lines
    pages: list[str] = []
    page_no = 2
    for n, ln in enumerate(body, start=1):
        pages.append(ln)
        if wrapped and n % 40 == 0:
            pages.extend([str(page_no), masthead])
            page_no += 1
    front = [masthead, f"{year}年第{number}期", ""]
    if toc:
        front += ["目  录", ""]
        page = 2
        for k, (doc, g) in enumerate(zip(docs, gold, strict=True)):
            if toc == "numbers":
                if k in section_at:
                    front.append(section_at[k])
                front.append(nt(g["title"]))
                front.append((f"（{g['number']}）" if g["number"] else "") + f"……………………（{page}）")
            else:
                front.append(f"{nt(g['title'])}……………………({page})")
            page += 1 + len(doc.text) // 900
        front.append("")
    return "\n".join(front + pages) + "\n", gold
