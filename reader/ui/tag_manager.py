"""Tag manager: every tag with its counts; rename (merging into an existing name) and delete."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reader.models.annotation_controller import AnnotationController
from reader.ui.messages import ask, ask_text


class TagManager(QDialog):
    def __init__(self, controller: AnnotationController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tagManager")
        self.setWindowTitle(self.tr("Tags"))
        self.resize(480, 420)
        self.controller = controller
        self.table = QTableWidget(0, 3, self)
        self.table.setHorizontalHeaderLabels([self.tr("Tag"), self.tr("Documents"), self.tr("Highlights")])
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.rename_btn = QPushButton(self.tr("Rename or merge…"), self)
        self.delete_btn = QPushButton(self.tr("Delete"), self)
        self.rename_btn.clicked.connect(self.rename_selected)
        self.delete_btn.clicked.connect(self.delete_selected)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.rename_btn)
        row.addWidget(self.delete_btn)
        row.addStretch(1)
        lay = QVBoxLayout(self)
        lay.addWidget(self.table)
        lay.addLayout(row)
        lay.addWidget(buttons)
        controller.changed.connect(lambda _d: self.refresh())
        self.refresh()

    def refresh(self) -> None:
        counts = self.controller.ann.tag_counts()
        self.table.setRowCount(len(counts))
        for r, t in enumerate(counts):
            for c, value in enumerate((t.name, str(t.documents), str(t.highlights))):
                item = QTableWidgetItem(value)
                if c:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(r, c, item)

    def selected(self) -> str | None:
        row = self.table.currentRow()
        return self.table.item(row, 0).text() if row >= 0 and self.table.item(row, 0) else None

    def rename_selected(self, new: str | None = None) -> None:
        old = self.selected()
        if old is None:
            return
        if not new:
            new, ok = ask_text(
                self, self.tr("Rename tag"), self.tr("New name (an existing tag merges):"), text=old
            )
            if not ok or not new.strip() or new.strip() == old:
                return
        self.controller.rename_tag(old, new.strip())
        self.refresh()

    def delete_selected(self, confirm: bool = True) -> None:
        name = self.selected()
        if name is None:
            return
        if confirm:
            text = self.tr("Remove the tag “%1” everywhere? (Undo brings it back.)").replace("%1", name)
            if not ask(self, self.tr("Delete tag"), text):
                return
        self.controller.delete_tag(name)
        self.refresh()
