"""Whatever the split, every source line ends up in exactly one place.

A line is page furniture (a running header, a page number), part of the 目录, the masthead
before the first document or the colophon after the last (``front_matter``/``back_matter``), a
section heading (the next document's ``section``), or a line of exactly one document — and then
its characters are in that document's title, number or text. Checked on every corpus and on
mutated versions of them: lines deleted, repeated, swapped, joined, blank lines added.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.gazette import parse_gazette
from reader.gazette.lines import clean_lines
from tests.conftest import CORPUS, DATA, SHARED
from tests.helpers.corpus import compose_issue, issue_groups, load_realdocs


def _sources() -> list[tuple[str, str]]:
    out = []
    for p in sorted(CORPUS.glob("*.txt")) if CORPUS.is_dir() else []:
        out.append((p.name, p.read_text(encoding="utf-8")))
    web = SHARED / "corpus-web"
    for p in sorted((web / "issues").glob("*.txt")) + sorted((web / "docs").glob("*.txt"))[:6]:
        out.append((p.name, p.read_text(encoding="utf-8")))
    for name in ("yulin_like", "nanning_like"):
        out.append((name, (DATA / f"{name}.txt").read_text(encoding="utf-8")))
    docs = load_realdocs()
    for g, group in enumerate(issue_groups(docs)[:4]):
        for wrapped, toc in ((False, "dots"), (True, None), (True, "numbers")):
            text, _ = compose_issue(group, seed=g, wrapped=wrapped, toc=toc)
            out.append((f"composed-{g}-{wrapped}-{toc}", text))
    return out


SOURCES = _sources()


def _key(text: str) -> str:
    """What must be found again: the characters, without spacing, brackets or width."""
    t = unicodedata.normalize("NFKC", text)
    return re.sub(r"[\s〔〕\[\]［］【】()（）《》#*]", "", t)


def check_nothing_lost(text: str, name: str) -> None:
    parsed = parse_gazette(text, name)
    lines, _furniture = clean_lines(text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff"))
    docs = parsed.documents
    assert docs or not lines
    front = {_key(t) for t in parsed.front_matter}
    back = {_key(t) for t in parsed.back_matter}
    placed: dict[int, list[int]] = {}
    for k, d in enumerate(docs):
        for ln in lines:
            if d.start_line <= ln.no <= d.end_line:
                placed.setdefault(ln.no, []).append(k)
    first = min((d.start_line for d in docs), default=0)
    toc_zone = bool(parsed.issue.toc)
    for ln in lines:
        owners = placed.get(ln.no, [])
        key = _key(ln.text)
        assert len(owners) <= 1, f"{name}:{ln.no} in two documents: {ln.text!r}"
        if owners:
            d = docs[owners[0]]
            where = _key(d.title) + _key(d.number or "") + _key(d.text) + _key(d.section or "")
            assert key in where, f"{name}:{ln.no} {ln.text!r} not in the text of {d.title!r}"
            continue
        if ln.no < first:
            assert key in front or toc_zone, f"{name}:{ln.no} before the first document, nowhere: {ln.text!r}"
            continue
        sections = [_key(d.section or "") for d in docs if d.start_line > ln.no]
        listed = any(_key(e["title"]) in key or key in _key(e["title"]) for e in parsed.issue.toc)
        assert key in back or (sections and key in sections[0]) or listed, (
            f"{name}:{ln.no} belongs to no document: {ln.text!r}"
        )


@pytest.mark.parametrize(("name", "text"), SOURCES, ids=[n for n, _ in SOURCES])
def test_every_line_of_every_corpus_is_placed(name: str, text: str) -> None:
    check_nothing_lost(text, name)


OPS = st.lists(
    st.tuples(st.sampled_from(["delete", "repeat", "swap", "join", "blank", "split"]), st.integers(0, 10**6)),
    min_size=1,
    max_size=8,
)


def _mutate(text: str, ops: list[tuple[str, int]]) -> str:
    lines = text.split("\n")
    for op, at in ops:
        if len(lines) < 3:
            break
        i = at % (len(lines) - 1)
        if op == "delete":
            del lines[i]
        elif op == "repeat":
            lines.insert(i, lines[i])
        elif op == "swap":
            lines[i], lines[i + 1] = lines[i + 1], lines[i]
        elif op == "join":
            lines[i : i + 2] = [lines[i] + lines[i + 1]]
        elif op == "blank":
            lines.insert(i, "")
        else:
            cut = len(lines[i]) // 2
            lines[i : i + 1] = [lines[i][:cut], lines[i][cut:]]
    return "\n".join(lines)


@settings(max_examples=60, deadline=None)
@given(source=st.integers(0, len(SOURCES) - 1), ops=OPS)
def test_mutated_issues_lose_nothing(source: int, ops: list[tuple[str, int]]) -> None:
    name, text = SOURCES[source]
    check_nothing_lost(_mutate(text, ops), name)


def test_a_text_with_no_structure_stays_one_document() -> None:
    text = "会议记录\n\n上午讨论了预算，下午讨论了人员安排。\n大家同意下周再议。\n"
    parsed = parse_gazette(text, "记录.txt")
    assert len(parsed.documents) == 1 and not parsed.is_gazette
    check_nothing_lost(text, "记录.txt")


def test_prose_before_the_first_title_found_is_a_document(tmp_path: Path) -> None:
    text = (
        "示例市人民政府公报\n2020年第1期\n"
        "为加强管理，现就有关事项通知如下。各单位要认真执行，确保落实到位。\n"
        "示例市人民政府\n2020年1月2日\n"
        "示例市人民政府关于加强安全生产工作的通知\n示政发〔2020〕3号\n各县区人民政府：\n现将有关事项通知如下。\n"
    )
    parsed = parse_gazette(text)
    assert len(parsed.documents) == 2
    assert "为加强管理" in parsed.documents[0].text
    assert parsed.documents[1].number == "示政发〔2020〕3号"
    check_nothing_lost(text, "lead")
