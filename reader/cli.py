"""Command line: ``python -m reader <command>``. A product surface: its JSON shapes are a contract.

Exit codes: 0 success; 1 the command ran but something failed (some files not imported, a
document not found, the library unusable); 2 usage errors.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from reader import __version__
from reader.annotations.anchor import nth_occurrence
from reader.annotations.palette import DEFAULT_COLOUR, palette, resolve
from reader.errors import ImportRejected, ReaderError, describe_failure
from reader.gazette import parse_gazette
from reader.gazette.kinds import label as kind_label
from reader.importer import import_paths, parse_pdf, read_source
from reader.library import Library
from reader.locations import library_dir
from reader.settings import Settings
from reader.sources.pdf import Extractor
from reader.sources.text import decode_bytes

_STATUS_LABELS = {
    "imported": "已导入",
    "updated": "已更新（同一期刊的新版本）",
    "present": "已存在，未重复导入",
    "failed": "导入失败",
}


def _print_json(obj: Any) -> None:
    sys.stdout.write(json.dumps(obj, ensure_ascii=False, indent=2) + "\n")


def _err(msg: str) -> None:
    sys.stderr.write(f"gongbao: {msg}\n")


def _library_dir(args: argparse.Namespace) -> Path:
    """The same library the app opens: --library, portable, the settings' choice, the default."""
    return library_dir(args.library, Settings.load().library or None).path


_LOCKS: list = []  # held until the command's process ends


def _open_library(args: argparse.Namespace, *, create: bool, write: bool = False) -> Library:
    """Open the library; a command that writes first takes the one-writer lock."""
    folder = _library_dir(args)
    if write:
        from reader.library.lock import LibraryLock

        lock = LibraryLock(folder)
        if not lock.acquire():
            raise ReaderError(
                f"资料库正在被公报阅读器使用，不能同时写入：{folder}\n"
                "请在程序中操作，或关闭程序后再运行此命令（只读命令仍可使用）"
            )
        _LOCKS.append(lock)
    return Library(folder, create=create)


def cmd_parse(args: argparse.Namespace) -> int:
    path = Path(args.file)
    pages = None
    try:
        data = read_source(path)
        if data.startswith(b"%PDF") or path.suffix.lower() == ".pdf":
            with Extractor() as ex:
                pdf = ex.extract(path, args.password)
            parsed, pages = parse_pdf(pdf, path.name)
            encoding, warnings = None, pdf.warnings
        else:
            decoded = decode_bytes(data, args.encoding)
            parsed = parse_gazette(decoded.text, path.name)
            encoding, warnings = decoded.encoding, decoded.warnings
    except ImportRejected as exc:
        _err(f"{path}: {exc.label}：{exc.reason}")
        return 1
    result = parsed.to_dict()
    result["source"] = {"path": str(path), "encoding": encoding, "warnings": warnings}
    if pages is not None:
        for d, (first, last, _map) in zip(result["documents"], pages, strict=True):
            d["page_start"], d["page_end"] = first, last
    if args.json:
        _print_json(result)
        return 0
    iss = parsed.issue
    print(f"{path.name}  编码 {encoding or 'PDF'}")
    period = f"{iss.year or '-'}年 第{iss.number or '-'}期"
    print(f"期刊：{iss.publisher or '-'}  {period}  出版日期 {iss.date or '-'}")
    for n, d in enumerate(parsed.documents, 1):
        print(f"{n:>3}. [{kind_label(d.kind)}] {d.title}")
        print(f"     {d.number or '无文号'}  {d.issuer or '-'}  {d.date or '-'}")
    for w in parsed.warnings + warnings:
        print(f"注意：{w}")
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    try:
        lib = _open_library(args, create=True, write=True)
    except ReaderError as exc:
        outcomes = [
            {"path": p, "status": "failed", "category": "library", "reason": str(exc)} for p in args.paths
        ]
        if args.json:
            _print_json({"library": str(_library_dir(args)), "results": outcomes, "failed": len(outcomes)})
        _err(str(exc))
        return 1
    with lib:

        def progress(done: int, total: int, current: str) -> None:
            if not args.json and current and sys.stderr.isatty():
                sys.stderr.write(f"\r[{done + 1}/{total}] {current[-60:]:<60}")

        outcomes = import_paths(
            lib, args.paths, encoding=args.encoding, password=args.password, progress=progress
        )
        if not args.json and sys.stderr.isatty():
            sys.stderr.write("\r" + " " * 72 + "\r")
    failed = [o for o in outcomes if not o.ok]
    if args.json:
        _print_json(
            {
                "library": str(lib.folder),
                "results": [o.to_dict() for o in outcomes],
                "imported": sum(o.status == "imported" for o in outcomes),
                "updated": sum(o.status == "updated" for o in outcomes),
                "present": sum(o.status == "present" for o in outcomes),
                "failed": len(failed),
            }
        )
    else:
        for o in outcomes:
            line = f"{_STATUS_LABELS[o.status]}：{o.path}"
            if o.status in ("imported", "updated"):
                source = f"PDF {o.pages} 页" if o.format == "pdf" else f"编码 {o.encoding}"
                line += f"（{o.documents} 篇文档，{source}）"
            if o.status == "updated":
                c = o.changes
                placed = sum(v for k, v in c.items() if k in ("offset", "quote", "normalized", "fuzzy"))
                docs = "更新 {} 篇，新增 {} 篇，撤下 {} 篇".format(
                    c.get("updated", 0), c.get("added", 0), c.get("withdrawn", 0)
                )
                line += f"：{docs}；高亮重新定位 {placed} 条，无法定位 {c.get('orphan', 0)} 条"
            elif o.status == "failed":
                line += f" —— {o.reason}"
            print(line)
            for w in o.warnings:
                print(f"    注意：{w}")
        if not outcomes:
            print("没有找到可导入的文件（支持 .txt .md .pdf）")
        print(
            f"共 {len(outcomes)} 个文件：导入 {sum(o.status == 'imported' for o in outcomes)}，"
            f"更新 {sum(o.status == 'updated' for o in outcomes)}，"
            f"已存在 {sum(o.status == 'present' for o in outcomes)}，失败 {len(failed)}"
        )
    return 1 if failed or not outcomes else 0


def cmd_list(args: argparse.Namespace) -> int:
    with _open_library(args, create=False) as lib:
        docs = lib.documents(
            city=args.city, year=args.year, kind=args.kind, issuer=args.issuer, tag=args.tag, sort=args.sort
        )
    if args.json:
        _print_json([d.to_dict() for d in docs])
        return 0
    for d in docs:
        print(f"{d.id:>6}  {d.date or '----------'}  {d.number or '':<20}  {d.title}  〔{d.issue}〕")
    print(f"共 {len(docs)} 篇文档")
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    with _open_library(args, create=False) as lib:
        doc = lib.document(args.doc_id)
    if args.json:
        _print_json(doc.to_dict())
        return 0
    print(doc.title)
    if doc.number:
        print(doc.number)
    print(f"发文机关：{doc.issuer or '-'}    成文日期：{doc.date or '-'}    文种：{kind_label(doc.kind)}")
    print(f"来源：{doc.issue.label}")
    if doc.attachments:
        print("附件：" + "；".join(doc.attachments))
    print()
    print(doc.text)
    return 0


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


def _highlight_row(h) -> dict:
    d = h.to_dict()
    d.pop("deleted", None)
    d["meaning"] = next((c.meaning for c in palette(Settings.load().palette) if c.key == h.color), h.color)
    return d


def cmd_annotate(args: argparse.Namespace) -> int:
    colour = resolve(args.color, Settings.load().palette) if args.color else DEFAULT_COLOUR
    if colour is None:
        names = "、".join(f"{c.key}（{c.meaning}）" for c in palette(Settings.load().palette))
        _err(f"未知的颜色“{args.color}”，可用：{names}")
        return 2
    with _open_library(args, create=False, write=True) as lib:
        doc = lib.document(args.doc_id)
        span = nth_occurrence(doc.text, args.quote, args.occurrence)
        if span is None:
            found = doc.text.count(args.quote)
            _err(f"文档 {args.doc_id} 中找不到第 {args.occurrence} 处“{args.quote}”（共 {found} 处）")
            return 1
        note = args.note or ""
        h = lib.annotations.add_highlight(doc.id, span[0], span[1], colour, note=note, tags=args.tag)
    if args.json:
        _print_json(_highlight_row(h))
    else:
        print(f"已高亮：{h.uuid}  〔{h.start}-{h.end}〕 {h.quote}")
    return 0


def cmd_annotations(args: argparse.Namespace) -> int:
    with _open_library(args, create=False) as lib:
        if args.doc_id is not None:
            lib.document(args.doc_id)  # a clear error for an unknown document
        rows = lib.annotations.highlights(
            args.doc_id, color=args.color and resolve(args.color, Settings.load().palette), tag=args.tag
        )
        document = None
        if args.doc_id is not None:
            note = lib.annotations.document_note(args.doc_id)
            document = {"id": args.doc_id, "note": note, "tags": lib.annotations.document_tags(args.doc_id)}
    if args.json:
        out: dict = {"highlights": [_highlight_row(h) for h in rows]}
        if document is not None:
            out["document"] = document
        _print_json(out)
        return 0
    for h in rows:
        state = "（无法定位）" if h.orphan else ""
        tags = f"  #{' #'.join(h.tags)}" if h.tags else ""
        print(f"[{h.color}] {h.document_title}{state}\n    “{h.quote}”{tags}")
        if h.note:
            print("    批注：" + h.note.replace("\n", "\n          "))
    print(f"共 {len(rows)} 条高亮")
    return 0


def cmd_tag(args: argparse.Namespace) -> int:
    with _open_library(args, create=False, write=True) as lib:
        lib.document(args.doc_id)
        if args.remove:
            lib.annotations.untag_document(args.doc_id, args.tags)
        else:
            lib.annotations.tag_document(args.doc_id, args.tags)
        tags = lib.annotations.document_tags(args.doc_id)
    if args.json:
        _print_json({"document_id": args.doc_id, "tags": tags})
    else:
        print(f"文档 {args.doc_id} 的标签：{'、'.join(tags) or '（无）'}")
    return 0


def _search_index(lib: Library):
    """The library's index, brought up to date first (the CLI has no background indexer)."""
    from reader.search.index import SearchIndex
    from reader.search.indexer import ensure_index, index_folder, process_queue

    index = SearchIndex(index_folder(lib))
    if not lib.readonly:
        ensure_index(lib, index)
        process_queue(lib, index)
    return index


def _year_range(text: str | None) -> tuple[int | None, int | None]:
    if not text:
        return None, None
    lo, _, hi = text.partition("-")
    return int(lo), int(hi or lo)


def cmd_search(args: argparse.Namespace) -> int:
    from reader.search.index import Filters
    from reader.search.indexer import fetcher

    try:
        year_from, year_to = _year_range(args.year)
    except ValueError:
        _err(f"年份格式应为 2019 或 2018-2020：{args.year}")
        return 2
    with _open_library(args, create=False) as lib:
        index = _search_index(lib)
        filters = Filters(city=args.city, year_from=year_from, year_to=year_to, kind=args.kind, tag=args.tag)
        results = index.search(
            args.query, filters=filters, limit=args.limit, sort=args.sort, fetch=fetcher(lib)
        )
        index.close()
    if args.json:
        _print_json(results.to_dict())
        return 0
    for h in results.hits:
        print(f"{h.doc_id:>6}  {h.date or '----------'}  {h.number or '':<20}  {h.title}")
        for s in h.snippets[:3]:
            print("        " + s.text.replace("⟦", "【").replace("⟧", "】"))
    print(f"共 {results.total} 篇（{results.seconds * 1000:.0f} 毫秒）")
    return 0


def cmd_reparse(args: argparse.Namespace) -> int:
    from reader.gazette.parser import PARSER_VERSION
    from reader.reparse import outdated_issues, reparse_issues

    try:
        lib = _open_library(args, create=False, write=True)
    except ReaderError as exc:
        if args.json:
            _print_json({"error": str(exc), "results": [], "failed": 0})
        _err(str(exc))
        return 1
    with lib:
        known = {r.id for r in lib.issues()}
        if args.all:
            ids = sorted(known)
        elif args.issues:
            ids = args.issues
        else:
            ids = outdated_issues(lib)
        missing = [i for i in ids if i not in known]
        outcomes = reparse_issues(lib, [i for i in ids if i in known])
    results = [o.to_dict() for o in outcomes] + [
        {"issue_id": i, "status": "failed", "reason": f"没有编号为 {i} 的期刊"} for i in missing
    ]
    failed = sum(r["status"] == "failed" for r in results)
    if args.json:
        _print_json(
            {
                "parser_version": PARSER_VERSION,
                "results": results,
                "reparsed": sum(r["status"] == "reparsed" for r in results),
                "unchanged": sum(r["status"] == "unchanged" for r in results),
                "failed": failed,
            }
        )
    else:
        for o in outcomes:
            if o.status == "reparsed":
                c = o.changes
                placed = sum(
                    v for k, v in c.items() if k in ("offset", "quote", "normalized", "fuzzy", "moved")
                )
                print(
                    f"已重新拆分：{o.label}（{o.documents} 篇文档：保留 {c.get('updated', 0)}，"
                    f"新增 {c.get('added', 0)}，撤下 {c.get('withdrawn', 0)}；高亮定位 {placed} 条，"
                    f"无法定位 {c.get('orphan', 0)} 条，均已保留）"
                )
            elif o.status == "unchanged":
                print(f"无变化：{o.label}")
            else:
                print(f"失败：{o.label or o.issue_id} —— {o.reason}")
        for i in missing:
            print(f"失败：没有编号为 {i} 的期刊")
        if not results:
            print(f"没有需要重新拆分的期刊（均已由第 {PARSER_VERSION} 版拆分程序处理）")
    return 1 if failed else 0


def cmd_reindex(args: argparse.Namespace) -> int:
    from reader.search.indexer import reindex

    with _open_library(args, create=False) as lib:
        report = reindex(lib)
    if args.json:
        _print_json({"indexed": report.indexed, "deleted": report.deleted})
    else:
        print(f"索引已重建：{report.indexed} 篇文档")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from reader.export import Scope, export

    meanings = Settings.load().palette
    color = None
    if args.color:
        color = resolve(args.color, meanings)
        if color is None:
            names = "、".join(f"{c.key}（{c.meaning}）" for c in palette(meanings))
            _err(f"没有这种颜色：{args.color}（可用：{names}）")
            return 2
    scope = Scope(
        doc_ids=args.doc,
        tag=args.tag,
        query=args.query,
        everything=args.all,
        color=color,
        highlight_tag=args.highlight_tag,
        date_from=args.date_from,
        date_to=args.date_to,
    )
    with _open_library(args, create=False) as lib:

        def search(query: str) -> list[int]:
            from reader.search.indexer import fetcher

            index = _search_index(lib)
            try:
                return [h.doc_id for h in index.search(query, limit=100_000, fetch=fetcher(lib)).hits]
            finally:
                index.close()

        report = export(lib, scope, args.format, Path(args.out), meanings=meanings, search=search)
    if args.json:
        _print_json(report.to_dict())
    else:
        print(f"已导出 {report.documents} 篇文档、{report.highlights} 处批注：{report.path}")
    return 0


def cmd_import_annotations(args: argparse.Namespace) -> int:
    from reader.export.envelope import import_annotations

    with _open_library(args, create=False, write=True) as lib:
        report = import_annotations(lib, Path(args.file))
    if args.json:
        _print_json(report.to_dict())
    else:
        r = report
        print(
            f"新增 {r.added}，恢复 {r.restored}，更新 {r.updated}，已存在 {r.unchanged}，"
            f"无法定位 {r.orphaned}，找不到文档 {r.missing_documents}"
        )
    return 0


def cmd_backup(args: argparse.Namespace) -> int:
    from reader.library.backup import backups, make_backup

    folder = _library_dir(args)
    if args.list:
        found = [
            {"path": str(b.path), "when": b.when.isoformat(), "reason": b.reason} for b in backups(folder)
        ]
        if args.json:
            _print_json({"backups": found})
        else:
            for b in backups(folder):
                print(f"{b.label}  {b.path}")
        return 0
    made = make_backup(folder, "manual")
    if args.json:
        _print_json({"path": str(made.path), "when": made.when.isoformat(), "reason": made.reason})
    else:
        print(f"已备份：{made.path}")
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    from reader.library.backup import backups, check_file, restore
    from reader.library.lock import LibraryLock

    folder = _library_dir(args)
    lock = LibraryLock(folder)
    if not lock.acquire():
        raise ReaderError(f"资料库正在被公报阅读器使用，请先关闭程序再恢复：{folder}")
    if args.backup:
        chosen = Path(args.backup)
    else:
        good = [b.path for b in backups(folder) if check_file(b.path) is None]
        if not good:
            raise ReaderError(f"没有可用的备份：{folder / 'backups'}")
        chosen = good[0]
    aside = restore(folder, chosen)
    lock.release()
    if args.json:
        _print_json({"restored": str(chosen), "damaged_kept_in": str(aside)})
    else:
        print(f"已从 {chosen.name} 恢复；原来的资料库文件保存在 {aside}")
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    from reader.library.backup import check_at_start, check_file

    folder = _library_dir(args)
    db = folder / "library.sqlite"
    if not db.exists():
        raise ReaderError(f"资料库不存在：{folder}")
    if args.full:
        problem, kind = check_file(db), "full"
    else:
        health = check_at_start(folder)
        problem, kind = health.problem, health.checked
    if args.json:
        _print_json({"ok": problem is None, "check": kind, "problem": problem})
    else:
        print("资料库完好" if problem is None else f"资料库已损坏：{problem}")
    return 0 if problem is None else 1


def cmd_paths(args: argparse.Namespace) -> int:
    from reader.locations import cache_dir, config_dir, portable_root

    choice = library_dir(args.library, Settings.load().library or None)
    info = {
        "library": str(choice.path),
        "library_source": choice.source,
        "config": str(config_dir()),
        "cache": str(cache_dir()),
        "portable": portable_root() is not None,
    }
    if args.json:
        _print_json(info)
    else:
        labels = {
            "library": "资料库",
            "library_source": "来源",
            "config": "设置",
            "cache": "缓存",
            "portable": "便携模式",
        }
        for k, v in info.items():
            print(f"{labels[k]}：{v}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    top = _common(suppress=False)
    common = _common(suppress=True)

    p = argparse.ArgumentParser(
        prog="python -m reader",
        description="公报阅读器 Gongbao Reader —— 不带命令时启动图形界面",
        parents=[top],
    )
    p.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    sp = sub.add_parser("parse", parents=[common], help="解析一个公报文件并输出结构（不写入资料库）")
    sp.add_argument("file")
    sp.add_argument("--encoding", help="强制使用此编码（如 gb18030）")
    sp.add_argument("--password", help="加密 PDF 的打开密码（只用于本次，不会保存）")
    sp.set_defaults(func=cmd_parse)

    sp = sub.add_parser("import", parents=[common], help="导入文件或文件夹（递归）")
    sp.add_argument("paths", nargs="+", metavar="PATH")
    sp.add_argument("--encoding", help="强制使用此编码（如 gb18030）")
    sp.add_argument("--password", help="加密 PDF 的打开密码（只用于本次，不会保存）")
    sp.set_defaults(func=cmd_import)

    sp = sub.add_parser("list", parents=[common], help="列出资料库中的文档")
    sp.add_argument("--city")
    sp.add_argument("--year", type=int)
    sp.add_argument("--kind", help="文种，如 notice、opinion、personnel")
    sp.add_argument("--issuer", help="发文机关（包含匹配）")
    sp.add_argument("--sort", choices=["issue", "date", "date_asc"], default="issue")
    sp.add_argument("--tag", help="只列出带此标签（文档或其高亮）的文档")
    sp.set_defaults(func=cmd_list)

    sp = sub.add_parser("show", parents=[common], help="显示一篇文档")
    sp.add_argument("doc_id", type=int, metavar="DOC_ID")
    sp.set_defaults(func=cmd_show)

    sp = sub.add_parser("annotate", parents=[common], help="高亮文档中的一段文字（可加批注、标签）")
    sp.add_argument("doc_id", type=int, metavar="DOC_ID")
    sp.add_argument("--quote", required=True, help="要高亮的原文")
    sp.add_argument("--occurrence", type=int, default=1, help="原文出现多次时取第几处（从 1 起）")
    sp.add_argument("--color", help="颜色：yellow/red/green/blue/purple 或其含义（如 时限）")
    sp.add_argument("--note", help="批注")
    sp.add_argument("--tag", action="append", default=[], help="标签（可重复）")
    sp.set_defaults(func=cmd_annotate)

    sp = sub.add_parser("annotations", parents=[common], help="列出高亮和批注")
    sp.add_argument("doc_id", type=int, nargs="?", metavar="DOC_ID")
    sp.add_argument("--color")
    sp.add_argument("--tag")
    sp.set_defaults(func=cmd_annotations)

    sp = sub.add_parser("search", parents=[common], help="全文检索")
    sp.add_argument(
        "query", metavar="QUERY", help='检索式，如：河长 巡河、"乡村振兴战略"、文号:钦政办〔2019〕5号'
    )
    sp.add_argument("--limit", type=int, default=20)
    sp.add_argument("--city")
    sp.add_argument("--year", help="2019 或 2018-2020")
    sp.add_argument("--kind")
    sp.add_argument("--tag")
    sp.add_argument("--sort", choices=["relevance", "date", "date_asc"], default="relevance")
    sp.set_defaults(func=cmd_search)

    sp = sub.add_parser(
        "reparse", parents=[common], help="用当前的拆分程序重新拆分已导入的期刊（默认：旧版拆分的期刊）"
    )
    sp.add_argument("issues", nargs="*", type=int, metavar="ISSUE_ID")
    sp.add_argument("--all", action="store_true", help="重新拆分全部期刊")
    sp.set_defaults(func=cmd_reparse)

    sp = sub.add_parser("reindex", parents=[common], help="从资料库重建检索索引")
    sp.set_defaults(func=cmd_reindex)

    sp = sub.add_parser("tag", parents=[common], help="给文档加标签（--remove 去掉）")
    sp.add_argument("doc_id", type=int, metavar="DOC_ID")
    sp.add_argument("tags", nargs="+", metavar="TAG")
    sp.add_argument("--remove", action="store_true")
    sp.set_defaults(func=cmd_tag)

    sp = sub.add_parser("export", parents=[common], help="导出批注（Word、Markdown、HTML、PDF、CSV、JSON）")
    what = sp.add_mutually_exclusive_group(required=True)
    what.add_argument("--doc", type=int, nargs="+", metavar="DOC_ID", help="这些文档")
    what.add_argument("--tag", metavar="TAG", help="带这个标签的文档和高亮")
    what.add_argument("--query", metavar="QUERY", help="检索到的文档")
    what.add_argument("--all", action="store_true", help="整个资料库")
    sp.add_argument("--format", required=True, choices=["docx", "md", "html", "pdf", "csv", "json"])
    sp.add_argument("--out", required=True, metavar="PATH")
    sp.add_argument("--color", metavar="C", help="只导出这种颜色（键名或含义，如 red 或 时限）")
    sp.add_argument("--highlight-tag", metavar="TAG", help="只导出带这个标签的高亮")
    sp.add_argument("--from", dest="date_from", metavar="YYYY-MM-DD", help="高亮日期起")
    sp.add_argument("--to", dest="date_to", metavar="YYYY-MM-DD", help="高亮日期止")
    sp.set_defaults(func=cmd_export)

    sp = sub.add_parser("backup", parents=[common], help="备份资料库（--list 列出已有备份）")
    sp.add_argument("--list", action="store_true")
    sp.set_defaults(func=cmd_backup)

    sp = sub.add_parser("restore", parents=[common], help="从备份恢复资料库（默认最新的完好备份）")
    sp.add_argument("backup", nargs="?", metavar="BACKUP")
    sp.set_defaults(func=cmd_restore)

    sp = sub.add_parser("check", parents=[common], help="检查资料库是否完好（--full 完整检查）")
    sp.add_argument("--full", action="store_true")
    sp.set_defaults(func=cmd_check)

    sp = sub.add_parser("paths", parents=[common], help="显示资料库、设置和缓存所在的文件夹")
    sp.set_defaults(func=cmd_paths)

    sp = sub.add_parser("import-annotations", parents=[common], help="导入 JSON 批注文件（恢复或合并）")
    sp.add_argument("file", metavar="FILE")
    sp.set_defaults(func=cmd_import_annotations)
    return p


def _utf8_output() -> None:
    """Pipes get UTF-8 whatever the Windows code page: scripts parse our JSON."""
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure") and not stream.isatty():
            stream.reconfigure(encoding="utf-8", errors="replace")


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
        if getattr(args, "json", False):  # scripts read the error where they read the result
            _print_json({"error": str(exc)})
        _err(str(exc))
        return 1
    except OSError as exc:  # a full disk, a vanished folder: said in words, never a traceback
        message = f"无法完成：{describe_failure(exc)}" + (f"（{exc.filename}）" if exc.filename else "")
        if getattr(args, "json", False):
            _print_json({"error": message})
        _err(message)
        return 1
    except KeyboardInterrupt:
        _err("已取消")
        return 130
    except BrokenPipeError:
        return 0
