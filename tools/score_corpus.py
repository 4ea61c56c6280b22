"""Score the parser on the real-document corpus in tests/data/realdocs and issues composed of it.

usage: python tools/score_corpus.py [-v]   (prints one summary line per part; -v lists problems)
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.helpers.corpus import (  # noqa: E402
    LAYOUTS,
    Tally,
    compose_issue,
    issue_groups,
    load_realdocs,
    score_issue,
    score_single,
)
from tests.helpers.corpus import parse_documents as parse  # noqa: E402


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
