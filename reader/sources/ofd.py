"""OFD files (GB/T 33190, the national fixed-layout format) as lines of text with their layout
(issue #19, first part: the text; the page view of an OFD is still to come).

Read through ``ofdkit`` (pure Python, Apache-2.0), kept behind this one module so it can be
vendored or replaced: each page's text runs (x, baseline y and size in millimetres) are grouped
into lines by their baselines, each line with a :class:`~reader.gazette.style.LineStyle` (size
in points, centred or set against the right margin), so the splitter reads an OFD 公文 as it reads
a PDF one. A file that is no OFD, or that ofdkit's own limits refuse, is refused with a category;
the reading runs in a child process with the memory limit and a timeout.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from reader.errors import ImportRejected
from reader.gazette.style import LineStyle
from reader.sources.archive import check_zip

MM_TO_PT = 72 / 25.4


@dataclass
class OfdText:
    lines: list[str] = field(default_factory=list)
    styles: dict[int, LineStyle] = field(default_factory=dict)  # 1-based line -> its layout
    pages: int = 0
    warnings: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


def _page_lines(runs: list, width: float, page: int) -> list[tuple[str, LineStyle]]:
    """Runs grouped into lines by baseline, left to right, each with its layout."""
    rows: list[list] = []
    for run in sorted(runs, key=lambda r: (round(r.y, 1), r.x)):
        if not run.text.strip():
            continue
        if rows and abs(rows[-1][0].y - run.y) <= max(0.4 * run.size, 0.8):
            rows[-1].append(run)
        else:
            rows.append([run])
    out = []
    for k, row in enumerate(rows):
        row.sort(key=lambda r: r.x)
        text = "".join(r.text for r in row).strip()
        left, right = row[0].x, max(r.x + r.width for r in row)
        middle = (left + right) / 2
        size = max(r.size for r in row) * MM_TO_PT
        style = LineStyle(
            size=round(size, 1),
            centred=width > 0 and abs(middle - width / 2) < 0.06 * width and right - left < 0.8 * width,
            right=width > 0 and right > 0.75 * width and left > 0.45 * width,
            page=page,
            first_on_page=k == 0,
        )
        out.append((text, style))
    return out


def read_ofd(data: bytes) -> OfdText:
    """Every page's lines, in order, a blank line between pages."""
    import ofdkit

    if not data.startswith(b"PK"):
        raise ImportRejected("corrupt", "损坏：不是 OFD 文件（OFD 是 zip 包）")
    check_zip(data, "OFD 文件", "OFD.xml", max_entries=50_000)
    out = OfdText()
    try:
        with ofdkit.open(data) as doc:
            for page in doc.pages:
                out.pages += 1
                try:
                    width = page.box[2]
                    runs = [r for r in page.runs if r.text.strip()]
                    lines = _page_lines(runs, width, page.index) if runs else []
                except ofdkit.OFDError as exc:
                    out.warnings.append(f"第 {page.index + 1} 页无法读取：{exc}")
                    continue
                if out.lines:
                    out.lines.append("")
                for text, style in lines:
                    out.lines.append(text)
                    out.styles[len(out.lines)] = style
            out.warnings += [str(w) for w in doc.warnings]
    except ofdkit.OFDLimitError as exc:
        raise ImportRejected("too_large", f"过大：OFD 文件超出读取上限（{exc}）") from exc
    except ofdkit.OFDError as exc:
        raise ImportRejected("corrupt", f"损坏：无法读取 OFD 文件（{exc}）") from exc
    except (ValueError, KeyError, OSError) as exc:
        raise ImportRejected("corrupt", f"损坏：无法读取 OFD 文件（{type(exc).__name__}）") from exc
    if not any(line.strip() for line in out.lines):
        raise ImportRejected("empty", "空文档：OFD 文件没有文字（可能是扫描件或只有图片）")
    return out


def read_ofd_in_child(data: bytes, timeout: float = 60.0) -> OfdText:
    """:func:`read_ofd` in a child process with the memory limit of the other readers."""
    from reader.workers import read_in_child

    return read_in_child(read_ofd, data, what="OFD 文件", timeout=timeout)  # type: ignore[return-value]
