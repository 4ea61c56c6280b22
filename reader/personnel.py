"""人事任免 records read from a document's text (no Qt): who, what was done, which post.

A gazette's 人事任免 says it in a few phrase families, one person and post per clause:
``任命张三为钦州市财政局局长``, ``免去李四同志的钦州市审计局副调研员职务，退休``,
``王五同志挂任钦州市应急管理局副局长（挂任期至2020年7月）``, ``邓洁丽同志（女，钦州市石化产业
办公室主任）试用期满正式任用``, ``聘任…为…`` / ``不再聘任…``, and lists under a heading
(``任命：`` then ``张三为…；``). One verb may carry several people (``任命A为X，B为Y``).

This module reads records only; the library does not store them yet (issue #18 is started:
the gold is being written, the views and the deadlines are to come).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_NAME = r"(?P<person>[\u4e00-\u9fff·]{2,6}?)"
_NOTE = r"(?:（(?P<note>[^（）]{0,40})）)?"
_ACTIONS = ("任命", "聘任", "提名", "推荐", "免去", "解聘", "不再聘任", "挂任", "正式任用")
_HEADING = re.compile(
    r"^(?:经研究，?)?(?:决定)?(?P<action>任命|免去|聘任|解聘|不再聘任|提名)(?:以下同志)?[：:]$"
)
_APPOINT = re.compile(rf"^{_NAME}(?:同志)?{_NOTE}为(?P<post>[^，；。]+?)(?:（(?P<cond>试用期[^（）]*)）)?$")
_REMOVE = re.compile(rf"^{_NAME}(?:同志)?{_NOTE}的(?P<post>[^，；。]+?)职务(?:[，,].*)?$")
_SECONDED = re.compile(rf"^{_NAME}同志{_NOTE}挂任(?P<post>[^，；。（]+?)(?:（(?P<cond>挂任期[^（）]*)）)?$")
_CONFIRMED = re.compile(rf"^{_NAME}同志（(?P<note>[^（）]{{0,60}})）试用期满正式任用")
_VERB_FIRST = re.compile(r"^(?P<action>不再聘任|任命|聘任|提名|推荐|免去|解聘)")
_CLAUSE = re.compile(r"[^；;。\n]+")
# what a post ends with (a trailing （兼） aside): 局长, 主任, 调研员, 董事, 参事, 委员, 人选 …
_POST_END = re.compile(
    r"(?:长|主任|书记|委员|员|师|监|官|理|事|主席|秘书|人选|馆长|校长|院长|审判员|检察员)(?:（[^（）]*）)?$"
)
# a 免去 clause that a printed line cut before its 职务: 钦州市工业和信息化委员 | 会副调研员职务
_CUT_REMOVAL = re.compile(r"(免去[^；;。\n]*的[^；;。\n]*)\n+(?=[^；;。\n]*职务)")


@dataclass(slots=True)
class Record:
    person: str
    action: str
    post: str
    sex: str | None = None
    conditions: str | None = None
    start: int = 0  # where the clause begins in the text
    sentence: str = ""


def _sex(note: str | None) -> str | None:
    return "女" if note and note.split("，")[0].strip() == "女" else None


def _one(action: str, body: str, start: int, clause: str) -> Record | None:
    """A record from ``body`` (a clause without its verb) under ``action``; None unless what
    follows 为 or 的 is a post (推荐路面宽度为4.5米 is no appointment)."""
    r = _parse(action, body, start, clause)
    return r if r is not None and _POST_END.search(r.post) else None


def _parse(action: str, body: str, start: int, clause: str) -> Record | None:
    body = body.strip(" ，,")
    if action in ("免去", "解聘") or (action == "不再聘任" and "为" not in body):
        m = _REMOVE.match(body)
        if m:
            return Record(m["person"], action, m["post"].strip(), _sex(m["note"]), None, start, clause)
        return None
    m = _APPOINT.match(body)
    if m:
        return Record(m["person"], action, m["post"].strip(), _sex(m["note"]), m["cond"], start, clause)
    return None


def read_personnel(text: str) -> list[Record]:
    """Every appointment and removal the text states, in order."""
    out: list[Record] = []
    context: str | None = None
    flat = re.sub(r"[ \u3000]+", "", text)  # the spaces of extracted text: 2019 年 1 月
    flat = _CUT_REMOVAL.sub(r"\1", flat)
    for m in _CLAUSE.finditer(flat):
        clause, start = m.group(0).strip(), m.start()
        if not clause:
            continue
        if h := _HEADING.match(clause):
            context = h["action"]
            continue
        if c := _CONFIRMED.match(clause):
            note = c["note"]
            post = note.split("，")[-1] if "，" in note else note
            out.append(Record(c["person"], "正式任用", post, _sex(note), "试用期满", start, clause))
            continue
        if s := _SECONDED.match(clause):
            out.append(Record(s["person"], "挂任", s["post"], _sex(s["note"]), s["cond"], start, clause))
            continue
        v = _VERB_FIRST.match(clause)
        if v:
            action = v["action"]
            # 任命A为X，B为Y: one verb, several people (a comma before a new name and 为)
            for piece in re.split(
                r"[，,](?=[\u4e00-\u9fff·]{2,6}?(?:同志)?(?:（[^（）]*）)?[为的])", clause[v.end() :]
            ):
                if (r := _one(action, piece, start, clause)) is not None:
                    out.append(r)
            continue
        if context is not None and (r := _one(context, clause, start, clause)) is not None:
            out.append(r)
    return out
