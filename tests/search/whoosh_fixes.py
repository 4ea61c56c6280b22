"""Corrections to whoosh-reloaded 2.7.5 bugs in whoosh's own matchers, applied on import.

The product never runs whoosh's matcher tree (``reader/search/docsets.py`` does its own set
algebra over the postings); the tests do, as the oracle DocSets is compared with. So the fix lives
here, where it acts, instead of patching whoosh globally in the app.
"""

from __future__ import annotations

from whoosh.matching.binary import AndNotMatcher


def _and_not_find_first(self: AndNotMatcher) -> None:
    """``word -other``: skip the excluded matcher up to the first candidate before comparing.

    whoosh only compared the two current ids, so when the excluded term's first document came
    before the wanted term's first document, that first document was returned even if it
    contained the excluded term (the rest were right). ``_find_next`` does the skipping.
    """
    if self.a.is_active() and self.b.is_active():
        self._find_next()


AndNotMatcher._find_first = _and_not_find_first
