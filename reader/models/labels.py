"""The core's words in the interface's language: 文种 and why a file was refused.

The core's labels and messages are Chinese only (the CLI, exports and logs speak Chinese).

The core names kinds by slug (``notice``) and labels them in Chinese for the CLI and exports;
the window says 通知 in Chinese and Notice in English. The English names are the source strings,
translated to Chinese by the catalogue like every other string of the interface.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from reader.errors import CATEGORY_LABELS
from reader.gazette.kinds import LABELS
from reader.gazette.kinds import label as chinese_label


def app_name() -> str:
    """公报阅读器, or Gongbao Reader in the English interface."""
    return QCoreApplication.translate("App", QT_TRANSLATE_NOOP("App", "Gongbao Reader"))


_ENGLISH = {
    "notice": QT_TRANSLATE_NOOP("KindNames", "Notice"),
    "opinion": QT_TRANSLATE_NOOP("KindNames", "Opinion"),
    "decision": QT_TRANSLATE_NOOP("KindNames", "Decision"),
    "resolution": QT_TRANSLATE_NOOP("KindNames", "Resolution"),
    "announcement": QT_TRANSLATE_NOOP("KindNames", "Public notice"),
    "bulletin": QT_TRANSLATE_NOOP("KindNames", "Circular"),
    "reply": QT_TRANSLATE_NOOP("KindNames", "Official reply"),
    "request": QT_TRANSLATE_NOOP("KindNames", "Request"),
    "report": QT_TRANSLATE_NOOP("KindNames", "Report"),
    "minutes": QT_TRANSLATE_NOOP("KindNames", "Minutes"),
    "motion": QT_TRANSLATE_NOOP("KindNames", "Motion"),
    "order": QT_TRANSLATE_NOOP("KindNames", "Order"),
    "letter": QT_TRANSLATE_NOOP("KindNames", "Letter"),
    "speech": QT_TRANSLATE_NOOP("KindNames", "Speech"),
    "communique": QT_TRANSLATE_NOOP("KindNames", "Communiqué"),
    "measures": QT_TRANSLATE_NOOP("KindNames", "Measures"),
    "regulation": QT_TRANSLATE_NOOP("KindNames", "Regulation"),
    "plan": QT_TRANSLATE_NOOP("KindNames", "Plan"),
    "personnel": QT_TRANSLATE_NOOP("KindNames", "Appointments"),
    "other": QT_TRANSLATE_NOOP("KindNames", "Other"),
}
assert set(_ENGLISH) == set(LABELS), "a kind without a name in the interface"


def _said(context: str, table: dict[str, str], key: str, fallback: str) -> str:
    """``table[key]`` (English, the source string) in the interface's language, else ``fallback``."""
    english = table.get(key)
    return QCoreApplication.translate(context, english) if english else fallback


def kind_name(kind: str | None) -> str:
    """The kind's name in the interface's language; an unknown slug as the core labels it."""
    return _said("KindNames", _ENGLISH, kind or "other", chinese_label(kind))


_CATEGORIES = {
    "missing": QT_TRANSLATE_NOOP("ImportCategories", "File not found"),
    "unreadable": QT_TRANSLATE_NOOP("ImportCategories", "Cannot be read"),
    "locked": QT_TRANSLATE_NOOP("ImportCategories", "In use by another program"),
    "empty": QT_TRANSLATE_NOOP("ImportCategories", "Empty document"),
    "binary": QT_TRANSLATE_NOOP("ImportCategories", "Not a text file"),
    "encoding": QT_TRANSLATE_NOOP("ImportCategories", "Suspicious encoding"),
    "corrupt": QT_TRANSLATE_NOOP("ImportCategories", "Damaged"),
    "encrypted": QT_TRANSLATE_NOOP("ImportCategories", "Encrypted"),
    "no_text": QT_TRANSLATE_NOOP("ImportCategories", "No text layer"),
    "timeout": QT_TRANSLATE_NOOP("ImportCategories", "Took too long"),
    "unsupported": QT_TRANSLATE_NOOP("ImportCategories", "Unsupported file type"),
    "too_large": QT_TRANSLATE_NOOP("ImportCategories", "Too large"),
    "not_regular": QT_TRANSLATE_NOOP("ImportCategories", "Not a regular file"),
}
assert set(_CATEGORIES) == set(CATEGORY_LABELS), "a refusal without a name in the interface"


def refusal(category: str | None, reason: str | None) -> str:
    """Why a file was refused, in the interface's language, the core's own words kept after it
    (they name the encoding, the size, the page): 编码可疑：… in Chinese, "Suspicious encoding
    (编码可疑：…)" in English."""
    reason = reason or ""
    english = _CATEGORIES.get(category or "")
    if english is None:
        return reason
    name = QCoreApplication.translate("ImportCategories", english)
    if not reason or reason.startswith(name) or CATEGORY_LABELS[category] == name:
        return reason or name
    return f"{name} ({reason})"


# What failed, by the kind of error (most specific first): said in English before the core's
# Chinese detail, so an English reader knows what went wrong and still has the specifics.
_HEADLINES = {
    "LibraryReadOnly": QT_TRANSLATE_NOOP("Errors", "The library is read-only"),
    "LibraryError": QT_TRANSLATE_NOOP("Errors", "The library cannot be used"),
    "DocumentNotFound": QT_TRANSLATE_NOOP("Errors", "No such document"),
    "AnnotationError": QT_TRANSLATE_NOOP("Errors", "The highlight or note could not be changed"),
    "CorrectionError": QT_TRANSLATE_NOOP("Errors", "The correction could not be made"),
    "TrashError": QT_TRANSLATE_NOOP("Errors", "The trash could not do that"),
    "PrintPagesError": QT_TRANSLATE_NOOP("Errors", "The pages cannot be printed"),
    "PdfExportError": QT_TRANSLATE_NOOP("Errors", "The PDF could not be written"),
    "ExportError": QT_TRANSLATE_NOOP("Errors", "Export failed"),
    "EnvelopeError": QT_TRANSLATE_NOOP("Errors", "The notes file was not accepted"),
    "QueryError": QT_TRANSLATE_NOOP("Errors", "The search is not understood"),
    "SearchUnavailable": QT_TRANSLATE_NOOP("Errors", "Search is not available"),
    "ChildFailed": QT_TRANSLATE_NOOP("Errors", "The work was stopped"),
    "ReaderError": QT_TRANSLATE_NOOP("Errors", "That could not be done"),
}


def interface_is_chinese() -> bool:
    """Is the Chinese catalogue in force (the core's messages are then already in its language)?"""
    return QCoreApplication.translate("App", "Gongbao Reader") != "Gongbao Reader"


def error_text(exc: BaseException) -> str:
    """A core error as the interface says it: the core's words in Chinese; in English a headline
    naming what failed, the core's Chinese detail after it."""
    detail = str(exc)
    category = getattr(exc, "category", None)
    if category in _CATEGORIES:
        return refusal(category, getattr(exc, "reason", detail))
    if interface_is_chinese():
        return detail
    for cls in type(exc).__mro__:
        english = _HEADLINES.get(cls.__name__)
        if english is not None:
            headline = QCoreApplication.translate("Errors", english)
            return f"{headline} ({detail})" if detail else headline
    return detail


_VALIDITY = {
    "valid": QT_TRANSLATE_NOOP("Validity", "In force"),
    "amended": QT_TRANSLATE_NOOP("Validity", "Amended"),
    "pending": QT_TRANSLATE_NOOP("Validity", "Not yet in force"),
    "expired": QT_TRANSLATE_NOOP("Validity", "Expired"),
    "repealed": QT_TRANSLATE_NOOP("Validity", "Repealed"),
    "unknown": QT_TRANSLATE_NOOP("Validity", "Unknown"),
}


def validity_name(status: str) -> str:
    """现行有效 / 已废止 … in the interface's language (the core's labels are Chinese)."""
    return _said("Validity", _VALIDITY, status, status)


_RELATION_KINDS = {
    "basis": QT_TRANSLATE_NOOP("RelationKinds", "Basis"),
    "issues": QT_TRANSLATE_NOOP("RelationKinds", "Issuing"),
    "cite": QT_TRANSLATE_NOOP("RelationKinds", "Citation"),
    "repeal": QT_TRANSLATE_NOOP("RelationKinds", "Repeal"),
    "amend": QT_TRANSLATE_NOOP("RelationKinds", "Amendment"),
}


def relation_name(kind: str) -> str:
    """依据 / 印发 / 引用 / 废止 / 修改 in the interface's language."""
    return _said("RelationKinds", _RELATION_KINDS, kind, kind)
