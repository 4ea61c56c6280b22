"""List rows whose matched words are marked, as a reader expects of search results.

The row's text is data (a document's words): it is escaped whole, and only the index's own
markers ⟦ ⟧ become a highlight — nothing in a document can become markup.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QModelIndex, QSize, Qt
from PySide6.QtGui import QAbstractTextDocumentLayout, QPalette, QTextDocument
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

MARKED_ROLE = Qt.ItemDataRole.UserRole + 7  # the row's text with ⟦…⟧ around what matched


def marked_html(text: str, colour: str = "#ffe066") -> str:
    """Escaped ``text`` with its ⟦…⟧ spans highlighted (the markers themselves dropped)."""
    out = html.escape(text).replace("\n", "<br>")
    return out.replace("⟦", f'<span style="background-color:{colour}; color:#000">').replace("⟧", "</span>")


class MarkedDelegate(QStyledItemDelegate):
    def _document(self, option: QStyleOptionViewItem, index: QModelIndex) -> QTextDocument:
        doc = QTextDocument()
        doc.setDefaultFont(option.font)
        doc.setDocumentMargin(3)
        doc.setHtml(marked_html(index.data(MARKED_ROLE) or ""))
        doc.setTextWidth(max(option.rect.width(), 120))
        return doc

    def paint(self, painter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        if index.data(MARKED_ROLE) is None:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        doc = self._document(option, index)
        context = QAbstractTextDocumentLayout.PaintContext()
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        context.palette.setColor(QPalette.ColorRole.Text, option.palette.color(role))
        painter.save()
        painter.translate(option.rect.topLeft())
        painter.setClipRect(option.rect.translated(-option.rect.topLeft()))
        doc.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        if index.data(MARKED_ROLE) is None:
            return super().sizeHint(option, index)
        doc = self._document(option, index)
        return QSize(int(doc.idealWidth()), int(doc.size().height()))
