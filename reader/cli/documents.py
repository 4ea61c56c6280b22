"""Commands on issues and documents: parse, import, list, show, reparse."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from reader.cli.core import arg, command, err, kind_arg, opened, print_json
from reader.errors import ImportRejected, ReaderError
from reader.library.records import ImportStatus, ReparseStatus

_STATUS_LABELS = {
    ImportStatus.IMPORTED: "已导入",
    ImportStatus.UPDATED: "已更新（同一期刊的新版本）",
    ImportStatus.PRESENT: "已存在，未重复导入",
    ImportStatus.FAILED: "导入失败",
}
ENCODING = arg("--encoding", help="强制使用此编码（如 gb18030）")
PASSWORD = arg("--password", help="加密 PDF 的打开密码（只用于本次，不会保存）")


@command("parse", "解析一个公报文件并输出结构（不写入资料库）", arg("file"), ENCODING, PASSWORD)
def cmd_parse(args: argparse.Namespace) -> int:
    from reader.gazette import parse_gazette
    from reader.gazette.kinds import label as kind_label
    from reader.importer import parse_pdf, read_source
    from reader.sources.pdf import Extractor
    from reader.sources.text import decode_bytes

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
        raise ImportRejected(exc.category, f"{path}: {exc.reason}") from exc
    result = parsed.to_dict()
    result["source"] = {"path": str(path), "encoding": encoding, "warnings": warnings}
    if pages is not None:
        for d, (first, last, _map) in zip(result["documents"], pages, strict=True):
            d["page_start"], d["page_end"] = first, last
    if args.json:
        print_json(result)
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


@command("import", "导入文件或文件夹（递归）", arg("paths", nargs="+", metavar="PATH"), ENCODING, PASSWORD)
def cmd_import(args: argparse.Namespace) -> int:
    from reader.cli.core import library_dir
    from reader.importer import import_paths

    def progress(done: int, total: int, current: str) -> None:
        if not args.json and current and sys.stderr.isatty():
            sys.stderr.write(f"\r[{done + 1}/{total}] {current[-60:]:<60}")

    try:
        with opened(args, create=True, write=True) as lib:
            folder = lib.folder
            outcomes = import_paths(
                lib, args.paths, encoding=args.encoding, password=args.password, progress=progress
            )
    except ReaderError as exc:
        failed_all = [
            {"path": p, "status": ImportStatus.FAILED, "category": "library", "reason": str(exc)}
            for p in args.paths
        ]
        if args.json:
            print_json({"library": str(library_dir(args)), "results": failed_all, "failed": len(failed_all)})
        err(str(exc))
        return 1
    if not args.json and sys.stderr.isatty():
        sys.stderr.write("\r" + " " * 72 + "\r")
    from reader.importer import skipped_files

    skipped = skipped_files(args.paths)
    failed = [o for o in outcomes if not o.ok]
    if args.json:
        print_json(
            {
                "library": str(folder),
                "results": [o.to_dict() for o in outcomes],
                "imported": sum(o.status == ImportStatus.IMPORTED for o in outcomes),
                "updated": sum(o.status == ImportStatus.UPDATED for o in outcomes),
                "present": sum(o.status == ImportStatus.PRESENT for o in outcomes),
                "failed": len(failed),
                "skipped": skipped,
            }
        )
    else:
        _print_outcomes(outcomes, failed)
        if skipped:
            print(f"另有 {skipped} 个文件不是支持的类型（.txt .md .pdf），已跳过")
    return 1 if failed or not outcomes else 0


def _print_outcomes(outcomes: list, failed: list) -> None:
    for o in outcomes:
        line = f"{_STATUS_LABELS[o.status]}：{o.path}"
        if o.status in (ImportStatus.IMPORTED, ImportStatus.UPDATED):
            source = f"PDF {o.pages} 页" if o.format == "pdf" else f"编码 {o.encoding}"
            line += f"（{o.documents} 篇文档，{source}）"
        if o.status == ImportStatus.UPDATED:
            c = o.changes
            placed = sum(v for k, v in c.items() if k in ("offset", "quote", "normalized", "fuzzy", "moved"))
            docs = "更新 {} 篇，新增 {} 篇，撤下 {} 篇".format(
                c.get("updated", 0), c.get("added", 0), c.get("withdrawn", 0)
            )
            line += f"：{docs}；高亮重新定位 {placed} 条，无法定位 {c.get('orphan', 0)} 条"
        elif o.status == ImportStatus.FAILED:
            line += f" —— {o.reason}"
            if o.category == "encrypted" and "需要密码" in (o.reason or ""):
                line += "（可用 --password 给出密码）"
        elif o.in_trash is not None:
            line += f"（在回收站中：trash --restore {o.in_trash} 可恢复）"
        print(line)
        for w in o.warnings:
            print(f"    注意：{w}")
    if not outcomes:
        print("没有找到可导入的文件（支持 .txt .md .pdf）")
    print(
        f"共 {len(outcomes)} 个文件：导入 {sum(o.status == ImportStatus.IMPORTED for o in outcomes)}，"
        f"更新 {sum(o.status == ImportStatus.UPDATED for o in outcomes)}，"
        f"已存在 {sum(o.status == ImportStatus.PRESENT for o in outcomes)}，失败 {len(failed)}"
    )


@command(
    "list",
    "列出资料库中的文档",
    arg("--city"),
    arg("--year", type=int),
    kind_arg("文种，如 notice、opinion、personnel 或 通知、意见、人事任免"),
    arg("--issuer", help="发文机关（包含匹配）"),
    arg("--sort", choices=["issue", "date", "date_asc"], default="issue"),
    arg("--tag", help="只列出带此标签（文档或其高亮）的文档"),
    arg("--valid", action="store_true", help="只列出现行有效（含已被修改）的文档"),
)
def cmd_list(args: argparse.Namespace) -> int:
    with opened(args) as lib:
        docs = lib.documents(
            city=args.city,
            year=args.year,
            kind=args.kind,
            issuer=args.issuer,
            tag=args.tag,
            sort=args.sort,
            valid=args.valid,
        )
    if args.json:
        print_json([d.to_dict() for d in docs])
        return 0
    for d in docs:
        print(f"{d.id:>6}  {d.date or '----------'}  {d.number or '':<20}  {d.title}  〔{d.issue}〕")
    print(f"共 {len(docs)} 篇文档")
    return 0


@command("show", "显示一篇文档", arg("doc_id", type=int, metavar="DOC_ID"))
def cmd_show(args: argparse.Namespace) -> int:
    from reader.cli.relations import validity_json
    from reader.gazette.kinds import label as kind_label

    with opened(args) as lib:
        doc = lib.document(args.doc_id)
        validity = lib.relations.validity(doc.id)
    if args.json:
        print_json({**doc.to_dict(), "validity": validity_json(validity)})
        return 0
    print(doc.title)
    if doc.number:
        print(doc.number)
    print(f"时效：{validity.label}" + (f"（{validity.since} 起）" if validity.since else ""))
    print(f"发文机关：{doc.issuer or '-'}    成文日期：{doc.date or '-'}    文种：{kind_label(doc.kind)}")
    print(f"来源：{doc.issue.label}")
    if doc.attachments:
        print("附件：" + "；".join(doc.attachments))
    print()
    print(doc.text)
    return 0


@command(
    "reparse",
    "用当前的拆分程序重新拆分已导入的期刊（默认：旧版拆分的期刊）",
    arg("issues", nargs="*", type=int, metavar="ISSUE_ID"),
    arg("--all", action="store_true", help="重新拆分全部期刊"),
)
def cmd_reparse(args: argparse.Namespace) -> int:
    from reader.gazette.parser import PARSER_VERSION
    from reader.reparse import outdated_issues, reparse_issues

    try:
        with opened(args, write=True) as lib:
            known = {r.id for r in lib.issues()}
            if args.all:
                ids = sorted(known)
            elif args.issues:
                ids = args.issues
            else:
                ids = outdated_issues(lib)
            missing = [i for i in ids if i not in known]
            outcomes = reparse_issues(lib, [i for i in ids if i in known])
    except ReaderError as exc:
        if args.json:
            print_json({"error": str(exc), "results": [], "failed": 0})
        err(str(exc))
        return 1
    results = [o.to_dict() for o in outcomes] + [
        {"issue_id": i, "status": ReparseStatus.FAILED, "reason": f"没有编号为 {i} 的期刊"} for i in missing
    ]
    failed = sum(r["status"] == ReparseStatus.FAILED for r in results)
    if args.json:
        print_json(
            {
                "parser_version": PARSER_VERSION,
                "results": results,
                "reparsed": sum(r["status"] == ReparseStatus.REPARSED for r in results),
                "unchanged": sum(r["status"] == ReparseStatus.UNCHANGED for r in results),
                "failed": failed,
            }
        )
        return 1 if failed else 0
    for o in outcomes:
        if o.status == ReparseStatus.REPARSED:
            c = o.changes
            placed = sum(v for k, v in c.items() if k in ("offset", "quote", "normalized", "fuzzy", "moved"))
            print(
                f"已重新拆分：{o.label}（{o.documents} 篇文档：保留 {c.get('updated', 0)}，"
                f"新增 {c.get('added', 0)}，撤下 {c.get('withdrawn', 0)}；高亮定位 {placed} 条，"
                f"无法定位 {c.get('orphan', 0)} 条，均已保留）"
            )
        elif o.status == ReparseStatus.UNCHANGED:
            print(f"无变化：{o.label}")
        else:
            print(f"失败：{o.label or o.issue_id} —— {o.reason}")
    for i in missing:
        print(f"失败：没有编号为 {i} 的期刊")
    if not results:
        print(f"没有需要重新拆分的期刊（均已由第 {PARSER_VERSION} 版拆分程序处理）")
    return 1 if failed else 0
