"""One self-contained HTML file (styles inline, no scripts, no external files), colours kept.

Also what print preview shows: Qt's rich text understands this subset of HTML and CSS.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from reader.citation import flatten
from reader.export.collect import Bundle

STYLE = """
body { font-family: "仿宋", "FangSong", "STFangsong", "Droid Sans Fallback", serif; font-size: 14pt;
       line-height: 1.6; max-width: 46em; margin: 2em auto; color: #111; }
h1 { font-family: "宋体", "SimSun", serif; text-align: center; font-size: 22pt; }
h2 { font-family: "黑体", "SimHei", sans-serif; font-size: 16pt; border-bottom: 1px solid #ccc; }
h3 { font-family: "宋体", "SimSun", serif; font-size: 15pt; }
.scope { text-align: center; color: #555; font-size: 11pt; }
.meta { color: #333; }
.marker { font-family: "黑体", "SimHei", sans-serif; font-size: 11pt; margin-top: 1em; }
.ref { color: #555; }
blockquote { font-family: "楷体", "KaiTi", "STKaiti", serif; margin: 0.3em 0 0.3em 2em;
             padding: 0.2em 0.5em; }
.note { margin-left: 2em; }
.tags { margin-left: 2em; color: #555; font-size: 11pt; }
a { color: #1a56a0; }
"""


def html_page(bundle: Bundle, links: bool = True) -> str:
    """The page; ``links=False`` for paper (print preview), where a link is only noise."""
    out = [
        '<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8">',
        "<title>批注摘录</title>",
        f"<style>{STYLE}</style></head><body>",
        "<h1>批注摘录</h1>",
        f'<p class="scope">{escape(bundle.scope.describe())} · {bundle.document_count} 篇文档 · '
        f"{bundle.highlight_count} 处批注 · {escape(bundle.created)} 导出</p>",
    ]
    for group in bundle.groups:
        out.append(f"<h2>{escape(group.label)}</h2>")
        for entry in group.entries:
            title = escape(entry.record.title)
            anchor = escape(entry.anchor)
            out.append(
                f'<h3 id="{anchor}"><a href="{escape(entry.link())}">{title}</a></h3>'
                if links
                else f'<h3 id="{anchor}">{title}</h3>'
            )
            if entry.meta():
                out.append(f'<p class="meta">{escape("　".join(entry.meta()))}</p>')
            if entry.validity:
                out.append(f'<p class="meta">时效：{escape(entry.validity)}</p>')
            if entry.cites:
                named = "、".join(f'<a href="#doc-{i}">《{escape(t)}》</a>' for i, t in entry.cites)
                out.append(f'<p class="meta">引用本摘录中的：{named}</p>')
            if entry.tags:
                out.append(f'<p class="tags">标签：{escape("、".join(entry.tags))}</p>')
            if entry.note.strip():
                out.append(f'<p class="note">文档批注：{_lines(entry.note.strip())}</p>')
            for item in entry.items:
                ref = f' <span class="ref">{escape(item.reference())}</span>' if item.reference() else ""
                back = f' <a href="{escape(entry.link(item))}">在阅读器中打开</a>' if links else ""
                dot = f'<span style="color:{item.hex}">■</span>'
                out.append(f'<p class="marker">{dot} {escape(item.meaning)}{ref}{back}</p>')
                out.append(
                    f'<blockquote style="background-color:{item.hex}">{escape(flatten(item.quote))}'
                    "</blockquote>"
                )
                if item.note.strip():
                    out.append(f'<p class="note">批注：{_lines(item.note.strip())}</p>')
                if item.tags:
                    out.append(f'<p class="tags">标签：{escape("、".join(item.tags))}</p>')
    out.append("</body></html>\n")
    return "\n".join(out)


def _lines(text: str) -> str:
    return "<br>".join(escape(line) for line in text.splitlines())


def write_html(bundle: Bundle, out: Path) -> Path:
    out = Path(out)
    out.write_text(html_page(bundle), encoding="utf-8")
    return out
