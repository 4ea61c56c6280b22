"""The outline: the open issue's documents, and the open document's headings under it."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem, QWidget

from reader.layout import Block, outline, outline_parents
from reader.library.records import DocumentSummary
from reader.models.library_tree import shown_title
from reader.models.plaintext import plain_tip

DOC_ROLE = Qt.ItemDataRole.UserRole + 1
OFFSET_ROLE = Qt.ItemDataRole.UserRole + 2


class OutlinePanel(QTreeWidget):
    """Click a document to open it, a heading to jump to it."""

    document_requested = Signal(int)
    offset_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("outline")
        self.setHeaderHidden(True)
        self.itemClicked.connect(self._clicked)
        self.itemActivated.connect(self._clicked)

    def show_issue(self, docs: list[DocumentSummary], current: int, blocks: list[Block]) -> None:
        self.clear()
        current_item = None
        for d in docs:
            item = QTreeWidgetItem(self, [shown_title(d.title, d.issuer)])  # as the library lists it
            item.setData(0, DOC_ROLE, d.id)
            item.setToolTip(0, plain_tip("\n".join(x for x in (d.title, d.number or "", d.date or "") if x)))
            if d.id == current:
                current_item = item
                font = item.font(0)
                font.setBold(True)
                item.setFont(0, font)
                heads = outline(blocks)
                made: list[QTreeWidgetItem] = []
                for b, up in zip(heads, outline_parents(heads), strict=True):
                    child = QTreeWidgetItem(made[up] if up >= 0 else item, [b.text.strip()[:60]])
                    child.setData(0, OFFSET_ROLE, b.start)
                    child.setData(0, DOC_ROLE, d.id)
                    made.append(child)
        if current_item is not None:
            current_item.setExpanded(True)
            self.expandItem(current_item)
            self.scrollToItem(current_item)

    def heading_items(self) -> list[QTreeWidgetItem]:
        out = []
        stack = [self.topLevelItem(i) for i in range(self.topLevelItemCount())]
        while stack:
            it = stack.pop(0)
            if it.data(0, OFFSET_ROLE) is not None:
                out.append(it)
            stack = [it.child(k) for k in range(it.childCount())] + stack
        return out

    @Slot(int)
    def mark_position(self, offset: int) -> QTreeWidgetItem | None:
        """“You are here”: the heading the reader is under is the current item (not scrolled
        away from, not activated)."""
        here = None
        for item in self.heading_items():
            if int(item.data(0, OFFSET_ROLE)) <= offset:
                here = item
        if here is not None and here is not self.currentItem():
            blocked = self.blockSignals(True)  # moving the marker is not a click
            try:
                self.setCurrentItem(here)
            finally:
                self.blockSignals(blocked)
            self.scrollToItem(here)
        return here

    @Slot(QTreeWidgetItem, int)
    def _clicked(self, item: QTreeWidgetItem, _col: int = 0) -> None:
        offset = item.data(0, OFFSET_ROLE)
        if offset is not None:
            self.offset_requested.emit(int(offset))
        else:
            self.document_requested.emit(int(item.data(0, DOC_ROLE)))
