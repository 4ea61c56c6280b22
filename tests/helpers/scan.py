"""Scanned gazette pages with known text, and the character error rate of what OCR read on them.

Real 公文 text from the shared corpus is typeset as a gazette (:func:`tests.helpers.pdfgen.typeset_gazette`:
titles in 2号, a 3号 body, numbers centred, signatures set right), each page rendered at 200 dpi
and degraded the way a flatbed scan of a printed page is: turned by half a degree to a degree
and a half, slightly blurred, grey, noisy and saved as JPEG once. The truth is the PDF's own
text layer, so it is exactly what was printed. Everything is drawn from one seed.

numpy and Pillow come with the ``[ocr]`` extra (rapidocr needs both); they are imported only
when a page is degraded, so importing this module costs nothing.
"""

from __future__ import annotations

import io
import random
import re
import unicodedata
from pathlib import Path

import pymupdf

from tests.helpers.pdfgen import roles_from_gold, typeset_gazette

DPI = 200
# 发文字号 lines: a title is the line printed above one
_NUMBER = re.compile(r"^\S{1,16}〔(?:19|20)\d{2}〕\d{1,5}号$")
_JUNK = ("\t", "<", ".....", "http", "](")


def prose_lines(text: str) -> list[str]:
    """The lines of a corpus issue a typesetter sets as running text, from its first document on.

    Tables (tab-separated cells), HTML and web links left in by the converter, and the masthead
    and 目录 before the first 发文字号 are left out: a page of them would measure table layout and
    URLs, not reading.
    """
    lines = [ln.strip().lstrip("#").strip().replace("\\", "") for ln in text.split("\n")]
    lines = [ln for ln in lines if ln and not any(junk in ln for junk in _JUNK)]
    first = next((i for i, ln in enumerate(lines) if _NUMBER.match(ln)), 1)
    return lines[max(0, first - 1) :]


def typeset(lines: list[str], path: Path, header: str, max_pages: int | None = None) -> list[str]:
    """Typeset ``lines`` as a gazette PDF at ``path``; the printed text of each page (at most
    ``max_pages``), read back from the PDF's text layer top to bottom (the running header and the
    page number are written first, so the layer's own order is not the reading order)."""
    titles = [lines[i - 1] for i in range(1, len(lines)) if _NUMBER.match(lines[i])]
    items = roles_from_gold("\n".join(lines), titles, [])
    typeset_gazette(items, path, header=header)
    with pymupdf.open(path) as doc:
        count = doc.page_count if max_pages is None else min(max_pages, doc.page_count)
        return [doc[i].get_text("text", sort=True) for i in range(count)]


def scan_png(pdf: Path, index: int, seed: int, dpi: int = DPI) -> bytes:
    """Page ``index`` of ``pdf`` as a degraded scan (PNG bytes); the same seed, the same image."""
    import numpy as np
    from PIL import Image, ImageFilter

    rng = random.Random(seed)
    with pymupdf.open(pdf) as doc:
        pix = doc[index].get_pixmap(dpi=dpi, colorspace=pymupdf.csGRAY)
        img = Image.frombytes("L", (pix.width, pix.height), pix.samples)
    angle = rng.uniform(0.5, 1.5) * rng.choice((-1, 1))
    img = img.rotate(angle, resample=Image.Resampling.BICUBIC, fillcolor=255)
    img = img.filter(ImageFilter.GaussianBlur(radius=rng.uniform(0.5, 0.9)))
    noise = np.random.default_rng(seed).normal(0.0, 10.0, (img.height, img.width))
    pixels = np.clip(np.asarray(img, dtype=np.float32) * 0.92 + 10 + noise, 0, 255).astype(np.uint8)
    buf = io.BytesIO()
    Image.fromarray(pixels).save(buf, "JPEG", quality=rng.randint(55, 75))
    out = io.BytesIO()
    Image.open(io.BytesIO(buf.getvalue())).save(out, "PNG")
    return out.getvalue()


def normalise(text: str) -> str:
    """Text as compared: NFKC (a full-width comma and an ASCII one are the same character to a
    reader, and OCR models print either), and no whitespace (OCR has no line breaks to match)."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def edit_distance(a: str, b: str) -> int:
    """Levenshtein distance over characters (insertions, deletions, substitutions cost 1)."""
    if len(a) < len(b):
        a, b = b, a
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


def cer(reference: str, hypothesis: str) -> float:
    """Character error rate: edit distance over normalised text / length of the reference."""
    ref, hyp = normalise(reference), normalise(hypothesis)
    return edit_distance(ref, hyp) / max(1, len(ref))
