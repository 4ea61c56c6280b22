"""Findings 6, 7, 8: CSV formula injection, Markdown injection through an imported id, and a
notes file that is checked whole before anything of it is imported.

Before: notes, quotes and tags such as ``=HYPERLINK(…)`` went raw into the CSV; a crafted notes
file's ``uuid`` went unescaped into Markdown link targets (``<script>``, ``javascript:``); 14 of
23 crafted notes files ended in tracebacks, ``"tags": "abc"`` became three tags, an import
stopped halfway, and the window showed nothing.
"""

from __future__ import annotations

import contextlib
import csv
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.errors import ReaderError
from reader.export import Scope, export
from reader.export.envelope import EnvelopeError, import_annotations
from reader.importer import import_file
from reader.library import Library
from tests.conftest import DATA

FORMULAS = [
    '=HYPERLINK("http://x","点我")',
    "+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "\t=1+1",
]


@pytest.fixture
def lib(tmp_path: Path):
    library = Library(tmp_path / "lib")
    src = tmp_path / "玉林.txt"
    src.write_text((DATA / "yulin_like.txt").read_text(encoding="utf-8"), encoding="utf-8")
    assert import_file(library, src).status == "imported"
    yield library
    library.close()


def _doc(lib: Library):
    return lib.document(lib.documents()[0].id)


def test_csv_cells_that_would_be_formulas_stay_text(lib: Library, tmp_path: Path) -> None:
    doc = _doc(lib)
    for k, f in enumerate(FORMULAS):
        h = lib.annotations.add_highlight(doc.id, 10 + k, 14 + k, "red", note=f)
        lib.annotations.tag_highlight(h.uuid, [f.strip()[:20]])
    out = tmp_path / "批注.csv"
    export(lib, Scope(everything=True), "csv", out)
    rows = list(csv.reader(out.read_text(encoding="utf-8-sig").splitlines()))
    cells = [c for row in rows[1:] for c in row]
    assert all(not c.startswith(("=", "+", "-", "@", "\t")) for c in cells), [
        c for c in cells if c[:1] in "=+-@\t"
    ]
    notes = [row[rows[0].index("批注")] for row in rows[1:]]
    assert sorted(notes) == sorted("'" + f for f in FORMULAS)  # kept whole, shown as text


def test_markdown_link_targets_carry_no_markup_from_an_id(lib: Library, tmp_path: Path) -> None:
    doc = _doc(lib)
    h = lib.annotations.add_highlight(doc.id, 10, 20, "red", note="n")
    bad = "1) <script>alert(1)</script> [x](javascript:alert(1)"
    with lib.db.conn:  # a library from before the notes-file checks: any string could be an id
        lib.db.conn.execute("UPDATE highlights SET uuid = ? WHERE uuid = ?", (bad, h.uuid))
    out = tmp_path / "批注.md"
    export(lib, Scope(everything=True), "md", out)
    text = out.read_text(encoding="utf-8")
    assert "<script" not in text and "javascript:" not in text
    assert f"(gongbao://doc/{doc.id})" in text


def _envelope(highlights: list, **doc) -> dict:
    return {
        "format": "gongbao-annotations",
        "version": 1,
        "documents": [
            {"doc_id": doc.get("doc_id", 1), "title": doc.get("title", "x"), "highlights": highlights, **doc}
        ],
    }


def _good(k: int) -> dict:
    return {
        "uuid": f"0000000{k}-0000-4000-8000-000000000000",
        "color": "red",
        "quote": "玉林",
        "start": 0,
        "end": 2,
        "note": "好",
    }


CRAFTED = {
    "deep nesting": "[" * 100_000 + "]" * 100_000,
    "infinity": '{"format": "gongbao-annotations", "version": 1e999, "documents": []}',
    "NaN": '{"format": "gongbao-annotations", "version": NaN, "documents": []}',
    "huge offset": _envelope([{**_good(1), "start": 10**30, "end": 10**30 + 1}]),
    "negative offset": _envelope([{**_good(1), "start": -5}]),
    "end before start": _envelope([{**_good(1), "start": 5, "end": 2}]),
    "lone surrogate": json.dumps(_envelope([{**_good(1), "note": "\ud800"}])),
    "missing uuid": _envelope([{k: v for k, v in _good(1).items() if k != "uuid"}]),
    "markup uuid": _envelope([{**_good(1), "uuid": "<script>alert(1)</script>"}]),
    "duplicate uuid": _envelope([_good(1), _good(1)]),
    "tags as a string": _envelope([{**_good(1), "tags": "abc"}]),
    "tags of numbers": _envelope([{**_good(1), "tags": [1, 2]}]),
    "unknown colour": _envelope([{**_good(1), "color": "#ff0000<b>"}]),
    "quote a number": _envelope([{**_good(1), "quote": 12}]),
    "empty quote": _envelope([{**_good(1), "quote": "  "}]),
    "highlights a dict": _envelope({"a": 1}),
    "document a list": {"format": "gongbao-annotations", "version": 1, "documents": [[1, 2]]},
    "doc_id a string": _envelope([_good(1)], doc_id="12; DROP TABLE highlights"),
    "note too long": _envelope([{**_good(1), "note": "长" * 200_001}]),
    "bool offset": _envelope([{**_good(1), "start": True, "end": 2}]),
    "version a string": {"format": "gongbao-annotations", "version": "1", "documents": []},
    "not json": "not json at all {",
    "a bad item after good ones": _envelope([_good(1), _good(2), {**_good(3), "color": 7}]),
}


@pytest.mark.parametrize("name", list(CRAFTED))
def test_a_crafted_notes_file_is_refused_whole_with_a_message(
    lib: Library, tmp_path: Path, name: str
) -> None:
    path = tmp_path / "notes.json"
    body = CRAFTED[name]
    path.write_text(
        body if isinstance(body, str) else json.dumps(body, ensure_ascii=False),
        encoding="utf-8",
        errors="surrogatepass",
    )
    with pytest.raises(EnvelopeError) as refused:
        import_annotations(lib, path)
    assert str(refused.value) and "Traceback" not in str(refused.value)
    if name == "a bad item after good ones":
        assert "第 3 条高亮" in str(refused.value)
    assert lib.annotations.highlights() == [] and lib.annotations.tag_counts() == []  # all or nothing


def test_a_good_file_imports_in_one_transaction(lib: Library, tmp_path: Path) -> None:
    doc = _doc(lib)
    path = tmp_path / "notes.json"
    path.write_text(
        json.dumps(_envelope([_good(1), _good(2)], doc_id=doc.id, title=doc.title, tags=["甲", "乙"])),
        encoding="utf-8",
    )
    report = import_annotations(lib, path)
    assert report.added + report.unchanged == 2 and sorted(lib.annotations.document_tags(doc.id)) == [
        "乙",
        "甲",
    ]


def test_the_cli_says_what_is_wrong_in_json(lib: Library, tmp_path: Path) -> None:
    import subprocess
    import sys

    path = tmp_path / "notes.json"
    path.write_text(json.dumps(CRAFTED["tags as a string"]), encoding="utf-8")
    folder = lib.folder
    lib.close()
    r = subprocess.run(
        [sys.executable, "-m", "reader", "import-annotations", str(path), "--library", str(folder), "--json"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert r.returncode == 1 and "Traceback" not in r.stderr
    assert "标签" in json.loads(r.stdout)["error"]


def test_the_window_imports_notes_in_the_background_and_says_what_is_wrong(
    qtbot, lib: Library, tmp_path: Path
) -> None:
    from reader.settings import Settings
    from reader.ui.main_window import MainWindow

    w = MainWindow(lib, Settings())
    qtbot.addWidget(w)
    path = tmp_path / "notes.json"
    path.write_text(json.dumps(CRAFTED["huge offset"]), encoding="utf-8")
    job = w.exports.import_notes(path)
    qtbot.waitUntil(lambda: not job.running(), timeout=20000)
    qtbot.waitUntil(lambda: bool(w.last_error), timeout=5000)
    assert "起点 start" in w.last_error
    w.close()


JSONISH = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(10**20), 10**20)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=30),
    lambda kids: (
        st.lists(kids, max_size=4)
        | st.dictionaries(
            st.sampled_from(
                [
                    "uuid",
                    "color",
                    "quote",
                    "start",
                    "end",
                    "note",
                    "tags",
                    "title",
                    "doc_id",
                    "highlights",
                    "x",
                ]
            ),
            kids,
            max_size=6,
        )
    ),
    max_leaves=30,
)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(docs=st.lists(JSONISH, max_size=3))
def test_fuzz_the_envelope(lib: Library, tmp_path: Path, docs) -> None:
    path = tmp_path / "fuzz.json"
    path.write_text(
        json.dumps({"format": "gongbao-annotations", "version": 1, "documents": docs}), encoding="utf-8"
    )
    with contextlib.suppress(ReaderError):  # refused with a message: the library as it was
        import_annotations(lib, path)
    assert lib.db.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
