"""Commands that repair the library: edit, split, merge, remove, trash, corrections.

Each refuses clearly (exit 1, ``{"error": …}`` with ``--json``) and changes nothing when the
document, the quote or the neighbour does not exist, a value is no value, or the library is
read-only; each change is one transaction.
"""

from __future__ import annotations

import argparse
from typing import Any

from reader.cli.core import arg, command, kind_arg, opened, print_json
from reader.corrections import FIELD_LABELS, number_flagged
from reader.errors import ReaderError


def _document(lib, doc_id: int) -> dict[str, Any]:
    d = lib.document(doc_id)
    return {
        "id": d.id,
        "issue_id": d.issue_id,
        "seq": d.seq,
        "title": d.title,
        "number": d.number,
        "number_flagged": number_flagged(d.number),
        "issuer": d.issuer,
        "recipients": d.recipients,
        "date": d.date,
        "kind": d.kind,
        "attachments": d.attachments,
    }


@command(
    "edit",
    "修改一篇文档的属性（标题、发文字号、发文机关、主送机关、成文日期、文种、附件）",
    arg("doc_id", type=int, metavar="DOC_ID"),
    arg("--title"),
    arg("--number", help="发文字号（无法识别的按输入保存，并标记）"),
    arg("--issuer", help="发文机关"),
    arg("--recipients", help="主送机关"),
    arg("--date", help="成文日期 YYYY-MM-DD（空字符串清除）"),
    kind_arg(),
    arg("--attachment", action="append", metavar="NAME", help="附件名称（可重复；给出即替换原列表）"),
)
def cmd_edit(args: argparse.Namespace) -> int:
    changes = {
        name: getattr(args, name)
        for name in ("title", "number", "issuer", "recipients", "date", "kind")
        if getattr(args, name) is not None
    }
    if args.attachment is not None:
        changes["attachments"] = [a for a in args.attachment if a.strip()]
    if not changes:
        raise ReaderError(
            "没有要修改的属性（可用 --title --number --issuer --recipients --date --kind --attachment）"
        )
    with opened(args, write=True) as lib:
        result = lib.edits.edit(args.doc_id, changes)
        doc = _document(lib, args.doc_id)
    if args.json:
        print_json({**result.to_dict(), "document": doc})
        return 0
    if result.changed:
        print(f"已修改《{doc['title']}》：" + "、".join(FIELD_LABELS[n] for n in result.changed))
    else:
        print(f"《{doc['title']}》没有变化")
    for w in result.warnings:
        print(f"注意：{w}")
    return 0


@command(
    "split",
    "从一段文字起把文档拆分为两篇（新文档的属性按拆分规则从其开头读出）",
    arg("doc_id", type=int, metavar="DOC_ID"),
    arg("--at-quote", required=True, metavar="TEXT", help="新文档从这段文字开始"),
    arg("--occurrence", type=int, default=1, metavar="N", help="文字出现多次时取第 N 处（默认 1）"),
)
def cmd_split(args: argparse.Namespace) -> int:
    if args.occurrence < 1:
        raise ReaderError("--occurrence 应为从 1 开始的整数")
    with opened(args, write=True) as lib:
        result = lib.edits.split_at_quote(args.doc_id, args.at_quote, args.occurrence)
        assert result.new_document_id is not None
        docs = [_document(lib, args.doc_id), _document(lib, result.new_document_id)]
    if args.json:
        print_json({**result.to_dict(), "documents": docs})
        return 0
    print(f"已拆分：《{docs[0]['title']}》（{docs[0]['id']}）与《{docs[1]['title']}》（{docs[1]['id']}）")
    print(f"高亮随文字移动 {result.highlights_moved} 条")
    return 0


@command(
    "merge",
    "把文档并入本期中它的上一篇",
    arg("doc_id", type=int, metavar="DOC_ID"),
)
def cmd_merge(args: argparse.Namespace) -> int:
    with opened(args, write=True) as lib:
        result = lib.edits.merge(args.doc_id)
        doc = _document(lib, result.document_id)
    if args.json:
        print_json({**result.to_dict(), "document": doc})
        return 0
    moved = result.highlights_moved
    print(f"已合并：文档 {args.doc_id} 并入《{doc['title']}》（{doc['id']}），高亮随文字移动 {moved} 条")
    return 0


@command(
    "remove",
    "把期刊或文档移到回收站（可恢复）",
    arg("doc_ids", nargs="*", type=int, metavar="DOC_ID"),
    arg("--issue", type=int, metavar="ISSUE_ID", help="移除整期"),
)
def cmd_remove(args: argparse.Namespace) -> int:
    if (args.issue is None) == (not args.doc_ids):
        raise ReaderError("请给出 --issue ISSUE_ID 或文档编号（二者选一）")
    with opened(args, write=True) as lib:
        if args.issue is not None:
            entries = [lib.trash.remove_issue(args.issue)]
        else:
            entries = lib.trash.remove_documents(args.doc_ids)
    if args.json:
        print_json(
            {
                "entries": [e.to_dict() for e in entries],
                "documents": sum(e.documents for e in entries),
                "highlights": sum(e.highlights for e in entries),
            }
        )
        return 0
    for e in entries:
        what = f"期刊“{e.label}”" if e.whole_issue else f"“{e.label}”中的 {e.documents} 篇文档"
        print(f"已移到回收站（编号 {e.id}）：{what}，含高亮 {e.highlights} 条")
    print("可用 trash --restore 编号 恢复")
    return 0


@command(
    "trash",
    "查看回收站；恢复或清空",
    arg("--restore", type=int, nargs="+", metavar="ID", help="恢复这些回收站项目"),
    arg("--empty", action="store_true", help="清空回收站（永久删除）"),
)
def cmd_trash(args: argparse.Namespace) -> int:
    if args.restore and args.empty:
        raise ReaderError("--restore 与 --empty 不能同时使用")
    out: dict[str, Any] = {}
    with opened(args, write=bool(args.restore or args.empty)) as lib:
        if args.restore:
            out["restored"] = [e.to_dict() for e in lib.trash.restore(args.restore)]
        elif args.empty:
            out["emptied"] = lib.trash.empty().to_dict()
        entries = lib.trash.entries()
    out["entries"] = [e.to_dict() for e in entries]
    if args.json:
        print_json(out)
        return 0
    for e in out.get("restored", []):
        print(f"已恢复：{e['label']}（{e['documents']} 篇文档，高亮 {e['highlights']} 条）")
    if "emptied" in out:
        x = out["emptied"]
        print(f"已清空回收站：{x['issues']} 期期刊、{x['documents']} 篇文档、{x['highlights']} 条高亮")
    for e in entries:
        what = "整期" if e.whole_issue else f"{e.documents} 篇文档"
        print(f"{e.id:>5}  {e.removed_at[:10]}  {e.label}（{what}，高亮 {e.highlights} 条）")
    if not entries:
        print("回收站是空的")
    return 0


@command(
    "corrections",
    "列出对拆分与属性的更正（--unplaced：无法应用的）",
    arg("issue_id", nargs="?", type=int, metavar="ISSUE_ID"),
    arg("--unplaced", action="store_true", help="只列出在当前原文中找不到位置的更正"),
)
def cmd_corrections(args: argparse.Namespace) -> int:
    with opened(args) as lib:
        rules = lib.edits.corrections(args.issue_id, unplaced=True if args.unplaced else None)
    if args.json:
        print_json({"corrections": [r.to_dict() for r in rules]})
        return 0
    for r in rules:
        flag = "（无法应用）" if r.unplaced else ""
        print(f"期刊 {r.issue_id}  {r.created_at[:10]}  {r.describe()}{flag}")
    print(f"共 {len(rules)} 条更正")
    return 0
