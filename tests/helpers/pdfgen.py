"""Generate real gazette PDFs for tests and benchmarks (pymupdf, CJK through ``china-s``).

Text is laid out the way a printed gazette is: A4 pages, 28 characters a line, a running header
and a page number on every page, so extraction and page mapping are tested against what
PyMuPDF really returns.
"""

from __future__ import annotations

from pathlib import Path

import pymupdf

A4 = pymupdf.paper_rect("a4")
CHARS_PER_LINE = 28
FONT_SIZE = 14
LINE_HEIGHT = 26
MARGIN_X, MARGIN_TOP, MARGIN_BOTTOM = 70, 90, 80


def _wrap(paragraph: str, width: int) -> list[str]:
    if not paragraph:
        return [""]
    return [paragraph[i : i + width] for i in range(0, len(paragraph), width)]


def gazette_pdf(
    text: str,
    path: Path,
    *,
    header: str = "示例市人民政府公报",
    min_pages: int = 0,
    max_pages: int | None = None,
    password: str | None = None,
) -> int:
    """Write ``text`` (one paragraph per line) as a PDF gazette; return the page count.

    ``min_pages`` repeats the text until the document has at least that many pages;
    ``max_pages`` cuts it off after that many.
    """
    font = pymupdf.Font("china-s")
    doc = pymupdf.open()
    lines: list[str] = []
    paragraphs = text.split("\n")
    while True:
        for para in paragraphs:
            lines.extend(_wrap(para.strip(), CHARS_PER_LINE))
        per_page = int((A4.height - MARGIN_TOP - MARGIN_BOTTOM) // LINE_HEIGHT)
        if len(lines) // per_page + 1 >= min_pages:
            break
    per_page = int((A4.height - MARGIN_TOP - MARGIN_BOTTOM) // LINE_HEIGHT)
    if max_pages is not None:
        lines = lines[: per_page * max_pages]
    for start in range(0, len(lines), per_page):
        page = doc.new_page(width=A4.width, height=A4.height)
        tw = pymupdf.TextWriter(page.rect)
        tw.append((MARGIN_X, 50), header, font=font, fontsize=10)
        y = MARGIN_TOP
        for line in lines[start : start + per_page]:
            if line:
                tw.append((MARGIN_X, y), line, font=font, fontsize=FONT_SIZE)
            y += LINE_HEIGHT
        n = start // per_page + 1
        tw.append((A4.width / 2 - 10, A4.height - 40), f"- {n} -", font=font, fontsize=10)
        tw.write_text(page)
    kwargs = {}
    if password:
        kwargs = {
            "encryption": pymupdf.PDF_ENCRYPT_AES_256,
            "user_pw": password,
            "owner_pw": password + "-owner",
        }
    doc.save(str(path), **kwargs)
    count = doc.page_count
    doc.close()
    return count


def scanned_pdf(path: Path, pages: int = 2) -> None:
    """Pages that carry only an image: a scan without a text layer."""
    doc = pymupdf.open()
    for _ in range(pages):
        page = doc.new_page()
        pix = pymupdf.Pixmap(pymupdf.csRGB, pymupdf.IRect(0, 0, 200, 280), False)
        pix.set_rect(pix.irect, (230, 230, 220))
        page.insert_image(page.rect, pixmap=pix)
    doc.save(str(path))
    doc.close()


# -- gazettes typeset as gazettes are ---------------------------------------------------------
BODY_SIZE = 16  # 3号
TITLE_SIZE = 22  # 2号
TITLE_CHARS = 20
RED = (0.85, 0.05, 0.05)


def roles_from_gold(text: str, titles: list[str], numbers: list[str | None]) -> list[tuple[str, str]]:
    """Each non-blank line of an issue text with the role a typesetter gives it.

    ``titles`` (in order) say which lines are document titles; the rest follows from the line
    itself: a 发文字号 under a title, a 成文日期, the organ signed above it, the masthead.
    """
    from reader.gazette.dates import date_line
    from reader.gazette.lines import is_organ_line
    from reader.gazette.numbers import number_line, order_seq

    lines = [ln.strip() for ln in text.split("\n") if ln.strip()]
    flat = ["".join(ln.split()) for ln in lines]
    roles = ["body"] * len(lines)
    at = 0
    for title in titles:
        want = "".join(title.split())
        for i in range(at, len(lines)):
            acc, j = "", i
            while j < len(lines) and len(acc) < len(want) and want.startswith(acc + flat[j]):
                acc += flat[j]
                j += 1
            if acc != want and j == i and flat[i].startswith(want):
                acc, j = want, i + 1  # the title and its number on one line (…公告第1号)
            if acc == want:
                roles[i:j] = ["title"] * (j - i)
                at = j
                break
    first_title = roles.index("title") if "title" in roles else len(lines)
    for i in range(len(lines)):
        if roles[i] == "title":
            continue
        if i < first_title:
            roles[i] = (
                "masthead"
                if i == 0
                else ("toc" if any(r == "toc" for r in roles[:i]) or flat[i].startswith("目") else "period")
            )
        elif number_line(flat[i]) or order_seq(flat[i]):
            roles[i] = "number"
        elif date_line(flat[i]):
            roles[i] = "date"
            k = i - 1
            while k >= 0 and roles[k] == "body" and is_organ_line(lines[k]):
                roles[k] = "signature"
                k -= 1
    del numbers
    return list(zip(roles, lines, strict=True))


def typeset_gazette(items: list[tuple[str, str]], path: Path, *, header: str) -> int:
    """Lay out (role, text) lines as a gazette PDF: red masthead, titles centred in 2号 over a
    3号 body, numbers centred, signatures and dates set right, a running header and a page
    number on every page. Returns the page count."""
    font = pymupdf.Font("china-s")
    doc = pymupdf.open()
    width = A4.width - 2 * MARGIN_X
    bottom = A4.height - MARGIN_BOTTOM
    state = {"page": None, "y": 0.0, "n": 0, "writers": {}}

    def new_page() -> None:
        flush()
        page = doc.new_page(width=A4.width, height=A4.height)
        state["page"], state["y"], state["n"] = page, MARGIN_TOP, state["n"] + 1
        tw = pymupdf.TextWriter(page.rect)
        tw.append((MARGIN_X, 50), header, font=font, fontsize=10)
        tw.append((A4.width / 2 - 14, A4.height - 40), f"— {state['n']} —", font=font, fontsize=10)
        state["writers"] = {"black": tw}

    def flush() -> None:
        page = state["page"]
        if page is None:
            return
        for colour in sorted(state["writers"], key=lambda c: c != "red"):  # the red 版头 first
            state["writers"][colour].write_text(page, color=RED if colour == "red" else (0, 0, 0))

    def put(text: str, size: float, align: str, colour: str = "black", gap: float = 1.6) -> None:
        if state["page"] is None or state["y"] + size * gap > bottom:
            new_page()
        advance = font.text_length(text, fontsize=size)
        x = {"left": MARGIN_X, "centre": (A4.width - advance) / 2, "right": MARGIN_X + width - advance}[align]
        writers = state["writers"]
        tw = writers.setdefault(colour, pymupdf.TextWriter(state["page"].rect))
        tw.append((x, state["y"] + size), text, font=font, fontsize=size)
        state["y"] += size * gap

    for role, text in items:
        if role == "masthead":
            put(text, 30, "centre", "red", 2.0)
        elif role == "title":
            for part in _wrap(text, TITLE_CHARS):
                put(part, TITLE_SIZE, "centre", gap=1.5)
        elif role in ("number", "period"):
            put(text, BODY_SIZE, "centre")
        elif role in ("date", "signature"):
            put(text, BODY_SIZE, "right")
        else:
            for part in _wrap(text, CHARS_PER_LINE):
                put(part, BODY_SIZE, "left")
    flush()
    doc.save(str(path))
    count = doc.page_count
    doc.close()
    return count


def text_bomb_pdf(path: Path, megabytes: int) -> int:
    """A one-page PDF whose content stream inflates to ``megabytes`` MB of text to show: the
    file is about a thousandth of that, extracting it would take many times that in memory.
    Returns the file's size."""
    import zlib

    co = zlib.compressobj(9)
    parts = [co.compress(b"BT /F1 9 Tf 72 720 Td (")]
    chunk = b"A" * (1 << 20)
    for _ in range(megabytes):
        parts.append(co.compress(chunk))
    parts.append(co.compress(b") Tj ET"))
    parts.append(co.flush())
    data = b"".join(parts)
    doc = pymupdf.open()
    page = doc.new_page()
    font = doc.get_new_xref()
    doc.update_object(font, "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    doc.xref_set_key(page.xref, "Resources", f"<< /Font << /F1 {font} 0 R >> >>")
    content = doc.get_new_xref()
    doc.update_object(content, "<< >>")
    doc.update_stream(content, data, new=True, compress=False)
    doc.xref_set_key(content, "Filter", "/FlateDecode")
    doc.xref_set_key(page.xref, "Contents", f"{content} 0 R")
    doc.save(str(path))
    doc.close()
    return path.stat().st_size
