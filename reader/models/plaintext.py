"""User data shown as text, never as markup.

Qt renders a tooltip (and any AutoText widget) as HTML as soon as it *looks* like HTML: a title,
a file name or a note holding ``<img src=…>`` would make Qt load it. Everything from a document
or a user goes through here before it reaches such a widget.
"""

from __future__ import annotations

import html


def plain_tip(text: str) -> str:
    """``text`` as a tooltip that shows exactly these characters, line breaks kept."""
    return "<p style='white-space:pre-wrap'>" + html.escape(text, quote=False) + "</p>"
