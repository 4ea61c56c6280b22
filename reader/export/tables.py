"""CSV: one row per highlight, UTF-8 with a byte-order mark so Excel and WPS show Chinese.

A cell that starts like a formula (``=HYPERLINK(…)``, ``+cmd|' /C calc'!A0``, ``@SUM(…)``) would
be run by Excel or WPS when the file is opened: such cells get a leading apostrophe, which the
spreadsheet shows as text (OWASP's rule for CSV injection).
"""

from __future__ import annotations

import csv
from pathlib import Path

from reader.export.collect import Bundle

COLUMNS = [
    "期刊",
    "文档编号",
    "标题",
    "发文字号",
    "发文机关",
    "成文日期",
    "颜色",
    "含义",
    "原文",
    "批注",
    "标签",
    "页码",
    "章节",
    "创建时间",
    "链接",
    "uuid",
]


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠")


def cell(value: object) -> object:
    """A value as a spreadsheet will take it: text that would start a formula stays text."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def write_csv(bundle: Bundle, out: Path) -> Path:
    out = Path(out)
    with out.open("w", encoding="utf-8-sig", newline="") as f:
        w = csv.writer(f)
        w.writerow(COLUMNS)
        for group, entry, item in bundle.items():
            r = entry.record
            w.writerow(
                cell(v)
                for v in [
                    group.label,
                    r.id,
                    r.title,
                    r.number or "",
                    r.issuer or "",
                    r.date or "",
                    item.color,
                    item.meaning,
                    item.quote,
                    item.note,
                    "、".join(item.tags),
                    item.page or "",
                    item.section or "",
                    item.created_at,
                    entry.link(item),
                    item.uuid,
                ]
            )
    return out
