"""Commands on the user's work: annotate, annotations, tag, export, import-annotations."""

from __future__ import annotations

import argparse
from pathlib import Path

from reader.cli.core import arg, colour_arg, command, opened, print_json, search_index
from reader.errors import ReaderError


def _highlight_row(h) -> dict:
    from reader.palette import palette
    from reader.settings import Settings

    d = h.to_dict()
    d.pop("deleted", None)
    d["meaning"] = next((c.meaning for c in palette(Settings.load().palette) if c.key == h.color), h.color)
    return d


@command(
    "annotate",
    "高亮文档中的一段文字（可加批注、标签）",
    arg("doc_id", type=int, metavar="DOC_ID"),
    arg("--quote", required=True, help="要高亮的原文"),
    arg("--occurrence", type=int, default=1, help="原文出现多次时取第几处（从 1 起）"),
    colour_arg(),
    arg("--note", help="批注"),
    arg("--tag", action="append", default=[], help="标签（可重复）"),
)
def cmd_annotate(args: argparse.Namespace) -> int:
    from reader.anchoring import nth_occurrence
    from reader.palette import DEFAULT_COLOUR

    with opened(args, write=True) as lib:
        doc = lib.document(args.doc_id)
        span = nth_occurrence(doc.text, args.quote, args.occurrence)
        if span is None:
            found = doc.text.count(args.quote)
            raise ReaderError(
                f"文档 {args.doc_id} 中找不到第 {args.occurrence} 处“{args.quote}”（共 {found} 处）"
            )
        h = lib.annotations.add_highlight(
            doc.id, span[0], span[1], args.color or DEFAULT_COLOUR, note=args.note or "", tags=args.tag
        )
    if args.json:
        print_json(_highlight_row(h))
    else:
        print(f"已高亮：{h.uuid}  〔{h.start}-{h.end}〕 {h.quote}")
    return 0


@command(
    "annotations",
    "列出高亮和批注",
    arg("doc_id", type=int, nargs="?", metavar="DOC_ID"),
    colour_arg("只列出这种颜色的高亮"),
    arg("--tag"),
)
def cmd_annotations(args: argparse.Namespace) -> int:
    with opened(args) as lib:
        if args.doc_id is not None:
            lib.document(args.doc_id)  # a clear error for an unknown document
        rows = lib.annotations.highlights(args.doc_id, color=args.color, tag=args.tag)
        document = None
        if args.doc_id is not None:
            note = lib.annotations.document_note(args.doc_id)
            document = {"id": args.doc_id, "note": note, "tags": lib.annotations.document_tags(args.doc_id)}
    if args.json:
        out: dict = {"highlights": [_highlight_row(h) for h in rows]}
        if document is not None:
            out["document"] = document
        print_json(out)
        return 0
    for h in rows:
        state = "（无法定位）" if h.orphan else ""
        tags = f"  #{' #'.join(h.tags)}" if h.tags else ""
        print(f"[{h.color}] {h.document_title}{state}\n    “{h.quote}”{tags}")
        if h.note:
            print("    批注：" + h.note.replace("\n", "\n          "))
    print(f"共 {len(rows)} 条高亮")
    return 0


@command(
    "tag",
    "给文档加标签（--remove 去掉）",
    arg("doc_id", type=int, metavar="DOC_ID"),
    arg("tags", nargs="+", metavar="TAG"),
    arg("--remove", action="store_true"),
)
def cmd_tag(args: argparse.Namespace) -> int:
    with opened(args, write=True) as lib:
        lib.document(args.doc_id)
        if args.remove:
            lib.annotations.untag_document(args.doc_id, args.tags)
        else:
            lib.annotations.tag_document(args.doc_id, args.tags)
        tags = lib.annotations.document_tags(args.doc_id)
    if args.json:
        print_json({"document_id": args.doc_id, "tags": tags})
    else:
        print(f"文档 {args.doc_id} 的标签：{'、'.join(tags) or '（无）'}")
    return 0


@command(
    "export",
    "导出批注（Word、Markdown、HTML、PDF、CSV、JSON）",
    arg("--doc", type=int, nargs="+", metavar="DOC_ID", help="这些文档", group="scope"),
    arg("--tag", metavar="TAG", help="带这个标签的文档和高亮", group="scope"),
    arg("--query", metavar="QUERY", help="检索到的文档", group="scope"),
    arg("--all", action="store_true", help="整个资料库", group="scope"),
    arg("--format", required=True, choices=["docx", "md", "html", "pdf", "csv", "json"]),
    arg("--out", required=True, metavar="PATH"),
    colour_arg("只导出这种颜色（键名或含义，如 red 或 时限）"),
    arg("--highlight-tag", metavar="TAG", help="只导出带这个标签的高亮"),
    arg("--from", dest="date_from", metavar="YYYY-MM-DD", help="高亮日期起"),
    arg("--to", dest="date_to", metavar="YYYY-MM-DD", help="高亮日期止"),
)
def cmd_export(args: argparse.Namespace) -> int:
    from reader.export import Scope, export
    from reader.settings import Settings

    scope = Scope(
        doc_ids=args.doc,
        tag=args.tag,
        query=args.query,
        everything=args.all,
        color=args.color,
        highlight_tag=args.highlight_tag,
        date_from=args.date_from,
        date_to=args.date_to,
    )
    with opened(args) as lib:

        def search(query: str) -> list[int]:
            from reader.search.indexer import fetcher

            index = search_index(lib)
            try:
                return [h.doc_id for h in index.search(query, limit=100_000, fetch=fetcher(lib)).hits]
            finally:
                index.close()

        report = export(
            lib, scope, args.format, Path(args.out), meanings=Settings.load().palette, search=search
        )
    if args.json:
        print_json(report.to_dict())
    else:
        print(f"已导出 {report.documents} 篇文档、{report.highlights} 处批注：{report.path}")
    return 0


@command("import-annotations", "导入 JSON 批注文件（恢复或合并）", arg("file", metavar="FILE"))
def cmd_import_annotations(args: argparse.Namespace) -> int:
    from reader.export.envelope import import_annotations

    with opened(args, write=True) as lib:
        report = import_annotations(lib, Path(args.file))
    if args.json:
        print_json(report.to_dict())
    else:
        r = report
        print(
            f"新增 {r.added}，恢复 {r.restored}，更新 {r.updated}，已存在 {r.unchanged}，"
            f"无法定位 {r.orphaned}，找不到文档 {r.missing_documents}"
        )
    return 0
