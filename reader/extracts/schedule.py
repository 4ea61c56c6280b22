"""When a task is next due, and how a calendar repeats it (no Qt).

A task's ``recurrence`` (:func:`reader.extracts.dates._recurrence`) says a day when the text
prints one: ``yearly:10-31`` (每年10月底前), ``yearly:09`` (每年9月), ``monthly:5`` (每月5日前),
``quarterly:10`` (每季度第一个月的10日前), ``quarterly:end`` (每季度末). Those have dates; a bare
``每年`` / ``每月`` says how often, not when, and has none (listed, never put in a calendar).
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta


def _last(y: int, m: int) -> int:
    return calendar.monthrange(y, m)[1]


def occurrences(recurrence: str | None, start: date, until: date) -> list[date]:
    """The dates a recurring task falls on from ``start`` to ``until`` (inclusive)."""
    if not recurrence or ":" not in recurrence:
        return []
    every, _, day = recurrence.partition(":")
    out: list[date] = []
    months: list[int]
    if every == "yearly":
        mm, _, dd = day.partition("-")
        if not mm.isdigit() or not 1 <= int(mm) <= 12:
            return []
        months = [int(mm)]
    elif every == "monthly":
        months = list(range(1, 13))
        dd = day
    elif every == "quarterly":
        months = [1, 4, 7, 10] if day != "end" else [3, 6, 9, 12]
        dd = day
    else:
        return []
    for y in range(start.year, until.year + 1):
        for m in months:
            if every == "yearly":
                d = int(dd) if dd.isdigit() else _last(y, m)
            elif dd == "end":
                d = _last(y, m)
            elif dd.isdigit():
                d = int(dd)
            else:
                return []
            when = date(y, m, min(d, _last(y, m)))
            if start <= when <= until:
                out.append(when)
    return out


def next_due(due: str | None, recurrence: str | None, today: date) -> date | None:
    """The date the task is due next: its own, or a recurring one's next occurrence."""
    if due:
        try:
            return date.fromisoformat(due)
        except ValueError:
            return None
    found = occurrences(recurrence, today, today + timedelta(days=400))
    return found[0] if found else None


def rrule(recurrence: str | None) -> str | None:
    """The iCalendar RRULE of a recurrence that has dates, else None."""
    if not recurrence or ":" not in recurrence:
        return None
    every, _, day = recurrence.partition(":")
    if every == "yearly":
        mm, _, dd = day.partition("-")
        if not mm.isdigit():
            return None
        return f"FREQ=YEARLY;BYMONTH={int(mm)};BYMONTHDAY={int(dd) if dd.isdigit() else -1}"
    if every == "monthly" and day.isdigit():
        return f"FREQ=MONTHLY;BYMONTHDAY={int(day)}"
    if every == "quarterly":
        return "FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=" + ("-1" if day == "end" else str(int(day)))
    return None
