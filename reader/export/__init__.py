"""Exporting annotated notes: Word, Markdown, HTML, CSV, JSON and annotated PDF (no Qt).

:func:`export` is what the CLI and the app's export dialog call; every format renders the same
:class:`~reader.export.collect.Bundle`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from reader.errors import ReaderError, describe_failure
from reader.export.collect import Bundle, Scope, collect, link, scope_counts
from reader.library import Library

FORMATS = {
    "docx": "Word 文档 (*.docx)",
    "md": "Markdown (*.md)",
    "html": "网页 (*.html)",
    "pdf": "带批注的 PDF (*.pdf)",
    "csv": "表格 CSV (*.csv)",
    "json": "批注数据 JSON (*.json)",
}

__all__ = [
    "FORMATS",
    "Bundle",
    "ExportError",
    "ExportReport",
    "Scope",
    "collect",
    "export",
    "link",
    "scope_counts",
    "write",
]


class ExportError(ReaderError):
    """An export that cannot be written (nothing in scope, unwritable destination)."""


@dataclass(slots=True)
class ExportReport:
    path: Path
    format: str
    documents: int
    highlights: int

    def to_dict(self) -> dict:
        return {
            "path": str(self.path),
            "format": self.format,
            "documents": self.documents,
            "highlights": self.highlights,
        }


def write(bundle: Bundle, fmt: str, out: Path, library: Library) -> Path:
    """Write ``bundle`` as ``fmt`` to ``out`` (through a temporary file: never half a file)."""
    out = Path(out)
    if fmt not in FORMATS:
        raise ExportError(f"不支持的导出格式：{fmt}（可用：{', '.join(FORMATS)}）")
    if out.is_dir():
        raise ExportError(f"导出位置是一个文件夹：{out}")
    if not out.parent.is_dir():
        raise ExportError(f"导出位置所在的文件夹不存在：{out.parent}")
    tmp = out.with_name(f".{out.name}.part")
    try:
        if fmt == "docx":
            from reader.export.word import write_docx

            write_docx(bundle, tmp)
        elif fmt == "md":
            from reader.export.markdown import write_markdown

            write_markdown(bundle, tmp)
        elif fmt == "html":
            from reader.export.html_page import write_html

            write_html(bundle, tmp)
        elif fmt == "csv":
            from reader.export.tables import write_csv

            write_csv(bundle, tmp)
        elif fmt == "json":
            from reader.export.envelope import write_json

            write_json(bundle, tmp)
        else:
            from reader.export.pdf import write_pdf

            write_pdf(bundle, tmp, library)
        tmp.replace(out)
    except OSError as exc:
        raise ExportError(f"无法写入 {out}：{describe_failure(exc)}") from exc
    finally:
        tmp.unlink(missing_ok=True)
    return out


def export(
    library: Library,
    scope: Scope,
    fmt: str,
    out: Path,
    *,
    meanings: dict[str, str] | None = None,
    search=None,
) -> ExportReport:
    """Collect ``scope`` and write it; refuses an export with nothing in it."""
    bundle = collect(library, scope, meanings=meanings, search=search)
    user_state = fmt == "json" and (bundle.corrections or bundle.task_marks)  # a backup of them
    if bundle.document_count == 0 and not user_state:
        raise ExportError("所选范围内没有批注可导出")
    path = write(bundle, fmt, out, library)
    return ExportReport(path, fmt, bundle.document_count, bundle.highlight_count)


def export_folder(
    folder: Path, scope: Scope, fmt: str, out: Path, meanings: dict[str, str] | None = None
) -> ExportReport:
    """:func:`export` from the library at ``folder``, opened read-only: what the window runs in a
    child process (the PDF writer is MuPDF, which never runs in the GUI process)."""
    with Library(folder, readonly=True) as library:
        return export(library, scope, fmt, out, meanings=meanings)
