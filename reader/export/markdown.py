"""Markdown export: headings per issue and document, each highlight quoted with a back-link.

The link ``gongbao://doc/ID#hl=UUID`` opens the app at that highlight (the scheme is registered
for the app; ``python -m reader gongbao://…`` opens it too).
"""

from __future__ import annotations

import re
from pathlib import Path

from reader.citation import flatten
from reader.export.collect import Bundle

_SPECIAL = re.compile(r"([\\`*_\[\]<>#|])")


def escape(text: str) -> str:
    """Escape what Markdown would take as markup; gazette text has asterisks and brackets."""
    return _SPECIAL.sub(r"\\\1", text)


def markdown(bundle: Bundle) -> str:
    lines = [
        "# 批注摘录",
        "",
        f"{escape(bundle.scope.describe())} · {bundle.document_count} 篇文档 · "
        f"{bundle.highlight_count} 处批注 · {bundle.created} 导出",
        "",
    ]
    for group in bundle.groups:
        lines += [f"## {escape(group.label)}", ""]
        for entry in group.entries:
            lines += [f'<a id="{entry.anchor}"></a>', ""]  # our own anchor: a citation's target
            lines += [f"### [{escape(entry.record.title)}]({entry.link()})", ""]
            if entry.meta():
                lines += [escape(" · ".join(entry.meta())), ""]
            if entry.validity:
                lines += ["时效：" + escape(entry.validity), ""]
            if entry.cites:
                named = "、".join(f"[《{escape(t)}》](#doc-{i})" for i, t in entry.cites)
                lines += ["引用本摘录中的：" + named, ""]
            if entry.tags:
                lines += ["标签：" + "、".join(escape(t) for t in entry.tags), ""]
            if entry.note.strip():
                lines += ["**文档批注：** " + escape(entry.note.strip()).replace("\n", "  \n"), ""]
            for item in entry.items:
                head = f"**{escape(item.meaning)}**"
                if item.reference():
                    head += f" · {escape(item.reference())}"
                head += f" · [在阅读器中打开]({entry.link(item)})"
                lines += [head, ""]
                lines.append("> " + escape(flatten(item.quote)))
                lines.append("")
                if item.note.strip():
                    lines += ["批注：" + escape(item.note.strip()).replace("\n", "  \n"), ""]
                if item.tags:
                    lines += ["标签：" + "、".join(escape(t) for t in item.tags), ""]
    return "\n".join(lines).rstrip() + "\n"


def write_markdown(bundle: Bundle, out: Path) -> Path:
    out = Path(out)
    out.write_text(markdown(bundle), encoding="utf-8")
    return out
