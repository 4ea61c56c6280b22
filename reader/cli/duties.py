"""Commands on what documents ask of the reader: 人事任免 records, tasks, done marks, exports."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from reader.cli.core import arg, command, err, opened, print_json
from reader.errors import DocumentNotFound, ReaderError


def brought_up_to_date(lib) -> int:
    """Read what is still queued (the CLI has no background process), unless the app holds the
    library or it is read-only; the number of documents left unread (0: the lists are whole)."""
    from reader.extracts.store import catch_up, pending
    from reader.library.lock import LibraryLock

    waiting = pending(lib.db.conn)
    if not waiting or lib.readonly:
        return waiting
    lock = LibraryLock(lib.folder)
    if not lock.acquire():
        err(f"公报阅读器正在使用这个资料库：{waiting} 篇文档的任免与任务还在由它读取，结果可能不全")
        return waiting
    try:
        catch_up(lib.db)
    finally:
        lock.release()
    return pending(lib.db.conn)


def _day(text: str | None, option: str) -> str | None:
    if text is None:
        return None
    try:
        return date.fromisoformat(text.strip()).isoformat()
    except ValueError:
        raise ReaderError(f"{option} 应为 YYYY-MM-DD 格式的日期：{text}") from None


def _state(args: argparse.Namespace) -> str | None:
    if args.open and args.done:
        raise ReaderError("--open 与 --done 只能选一个")
    return "open" if args.open else "done" if args.done else None


_FILTERS = (
    arg("--due-before", metavar="DATE", help="只列期限在此日（含）之前的（YYYY-MM-DD）"),
    arg("--unit", metavar="UNIT", help="责任单位或报送单位含此文字，如本单位名称"),
    arg("--open", action="store_true", help="只列未完成的"),
    arg("--done", action="store_true", help="只列已完成的"),
)


def _tasks(lib, args: argparse.Namespace):
    return lib.extracts.tasks(
        due_before=_day(args.due_before, "--due-before"), unit=args.unit, state=_state(args)
    )


@command(
    "personnel",
    "人事任免记录：谁被任命、免去、聘任…何职，哪份文件、哪天决定",
    arg("--name", metavar="NAME", help="姓名含此文字"),
    arg("--post", metavar="POST", help="职务含此文字"),
    arg("--organ", metavar="ORGAN", help="单位含此文字"),
    arg("--csv", metavar="FILE", help="同时写成 CSV（UTF-8，Excel/WPS 可直接打开）"),
)
def cmd_personnel(args: argparse.Namespace) -> int:
    with opened(args) as lib:
        left = brought_up_to_date(lib)
        records = lib.extracts.personnel(name=args.name, post=args.post, organ=args.organ)
    if args.csv:
        from reader.export.tasks import personnel_csv

        personnel_csv(records, Path(args.csv))
    if args.json:
        print_json({"records": [r.to_dict() for r in records], "total": len(records), "pending": left})
        return 0
    for r in records:
        sex = f"（{r.sex}）" if r.sex else ""
        cond = f"（{r.conditions}）" if r.conditions else ""
        where = r.number or r.title
        print(f"{r.decided or '日期不详':<10}  {r.person}{sex}  {r.action}  {r.post}{cond}  —{where}")
    print(f"共 {len(records)} 条" + (f"；另有 {left} 篇文档尚未读取" if left else ""))
    return 0


@command("tasks", "文件交办的任务与期限（待办）：按期限排序，逾期在前", *_FILTERS)
def cmd_tasks(args: argparse.Namespace) -> int:
    from reader.extracts.schedule import next_due

    today = date.today()
    with opened(args) as lib:
        left = brought_up_to_date(lib)
        tasks = _tasks(lib, args)
        unplaced = lib.extracts.unplaced()
    overdue = [t for t in tasks if not t.done and (d := next_due(t.due, None, today)) and d < today]
    if args.json:
        print_json(
            {
                "tasks": [t.to_dict() for t in tasks],
                "total": len(tasks),
                "overdue": len(overdue),
                "pending": left,
                "unplaced_done": unplaced,
            }
        )
        return 0
    for t in tasks:
        mark = "✓" if t.done else ("逾期" if t in overdue else "  ")
        who = f"  [{t.responsible}]" if t.responsible else ""
        print(f"{t.id}  {mark:<2}  {t.due or t.due_text:<12}  {t.action}{who}")
    print(f"共 {len(tasks)} 项，逾期 {len(overdue)} 项" + (f"；另有 {left} 篇文档尚未读取" if left else ""))
    if unplaced:
        print(f"另有 {len(unplaced)} 个完成标记的任务已不在文中（原文改动），仍保留")
    return 0


@command(
    "task-done",
    "把任务标为已完成（或用 --undo 取消）；标记属于用户，重新解析后仍在",
    arg("task_id", metavar="TASK_ID"),
    arg("--undo", action="store_true", help="取消完成标记"),
)
def cmd_task_done(args: argparse.Namespace) -> int:
    with opened(args, write=True) as lib:
        brought_up_to_date(lib)
        task = lib.extracts.set_done(args.task_id.strip(), not args.undo)
        if task is None:
            raise DocumentNotFound(f"没有编号为 {args.task_id} 的任务（用 tasks 查看编号）")
    if args.json:
        print_json({"task": task.to_dict(), "done": task.done})
        return 0
    print(("已完成：" if task.done else "已改为未完成：") + task.action)
    return 0


@command(
    "export-tasks",
    "把待办导出为日历（.ics，Outlook/WPS 日历可导入）或表格（.csv）",
    arg("--format", required=True, choices=["ics", "csv"], help="ics 或 csv"),
    arg("--out", required=True, metavar="FILE"),
    *_FILTERS,
)
def cmd_export_tasks(args: argparse.Namespace) -> int:
    from reader.export.tasks import tasks_csv, tasks_ics

    with opened(args) as lib:
        brought_up_to_date(lib)
        tasks = _tasks(lib, args)
    out = Path(args.out)
    if not tasks:
        raise ReaderError("没有可导出的任务")
    if args.format == "csv":
        written, skipped = tasks_csv(tasks, out), 0
    else:
        existed = out.exists()
        written, skipped = tasks_ics(tasks, out)
        if written == 0:
            if not existed:
                out.unlink(missing_ok=True)
            raise ReaderError("没有可放入日历的任务：已完成的和没有具体日期的不进日历")
    if args.json:
        print_json({"path": str(out), "format": args.format, "tasks": written, "skipped": skipped})
        return 0
    print(
        f"已导出 {written} 项到 {out}"
        + (f"（{skipped} 项已完成或没有具体日期，未放入日历）" if skipped else "")
    )
    return 0
