"""Search on the shared corpus: exact numbers, no misses, filters, snippets, notes, rebuilds."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from reader.importer import import_paths
from reader.library import Library
from reader.search.analysis import GramTokenizer, WordTokenizer
from reader.search.index import Filters, SearchIndex
from reader.search.indexer import ensure_index, fetcher, index_folder, process_queue, queued
from tests.conftest import CORPUS, requires_shared

pytestmark = requires_shared


@pytest.fixture(scope="module")
def indexed(tmp_path_factory: pytest.TempPathFactory):
    lib = Library(tmp_path_factory.mktemp("search") / "lib")
    import_paths(lib, [CORPUS])
    index = SearchIndex(index_folder(lib))
    ensure_index(lib, index)
    process_queue(lib, index)
    yield lib, index
    index.close()
    lib.close()


def _ids(index: SearchIndex, lib: Library, q: str, **kw) -> list[int]:
    return [h.doc_id for h in index.search(q, limit=1000, fetch=fetcher(lib), **kw).hits]


@pytest.mark.parametrize(
    "number", ["钦政办〔2019〕5号", "钦政发〔2019〕18号", "钦市自然资规〔2022〕1号", "钦政办规〔2019〕13号"]
)
def test_number_in_every_style_finds_that_document_first(indexed, number: str) -> None:
    lib, index = indexed
    target = [d.id for d in lib.documents() if d.number == number]
    assert len(target) == 1
    org, rest = number.split("〔")
    year, seq = rest.rstrip("号").split("〕")
    for style in (number, f"{org}[{year}]{seq}号", f"{org}（{year}）{seq} 号", f"{org} {year} {seq}号"):
        hits = _ids(index, lib, style)
        assert hits[:1] == target[:1], style
        assert _ids(index, lib, f"文号:{style}") == target[:1]


def _folded_texts(lib: Library) -> dict[int, str]:
    from reader.search.analysis import fold

    return {d.id: "".join(fold(lib.document(d.id).text).split()) for d in lib.documents()}


WORDS = [
    "扶贫",
    "河长",
    "港",
    "乡村振兴",
    "乡村振兴战略",
    "证照分离",
    "6月10日",
    "2019年",
    "地中海贫血",
    "钦州港",
    "的",
    "局",
    "一、",
    "钦政发",
    "人事任免",
    "消费扶贫",
    "规划",
    "审批",
    "1.1倍",
    "HBB",
]


@pytest.mark.parametrize("word", WORDS)
def test_no_misses_compared_with_str_find(indexed, word: str) -> None:
    from reader.search.analysis import fold

    lib, index = indexed
    needle = "".join(fold(word).split())
    expected = {i for i, t in _folded_texts(lib).items() if needle in t}
    found = set(_ids(index, lib, f'"{word}"'))
    assert expected <= found, f"missed {sorted(expected - found)}"
    if re.fullmatch(r"[0-9a-z\u4e00-\u9fff]+", needle):  # punctuation is not indexed: only recall then
        titles = {d.id for d in lib.documents() if needle in "".join(fold(d.title).split())}
        assert found <= expected | titles  # nothing unrelated either


def test_all_words_must_match_and_or_and_not(indexed) -> None:
    lib, index = indexed
    texts = _folded_texts(lib)
    both = {i for i, t in texts.items() if "扶贫" in t and "消费" in t}
    assert set(_ids(index, lib, "扶贫 消费")) == both
    either = {i for i, t in texts.items() if "河长" in t or "湖长" in t}
    assert set(_ids(index, lib, "河长 OR 湖长")) == either
    without = {i for i, t in texts.items() if "扶贫" in t and "消费" not in t}
    assert set(_ids(index, lib, "扶贫 -消费")) == without


def test_filters_and_sorting(indexed) -> None:
    lib, index = indexed
    in_2022 = {d.id for d in lib.documents(year=2022)}
    assert set(_ids(index, lib, "规划", filters=Filters(year_from=2022, year_to=2022))) <= in_2022
    assert set(_ids(index, lib, "年份:2022 规划")) == set(
        _ids(index, lib, "规划", filters=Filters(year_from=2022, year_to=2022))
    )
    decisions = _ids(index, lib, "", filters=Filters(kind="decision"))
    assert decisions and all(lib.document(i).kind == "decision" for i in decisions)
    by_date = [lib.document(i).date for i in _ids(index, lib, "通知", sort="date")]
    dated = [d for d in by_date if d]
    assert dated == sorted(dated, reverse=True)
    issuer_hits = _ids(index, lib, "机关:自然资源局")
    assert issuer_hits and all("自然资源局" in (lib.document(i).issuer or "") for i in issuer_hits)


def test_snippets_mark_every_hit(indexed) -> None:
    lib, index = indexed
    res = index.search("消费扶贫", fetch=fetcher(lib))
    top = res.hits[0]
    assert top.snippets and all("⟦消费扶贫⟧" in s.text for s in top.snippets)
    text = lib.document(top.doc_id).text
    marked = sum(s.text.count("⟦") for s in top.snippets)
    assert marked == min(text.count("消费扶贫"), sum(len(s.hits) for s in top.snippets))
    assert marked > 1  # every hit, not only the first
    assert all(text[a:b] == "消费扶贫" for s in top.snippets for a, b in s.hits)


def test_notes_and_tags_find_their_document(indexed) -> None:
    lib, index = indexed
    doc = lib.documents()[3]
    h = lib.annotations.add_highlight(doc.id, 0, 4, "red", note="请水利科核对独有词汇甲乙丙")
    lib.annotations.tag_document(doc.id, ["本局牵头"])
    assert queued(lib) >= 1
    process_queue(lib, index)
    assert _ids(index, lib, "独有词汇甲乙丙") == [doc.id]
    assert _ids(index, lib, "标签:本局牵头") == [doc.id]
    assert _ids(index, lib, "", filters=Filters(has_notes=True)) == [doc.id]
    lib.annotations.delete(h.uuid)
    process_queue(lib, index)
    assert _ids(index, lib, "独有词汇甲乙丙") == []


def test_a_postings_file_cut_short_is_noticed_at_start(tmp_path: Path) -> None:
    """whoosh opens such an index happily and fails (or misses) only at query time."""
    lib = Library(tmp_path / "lib")
    import_paths(lib, [CORPUS / "qinzhou-2019-01.txt"])
    index = SearchIndex(index_folder(lib))
    ensure_index(lib, index)
    process_queue(lib, index)
    index.close()
    postings = sorted(index_folder(lib).glob("*.pst"), key=lambda p: p.stat().st_size)[-1]
    postings.write_bytes(postings.read_bytes()[:-64])
    index = SearchIndex(index_folder(lib))
    assert ensure_index(lib, index) == "corrupt"
    process_queue(lib, index)
    assert ensure_index(lib, index) is None
    assert _ids(index, lib, "烟花爆竹")
    index.close()
    lib.close()


def test_deleted_or_truncated_index_is_rebuilt(tmp_path: Path) -> None:
    lib = Library(tmp_path / "lib")
    import_paths(lib, [CORPUS / "qinzhou-2019-01.txt"])
    index = SearchIndex(index_folder(lib))
    assert ensure_index(lib, index) == "missing"
    process_queue(lib, index)
    assert ensure_index(lib, index) is None
    index.close()
    for seg in [p for p in index_folder(lib).iterdir() if p.suffix in (".trm", ".pst", ".seg")]:
        seg.write_bytes(seg.read_bytes()[:100])  # truncated by a crash or a bad copy
    index = SearchIndex(index_folder(lib))
    assert ensure_index(lib, index) in ("corrupt", "stale")
    process_queue(lib, index)
    assert _ids(index, lib, "烟花爆竹")
    index.close()
    import shutil

    shutil.rmtree(index_folder(lib))
    index = SearchIndex(index_folder(lib))
    assert ensure_index(lib, index) == "missing"
    process_queue(lib, index)
    assert _ids(index, lib, "烟花爆竹")
    index.close()
    lib.close()


def test_analyzers() -> None:
    words = [(t.text, t.pos) for t in WordTokenizer()("钦政发〔２０１９〕1号 乡村振兴", positions=True)]
    assert [p for _, p in words] == list(range(len(words)))  # ordinals, not character offsets
    assert "2019" in [w for w, _ in words] and "1" in [w for w, _ in words]  # digits kept, folded
    grams = [t.text for t in GramTokenizer()("河长 制。港", positions=True)]
    assert grams == ["河长", "长制", "制", "港"]


def test_cli_search_json(tmp_path: Path) -> None:
    lib = str(tmp_path / "lib")
    subprocess.run(
        [sys.executable, "-m", "reader", "import", str(CORPUS), "--library", lib], capture_output=True
    )
    r = subprocess.run(
        [
            sys.executable,
            "-m",
            "reader",
            "search",
            "消费扶贫",
            "--limit",
            "3",
            "--year",
            "2019",
            "--json",
            "--library",
            lib,
        ],
        capture_output=True,
        text=True,
        encoding="utf-8",
    )
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout)
    assert {"query", "total", "hits"} <= set(out)
    assert {"doc_id", "title", "number", "date", "score", "snippets"} <= set(out["hits"][0])
    assert any("消费扶贫" in s for s in out["hits"][0]["snippets"])
    r = subprocess.run(
        [sys.executable, "-m", "reader", "reindex", "--library", lib, "--json"],
        capture_output=True,
        text=True,
    )
    assert json.loads(r.stdout)["indexed"] == 43


@pytest.mark.parametrize(
    ("word", "excluded"), [("规划", "审批"), ("扶贫", "消费"), ("河长", "湖长"), ("的", "规划")]
)
def test_an_excluded_word_removes_exactly_its_documents(indexed, word: str, excluded: str) -> None:
    """``word -other`` is a set difference (whoosh's own AndNot let the first candidate through:
    the product's set algebra must not, see tests/search/whoosh_fixes.py)."""
    lib, index = indexed
    assert set(_ids(index, lib, f"{word} -{excluded}")) == set(_ids(index, lib, word)) - set(
        _ids(index, lib, excluded)
    )


def test_an_unbalanced_quote_searches_its_words(indexed) -> None:
    lib, index = indexed
    phrase = _ids(index, lib, '"证照分离"')
    assert phrase  # the phrase is in the corpus
    for typed in ('"证照分离', "“证照分离", '证照分离"'):
        assert _ids(index, lib, typed) == phrase, typed  # not silently nothing
