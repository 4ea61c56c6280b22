"""Time limits as printed in 公文, read into dates (no Qt).

The phrase families (GB/T 9704 documents say them in few ways): an absolute limit
(``2019年6月底前``, ``于6月18日(星期二)上午下班前``, ``截止时间为9月15日17:00``, ``年底前``), a
period that ends the work (``一季度``, ``7月份``, ``即日起至11月27日``, a phase ``(2019年6月至12月)``),
a relative one (``自印发之日起30日内``, ``在收到申请后3个工作日内``) and a recurring one
(``每月5日前``, ``每季度第一个月的10日前``, ``于每年6月10日、12月10日前``, ``月后18日前``).
A year left out is the document's; a month earlier than the document's in a document dated late
in the year is the next year's (a December notice asking for 1月10日前).
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

ABSOLUTE, PERIOD, RELATIVE, RECURRING = "absolute", "period", "relative", "recurring"

_CN = {
    "〇": 0,
    "零": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}


def cn_number(s: str) -> int | None:
    """12, 十二, 二十五, 九十, 一百 → the number; None for anything else."""
    if s.isdigit():
        return int(s)
    if not s or any(c not in _CN and c not in "十百" for c in s):
        return None
    if "百" in s:
        head, _, rest = s.partition("百")
        return (_CN.get(head, 1) if head else 1) * 100 + (cn_number(rest) or 0 if rest else 0)
    if "十" in s:
        head, _, rest = s.partition("十")
        return (_CN[head] if head else 1) * 10 + (_CN[rest] if rest else 0)
    if len(s) == 1:
        return _CN[s]
    return None


_N = r"(?:\d{1,3}|[一二三四五六七八九十两百]{1,4})"
_YEAR = r"(?:(?P<y>(?:19|20)\d\d)年)"
_MONTH = r"(?P<m>1[0-2]|0?[1-9])月"
_DAY = r"(?P<d>3[01]|[12]\d|0?[1-9])[日号]"
_CLOCK = r"(?:[（(]星期.[)）])?(?:(?:上午|下午|中午)?(?:下班|\d{1,2}[:：]\d\d|\d{1,2}时)?)"
_BEFORE = r"(?:以前|之前|前)"

# the printed forms, each a named alternative; tried in order at every place
ABS_DAY = re.compile(rf"{_YEAR}?{_MONTH}{_DAY}{_CLOCK}{_BEFORE}")
ABS_END = re.compile(rf"{_YEAR}?{_MONTH}(?:份)?(?P<end>底|末){_BEFORE}?")
MONTH_BEFORE = re.compile(rf"{_YEAR}?{_MONTH}份?{_BEFORE}")  # 3月份前: before March begins
YEAR_END = re.compile(rf"(?:{_YEAR}|(?P<this>今年|年))(?:底|末){_BEFORE}?")
YEAR_BEFORE = re.compile(rf"{_YEAR}{_BEFORE}")
DEADLINE_AT = re.compile(rf"截[止至](?:时间|日期)?(?:为|是|：|:)?{_YEAR}?{_MONTH}{_DAY}{_CLOCK}")
SCHEDULED = re.compile(rf"(?:拟于|定于|拟定于)(?P<y>(?:19|20)\d\d)年{_MONTH}{_DAY}")  # 拟于2025年3月10日开展…
QUARTER = re.compile(rf"(?:{_YEAR})?第?(?P<q>[一二三四1-4])季度(?!末|第|季后)")
HALF = re.compile(rf"{_YEAR}?(?P<h>上|下)半年")
PHASE_YEAR = re.compile(r"阶段[（(](?P<y>(?:19|20)\d\d)年[)）]")  # 总结巩固阶段（2025年）
MONTH_PERIOD = re.compile(rf"{_YEAR}?{_MONTH}份(?![前底末])")
UNTIL = re.compile(
    rf"(?:即日起|(?:自|从|在)[^，。；,]{{0,14}}?之?日起)(?:至|到){_YEAR}?{_MONTH}(?:{_DAY})?(?:止|期间|前)?"
)
SPAN = re.compile(
    rf"(?P<y0>(?:19|20)\d\d)年(?:(?P<m0>\d{{1,2}})月(?:(?P<d0>\d{{1,2}})日)?)?(?:至|—|－|-|~)"
    rf"{_YEAR}?(?:{_MONTH}(?:{_DAY})?)?(?:止)?"
)
RELATIVE_LIMIT = re.compile(
    rf"(?P<anchor>(?:(?:自|在|于|从)[^，。；,、]{{0,22}}?(?:之日起|后|起))?)"
    rf"(?P<n>{_N})个?(?P<unit>工作日|日|天|个月|小时|周)(?:以内|内)"
)
_RECUR_UNIT = r"(?P<every>每(?:个)?(?:年度|年|半年|季度|季|个月|月|周|星期)|月后|季后)"
RECURRING_LIMIT = re.compile(
    rf"(?:于|在)?{_RECUR_UNIT}"
    rf"(?P<rest>(?:第[一二三1-3]个月的?)?(?:(?P<rm>\d{{1,2}})月)?(?:(?P<rd>\d{{1,2}})[日号])?"
    rf"(?:(?:、|和|及)(?:\d{{1,2}}月)?\d{{1,2}}[日号])*(?:年初|年中|年底|年末|底|末|初|中|上旬|中旬|下旬)?{_BEFORE}?)"
)


_KEYS = re.compile(r"[月每截季]|半年|年[底末前以之)）]|[日天时周]内")


def may_hold_limit(text: str) -> bool:
    """Can ``text`` hold a time limit at all? (character scans: most lines of a 公文 hold none)"""
    return _KEYS.search(text) is not None


@dataclass(slots=True)
class Limit:
    """One time limit where it stands in a text."""

    kind: str
    start: int
    end: int
    text: str
    due: date | None = None
    recurrence: str | None = None


def _last_day(y: int, m: int) -> date:
    return date(y, m, calendar.monthrange(y, m)[1])


def _year(m: re.Match, base: date | None) -> int | None:
    if m.groupdict().get("y"):
        return int(m["y"])
    return base.year if base else None


def _roll(d: date, base: date | None, explicit: bool) -> date:
    """A limit without its year that falls well before the document: the next year's."""
    if not explicit and base is not None and d < base - timedelta(days=45):
        try:
            return d.replace(year=d.year + 1)
        except ValueError:
            return d + timedelta(days=365)
    return d


def _safe(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def add_working_days(d: date, n: int) -> date:
    """``n`` working days after ``d`` (weekends skipped; holidays are not known offline)."""
    while n > 0:
        d += timedelta(days=1)
        if d.weekday() < 5:
            n -= 1
    return d


def relative_due(limit: Limit, n: int, unit: str, base: date | None) -> date | None:
    """A relative limit counted from this document's own date (印发/下发/发布之日), else None:
    counted from an event (收到申请后) it has no date of its own."""
    if base is None or not re.search(r"(?:印发|下发|发布|公布|通知|本[^，。]{0,6})之日起", limit.text):
        return None
    if unit == "工作日":
        return add_working_days(base, n)
    days = {"日": 1, "天": 1, "周": 7}.get(unit)
    if days:
        return base + timedelta(days=n * days)
    if unit == "个月":
        m = base.month - 1 + n
        y, m = base.year + m // 12, m % 12 + 1
        return _safe(y, m, min(base.day, calendar.monthrange(y, m)[1]))
    return None


_EVERY = {
    "每年": "yearly",
    "每年度": "yearly",
    "每半年": "half-yearly",
    "每季度": "quarterly",
    "每季": "quarterly",
    "季后": "quarterly",
    "每月": "monthly",
    "每个月": "monthly",
    "月后": "monthly",
    "每周": "weekly",
    "每星期": "weekly",
}


def _recurrence(m: re.Match) -> str:
    """``yearly``, ``yearly:10-31``, ``monthly:5``, ``quarterly`` … (a day when one is printed)."""
    every = _EVERY.get(m["every"], "yearly")
    rest = m["rest"] or ""
    if every == "yearly" and m["rm"]:
        mm = int(m["rm"])
        if m["rd"]:
            return f"yearly:{mm:02d}-{int(m['rd']):02d}"
        if "底" in rest or "末" in rest:
            return f"yearly:{mm:02d}-{calendar.monthrange(2001, mm)[1]:02d}"
        return f"yearly:{mm:02d}"
    if every == "monthly" and m["rd"]:
        return f"monthly:{int(m['rd'])}"
    if every == "quarterly" and "第一个月" in rest and m["rd"]:
        return f"quarterly:{int(m['rd'])}"
    if every == "quarterly" and ("末" in rest or "底" in rest):
        return "quarterly:end"
    return every


def find_limits(text: str, base: date | None) -> list[Limit]:
    """Every time limit in ``text`` (spaces already removed), left to right, none overlapping."""
    if not may_hold_limit(text):
        return []
    found: list[Limit] = []

    def add(kind: str, m: re.Match, due: date | None = None, recurrence: str | None = None) -> None:
        found.append(Limit(kind, m.start(), m.end(), m.group(0), due, recurrence))

    for m in RECURRING_LIMIT.finditer(text) if ("每" in text or "后" in text) else ():
        add(RECURRING, m, recurrence=_recurrence(m))
    for m in SCHEDULED.finditer(text) if "于" in text else ():
        if d := _safe(int(m["y"]), int(m["m"]), int(m["d"])):
            add(ABSOLUTE, m, d)
    for m in DEADLINE_AT.finditer(text) if "截" in text else ():
        if (y := _year(m, base)) and (d := _safe(y, int(m["m"]), int(m["d"]))):
            add(ABSOLUTE, m, _roll(d, base, bool(m["y"])))
    for m in ABS_DAY.finditer(text) if "前" in text else ():
        if (y := _year(m, base)) and (d := _safe(y, int(m["m"]), int(m["d"]))):
            add(ABSOLUTE, m, _roll(d, base, bool(m["y"])))
    for m in ABS_END.finditer(text) if ("底" in text or "末" in text) else ():
        if y := _year(m, base):
            add(ABSOLUTE, m, _roll(_last_day(y, int(m["m"])), base, bool(m["y"])))
    for m in MONTH_BEFORE.finditer(text) if "前" in text else ():
        if y := _year(m, base):
            mm = int(m["m"])
            d = _last_day(y, mm - 1) if mm > 1 else date(y - 1, 12, 31)
            add(ABSOLUTE, m, _roll(d, base, bool(m["y"])))
    for m in YEAR_END.finditer(text) if ("底" in text or "末" in text) else ():
        if not m["y"] and not m.group(0).endswith("前"):
            continue  # a bare 年底 (年底逐一对账) says when, not by when; 年底前 is a limit
        y = int(m["y"]) if m["y"] else (base.year if base else None)
        if y:
            add(ABSOLUTE, m, date(y, 12, 31))
    for m in YEAR_BEFORE.finditer(text) if "前" in text else ():
        add(ABSOLUTE, m, date(int(m["y"]) - 1, 12, 31))
    for m in UNTIL.finditer(text) if "起" in text else ():
        if y := _year(m, base):
            mm = int(m["m"])
            d = _safe(y, mm, int(m["d"])) if m["d"] else _last_day(y, mm)
            if d:
                add(PERIOD, m, _roll(d, base, bool(m["y"])))
    for m in SPAN.finditer(text) if any(c in text for c in "至—－-~") else ():
        y = int(m["y"]) if m["y"] else int(m["y0"])
        if m["m"]:
            d = _safe(y, int(m["m"]), int(m["d"])) if m["d"] else _last_day(y, int(m["m"]))
        elif m["y"]:
            d = date(y, 12, 31)
        else:
            continue
        if d:
            add(PERIOD, m, d)
    for m in QUARTER.finditer(text) if "季度" in text else ():
        if y := _year(m, base):
            q = {"一": 1, "二": 2, "三": 3, "四": 4}.get(m["q"]) or int(m["q"])
            add(PERIOD, m, _last_day(y, 3 * q))
    for m in PHASE_YEAR.finditer(text) if "阶段" in text else ():
        add(PERIOD, m, date(int(m["y"]), 12, 31))
    for m in HALF.finditer(text) if "半年" in text else ():
        if y := _year(m, base):
            add(PERIOD, m, _last_day(y, 6 if m["h"] == "上" else 12))
    for m in MONTH_PERIOD.finditer(text) if "月份" in text else ():
        if y := _year(m, base):
            add(PERIOD, m, _roll(_last_day(y, int(m["m"])), base, bool(m["y"])))
    for m in RELATIVE_LIMIT.finditer(text) if "内" in text else ():
        n = cn_number(m["n"])
        if n:
            lim = Limit(RELATIVE, m.start(), m.end(), m.group(0))
            lim.due = relative_due(lim, n, m["unit"], base)
            found.append(lim)
    # the first (and longest) reading of each place wins; later ones inside it are parts of it
    found.sort(key=lambda x: (x.start, -(x.end - x.start)))
    out: list[Limit] = []
    for lim in found:
        if out and lim.start < out[-1].end:
            continue
        out.append(lim)
    return out
