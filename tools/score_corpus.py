"""Score the parser on the real-document corpus in tests/data/realdocs and issues composed of it.

usage: python tools/score_corpus.py [-v]   (prints one summary line per part; -v lists problems)
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reader.gazette import parse_gazette  # noqa: E402
from tests.helpers.corpus import (  # noqa: E402
    Tally,
    compose_issue,
    issue_groups,
    load_realdocs,
    score_issue,
    score_single,
)

LAYOUTS = [(False, None), (False, "dots"), (True, None), (True, "dots"), (True, "numbers")]


def parse(text: str, name: str) -> list[dict]:
    return [d.to_dict() for d in parse_gazette(text, name).documents]


def main() -> int:
    verbose = "-v" in sys.argv
    docs = load_realdocs()
    single, problems = Tally(), []
    score_single(docs, parse, single, problems)
    print(f"single ({len(docs)} documents): {single.line()}")
    issue = Tally()
    for g, group in enumerate(issue_groups(docs)):
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
