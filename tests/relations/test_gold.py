"""The relations scored against gold written by readers (tests/data/relations): the floors hold.

The figures themselves are printed by ``python -m tests.relations.gold`` (the closing note's).
"""

from __future__ import annotations

import pytest

from tests.relations.gold import DATA, SHARED, score


@pytest.mark.skipif(not SHARED.is_dir(), reason="shared corpus not found")
def test_the_shared_corpora_meet_the_floors() -> None:
    s = score(DATA / "shared-gold.json")
    assert s.recall() >= 0.95 and s.precision() >= 0.95, (s.misses, s.wrong)
    assert s.link_precision() == 1.0, s.bad_links  # a wrong link is worse than none


def test_the_collected_documents_meet_the_floors_and_link_only_rightly() -> None:
    """36 documents from 15 provinces: statements at the floors, every link made right; of the
    five links the gold asks for, the one left is a 令 that misprints its own title."""
    s = score(DATA / "web" / "gold.json")
    assert s.precision() >= 0.95 and s.recall() >= 0.95, (s.misses, s.wrong)
    assert s.link_precision() == 1.0, s.bad_links
    assert s.link_recall() >= 0.8, s.missed_links


def test_pairs_of_citing_and_cited_documents_link_rightly_both_scripts() -> None:
    """28 documents in 16 pairs and 6 traps (same titles under other numbers, 题注 naming three
    amending decisions of one name), ten of them in traditional characters."""
    s = score(DATA / "pairs" / "gold.json")
    assert s.link_precision() == 1.0, s.bad_links
    assert s.link_recall() >= 0.95, s.missed_links
    assert s.precision() >= 0.95 and s.recall() >= 0.95, (s.misses, s.wrong)
