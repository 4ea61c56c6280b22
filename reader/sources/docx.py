"""Word files (``.docx``) as lines of text with their layout (issue #19).

A 公文 passed around as Word keeps in its paragraphs what a PDF keeps in its spans: the title
centred and larger, the 发文字号 line, the 成文日期 against the right margin. Each paragraph is a
line with a :class:`~reader.gazette.style.LineStyle` (its size, bold, centred, right), so the
splitter reads it as it reads a PDF page; a table is one line per row, its cells joined by tabs
(as the text importer and the task tables expect).

The file is data from anywhere: the archive is checked before python-docx opens it (entries,
total and per-entry sizes, compression ratio: a zip bomb is refused, not inflated), nothing of it
is ever written to disk (a path like ``../../x`` in it is only a name), and the reading runs in a
child process with a memory limit and a timeout (:func:`read_docx_in_child`).
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field

from reader.errors import ImportRejected
from reader.gazette.style import LineStyle
from reader.sources.archive import check_zip

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@dataclass
class DocxText:
    lines: list[str] = field(default_factory=list)
    styles: dict[int, LineStyle] = field(default_factory=dict)  # 1-based line -> its layout

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


def looks_like_docx(data: bytes) -> bool:
    """A zip archive holding ``word/document.xml`` (a .docx named otherwise, or not named)."""
    if not data.startswith(b"PK"):
        return False
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            return "word/document.xml" in z.namelist()
    except (zipfile.BadZipFile, ValueError, OSError):
        return False


def check_archive(data: bytes) -> None:
    """Refuse an archive that is no .docx or would inflate past the caps (before anything reads it)."""
    check_zip(data, "Word（.docx）文件", "word/document.xml")


def _style_of(paragraph) -> LineStyle:
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    sizes = [r.font.size.pt for r in paragraph.runs if r.font.size is not None and r.text.strip()]
    style = paragraph.style
    while not sizes and style is not None:  # the size the paragraph's style gives
        if style.font is not None and style.font.size is not None:
            sizes = [style.font.size.pt]
        style = style.base_style
    texts = [r for r in paragraph.runs if r.text.strip()]
    bold = bool(texts) and all(r.bold or (r.bold is None and paragraph.style.font.bold) for r in texts)
    align = paragraph.paragraph_format.alignment
    if align is None and paragraph.style is not None:
        align = paragraph.style.paragraph_format.alignment
    name = (paragraph.style.name or "").lower() if paragraph.style is not None else ""
    centred = align == WD_ALIGN_PARAGRAPH.CENTER or name in ("title", "标题")
    return LineStyle(
        size=max(sizes) if sizes else 12.0,
        bold=bold,
        centred=centred,
        right=align == WD_ALIGN_PARAGRAPH.RIGHT,
    )


def read_docx(data: bytes) -> DocxText:
    """The paragraphs and table rows of a .docx, in document order, with each line's layout."""
    check_archive(data)
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # malformed XML, a part missing: python-docx raises many kinds
        raise ImportRejected("corrupt", f"损坏：无法读取 Word 文件（{type(exc).__name__}）") from exc
    out = DocxText()
    body = document.element.body
    for child in body.iterchildren():
        if child.tag == f"{_W}p":
            paragraph = Paragraph(child, document)
            text = paragraph.text.replace("\t", " ").strip()
            if not text:
                out.lines.append("")
                continue
            out.lines.append(text)
            out.styles[len(out.lines)] = _style_of(paragraph)
        elif child.tag == f"{_W}tbl":
            for row in Table(child, document).rows:
                cells = [" ".join(c.text.split()) for c in row.cells]
                dedup = [c for k, c in enumerate(cells) if k == 0 or c != cells[k - 1]]  # merged cells
                out.lines.append("\t".join(dedup))
    if not any(line.strip() for line in out.lines):
        raise ImportRejected("empty", "空文档：Word 文件没有文字")
    return out


def read_docx_in_child(data: bytes, timeout: float = 60.0) -> DocxText:
    """:func:`read_docx` in a child process with the memory limit of the other readers."""
    from reader.workers import read_in_child

    return read_in_child(read_docx, data, what="Word 文件", timeout=timeout)  # type: ignore[return-value]
