"""The command line's frame: commands declared beside their handlers, shared options checked
once, errors said in words (and as ``{"error": …}`` with ``--json``), locks released always.

A product surface: the JSON shapes are a contract (``tests/test_cli_contract.py`` holds them to
the README's). Exit codes: 0 success; 1 the command ran but something failed; 2 usage errors.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reader import __version__
from reader.errors import ReaderError, describe_failure

Handler = Callable[[argparse.Namespace], int]


@dataclass(frozen=True, slots=True)
class Arg:
    """One argument of a command, as ``add_argument`` takes it."""

    names: tuple[str, ...]
    options: dict[str, Any] = field(default_factory=dict)
    group: str | None = None  # arguments of one name here are mutually exclusive (and one required)


def arg(*names: str, group: str | None = None, **options: Any) -> Arg:
    return Arg(names, options, group)


@dataclass(frozen=True, slots=True)
class Command:
    name: str
    help: str
    handler: Handler
    args: tuple[Arg, ...]


COMMANDS: list[Command] = []


def command(name: str, help: str, *args: Arg) -> Callable[[Handler], Handler]:
    """Register ``handler`` as ``python -m reader NAME`` with these arguments."""

    def register(handler: Handler) -> Handler:
        COMMANDS.append(Command(name, help, handler, args))
        return handler

    return register


# -- shared option groups ---------------------------------------------------------------------
def colour_key(text: str) -> str:
    """A colour by key (red), by meaning (时限) or by hex; anything else is a usage error (exit 2)."""
    from reader.palette import palette, resolve
    from reader.settings import Settings

    meanings = Settings.load().palette
    key = resolve(text, meanings)
    if key is None:
        names = "、".join(f"{c.key}（{c.meaning}）" for c in palette(meanings))
        raise argparse.ArgumentTypeError(f"没有这种颜色：{text}（可用：{names}）")
    return key


def kind_key(text: str) -> str:
    """A 文种 by key (notice) or by name (通知); anything else is a usage error (exit 2)."""
    from reader.gazette.kinds import LABELS

    if text in LABELS:
        return text
    by_name = {v: k for k, v in LABELS.items()}
    if text in by_name:
        return by_name[text]
    names = "、".join(f"{k}（{v}）" for k, v in LABELS.items())
    raise argparse.ArgumentTypeError(f"没有这个文种：{text}（可用：{names}）")


def kind_arg(help: str = "文种：notice、opinion…或 通知、意见…") -> Arg:
    return arg("--kind", type=kind_key, metavar="K", help=help)


def colour_arg(help: str = "颜色：yellow/red/green/blue/purple 或其含义（如 时限）") -> Arg:
    return arg("--color", type=colour_key, metavar="C", help=help)


def _common(suppress: bool) -> argparse.ArgumentParser:
    """Options every command takes, before or after the command name.

    The subcommands' copies default to SUPPRESS so that ``--library X list`` is not reset to the
    subparser's default (an argparse quirk).
    """
    common = argparse.ArgumentParser(add_help=False)
    default = argparse.SUPPRESS if suppress else None
    common.add_argument(
        "--library", metavar="DIR", default=default, help="资料库文件夹（默认：用户数据目录）"
    )
    common.add_argument(
        "--json", action="store_true", default=argparse.SUPPRESS if suppress else False, help="输出 JSON"
    )
    return common


# argparse's own words, in the language of every other message of the CLI
_ARGPARSE_ZH = {
    "usage: ": "用法：",
    "options": "选项",
    "positional arguments": "位置参数",
    "show this help message and exit": "显示此帮助并退出",
    "%(prog)s: error: %(message)s\n": "%(prog)s：错误：%(message)s\n",
    "argument %(argument_name)s: %(message)s": "参数 %(argument_name)s：%(message)s",
    "the following arguments are required: %s": "缺少必需的参数：%s",
    "one of the arguments %s is required": "须给出以下参数之一：%s",
    "not allowed with argument %s": "不能与参数 %s 同时使用",
    "unrecognized arguments: %s": "无法识别的参数：%s",
    "expected one argument": "需要一个值",
    "expected at least one argument": "至少需要一个值",
    "expected at most one argument": "最多只能有一个值",
    "invalid choice: %(value)r (choose from %(choices)s)": "无效的选择：%(value)r（可选：%(choices)s）",
    "invalid %(type)s value: %(value)r": "无效的 %(type)s 值：%(value)r",
    "ambiguous option: %(option)s could match %(matches)s": "选项 %(option)s 有歧义，可能是：%(matches)s",
}


def _speak_chinese() -> None:
    """argparse says ``usage:`` and ``options:`` through gettext: give it Chinese."""
    import gettext

    argparse._ = lambda text: _ARGPARSE_ZH.get(text) or gettext.gettext(text)  # type: ignore[attr-defined]


def build_parser() -> argparse.ArgumentParser:
    _speak_chinese()
    top = _common(suppress=False)
    common = _common(suppress=True)
    p = argparse.ArgumentParser(
        prog="python -m reader",
        description="公报阅读器 Gongbao Reader —— 不带命令时启动图形界面",
        parents=[top],
    )
    p.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")
    for cmd in COMMANDS:
        sp = sub.add_parser(cmd.name, parents=[common], help=cmd.help)
        groups: dict[str, argparse._MutuallyExclusiveGroup] = {}
        for a in cmd.args:
            target = sp
            if a.group is not None:
                if a.group not in groups:
                    groups[a.group] = sp.add_mutually_exclusive_group(required=True)
                target = groups[a.group]
            target.add_argument(*a.names, **a.options)
        sp.set_defaults(func=cmd.handler)
    return p


def options_with_value() -> set[str]:
    """Every option of every command that takes a value (``--library``, ``--quote`` …): what
    ``python -m reader`` needs to tell a command's words from a bare link."""
    found = {"--library", "--lang"}  # --lang: the app's own option
    for cmd in COMMANDS:
        for a in cmd.args:
            takes_value = a.options.get("action") not in ("store_true", "store_false", "count")
            if takes_value:
                found.update(n for n in a.names if n.startswith("-"))
    return found


# -- output and libraries ---------------------------------------------------------------------
def print_json(obj: Any) -> None:
    sys.stdout.write(json.dumps(obj, ensure_ascii=False, indent=2) + "\n")


def err(msg: str) -> None:
    sys.stderr.write(f"gongbao: {msg}\n")


def library_dir(args: argparse.Namespace) -> Path:
    """The same library the app opens: --library, portable, the settings' choice, the default."""
    from reader.locations import library_dir as choose
    from reader.settings import Settings

    return choose(args.library, Settings.load().library or None).path


@contextlib.contextmanager
def held_lock(folder: Path, busy: str) -> Iterator[None]:
    """The one-writer lock for the command's duration, released whatever happens."""
    from reader.library.lock import LibraryLock

    lock = LibraryLock(folder)
    if not lock.acquire():
        raise ReaderError(busy)
    try:
        yield
    finally:
        lock.release()


@contextlib.contextmanager
def opened(args: argparse.Namespace, *, create: bool = False, write: bool = False):
    """The library, open for the command; one that writes holds the one-writer lock."""
    from reader.library import Library

    folder = library_dir(args)
    busy = (
        f"资料库正在被公报阅读器使用，不能同时写入：{folder}\n"
        "请在程序中操作，或关闭程序后再运行此命令（只读命令仍可使用）"
    )
    with held_lock(folder, busy) if write else contextlib.nullcontext():
        lib = Library(folder, create=create)
        try:
            yield lib
        finally:
            lib.close()


def search_index(lib):
    """The library's index, brought up to date first (the CLI has no background indexer): what
    is queued is indexed with both cores, saying so on stderr. While the app has the library
    open its own indexer does that: the index is searched as it stands."""
    from reader.library.lock import LibraryLock
    from reader.search.index import SearchIndex
    from reader.search.indexer import ensure_index, index_folder, process_queue, queued

    index = SearchIndex(index_folder(lib))
    if lib.readonly:
        return index
    lock = LibraryLock(lib.folder)
    if not lock.acquire():
        err("公报阅读器正在使用这个资料库：按现有索引检索（最新的改动可能还未编入）")
        return index
    try:
        rebuilt = ensure_index(lib, index)
        waiting = queued(lib)
        if waiting:
            err(f"正在{'重建' if rebuilt else '更新'}检索索引：{waiting} 篇文档…")
            tty = sys.stderr.isatty()

            def progress(done: int, total: int) -> None:
                if tty:
                    sys.stderr.write(f"\r  {done}/{total}")

            process_queue(lib, index, progress=progress, procs=min(2, os.cpu_count() or 1))
            if tty:
                sys.stderr.write("\r" + " " * 24 + "\r")
    finally:
        lock.release()
    return index


def _utf8_output() -> None:
    """Pipes get UTF-8 whatever the Windows code page: scripts parse our JSON."""
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure") and not stream.isatty():
            stream.reconfigure(encoding="utf-8", errors="replace")


def error_category(exc: BaseException) -> str:
    """What kind of failure, for scripts (``{"error", "category"}``; the README lists them)."""
    from reader.errors import DocumentNotFound, ImportRejected, LibraryError, LibraryReadOnly

    if isinstance(exc, ImportRejected):
        return exc.category
    if isinstance(exc, DocumentNotFound):
        return "not_found"
    if isinstance(exc, LibraryReadOnly):
        return "read_only"
    if isinstance(exc, LibraryError):
        return "library"
    if isinstance(exc, OSError):
        return "os"
    return "refused"


def _fail(args: argparse.Namespace, message: str, category: str = "refused") -> int:
    if getattr(args, "json", False):  # scripts read the error where they read the result
        print_json({"error": message, "category": category})
    err(message)
    return 1


def main(argv: Sequence[str] | None = None) -> int:
    _utf8_output()
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        return args.func(args)
    except ReaderError as exc:
        return _fail(args, str(exc), error_category(exc))
    except BrokenPipeError:  # the reader of our output went away (| head): nothing to say
        return 0
    except OSError as exc:  # a full disk, a vanished folder: said in words, never a traceback
        return _fail(
            args, f"无法完成：{describe_failure(exc)}" + (f"（{exc.filename}）" if exc.filename else ""), "os"
        )
    except KeyboardInterrupt:
        err("已取消")
        return 130
