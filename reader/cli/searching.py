"""Commands on the search index: search, reindex."""

from __future__ import annotations

import argparse

from reader.cli.core import arg, command, kind_arg, opened, print_json, search_index
from reader.errors import ReaderError
from reader.logfile import internal_error


def _year_range(text: str) -> tuple[int, int]:
    """``2019`` or ``2018-2020`` (a usage error otherwise: exit 2)."""
    lo, _, hi = text.partition("-")
    try:
        return int(lo), int(hi or lo)
    except ValueError:
        raise argparse.ArgumentTypeError(f"年份格式应为 2019 或 2018-2020：{text}") from None


@command(
    "search",
    "全文检索",
    arg("query", metavar="QUERY", help='检索式，如：河长 巡河、"乡村振兴战略"、文号:钦政办〔2019〕5号'),
    arg("--limit", type=int, default=20),
    arg("--city"),
    arg("--year", type=_year_range, help="2019 或 2018-2020"),
    kind_arg(),
    arg("--tag"),
    arg("--sort", choices=["relevance", "date", "date_asc"], default="relevance"),
    arg("--valid", action="store_true", help="只检索现行有效（含已被修改）的文档"),
)
def cmd_search(args: argparse.Namespace) -> int:
    from reader.search.index import Filters
    from reader.search.indexer import fetcher

    year_from, year_to = args.year or (None, None)
    with opened(args) as lib:
        index = search_index(lib)
        try:
            filters = Filters(
                city=args.city,
                year_from=year_from,
                year_to=year_to,
                kind=args.kind,
                tag=args.tag,
                doc_ids=frozenset(lib.relations.in_force()) if args.valid else None,
            )
            try:
                results = index.search(
                    args.query, filters=filters, limit=args.limit, sort=args.sort, fetch=fetcher(lib)
                )
            except ReaderError:  # a query that is not one: said as it is
                raise
            except Exception as exc:  # an index being rebuilt by the app, or damaged: never a traceback
                internal_error(exc, "检索")
                raise ReaderError(
                    "检索暂不可用：索引正在重建或已损坏，请稍后再试（或运行 reindex 重建）"
                ) from exc
        finally:
            index.close()
    if args.json:
        print_json(results.to_dict())
        return 0
    for h in results.hits:
        print(f"{h.doc_id:>6}  {h.date or '----------'}  {h.number or '':<20}  {h.title}")
        for s in h.snippets[:3]:
            print("        " + s.text.replace("⟦", "【").replace("⟧", "】"))
    print(f"共 {results.total} 篇（{results.seconds * 1000:.0f} 毫秒）")
    return 0


@command("reindex", "从资料库重建检索索引（及人事任免、待办）")
def cmd_reindex(args: argparse.Namespace) -> int:
    from reader.search.indexer import reindex

    with opened(args) as lib:
        report = reindex(lib)
    if args.json:
        print_json({"indexed": report.indexed, "deleted": report.deleted})
    else:
        print(f"索引已重建：{report.indexed} 篇文档")
    return 0
