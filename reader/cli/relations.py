"""Commands on what documents say about each other: relations (and validity in ``show``)."""

from __future__ import annotations

import argparse

from reader.cli.core import arg, command, opened, print_json
from reader.relations.store import RELATION_KEYS

_HEADINGS = {
    "cites": "引用",
    "cited_by": "被引用",
    "repeals": "废止了",
    "repealed_by": "被废止",
    "amends": "修改了",
    "amended_by": "被修改",
}
_KIND_WORDS = {"basis": "依据", "issues": "印发", "cite": "引用", "repeal": "废止", "amend": "修改"}


def validity_json(v) -> dict:
    """``show --json``'s ``validity``: status, its label, since, until, by (id, title, number), evidence."""
    by = None
    if v.by is not None:
        by = {"id": v.by.id, "title": v.by.title, "number": v.by.number}
    return {
        "status": v.status,
        "label": v.label,
        "since": v.since,
        "until": v.until,
        "by": by,
        "evidence": v.evidence,
    }


@command(
    "relations", "一篇文档的关联：依据、引用、废止、修改（双向）", arg("doc_id", type=int, metavar="DOC_ID")
)
def cmd_relations(args: argparse.Namespace) -> int:
    with opened(args) as lib:
        doc = lib.document(args.doc_id)  # a clear "not found" for an unknown id
        links = lib.relations.of(doc.id)
        validity = lib.relations.validity(doc.id)
    if args.json:
        out = {key: [x.to_dict() for x in links[key]] for key in RELATION_KEYS}
        out["validity"] = validity_json(validity)
        print_json(out)
        return 0
    print(f"{doc.title}    时效：{validity.label}" + (f"（{validity.since}）" if validity.since else ""))
    if validity.evidence:
        print(f"    依据：{validity.evidence}")
    for key in RELATION_KEYS:
        if not links[key]:
            continue
        print(f"{_HEADINGS[key]}：")
        for x in links[key]:
            where = f"{x.id:>6}" if x.id is not None else "不在资料库"
            print(f"  [{_KIND_WORDS.get(x.kind, x.kind)}] {where}  {x.title or ''} {x.number or ''}".rstrip())
    return 0
