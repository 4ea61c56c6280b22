"""Importing files and folders into a library: read, decode, parse, store, commit.

Each file is handled on its own: a bad file is reported with a category and a reason and the
batch goes on; a good file lands as one transaction. Importing the same bytes twice adds nothing.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import re
import sqlite3
import stat
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from reader.errors import ImportRejected, LibraryError
from reader.gazette import Document, Issue, ParsedIssue, parse_gazette
from reader.library import Library
from reader.library.records import ImportOutcome, ImportStatus, IssueSource
from reader.pagemap import build_page_map, join_pages, page_of_line
from reader.sources.docx import looks_like_docx, read_docx_in_child
from reader.sources.pdf import Extractor, PdfText
from reader.sources.text import decode_bytes

TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text"}
PDF_SUFFIXES = {".pdf"}
DOCX_SUFFIXES = {".docx"}
OFD_SUFFIXES = {".ofd"}
OFD_PAGES_SUFFIX = ".ofd.pdf"  # beside the stored .ofd: its pages drawn as PDF (rebuilt by a re-split)
HTML_SUFFIXES = {".html", ".htm", ".shtml", ".xhtml", ".mht", ".mhtml"}
OLD_WORD_SUFFIXES = {".doc", ".dot", ".wps", ".wpt"}  # binary formats: refused, saying how to convert
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | PDF_SUFFIXES | DOCX_SUFFIXES | HTML_SUFFIXES | OFD_SUFFIXES
# Size caps per type: far above any gazette, low enough that a hostile file cannot exhaust memory.
MAX_TEXT_BYTES = 200 * 1024 * 1024
MAX_PDF_BYTES = 1024 * 1024 * 1024  # a scanned issue of a few hundred pages
MAX_OTHER_BYTES = 200 * 1024 * 1024  # a file with another extension (tried as a PDF)
_NOT_REGULAR = "不是普通文件（设备、管道、套接字或指向文件夹之外的链接），未读取"

Progress = Callable[[int, int, str], None]  # (done, total, current path)


def walk_paths(paths: Iterable[str | Path]) -> Iterator[tuple[Path, str | None]]:
    """Files named directly, and the supported files inside named folders (recursively, sorted),
    each with the reason it must not be read, or None.

    Inside a folder, a link is followed only to a file inside that folder (``tar`` and ``unzip``
    restore links: ``x.txt → /etc/passwd`` must not be imported by importing the folder). A
    missing path is yielded as is, so that it is reported rather than silently skipped.
    """
    for p in paths:
        path = Path(p)
        if not path.is_dir():
            yield path, None
            continue
        root = path.resolve()
        for top, dirs, files in os.walk(path):  # links to folders are not descended into
            dirs.sort()
            for name in sorted(files):
                f = Path(top) / name
                if f.suffix.lower() not in SUPPORTED_SUFFIXES or name.startswith("."):
                    continue
                yield f, _link_refusal(f, root)


def skipped_files(paths: Iterable[str | Path]) -> int:
    """Files inside named folders that an import passes over (other extensions; hidden ones not
    counted): said in the report, so that nothing is left out silently."""
    n = 0
    for p in paths:
        path = Path(p)
        if not path.is_dir():
            continue
        for _top, dirs, files in os.walk(path):
            dirs[:] = [d for d in dirs if not d.startswith(".")]
            n += sum(
                1
                for name in files
                if not name.startswith(".") and Path(name).suffix.lower() not in SUPPORTED_SUFFIXES
            )
    return n


def _link_refusal(f: Path, root: Path) -> str | None:
    if not f.is_symlink():
        return None
    try:
        target = f.resolve(strict=True)
    except (OSError, RuntimeError):
        return None  # a dangling link: reported as missing when it is read
    return None if target.is_relative_to(root) else _NOT_REGULAR


def _size_cap(path: Path) -> tuple[int, str]:
    suffix = path.suffix.lower()
    if suffix in TEXT_SUFFIXES:
        return MAX_TEXT_BYTES, "不像公报文本"
    if suffix in PDF_SUFFIXES:
        return MAX_PDF_BYTES, "超过 PDF 的上限"
    return MAX_OTHER_BYTES, "不像公报文件"


# Waits between attempts to read a file another program holds (an antivirus scan, WPS saving):
# about three seconds in all, then the user is told which program to close.
LOCK_WAITS = (0.2, 0.5, 1.0, 1.5)
SETTLE = 0.5  # seconds: a file modified this recently is looked at twice before it is trusted
_LOCK_ERRNOS = {errno.EBUSY, errno.ETXTBSY, errno.EAGAIN}
_LOCK_WINERRORS = {32, 33}  # ERROR_SHARING_VIOLATION, ERROR_LOCK_VIOLATION


class _Changing(Exception):
    """The file changed while it was read (still being written or copied)."""


def _is_locked(exc: OSError) -> bool:
    return getattr(exc, "winerror", None) in _LOCK_WINERRORS or exc.errno in _LOCK_ERRNOS


def read_regular(path: Path, cap: int) -> tuple[bytes, os.stat_result]:
    """The bytes of a regular file (never a device, a FIFO or a socket), at most ``cap`` of them.

    Opened without blocking (a FIFO would wait for a writer for ever) and checked on the open
    descriptor, so what is checked is what is read.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags)
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise ImportRejected("not_regular", _NOT_REGULAR)
        if st.st_size > cap:
            raise ImportRejected("too_large", f"文件过大（{st.st_size // 1024 // 1024} MB）")
        chunks, total = [], 0
        while total <= cap:
            chunk = os.read(fd, min(1 << 22, cap + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
        if total > cap:
            raise ImportRejected("too_large", f"文件过大（超过 {cap // 1024 // 1024} MB）")
        return b"".join(chunks), st
    finally:
        os.close(fd)


def _read_once(path: Path) -> bytes:
    cap, why = _size_cap(path)
    try:
        data, before = read_regular(path, cap)
    except ImportRejected as exc:
        if exc.category == "too_large":
            raise ImportRejected("too_large", f"{exc.reason}，{why}") from None
        raise
    try:
        after = path.stat()
    except FileNotFoundError:  # deleted once read: the bytes are whole, and the library keeps a copy
        after = before
    stamp = (before.st_size, before.st_mtime_ns)
    if len(data) == before.st_size and time.time() - after.st_mtime < SETTLE:
        # written a moment ago: a copy or a save may still be going on, look again shortly
        time.sleep(0.1)
        with contextlib.suppress(FileNotFoundError):
            after = path.stat()
    if len(data) != before.st_size or (after.st_size, after.st_mtime_ns) != stamp:
        raise _Changing
    return data


def read_source(path: Path) -> bytes:
    """The whole bytes of a file, read once, or a categorised rejection naming what went wrong.

    Everything after this works on these bytes, never on the path again: a file deleted or
    replaced during the import cannot leave half of one version in the library. A file locked by
    another program, or still being written, is tried again for a few seconds first.
    """
    if path.is_dir():
        raise ImportRejected("unsupported", "这是一个文件夹，不是文件")
    for wait in (*LOCK_WAITS, None):
        try:
            return _read_once(path)
        except _Changing as exc:
            if wait is None:
                reason = "文件在读取时仍在变化（正在复制或保存？），请稍后重试"
                raise ImportRejected("unreadable", reason) from exc
        except FileNotFoundError as exc:
            raise ImportRejected("missing", "文件不存在（可能已被移动或删除）") from exc
        except IsADirectoryError as exc:
            raise ImportRejected("unsupported", "这是一个文件夹，不是文件") from exc
        except OSError as exc:
            if not _is_locked(exc):
                if isinstance(exc, PermissionError):
                    raise ImportRejected("unreadable", "没有读取该文件的权限") from exc
                raise ImportRejected("unreadable", f"无法读取文件：{exc.strerror or exc}") from exc
            if wait is None:
                raise ImportRejected(
                    "locked", "文件被其他程序占用（如正在打开它的 WPS、Word 或杀毒软件），请关闭该程序后重试"
                ) from exc
        time.sleep(wait)
    raise AssertionError("unreachable")


_MD_IMAGE = re.compile(r"!\[([^\]\n]*)\]\([^)\n]*\)")
_MD_LINK = re.compile(r"\[([^\]\n]+)\]\((?:https?|mailto|ftp):[^)\s]*(?:\s+\"[^\"\n]*\")?\)")
_MD_AUTOLINK = re.compile(r"<((?:https?|ftp)://[^>\s]+)>")


def readable_text(text: str, name: str) -> str:
    """What a file says, for the parser: a Markdown file's links read as their words
    (``[通知](http://…)`` → ``通知``, ``<http://…>`` → the address), not as syntax."""
    if Path(name).suffix.lower() not in (".md", ".markdown"):
        return text
    text = _MD_IMAGE.sub(lambda m: m.group(1), text)
    text = _MD_LINK.sub(lambda m: m.group(1), text)
    return _MD_AUTOLINK.sub(lambda m: m.group(1), text)


def text_identity(text: str) -> str:
    """What makes two text files the same issue: their text, not their bytes (an encoding, a
    byte-order mark, line ends, full-width forms and spacing do not count)."""
    import unicodedata

    flat = unicodedata.normalize("NFKC", text.lstrip("\ufeff"))
    return hashlib.sha256("".join(flat.split()).encode("utf-8")).hexdigest()


def looks_tabular(text: str) -> bool:
    """Rows of a table (a CSV or TSV export), not prose: most lines carry the same number of
    separators and few end a sentence. A 公文 has commas too, but not the same count on every line."""
    lines = [ln for ln in text.splitlines() if ln.strip()][:400]
    if len(lines) < 5:
        return False
    for sep in (",", "\t", "，"):
        counts = [ln.count(sep) for ln in lines]
        common = max(set(counts), key=counts.count)
        if common >= 2 and counts.count(common) >= 0.8 * len(lines):
            sentences = sum(ln.rstrip().endswith(("。", "：", "；")) for ln in lines)
            if sentences <= 0.2 * len(lines):
                return True
    return False


def _sniff_pdf(data: bytes) -> bool:
    """PDF content whatever the file is called (readers accept junk before the header)."""
    return b"%PDF-" in data[:1024]


def parse_pdf(pdf: PdfText, name: str) -> tuple[ParsedIssue, list[tuple[int, int, list[list[int]]]]]:
    """Split a PDF issue into documents, each with its page range and text-to-page map.

    A PDF without a text layer becomes one page-only document that search will skip, and so
    does one whose only text is running heads and page furniture (a watermark on every page):
    its pages are still there to read.
    """
    page_only = Document(title=Path(name).stem, kind="other", text="")
    if not pdf.has_text:
        return ParsedIssue(Issue(), [page_only], is_gazette=False), [(0, pdf.page_count - 1, [])]
    full, first_lines = join_pages(pdf.pages)
    styles = {
        first + k: st
        for first, page_styles in zip(first_lines, pdf.styles, strict=False)
        for k, st in enumerate(page_styles)
        if st is not None
    }
    parsed = parse_gazette(full, name, styles or None)
    if not parsed.documents:
        return ParsedIssue(Issue(), [page_only], is_gazette=False), [(0, pdf.page_count - 1, [])]
    pages = [
        (
            page_of_line(first_lines, d.start_line),
            page_of_line(first_lines, d.end_line),
            build_page_map(d.line_map, first_lines),
        )
        for d in parsed.documents
    ]
    return parsed, pages


def parse_docx(data: bytes, name: str) -> ParsedIssue:
    """Split a Word file (read in a child) like a PDF: its paragraphs' layout guides the splitter."""
    docx_text = read_docx_in_child(data)
    parsed = parse_gazette(docx_text.text, name, docx_text.styles or None)
    if not parsed.documents:
        raise ImportRejected("empty", "空文档：Word 文件没有可导入的文字内容")
    return parsed


@dataclass
class OfdIssue:
    """An OFD file read for the library: its split, and the PDF its pages were drawn into."""

    parsed: ParsedIssue
    pages: list[tuple[int, int, list[list[int]]]] | None
    warnings: list[str]
    page_count: int | None
    has_text: bool


def parse_ofd(data: bytes, name: str, extractor: Extractor, keep_pages: Callable[[bytes], Path]) -> OfdIssue:
    """Split an OFD file as the PDF of its pages: drawn in a child (``keep_pages`` stores that PDF
    as the issue's page cache and says where), then read like any PDF, so the splitter gets each
    line's size, colour and place and the page view, search hits and highlights work as for PDF.

    If the pages cannot be drawn (a painter limit, a crash) the text is still read from the OFD's
    own runs, as a document without pages, and the warning says so.
    """
    from reader.sources.ofd import read_ofd_in_child
    from reader.sources.ofd_pages import build_pdf_in_child

    try:
        painted = build_pdf_in_child(data)
    except ImportRejected as exc:
        if exc.category in ("too_large", "timeout", "empty"):
            raise  # reading the runs instead would meet the same limit
        ofd = read_ofd_in_child(data)
        parsed = parse_gazette(ofd.text, name, ofd.styles or None)
        if not parsed.documents:
            raise ImportRejected("empty", "空文档：OFD 文件没有可导入的文字内容") from exc
        return OfdIssue(
            parsed, None, [f"页面无法显示（{exc.reason}），只导入了文字", *ofd.warnings], None, True
        )
    pdf = extractor.extract(keep_pages(painted.pdf))
    parsed, pages = parse_pdf(pdf, name)
    return OfdIssue(parsed, pages, painted.warnings + pdf.warnings, pdf.page_count, pdf.has_text)


def parse_web_page(data: bytes, suffix: str, name: str) -> ParsedIssue:
    """Split a saved web page; a page of one 公文 takes the site's metadata block (索引号,
    发文机关, 发文字号, 成文日期) over what the parser inferred, and lists the attachments it links."""
    from reader.gazette.numbers import number_key
    from reader.sources.html import iso_date, read_page_in_child

    page = read_page_in_child(data, suffix)
    parsed = parse_gazette(page.text, name)
    if not parsed.documents:
        raise ImportRejected("empty", "空文档：网页里没有可导入的文字内容")
    if len(parsed.documents) == 1:
        doc, meta = parsed.documents[0], page.meta
        if meta.get("number"):
            doc.number, doc.number_key = meta["number"], number_key(meta["number"])
        if meta.get("issuer"):
            doc.issuer = meta["issuer"]
        if iso_date(meta.get("date")):
            doc.date = iso_date(meta["date"])
        doc.attachments = list(dict.fromkeys([*doc.attachments, *page.attachments]))
    if page.url:
        parsed.warnings.append(f"来源网址：{page.url}")
    return parsed


def import_file(
    library: Library,
    path: Path,
    *,
    encoding: str | None = None,
    password: str | None = None,
    extractor: Extractor | None = None,
) -> ImportOutcome:
    """Import one file; never raises for a bad file or a library that refuses the write."""
    outcome = ImportOutcome(path=str(path), status=ImportStatus.FAILED)
    own_extractor = None
    try:
        suffix = path.suffix.lower()
        if not path.exists():
            raise ImportRejected("missing", "文件不存在")
        data = read_source(path)
        if not data:
            raise ImportRejected("empty", "空文档：文件是空的（0 字节）")
        if suffix in OLD_WORD_SUFFIXES:
            raise ImportRejected(
                "unsupported",
                f"旧版 Word/WPS 格式（{suffix}）不能直接读取：请在 Word 或 WPS 中“另存为” .docx 后再导入",
            )
        known = suffix in SUPPORTED_SUFFIXES
        is_docx = suffix in DOCX_SUFFIXES or (not known and looks_like_docx(data))
        # A file named with another extension is tried as a PDF (MuPDF's is the only other binary
        # format we read); if that fails too, it is reported as unsupported, not as a broken PDF.
        is_html, is_ofd = suffix in HTML_SUFFIXES, suffix in OFD_SUFFIXES
        is_pdf = not (is_docx or is_html or is_ofd) and (
            suffix in PDF_SUFFIXES or _sniff_pdf(data) or not known
        )
        sha = hashlib.sha256(data).hexdigest()
        existing = library.issue_id_by_hash(sha)
        if existing is not None:
            outcome.status, outcome.issue_id = ImportStatus.PRESENT, existing
            outcome.documents = library.issue(existing).document_count
            outcome.in_trash = library.trash.entry_of_issue(existing)  # the window offers to restore
            return outcome
        library.check_writable()
        created = False
        stored: Path | None = None
        cache: Path | None = None  # an OFD's pages drawn as PDF
        content_sha: str | None = None
        try:
            if is_pdf:
                if extractor is None:
                    extractor = own_extractor = Extractor()
                # the child reads our own copy: it cannot change meanwhile, and the bytes do not
                # go down the pipe a second time
                stored, created = library.store_file(data, sha, ".pdf")
                try:
                    pdf = extractor.extract(stored, password)
                except ImportRejected as exc:
                    if known or _sniff_pdf(data) or exc.category in ("encrypted", "timeout", "too_large"):
                        raise
                    kind = suffix or "无扩展名"
                    raise ImportRejected(
                        "unsupported", f"不支持的文件类型“{kind}”（支持 .txt .md .pdf .docx .ofd .html）"
                    ) from exc
                parsed, pages = parse_pdf(pdf, path.name)
                if pdf.decrypted is not None:  # kept unencrypted, so its pages show without the password
                    stored, _ = library.store_file(pdf.decrypted, sha, ".pdf", replace=True)
                fmt, enc, warnings = "pdf", None, pdf.warnings
                page_count, has_text = pdf.page_count, pdf.has_text
                outcome.flags = pdf.flags
            elif is_ofd:
                if extractor is None:
                    extractor = own_extractor = Extractor()
                stored, created = library.store_file(data, sha, ".ofd")

                def keep_pages(pdf: bytes) -> Path:
                    nonlocal cache
                    cache, _ = library.store_file(pdf, sha, OFD_PAGES_SUFFIX, replace=True)
                    return cache

                ofd = parse_ofd(data, path.name, extractor, keep_pages)
                parsed, pages, warnings = ofd.parsed, ofd.pages, ofd.warnings
                fmt, enc, page_count, has_text = "ofd", None, ofd.page_count, ofd.has_text
            elif is_html:
                parsed = parse_web_page(data, suffix, path.name)
                kept = [w for w in parsed.warnings if w.startswith("来源网址：")]  # kept with the issue
                parsed.warnings = [w for w in parsed.warnings if w not in kept]
                fmt, enc, warnings = "html", None, kept
                page_count, has_text, pages = None, True, None
                stored, created = library.store_file(data, sha, suffix)
            elif is_docx:
                parsed = parse_docx(data, path.name)
                fmt, enc, warnings = "docx", None, []
                page_count, has_text, pages = None, True, None
                stored, created = library.store_file(data, sha, ".docx")
            else:
                decoded = decode_bytes(data, encoding)
                if looks_tabular(decoded.text):
                    raise ImportRejected("unsupported", "这是表格数据（如 CSV），不是公文：未导入")
                content_sha = text_identity(decoded.text)
                same = library.issue_id_by_content(content_sha)
                if same is not None:  # the same text in other bytes: another encoding, other line ends
                    outcome.status, outcome.issue_id = ImportStatus.PRESENT, same
                    outcome.documents = library.issue(same).document_count
                    outcome.in_trash = library.trash.entry_of_issue(same)
                    outcome.warnings = ["内容与资料库中已有的期刊相同（编码或换行不同），未重复导入"]
                    outcome.encoding, outcome.format = decoded.encoding, "text"
                    return outcome
                parsed = parse_gazette(readable_text(decoded.text, path.name), path.name)
                if not parsed.documents:
                    raise ImportRejected("empty", "空文档：文件没有可导入的文字内容")
                fmt, enc, warnings = "text", decoded.encoding, decoded.warnings
                page_count, has_text, pages = None, True, None
                stored, created = library.store_file(data, sha, suffix)
        except BaseException:
            if created and stored is not None:
                stored.unlink(missing_ok=True)
                if cache is not None:
                    cache.unlink(missing_ok=True)
            raise
        previous = library.previous_version(parsed, path.name, fmt)
        source = IssueSource(
            sha256=sha,
            name=path.name,
            path=str(path.resolve()),
            stored_path=stored,
            format=fmt,
            encoding=enc,
            size=len(data),
            warnings=tuple(warnings),
            page_count=page_count,
            has_text=has_text,
            content_sha=content_sha,
        )
        try:
            if previous is not None:
                outcome.changes = library.replace_issue(previous, parsed, source, pages)
                issue_id, status = previous, ImportStatus.UPDATED
            else:
                issue_id, status = library.add_issue(parsed, source, pages), ImportStatus.IMPORTED
        except BaseException:
            if created:
                stored.unlink(missing_ok=True)
                if cache is not None:
                    cache.unlink(missing_ok=True)
            raise
        outcome.status, outcome.issue_id = status, issue_id
        outcome.documents = len(parsed.documents)
        outcome.encoding, outcome.format = enc, fmt
        outcome.pages = page_count
        outcome.warnings = warnings + parsed.warnings
    except ImportRejected as exc:
        outcome.category, outcome.reason = exc.category, exc.reason
    except LibraryError as exc:
        outcome.category, outcome.reason = "library", str(exc)
    except sqlite3.Error as exc:
        outcome.category, outcome.reason = "library", f"资料库错误：{exc}"
    except OSError as exc:
        outcome.category, outcome.reason = "library", f"无法写入资料库文件夹：{exc.strerror or exc}"
    finally:
        if own_extractor is not None:
            own_extractor.close()
    return outcome


def import_paths(
    library: Library,
    paths: Iterable[str | Path],
    *,
    encoding: str | None = None,
    password: str | None = None,
    passwords: dict[str, str] | None = None,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
    pdf_timeout: float | None = None,
) -> list[ImportOutcome]:
    """Import files and folders; one outcome per file, in order. Stops early if cancelled.

    ``password`` is tried for every encrypted PDF; ``passwords`` maps a path to its own.
    Passwords are used for this import only and never stored.
    """
    files = list(walk_paths(paths))
    outcomes: list[ImportOutcome] = []
    with Extractor(**({"timeout": pdf_timeout} if pdf_timeout else {})) as extractor:
        for n, (f, refusal) in enumerate(files):
            if cancelled is not None and cancelled():
                break
            if progress is not None:
                progress(n, len(files), str(f))
            if refusal is not None:  # a link out of the imported folder: never opened
                outcomes.append(
                    ImportOutcome(str(f), ImportStatus.FAILED, category="not_regular", reason=refusal)
                )
                continue
            pw = (passwords or {}).get(str(f), password)
            outcomes.append(import_file(library, f, encoding=encoding, password=pw, extractor=extractor))
    if progress is not None:
        progress(len(outcomes), len(files), "")
    return outcomes
