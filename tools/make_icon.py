"""Draw the app icon (a red seal with 公) as PNG and ICO; run once, the files are committed.

The ICO embeds PNG images (Windows Vista and later read them), so no imaging library is needed.
"""

from __future__ import annotations

import struct
from pathlib import Path

import pymupdf

OUT = Path(__file__).resolve().parent.parent / "resources" / "icons"


def png(size: int) -> bytes:
    doc = pymupdf.open()
    page = doc.new_page(width=size, height=size)
    pad = size * 0.06
    seal = pymupdf.Rect(pad, pad, size - pad, size - pad)
    page.draw_rect(seal, color=None, fill=(0.78, 0.1, 0.12), radius=0.18)
    inner = size * 0.14
    box = pymupdf.Rect(inner, inner, size - inner, size - inner)
    page.draw_rect(box, color=(1, 0.93, 0.85), width=size * 0.03, radius=0.1)
    font = pymupdf.Font("china-s")
    fs = size * 0.56
    width = font.text_length("公", fontsize=fs)
    tw = pymupdf.TextWriter(page.rect, color=(1, 0.95, 0.88))
    tw.append(((size - width) / 2, size * 0.70), "公", font=font, fontsize=fs)
    tw.write_text(page)
    pix = page.get_pixmap(alpha=True)
    return pix.tobytes("png")


def ico(images: list[tuple[int, bytes]]) -> bytes:
    header = struct.pack("<HHH", 0, 1, len(images))
    entries, data = b"", b""
    offset = 6 + 16 * len(images)
    for size, blob in images:
        dim = 0 if size >= 256 else size
        entries += struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(blob), offset + len(data))
        data += blob
    return header + entries + data


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    sizes = [16, 24, 32, 48, 64, 128, 256]
    images = [(s, png(s)) for s in sizes]
    (OUT / "gongbao.png").write_bytes(dict(images)[256])
    (OUT / "gongbao.ico").write_bytes(ico(images))


if __name__ == "__main__":
    main()
