"""Re-splitting stored issues with the current parser (``python -m reader reparse``).

The split is derived data: the library keeps every imported original, so a better parser can
split old issues again. It goes through the same in-place update as a corrected version of an
issue: documents keep their ids where they match, highlights follow their text, documents no
longer found are kept as withdrawn and what cannot be placed is kept as an orphan.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from reader.errors import ImportRejected, LibraryError
from reader.gazette import parse_gazette
from reader.gazette.parser import PARSER_VERSION
from reader.importer import OFD_PAGES_SUFFIX, parse_docx, parse_ofd, parse_pdf, parse_web_page, readable_text
from reader.library import Library
from reader.library.records import ReparseStatus
from reader.sources.pdf import Extractor
from reader.sources.text import decode_bytes

Progress = Callable[[int, int, str], None]  # (done, total, issue label)


@dataclass(slots=True)
class ReparseOutcome:
    """What re-splitting one issue did."""

    issue_id: int
    label: str = ""
    status: ReparseStatus = ReparseStatus.FAILED
    documents: int = 0
    changes: dict[str, int] = field(default_factory=dict)
    parser_version: int = PARSER_VERSION
    reason: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def outdated_issues(library: Library) -> list[int]:
    """Issues split by an older parser than this one, in import order."""
    return [r.id for r in library.issues() if r.parser_version < PARSER_VERSION]


def reparse_issue(library: Library, issue_id: int, extractor: Extractor | None = None) -> ReparseOutcome:
    """Split one stored issue again; never raises for a bad original or a refused write."""
    out = ReparseOutcome(issue_id=issue_id)
    own = None
    try:
        rec = library.issue(issue_id)
        out.label = rec.label
        data = library.read_original(rec)
        warnings: list[str] = []
        pages = None
        page_info: tuple[int | None, bool] | None = None
        if rec.text_source == "ocr":  # a recognised scan: its text is in its page cache
            if extractor is None:
                extractor = own = Extractor()
            pdf = extractor.extract(library.folder / rec.pages_path, None)
            parsed, pages = parse_pdf(pdf, rec.source_name)
        elif rec.format == "pdf":
            if extractor is None:
                extractor = own = Extractor()
            pdf = extractor.extract(data, None)
            parsed, pages = parse_pdf(pdf, rec.source_name)
            warnings = pdf.warnings
        elif rec.format == "docx":
            parsed = parse_docx(data, rec.source_name)
        elif rec.format == "ofd":
            if extractor is None:
                extractor = own = Extractor()

            def keep_pages(pdf: bytes) -> Path:
                return library.store_file(pdf, rec.sha256, OFD_PAGES_SUFFIX, replace=True)[0]

            ofd = parse_ofd(data, rec.source_name, extractor, keep_pages)
            parsed, pages, warnings = ofd.parsed, ofd.pages, ofd.warnings
            page_info = (ofd.page_count, ofd.has_text)
        elif rec.format == "html":
            parsed = parse_web_page(data, Path(rec.source_name).suffix.lower(), rec.source_name)
        else:
            decoded = decode_bytes(data, rec.encoding)
            parsed = parse_gazette(readable_text(decoded.text, rec.source_name), rec.source_name)
            warnings = decoded.warnings
        out.documents = len(parsed.documents)
        if library.same_split(issue_id, parsed) and (page_info is None or page_info[0] == rec.page_count):
            library.set_parser_version(issue_id, parsed.parser_version)
            out.status = ReparseStatus.UNCHANGED
        else:
            out.changes = library.resplit_issue(
                issue_id, parsed, warnings=warnings, pages=pages, page_info=page_info
            )
            out.status = ReparseStatus.REPARSED
    except ImportRejected as exc:
        out.reason = f"{exc.label}：{exc.reason}"
    except (LibraryError, OSError) as exc:
        out.reason = str(exc)
    finally:
        if own is not None:
            own.close()
    return out


def reparse_issues(
    library: Library,
    issue_ids: list[int],
    *,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> list[ReparseOutcome]:
    """Re-split issues one by one (each its own transaction); a bad one does not stop the rest."""
    outcomes: list[ReparseOutcome] = []
    with Extractor() as extractor:
        for n, issue_id in enumerate(issue_ids):
            if cancelled is not None and cancelled():
                break
            if progress is not None:
                progress(n, len(issue_ids), str(issue_id))
            outcomes.append(reparse_issue(library, issue_id, extractor))
    if progress is not None:
        progress(len(outcomes), len(issue_ids), "")
    return outcomes
