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
# the verb after what led to it: 因工作岗位变动，会议决定免去… / 根据…的提请，决定任命…
_DECIDED = re.compile(r"决定(?P<action>不再聘任|任命|聘任|免去|解聘)")
# 钦州's own form: 吴永辉同志任钦州市公安局督察长（试用期一年），免去其钦州市…职务
_HOLDS = re.compile(
    rf"^{_NAME}同志{_NOTE}任(?P<post>[^，；。（]+?)(?:（(?P<cond>试用期[^（）]*)）)?(?:[，,]免去其(?P<old>[^，；。]+?)职务)?$"
)
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


_NOT_A_NAME = re.compile(r"决定|会议|根据|同意|并|由|经|其|任|免|的|为")
_ORGAN = re.compile(
    r"^(.*?(?:人民政府|政府|委员会|人民法院|人民检察院|检察院|法院|局|委|院|部|厅|办公室|办|室|所|队|处|中心|公司|社|署|站))(.+)$"
)


def _one(action: str, body: str, start: int, clause: str) -> Record | None:
    """A record from ``body`` (a clause without its verb) under ``action``; None unless what
    follows 为 or 的 is a post (推荐路面宽度为4.5米 is no appointment)."""
    r = _parse(action, body, start, clause)
    if r is None or _NOT_A_NAME.search(r.person):
        return None
    if r.post.endswith("（兼）"):  # a post held besides another: said as a condition
        r.post, r.conditions = r.post[: -len("（兼）")], r.conditions or "兼"
    return r if _POST_END.search(r.post) else None


# a post that names its own organ from the place on (市公安局局长), not one of the organ before
_PLACE_FIRST = re.compile(
    r"^(?!代理|副|常务|兼)(?:[\u4e00-\u9fff]{0,6}?(?:省|市|县|区|州|旗)|中国|全国|国务院|国家)"
)


def _posts(post: str) -> list[str]:
    """泉州市人民政府副市长、代理市长 → the two posts, the organ said once for both."""
    parts = [p for p in post.split("、") if p]
    if len(parts) < 2 or not all(_POST_END.search(p) for p in parts):
        return [post]
    m = _ORGAN.match(parts[0])
    organ = m.group(1) if m else ""
    return [parts[0]] + [p if _PLACE_FIRST.match(p) else organ + p for p in parts[1:]]


def _split_posts(records: list[Record]) -> list[Record]:
    out = []
    for r in records:
        for post in _posts(r.post):
            out.append(Record(r.person, r.action, post, r.sex, r.conditions, r.start, r.sentence))
    return out


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


_NEXT_PERSON = re.compile(r"[，,、](?=[\u4e00-\u9fff·]{2,6}?(?:同志)?(?:（[^（）]*）)?(?:为|的|任))")
_MANY = re.compile(
    r"^(?P<names>[\u4e00-\u9fff·（）()女]{2,}(?:、[\u4e00-\u9fff·（）()女]{2,})+)(?:等\d+人)?为(?P<post>[^，；。]+)$"
)


def _under_verb(action: str, rest: str, start: int, clause: str) -> list[Record]:
    """What one verb does: 任命A为X，B为Y / 任命A任X、B任Y / 任命A、B、C等3人为X."""
    out: list[Record] = []
    rest = rest.strip(" ，,")
    if (many := _MANY.match(rest)) and action not in ("免去", "解聘"):
        post = many["post"].strip()
        if _POST_END.search(post):
            for raw in many["names"].split("、"):
                sex = "女" if re.search(r"[（(]女[)）]", raw) else None
                name = re.sub(r"[（(][^（）()]*[)）]", "", raw)
                if 2 <= len(name) <= 6:
                    out.append(Record(name, action, post, sex, None, start, clause))
        return out
    for piece in _NEXT_PERSON.split(rest):
        piece = re.sub(rf"^{_NAME}(?:同志)?{_NOTE}任(?!命)", lambda m: m.group(0)[:-1] + "为", piece, count=1)
        if (r := _one(action, piece, start, clause)) is not None:
            out.append(r)
    return out


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
        if h := _HOLDS.match(clause):
            person, sex = h["person"], _sex(h["note"])
            if _POST_END.search(h["post"]):
                out.append(Record(person, "任命", h["post"], sex, h["cond"], start, clause))
            if h["old"] and _POST_END.search(h["old"]):
                out.append(Record(person, "免去", h["old"], sex, None, start, clause))
            continue
        v = _VERB_FIRST.match(clause) or _DECIDED.search(clause)
        if v:  # 任命A为X，B为Y: one verb, several people
            out.extend(_under_verb(v["action"], clause[v.end() :], start, clause))
            continue
        if context is not None and (r := _one(context, clause, start, clause)) is not None:
            out.append(r)
    return _split_posts(out)
