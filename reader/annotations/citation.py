"""Citations in the form civil servants use: 《title》（发文字号）and the quoted passage."""

from __future__ import annotations


def citation(title: str, number: str | None, quote: str) -> str:
    """``《钦州市…的通知》（钦政发〔2019〕1号）：“…”``; without a number, just the title."""
    source = f"《{title}》" + (f"（{number}）" if number else "")
    passage = " ".join(quote.split())
    return f"{source}：“{passage}”" if passage else source
