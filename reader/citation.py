"""Citations in the form civil servants use: 《title》（发文字号）and the quoted passage."""

from __future__ import annotations

import re

_BREAK = re.compile(r"[ \t\u3000]*\n[ \t\u3000]*")


def flatten(passage: str) -> str:
    """A passage on one line. Line breaks are dropped, not made spaces: they come from the
    printed page's wrapping, and Chinese has no spaces between words (a wrapped 20|16 is 2016)."""
    return " ".join(_BREAK.sub("", passage).split())


_INNER = str.maketrans({"“": "‘", "”": "’"})


def quoted(passage: str) -> str:
    """A passage in “…” on one line; quotation marks inside it become ‘…’ (GB/T 15834: a quote
    within a quote takes the single marks)."""
    return "“" + flatten(passage).translate(_INNER) + "”"


def citation(title: str, number: str | None, quote: str) -> str:
    """``《钦州市…的通知》（钦政发〔2019〕1号）：“…”``; without a number, just the title."""
    source = f"《{title}》" + (f"（{number}）" if number else "")
    return f"{source}：{quoted(quote)}" if flatten(quote) else source
