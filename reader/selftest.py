"""``gongbao --selftest``: prove an installation works, headless, in a throw-away library.

Runs what a user does on the bundled sample issue — import (decode, parse), index, search,
annotate, export to Word and read it back — and prints one line per step. Exit 0 only if every
step worked. It is what the packaging test runs on the frozen app, and what support can ask a
user to run on a machine where "it does not start".
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any


def run(out: Callable[[str], None] = print) -> bool:
    from reader import __version__

    out(
        f"公报阅读器 {__version__} 自检 (Python {sys.version.split()[0]}, {sys.platform}"
        f"{', frozen' if getattr(sys, 'frozen', False) else ''})"
    )
    work = Path(tempfile.mkdtemp(prefix="gongbao-selftest-"))
    state: dict[str, Any] = {}
    ok = True
    try:
        for name, step in STEPS:
            started = time.perf_counter()
            try:
                detail = step(work, state)
            except Exception as exc:  # report every failure, with where it happened
                ok = False
                out(f"FAIL {name}: {type(exc).__name__}: {exc}")
                out(traceback.format_exc(limit=3).rstrip())
                break
            out(f"ok   {name} ({(time.perf_counter() - started) * 1000:.0f} ms): {detail}")
    finally:
        lib = state.get("library")
        if lib is not None:
            lib.close()
        shutil.rmtree(work, ignore_errors=True)
    out("PASS" if ok else "FAILED")
    return ok


def _import(work: Path, state: dict) -> str:
    from reader.importer import import_paths
    from reader.library import Library
    from reader.library.records import ImportStatus
    from reader.resources import sample_issue

    sample = sample_issue()
    if sample is None:
        raise RuntimeError("bundled sample issue not found (resources/samples)")
    lib = state["library"] = Library(work / "公报 资料库")
    outcomes = import_paths(lib, [sample])
    if outcomes[0].status != ImportStatus.IMPORTED:
        raise RuntimeError(f"import {outcomes[0].status}: {outcomes[0].reason}")
    docs = lib.documents()
    if len(docs) < 5:
        raise RuntimeError(f"only {len(docs)} documents parsed from the sample")
    state["docs"] = docs
    return f"{sample.name}: {len(docs)} 篇文档"


def _index(work: Path, state: dict) -> str:
    from reader.search.analysis import init_jieba
    from reader.search.index import SearchIndex
    from reader.search.indexer import ensure_index, index_folder, process_queue

    init_jieba(work / "cache")
    lib = state["library"]
    index = state["index"] = SearchIndex(index_folder(lib))
    ensure_index(lib, index)
    report = process_queue(lib, index)
    return f"{report.indexed} 篇已建索引"


def _search(work: Path, state: dict) -> str:
    from reader.search.indexer import fetcher

    lib, index = state["library"], state["index"]
    doc = state["docs"][0]
    word = doc.title[-6:-2]
    results = index.search(word, fetch=fetcher(lib))
    if not results.hits:
        raise RuntimeError(f"searching {word!r} found nothing")
    number = next((d.number for d in state["docs"] if d.number), None)
    if number and index.search(number, fetch=fetcher(lib)).hits[0].number != number:
        raise RuntimeError(f"发文字号 {number} not found first")
    index.close()
    return f"“{word}” {results.total} 篇；发文字号 {number} 命中"


def _annotate(work: Path, state: dict) -> str:
    lib = state["library"]
    doc = lib.document(state["docs"][0].id)
    start = doc.text.index("。") + 1
    h = lib.annotations.add_highlight(doc.id, start, start + 12, "red", note="自检批注", tags=["自检"])
    if lib.annotations.highlight(h.uuid).note != "自检批注":
        raise RuntimeError("the highlight was not saved")
    state["highlight"] = h
    return f"高亮“{h.quote}”"


def _export(work: Path, state: dict) -> str:
    from docx import Document

    from reader.export import Scope, export

    lib = state["library"]
    out = work / "导出 批注.docx"
    report = export(lib, Scope(everything=True), "docx", out)
    text = "\n".join(p.text for p in Document(str(out)).paragraphs)
    if "自检批注" not in text:
        raise RuntimeError("the exported Word file lacks the note")
    pdf = work / "导出 批注.pdf"
    export(lib, Scope(everything=True), "pdf", pdf)
    if pdf.stat().st_size > 400_000:  # the whole CJK font is 1.7 MB: fontTools is missing
        raise RuntimeError(f"the typeset PDF's fonts were not subset ({pdf.stat().st_size // 1024} KB)")
    return (
        f"{report.highlights} 处批注 → {out.name} ({out.stat().st_size // 1024} KB), "
        f"{pdf.name} ({pdf.stat().st_size // 1024} KB)"
    )


def _relations(work: Path, state: dict) -> str:
    from reader.relations import keys
    from reader.relations.keys import char_table, title_key

    lib = state["library"]
    doc = lib.documents()[0]
    links = lib.relations.of(doc.id)
    table = len(char_table())
    if table < 5000:  # zhconv's data file is missing: traditional titles would not fold
        raise RuntimeError(f"the traditional-character table has {table} characters ({keys.TABLE_PROBLEM})")
    if title_key("國務院關於加強市縣政府依法行政的決定") != title_key("国务院关于加强市县政府依法行政的决定"):
        raise RuntimeError("a traditional title does not fold to its simplified form")
    return f"{sum(len(v) for v in links.values())} 条关联，时效 {lib.relations.validity(doc.id).label}"


STEPS: list[tuple[str, Callable[[Path, dict], str]]] = [
    ("import", _import),
    ("index", _index),
    ("search", _search),
    ("annotate", _annotate),
    ("export", _export),
    ("relations", _relations),
]


def main() -> int:
    from reader.cli import utf8_output as _utf8_output

    _utf8_output()
    return 0 if run() else 1
