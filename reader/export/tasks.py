"""The 待办 and 人事 lists as files: CSV for Excel and WPS, iCalendar for Outlook and WPS 日历.

CSV is UTF-8 with a byte-order mark (Excel on a Chinese Windows reads a file without one as GBK
and shows mojibake), one header row in Chinese, every cell quoted where needed; a cell that
begins like a formula (``=``, ``+``, ``-``, ``@``) is prefixed with ``'`` so a hostile document
cannot make Excel compute anything.

The ``.ics`` follows RFC 5545: CRLF line ends, lines folded at 75 octets (never inside a UTF-8
character), text escaped; each task with a date is an all-day ``VEVENT`` (``DTSTART;VALUE=DATE``
and the next day as ``DTEND``), its summary the action in Chinese, its description the sentence,
the document and the units; a recurring task with a printed day repeats by ``RRULE``. Tasks
marked done, and those with no date (``在收到申请后3个工作日内``, a bare ``每月``), are left out
and counted: a calendar shows what is still to do on a day.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from reader.extracts.schedule import occurrences, rrule
from reader.extracts.store import PersonRecord, TaskRecord

_KIND_WORDS = {"absolute": "期限", "period": "期间", "relative": "相对期限", "recurring": "周期"}


def _cell(value: object) -> str:
    text = "" if value is None else str(value)
    text = text.replace("\r", " ").replace("\n", " ")
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text


def _write_csv(path: Path, header: list[str], rows: Iterable[list[object]]) -> int:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(header)
    n = 0
    for row in rows:
        w.writerow([_cell(v) for v in row])
        n += 1
    _atomic_write(path, ("\ufeff" + buf.getvalue()).encode("utf-8"))
    return n


def _atomic_write(path: Path, data: bytes) -> None:
    """Written beside and renamed: a file half-written by a crash is never left in its place."""
    tmp = path.with_name(path.name + ".part")
    tmp.write_bytes(data)
    tmp.replace(path)


def tasks_csv(tasks: list[TaskRecord], path: Path) -> int:
    """The tasks as CSV; the number written."""
    header = [
        "任务编号",
        "期限",
        "期限类型",
        "原文期限",
        "周期",
        "事项",
        "责任单位",
        "报送单位",
        "状态",
        "文件",
        "发文字号",
        "原文",
    ]
    return _write_csv(
        path,
        header,
        (
            [
                t.id,
                t.due or "",
                _KIND_WORDS.get(t.due_kind, t.due_kind),
                t.due_text,
                t.recurrence or "",
                t.action,
                t.responsible or "",
                t.recipient or "",
                "已完成" if t.done else "未完成",
                t.title,
                t.number or "",
                t.sentence,
            ]
            for t in tasks
        ),
    )


def personnel_csv(records: list[PersonRecord], path: Path) -> int:
    """The 人事任免 records as CSV; the number written."""
    header = ["姓名", "性别", "任免", "职务", "单位", "条件", "决定日期", "文号", "文件", "原文"]

    def row(r: PersonRecord) -> list[object]:
        return [
            r.person,
            r.sex,
            r.action,
            r.post,
            r.organ,
            r.conditions,
            r.decided,
            r.number,
            r.title,
            r.sentence,
        ]

    return _write_csv(path, header, (row(r) for r in records))


def _escape(text: str) -> str:
    return (
        text.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
    )


def _fold(line: str) -> str:
    """A content line folded at 75 octets, each continuation led by a space (RFC 5545 3.1)."""
    out, current, size = [], "", 0
    for ch in line:
        n = len(ch.encode("utf-8"))
        if size + n > 75:
            out.append(current)
            current, size = " ", 1
        current += ch
        size += n
    out.append(current)
    return "\r\n".join(out)


def _start_of(t: TaskRecord, today: date) -> tuple[date | None, str | None]:
    """The event's first day and its RRULE (None, None: the task has no date to put anywhere)."""
    if t.due_kind == "recurring":
        rule = rrule(t.recurrence)
        if rule is None:
            return None, None
        try:
            base = date.fromisoformat(t.document_date) if t.document_date else today
        except ValueError:
            base = today
        first = occurrences(t.recurrence, base, base + timedelta(days=400))
        return (first[0], rule) if first else (None, None)
    if not t.due:
        return None, None
    try:
        return date.fromisoformat(t.due), None
    except ValueError:
        return None, None


def tasks_ics(tasks: list[TaskRecord], path: Path, today: date | None = None) -> tuple[int, int]:
    """The open tasks with a date as an iCalendar file; (events written, tasks left out)."""
    today = today or date.today()
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Gongbao Reader//公报阅读器//ZH",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "X-WR-CALNAME:公报待办",
    ]
    written = skipped = 0
    for t in tasks:
        if t.done:
            skipped += 1
            continue
        start, rule = _start_of(t, today)
        if start is None:
            skipped += 1
            continue
        summary = t.action if len(t.action) <= 60 else t.action[:59] + "…"
        description = "\n".join(
            x
            for x in (
                f"期限：{t.due_text}",
                f"责任单位：{t.responsible}" if t.responsible else "",
                f"报送：{t.recipient}" if t.recipient else "",
                f"文件：{t.title}" + (f"（{t.number}）" if t.number else ""),
                f"原文：{t.sentence}",
            )
            if x
        )
        event = [
            "BEGIN:VEVENT",
            f"UID:{t.id}@gongbao-reader",
            f"DTSTAMP:{stamp}",
            f"DTSTART;VALUE=DATE:{start:%Y%m%d}",
            f"DTEND;VALUE=DATE:{start + timedelta(days=1):%Y%m%d}",
            f"SUMMARY:{_escape(summary)}",
            f"DESCRIPTION:{_escape(description)}",
            "TRANSP:TRANSPARENT",
        ]
        if rule:
            event.append(f"RRULE:{rule}")
        event.append("END:VEVENT")
        lines.extend(event)
        written += 1
    lines.append("END:VCALENDAR")
    _atomic_write(path, ("\r\n".join(_fold(x) for x in lines) + "\r\n").encode("utf-8"))
    return written, skipped
