"""Splitting a gazette issue (公报) into its documents (公文) with structured metadata."""

from reader.gazette.model import Citation, Document, Issue, ParsedIssue
from reader.gazette.parser import parse_gazette

__all__ = ["Citation", "Document", "Issue", "ParsedIssue", "parse_gazette"]
