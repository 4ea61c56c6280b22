"""PDF text extraction in a child process with a time limit.

MuPDF can hang or crash on hostile files and PyMuPDF holds the GIL while it works, so
extraction never runs in the app's own process: an :class:`Extractor` owns one child process
(reused across the files of a batch) and kills and replaces it when a file takes too long.

A file is refused with a category rather than half-imported: 损坏 (cannot be opened, or some
page's text cannot be read), 加密 (needs a password, or the password is wrong), 空文档
(0 pages), 超时. A file MuPDF had to repair is imported with a warning; one with no text layer
is imported as pages only and marked as not searchable.
"""

from __future__ import annotations

import contextlib
import unicodedata
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from reader.errors import ImportRejected
from reader.gazette.style import LineStyle
from reader.sources.pdf_layout import RawLine, line_styles, page_lines
from reader.workers import ChildProcess, memory_limit_mb, messages

DEFAULT_TIMEOUT = 60.0
# A gazette page's content stream is well under 1 MB; past this it is no page anyone typeset.
MAX_PAGE_CONTENT = 32 << 20
# Fewer non-space characters per page than this, on average: no text layer (a scan).
MIN_TEXT_CHARS_PER_PAGE = 5
# Characters SASLprep maps to nothing (RFC 4013 B.1): PDF 2.0 (R6) passwords are SASLprep'd.
_MAPPED_TO_NOTHING = dict.fromkeys(
    map(ord, "\u00ad\u034f\u1806\u180b\u180c\u180d\u200b\u200c\u200d\u2060\ufe00\ufe01\ufe0f\ufeff")
)


@dataclass(slots=True)
class PdfText:
    """What extraction yields for one PDF.

    ``styles`` has, per page, how each line of that page's text was set (None for a page whose
    layout could not be read): the splitter's typographic evidence.
    """

    pages: list[str]
    page_sizes: list[tuple[float, float]]
    styles: list[list[LineStyle | None]] = field(default_factory=list)
    repaired: bool = False
    encrypted: bool = False
    decrypted: bytes | None = None  # an unencrypted copy, kept so pages can render later
    warnings: list[str] = field(default_factory=list)

    @property
    def page_count(self) -> int:
        return len(self.pages)

    @property
    def has_text(self) -> bool:
        chars = sum(len("".join(p.split())) for p in self.pages)
        return chars > 0 and chars >= MIN_TEXT_CHARS_PER_PAGE * max(len(self.pages), 1)

    @property
    def flags(self) -> list[str]:
        """Machine-readable notes: ``repaired``, ``no_text``, ``decrypted``."""
        out = []
        if self.repaired:
            out.append("repaired")
        if not self.has_text:
            out.append("no_text")
        if self.encrypted:
            out.append("decrypted")
        return out


def content_over_cap(doc: Any, page: Any, cap: int) -> bool:
    """Does the page's content inflate past ``cap`` bytes? Measured by inflating it in pieces
    and stopping at the cap, so a decompression bomb is found without ever holding it."""
    import zlib

    total = 0
    for xref in page.get_contents():
        kind, value = doc.xref_get_key(xref, "Filter")
        raw = doc.xref_stream_raw(xref) or b""
        if kind == "null":
            total += len(raw)
        elif value.strip("[] ") == "/FlateDecode":
            inflate = zlib.decompressobj()
            data = raw
            try:
                while data and total <= cap:
                    out = inflate.decompress(data, 1 << 20)
                    total += len(out)
                    data = inflate.unconsumed_tail
            except zlib.error:
                continue  # MuPDF repairs or refuses it; the memory limit stands behind
        if total > cap:
            return True
    return False


def password_candidates(password: str) -> list[str]:
    """The password as typed, NFKC-normalised, and SASLprep-mapped: PDF readers differ."""
    nfkc = unicodedata.normalize("NFKC", password)
    out = []
    for cand in (nfkc.translate(_MAPPED_TO_NOTHING), nfkc, password):
        if cand not in out:
            out.append(cand)
    return out


def extract_now(source: str | bytes, password: str | None) -> tuple[str, Any]:
    """Extract in *this* process. Returns ("ok", PdfText) or (category, reason).

    ``source`` is a path or the file's bytes: the importer passes the bytes it has already read
    and hashed, so a file replaced or deleted meanwhile cannot mix two versions in one import.
    """
    import pymupdf

    try:
        if isinstance(source, bytes):
            doc = pymupdf.open(stream=source, filetype="pdf")
        else:
            doc = pymupdf.open(source)
    except pymupdf.EmptyFileError:
        return "empty", "空文档：PDF 文件是空的（0 字节）"
    except Exception as exc:  # FileDataError and whatever else MuPDF throws at a broken file
        return "corrupt", f"损坏：无法打开 PDF（{type(exc).__name__}）"
    with contextlib.closing(doc):
        encrypted = bool(doc.needs_pass)
        if encrypted:
            if not password:
                return "encrypted", "加密：此 PDF 需要密码"
            if not any(doc.authenticate(p) for p in password_candidates(password)):
                return "encrypted", "加密：密码不正确"
        if doc.page_count == 0:
            reason = "空文档：PDF 没有任何页面"
            if doc.is_repaired:
                reason += "（文件已损坏，修复后仍为 0 页）"
            return "empty", reason
        pages: list[str] = []
        sizes: list[tuple[float, float]] = []
        raw: list[list[RawLine]] = []
        failed: list[int] = []
        for i in range(doc.page_count):
            try:
                page = doc[i]
                if content_over_cap(doc, page, MAX_PAGE_CONTENT):
                    return "too_large", (
                        f"内容过大：第 {i + 1} 页的内容解压后超过 {MAX_PAGE_CONTENT >> 20} MB，"
                        "不像公报页面（可能是恶意构造的文件），未导入"
                    )
                lines = page_lines(page)
                raw.append(lines)
                pages.append("".join(ln.text + "\n" for ln in lines))
                sizes.append((page.rect.width, page.rect.height))
            except MemoryError:
                return "too_large", f"内容过大：读取第 {i + 1} 页超出了内存上限，未导入"
            except Exception as exc:
                if "malloc" in str(exc).lower() or "memory" in str(exc).lower():
                    return "too_large", f"内容过大：读取第 {i + 1} 页超出了内存上限，未导入"
                failed.append(i + 1)
        if failed:
            shown = "、".join(map(str, failed[:10])) + (" 等" if len(failed) > 10 else "")
            return "corrupt", f"损坏：第 {shown} 页无法读取（共 {doc.page_count} 页），为免缺页未导入"
        result = PdfText(
            pages=pages,
            page_sizes=sizes,
            styles=line_styles(raw, sizes),
            repaired=bool(doc.is_repaired),
            encrypted=encrypted,
        )
        if result.repaired:
            result.warnings.append("文件结构已损坏，已由 MuPDF 修复后导入，请核对页面")
        if encrypted:
            result.decrypted = doc.tobytes(encryption=pymupdf.PDF_ENCRYPT_NONE, garbage=1)
        if not result.has_text:
            result.warnings.append(
                "无文本层：PDF 中几乎没有可提取的文字（可能是扫描件），只能按页面阅读，不能搜索"
            )
        return "ok", result


def _serve(conn: Connection) -> None:
    """Child process loop: one extraction per request until told to stop."""
    import pymupdf

    # MuPDF prints every repair of a broken file to stderr (hundreds of lines for some): the
    # verdict and its reason reach the user through the import report instead
    pymupdf.TOOLS.mupdf_display_errors(False)
    pymupdf.TOOLS.mupdf_display_warnings(False)
    for msg in messages(conn):
        source, password = msg  # type: ignore[misc]
        try:
            conn.send(extract_now(source, password))
        except Exception as exc:  # report, never die silently: the parent is waiting
            conn.send(("corrupt", f"损坏：读取 PDF 时出错（{type(exc).__name__}）"))


class Extractor:
    """Owns one extraction child process; replaces it after a timeout or a crash."""

    def __init__(self, timeout: float = DEFAULT_TIMEOUT) -> None:
        self.timeout = timeout
        self._child: ChildProcess | None = None

    def _kill(self) -> None:
        if self._child is not None:
            self._child.kill()
        self._child = None

    def extract(self, source: Path | bytes, password: str | None = None) -> PdfText:
        """Extract the text of a file or of its bytes; raise :class:`ImportRejected` on failure."""
        if self._child is None or not self._child.alive():
            self._kill()
            self._child = ChildProcess(_serve, "gongbao-pdf-extract", memory_mb=memory_limit_mb())
        conn = self._child.conn
        try:
            conn.send((source if isinstance(source, bytes) else str(source), password))
            if not conn.poll(self.timeout):
                self._kill()
                raise ImportRejected("timeout", f"超时：读取 PDF 超过 {self.timeout:.0f} 秒，已中止")
            status, payload = conn.recv()
        except (EOFError, OSError, BrokenPipeError) as exc:
            self._kill()
            raise ImportRejected("corrupt", "损坏：读取 PDF 时解析程序崩溃") from exc
        if status != "ok":
            raise ImportRejected(status, payload)
        return payload

    def close(self) -> None:
        if self._child is not None:
            self._child.stop(grace=2)
        self._child = None

    def __enter__(self) -> Extractor:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
