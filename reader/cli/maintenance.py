"""Commands on the library as a whole: backup, restore, check, paths."""

from __future__ import annotations

import argparse
from pathlib import Path

from reader.cli.core import arg, command, held_lock, library_dir, print_json
from reader.errors import ReaderError


@command("backup", "备份资料库（--list 列出已有备份）", arg("--list", action="store_true"))
def cmd_backup(args: argparse.Namespace) -> int:
    from reader.library.backup import backups, make_backup

    folder = library_dir(args)
    if args.list:
        found = [
            {"path": str(b.path), "when": b.when.isoformat(), "reason": b.reason} for b in backups(folder)
        ]
        if args.json:
            print_json({"backups": found})
        else:
            for b in backups(folder):
                print(f"{b.label}  {b.path}")
        return 0
    made = make_backup(folder, "manual")
    if args.json:
        print_json({"path": str(made.path), "when": made.when.isoformat(), "reason": made.reason})
    else:
        print(f"已备份：{made.path}")
    return 0


@command("restore", "从备份恢复资料库（默认最新的完好备份）", arg("backup", nargs="?", metavar="BACKUP"))
def cmd_restore(args: argparse.Namespace) -> int:
    from reader.library.backup import backups, check_file, restore

    folder = library_dir(args)
    with held_lock(folder, f"资料库正在被公报阅读器使用，请先关闭程序再恢复：{folder}"):
        if args.backup:
            chosen = Path(args.backup)
        else:
            good = [b.path for b in backups(folder) if check_file(b.path) is None]
            if not good:
                raise ReaderError(f"没有可用的备份：{folder / 'backups'}")
            chosen = good[0]
        aside = restore(folder, chosen)
    if args.json:
        print_json({"restored": str(chosen), "damaged_kept_in": str(aside)})
    else:
        print(f"已从 {chosen.name} 恢复；原来的资料库文件保存在 {aside}")
    return 0


@command("check", "检查资料库是否完好（--full 完整检查）", arg("--full", action="store_true"))
def cmd_check(args: argparse.Namespace) -> int:
    from reader.library.backup import check_at_start, check_file

    folder = library_dir(args)
    db = folder / "library.sqlite"
    if not db.exists():
        raise ReaderError(f"资料库不存在：{folder}")
    if args.full:
        problem, kind = check_file(db), "full"
    else:
        health = check_at_start(folder)
        problem, kind = health.problem, health.checked
    if args.json:
        print_json({"ok": problem is None, "check": kind, "problem": problem})
    else:
        print("资料库完好" if problem is None else f"资料库已损坏：{problem}")
    return 0 if problem is None else 1


@command("paths", "显示资料库、设置和缓存所在的文件夹")
def cmd_paths(args: argparse.Namespace) -> int:
    from reader.locations import cache_dir, config_dir, portable_root
    from reader.locations import library_dir as choose
    from reader.logfile import log_path
    from reader.settings import Settings

    choice = choose(args.library, Settings.load().library or None)
    info = {
        "library": str(choice.path),
        "library_source": choice.source,
        "config": str(config_dir()),
        "cache": str(cache_dir()),
        "portable": portable_root() is not None,
        "log": str(log_path()),  # where a program error's details are written
    }
    if args.json:
        print_json(info)
    else:
        labels = {
            "library": "资料库",
            "library_source": "来源",
            "config": "设置",
            "cache": "缓存",
            "portable": "便携模式",
            "log": "错误日志",
        }
        for k, v in info.items():
            print(f"{labels[k]}：{v}")
    return 0
