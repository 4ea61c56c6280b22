"""Plain data produced by the gazette parser: one issue and its ordered documents."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field


@dataclass(slots=True)
class Issue:
    """Metadata of one gazette issue; every field is None when the text does not say."""

    city: str | None = None
    publisher: str | None = None
    year: int | None = None
    number: int | None = None
    total_number: int | None = None
    date: str | None = None
    toc: list[dict] = field(default_factory=list)

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass(slots=True)
class Citation:
    """A reference in a body to another document: 《title》（number） or a bare number."""

    title: str | None
    number: str | None
    number_key: str | None

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass(slots=True)
class Document:
    """One 公文 (or speech, personnel list, report) inside an issue."""

    title: str
    number: str | None = None
    number_key: str | None = None
    issuer: str | None = None
    recipients: str | None = None
    date: str | None = None
    kind: str | None = None
    attachments: list[str] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)
    text: str = ""
    start_line: int = 0  # 1-based line of the title in the source text
    end_line: int = 0  # 1-based last line (inclusive)
    in_toc: bool | None = None  # cross-check against the 目录; None when the issue has none
    section: str | None = None  # the gazette's heading it stands under (市政府文件, 人事任免 …)
    # a 人事任免's decisions: [{"number", "number_key", "date"}] in the order printed
    decisions: list[dict] = field(default_factory=list)
    # (offset in ``text``, source line number) for every source line: maps text to pages.
    line_map: list[tuple[int, int]] = field(default_factory=list, repr=False)

    def to_dict(self) -> dict:
        d = asdict(self)
        d.pop("line_map")
        d["citations"] = [c.to_dict() for c in self.citations]
        return d


@dataclass(slots=True)
class ParsedIssue:
    """The parser's result: the issue, its documents in order, and what looked wrong."""

    issue: Issue
    documents: list[Document]
    warnings: list[str] = field(default_factory=list)
    is_gazette: bool = True
    parser_version: int = 0
    # source lines that belong to no document: the masthead before the first and the colophon
    front_matter: list[str] = field(default_factory=list)
    back_matter: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {
            # the issue's warnings also inside it: a listed document not found means an incomplete split
            "issue": {**self.issue.to_dict(), "warnings": list(self.warnings)},
            "documents": [d.to_dict() for d in self.documents],
            "warnings": list(self.warnings),
            "is_gazette": self.is_gazette,
            "parser_version": self.parser_version,
            "front_matter": list(self.front_matter),
            "back_matter": list(self.back_matter),
        }
