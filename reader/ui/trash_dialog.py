"""The 回收站 dialog: what was removed, when, with how many highlights; restore or empty."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reader.library.trash import KEEP_DAYS, TrashEntry
from reader.models.plaintext import plain_tip
from reader.ui.messages import plain_label


class TrashDialog(QDialog):
    """Lists the entries; asks the controller to restore or empty (it does the work)."""

    restore_requested = Signal(list)  # entry ids
    empty_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("trashDialog")
        self.setWindowTitle(self.tr("Trash"))
        self.resize(640, 380)
        self.note = plain_label(self)
        self.note.setWordWrap(True)
        self.note.setText(
            self.tr("Removed issues and documents are kept here for %1 days, then deleted.").replace(
                "%1", str(KEEP_DAYS)
            )
        )
        self.tree = QTreeWidget(self, objectName="trashTree")
        self.tree.setHeaderLabels(
            [self.tr("Removed"), self.tr("Documents"), self.tr("Highlights"), self.tr("When")]
        )
        self.tree.setRootIsDecorated(False)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.tree.itemSelectionChanged.connect(self._selection)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.restore_button = QPushButton(self.tr("&Restore"), self, objectName="restoreButton")
        self.empty_button = QPushButton(self.tr("&Empty Trash…"), self, objectName="emptyButton")
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.empty_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        buttons.rejected.connect(self.reject)
        self.restore_button.clicked.connect(lambda: self.restore_requested.emit(self.selected_ids()))
        self.empty_button.clicked.connect(self.empty_requested.emit)
        lay = QVBoxLayout(self)
        lay.addWidget(self.note)
        lay.addWidget(self.tree, 1)
        lay.addWidget(buttons)
        self.show_entries([])

    def show_entries(self, entries: list[TrashEntry]) -> None:
        self.tree.clear()
        for e in entries:
            what = e.label if e.whole_issue else f"{e.label}：{'、'.join(t[:24] for t in e.titles[:3])}"
            item = QTreeWidgetItem([what, str(e.documents), str(e.highlights), e.removed_at[:10]])
            item.setData(0, Qt.ItemDataRole.UserRole, e.id)
            item.setToolTip(0, plain_tip("\n".join([e.label, *e.titles])))
            self.tree.addTopLevelItem(item)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.empty_button.setEnabled(bool(entries))
        self._selection()

    def selected_ids(self) -> list[int]:
        return [int(i.data(0, Qt.ItemDataRole.UserRole)) for i in self.tree.selectedItems()]

    def _selection(self) -> None:
        self.restore_button.setEnabled(bool(self.tree.selectedItems()))
