"""Plain records the library hands out: no Qt, no SQL, safe to pass between threads."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any


def issue_label(
    *,
    city: str | None,
    publisher: str | None,
    year: int | None,
    number: int | None,
    total_number: int | None,
    is_gazette: bool,
    source_name: str,
) -> str:
    """How an issue is named in lists: ``钦州市 2019年第1期 (总第236期)``, or its file name."""
    if not (is_gazette and (city or publisher) and year):
        return source_name
    label = f"{city or publisher} {year}年"
    if number:
        label += f"第{number}期"
    if total_number:
        label += f" (总第{total_number}期)"
    return label


class View(StrEnum):
    """How a document is read: its text, or (a PDF) its original pages. Stored as the value."""

    TEXT = "text"
    PAGE = "page"

    @classmethod
    def of(cls, value: object) -> View:
        """The view stored as ``value``; text for anything unknown (a library from elsewhere)."""
        return cls(value) if value in cls._value2member_map_ else cls.TEXT


class ImportStatus(StrEnum):
    """What an import did with a file (the CLI's JSON ``status``)."""

    IMPORTED = "imported"
    UPDATED = "updated"  # a corrected version of an issue already in the library
    PRESENT = "present"  # the same file was imported before
    FAILED = "failed"


class ReparseStatus(StrEnum):
    """What re-splitting did with an issue (the CLI's JSON ``status``)."""

    REPARSED = "reparsed"
    UNCHANGED = "unchanged"
    FAILED = "failed"


@dataclass(frozen=True, slots=True)
class IssueSource:
    """The file an issue was read from, as the library keeps it (what an import hands over)."""

    sha256: str
    name: str  # the file name it was imported under
    path: str | None  # where it was on the user's disk, if known
    stored_path: Path  # the library's own copy, under its ``files/``
    format: str  # "text" | "pdf" | "docx"
    encoding: str | None
    size: int
    warnings: tuple[str, ...] = ()  # what reading the file noticed (decoding, repairs)
    page_count: int | None = None
    has_text: bool = True
    content_sha: str | None = None  # of a text file's decoded, normalised text (any encoding)


@dataclass(slots=True)
class IssueRecord:
    id: int
    source_name: str
    format: str
    city: str | None
    publisher: str | None
    year: int | None
    number: int | None
    total_number: int | None
    date: str | None
    is_gazette: bool
    imported_at: str
    sha256: str
    stored_path: str
    encoding: str | None = None
    document_count: int = 0
    toc: list[dict] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    page_count: int | None = None
    has_text: bool = True
    parser_version: int = 1  # which parser split it (reader.gazette.PARSER_VERSION)
    removed: bool = False  # in the 回收站
    text_source: str | None = None  # "ocr": its text was recognised from its pages
    ocr_confidence: float | None = None

    @property
    def pages_path(self) -> str | None:
        """The PDF its pages are shown from: a PDF's own copy, an OFD's pages drawn as PDF
        (kept beside it, rebuilt by a re-split), a recognised scan's pages with their text laid
        over them; nothing for text, Word and web pages."""
        if self.text_source == "ocr":
            return self.stored_path + ".ocr.pdf"
        if self.format == "pdf":
            return self.stored_path
        if self.format == "ofd" and self.page_count:
            return self.stored_path + ".pdf"
        return None

    @property
    def label(self) -> str:
        return issue_label(
            city=self.city,
            publisher=self.publisher,
            year=self.year,
            number=self.number,
            total_number=self.total_number,
            is_gazette=self.is_gazette,
            source_name=self.source_name,
        )

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["label"] = self.label
        return d

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> IssueRecord:
        return cls(
            id=row["id"],
            source_name=row["source_name"],
            format=row["format"],
            city=row["city"],
            publisher=row["publisher"],
            year=row["year"],
            number=row["number"],
            total_number=row["total_number"],
            date=row["date"],
            is_gazette=bool(row["is_gazette"]),
            imported_at=row["imported_at"],
            sha256=row["sha256"],
            stored_path=row["stored_path"],
            encoding=row.get("encoding"),
            document_count=row.get("document_count") or 0,
            toc=json.loads(row.get("toc") or "[]"),
            warnings=json.loads(row.get("warnings") or "[]"),
            page_count=row.get("page_count"),
            has_text=bool(row.get("has_text", 1)),
            parser_version=row.get("parser_version") or 1,
            removed=row.get("removed_in") is not None,
            text_source=row.get("text_source"),
            ocr_confidence=row.get("ocr_confidence"),
        )


@dataclass(slots=True)
class DocumentSummary:
    """A row of the document list: everything but the text."""

    id: int
    issue_id: int
    seq: int
    title: str
    number: str | None
    issuer: str | None
    date: str | None
    kind: str | None
    issue: str  # the issue's label
    city: str | None = None
    year: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class DocumentRecord:
    """One document in full."""

    id: int
    issue_id: int
    seq: int
    title: str
    number: str | None
    number_key: str | None
    issuer: str | None
    recipients: str | None
    date: str | None
    kind: str | None
    attachments: list[str]
    citations: list[dict]
    text: str
    start_line: int | None
    end_line: int | None
    in_toc: bool | None
    issue: IssueRecord
    page_start: int | None = None
    page_end: int | None = None
    page_map: list[list[int]] = field(default_factory=list)
    searchable: bool = True
    section: str | None = None  # the gazette's heading it stands under
    decisions: list[dict] = field(default_factory=list)  # a 人事任免's decisions: 文号 and date
    removed: bool = False  # in the 回收站
    withdrawn: bool = False  # no longer in its issue's split (kept for its highlights)

    @property
    def is_pdf(self) -> bool:
        """Shown as PDF pages: a PDF, or an OFD through the PDF its pages were drawn into."""
        return self.issue.pages_path is not None

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["issue"] = self.issue.to_dict()
        return d


@dataclass(slots=True)
class ReadingState:
    """Where the reader left a document: the view, the place in it and the zoom."""

    document_id: int
    view: View = View.TEXT
    text_offset: int = 0
    page_position: float | None = None  # page index + fraction of the page
    zoom: float | None = None
    updated_at: str = ""


@dataclass(slots=True)
class ImportOutcome:
    """What happened to one file of an import."""

    path: str
    status: ImportStatus
    issue_id: int | None = None
    documents: int = 0
    category: str | None = None
    reason: str | None = None
    warnings: list[str] = field(default_factory=list)
    encoding: str | None = None
    format: str | None = None  # "text" | "pdf"
    pages: int | None = None  # PDF page count
    flags: list[str] = field(default_factory=list)  # "repaired", "no_text", "decrypted"
    # for "updated": documents updated/added/withdrawn and highlights placed by each method/orphaned
    changes: dict[str, int] = field(default_factory=dict)
    in_trash: int | None = None  # "present": the 回收站 entry the issue is in, if it was removed

    @property
    def ok(self) -> bool:
        return self.status != ImportStatus.FAILED

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)
