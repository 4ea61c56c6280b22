"""The parser on real 公文 from 30 provinces (tests/data/realdocs) and on issues composed of them.

Each figure has a floor: these documents were collected from public government pages with their
gold read from the pages' metadata, and the parser is judged on material it has never seen, so
no rule here may be keyed to one of them. ``python tools/score_corpus.py -v`` lists what fails.
"""

from __future__ import annotations

import pytest

from tests.helpers.corpus import (
    ISSUE_FIELDS,
    LAYOUTS,
    Tally,
    compose_issue,
    issue_groups,
    load_realdocs,
    parse_documents,
    score_issue,
    score_single,
)

FLOOR = 0.95
DOCS = load_realdocs()


def test_the_corpus_is_broad() -> None:
    provinces = {d.gold["region"].split("/")[0] for d in DOCS}
    assert len(DOCS) >= 100 and len(provinces) >= 15
    assert sum(1 for d in DOCS if d.gold["number"] is None) >= len(DOCS) // 3
    for d in DOCS:
        assert d.gold["source_url"].startswith("http"), d.name


def test_single_documents_meet_the_floor() -> None:
    tally, problems = Tally(), []
    score_single(DOCS, parse_documents, tally, problems)
    for field in ("doc_count", "title", "number", "date", "kind"):
        assert tally.ratio("single." + field) >= FLOOR, (field, tally.line(), problems)


@pytest.mark.parametrize(("wrapped", "toc"), LAYOUTS)
def test_composed_issues_meet_the_floor(wrapped: bool, toc: str | None) -> None:
    tally, problems = Tally(), []
    for g, group in enumerate(issue_groups(DOCS)):
        text, gold = compose_issue(
            group, seed=g * 10 + LAYOUTS.index((wrapped, toc)), wrapped=wrapped, toc=toc
        )
        score_issue(text, gold, parse_documents, f"issue{g}", tally, problems)
    for field in ISSUE_FIELDS:
        assert tally.ratio("issue." + field) >= FLOOR, (field, tally.line(), problems)
