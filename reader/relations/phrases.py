"""What a 公文 says about other documents and about itself, read from its sentences (no Qt).

A gazette says plainly what replaces what: ``《…》（…）同时废止``, ``对《…》作如下修改``,
``根据《…》``, ``现将《…》印发给你们``, ``本办法自2019年3月1日起施行，有效期5年``. Each
sentence is read on its own (split at 。；！？ and line ends); a statement needs its verb in a
form that does the thing now, about a cited document or about this one:

* not forbidden, planned or asked for (不得擅自废止, 拟废止, 建议修改, 研究修改);
* 有效期 and 施行 are this document's only when the sentence is about it (本办法…, or nothing
  else is named before the verb): 许可证有效期为3年 is a licence's, 《X》自…起施行 is X's.

What is not a statement is still a citation (``cite``): every 《title》 and bracketed 发文字号.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from reader.gazette.dates import parse_date
from reader.gazette.numbers import find_numbers, number_key
from reader.relations.keys import TRADITIONAL_HINT, char_table

# kinds of relation to another document
BASIS, ISSUES, REPEAL, AMEND, CITE = "basis", "issues", "repeal", "amend", "cite"
# the key of a name cited several times with a different date before each (a 题注's 1999, 2007
# and 2013 《国务院关于修改〈…〉的决定》): several documents of one name, which is which unsaid
DATED = "@"
# a 令 or 公告 promulgating what it names (《X》已经…通过，现予公布): X is this text, not another
PROMULGATES = "promulgates"

_SENTENCE = re.compile(r"[^。；;！？!?\n]+[。；;！？!?]?")
_TITLE = re.compile(r"《([^《》\n]{2,120})》")
# （国发〔2013〕44号） — and （国发〔2013〕44号，以下简称《决定》）
_NUMBER_AFTER = re.compile(r"\s*[（(]\s*([^（()）\n]{4,40}?[号號])\s*(?:[，,、；;][^（()）\n]{0,24})?[)）]")
# a negation, a plan or a request right before the verb: the thing is not done by this sentence
_NOT_DONE = re.compile(
    r"(?:不得|不能|不予|不再|禁止|严禁|擅自|拟|将于?|即将|建议|申请|提请|请求|要求|研究|适时|是否|可以|可|应当?|需要?|"
    r"计划|准备|逐步|及时|抓紧|尽快|做好|开展|负责|组织|对已|已经|已|被)\s*(?:予以|进行|作出?)?\s*$"
)
_REPEAL_AFTER = re.compile(
    r"^\s*(?:等[^，。；]{0,12}?)?(?:同时|一并|相应|即行|予以|自行|随之)?\s*(?:自[^，。；]{1,24}?起)?\s*(?:同时|一并|即行|予以)?\s*"
    r"(?:废止|停止执行|不再执行|失效)"
)
_REPEAL_VERB = re.compile(r"(?:废止|停止执行|不再执行|同时失效|自行失效|即行失效|宣布失效)")
_REPEAL_BEFORE = re.compile(r"(?:决定|现|现予|予以|宣布|决定予以|决定废止)?\s*废止(?:以下|下列|如下)?")
# a repeal of what the text does not name: 原规定同时废止 / …等489件国务院文件宣布失效
_UNNAMED_REPEAL = re.compile(
    r"(?P<what>(?:原|上述|以上|前述|此前|下列)[^，。；,;]{0,20}?(?:规定|文件|办法|通知|意见|规章|决定|细则|方案)|"
    r"\d+件[^，。；,;]{0,16}?(?:规定|文件|办法|规章|决定)|(?:规章|文件|规定)\d+件)"
    r"(?:[^，。；,;]{0,6}?)(?:同时|一并|予以|即行)?\s*(?P<verb>废止|停止执行|宣布失效|宣布废止)"
)
_AMEND = re.compile(
    r"(?:(?:作出?|做出?|进行)(?:如下|以下|部分)?(?:修改|修订)|修改为|修订为|予以修改|修改如下)(?!完善|补充)"
)
_AMEND_TITLE = re.compile(r"关于(?:修改|修订)《")
_PROMULGATED_AFTER = re.compile(
    r"^\s*(?:[（(][^（）()]*[)）])?\s*(?:已经|已由|已於|已于|已經|经|經)[^。；;]{0,80}?(?:通过|批准|通過)[^。；;]{0,12}?"
    r"(?:[现現]予以?|[现現])(?:公布|发布|公佈|發布|頒佈)"
)
_BASIS = re.compile(r"(?:根据|依据|按照|依照|遵照|贯彻落实|贯彻)\s*$")
_ISSUES = re.compile(r"(?:现将|特将|将)\s*$")
_ISSUED_AFTER = re.compile(r"^\s*(?:[（(][^（）()]{0,40}[)）])?\s*(?:予以)?(?:印发|转发|发布|印送)")
_EFFECTIVE = re.compile(
    r"自\s*(?P<date>\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|[〇○零一二三四五六七八九]{4}年[一二三四五六七八九十]{1,3}月"
    r"[一二三四五六七八九十]{1,3}日|(?:本[^\s，。；,;]{1,8}?)?(?P<on>印发|发布|公布|下发|颁布|签发|公告|發布|公佈|頒佈)之日)\s*起"
    r"(?:\s*(?:\d{1,3}|[一二三四五六七八九十]{1,3})\s*日后)?(?:正式)?\s*(?:施行|实施|执行|生效|施行|實施|生效)"
)
# 凡宣布失效的文件，自本决定印发之日起一律停止执行: the decision acts from its own 印发
_FROM_OWN_DAY = re.compile(
    r"自本[^\s，。；,;]{1,8}?(?P<on>印发|发布|公布|公告)之日起\s*(?:一律|同时)?\s*(?:停止执行|不再执行|失效|废止|施行|生效)"
)
# a 题注's 1987年7月29日公布施行
_HEADNOTE_DATE = re.compile(
    r"(?P<date>\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)[^，。；,;()（）]{0,24}?公布施行"
)
_EXPIRES_YEARS = re.compile(r"有效期(?:为|暂定为?|)\s*(?P<n>\d{1,2}|[一二三四五六七八九十]{1,2})\s*年")
_EXPIRES_UNTIL = re.compile(
    r"有效期(?:至|到|截至|截止到?)\s*(?P<date>\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|[〇○零一二三四五六七八九]{4}年"
    r"[一二三四五六七八九十]{1,3}月[一二三四五六七八九十]{1,3}日)"
)
# what a document calls itself: 本办法, 本通知, 本实施意见…
_SELF = re.compile(
    r"本(?:[^\s，。；,;本]{0,8}?)(?:办法|规定|规程|预案|通知|意见|方案|细则|决定|制度|规则|文件|措施|政策|规划|"
    r"标准|条例|公告|通告|导则|指引|纲要|计划|目录|清单|规范|守则|要点|章程|准则|须知|批复|令|办法规定)"
)
# the key of a name cited several times with a different date before each (a 题注's 1999, 2007
# and 2013 《国务院关于修改〈…〉的决定》): several documents of one name, which is which unsaid
DATED = "@"
# a 令 or 公告 promulgating what it names: 《X》已经…通过，现予公布，自…起施行 — X is this text
_PROMULGATES = re.compile(r"(?:[现現]予以?|[现現])(?:公布|发布|公告|印发|公佈|發布|頒佈)|现(?:发布|公布)《")
# a 题注 under the title: （2000年12月2日…会议通过，自2001年1月1日起施行）
_HEADNOTE = re.compile(r"^\s*[（(][^（）()]*?(?:通过|批准|公布|发布|修正|修订)")
# the 有效期 of something the document regulates, not its own
_OTHER_VALIDITY = re.compile(
    r"(?:证|证书|许可|执照|资格|资质|合同|协议|批准文件|批复文件|备案|卡|牌照|凭证|签证|票|认定|登记)[^，。；]{0,6}有效期"
)
_CN_DIGIT = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


@dataclass(slots=True)
class Cited:
    """A document named in the text: 《title》 and/or its 发文字号, and where it stands."""

    title: str | None
    number: str | None
    number_key: str | None
    start: int
    end: int


@dataclass(slots=True)
class Relation:
    """This document's statement about another: what it does to it, with the sentence."""

    kind: str
    target: Cited
    evidence: str


@dataclass(slots=True)
class OwnClauses:
    """What the document says about itself: when it takes effect, how long it is valid."""

    effective: str | None = None  # ISO date of 施行
    effective_on: str | None = None  # 印发 / 发布 …: counted from the document's own date
    years: int | None = None
    until: str | None = None  # ISO date: valid through this day
    evidence: list[str] = field(default_factory=list)

    @property
    def said(self) -> bool:
        return bool(self.effective or self.effective_on or self.years or self.until)


@dataclass(slots=True)
class Statements:
    relations: list[Relation] = field(default_factory=list)
    own: OwnClauses = field(default_factory=OwnClauses)


def _cn_small(text: str) -> int | None:
    if text.isdigit():
        return int(text)
    if text == "十":
        return 10
    if text.startswith("十"):
        return 10 + _CN_DIGIT.get(text[1:], 0)
    if text.endswith("十"):
        return _CN_DIGIT.get(text[0], 0) * 10
    return _CN_DIGIT.get(text)


def _cited_in(sentence: str, base: int) -> list[Cited]:
    """The documents a sentence names, in order: 《title》（number）, 《title》, a bare number."""
    out: list[Cited] = []
    covered: list[tuple[int, int]] = []
    for m in _TITLE.finditer(sentence):
        end = m.end()
        number = key = None
        after = _NUMBER_AFTER.match(sentence, end)
        if after:
            k = number_key(after.group(1))
            if k is not None:
                number, key, end = re.sub(r"\s+", "", after.group(1)), k, after.end()
        out.append(Cited(m.group(1).strip(), number, key, base + m.start(), base + end))
        covered.append((m.start(), end))
    for start, end, num in find_numbers(sentence) if "号" in sentence else ():
        if any(a <= start < b for a, b in covered):
            continue
        out.append(Cited(None, num.display, num.key, base + start, base + end))
    out.sort(key=lambda c: c.start)
    return out


def _done_before(sentence: str, at: int) -> bool:
    """Is the verb at ``at`` done by this sentence (not negated, planned or asked for)?"""
    return not _NOT_DONE.search(sentence[max(0, at - 8) : at])


def _kind_of(sentence: str, run: list[Cited], base: int) -> str:
    """What the sentence does to a run of documents it names (《A》、《B》同时废止)."""
    lo, hi = run[0].start - base, run[-1].end - base
    before, after = sentence[:lo], sentence[hi:]
    # 《X》（…）同时废止 / 《X》、《Y》停止执行 / 《X》自本通知印发之日起废止
    if _REPEAL_AFTER.match(after):
        return REPEAL
    # 决定废止《X》 / 现予废止：《X》 — not 不得擅自废止《X》, not the title 《关于废止…的决定》
    verbs = list(_REPEAL_BEFORE.finditer(before))
    verb = verbs[-1] if verbs else None
    if (
        verb is not None
        and not before[verb.end() :].strip("：:，, 、")
        and _done_before(before, verb.start())
    ):
        return REPEAL
    # 对《X》作如下修改 / 将《X》第三条修改为 — not 对《X》进行修改完善, not 研究对《X》进行修改
    lead = re.search(r"(?:对|将|把)\s*$", before)
    amend = _AMEND.search(after[:30])
    if lead and amend and _done_before(before, lead.start()):
        return AMEND
    if _BASIS.search(before.rstrip('“"')):
        return BASIS
    if _ISSUES.search(before) and _ISSUED_AFTER.match(after):
        return ISSUES
    if _PROMULGATED_AFTER.match(after) or re.search(r"(?:[现現]|特)(?:发布|公布|發布|公佈)\s*$", before):
        return PROMULGATES
    return CITE


def _runs(cited: list[Cited], sentence: str, base: int) -> list[list[Cited]]:
    """Names joined by 、和及 (《A》、《B》同时废止): one verb acts on the whole run."""
    runs: list[list[Cited]] = []
    for c in cited:
        if runs:
            gap = sentence[runs[-1][-1].end - base : c.start - base]
            if gap.strip() in ("", "、", "和", "及", "以及", "，", ",", "与"):
                runs[-1].append(c)
                continue
        runs.append([c])
    return runs


def _about_itself(sentence: str, at: int) -> bool:
    """Is the clause at ``at`` about this document (本办法…, or nothing else named before it)?"""
    head = sentence[:at]
    if _SELF.search(head) or _PROMULGATES.search(head) or _HEADNOTE.match(head):
        return True
    if "《" in head or _OTHER_VALIDITY.search(sentence[: at + 4]):
        return False
    stripped = head.strip(" \t，,：:")
    return stripped == "" or bool(
        re.fullmatch(
            r"(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）]|第[^条]{1,6}条)?\s*", stripped
        )
    )


_ITEM = re.compile(
    r"^(?:\d{1,3}[.．、\s]|[（(]\d{1,3}[)）]|[（(][一二三四五六七八九十]+[)）]|[一二三四五六七八九十]+、)\s*"
)
_NOTE = re.compile(r"[（(][^（）()]*[)）]")  # (市政府令第38号公布): an item's note


def _list_targets(paragraphs: list[tuple[int, str]], index: int, table: bool = False) -> list[Cited]:
    """A 废止下列文件： sentence's list: the enumerated lines after it that name documents. A
    ``table`` (an attachment's 目录 of repealed documents) may open with a header row and has
    rows of 序号, title, 发文字号 and a reason: a row's 发文字号 is what it names."""
    out: list[Cited] = []
    header = 2 if table else 0  # rows without a name allowed before the first item
    for start, para in paragraphs[index + 1 : index + 400]:
        flat = para.strip()
        if not flat:
            continue
        names = _cited_in(para, start)
        enumerated = _ITEM.match(flat)
        if not names:
            if header and not out:
                header -= 1
                continue
            if table and out and not enumerated:
                continue  # a reason running onto its own line
            break
        if table and enumerated:
            bare = next((c for c in names if c.title is None and c.number_key), None)
            if bare is not None:
                out.append(bare)
                continue
        rest = para[: names[0].start - start] + para[names[0].end - start :]
        rest = _NOTE.sub(
            "",
            rest[enumerated.end() :] if enumerated and rest.strip().startswith(enumerated.group(0)) else rest,
        )
        if rest.strip(" \t。；;，,、"):  # a sentence naming a document, not an item of the list
            break
        out.append(names[0])
    return out


# an attachment listing what is repealed: 附件1：…决定废止的政策性文件目录（28件）
_LIST_CAPTION = re.compile(r"(?:废止|失效)的?[^，。；]{0,24}?(?:目录|清单|名单|一览表)")


_LIST_HEAD_AMEND = re.compile(
    r"(?:修改|修订)(?:下列|以下|如下)|(?:下列|以下)[^，。；]{0,16}?(?:作出?|做出?|进行)(?:如下|以下)?(?:修改|修订)"
)


def _listed(sentence: str, paragraphs: list[tuple[int, str]], index: int) -> list[Relation]:
    """决定废止下列规章： / 修改下列规章： followed by the list of what it repeals or amends."""
    if not sentence.rstrip().endswith(("：", ":")):
        return []
    kind = None
    m = _REPEAL_BEFORE.search(sentence) or _UNNAMED_REPEAL.search(sentence)
    if _REPEAL_VERB.search(sentence) and m and _done_before(sentence, m.start()):
        kind = REPEAL
    elif (a := _LIST_HEAD_AMEND.search(sentence)) and _done_before(sentence, a.start()):
        kind = AMEND
    if kind is None:
        return []
    return [Relation(kind, c, sentence.strip()) for c in _list_targets(paragraphs, index)]


# what a sentence must hold to say anything here: a name, a number, a clause's or a repeal's
# words (nine paragraphs in ten hold none of them and are passed over)
_HOT_WORDS = (
    "日-",  # a policy's period: 从2013年10月1日-2015年12月31日
    "日—",
    "日至",
    "《",
    "号",
    "號",
    "有效期",
    "起",
    "施行",
    "现予",
    "現予",
    "废止",
    "失效",
    "停止执行",
    "不再执行",
    "修改",
    "修订",
)
_IN_FORCE_WORDS = ("施行", "实施", "执行", "生效", "实行", "實施", "停止执行", "失效", "废止")
_REPEAL_WORDS = ("废止", "失效", "停止执行", "不再执行")


_HOT = re.compile("|".join(map(re.escape, _HOT_WORDS)))  # one scan (measured 3× faster than `in`s)


def _hot(text: str) -> bool:
    return _HOT.search(text) is not None


def _clause_hot(sentence: str) -> bool:
    """Could the sentence say when this document takes effect or how long it runs?"""
    if "有效期" in sentence or "现予" in sentence or "現予" in sentence:
        return True
    if sentence.lstrip().startswith(("（", "(")) or ("政策" in sentence and "从" in sentence):
        return True
    return "起" in sentence and any(w in sentence for w in _IN_FORCE_WORDS)


def read_statements(text: str, own_key: str | None = None, own_title: str | None = None) -> Statements:
    """Every relation the text states, and what it says about itself. A text in traditional
    characters is read as simplified, character for character (offsets do not move)."""
    if TRADITIONAL_HINT.search(text) or (own_title and TRADITIONAL_HINT.search(own_title)):
        text = text.translate(char_table())
        own_title = own_title.translate(char_table()) if own_title else own_title
    out = Statements()
    paragraphs: list[tuple[int, str]] = []
    offset = 0
    for para in text.split("\n"):
        paragraphs.append((offset, para))
        offset += len(para) + 1
    for index, (pstart, para) in enumerate(paragraphs):
        if not _hot(para):  # most paragraphs name nothing and say nothing of validity
            continue
        for sm in _SENTENCE.finditer(para):
            sentence, base = sm.group(0), pstart + sm.start()
            if not _hot(sentence):
                continue
            if _clause_hot(sentence):
                _own_clauses(sentence, out.own)
            cited = [c for c in _cited_in(sentence, base) if not (own_key and c.number_key == own_key)]
            for run in _runs(cited, sentence, base):
                kind = _kind_of(sentence, run, base)
                out.relations.extend(Relation(kind, c, sentence.strip()) for c in run)
            if cited:
                continue
            listed = _listed(sentence, paragraphs, index) if sentence.rstrip().endswith(("：", ":")) else []
            if not listed and _LIST_CAPTION.search(sentence) and len(para) <= 60:
                listed = [
                    Relation(REPEAL, c, sentence.strip())
                    for c in _list_targets(paragraphs, index, table=True)
                ]
            if listed:
                out.relations.extend(listed)
            elif (
                any(w in sentence for w in _REPEAL_WORDS)
                and (m := _UNNAMED_REPEAL.search(sentence))
                and _done_before(sentence, m.start("verb"))
                and not re.search(r"下列|以下|如下", m.group("what"))  # a list's announcement
            ):
                what = m.group("what").strip("，, ")
                c = Cited(what, None, None, base + m.start("what"), base + m.end("what"))
                out.relations.append(Relation(REPEAL, c, sentence.strip()))
    _tell_dated_apart(text, out.relations)
    if own_title:  # 关于废止《X》的决定 / 关于修改《X》的决定: the title says what it does
        m = re.search(r"关于(废止|修改|修订)(《[^《》]{2,120}》(?:[（(][^（）()]{4,40}?号[)）])?)", own_title)
        if m:
            kind = REPEAL if m.group(1) == "废止" else AMEND
            for c in _cited_in(m.group(2), -1):
                c.start = c.end = -1  # in the title, not the text
                out.relations.append(Relation(kind, c, own_title))
    return _dedupe(out)


_DATE_BEFORE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日[^，。；《》]{0,12}$")


def _tell_dated_apart(text: str, relations: list[Relation]) -> None:
    """One title without a number cited after different dates: each a document of its own,
    none of them named well enough to link (their key says so: DATED + the date)."""
    by_title: dict[str, list[Relation]] = {}
    for r in relations:
        if r.target.title and not r.target.number_key and r.target.start >= 0:
            by_title.setdefault(r.target.title, []).append(r)
    for same in by_title.values():
        if len(same) < 2:
            continue
        dates = []
        for r in same:
            m = _DATE_BEFORE.search(text[max(0, r.target.start - 24) : r.target.start])
            dates.append("-".join(m.groups()) if m else None)
        if len({d for d in dates if d}) > 1:
            for r, d in zip(same, dates, strict=True):
                r.target.number_key = DATED + (d or "?")


def _dedupe(st: Statements) -> Statements:
    """One relation per place named (a list item is read by its 废止下列文件 sentence and by its
    own line: the stronger kind stays); the title's own relation once per target."""
    rank = {REPEAL: 0, AMEND: 1, PROMULGATES: 2, ISSUES: 2, BASIS: 3, CITE: 4}
    best: dict[tuple, Relation] = {}
    for r in st.relations:
        key = (r.target.start,) if r.target.start >= 0 else (-1, r.target.title, r.target.number_key)
        old = best.get(key)
        if old is None or rank[r.kind] < rank[old.kind]:
            best[key] = r
    st.relations = sorted(best.values(), key=lambda r: r.target.start)
    return st


_DAY = r"\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日"
# a policy notice's own period: 决定从2013年10月1日起，实施…补贴政策 / 从…-2015年12月31日，实施…政策
_POLICY_FROM = re.compile(
    rf"决定(?:从|自)\s*(?P<start>{_DAY})\s*起\s*[,，]?\s*(?:实施|执行)[^。；;]{{0,40}}?政策"
)
_POLICY_SPAN = re.compile(
    rf"(?:从|自)\s*(?P<start>{_DAY})\s*(?:[-—–~～至到])\s*(?P<end>{_DAY})\s*[,，]?\s*(?:实施|执行)[^。；;]{{0,40}}?政策"
)
_PUBLISHED_IN_FORCE = re.compile(r"现予以?(?P<on>公布|发布)施行")


def _own_clauses(sentence: str, own: OwnClauses) -> None:
    m = _PUBLISHED_IN_FORCE.search(sentence)
    if m and not _EFFECTIVE.search(sentence):
        own.effective_on = own.effective_on or m.group("on")
        own.evidence.append(sentence.strip())
    if _HEADNOTE.match(sentence) and (m := _HEADNOTE_DATE.search(sentence)):
        own.effective = own.effective or parse_date(m.group("date"))
        own.evidence.append(sentence.strip())
    if "政策" in sentence:
        if m := _POLICY_SPAN.search(sentence):
            own.effective = own.effective or parse_date(m.group("start"))
            own.until = own.until or parse_date(m.group("end"))
            own.evidence.append(sentence.strip())
        elif m := _POLICY_FROM.search(sentence):
            own.effective = own.effective or parse_date(m.group("start"))
            own.evidence.append(sentence.strip())
    m = _FROM_OWN_DAY.search(sentence)
    if m and not _EFFECTIVE.search(sentence) and _done_before(sentence, m.start()):
        own.effective_on = own.effective_on or m.group("on")
        own.evidence.append(sentence.strip())
    for m in _EFFECTIVE.finditer(sentence):
        if not _about_itself(sentence, m.start()) or not _done_before(sentence, m.start()):
            continue
        if m.group("on"):
            own.effective_on = own.effective_on or m.group("on")
        else:
            own.effective = own.effective or parse_date(m.group("date"))
        own.evidence.append(sentence.strip())
    for m in _EXPIRES_YEARS.finditer(sentence):
        if _about_itself(sentence, m.start()) or (own.evidence and own.evidence[-1] == sentence.strip()):
            n = _cn_small(m.group("n"))
            if n:
                own.years = own.years or n
                if sentence.strip() not in own.evidence:
                    own.evidence.append(sentence.strip())
    for m in _EXPIRES_UNTIL.finditer(sentence):
        if _about_itself(sentence, m.start()) or (own.evidence and own.evidence[-1] == sentence.strip()):
            own.until = own.until or parse_date(m.group("date"))
            if sentence.strip() not in own.evidence:
                own.evidence.append(sentence.strip())


def add_years(day: date, years: int) -> date:
    """The same day ``years`` later (29 February becomes 28 February)."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def cited_span(text: str, start: int) -> int | None:
    """Where the citation that begins at ``start`` ends (《title》, its （number） with it, or a
    bare 发文字号); None when the text there is no citation (it has changed)."""
    if start < 0 or start >= len(text):
        return None
    m = _TITLE.match(text, start)
    if m:
        after = _NUMBER_AFTER.match(text, m.end())
        return after.end() if after and number_key(after.group(1)) else m.end()
    for s, e, _num in find_numbers(text[start : start + 80]):
        if s == 0:
            return start + e
    return None


def read_rows(rows: list[tuple]) -> list[Statements]:
    """The statements of (id, title, number key, text) rows: what a worker process runs (this
    module imports nothing of the library, so a spawned worker starts light)."""
    return [read_statements(text or "", own_key=nkey, own_title=title) for _i, title, nkey, text, *_ in rows]


def read_from_file(path: str, ids: list[int]) -> tuple[list[tuple], list[Statements]]:
    """In a worker: read these documents from the library file itself (read-only) and their
    statements; the rows come back without their texts (only a head for the number line).
    Only for documents committed before (a rebuild): this connection sees committed data."""
    import sqlite3

    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        marks = ",".join("?" * len(ids))
        rows = conn.execute(
            f"SELECT id, title, number_key, text, number FROM documents WHERE id IN ({marks})", ids
        ).fetchall()
    finally:
        conn.close()
    return [(i, t, k, (x or "")[:300], n) for i, t, k, x, n in rows], read_rows(rows)
