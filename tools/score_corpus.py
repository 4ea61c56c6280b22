"""Score the parser on the real-document corpus in tests/data/realdocs and issues composed of it.

usage: python tools/score_corpus.py [-v]   (prints one summary line per part; -v lists problems)
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reader.gazette import parse_gazette  # noqa: E402
from tests.helpers.corpus import Tally, compose_issue, load_realdocs, nt, score_issue, score_single  # noqa: E402

LAYOUTS = [(False, None), (False, "dots"), (True, None), (True, "dots"), (True, "numbers")]


def parse(text: str, name: str) -> list[dict]:
    return [d.to_dict() for d in parse_gazette(text, name).documents]


def issues(docs, seed: int = 7, size: int = 8):
    """Docs shuffled and cut into issues of ``size`` (no two with one title in an issue)."""
    rng = random.Random(seed)
    order = docs[:]
    rng.shuffle(order)
    groups, cur = [], []
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


def main() -> int:
    verbose = "-v" in sys.argv
    docs = load_realdocs()
    single, problems = Tally(), []
    score_single(docs, parse, single, problems)
    print(f"single ({len(docs)} documents): {single.line()}")
    issue = Tally()
    for g, group in enumerate(issues(docs)):
        for li, (wrapped, toc) in enumerate(LAYOUTS):
            text, gold = compose_issue(group, seed=g * 10 + li, wrapped=wrapped, toc=toc)
            score_issue(
                text, gold, parse, f"issue{g}-{'wrap' if wrapped else 'plain'}-{toc}", issue, problems
            )
    print(f"issues: {issue.line()}")
    if verbose:
        print("\n".join(problems))
    return 0


if __name__ == "__main__":
    sys.exit(main())
