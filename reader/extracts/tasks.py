"""Deadlines and tasks read from a document's text (no Qt): what is due by when, from whom.

A 公文 says a task as a time limit (:mod:`dates`) attached to an action, with the unit that must
act as the sentence's subject (``各县区于每月5日前报送…``), as ``由X牵头``, in the paragraph's
note (``（牵头单位：市财政局；配合单位：…）``) or in a task table's cells
(``序号 | 工作任务 | 牵头单位 | 完成时限``). The rules, in the order they apply:

- **which limits**: not an effective date (``自…起施行``), validity (``有效期至``), 公示期, a goal
  (``到2025年…``, ``截至今年9月底``), a past event (``已于``, ``…了``), a date in 《》 or a citation,
  a bare 年底 (when, not by when), a period qualifying its object (``推动一季度经济发展``) or
  followed by a wish (``一季度争取/推动…``), a quarter's quantities unless a deliverable is due
  (``一季度，…确保投资完成110亿元`` vs ``一季度出台…``), an indicator (``增长8%``), an open-ended
  aim (``…逐步扩大``), a sanction (``扣3分``);
- **the action**: the clause after the limit, past asides of manner (``以…为抓手``, ``进一步…``,
  ``由X组织``; a manner clause that leads to its own act gives that act), with what the subject
  does before the limit, the event it counts from (``企业提交…材料后``), the clause before when
  the limit says only ``完成``; limits joined by 和/、 share the action after the last; a phase
  heading's work is the sentence after it; a call for views asks for views on what it names;
- **the unit**: the longest unit name a clause begins with that is followed by 要/应/在/根据…,
  else ``由X牵头``, the paragraph's note, a lead-in (``…应当在以下期限内完成…：``), whom the
  paragraph's sentences before speak of, the 主送机关; several ``X要…`` after one limit are tasks
  of their own;
- **sentences sharing a limit**: one led by a limit gives it to its clauses after ``；`` (the
  paragraph's first, to the whole paragraph) when they begin with a verb or a unit of their own;
- **tables**: a header names the columns; merged 时限 cells carry down; a row that lost its blank
  cells is aligned; prose repeating a row of its own table is not a second task.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import date

from reader.extracts.dates import PERIOD, RECURRING, RELATIVE, Limit, find_limits, may_hold_limit
from reader.relations.keys import simplified

_SPACES = re.compile(r"[ \u3000\xa0]+")


@dataclass(slots=True)
class Task:
    due: str | None  # ISO date, None for a recurring limit or one counted from an event
    due_kind: str  # absolute | period | relative | recurring
    due_text: str  # the limit as printed (spaces removed)
    recurrence: str | None
    action: str
    responsible: str | None
    recipient: str | None
    start: int  # where the sentence begins in the text
    sentence: str
    table: bool = False

    @property
    def key(self) -> str:
        """Who the task is, whatever document holds it: its sentence, limit and action (a
        re-parse, a split or a re-import keeps it, so a done mark finds it again)."""
        raw = "\x1f".join((re.sub(r"\s+", "", self.sentence), self.due_text, self.action))
        return "t" + hashlib.sha1(raw.encode("utf-8")).hexdigest()[:11]


# what a unit's name ends with: 市财政局, 各县区人民政府（管委）, 市直各部门, 各银行业金融机构 …
_UNIT_END_WORDS = [
    "委员会",
    "管委会",
    "管委",
    "人民政府",
    "政府",
    "部门",
    "单位",
    "中心",
    "机构",
    "公司",
    "小组",
    "委",
    "局",
    "办",
    "组",
    "室",
    "院",
    "所",
    "队",
    "站",
    "厅",
    "处",
    "科",
    "部",
    "县（市、区）",
    "县(市、区)",
    "县区",
    "企业",
    "医院",
    "组织",
    "集团",
    "银行",
    "片区",
    "乡镇",
    "街道",
    "县",
    "区",
    "市级",
    "出资人",
    "申请人",
    "当事人",
    "种植户",
    "群众",
    "市民",
    "主体",
    "社会各界",
]
# longest first: at a place where 委员会 ends a name, 委 alone is not its end
_UNIT_END = "(?:" + "|".join(re.escape(w) for w in sorted(_UNIT_END_WORDS, key=len, reverse=True)) + ")"
_UNIT = re.compile(
    rf"^(?=[^，。；：:,]{{2}})(?P<u>[^，。；：:,]{{0,48}}?{_UNIT_END}(?:[（(][^（）()]{{1,12}}[）)])?)"
)
_MODAL = r"(?:要|应当|应|须|必须|务必|务|统一|可|在|于|将|请|负责|按照|按|分别|原则上|每|拟)"
_LED_BY = re.compile(
    rf"由(?P<u>[^，。；由]{{2,48}}?{_UNIT_END}(?:[（(][^（）()]{{1,16}}[）)])?)(?:牵头|负责|组织|会同|统一)"
)
_NOTE = re.compile(
    r"[（(](?P<label>牵头单位|责任单位|责任部门|牵头部门|主办单位|承办单位)[：:](?P<u>[^（）()]*(?:[（(][^（）()]*[）)][^（）()]*)*)[）)]"
)
_DUTY_NOTE = re.compile(
    r"[（(](?P<u>[^（）()]{2,80}?)(?:按职责分工(?:牵头)?负责|牵头[^（）()]{0,80}?配合)[）)]"
)
_RECIPIENT = re.compile(
    rf"(?:报送至|报送|报|送交|送达|送|提交|交|反馈至|反馈给|反馈|汇总至)(?P<r>[^，。；（(、]{{2,30}}?{_UNIT_END})"
    r"(?:备案|审核|审查|汇总|受理窗口)?(?=[，。；（(]|$)"
)
_NUMBERING = re.compile(
    r"^(?:[（(][一二三四五六七八九十\d]+[）)]|[一二三四五六七八九十]+、|\d+[.、．]|第[一二三四五六七八九十百]+条|\*+第[^*]+\*+)"
)
_SENTENCE = re.compile(r"[^。！？；;]+[。！？；;]?")

# not a task: what follows the limit (an effective date, a past event, a citation's date)
_AFTER_NOT = re.compile(
    r"^(?:起(?!至)|开始|以来|印发|发布|颁布|召开|通过|施行|生效|的|止的|期间(?:内)?禁|举办了)"
)
# a goal or a state: 到2025年, 至2021年底, 截至今年9月底, 力争到
_BEFORE_GOAL = re.compile(r"(?:(?<![起日])到|(?<![起日即])至|截至|截止到)(?:今年|本年|当年|去年|年)?$")
_CLAUSE_NOT = re.compile(r"有效期|施行|公示期|公告期限|期满|累计|标准时间|调查年度|以来|禁止|不得|严禁|生效")
_PAST = re.compile(r"已于|曾于|(?<!为)了[，。；,]|(?<!为)了$|开展了|召开了|进行了")
_INDICATOR = re.compile(
    r"增长(?!点)|同比|[%％]|≥|达到|突破|\d(?:\.\d+)?(?:亿|万)(?:元|亩|吨|标箱|人次|人|户)?|约\d"
)
_AMOUNT = re.compile(r"增长(?!点)|同比|[%％]|\d(?:\.\d+)?(?:亿|万)(?:元|亩|吨|标箱|人次|人|户)")
_TARGETS = re.compile(_AMOUNT.pattern + r"|\d+个以上|\d+家")  # a period's quantities
_PUNCT = " ，,、：:。；;（）()“”\"'【】》《|\t*"


def _flat(line: str) -> tuple[str, list[int] | None]:
    """``line`` without its spaces (extracted text: ``2019 年 6 月``) and where each kept
    character stood (None: nowhere else, the line had no spaces)."""
    if " " not in line and "\u3000" not in line and "\xa0" not in line:
        return line, None
    where = [i for i, c in enumerate(line) if c not in " \u3000\xa0"]
    return "".join([line[i] for i in where]), where


def _at(where: list[int] | None, i: int) -> int:
    """Where character ``i`` of a flattened line stood in the line."""
    if where is None:
        return i
    return where[min(i, len(where) - 1)] if where else 0


_UNIT_END_AT = re.compile(rf"(?=({_UNIT_END}(?:[（(][^（）()]{{1,12}}[）)])?))")
# what no unit's name holds: a verb of the action (及时将…报告市人民政府 is no subject)
_NOT_UNIT = re.compile(
    r"将|报告|报送|完成|开展|建立|推进|加强|实现|接到|按照|根据|通过|制定|组织|召开|成立|出台|关于|通知|为使|"
    r"确保|争取|力争|培育|完善|协同|推动|推行|加快|深化|落实|提升|实施|加大|强化|优化|创新|探索|健全|"
    r"^(?:及时|立即|并|对|重点)"
)
_AFTER_SUBJECT = re.compile(
    rf"^(?:{_MODAL}|根据|对|向|会同|组织|牵头|负责|及时|立即|原则上|全面|认真|结合|作为|要|统一|也|均|等|的|接到|收到)"
)


def _unit(text: str) -> str | None:
    """The unit a clause begins with, when it is the clause's subject: the longest name ending
    like a unit (局, 委, 部门, 各县区人民政府（管委）…) followed by 要/应/在/根据/的… or by nothing
    more (the limit follows)."""
    text = _NUMBERING.sub("", text.strip(_PUNCT)).strip(_PUNCT)
    text = re.sub(r"^(?:请|由|经)", "", text)
    best = None
    for m in _UNIT_END_AT.finditer(text, 0, min(len(text), 60)):
        end = m.start() + len(m.group(1))
        name, rest = text[:end], text[end:]
        if len(name) < 2 or _NOT_UNIT.search(name):
            continue
        if not rest or _AFTER_SUBJECT.match(rest):
            best = name
    return best


def _note(paragraph: str) -> str | None:
    notes = [m["u"].strip() for m in _NOTE.finditer(paragraph)]
    if notes:
        return "；".join(n for n in notes if n)
    m = _DUTY_NOTE.search(paragraph)
    return m["u"].strip() if m else None


def _is_note_only(paragraph: str) -> bool:
    return bool(_NOTE.fullmatch(paragraph.strip()) or _DUTY_NOTE.fullmatch(paragraph.strip()))


def _recipient(text: str) -> str | None:
    m = _RECIPIENT.search(text)
    return m["r"] if m else None


def _skip(lim: Limit, sentence: str, s: int) -> bool:
    """Is the limit at ``s`` in ``sentence`` none of anyone's task?"""
    before, after = sentence[:s], sentence[s + len(lim.text) :]
    if _AFTER_NOT.match(after) and lim.kind not in (RELATIVE, RECURRING):
        return True
    if lim.kind == RELATIVE and re.match(r"^(?:后|以后)?(?:可|可以|有效|实施|施行)", after):
        return True
    if _BEFORE_GOAL.search(before[-5:]) and not lim.text.startswith(("即日起", "自", "从", "在")):
        return True
    if lim.kind == PERIOD and re.search(r"(?:推动|实现|确保|抓好|做好|迎接|保持|当年|年度)$", before):
        return True  # 推动2019年第一季度全市经济发展“开门红”: the period qualifies the object
    if lim.kind == PERIOD and re.match(r"^(?:的|经济|工作|目标|任务|计划|开门红|“|”)", after):
        return True  # 推动一季度经济发展: the period names the work, it sets no limit
    if lim.kind == PERIOD and after.startswith("期间") and "起至" not in lim.text:
        return True  # 2019年2月1日至2月28日期间禁止…: a rule for a period, asked of no one
    if _PAST.search(sentence):
        return True
    if before.count("《") > before.count("》"):
        return True
    clause = (
        re.split(r"[，,]", before)[-1] + " " + re.split(r"[，,]", after)[0]
    )  # the limit's own words aside
    return bool(_CLAUSE_NOT.search(clause) or _PAST.search(clause))


_CALL = re.compile(r"(?:征集|征求意见|意见反馈|反馈意见)(?:时间|期限|日期)")
_SOLICITED = re.compile(
    r"征集(?P<what>[^，。；、,:：“”\n的]{2,30}?)(?:的|意见|建议|工作|活动|公告|通告|[，。,;；\n])"
)
_SALUTED = re.compile(
    r"^(?P<u>[^，。；\n]{0,16}(?:市民|群众|朋友|各界|公众)[^，。；\n]{0,10}?)[:：]$", re.M
)  # 广大市民朋友们：
_PUBLIC = re.compile(
    r"(?:请|欢迎)(?P<u>(?:广大|社会各界|各界)[^，。；,;]{0,20}?)(?:积极|踊跃|提出|参与|通过)"
)
_OWN_DUTY = re.compile(r"[，,](?P<u>[^，,；;。]{2,20}?)(?:要|应当|须)(?P<a>[^，,；;。]{4,})")
_LEVEL = re.compile(r"(?:市|县|区|省|镇|乡|市、县区|市县|县区|市、县|县、乡)(?:两级|三级|级)?")
_OPEN_ENDED = re.compile(
    r"(?:逐步扩大|逐步提高|不断完善|持续推进|稳步推进|逐步推开|有序推进)$"
)  # no end to reach
_DELIVERABLE = re.compile(
    r"^(?:基本|正式)?(?:出台|制定|制订|完成|建成|成立|开工|签订|印发|实施|召开|举办|上线|投产|恢复)"
)
_PENALTY = re.compile(r"^(?:扣|罚|处以|记)\d*")
_VAGUE = re.compile(r"^(?:争取|推动|加快推进|加快|力争|积极|重点对接|继续|持续|进一步|逐步)")
_DONE_VERB = re.compile(r"^(?:基本|全面)?(?:完成|建成|制定|出台|建立|实现|开展)")
_MAIN_VERB = re.compile(r"(?:基本)?(?:建成|完成|制定|制订|出台|建立|推行|印发|启用|上线)")
_MANNER_TOO = re.compile(r"^(?:进一步|不断|切实|持续|着力)")
_VERB_IN = re.compile(r"进行|开展|实施|给予|予以|作出|组织|督查|检查|评估|审核|审查|清理|整治|调查")
_MANNER = re.compile(r"^(?:以|按照|根据|围绕|依托|结合|对标|坚持|通过|立足|针对|遵循|由)")


def _action(sentence: str, lim_start: int, lim_end: int, next_start: int) -> str:
    """The action of a limit: the clause after it (up to the next limit's clause), else the
    clause before it (``…报送市政府，时间为6月底前``)."""
    tail = re.sub(r"^[（(][^（）()]*[）)]", "", sentence[lim_end:next_start])  # (分别在6月、9月和12月底)
    if next_start < len(sentence):  # another limit follows: its own subject is not this action
        cut = max(tail.rfind("，"), tail.rfind(","))
        if cut > 0:
            tail = tail[:cut]
    pieces = [p.strip(_PUNCT) for p in re.split(r"[，,；;]", tail)]
    pieces = [p for p in pieces if p] or [""]
    if pieces and _MANNER.match(pieces[0]) and (verb := _MAIN_VERB.search(pieces[0], 2)):
        pieces[0] = pieces[0][verb.start() :]  # 依托…平台建成我市网上政务服务平台: the act it leads to
    elif len(pieces) > 1 and _MANNER.match(pieces[0]):  # 以…为抓手，推行…: the act is what follows
        pieces = [p for p in pieces if not _MANNER.match(p)] or pieces
    while len(pieces) > 1 and _MANNER_TOO.match(pieces[0]):  # 进一步简化…，推行…改革: the named act
        pieces = pieces[1:]
    if len(pieces) > 1 and pieces[0].startswith("对") and not _VERB_IN.search(pieces[0]):
        pieces = [f"{pieces[0]}，{pieces[1]}", *pieces[2:]]  # 对…的计划外项目，按程序…列入: the act follows
    action = ""
    if sentence[lim_start : lim_start + 2] in ("截止", "截至"):  # 网上申报截止时间为…: read back
        pieces = []
    for p in pieces:
        action = f"{action}，{p}" if action else p
        if len(action) >= 4:
            break
    action = action.strip(_PUNCT)
    if len(action) < 3:
        clauses = [c for c in re.split(r"[，,；;]", sentence[:lim_start])]
        head = clauses[-1]
        if not head.strip(_PUNCT) and len(clauses) >= 2 and action:  # …按年度更新，每年度3月15日前完成
            return f"{_NUMBERING.sub('', clauses[-2]).strip(_PUNCT)}，{action}"
        action = _NUMBERING.sub("", head.strip(" ，,、：:。；;")).strip(_PUNCT)
        action = re.sub(r"(?:要|应当|应|须|务必|请|在|于|并于|拟于|分别于)$", "", action).strip(_PUNCT)
        action = re.sub(r"(?:截止|截至)(?:时间|日期)?(?:为|是)?$", "", action).strip(_PUNCT)
    return re.sub(r"^(?:前|以前|之前|内|止)", "", action).strip(_PUNCT)


def _subject_before(sentence: str, s: int) -> str | None:
    """The unit that must act: the subject of the limit's clause, else of its sentence."""
    return _subject_at(sentence, s)[0]


def _subject_at(sentence: str, s: int) -> tuple[str | None, int]:
    """The subject before ``s`` and where it ends in ``sentence`` (-1 when there is none)."""
    head = sentence[:s]
    pos = len(head)
    for c in reversed(re.split(r"[，,]", head)):
        pos -= len(c)
        bare = c
        for lim in find_limits(
            c, date(2000, 1, 1)
        ):  # 3月底前各县(市、区)要…: the limit is no part of the name
            bare = bare.replace(lim.text, "")
        if u := _unit(bare):
            at = head.find(u, pos)
            return u, (at + len(u)) if at >= 0 else pos + len(c)
        pos -= 1
    return None, -1


_LEAD_WORDS = re.compile(rf"^(?:{_MODAL}|并|并于|分别于|统一)+|(?:{_MODAL}|并|并于|分别于|统一)+$")


_HEADER_HINT = re.compile(r"时|阶段|期限|进度")
_HEADER_TIME = re.compile(r"时限|时间|完成时间|时间安排|进度|阶段|期限")
_HEADER_UNIT = re.compile(r"责任|牵头|承办|主办|单位|部门|科室")
_HEADER_TASK = re.compile(r"任务|内容|措施|事项|工作|目标")
_CONTINUING = re.compile(r"^(?:持续推进|长期坚持|长期|持续|常态化|按计划推进|逐年推进)$")


def _cells(line: str) -> list[str] | None:
    if line.count("\t") >= 2:
        return [c.strip() for c in line.split("\t")]
    if line.count(" | ") >= 2:
        return [c.strip() for c in line.strip().strip("|").split(" | ")]
    return None


@dataclass
class _Table:
    time: int | None = None
    unit: int | None = None
    task: int | None = None
    width: int = 0  # cells of the header: a row that lost its leading empty cells is aligned
    last_time: str | None = None  # a merged cell: the rows under it share its limit


def _row_tasks(cells: list[str], table: _Table, base: date | None, start: int, raw: str) -> list[Task]:
    flat = [c.replace(" ", "").replace("\u3000", "") for c in cells]
    # the header: which column says what
    if any(
        _HEADER_TIME.fullmatch(c) or c in ("完成时限", "时间安排", "完成时间", "时限要求", "实施阶段")
        for c in flat
    ):
        table.time = next((i for i, c in enumerate(flat) if _HEADER_TIME.search(c) and len(c) <= 6), None)
        table.unit = next((i for i, c in enumerate(flat) if _HEADER_UNIT.search(c) and len(c) <= 8), None)
        table.task = next(
            (i for i, c in enumerate(flat) if _HEADER_TASK.search(c) and len(c) <= 8 and i != table.time),
            None,
        )
        table.last_time = None
        table.width = len(flat)
        return []
    if table.width and len(flat) < table.width:  # extraction dropped the row's blank ends:
        pad = [""] * (table.width - len(flat))  # a row led by its 序号 lost the trailing ones
        flat = flat + pad if re.fullmatch(r"\d{1,3}", flat[0]) else pad + flat
    time_cell = flat[table.time] if table.time is not None and table.time < len(flat) else ""
    limits = find_limits(time_cell, base) if time_cell else []
    if not time_cell and table.time is not None and table.last_time:
        time_cell = table.last_time
        limits = find_limits(time_cell, base)
    if time_cell and _CONTINUING.match(time_cell):
        table.last_time = None
        return []
    if not limits:  # no time column known: a cell that is only a limit
        for c in flat:
            lims = find_limits(c, base)
            if lims and sum(len(x.text) for x in lims) >= 0.5 * len(c):
                time_cell, limits = c, lims
                break
    if not limits:
        return []
    table.last_time = time_cell
    others = [
        c
        for i, c in enumerate(flat)
        if c and c != time_cell and i != table.unit and not re.fullmatch(r"\d+", c)
    ]
    action = max(others, key=len) if others else ""  # the content, not the task's short name
    if table.unit is not None and table.unit < len(flat) and flat[table.unit]:
        unit = flat[table.unit]
    else:
        unit = next((c for c in others if c != action and _UNIT.match(c) and len(c) < 60), None)
    out = []
    own = find_limits(action, base)
    if own and own[0].start == 0 and own[0].kind == RECURRING:  # 每年更新改造完成后…: the row's own rhythm
        limits = own[:1]
    for lim in limits:
        out.append(
            Task(
                lim.due.isoformat() if lim.due else None,
                lim.kind,
                lim.text,
                lim.recurrence,
                action.strip(_PUNCT),
                unit,
                _recipient(action),
                start,
                raw.strip(),
                table=True,
            )
        )
    return out


def _line_item(flat: str, base: date | None, start: int, raw: str, lead: str | None = None) -> list[Task]:
    """A list item or a short line that ends with its limit: ``1、调查单位基本情况 101-1表 2月28号以前``."""
    limits = find_limits(flat, base)
    if not limits:
        return []
    lim = limits[-1]
    if flat[lim.end :].strip(_PUNCT) and not re.fullmatch(r"[（(][^（）()]*[)）]", flat[lim.end :]):
        return []
    if lim.kind == PERIOD and not re.search(r"阶段|[（(]", flat):
        return []
    action = _NUMBERING.sub("", flat[: lim.start].strip(_PUNCT)).strip(_PUNCT)
    if len(action) < 2 or action.endswith(("至", "到", "截至")):
        return []
    return [
        Task(
            lim.due.isoformat() if lim.due else None,
            lim.kind,
            lim.text,
            lim.recurrence,
            action,
            lead,
            None,
            start,
            raw.strip(),
        )
    ]


def _sentence_tasks(
    para: str,
    flat: str,
    where: list[int] | None,
    offset: int,
    base: date | None,
    note: str | None,
    heading: str | None = None,
    public: str | None = None,
    solicited: str | None = None,
    fallback: str | None = None,
) -> list[Task]:
    out: list[Task] = []
    for m in [*_NOTE.finditer(flat), *_DUTY_NOTE.finditer(flat)]:  # the note names units, asks nothing
        flat = flat[: m.start()] + " " * (m.end() - m.start()) + flat[m.end() :]
    sentences = [(m.start(), m.group(0)) for m in _SENTENCE.finditer(flat) if m.group(0).strip(_PUNCT)]
    leading: Limit | None = None  # 2022年底前，制定…；完成…: the paragraph's limit for each clause
    paragraph_wide = False  # set by the paragraph's first sentence: for all of it
    last_subject: str | None = None  # who the paragraph's sentences speak of, for one that names nobody
    said: str | None = None
    for k, (s0, sentence) in enumerate(sentences):
        last_subject = said or last_subject
        said = _unit(re.split(r"[，,]", sentence)[0])
        limits = find_limits(sentence, base)
        kept = [lim for lim in limits if not _skip(lim, sentence, lim.start)]
        kept = _without_asides(kept, sentence)
        numbered = _NUMBERING.match(sentence)
        after_semicolon = k > 0 and sentences[k - 1][1].rstrip().endswith(("；", ";"))
        if k > 0 and not after_semicolon and leading is not None and not paragraph_wide:
            leading = None  # a sentence's own limit reaches its clauses after ；, no further
        if kept and kept[0].start <= (len(numbered.group(0)) if numbered else 0) + 1:  # a sentence led by one
            paragraph_wide = k == 0
            leading = kept[0] if kept[0].kind not in (RELATIVE, RECURRING) else None
        if k > 0 and not limits and leading is not None:
            whole = _NUMBERING.sub("", sentence.strip(_PUNCT)).strip(_PUNCT)
            parts = [p.strip(_PUNCT) for p in re.split(r"[，,]", whole)]
            acts = [p for p in parts if _DONE_VERB.match(p)]  # 完成…，基本完成…: one task each
            if not acts and not (_DELIVERABLE.match(whole) or _unit(parts[0])):
                continue  # 社区医疗服务点全面开通…: a detail of the task before, not a task of its own
            for action in acts if len(acts) > 1 else [whole]:
                if len(action) < 4 or (_AMOUNT.search(action) and not _DONE_VERB.match(action)):
                    continue
                out.append(
                    Task(
                        leading.due.isoformat() if leading.due else None,
                        leading.kind,
                        leading.text,
                        leading.recurrence,
                        action,
                        note or fallback,
                        _recipient(sentence),
                        offset + _at(where, s0),
                        _SPACES.sub(" ", sentence.strip()),
                    )
                )
            continue
        for i, lim in enumerate(kept):
            nxt = kept[i + 1].start if i + 1 < len(kept) else len(sentence)
            run_end = i
            while run_end + 1 < len(kept) and _joined(sentence, kept[run_end], kept[run_end + 1]):
                run_end += 1
            if run_end > i:  # 6月底和7月底报送 / 报告书14个工作日内、报告表7个工作日内…完成审批
                last = kept[run_end]
                after_run = _action(
                    sentence,
                    last.start,
                    last.end,
                    kept[run_end + 1].start if run_end + 1 < len(kept) else len(sentence),
                )
                obj = _object_before(sentence, lim.start, kept[i - 1].end if i > 0 else 0)
                action = f"{obj}{after_run}" if obj else after_run
            elif i > 0 and _joined(sentence, kept[i - 1], lim):
                obj = _object_before(sentence, lim.start, kept[i - 1].end)
                action = _action(sentence, lim.start, lim.end, nxt)
                action = f"{obj}{action}" if obj and not action.startswith(obj) else action
            else:
                action = _action(sentence, lim.start, lim.end, nxt)
            calling = "征集" in sentence and lim.kind == PERIOD
            if (
                calling
                or _CALL.search(sentence[: lim.start])
                or (len(action) < 3 and _CALL.search(heading or ""))
            ):
                # 征集时间：即日起至11月27日 asks the public for its views, on what the notice names
                action = f"提出{solicited or ''}意见建议"
                note = public or note
            phase = re.search(r"阶段$", action) and not sentence[lim.end :].strip(_PUNCT)
            if (len(action) < 3 or phase) and k + 1 < len(sentences):  # a phase heading: its work follows
                action = sentences[k + 1][1].strip(_PUNCT)
            if lim.kind == PERIOD and _VAGUE.match(sentence[lim.end :].lstrip(_PUNCT)):
                continue  # 一季度推动…、一季度争取…: a period and a wish, nothing to be done by then
            if (
                lim.kind == PERIOD and _TARGETS.search(sentence) and not _DELIVERABLE.match(action)
            ) or "计划为" in action:
                continue  # 一季度，全面启动…，确保投资完成110亿元: a quarter's targets, not a deliverable
            if lim.text.startswith("阶段") or _PENALTY.match(action) or _OPEN_ENDED.search(action):
                continue  # a phase's year in prose (its table says the work); 扣3分 is a sanction
            if len(action) < 3:
                continue
            first = re.split(r"[，,]", action)[0]
            if (lim.kind not in (RECURRING, RELATIVE) and _INDICATOR.search(first)) or _AMOUNT.search(first):
                continue  # 一季度…增长14%, 每年培养1.7万人: an indicator, not a task
            if re.search(r"(?:并|并且|分别)$", sentence[: lim.start].rstrip("于在将")):
                prev = re.split(r"[，,]", sentence[: lim.start])  # …制定实施细则，并于…前报送: one task
                if len(prev) >= 2 and len(prev[-2]) >= 4 and prev[-2].strip(_PUNCT) not in action:
                    action = f"{_NUMBERING.sub('', prev[-2]).strip(_PUNCT)}，{action}"
            led = _LED_BY.search(sentence)
            unit, subject_end = _subject_at(sentence, lim.start)
            if unit is not None:  # what the subject does before the limit belongs to the action
                between = _LEAD_WORDS.sub("", sentence[subject_end : lim.start].strip(_PUNCT)).strip(_PUNCT)
                between = re.sub(r"(?:在|于|要|应|须|并|请|务必)$", "", between).strip(_PUNCT)
                if 2 <= len(between) <= 80 and not any(
                    x.start < lim.start and x.end > subject_end for x in limits if x is not lim
                ):
                    action = f"{between}，{action}" if not action.startswith(between) else action
            trigger = next(
                (
                    c
                    for c in reversed(
                        [re.sub(r"[于在]$", "", x) for x in re.split(r"[，,]", sentence[: lim.start])]
                    )
                    if c.endswith("后") and len(c) >= 6
                ),
                None,
            )
            if trigger and trigger not in action and not find_limits(trigger, base):  # 企业提交…材料后，
                action = f"{_NUMBERING.sub('', trigger).strip(_PUNCT)}，{action}"
            unit = unit or (led["u"] if led else None)
            if unit is None:
                m = _UNIT.match(action)
                if m and re.match(r"^(?:各|市|县|区|全市|自贸区)", m["u"]):
                    unit = m["u"]
            if note and unit and _LEVEL.fullmatch(unit):
                unit = note  # 市、县区两级…（牵头单位：市行政审批局…）: the note names who leads
            unit = unit or note or last_subject or fallback  # the 主送机关 act when nobody else is named
            pos = _at(where, s0)
            tail = sentence[lim.end : nxt]
            # 2020年前，…，出资人要按规定派出董事，企业要全面建立…: each unit its own task
            duties = [(m["u"], m["a"]) for m in _OWN_DUTY.finditer(tail) if _unit(m["u"]) == m["u"]]
            for who, what in duties or [(unit, action)]:
                out.append(
                    Task(
                        lim.due.isoformat() if lim.due else None,
                        lim.kind,
                        lim.text,
                        lim.recurrence,
                        what.strip(_PUNCT),
                        who,
                        _recipient(sentence[lim.end :]),
                        offset + pos,
                        _SPACES.sub(" ", sentence.strip()) if sentence else para.strip(),
                    )
                )
    return out


def _joined(sentence: str, a: Limit, b: Limit) -> bool:
    """Do limits ``a`` and ``b`` share one action (``6月底和7月底报送``, ``报告书14个工作日内、
    报告表7个工作日内、登记表3个工作日内完成审批``)?"""
    between = sentence[a.end : b.start]
    return (
        len(between) <= 12
        and not re.search(r"[，,；;。]", between)
        and bool(re.fullmatch(r"(?:和|及|、|或)(?:[\u4e00-\u9fff]{0,10})", between))
    )


def _object_before(sentence: str, start: int, floor: int) -> str:
    """What a limit in a run is about: the words just before it (环评报告书)."""
    head = sentence[floor:start]
    head = re.split(r"[，,、和及或]", head)[-1]
    return _NUMBERING.sub("", head).strip(_PUNCT)


def _without_asides(limits: list[Limit], sentence: str) -> list[Limit]:
    """每季度末(分别在6月、9月和12月底): the limits in the parenthesis explain the one before."""
    out: list[Limit] = []
    for lim in limits:
        if out and sentence[out[-1].end : out[-1].end + 1] in "（(":
            close = re.search(r"[）)]", sentence[out[-1].end :])
            if close and lim.start < out[-1].end + close.end():
                continue
        out.append(lim)
    return out


def _agree(a: str, b: str) -> bool:
    pa = {a[i : i + 2] for i in range(len(a) - 1)}
    pb = {b[i : i + 2] for i in range(len(b) - 1)}
    return bool(pa and pb) and len(pa & pb) >= 0.5 * min(len(pa), len(pb))


def _only_limit(flat: str, base: date | None) -> bool:
    lims = find_limits(flat, base or date(2000, 1, 1))
    return bool(lims) and sum(len(x.text) for x in lims) >= 0.7 * len(flat.strip(_PUNCT))


def _cells_above(lines: list[str], n: int) -> list[str]:
    """The cells printed on the lines above a limit-only line, back to the row's number."""
    out: list[str] = []
    for line in reversed(lines[max(0, n - 4) : n]):
        flat = _flat(line)[0]
        if not flat or re.search(r"[，。；,;：:]", flat) or _only_limit(flat, None):
            break
        out.insert(0, flat + " ")
        if _NUMBERING.match(flat):
            break
    return out if out and _NUMBERING.match(out[0]) else []


def read_tasks(text: str, base: date | None = None, recipients: str | None = None) -> list[Task]:
    """Every task with a time limit the text states, in order. ``base``: the document's date
    (a limit's missing year, a relative limit's start); ``recipients``: its 主送机关, who must
    act when a sentence names nobody."""
    out: list[Task] = []
    lines = text.split("\n")
    offsets, pos = [], 0
    for line in lines:
        offsets.append(pos)
        pos += len(line) + 1
    if recipients is not None:
        recipients = _flat(recipients)[0].strip(_PUNCT)
        if "。" in recipients or len(recipients) > 150:
            recipients = None
        elif _unit(recipients) is None:  # 关于印发…的通知各乡镇、办事处…: the list at its end
            tail = next(
                (
                    recipients[i:]
                    for i in range(len(recipients))
                    if recipients[i] in "各市县区省全" and _unit(recipients[i:]) == recipients[i:]
                ),
                None,
            )
            recipients = tail  # what the parser took for recipients is no list of units
    if recipients is None:  # the 主送机关 line of a page the parser read no recipients from
        for line in lines[:8]:
            flat = _flat(line)[0]
            if flat.endswith(("：", ":")) and not re.search(r"[，。；,;]", flat) and _unit(flat) == flat[:-1]:
                recipients = flat[:-1]
                break
    # who a call for views (征集时间…) asks: 请广大市民、人大代表和政协委员积极提出…
    # 关于征集2022年嘉兴市政府民生实事项目的公告: what a call for views is about
    solicited = next(
        (
            m["what"]
            for m in _SOLICITED.finditer(text)
            if not m["what"].startswith(("时间", "方式", "范围", "内容", "渠道", "途径", "工作"))
        ),
        None,
    )
    asked = _PUBLIC.search(text) or _SALUTED.search("\n".join(lines[:8]))
    public = asked["u"] if asked else None
    table: _Table | None = None
    lead: str | None = None  # the unit of a lead-in (市财政部门应当在以下期限内完成…：)
    for n, line in enumerate(lines):
        if not line.strip():
            continue
        cells = _cells(line)
        if cells is not None:
            table = table or _Table()
            if not may_hold_limit(line) and table.last_time is None and not _HEADER_HINT.search(line):
                continue  # a row with no limit, under no merged limit cell, in a known table
            out.extend(_row_tasks(cells, table, base, offsets[n], line))
            continue
        table = None
        if not may_hold_limit(line):  # no limit can be in it (most lines): only a lead-in matters
            if line.rstrip().endswith(("：", ":")):
                bare = _flat(line)[0]
                lead = _subject_before(bare, len(bare))
            elif not _NUMBERING.match(line.strip()):
                lead = None
            continue
        flat, where = _flat(simplified(line))  # 各牽頭單位 read as 各牵头单位
        if not re.search(r"[，。；,;]", flat):  # a heading, a title or a list item
            if len(flat) > 60:
                continue
            if _only_limit(flat, base) and (cells_above := _cells_above(lines, n)):
                # a table printed one cell per line: 1、调查单位基本情况 | 101-1表 | 2月28号以前
                flat = "".join(cells_above) + " " + flat
            out.extend(_line_item(flat, base, offsets[n], line, lead or recipients))
            continue
        note = _note(flat)
        if note is None:  # the note printed as a paragraph of its own after the text
            for nxt in lines[n + 1 : n + 3]:
                if nxt.strip():
                    if _is_note_only(_flat(nxt)[0]):
                        note = _note(_flat(nxt)[0])
                    break
        if _is_note_only(flat):
            continue
        prev = next((x for x in reversed(lines[max(0, n - 2) : n]) if x.strip()), None)
        found = _sentence_tasks(
            line, flat, where, offsets[n], base, note or lead, prev, public, solicited, recipients
        )
        out.extend(found)
        if flat.rstrip().endswith(("：", ":")):
            lead = _subject_before(flat, len(flat))
        elif not _NUMBERING.match(flat):
            lead = None
    # prose that repeats a row of the document's own task table: the row is the task
    rows = [t for t in out if t.table]
    if rows:
        out = [
            t for t in out if t.table or not any(r.due == t.due and _agree(r.action, t.action) for r in rows)
        ]
    return out
