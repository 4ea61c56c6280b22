"""The 关联 panel: what the open document is based on, cites, repeals and amends, what cites,
repeals or amends it, and whether it is still in force, each said with the sentence it comes
from. An entry in the library opens its document; one that is not is shown greyed, 不在资料库,
and searches for its title or number instead.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QPalette
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reader.models.labels import relation_name, validity_name
from reader.models.plaintext import plain_tip
from reader.relations.store import Linked
from reader.relations.validity import Source, Validity
from reader.ui.messages import plain_label

DOC_ROLE = Qt.ItemDataRole.UserRole + 1
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 2


class RelationsPanel(QWidget):
    """Emits ``open_requested(doc_id)`` for an entry in the library, ``search_requested(text)``
    for one that is not."""

    open_requested = Signal(int)
    search_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("relationsPanel")
        self.status = plain_label(self, object_name="validityStatus")
        self.status.setWordWrap(True)
        self.tree = QTreeWidget(self, objectName="relationsTree")
        self.tree.setHeaderHidden(True)
        self.tree.setWordWrap(True)
        self.tree.itemActivated.connect(self._activated)
        self.tree.itemDoubleClicked.connect(self._activated)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addWidget(self.status)
        lay.addWidget(self.tree, 1)
        self.groups: dict[str, QTreeWidgetItem] = {}

    def headings(self) -> dict[str, str]:
        return {
            "cites": self.tr("Based on and cited"),
            "cited_by": self.tr("Cited by"),
            "repeals": self.tr("Repeals"),
            "repealed_by": self.tr("Repealed by"),
            "amends": self.tr("Amends"),
            "amended_by": self.tr("Amended by"),
        }

    def clear(self) -> None:
        self.tree.clear()
        self.groups = {}
        self.status.setText(self.tr("No document open."))

    def show_relations(self, links: dict[str, list[Linked]], validity: Validity) -> None:
        self.tree.clear()
        self.groups = {}
        line = self.tr("Validity: %1").replace("%1", validity_name(validity.status))
        if validity.since:
            line += f"（{validity.since}）"
        if validity.evidence:
            line += "\n" + validity.evidence  # document text: a plain label
        self.status.setText(line)
        muted = self.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
        for key, heading in self.headings().items():
            entries = links.get(key, [])
            if not entries:
                continue
            group = QTreeWidgetItem(self.tree, [f"{heading}（{len(entries)}）"])
            font = group.font(0)
            font.setBold(True)
            group.setFont(0, font)
            self.groups[key] = group
            for x in entries:
                name = " ".join(p for p in (f"《{x.title}》" if x.title else "", x.number or "") if p)
                text = f"[{relation_name(x.kind)}] {name or '?'}"
                if x.id is None:
                    text += "  " + self.tr("(not in the library)")
                item = QTreeWidgetItem(group, [text])
                item.setToolTip(0, plain_tip(x.evidence))
                if x.id is not None:
                    item.setData(0, DOC_ROLE, x.id)
                else:
                    item.setForeground(0, QBrush(muted))
                    item.setData(0, SEARCH_ROLE, x.number or x.title or "")
            group.setExpanded(True)

    def entries(self, key: str) -> list[QTreeWidgetItem]:
        group = self.groups.get(key)
        return [group.child(i) for i in range(group.childCount())] if group else []

    def _activated(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        doc_id = item.data(0, DOC_ROLE)
        if doc_id is not None:
            self.open_requested.emit(int(doc_id))
            return
        text = item.data(0, SEARCH_ROLE)
        if text:
            self.search_requested.emit(str(text))


def _name(source: Source | None) -> str:
    """《title》 number, as much of it as is known."""
    if source is None:
        return "?"
    parts = [f"《{source.title}》" if source.title else "", source.number or ""]
    return " ".join(p for p in parts if p) or "?"


class ValidityBanner(QWidget):
    """Above the text of a document no longer (or not yet) in force: what happened, and a link
    to the document that did it. Hidden for a document in force or of unknown status."""

    open_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("validityBanner")
        self.label = QLabel(self, objectName="validityBannerText")
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setWordWrap(True)
        self.open_button = QPushButton(self.tr("Open it"), self, objectName="validityBannerOpen")
        self.open_button.clicked.connect(self._open)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(8, 4, 8, 4)
        lay.addWidget(self.label, 1)
        lay.addWidget(self.open_button)
        self.setAutoFillBackground(True)
        pal = self.palette()
        pal.setColor(QPalette.ColorRole.Window, pal.color(QPalette.ColorRole.ToolTipBase))
        pal.setColor(QPalette.ColorRole.WindowText, pal.color(QPalette.ColorRole.ToolTipText))
        self.setPalette(pal)
        self._by: int | None = None
        self.hide()

    def show_validity(self, v: Validity) -> None:
        self._by = v.by.id if v.by is not None else None
        if v.status == "repealed":
            text = self.tr("Repealed by %1").replace("%1", _name(v.by))
        elif v.status == "expired":
            text = self.tr("Expired: in force until %1").replace("%1", v.until or "?")
        elif v.status == "pending":
            text = self.tr("Not yet in force: takes effect on %1").replace("%1", v.since or "?")
        elif v.status == "amended":
            text = self.tr("Amended by %1").replace("%1", _name(v.by))
        else:
            self.hide()
            return
        if v.evidence:
            text += "\n" + v.evidence
        self.label.setText(text)
        self.open_button.setVisible(self._by is not None)
        self.show()

    def _open(self) -> None:
        if self._by is not None:
            self.open_requested.emit(self._by)
