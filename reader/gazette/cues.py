"""The evidence that a document starts at a title block, as named cues with weights.

GB/T 9704 (§7.3) builds every 公文 the same way: a title block (发文机关 + 关于 + 事由 + 文种, or a
bare ``XX人民政府公告``), then a 发文字号, a 主送机关 line ending in ``：``, a 题注, or body text,
standing after the end of the previous document (成文日期, signature, ``（此件公开发布）``,
``抄送：``). No single cue decides: a 发文字号 is one anchor among these, not the condition. Each
cue here is a small named test; a candidate's score is the sum of the weights of the cues that
fire, and a document starts where the score reaches :data:`THRESHOLD`.

The weights are read as log-odds: +4 is "almost only ever seen at a document start", −6 is
"almost never". They were set from how 公文 are built and checked on the corpora in
``tests/data`` (the split of every issue there is scored in the suite).
"""

from __future__ import annotations

import re

from reader.gazette.dates import date_line, parse_date
from reader.gazette.kinds import kind_of
from reader.gazette.lines import (
    ENUM_START,
    ORGAN_SUFFIX,
    SENTENCE_END,
    Line,
    is_heading,
    is_organ_line,
    is_parenthetical,
    is_section_header,
    starts_title,
)

THRESHOLD = 4.0

WEIGHTS: dict[str, float] = {
    # the title block itself
    "about": 2.0,  # 发文机关 + 关于 + 事由: the standard title
    "about_in_prose": -1.5,  # 关于 after words that are no organ (为了做好关于…)
    "organ_head": 1.0,  # starts with an organ name
    "opener": 1.0,  # starts as titles do (an organ, a place, 关于, 中共, 在, ——)
    "bare_form": 2.5,  # XX人民政府公告 / XX市人民政府令 / XX人事任免: nothing but organ + 文种
    "speech_form": 2.0,  # 在…会议上的讲话 / ——在…
    "bad_opener": -3.0,  # starts with 的 / 和 / a closing bracket: the middle of a sentence
    "comma": -3.0,  # titles carry no commas; wrapped prose does
    "prose_words": -3.0,  # 根据 / 按照 / 现将 / 为进一步 …: the words sentences open with
    "two_titles": -2.5,  # a line inside the block already ends a whole title
    "double_organ": -1.0,  # an organ line above a line that already names its organ before 关于
    "no_kind": -2.0,  # does not end with a 文种 (only a 发文字号 below makes it a candidate)
    "attachment_kind": -2.0,  # 办法 / 规定 / 方案 with no 关于 and no number: usually printed by a notice
    "standalone_kind": 1.0,  # 公告 / 批复 / 令 / 讲话 / 人事任免: never printed as another's attachment
    "issues_itself": 3.0,  # 《this title》已经…通过，现予公布 right below: promulgated on its own
    "long": -1.0,  # over 150 characters
    # what stands before it
    "body_start": 2.5,  # the first thing after the masthead and 目录
    "after_end": 3.0,  # a 成文日期, （此件公开发布）, 抄送, a 人事任免 decision's （文号 日期）
    "after_section": 2.5,  # a gazette section heading: 市政府文件, 人事任免, 领导讲话
    "after_signature": 1.5,  # an organ line (a signature with no date)
    "organ_above": -2.0,  # an organ line above a title that starts with 关于: its own issuer line
    "after_sentence": 0.5,  # a paragraph that ends with 。！？
    "after_gap": 0.5,  # a blank line or a page break
    "after_blank": 0.5,  # a blank line, in a text where blank lines are rare, whatever is above it
    "number_above": 3.0,  # a 发文字号 right above: the 版头 layout
    "after_attachment_mark": -6.0,  # 附件 / 附件2: the attachment of the document before
    "after_title_line": -1.5,  # a title-like line above: the block may start higher
    "after_heading": -1.0,  # 一、… right above
    "after_unfinished": -2.0,  # a wrapped line of prose above
    # what follows it
    "number_below": 4.0,  # a 发文字号 line (or one at the end of the title line)
    "order_number": 3.5,  # 第N号 under XX令 / XX公告
    "recipients": 2.5,  # 主送机关：
    "tizhu": 3.0,  # （2018年1月17日…会议通过）
    "speech_meta": 2.5,  # speaker, date, （内部情况通报 第N期）under a speech title
    "salutation": 2.0,  # 同志们： / 各位代表：
    "prose_next": 0.5,  # body text
    "title_next": -1.5,  # another title-like line
    "nothing_next": -3.0,  # the end of the text
    # typography (PDF only, and only where the issue sets titles apart at all)
    "display_size": 3.0,  # set larger than the body (2号 over 3号)
    "centred": 1.0,
    "body_set": -2.0,  # set like the body: body size, not centred
    "red_above": 1.5,  # a red 版头 just above
    # the 目录
    "in_toc": 4.0,
    "not_in_toc": -1.0,
    # the document before it
    "printed_by_previous": -6.0,  # the 印发/转发 target or a listed 附件 of the document before
    "promulgates_previous": -6.0,  # a 公告 that says 《X》已由…通过, X the title just above
}

_STANDALONE_KINDS = frozenset(
    ("announcement", "reply", "order", "speech", "personnel", "minutes", "resolution")
)
_CLAUSE_STARTS = ("的", "和", "及", "与", "或", "、", "，", "）", ")", "》", "”", "等", "并", "以")
_BARE_KINDS = ("公告", "通告", "令", "命令", "人事任免", "任免名单", "职务任免", "任免事项", "公报")
_BARE = re.compile(rf"^[\u3400-\u9fff（）()·]{{2,40}}?{ORGAN_SUFFIX}(?P<kind>{'|'.join(_BARE_KINDS)})$")
_SPEECH = re.compile(r"(?:^|——|—|－)在.{2,60}(?:上|中|时)的(?:讲话|致辞|发言|报告|主持词|总结讲话)|讲话$")
_ATTACH_MARK = re.compile(r"^附\s*件\s*[\d一二三四五六七八九十]{0,3}\s*[:：]?$")
_END_PAREN = re.compile(r"^[（(](?:此件|此页|本件|联系人|印发|发至|公开方式|信息公开)")
_PERSONNEL_TRAILER = re.compile(
    r"^[（(].{2,40}[〔\[［(（](?:19|20)\d{2}[〕\]］)）].{0,30}(?:年.{1,3}月.{1,3}日)?[)）]$"
)
_ISSUED_LINE = re.compile(r"^.{2,40}?(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*印\s*发$")
_TIZHU_WORDS = re.compile(r"通过|批准|发布|公布|修正|修订|施行|印发|令|号")
_SPEECH_META = re.compile(r"^[（(].{0,30}(?:(?:19|20)\d{2}\s*年.{0,12}日|第.{1,4}期|通报).{0,20}[)）]$")
# ——2017年1月10日在…会议上 / 2020年5月9日在…会议上: the occasion line of a speech or a report
_OCCASION = re.compile(
    r"^(?:——|—|－|-)?[（(]?(?:(?:19|20)\d{2}|[〇○零一二三四五六七八九0Oo]{4})\s*年.{1,8}日.{0,4}在.{2,80}"
)
_SALUTATION = re.compile(r"^(?:同志们|各位[\u4e00-\u9fff]{1,8}|尊敬的.{1,30})[：:]$")
_PROSE_COLON = re.compile(r"如下|下列|以下|决定|研究|通知|报告|批复|同意|要求|说明|指出|规定|现将|问题")
_RECIPIENT_HINT = re.compile(rf"^各|{ORGAN_SUFFIX}|单位|部门|同志|群众|居民|人员|企业")
_PERSON_LINE = re.compile(
    r"^[\u4e00-\u9fff（）()]{1,30}(?:\s|　)+[\u4e00-\u9fff·]{2,5}$|^[\u4e00-\u9fff]{2,4}$"
)
_ABOUT = re.compile(r"关于")
_ISSUING_VERB = re.compile(r"(?:印发|转发|批转|颁发)$")
# …人民代表大会第七次会议关于…的决议: a meeting issues it
_MEETING = re.compile(r"^[\u3400-\u9fff（）()·]{4,50}(?:会议|大会)$")
# organ + 印发《X》的通知: the 中办发 form of a title, as standard as organ + 关于
_ORGAN_ISSUES = re.compile(rf"^[\u3400-\u9fff（）()·\s]{{2,60}}?{ORGAN_SUFFIX}(?:印发|转发|批转|颁发)")
_PROSE_WORDS = re.compile(r"根据|按照|依据|为了|为进一步|现将|经研究|请你们|特此|如下|收悉|同志们")
_WEN_ZHONG_END = re.compile(r"(?:的|之)(?:通知|决定|意见|通告|公告|批复|报告|请示|函|通报|讲话|纪要)$")


def is_end_line(ln: Line) -> bool:
    """A line that closes a document: 成文日期, 附注, 抄送, a 人事任免 decision's (文号 日期)."""
    t = ln.flat
    if not t:
        return False
    if "日" in t and date_line(t):
        return True
    if t.startswith(("抄送", "抄报", "分送", "主题词")):
        return True
    if t[0] in "（(" and t[-1] in "）)":
        if _END_PAREN.match(t):
            return True
        if _PERSONNEL_TRAILER.match(t) and ("号" in t or "日" in t):
            return True
    return bool("印发" in t and _ISSUED_LINE.match(t))


def is_attachment_mark(flat: str) -> bool:
    return flat.startswith("附") and bool(_ATTACH_MARK.match(flat))


def is_tizhu(flat: str) -> bool:
    """A 题注 under a title: （2018年1月17日…会议通过）, （市政府1991年第41号令 1991年9月20日）.

    ``flat`` may be several lines joined: a long 题注 wraps.
    """
    if not (flat[:1] in "（(" and flat[-1:] in "）)") or len(flat) > 400:
        return False
    return bool(_TIZHU_WORDS.search(flat)) and parse_date(flat) is not None


def is_occasion(flat: str) -> bool:
    """``——2017年1月10日在…会议上``: when and where a speech or a report was given."""
    return "在" in flat and bool(_OCCASION.match(flat))


def is_speech_meta(ln: Line) -> bool:
    """Speaker, date, occasion or 内部情况通报 lines printed under a speech title."""
    t = ln.flat
    if t[:1] in "（(" and _SPEECH_META.match(t):
        return True
    if "日" in t and (date_line(t) or is_occasion(t)):
        return True
    return len(t) <= 36 and bool(_PERSON_LINE.match(ln.text)) and not is_organ_line(t)


def is_salutation(flat: str) -> bool:
    return flat[-1:] in "：:" and len(flat) <= 40 and bool(_SALUTATION.match(flat))


def is_recipients(flat: str) -> bool:
    """A 主送机关 line: organs (or 有关农户, 各位居民 …), ending in a colon."""
    if not (flat[-1:] in "：:" and 3 <= len(flat) <= 200 and "。" not in flat and not ENUM_START.match(flat)):
        return False
    if _RECIPIENT_HINT.search(flat):
        return True
    return len(flat) <= 40 and not _PROSE_COLON.search(flat)


def title_cues(title: str, first_line: str, lines: list[str], has_number: bool) -> list[str]:
    """Cues read from the title block's own text (``lines``: the flat lines of the block)."""
    cues: list[str] = []
    kind = kind_of(title)
    unquoted = re.sub(r"《[^《》]*》", "", title)
    about = _ABOUT.search(unquoted)
    if about:
        head = _ISSUING_VERB.sub("", unquoted[: about.start()])  # XX人民政府印发关于…的通知
        if not head or is_organ_line(head) or _ends_with_organ(head) or _MEETING.match(head):
            cues.append("about")
        else:
            cues.append("about_in_prose")
    elif _ORGAN_ISSUES.match(title) and is_organ_line(_ORGAN_ISSUES.match(title).group(0)[:-2]):
        cues.append("about")
    if _PROSE_WORDS.search(unquoted):
        cues.append("prose_words")
    if starts_title(first_line):
        cues.append("opener")
    if first_line.startswith(_CLAUSE_STARTS):
        cues.append("bad_opener")
    if (bm := _BARE.match(title)) and is_organ_line(title[: bm.start("kind")]):
        cues.append("bare_form")
    elif _ORGAN_HEAD.match(title):
        cues.append("organ_head")
    if kind == "speech" and _SPEECH.search(title):
        cues.append("speech_form")
    if "，" in title or "," in title:
        cues.append("comma")
    inner = lines[:-1]
    if any(
        (_WEN_ZHONG_END.search(t) or (len(t) >= 8 and kind_of(t)))
        and not nxt.startswith((*_CLAUSE_STARTS, "（", "("))
        for t, nxt in zip(inner, lines[1:], strict=False)
    ):
        cues.append("two_titles")
    if len(lines) >= 2 and is_organ_line(lines[0]) and _ORGAN_ABOUT.match(lines[1]):
        cues.append("double_organ")
    if kind is None:
        cues.append("no_kind")
    elif kind in ("measures", "regulation", "plan") and not has_number and not about:
        cues.append("attachment_kind")
    elif kind in _STANDALONE_KINDS:
        cues.append("standalone_kind")
    if len(title) > 150:
        cues.append("long")
    return cues


_ORGAN_HEAD = re.compile(rf"^[\u3400-\u9fff（）()·]{{2,30}}?{ORGAN_SUFFIX}")
_ORGAN_ABOUT = re.compile(rf"^[\u3400-\u9fff（）()·]{{2,30}}?{ORGAN_SUFFIX}关于")


def _ends_with_organ(head: str) -> bool:
    """``XX市人民政府 XX市财政局`` or an organ run together with a joint one."""
    parts = head.split()
    return all(is_organ_line(p) for p in parts) if parts else False


def before_cues(lines: list[Line], s: int, begin: int, full_len: int, gaps_separate: bool) -> list[str]:
    """Cues from what stands right above a title block that starts at ``s``.

    ``gaps_separate``: blank lines are rare in this text, so one above the title sets it apart
    from whatever stands before (a title-like line there is then no part of it).
    """
    if s <= begin:
        return ["body_start"]
    prev = lines[s - 1]
    cues: list[str] = []
    if lines[s].gap or lines[s].brk:
        cues.append("after_gap")
    t = prev.flat
    if is_attachment_mark(t):
        return [*cues, "after_attachment_mark"]
    if gaps_separate and lines[s].gap and not is_end_line(prev):
        return [*cues, "after_blank"]
    if is_end_line(prev):
        cues.append("after_end")
    elif is_section_header(t):
        cues.append("after_section")
    elif is_organ_line(prev.text):
        cues.append("organ_above" if lines[s].flat.startswith("关于") else "after_signature")
    elif t[-1] in SENTENCE_END or t[-1] in "！!" or prev.is_table:
        cues.append("after_sentence")
    elif is_heading(t):
        cues.append("after_heading")
    elif is_parenthetical(t):
        cues.append("after_sentence")
    elif len(t) < full_len and t[-1] not in "，,、":
        above = lines[s - 2].flat if s - 2 >= begin else ""
        wrapped_tail = len(above) >= full_len and above[-1] not in SENTENCE_END
        whole_title = len(t) >= 6 and kind_of(t) is not None  # a title of its own (an attachment's)
        cues.append("after_sentence" if wrapped_tail or whole_title else "after_title_line")
    else:
        cues.append("after_unfinished")
    return cues
