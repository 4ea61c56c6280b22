"""The ``ocr`` command: recognise the text of scanned issues (the ``[ocr]`` add-on)."""

from __future__ import annotations

import argparse

from reader.cli.core import arg, command, err, opened, print_json
from reader.errors import ReaderError


@command(
    "ocr",
    '识别扫描件的文字（需要 OCR 组件：pip install "gongbao-reader[ocr]"）；中断后再运行会接着识别',
    arg(
        "--issue",
        type=int,
        action="append",
        metavar="ID",
        help="要识别的期号（可重复）；不给则识别全部扫描件",
    ),
)
def cmd_ocr(args: argparse.Namespace) -> int:
    from reader.ocr import available
    from reader.ocr.scans import recognise_issue, scanned

    with opened(args, write=True) as lib:
        if args.issue:
            ids = [lib.issue(i).id for i in args.issue]  # an unknown one: not_found, nothing done
        else:
            ids = [r.id for r in lib.issues() if scanned(lib, r.id)]
        if ids and not available():  # nothing to read needs no add-on: {"issues": []}
            raise ReaderError('文字识别（OCR）组件未安装：pip install "gongbao-reader[ocr]"')
        outcomes = []
        for issue_id in ids:

            def progress(done: int, total: int, issue_id: int = issue_id) -> None:
                err(f"第 {issue_id} 期：已识别 {done}/{total} 页")

            outcomes.append(recognise_issue(lib, issue_id, progress=progress))
    if args.json:
        print_json({"issues": [o.to_dict() for o in outcomes]})
    else:
        for o in outcomes:
            conf = f"，平均置信度 {o.confidence:.0%}" if o.confidence is not None else ""
            print(
                f"第 {o.issue_id} 期：{o.pages} 页识别完成{conf}"
                + (f"（{len(o.failed)} 页失败）" if o.failed else "")
            )
        if not outcomes:
            print("没有需要识别的扫描件")
    return 1 if any(o.failed for o in outcomes) else 0
