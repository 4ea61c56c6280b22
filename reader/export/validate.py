"""Checking an annotations file whole before anything of it is imported.

A notes file comes from anywhere (a colleague's e-mail, a USB stick): every field is checked for
its type, range and length, and every string for being text, before the library is touched. The
first problem found is reported naming the item (第 3 篇文档《…》的第 5 条高亮：…), and the
import does not start — it is all or nothing.
"""

from __future__ import annotations

import json
import math
import re
from pathlib import Path
from typing import Any, NoReturn

from reader.errors import ReaderError
from reader.palette import DEFAULT_PALETTE

FORMAT = "gongbao-annotations"  # what a notes file says it is, and the newest version this reads
VERSION = 1

MAX_FILE_BYTES = 64 * 1024 * 1024
MAX_DOCUMENTS = 100_000
MAX_HIGHLIGHTS = 200_000
MAX_TEXT = 100_000  # a quote or a note
MAX_SHORT = 1_000  # a title, a prefix, a suffix
MAX_TAG = 100
MAX_TAGS = 200
MAX_OFFSET = 1 << 31
UUID = re.compile(r"^[0-9a-fA-F][0-9a-fA-F-]{7,63}$")
COLOURS = {c.key for c in DEFAULT_PALETTE}


class EnvelopeError(ReaderError):
    """Not an annotations file this version can read, or one with a bad item in it."""


def _reject_constant(name: str) -> float:
    raise ValueError(f"不是有限的数：{name}")


def load(path: Path) -> Any:
    """The file's JSON, read with a size cap; numbers must be finite, nesting shallow enough."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise EnvelopeError(f"批注文件过大（{size // 1024 // 1024} MB）：{path}")
        raw = path.read_bytes()
    except FileNotFoundError as exc:
        raise EnvelopeError(f"找不到文件：{path}") from exc
    except OSError as exc:
        raise EnvelopeError(f"无法读取批注文件：{exc.strerror or exc}") from exc
    try:
        text = raw.decode("utf-8-sig")
        return json.loads(text, parse_constant=_reject_constant, parse_float=_finite)
    except (UnicodeDecodeError, ValueError) as exc:
        raise EnvelopeError(f"不是批注导出文件（JSON 无法解析）：{path}") from exc
    except RecursionError as exc:
        raise EnvelopeError(f"不是批注导出文件（嵌套过深）：{path}") from exc


def _finite(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise ValueError(f"不是有限的数：{text}")
    return value


class _Checker:
    def __init__(self, where: str) -> None:
        self.where = where

    def fail(self, what: str) -> NoReturn:
        raise EnvelopeError(f"{self.where}：{what}")

    def text(self, value: Any, name: str, limit: int, optional: bool = False, empty: bool = True) -> None:
        if value is None and optional:
            return
        if not isinstance(value, str):
            self.fail(f"{name} 应为文字")
        if len(value) > limit:
            self.fail(f"{name} 过长（{len(value)} 字，上限 {limit}）")
        if not empty and not value.strip():
            self.fail(f"{name} 不能为空")
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            self.fail(f"{name} 含有无效字符")

    def integer(self, value: Any, name: str, optional: bool = False) -> None:
        if value is None and optional:
            return
        if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value < MAX_OFFSET:
            self.fail(f"{name} 应为 0 到 {MAX_OFFSET - 1} 之间的整数")

    def tags(self, value: Any, name: str) -> None:
        if value is None:
            return
        if not isinstance(value, list):
            self.fail(f"{name} 应为标签的列表")
        if len(value) > MAX_TAGS:
            self.fail(f"{name} 过多（{len(value)} 个）")
        for tag in value:
            self.text(tag, f"{name}中的一项", MAX_TAG, empty=False)


def check(data: Any, path: Path) -> dict[str, Any]:
    """The envelope, if every part of it is well-formed; else :class:`EnvelopeError`."""

    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise EnvelopeError(f"不是公报阅读器的批注导出文件：{path}")
    version = data.get("version")
    if isinstance(version, bool) or not isinstance(version, int):
        raise EnvelopeError(f"批注文件没有有效的版本号：{path}")
    if version > VERSION:
        raise EnvelopeError(f"批注文件版本 {version} 比本程序新，请升级后再导入")
    docs = data.get("documents")
    if not isinstance(docs, list):
        raise EnvelopeError(f"批注文件缺少 documents：{path}")
    if len(docs) > MAX_DOCUMENTS:
        raise EnvelopeError(f"批注文件的文档过多（{len(docs)} 篇）：{path}")
    seen: set[str] = set()
    total = 0
    for n, doc in enumerate(docs, start=1):
        if not isinstance(doc, dict):
            raise EnvelopeError(f"第 {n} 篇文档：应为一个对象")
        title = doc.get("title")
        c = _Checker(f"第 {n} 篇文档" + (f"《{title[:30]}》" if isinstance(title, str) else ""))
        c.text(title, "标题 title", MAX_SHORT, optional=True)
        c.integer(doc.get("doc_id"), "文档编号 doc_id", optional=True)
        c.text(doc.get("number"), "发文字号 number", MAX_SHORT, optional=True)
        c.text(doc.get("number_key"), "number_key", MAX_SHORT, optional=True)
        c.text(doc.get("note"), "文档批注 note", MAX_TEXT, optional=True)
        c.tags(doc.get("tags"), "标签 tags")
        highlights = doc.get("highlights", [])
        if not isinstance(highlights, list):
            c.fail("highlights 应为列表")
        total += len(highlights)
        if total > MAX_HIGHLIGHTS:
            raise EnvelopeError(f"批注文件的高亮过多（超过 {MAX_HIGHLIGHTS} 条）：{path}")
        for k, h in enumerate(highlights, start=1):
            hc = _Checker(f"{c.where}的第 {k} 条高亮")
            if not isinstance(h, dict):
                hc.fail("应为一个对象")
            uid = h.get("uuid")
            if not isinstance(uid, str) or not UUID.match(uid):
                hc.fail("编号 uuid 缺失或无效")
            if uid in seen:
                hc.fail(f"编号 {uid} 重复")
            seen.add(uid)
            if h.get("color") not in COLOURS:
                hc.fail(f"颜色 color 应为 {'、'.join(sorted(COLOURS))} 之一")
            hc.text(h.get("quote"), "原文 quote", MAX_TEXT, empty=False)
            hc.text(h.get("prefix", ""), "prefix", MAX_SHORT)
            hc.text(h.get("suffix", ""), "suffix", MAX_SHORT)
            hc.text(h.get("note", ""), "批注 note", MAX_TEXT)
            hc.integer(h.get("start"), "起点 start")
            hc.integer(h.get("end"), "终点 end")
            if h["end"] <= h["start"]:
                hc.fail("终点 end 应大于起点 start")
            hc.tags(h.get("tags"), "标签 tags")
            hc.text(h.get("created_at"), "created_at", 40, optional=True)
            hc.text(h.get("modified_at"), "modified_at", 40, optional=True)
    _check_corrections(data.get("corrections", []), path)
    _check_task_marks(data.get("task_marks", []), path)
    return data


MAX_MARKS = 200_000
TASK_KEY = re.compile(r"^t[0-9a-f]{11}$")


def _check_task_marks(marks: Any, path: Path) -> None:
    """Tasks marked done (issue #18): each mark whole and valid, or none imported."""
    if not isinstance(marks, list):
        raise EnvelopeError(f"批注文件的 task_marks 应为列表：{path}")
    if len(marks) > MAX_MARKS:
        raise EnvelopeError(f"批注文件的完成标记过多（{len(marks)} 个）：{path}")
    for n, m in enumerate(marks, start=1):
        c = _Checker(f"第 {n} 个完成标记")
        if not isinstance(m, dict):
            c.fail("应为一个对象")
        if not isinstance(m.get("key"), str) or not TASK_KEY.match(m["key"]):
            c.fail("任务编号 key 缺失或无效")
        c.text(m.get("done_at"), "done_at", 40, optional=True)
        c.integer(m.get("document_id"), "document_id", optional=True)
        for name in ("title", "due_text", "action"):
            c.text(m.get(name), name, MAX_SHORT, optional=True)
        c.text(m.get("sentence"), "sentence", MAX_TEXT, optional=True)


SHA256 = re.compile(r"^[0-9a-f]{64}$")
MAX_CORRECTIONS = 100_000


def _check_corrections(rules: Any, path: Path) -> None:
    """The repairs of splits a notes file carries: each rule whole and valid, or none imported."""
    from reader.corrections import FIELD, FIELDS, MERGE, SPLIT, CorrectionError, clean_field

    if not isinstance(rules, list):
        raise EnvelopeError(f"批注文件的 corrections 应为列表：{path}")
    if len(rules) > MAX_CORRECTIONS:
        raise EnvelopeError(f"批注文件的更正过多（{len(rules)} 条）：{path}")
    seen: set[str] = set()
    for n, r in enumerate(rules, start=1):
        c = _Checker(f"第 {n} 条更正")
        if not isinstance(r, dict):
            c.fail("应为一个对象")
        issue = r.get("issue")
        if not isinstance(issue, dict) or not isinstance(issue.get("sha256"), str):
            c.fail("缺少所属期刊 issue.sha256")
        if not SHA256.match(issue["sha256"]):
            c.fail("期刊的 sha256 无效")
        c.text(issue.get("label"), "期刊 label", MAX_SHORT, optional=True)
        uid = r.get("uuid")
        if not isinstance(uid, str) or not UUID.match(uid):
            c.fail("编号 uuid 缺失或无效")
        if uid in seen:
            c.fail(f"编号 {uid} 重复")
        seen.add(uid)
        kind = r.get("kind")
        if kind not in (FIELD, SPLIT, MERGE):
            c.fail("种类 kind 应为 field、split 或 merge")
        c.text(r.get("quote"), "原文 quote", MAX_SHORT, empty=False)
        c.text(r.get("prefix", ""), "prefix", MAX_SHORT)
        c.text(r.get("suffix", ""), "suffix", MAX_SHORT)
        c.integer(r.get("position", 0), "位置 position")
        c.text(r.get("created_at"), "created_at", 40, optional=True)
        original = r.get("original")
        text_value = original is None or (isinstance(original, str) and len(original) <= MAX_SHORT)
        list_value = isinstance(original, list) and all(isinstance(x, str) for x in original)
        if not (text_value or list_value):
            c.fail("原值 original 无效")
        value = r.get("value")
        if kind == FIELD:
            if r.get("field") not in FIELDS:
                c.fail(f"字段 field 应为 {'、'.join(FIELDS)} 之一")
            try:
                cleaned, _ = clean_field(r["field"], value)
            except CorrectionError as exc:
                c.fail(str(exc))
            if cleaned != value:
                c.fail("字段的值 value 不规范")
        elif kind == SPLIT:
            ok = (
                isinstance(value, dict)
                and isinstance(value.get("head", 0), int)
                and not isinstance(value.get("head", 0), bool)
                and 0 <= value.get("head", 0) < MAX_OFFSET
                and isinstance(value.get("line", False), bool)
                and set(value) <= {"head", "line"}
            )
            if not ok:
                c.fail("拆分的值 value 无效")
        elif value is not None:
            c.fail("合并不应有值 value")
