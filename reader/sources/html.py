"""Pages saved from a government website (``.html``, ``.htm``, ``.mht``) as a 公文's text and
metadata (issue #19).

A 政府信息公开 page carries, above the article, a block the site's editors filled in — 索引号,
主题分类, 发文机关, 发文字号, 成文日期, 发布日期, 有效性 — better metadata than any parser can
infer; around it the page's chrome (menus, breadcrumbs, share buttons, 返回顶部). What is read:
the metadata block (label and value in one cell, ``发文字号：钦政发〔2019〕1号``, or in two cells
of a row), the article (the element whose paragraphs hold the most text), its title, and the
attachments it links to. The page is parsed by lxml as data: its scripts never run, nothing is
fetched, nothing rendered; a page saved as MHT is unpacked with the standard library's e-mail
parser first.
"""

from __future__ import annotations

import email
import email.policy
import re
from dataclasses import dataclass, field

from reader.errors import ImportRejected

_DROP = (
    "script",
    "style",
    "noscript",
    "iframe",
    "form",
    "nav",
    "header",
    "footer",
    "aside",
    "button",
    "select",
)
_BLOCKS = {
    "p",
    "div",
    "br",
    "tr",
    "li",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "table",
    "section",
    "article",
}
_LABELS = {
    "索引号": "index",
    "主题分类": "topic",
    "发文机关": "issuer",
    "发布机构": "issuer",
    "发文字号": "number",
    "文号": "number",
    "成文日期": "date",
    "发布日期": "published",
    "有效性": "validity",
}
_LABEL = re.compile(r"^\s*(" + "|".join(sorted(_LABELS, key=len, reverse=True)) + r")\s*[:：]?\s*(.*)$")
_CHROME = re.compile(
    r"返回顶部|打印本页|关闭窗口|分享到|【字体|字号[:：]?\s*[大中小]|当前位置|扫一扫|网站地图|上一篇|下一篇"
)
_ATTACHMENT = re.compile(r"\.(?:pdf|docx?|xlsx?|wps|ofd|zip|rar)(?:$|\?)", re.I)
_DATE = re.compile(r"((?:19|20)\d\d)\s*[-年./]\s*(\d{1,2})\s*[-月./]\s*(\d{1,2})")


@dataclass
class WebPage:
    title: str = ""
    text: str = ""  # the article, one paragraph a line
    meta: dict[str, str] = field(
        default_factory=dict
    )  # issuer, number, date, index, topic, published, validity
    url: str | None = None
    attachments: list[str] = field(default_factory=list)


def iso_date(value: str | None) -> str | None:
    m = _DATE.search(value or "")
    if not m:
        return None
    y, mo, d = (int(x) for x in m.groups())
    return f"{y:04d}-{mo:02d}-{d:02d}" if 1 <= mo <= 12 and 1 <= d <= 31 else None


def _from_mht(data: bytes) -> tuple[bytes, str | None]:
    """The HTML part of an MHT archive and the address it was saved from."""
    msg = email.message_from_bytes(data, policy=email.policy.compat32)
    url = msg.get("Content-Location") or msg.get("Snapshot-Content-Location")
    for part in msg.walk():
        if part.get_content_type() == "text/html":
            payload = part.get_payload(decode=True) or b""
            charset = part.get_content_charset()
            if charset:
                payload = payload.decode(charset, errors="replace").encode("utf-8")
            return payload, part.get("Content-Location") or url
    raise ImportRejected("corrupt", "损坏：MHT 文件里没有网页（text/html）部分")


def _lines(el) -> list[str]:
    """The element's text, a line per block element."""
    out: list[str] = []
    current: list[str] = []

    def flush() -> None:
        line = "\t".join(" ".join(cell.split()) for cell in "".join(current).split("\t"))
        if line:
            out.append(line)
        current.clear()

    def walk(node) -> None:
        tag = node.tag if isinstance(node.tag, str) else ""
        if tag in _BLOCKS:
            flush()
        if node.text and tag not in _DROP:
            current.append(node.text)
        for child in node:
            if isinstance(child.tag, str) and child.tag in _DROP:
                if child.tail:
                    current.append(child.tail)
                continue
            walk(child)
            if child.tail:
                current.append(("\t" if child.tag in ("td", "th") else "") + child.tail)
        if tag in ("td", "th"):
            current.append("\t")
        if tag in _BLOCKS:
            flush()

    walk(el)
    flush()
    return [re.sub(r"\s*\t\s*", "\t", x).strip("\t ") for x in out if x.strip("\t ")]


def _metadata(lines: list[str]) -> dict[str, str]:
    meta: dict[str, str] = {}
    for line in lines:
        cells = [c.strip() for c in line.split("\t")] if "\t" in line else [line]
        k = 0
        while k < len(cells):
            m = _LABEL.match(cells[k])
            if m:
                key, value = _LABELS[m[1]], m[2].strip()
                if not value and k + 1 < len(cells) and not _LABEL.match(cells[k + 1]):
                    value, k = cells[k + 1], k + 1
                # a line of several fields: 发文机关：X 发文字号：Y
                value = re.split(r"\s+(?=" + "|".join(_LABELS) + r")", value)[0].strip()
                if value and key not in meta and len(value) <= 60:
                    meta[key] = value
            k += 1
    return meta


def read_page(data: bytes, suffix: str) -> WebPage:
    """The page's article, title, metadata block, source address and attachments."""
    from lxml import etree, html

    from reader.sources.text import decode_bytes

    url = None
    if suffix in (".mht", ".mhtml") or data[:200].lower().lstrip().startswith((b"mime-version", b"from:")):
        data, url = _from_mht(data)
    saved = re.search(rb"saved from url=\(\d+\)(\S+?)\s*-->", data[:2000])
    if saved and not url:
        url = saved.group(1).decode("ascii", "replace")
    charset = re.search(rb"<meta[^>]+charset=[\"']?([A-Za-z0-9_-]+)", data[:4000], re.I)
    encoding = charset.group(1).decode("ascii") if charset else None
    try:
        text = data.decode(encoding) if encoding else decode_bytes(data, None).text
    except (LookupError, UnicodeDecodeError):
        text = decode_bytes(data, None).text
    parser = html.HTMLParser(remove_comments=True, remove_pis=True, no_network=True, recover=True)
    try:
        root = html.document_fromstring(text, parser=parser)
    except (etree.ParserError, ValueError) as exc:
        raise ImportRejected("corrupt", "损坏：无法读取这个网页") from exc
    page = WebPage(url=url)
    canonical = root.xpath("//link[@rel='canonical']/@href|//meta[@property='og:url']/@content")
    page.url = page.url or (canonical[0] if canonical else None)
    for bad in root.xpath("|".join(f"//{t}" for t in _DROP)):
        bad.drop_tree()
    page.meta = _metadata(_lines(root))
    # the article: the element whose own paragraphs hold the most text
    best, best_len = root, 0
    for el in root.iter("div", "article", "section", "td", "body"):
        paras = [p for p in el if isinstance(p.tag, str) and p.tag in ("p", "div", "br", "span")]
        size = sum(len((p.text_content() or "").strip()) for p in paras if p.tag == "p")
        if size > best_len:
            best, best_len = el, size
    lines = [ln for ln in _lines(best) if not _CHROME.search(ln) and not _LABEL.match(ln.split("\t")[0])]
    heading = root.xpath("//h1|//h2")
    titles = [" ".join(h.text_content().split()) for h in heading if h.text_content().strip()]
    page.title = titles[0] if titles else " ".join((root.findtext(".//title") or "").split())
    if page.title and (not lines or lines[0].replace(" ", "") != page.title.replace(" ", "")):
        lines.insert(0, page.title)
    page.text = "\n".join(lines)
    for a in best.iter("a"):
        href, name = a.get("href") or "", " ".join(a.text_content().split())
        if _ATTACHMENT.search(href) and name:
            page.attachments.append(name)
    if not page.text.strip():
        raise ImportRejected("empty", "空文档：网页里没有正文")
    return page


def read_page_in_child(data: bytes, suffix: str, timeout: float = 60.0) -> WebPage:
    """:func:`read_page` in a child process with the memory limit of the other readers."""
    from reader.workers import read_in_child

    return read_in_child(read_page, data, suffix, what="网页", timeout=timeout)  # type: ignore[return-value]
