"""Re-splitting a library made by an older parser: better documents, nothing the user made lost.

The library is made as the first parser made it — documents without a 发文字号 swallowed by the
one before them — with highlights on both parts; ``reparse`` then splits the stored original
again with the current parser.
"""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

from reader.gazette import parse_gazette
from reader.gazette.parser import PARSER_VERSION
from reader.library import Library
from reader.library.records import IssueSource
from reader.reparse import outdated_issues, reparse_issues
from tests.conftest import SHARED

ISSUE = SHARED / "corpus-web" / "issues" / "issue-2.txt"


def _old_split(text: str, name: str):
    """The split of parser version 1: an unnumbered document merged into the one before it."""
    parsed = parse_gazette(text, name)
    docs = []
    for d in parsed.documents:
        if docs and d.number is None:
            prev = docs[-1]
            docs[-1] = replace(prev, text=prev.text + "\n" + d.title + "\n" + d.text, end_line=d.end_line)
        else:
            docs.append(d)
    return replace(parsed, documents=docs, parser_version=1)


def _library_made_by_the_old_parser(tmp_path: Path) -> tuple[Library, list[str]]:
    data = ISSUE.read_bytes()
    lib = Library(tmp_path / "lib")
    old = _old_split(data.decode("utf-8"), ISSUE.name)
    assert len(old.documents) < len(parse_gazette(data.decode("utf-8"), ISSUE.name).documents)
    sha = hashlib.sha256(data).hexdigest()
    stored, _ = lib.store_file(data, sha, ".txt")
    lib.add_issue(
        old,
        IssueSource(
            sha256=sha,
            name=ISSUE.name,
            path=str(ISSUE),
            stored_path=stored,
            format="text",
            encoding="utf-8",
            size=len(data),
        ),
    )
    uids = []
    for d in lib.documents():
        doc = lib.document(d.id)
        # one highlight near the start of every document, one in the part that was swallowed
        for quote in (doc.text[2:14], doc.text[-40:-28]):
            if quote.strip():
                start = doc.text.index(quote)
                h = lib.annotations.add_highlight(
                    doc.id, start, start + len(quote), "red", note=f"批注{len(uids)}"
                )
                lib.annotations.tag_highlight(h.uuid, ["重点"])
                uids.append(h.uuid)
    return lib, uids


def test_reparse_gives_the_better_split_and_loses_no_highlight(tmp_path: Path) -> None:
    lib, uids = _library_made_by_the_old_parser(tmp_path)
    with lib:
        before_docs = {d.id for d in lib.documents()}
        assert outdated_issues(lib) == [lib.issues()[0].id]
        [outcome] = reparse_issues(lib, outdated_issues(lib))
        assert outcome.status == "reparsed", outcome.reason
        assert outcome.changes["added"] >= 2 and outcome.changes.get("moved", 0) >= 2
        docs = lib.documents()
        expected = parse_gazette(ISSUE.read_text(encoding="utf-8"), ISSUE.name).documents
        assert [d.title for d in docs] == [d.title for d in expected]
        assert before_docs <= {d.id for d in docs} | {d.id for d in lib.documents(include_withdrawn=True)}
        for uid in uids:
            h = lib.annotations.highlight(uid)
            assert not h.deleted and not h.orphan, uid
            assert lib.document(h.document_id).text[h.start : h.end] == h.quote
            assert h.note.startswith("批注") and h.tags == ["重点"]
        assert outdated_issues(lib) == []
        assert lib.issues()[0].parser_version == PARSER_VERSION
        # running it again changes nothing
        [again] = reparse_issues(lib, [lib.issues()[0].id])
        assert again.status == "unchanged"


def test_reparse_on_the_command_line(tmp_path: Path) -> None:
    lib, uids = _library_made_by_the_old_parser(tmp_path)
    lib.close()

    def run(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, "-m", "reader", *args, "--library", str(tmp_path / "lib"), "--json"],
            capture_output=True,
            text=True,
            timeout=120,
        )

    r = run("reparse")
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout)
    assert out["parser_version"] == PARSER_VERSION and out["reparsed"] == 1 and out["failed"] == 0
    [res] = out["results"]
    assert res["status"] == "reparsed" and res["changes"]["added"] >= 2
    assert json.loads(run("reparse").stdout)["results"] == []  # nothing left split by an older parser
    bad = run("reparse", "999")
    assert bad.returncode == 1 and json.loads(bad.stdout)["failed"] == 1
    listed = json.loads(run("annotations").stdout)["highlights"]
    assert {h["uuid"] for h in listed} == set(uids) and not any(h["orphan"] for h in listed)
