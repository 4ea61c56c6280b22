"""人事任免 records read from a document's text (no Qt): who, what was done, which post.

A gazette's 人事任免 says it in a few phrase families, one person and post per clause:
``任命张三为钦州市财政局局长``, ``免去李四同志的钦州市审计局副调研员职务，退休``,
``王五同志挂任钦州市应急管理局副局长（挂任期至2020年7月）``, ``邓洁丽同志（女，钦州市石化产业
办公室主任）试用期满正式任用``, ``聘任…为…`` / ``不再聘任…``, and lists under a heading
(``任命：`` then ``张三为…；``). One verb may carry several people (``任命A为X，B为Y``).

Each record also says the organ (the post's name up to its organisation) and, when the text
prints one, the decision it belongs to: a trailer ``（钦政干〔2019〕20号 2019年12月9日）`` after its
records, or a heading ``2020年2月5日决定：`` / ``（2021年5月7日…通过）`` before them. The library
stores them (:mod:`reader.extracts.store`) and fills in the document's own number and date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_NAME = r"(?P<person>[\u4e00-\u9fff·]{2,6}?)"
_NOTE = r"(?:（(?P<note>[^（）]{0,40})）)?"
_HEADING = re.compile(
    r"^(?:经研究，?)?(?:决定)?(?P<action>任命|免去|聘任|解聘|不再聘任|提名|接受)(?:以下同志)?[：:]$"
)
_APPOINT = re.compile(rf"^{_NAME}(?:同志)?{_NOTE}为(?P<post>[^，；。]+?)(?:（(?P<cond>试用期[^（）]*)）)?$")
_REMOVE = re.compile(rf"^{_NAME}(?:同志)?{_NOTE}的(?P<post>[^，；。]+?)职[务级](?:[，,].*)?$")
_SECONDED = re.compile(rf"^{_NAME}同志{_NOTE}挂任(?P<post>[^，；。（]+?)(?:（(?P<cond>挂任期[^（）]*)）)?$")
_CONFIRMED = re.compile(rf"^{_NAME}同志（(?P<note>[^（）]{{0,60}})）试用期满正式任用")
# 钦州's own form: 吴永辉同志任钦州市公安局督察长（试用期一年），免去其钦州市…职务
_HOLDS = re.compile(
    rf"^{_NAME}同志{_NOTE}任(?P<post>[^，；。（]+?)(?:（(?P<cond>[^（）]*)）)?(?:[，,]免去其(?P<old>[^，；。]+?)职[务级])?$"
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
    organ: str | None = None
    decided: str | None = None  # ISO date of the decision, when the text prints it
    number: str | None = None  # the decision's 文号, when the text prints one per decision


def _sex(note: str | None) -> str | None:
    return "女" if note and note.split("，")[0].strip() == "女" else None


_NOT_A_NAME = re.compile(
    r"决定|会议|根据|同意|其|的|免去|任命|辞去|提请|表决|审议|通过|以下|同志|^[并由经为免]|[院局委会府部厅办室处所]$"
)
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
    post = r.post[: -len("职务")] if r.post.endswith("职务") and "代理" in r.post else r.post
    return r if _POST_END.search(post) else None


# a post that names its own organ from the place on (市公安局局长), not one of the organ before
_PLACE_FIRST = re.compile(
    r"^(?!代理|副|常务|兼)(?:[\u4e00-\u9fff]{0,6}?(?:省|市|县|区|州|旗)|中国|全国|国务院|国家)"
)


def _posts(post: str) -> list[str]:
    """泉州市人民政府副市长、代理市长 → the two posts, the organ said once for both."""
    parts = [p for p in post.split("、") if p]
    if len(parts) < 2 or not all(_POST_END.search(re.sub("职务$", "", p)) for p in parts):
        return [post]
    m = _ORGAN.match(parts[0])
    organ = m.group(1) if m else ""

    def own(p: str) -> bool:  # 代理漳州市人民政府市长职务 names its organ too
        return bool(_PLACE_FIRST.match(p[2:] if p.startswith("代理") and p.endswith("职务") else p))

    return [parts[0]] + [p if own(p) else organ + p for p in parts[1:]]


def _split_posts(records: list[Record]) -> list[Record]:
    out = []
    for r in records:
        for post in _posts(r.post):
            action = r.action
            if post.endswith("职务") and "代理" in post:  # 任命A为X副市长、代理X市长职务
                action, post = "代理", post[: -len("职务")].replace("代理", "", 1)
            out.append(Record(r.person, action, post, r.sex, r.conditions, r.start, r.sentence))
    return out


def _parse(action: str, body: str, start: int, clause: str) -> Record | None:
    body = body.strip(" ，,")
    if action in ("免去", "解聘") or (action == "不再聘任" and "为" not in body):
        m = _REMOVE.match(body)
        if m:
            return Record(m["person"], action, m["post"].strip(), _sex(m["note"]), None, start, clause)
        return _bare_removal(action, body, start, clause)
        return None
    m = _APPOINT.match(body)
    if m:
        return Record(m["person"], action, m["post"].strip(), _sex(m["note"]), m["cond"], start, clause)
    return None


_BARE = re.compile(r"^(?P<all>[\u4e00-\u9fff·、]{4,60}?)(?:的)?职务$")
_TEXT: list[str] = [""]  # the text being read: a bare removal looks its place names up in it


def _bare_removal(action: str, body: str, start: int, clause: str) -> Record | None:
    """免去胡东绵阳市教育和体育局局长职务: no 的 between name and post. The name ends where a
    place the document names elsewhere (绵阳市) begins."""
    m = _BARE.match(body)
    if not m:
        return None
    whole = m["all"]
    for n in (2, 3, 4):
        rest = whole[n:]
        place = re.match(r"^[\u4e00-\u9fff]{2,5}?[省市县区州]", rest)
        if place and _TEXT[0].count(place.group(0)) >= 2:
            return Record(whole[:n], action, rest, None, None, start, clause)
    return None


_NEXT_PERSON = re.compile(r"[，,、](?=[\u4e00-\u9fff·]{2,6}?(?:同志)?(?:（[^（）]*）)?(?:为|的|任|兼任))")
_ONE_NAME = r"[\u4e00-\u9fff·]{2,4}(?:同志)?(?:[（(][^（）()]{1,6}[)）])?"
_NAMES = rf"(?P<names>{_ONE_NAME}(?:、{_ONE_NAME})+)"
_MANY = re.compile(rf"^{_NAMES}(?:同志)?(?:等[\d一二三四五六七八九十]+人)?为(?P<post>[^，；。]+)$")
_MANY_REMOVED = re.compile(rf"^{_NAMES}(?:同志)?的(?P<post>[^，；。]+?)职[务级]$")
_VERB = re.compile(
    r"(?:^|(?<=[，,：:、;；])|(?<=决定)|(?<=会议)|(?<=通过)|(?<=同意)|(?<=研究)|(?<=结果)|(?<=并)|(?<=经)|(?<=还))"
    r"(?P<action>不再聘任|任命|聘任|提名|免去|解聘)(?!书|名单|事项|人员|的|工作|程序|干部|权|制)"
)
_RESIGN = re.compile(r"接受(?P<body>[^。；;]+?辞去[^。；;]+?)(?:职务)?(?:的?请求|$|(?=[，,。]))")
_RESIGNED = re.compile(rf"^(?:{_NAMES}|{_NAME})(?:同志)?辞去(?P<post>[^，；。、]+?)(?:职务)?(?:的?请求)?$")
_ACTING = re.compile(
    rf"(?:^|(?<=[：:，,])|(?<=决定))(?:会议)?(?:决定)?{_NAME}(?:同志)?代理(?P<post>[^，；。、]+?)(?:职务)?$"
)
_ACTING_FOR = re.compile(
    rf"(?:^|(?<=[：:，,])|(?<=决定)|(?<=关于))(?:会议)?(?:决定)?{_NAME}(?:同志)?为(?P<organ>[^，；。、为]*?)代理(?P<post>[^，；。、]+?)(?:的决定)?(?:》|$)"
)
_ACTING_TOO = re.compile(r"^并?(?:决定)?为代理(?P<post>[^，；。、]+)$")
_CONTINUES = re.compile(
    rf"(?:^|(?<=[：:，,])|(?<=决议)){_NAMES}?(?(names)|{_NAME})继续任(?P<post>[^，；。]+)$"
)
_ENGAGED = re.compile(
    rf"(?:^|(?<=[：:，,])){_NAMES}(?:同志)?(?:等?[\d一二三四五六七八九十]+(?:人|位同志))?被(?P<verb>聘任|任命)为(?P<post>[^，；。]+)$"
)


def _names(raw: str) -> list[tuple[str, str | None]]:
    """A、B（女）、C同志 → the names, with 女 where noted."""
    out = []
    for part in raw.split("、"):
        sex = "女" if re.search(r"[（(]女[)）]", part) else None
        name = re.sub(r"[（(][^（）()]*[)）]", "", part)
        name = re.sub(r"同志$", "", name)
        if 2 <= len(name) <= 6 and not _NOT_A_NAME.search(name):
            out.append((name, sex))
    return out


def _piece(action: str, piece: str, start: int, clause: str, prev: Record | None) -> list[Record]:
    """One comma piece under a verb: A为X / A、B为X / A、B的X职务 / A兼任X / 并决定为代理X."""
    piece = piece.strip(" ，,")
    if prev is not None and (m := _ACTING_TOO.match(piece)):
        organ = organ_of(prev.post) or ""
        return [Record(prev.person, "代理", organ + m["post"], prev.sex, None, start, clause)]
    many = (_MANY_REMOVED if action in ("免去", "解聘") else _MANY).match(piece)
    if many:
        post = many["post"].strip()
        if not _POST_END.search(post):
            return []
        return [Record(n, action, post, sex, None, start, clause) for n, sex in _names(many["names"])]
    out = []
    for part in _NEXT_PERSON.split(piece):
        cond = None
        if re.match(rf"^{_NAME}(?:同志)?{_NOTE}兼任", part):
            part, cond = re.sub("兼任", "为", part, count=1), "兼"
        part = re.sub(rf"^{_NAME}(?:同志)?{_NOTE}任(?!命)", lambda m: m.group(0)[:-1] + "为", part, count=1)
        if (r := _one(action, part, start, clause)) is not None:
            r.conditions = r.conditions or cond
            out.append(r)
    return out


def _under_verb(action: str, rest: str, start: int, clause: str) -> list[Record]:
    """What one verb does: 任命A为X，B为Y / 任命A任X、B任Y / 任命A、B、C等3人为X."""
    out: list[Record] = []
    for piece in re.split(r"[，,]", rest.strip(" ，,、")):
        out.extend(_piece(action, piece, start, clause, out[-1] if out else None))
    return out


def _special(clause: str, start: int) -> list[Record] | None:
    """The families said without a leading verb of appointment: 接受…辞去, 代理, 继续任, 被聘任."""
    if not any(w in clause for w in ("辞去", "代理", "继续任", "被聘任", "被任命")):
        return None
    out: list[Record] = []
    for m in _RESIGN.finditer(clause):
        for part in re.split(r"(?<=职务)、|(?<=请求)、", m["body"]):
            part = re.sub(r"职务(?:的?请求)?$", "", part)
            if r := _RESIGNED.match(part):
                post = r["post"].strip()
                people = _names(r["names"]) if r["names"] else [(r["person"], None)]
                if _POST_END.search(post):  # 辞去…人大代表 is no post (代表资格)
                    out.extend(
                        Record(n, "接受辞职", post, sex, None, start, clause)
                        for n, sex in people
                        if not _NOT_A_NAME.search(n) and n != "他"
                    )
    for piece in re.split(r"[，,：:]", clause):
        if (
            (m := _ACTING.search(piece))
            and not _NOT_A_NAME.search(m["person"])
            and _POST_END.search(m["post"])
        ):
            out.append(Record(m["person"], "代理", m["post"].strip(), None, None, start, clause))
    for m in _ACTING_FOR.finditer(clause):
        if not _NOT_A_NAME.search(m["person"]):
            out.append(
                Record(m["person"], "代理", (m["organ"] + m["post"]).strip(), None, None, start, clause)
            )
    for piece in re.split(r"[，,：:]", clause):
        if m := _CONTINUES.search(piece):
            people = _names(m["names"]) if m["names"] else [(m["person"], None)]
            out.extend(Record(n, "继续任", m["post"].strip(), sex, None, start, clause) for n, sex in people)
        if m := _ENGAGED.search(piece):
            out.extend(
                Record(n, m["verb"], m["post"].strip(), sex, None, start, clause)
                for n, sex in _names(m["names"])
            )
    return out or None


# a record printed over two lines: 余业胜同志任钦州市滨海新城投资集团有限 | 公司董事；
_CUT_RECORD = re.compile(r"(同志[^；;。\n]*[^；;。，,：:）)\n])\n+(?=[^；;。\n同]*[；;。]?\n)")


_ANY_VERB = re.compile(r"任命|免去|聘任|解聘|提名|辞\s*去|代\s*理|继续任|挂任|正式任用|同志\s*任")


_CLAUSE_VERB = re.compile(_ANY_VERB.pattern + "|接受")


def read_personnel(text: str) -> list[Record]:
    """Every appointment and removal the text states, in order (one record per person, action
    and post in a document: a title repeating its body's decision is not a second one)."""
    out: list[Record] = []
    if not _ANY_VERB.search(text):  # most documents appoint no one: one scan says so
        return out
    context: str | None = None
    flat = re.sub(r"[ \u3000]+", "", text)  # the spaces of extracted text: 2019 年 1 月
    flat = _CUT_REMOVAL.sub(r"\1", flat)
    flat = _CUT_RECORD.sub(r"\1", flat)
    _TEXT[0] = flat
    carried: str | None = None  # the verb of a clause ended by ；: 免去A的X职务；B的Y职务
    for m in _CLAUSE.finditer(flat):
        clause, start = m.group(0).strip(), m.start()
        ended = flat[m.end() : m.end() + 1]
        verb_of_last, carried = carried, None
        if not clause or (context is None and verb_of_last is None and not _CLAUSE_VERB.search(clause)):
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
        special = _special(clause, start) or []
        verbs = list(_VERB.finditer(clause))
        if verbs:  # 任命A为X，B为Y；免去C的Z职务: each verb up to the next
            for i, v in enumerate(verbs):
                end = verbs[i + 1].start() if i + 1 < len(verbs) else len(clause)
                out.extend(_under_verb(v["action"], clause[v.end() : end], start, clause))
            out.extend(special)
            carried = verbs[-1]["action"] if ended in "；;" else None
            continue
        if special:
            out.extend(special)
            continue
        if context == "接受" and (r := _RESIGNED.match(clause.rstrip("；;。"))):
            people = _names(r["names"]) if r["names"] else [(r["person"], None)]
            out.extend(
                Record(n, "接受辞职", r["post"].strip(), sex, None, start, clause) for n, sex in people
            )
            continue
        if verb_of_last is not None and (found := _under_verb(verb_of_last, clause, start, clause)):
            out.extend(found)
            carried = verb_of_last if ended in "；;" else None
            continue
        if (
            context is not None
            and context != "接受"
            and (r := _one(context, clause, start, clause)) is not None
        ):
            out.append(r)
    seen: set[tuple[str, str, str]] = set()
    unique = []
    for r in _split_posts(out):
        k = (r.person, r.action, re.sub(r"\s+", "", r.post))
        if k not in seen:
            seen.add(k)
            unique.append(r)
    return unique


_TRAILER = re.compile(
    r"^[（(](?P<number>[^（）()]*?〔\d{4}〕\d+(?:号?[—\-－~至、]\d+)*号)?[^（）()\d]{0,8}?"
    r"(?P<date>(?:19|20)\d\d年\d{1,2}月\d{1,2}日)"
    r"[^（）()]{0,24}[)）]$"
)
_HEAD_DATE = re.compile(
    r"^(?P<date>(?:19|20)\d\d年\d{1,2}月\d{1,2}日)(?:[^，。]{0,30})?(?:决定|通过|研究)[：:，,]?$"
)


def _iso(cn: str) -> str | None:
    m = re.match(r"(\d{4})年(\d{1,2})月(\d{1,2})日", cn)
    return f"{int(m[1]):04d}-{int(m[2]):02d}-{int(m[3]):02d}" if m else None


def organ_of(post: str) -> str | None:
    """钦州市财政局局长 → 钦州市财政局; a post without an organ in it (副市长) → None."""
    m = _ORGAN.match(post)
    return m.group(1) if m and len(m.group(1)) >= 2 else None


def with_decisions(text: str, records: list[Record]) -> list[Record]:
    """Each record's decision date and 文号 from the trailers after (or the heading before) it."""
    if not records:
        return records
    flat = re.sub(r"[ \u3000]+", "", text)
    marks: list[tuple[int, str | None, str | None, bool]] = []  # (pos, number, date, trailer?)
    pos = 0
    for line in flat.split("\n"):
        t = line.strip()
        if (m := _TRAILER.match(t)) is not None:
            marks.append((pos, m["number"], _iso(m["date"]), True))
        elif (m := _HEAD_DATE.match(t)) is not None:
            marks.append((pos, None, _iso(m["date"]), False))
        pos += len(line) + 1
    for r in records:
        r.organ = organ_of(r.post)
        after = next((mk for mk in marks if mk[3] and mk[0] > r.start), None)
        before = next((mk for mk in reversed(marks) if not mk[3] and mk[0] <= r.start), None)
        chosen = after or before
        if chosen is not None:
            r.number, r.decided = chosen[1], chosen[2]
    return records
