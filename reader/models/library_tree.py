"""Tree model of the library: issues and their documents, or documents by date."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel

from reader.library.records import DocumentSummary, IssueRecord
from reader.models.labels import kind_name as kind_label
from reader.models.labels import validity_name
from reader.models.plaintext import plain_tip

DOC_ID_ROLE = Qt.ItemDataRole.UserRole + 1
ISSUE_ID_ROLE = Qt.ItemDataRole.UserRole + 2


_TITLE_AFTER_ISSUER = ("关于", "印发", "转发", "批转", "颁发", "发布")


def shown_title(title: str, issuer: str | None) -> str:
    """A title as the list shows it: without the 发文机关 it begins with (GB/T 9704 titles are
    机关 + 关于 + 事由 + 文种, so nine rows in ten of one issue began 钦州市人民政府办公室关于…
    and were cut before the words that tell them apart). The full title is in the tooltip."""
    if not issuer:
        return title
    flat = "".join(issuer.split())
    if (
        len(title) > len(flat)
        and title.startswith(flat)
        and title[len(flat) :].startswith(_TITLE_AFTER_ISSUER)
    ):
        return title[len(flat) :]
    return title


def _doc_item(d: DocumentSummary, with_issue: bool) -> QStandardItem:
    item = QStandardItem(shown_title(d.title, d.issuer))
    item.setData(d.id, DOC_ID_ROLE)
    item.setEditable(False)
    tip = [d.title, d.number or "", f"{d.issuer or ''} {d.date or ''}".strip(), kind_label(d.kind)]
    if with_issue:
        tip.append(d.issue)
    item.setToolTip(plain_tip("\n".join(t for t in tip if t)))
    return item


def _cells(d: DocumentSummary, statuses: dict[int, str]) -> list[QStandardItem]:
    out = []
    status = statuses.get(d.id, "unknown")
    shown = "" if status == "unknown" else validity_name(status)  # nothing said: nothing shown
    for text in (d.number or "", d.date or "", kind_label(d.kind), shown):
        it = QStandardItem(text)
        it.setEditable(False)
        it.setData(d.id, DOC_ID_ROLE)
        out.append(it)
    return out


class LibraryTreeModel(QStandardItemModel):
    """Rebuilt from plain records whenever filters change; rows carry document ids."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._headers()

    def _headers(self) -> None:
        self.setHorizontalHeaderLabels(
            [
                QCoreApplication.translate("LibraryTreeModel", "Title"),
                QCoreApplication.translate("LibraryTreeModel", "Number"),
                QCoreApplication.translate("LibraryTreeModel", "Date"),
                QCoreApplication.translate("LibraryTreeModel", "Kind"),
                QCoreApplication.translate("LibraryTreeModel", "Validity"),
            ]
        )

    def by_issue(
        self, issues: list[IssueRecord], docs: list[DocumentSummary], statuses: dict[int, str] | None = None
    ) -> None:
        statuses = statuses or {}
        self.clear()
        self._headers()
        by_issue: dict[int, list[DocumentSummary]] = {}
        for d in docs:
            by_issue.setdefault(d.issue_id, []).append(d)
        for issue in issues:
            children = by_issue.get(issue.id)
            if not children:
                continue
            parent = QStandardItem(f"{issue.label}（{len(children)}）")
            parent.setData(issue.id, ISSUE_ID_ROLE)
            parent.setEditable(False)
            notes = []
            if not issue.has_text:
                notes.append(
                    QCoreApplication.translate(
                        "LibraryTreeModel", "No text layer: pages only, not searchable"
                    )
                )
            if issue.warnings:  # a 目录 entry not found means the split may be incomplete
                parent.setText(parent.text() + " ⚠")
                notes.append(QCoreApplication.translate("LibraryTreeModel", "Notes on this issue:"))
                notes.extend(f"· {w}" for w in issue.warnings)
            if notes:
                parent.setToolTip(plain_tip("\n".join(notes)))
            for d in children:
                parent.appendRow([_doc_item(d, with_issue=False), *_cells(d, statuses)])
            row = [parent] + [QStandardItem("") for _ in range(4)]
            for it in row[1:]:
                it.setEditable(False)
            self.appendRow(row)

    def by_date(self, docs: list[DocumentSummary], statuses: dict[int, str] | None = None) -> None:
        self.clear()
        self._headers()
        for d in docs:
            self.appendRow([_doc_item(d, with_issue=True), *_cells(d, statuses or {})])
