"""Importing files and folders into a library: read, decode, parse, store, commit.

Each file is handled on its own: a bad file is reported with a category and a reason and the
batch goes on; a good file lands as one transaction. Importing the same bytes twice adds nothing.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from reader.errors import ImportRejected, LibraryError
from reader.gazette import parse_gazette
from reader.library import Library
from reader.library.records import ImportOutcome
from reader.sources.text import decode_bytes

TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text"}
PDF_SUFFIXES = {".pdf"}
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | PDF_SUFFIXES
MAX_TEXT_BYTES = 200 * 1024 * 1024

Progress = Callable[[int, int, str], None]  # (done, total, current path)


def expand_paths(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Files named directly, and the supported files inside named folders (recursively, sorted).

    A missing path is yielded as is, so that it is reported rather than silently skipped.
    """
    for p in paths:
        path = Path(p)
        if path.is_dir():
            for root, dirs, files in os.walk(path):
                dirs.sort()
                for name in sorted(files):
                    f = Path(root) / name
                    if f.suffix.lower() in SUPPORTED_SUFFIXES and not name.startswith("."):
                        yield f
        else:
            yield path


def read_source(path: Path) -> bytes:
    """The bytes of a file, or a categorised rejection naming what went wrong."""
    try:
        if path.is_dir():
            raise ImportRejected("unsupported", "这是一个文件夹，不是文件")
        size = path.stat().st_size
        if size > MAX_TEXT_BYTES and path.suffix.lower() in TEXT_SUFFIXES:
            raise ImportRejected("unsupported", f"文件过大（{size // 1024 // 1024} MB），不像公报文本")
        return path.read_bytes()
    except FileNotFoundError as exc:
        raise ImportRejected("missing", "文件不存在") from exc
    except PermissionError as exc:
        raise ImportRejected("unreadable", "没有读取该文件的权限") from exc
    except IsADirectoryError as exc:
        raise ImportRejected("unsupported", "这是一个文件夹，不是文件") from exc
    except OSError as exc:
        raise ImportRejected("unreadable", f"无法读取文件：{exc.strerror or exc}") from exc


def import_file(library: Library, path: Path, *, encoding: str | None = None) -> ImportOutcome:
    """Import one file; never raises for a bad file or a library that refuses the write."""
    outcome = ImportOutcome(path=str(path), status="failed")
    try:
        suffix = path.suffix.lower()
        if not path.exists():
            raise ImportRejected("missing", "文件不存在")
        if suffix not in SUPPORTED_SUFFIXES:
            raise ImportRejected(
                "unsupported", f"不支持的文件类型“{suffix or '无扩展名'}”（支持 .txt .md .pdf）"
            )
        data = read_source(path)
        sha = hashlib.sha256(data).hexdigest()
        existing = library.issue_id_by_hash(sha)
        if existing is not None:
            outcome.status, outcome.issue_id = "present", existing
            outcome.documents = library.issue(existing).document_count
            return outcome
        if suffix in PDF_SUFFIXES or data.startswith(b"%PDF"):
            raise ImportRejected("unsupported", "暂不支持导入 PDF 文件")
        decoded = decode_bytes(data, encoding)
        parsed = parse_gazette(decoded.text, path.name)
        if not parsed.documents:
            raise ImportRejected("empty", "空文档：文件没有可导入的文字内容")
        stored, created = library.store_file(data, sha, suffix)
        try:
            issue_id = library.add_issue(
                parsed,
                sha256=sha,
                source_name=path.name,
                source_path=str(path.resolve()),
                stored_path=stored,
                fmt="text",
                encoding=decoded.encoding,
                size=len(data),
                warnings=decoded.warnings,
            )
        except BaseException:
            if created:
                stored.unlink(missing_ok=True)
            raise
        outcome.status, outcome.issue_id = "imported", issue_id
        outcome.documents = len(parsed.documents)
        outcome.encoding = decoded.encoding
        outcome.warnings = decoded.warnings + parsed.warnings
    except ImportRejected as exc:
        outcome.category, outcome.reason = exc.category, exc.reason
    except LibraryError as exc:
        outcome.category, outcome.reason = "library", str(exc)
    except sqlite3.Error as exc:
        outcome.category, outcome.reason = "library", f"资料库错误：{exc}"
    except OSError as exc:
        outcome.category, outcome.reason = "library", f"无法写入资料库文件夹：{exc.strerror or exc}"
    return outcome


def import_paths(
    library: Library,
    paths: Iterable[str | Path],
    *,
    encoding: str | None = None,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> list[ImportOutcome]:
    """Import files and folders; one outcome per file, in order. Stops early if cancelled."""
    files = list(expand_paths(paths))
    outcomes: list[ImportOutcome] = []
    for n, f in enumerate(files):
        if cancelled is not None and cancelled():
            break
        if progress is not None:
            progress(n, len(files), str(f))
        outcomes.append(import_file(library, f, encoding=encoding))
    if progress is not None:
        progress(len(outcomes), len(files), "")
    return outcomes
