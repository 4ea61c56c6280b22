"""Document kinds (文种), read from the end of a title as GB/T 9704 titles end with the 文种."""

from __future__ import annotations

import re

# Longest suffix first; the values are stable slugs used by the CLI, the library and the gold files.
_SUFFIXES: list[tuple[str, str]] = [
    ("人事任免", "personnel"),
    ("任免名单", "personnel"),
    ("职务任免", "personnel"),
    ("任免事项", "personnel"),
    ("实施意见", "opinion"),
    ("指导意见", "opinion"),
    ("意见", "opinion"),
    ("通知", "notice"),
    ("决定", "decision"),
    ("决议", "resolution"),
    ("通告", "announcement"),
    ("公告", "announcement"),
    ("通报", "bulletin"),
    ("批复", "reply"),
    ("请示", "request"),
    ("报告", "report"),
    ("纪要", "minutes"),
    ("议案", "motion"),
    ("命令", "order"),
    ("令", "order"),
    ("函", "letter"),
    ("讲话", "speech"),
    ("致辞", "speech"),
    ("发言", "speech"),
    ("公报", "communique"),
    ("办法", "measures"),
    ("规定", "regulation"),
    ("细则", "regulation"),
    ("条例", "regulation"),
    ("规则", "regulation"),
    ("方案", "plan"),
    ("规划", "plan"),
    ("计划", "plan"),
    ("要点", "plan"),
    ("纲要", "plan"),
    ("预案", "plan"),
    ("说明", "speech"),  # 关于…草案的说明: delivered at a meeting, printed as speeches are
    ("公开信", "letter"),
]

LABELS = {
    "notice": "通知",
    "opinion": "意见",
    "decision": "决定",
    "resolution": "决议",
    "announcement": "通告",
    "bulletin": "通报",
    "reply": "批复",
    "request": "请示",
    "report": "报告",
    "minutes": "纪要",
    "motion": "议案",
    "order": "命令",
    "letter": "函",
    "speech": "讲话",
    "communique": "公报",
    "measures": "办法",
    "regulation": "规定",
    "plan": "方案",
    "personnel": "人事任免",
    "other": "其他",
}

# A trailing parenthetical such as （试行） or （2019—2021年） does not change the kind.
_TRAILER = re.compile(r"(?:[（(][^（()）]{1,20}[)）])+$")
# Suffixes by their last character: most lines end otherwise and are answered by one lookup.
_BY_LAST: dict[str, list[tuple[str, str]]] = {}
for _suffix, _kind in _SUFFIXES:
    _BY_LAST.setdefault(_suffix[-1], []).append((_suffix, _kind))
KIND_LAST_CHARS = frozenset(_BY_LAST)


def kind_of(title: str) -> str | None:
    """The kind slug for a title, or None when the title does not end with a 文种."""
    t = title.rstrip("。 \u3000》")
    if t[-1:] in "）)":
        t = _TRAILER.sub("", t).rstrip()
    for suffix, kind in _BY_LAST.get(t[-1:], ()):
        if t.endswith(suffix):
            return kind
    return None


def label(kind: str | None) -> str:
    """The Chinese label of a kind slug."""
    return LABELS.get(kind or "other", kind or "其他")
