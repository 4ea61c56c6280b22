"""User data shown as text, never as markup.

Qt renders a tooltip (and any AutoText widget) as HTML as soon as it *looks* like HTML: a title,
a file name or a note holding ``<img src=…>`` would make Qt load it. Everything from a document
or a user goes through here before it reaches such a widget.
"""

from __future__ import annotations

import html


def plain_tip(text: str, limit: int = 1000) -> str:
    """``text`` as a tooltip that shows exactly these characters, line breaks kept."""
    return "<p style='white-space:pre-wrap'>" + html.escape(shorten(text, limit), quote=False) + "</p>"


def shorten(text: str, limit: int = 2000) -> str:
    """At most ``limit`` characters: a widget lays out every character it is given (a 10 MB
    link took minutes), and nobody reads past a screenful."""
    text = str(text)
    return text if len(text) <= limit else text[: limit - 1] + "…"
