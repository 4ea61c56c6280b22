"""Typed errors of the core. The UI and CLI turn them into messages; the core never shows any.

Errors are split as qutebrowser does: :class:`ImportRejected` and :class:`LibraryError` are
environment or input problems the user can act on (a bad file, a locked or read-only library);
anything else escaping the core is a bug.
"""

from __future__ import annotations

# Categories a rejected import is reported under (CLI JSON ``category``; UI shows the label).
CATEGORY_LABELS = {
    "missing": "文件不存在",
    "unreadable": "无法读取",
    "locked": "文件被占用",
    "empty": "空文档",
    "binary": "非文本文件",
    "encoding": "编码可疑",
    "corrupt": "损坏",
    "encrypted": "加密",
    "no_text": "无文本层",
    "timeout": "超时",
    "unsupported": "不支持的文件类型",
    "too_large": "过大",
    "not_regular": "不是普通文件",
}


class ReaderError(Exception):
    """Base of the errors the user is told about."""


class ImportRejected(ReaderError):
    """A file that cannot be imported, with a category and a reason in Chinese."""

    def __init__(self, category: str, reason: str) -> None:
        super().__init__(reason)
        self.category = category
        self.reason = reason

    def __reduce__(self):  # it crosses a pipe from the child that read the file
        return (type(self), (self.category, self.reason))

    @property
    def label(self) -> str:
        return CATEGORY_LABELS.get(self.category, self.category)


class LibraryError(ReaderError):
    """The library cannot be opened or written (read-only, locked, full disk, corrupt)."""


class LibraryReadOnly(LibraryError):
    """The library folder or file cannot be written."""


class DocumentNotFound(ReaderError):
    """No document with the id asked for."""


def describe_failure(exc: BaseException) -> str:
    """An OSError or an SQLite error in words a user can act on: a full disk says so."""
    import errno
    import sqlite3

    if isinstance(exc, OSError) and exc.errno == errno.ENOSPC:
        return "磁盘已满"
    if isinstance(exc, sqlite3.Error) and "full" in str(exc).lower():
        return "磁盘已满"
    if isinstance(exc, OSError):
        return exc.strerror or str(exc)
    return str(exc)
