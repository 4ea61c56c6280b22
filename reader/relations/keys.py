"""How a cited title is matched to a document's title (no Qt).

A citation prints a title as its author typed it: 〔〕 or [] or （）, with or without the issuing
organ in front (《钦州市人民政府关于…的通知》 / 《关于…的通知》), and often names the document a
notice issued rather than the notice (《…实施方案》（钦政办〔2019〕68号） is issued by the notice
关于印发…实施方案的通知, 68号). The keys here fold those differences and nothing else: a wrong
link is worse than none.
"""

from __future__ import annotations

import re
import unicodedata

_DROP = re.compile(r"[\s《》“”\"'‘’「」『』〈〉<>·•.。，,、：:；;！!？?_\-—–－]+")
_OPEN = str.maketrans({"（": "(", "〔": "(", "[": "(", "【": "(", "［": "(", "﹝": "("})
_CLOSE = str.maketrans({"）": ")", "〕": ")", "]": ")", "】": ")", "］": ")", "﹞": ")"})
_ISSUED = re.compile(
    r"^(?:关于)?(?:印发|转发|颁发|发布|公布|批转|下发)(.+?)(?:的)?(?:通知|决定|公告|通告|令)$"
)


def title_key(title: str | None) -> str | None:
    """The title with width, brackets, quotes, spaces and punctuation folded away."""
    if not title:
        return None
    folded = unicodedata.normalize("NFKC", title).translate(_OPEN).translate(_CLOSE)
    key = _DROP.sub("", folded)
    return key or None


def core_key(key: str | None) -> str | None:
    """The title from its 关于 on (the organ in front dropped): 钦州市人民政府关于X的通知 → 关于X的通知."""
    if not key:
        return None
    at = key.find("关于")
    return key[at:] if at > 0 else key


def issued_key(key: str | None) -> str | None:
    """The name of what a 印发 notice issues: 关于印发X方案的通知 → X方案 (None for other titles)."""
    m = _ISSUED.match(core_key(key) or "")
    return m.group(1) if m else None


def titles_agree(cited: str | None, title: str | None) -> bool:
    """Is the cited title this document's (same title, or the same with or without its organ, or
    the document this notice issues)?"""
    a, b = title_key(cited), title_key(title)
    if not a or not b:
        return False
    if a == b or core_key(a) == core_key(b):
        return True
    inner = issued_key(b)
    if inner and (a == inner or core_key(a) == core_key(inner) or (a.endswith(inner) and len(inner) >= 6)):
        return True
    outer = issued_key(a)  # cited as 《关于印发X的通知》, the library holds X on its own
    return bool(outer and (b == outer or core_key(b) == core_key(outer)))
