"""Anchoring highlights to text that changes: W3C TextQuote and TextPosition selectors."""

from reader.anchoring.textquote import CONTEXT, Anchor, Placement, make_anchor, nth_occurrence, reanchor

__all__ = ["CONTEXT", "Anchor", "Placement", "make_anchor", "nth_occurrence", "reanchor"]
