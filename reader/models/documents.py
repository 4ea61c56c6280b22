"""Table model of the library's documents: one row per document, columns from its summary."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt

from reader.gazette.kinds import label as kind_label
from reader.library.records import DocumentSummary

_Index = QModelIndex | QPersistentModelIndex


class DocumentTableModel(QAbstractTableModel):
    """Rows are :class:`DocumentSummary` records; ``DOC_ID_ROLE`` gives a row's document id."""

    DOC_ID_ROLE = Qt.ItemDataRole.UserRole + 1
    COLUMNS = ("title", "number", "issuer", "date", "kind", "issue")

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[DocumentSummary] = []

    def headers(self) -> list[str]:
        return [
            QCoreApplication.translate("DocumentTableModel", "Title"),
            QCoreApplication.translate("DocumentTableModel", "Number"),
            QCoreApplication.translate("DocumentTableModel", "Issuer"),
            QCoreApplication.translate("DocumentTableModel", "Date"),
            QCoreApplication.translate("DocumentTableModel", "Kind"),
            QCoreApplication.translate("DocumentTableModel", "Issue"),
        ]

    def set_documents(self, rows: list[DocumentSummary]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def document_id(self, row: int) -> int | None:
        return self._rows[row].id if 0 <= row < len(self._rows) else None

    def row_of(self, doc_id: int) -> int | None:
        for i, r in enumerate(self._rows):
            if r.id == doc_id:
                return i
        return None

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        doc = self._rows[index.row()]
        if role == self.DOC_ID_ROLE:
            return doc.id
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            col = self.COLUMNS[index.column()]
            if col == "kind":
                return kind_label(doc.kind)
            value = getattr(doc, col)
            return "" if value is None else str(value)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section]
        return None
