"""Real OFD files for the tests, laid out like a 公文 (GB/T 9704 on GB/T 33190).

A4 pages, the 版心 156 mm wide from 28 mm; each line one text object whose glyphs are placed by
``DeltaX`` (full width for Han, half for the rest); a red 版头 and a red rule under it, the title
centred in 二号 (22 pt), the 发文字号 centred, the 成文日期 set right, page numbers at the foot; a
seal as a signature whose signed value carries a PNG, as real signing software writes it.
"""

from __future__ import annotations

import io
import unicodedata
import zipfile
from dataclasses import dataclass
from pathlib import Path

NS = 'xmlns:ofd="http://www.ofdspec.org/2016"'
PT = 25.4 / 72  # points to millimetres
LEFT, WIDTH, TOP, LINES_PER_PAGE = 28.0, 156.0, 37.0, 22


@dataclass
class Line:
    text: str
    size: float = 16.0  # points
    align: str = "left"  # left | centre | right
    red: bool = False


def _width(ch: str, size_mm: float) -> float:
    return size_mm if unicodedata.east_asian_width(ch) in ("W", "F") else size_mm / 2


def _wrap(line: Line) -> list[Line]:
    """Body lines broken at the 版心's width, as a word processor would."""
    size = line.size * PT
    out, cur, used = [], "", 0.0
    for ch in line.text:
        w = _width(ch, size)
        if used + w > WIDTH and cur:
            out.append(Line(cur, line.size, line.align, line.red))
            cur, used = "", 0.0
        cur, used = cur + ch, used + w
    out.append(Line(cur, line.size, line.align, line.red))
    return out


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _text_object(oid: int, line: Line, y: float) -> str:
    size = line.size * PT
    widths = [_width(ch, size) for ch in line.text]
    total = sum(widths)
    x = LEFT + {"left": 0.0, "centre": (WIDTH - total) / 2, "right": WIDTH - total - 8}[line.align]
    deltas = " ".join(f"{w:.3f}" for w in widths[:-1])
    colour = '<ofd:FillColor Value="255 0 0"/>' if line.red else ""
    return (
        f'<ofd:TextObject ID="{oid}" Boundary="{x:.3f} {y - size:.3f} {total + 1:.3f} {size * 1.4:.3f}" '
        f'Font="1" Size="{size:.3f}">{colour}'
        f'<ofd:TextCode X="0" Y="{size:.3f}" DeltaX="{deltas}">{_esc(line.text)}</ofd:TextCode></ofd:TextObject>'
    )


def seal_png() -> bytes:
    """A red round seal as a PNG (a ring and a star), drawn with PyMuPDF."""
    import pymupdf

    doc = pymupdf.open()
    page = doc.new_page(width=120, height=120)
    page.draw_circle((60, 60), 55, color=(0.85, 0, 0), width=5)
    page.draw_polyline(
        [
            (60, 25),
            (70, 50),
            (97, 50),
            (75, 66),
            (83, 92),
            (60, 76),
            (37, 92),
            (45, 66),
            (23, 50),
            (50, 50),
            (60, 25),
        ],
        color=(0.85, 0, 0),
        fill=(0.85, 0, 0),
    )
    return page.get_pixmap(dpi=144, alpha=True).tobytes("png")


def write_ofd(lines: list[Line], out: Path, *, seal: bool = True, font: bytes | None = None) -> Path:
    """An OFD file of these lines, paged; ``font`` embeds a font file for every text object."""
    pages: list[list[str]] = [[]]
    y, oid, count = TOP, 10, 0
    flat = [piece for line in lines for piece in _wrap(line)]
    for line in flat:
        if count == LINES_PER_PAGE:
            pages.append([])
            y, count = TOP, 0
        size = line.size * PT
        y += size * 1.6
        pages[-1].append(_text_object(oid, line, y))
        if line.red and line.size >= 30:  # the rule under the 版头
            pages[-1].append(
                f'<ofd:PathObject ID="{oid + 1}" Boundary="{LEFT} {y + 6:.3f} {WIDTH} 1" LineWidth="0.6">'
                f'<ofd:StrokeColor Value="255 0 0"/><ofd:AbbreviatedData>M 0 0.5 L {WIDTH} 0.5</ofd:AbbreviatedData>'
                "</ofd:PathObject>"
            )
            y += 10
        oid, count = oid + 2, count + 1
    files: dict[str, bytes] = {}
    page_refs = []
    for n, objects in enumerate(pages):
        foot = _text_object(9000 + n, Line(f"— {n + 1} —", 14, "centre"), 270.0)
        files[f"Doc_0/Pages/Page_{n}/Content.xml"] = (
            f'<?xml version="1.0" encoding="UTF-8"?><ofd:Page {NS}><ofd:Area><ofd:PhysicalBox>0 0 210 297'
            f'</ofd:PhysicalBox></ofd:Area><ofd:Content><ofd:Layer ID="{5000 + n}">{"".join(objects)}{foot}'
            "</ofd:Layer></ofd:Content></ofd:Page>"
        ).encode()
        page_refs.append(f'<ofd:Page ID="{100 + n}" BaseLoc="Pages/Page_{n}/Content.xml"/>')
    font_file = "<ofd:FontFile>font_1.ttf</ofd:FontFile>" if font else ""
    files["Doc_0/PublicRes.xml"] = (
        f'<?xml version="1.0" encoding="UTF-8"?><ofd:Res {NS} BaseLoc="Res"><ofd:Fonts>'
        f'<ofd:Font ID="1" FontName="仿宋_GB2312" FamilyName="仿宋">{font_file}</ofd:Font></ofd:Fonts></ofd:Res>'
    ).encode()
    if font:
        files["Doc_0/Res/font_1.ttf"] = font
    files["Doc_0/Document.xml"] = (
        f'<?xml version="1.0" encoding="UTF-8"?><ofd:Document {NS}><ofd:CommonData><ofd:MaxUnitID>9999'
        "</ofd:MaxUnitID><ofd:PageArea><ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox></ofd:PageArea>"
        f"<ofd:PublicRes>PublicRes.xml</ofd:PublicRes></ofd:CommonData><ofd:Pages>{''.join(page_refs)}"
        "</ofd:Pages></ofd:Document>"
    ).encode()
    signatures = ""
    if seal:
        signatures = "<ofd:Signatures>Doc_0/Signs/Signatures.xml</ofd:Signatures>"
        files["Doc_0/Signs/Signatures.xml"] = (
            f'<?xml version="1.0" encoding="UTF-8"?><ofd:Signatures {NS}><ofd:Signature ID="1" Type="Seal" '
            'BaseLoc="Sign_0/Signature.xml"/></ofd:Signatures>'
        ).encode()
        last = 100 + len(pages) - 1
        files["Doc_0/Signs/Sign_0/Signature.xml"] = (
            f'<?xml version="1.0" encoding="UTF-8"?><ofd:Signature {NS}><ofd:SignedInfo>'
            f'<ofd:StampAnnot ID="2" PageRef="{last}" Boundary="130 {min(y + 5, 240):.1f} 40 40"/>'
            "</ofd:SignedInfo><ofd:SignedValue>SignedValue.dat</ofd:SignedValue></ofd:Signature>"
        ).encode()
        files["Doc_0/Signs/Sign_0/SignedValue.dat"] = (
            b"\x30\x82\x10\x00\x04\x03png\x04\x82\x0f\x00" + seal_png()
        )
    files["OFD.xml"] = (
        f'<?xml version="1.0" encoding="UTF-8"?><ofd:OFD {NS} DocType="OFD" Version="1.1"><ofd:DocBody>'
        "<ofd:DocInfo><ofd:DocID>gongbao-test</ofd:DocID></ofd:DocInfo><ofd:DocRoot>Doc_0/Document.xml"
        f"</ofd:DocRoot>{signatures}</ofd:DocBody></ofd:OFD>"
    ).encode()
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in files.items():
            z.writestr(name, data)
    out.write_bytes(buf.getvalue())
    return out


def gongwen_lines(text: str, title: str, number: str | None, issuer_head: str | None = None) -> list[Line]:
    """A 公文's text as laid-out lines: the title centred in 二号, the 发文字号 centred, a date line
    set right, a red 版头 (the issuer's name and 文件) above when given."""
    import re

    flat_title = re.sub(r"\s+", "", title)
    seen = ""
    out: list[Line] = []
    if issuer_head:
        out.append(Line(issuer_head, 36, "centre", red=True))
    for raw in text.splitlines():
        flat = re.sub(r"\s+", "", raw)
        if not flat:
            continue
        if flat_title.startswith(seen + flat) and len(seen) < len(flat_title):
            seen += flat
            out.append(Line(raw.strip(), 22, "centre"))
        elif number and flat == re.sub(r"\s+", "", number):
            out.append(Line(raw.strip(), 16, "centre"))
        elif re.fullmatch(r"(?:19|20)\d\d年\d{1,2}月\d{1,2}日", flat):
            out.append(Line(flat, 16, "right"))
        else:
            out.append(Line(raw.rstrip(), 16))
    return out
