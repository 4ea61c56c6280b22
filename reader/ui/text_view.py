"""A document laid out like a printed 公文, built block by block (never from HTML).

Inserting plain text through ``QTextCursor`` means nothing in a gazette can inject markup; web
addresses become links that open only after the reader confirms the address. The view keeps a
map between offsets in the document's canonical text and positions in its QTextDocument, which
find, the outline, view switching and (later) highlights rely on.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPalette,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextLength,
    QTextOption,
    QTextTableFormat,
)
from PySide6.QtWidgets import QTextBrowser, QTextEdit, QWidget

from reader.layout import Block, layout, urls
from reader.library.records import DocumentRecord
from reader.models.plaintext import plain_tip

THEMES = {
    "light": ("#ffffff", "#1a1a1a", "#7a7a7a"),
    "sepia": ("#f4ecd8", "#3b2f2f", "#8a7a66"),
    "dark": ("#1e1e1e", "#d8d8d8", "#8c8c8c"),
}
TITLE_FAMILIES = [
    "方正小标宋简体",
    "FZXiaoBiaoSong-B05S",
    "华文中宋",
    "STZhongsong",
    "SimSun",
    "宋体",
    "Songti SC",
]
BODY_FAMILIES = ["仿宋_GB2312", "仿宋", "FangSong", "STFangsong", "SimSun", "宋体"]
HEADING_FAMILIES = ["黑体", "SimHei", "Heiti SC", "Microsoft YaHei"]
KAI_FAMILIES = ["楷体_GB2312", "楷体", "KaiTi", "STKaiti"]


BIG_TABLE_CELLS = 120  # beyond this a table is shown as tabbed lines (see _insert_tab_rows)


@dataclass(slots=True)
class _Placed:
    """Where a canonical paragraph landed in the QTextDocument."""

    start: int  # canonical offset of the paragraph
    length: int
    pos: int  # QTextDocument position of its first character
    cells: list[tuple[int, int]] | None = None  # table row: (canonical offset, position) per cell


WORD_JOINER = "\u2060"


def no_widow(title: str, keep: int = 3) -> str:
    """A title whose last ``keep`` characters stay on one line: a wrapped title never ends with
    one character alone (…的通 / 知). Word joiners are invisible and copy as nothing visible."""
    if len(title) <= keep + 1:
        return title
    return title[:-keep] + WORD_JOINER.join(title[-keep:])


class TextView(QTextBrowser):
    """Read-only view of one document's canonical text."""

    link_requested = Signal(QUrl)
    position_changed = Signal(int)  # canonical offset at the top of the view
    font_size_changed = Signal(float)  # points, whenever it changed (any control, any path)
    context_requested = Signal(QPoint, str)  # global position, uuid of the highlight there ("" none)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("textView")
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.anchorClicked.connect(self.link_requested)
        self.doc: DocumentRecord | None = None
        self.blocks: list[Block] = []
        self._placed: list[_Placed] = []
        self._by_canon: list[tuple[int, int, int]] = []
        self._by_pos: list[tuple[int, int, int]] = []
        self.theme = "light"
        self.font_pt = 14.0
        self._find_hits: list[tuple[int, int]] = []
        self._find_current = -1
        self._marks: list[tuple[str, int, int, str]] = []  # uuid, start, end, colour hex
        self._citations: list[tuple[int, int, str, str]] = []  # start, end, href, tooltip
        self.verticalScrollBar().valueChanged.connect(lambda _v: self.position_changed.emit(self.position()))

    # -- appearance ---------------------------------------------------------------------------
    def _families(self, preferred: list[str]) -> list[str]:
        return preferred + list(self.font().families())

    def set_theme(self, theme: str) -> None:
        self.theme = theme if theme in THEMES else "light"
        bg, fg, _muted = THEMES[self.theme]
        pal = self.palette()
        pal.setColor(QPalette.ColorRole.Base, QColor(bg))
        pal.setColor(QPalette.ColorRole.Text, QColor(fg))
        self.setPalette(pal)
        if self.doc is not None:
            at = self.position()  # a theme change keeps the reader's place
            self._rebuild()
            self.set_position(at)

    def set_font_size(self, points: float) -> None:
        pos = self.position()
        before, self.font_pt = self.font_pt, min(max(points, 8.0), 40.0)
        if self.doc is not None:
            self._rebuild()
            self.set_position(pos)
        if self.font_pt != before:
            self.font_size_changed.emit(self.font_pt)

    # -- content ------------------------------------------------------------------------------
    def show_document(self, doc: DocumentRecord) -> None:
        self.doc = doc
        self.blocks = layout(doc.text, doc.recipients)
        self._find_hits, self._find_current = [], -1
        self._marks = []
        self._citations = []
        self._rebuild()

    def set_citations(self, citations: list[tuple[int, int, str, str]]) -> None:
        """Make each cited 《…》（…） a link to its document: (start, end, gongbao:// href, tip).
        Character formats on the text as built (never HTML made from the document's text)."""
        self._citations = list(citations)
        self._apply_citations()

    def _apply_citations(self) -> None:
        if self.doc is None:
            return
        colour = QColor("#1a5fb4" if self.theme != "dark" else "#8ab4f8")
        for start, end, href, tip in self._citations:
            link = QTextCursor(self.document())
            link.setPosition(self.doc_position(start))
            link.setPosition(self.doc_position(end), QTextCursor.MoveMode.KeepAnchor)
            fmt = QTextCharFormat()
            fmt.setAnchor(True)
            fmt.setAnchorHref(href)
            fmt.setForeground(colour)
            fmt.setFontUnderline(True)
            fmt.setToolTip(plain_tip(tip))
            link.mergeCharFormat(fmt)

    def _char(self, families: list[str], scale: float = 1.0, bold: bool = False) -> QTextCharFormat:
        fmt = QTextCharFormat()
        fmt.setFontFamilies(self._families(families))
        fmt.setFontPointSize(self.font_pt * scale)
        fmt.setFontWeight(QFont.Weight.Bold if bold else QFont.Weight.Normal)
        fmt.setForeground(QColor(THEMES[self.theme][1]))
        return fmt

    def _block(self, align: Qt.AlignmentFlag, indent_chars: float = 0, top: float = 0.3) -> QTextBlockFormat:
        fmt = QTextBlockFormat()
        fmt.setAlignment(align)
        fmt.setTextIndent(indent_chars * self.font_pt * 1.33)
        fmt.setTopMargin(top * self.font_pt)
        fmt.setLineHeight(150, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
        return fmt

    def _rebuild(self) -> None:
        doc = self.doc
        assert doc is not None
        qdoc = QTextDocument(self)
        qdoc.setDocumentMargin(self.font_pt * 2)
        cursor = QTextCursor(qdoc)
        center = Qt.AlignmentFlag.AlignHCenter
        cursor.setBlockFormat(self._block(center, top=0.5))
        cursor.insertText(no_widow(doc.title), self._char(TITLE_FAMILIES, 1.55, bold=True))
        if doc.number:
            cursor.insertBlock(self._block(center, top=0.6), self._char(BODY_FAMILIES))
            cursor.insertText(doc.number)
        if not doc.text:
            cursor.insertBlock(self._block(center, top=2.0), self._char(BODY_FAMILIES, 0.9))
            cursor.insertText(self.tr("This document has no text layer. Switch to the page view to read it."))
        self._placed = []
        blocks = self.blocks
        i = 0
        first = True
        while i < len(blocks):
            b = blocks[i]
            if b.kind == "table":
                j = i
                while j < len(blocks) and blocks[j].kind == "table":
                    j += 1
                self._insert_table(cursor, blocks[i:j])
                i = j
                continue
            self._insert_paragraph(cursor, b, first)
            first = False
            i += 1
        self.setDocument(qdoc)
        pieces = self._pieces()
        self._by_canon = sorted(pieces, key=lambda t: t[1])
        self._by_pos = sorted(pieces)
        self._apply_citations()  # a rebuild (theme, font size) keeps them
        self._apply_find()

    def _insert_paragraph(self, cursor: QTextCursor, b: Block, first: bool) -> None:
        center, left, right = (
            Qt.AlignmentFlag.AlignHCenter,
            Qt.AlignmentFlag.AlignLeft,
            Qt.AlignmentFlag.AlignRight,
        )
        body = self._char(BODY_FAMILIES)
        kind = b.kind
        if kind == "recipients":
            bf, cf = self._block(left, top=1.0 if first else 0.3), body
        elif kind in ("signature", "date"):
            bf, cf = self._block(right, top=0.8 if kind == "signature" else 0.1), body
        elif kind in ("chapter", "section", "subtitle"):
            bf = self._block(center, top=1.0)
            cf = self._char(
                TITLE_FAMILIES if kind == "subtitle" else HEADING_FAMILIES,
                1.25 if kind == "subtitle" else 1.1,
                True,
            )
        elif kind == "label":
            bf, cf = self._block(left, top=1.5), self._char(HEADING_FAMILIES, 1.0, True)
        elif kind == "h1":
            bf, cf = self._block(left, 2, top=0.6), self._char(HEADING_FAMILIES, 1.0, True)
        elif kind == "h2":
            bf, cf = self._block(left, 2, top=0.4), self._char(KAI_FAMILIES, 1.0, True)
        elif kind in ("h3", "h4"):
            bf, cf = self._block(left, 2), self._char(BODY_FAMILIES, 1.0, True)
        else:
            bf, cf = self._block(left, 2), body
        if first and not self._placed and cursor.block().text() == "" and cursor.position() == 0:
            cursor.setBlockFormat(bf)
        else:
            cursor.insertBlock(bf, cf)
        pos = cursor.position()
        self._placed.append(_Placed(b.start, len(b.text), pos))
        if b.lead:
            cursor.insertText(
                b.text[: b.lead], self._char(HEADING_FAMILIES if kind == "body" else BODY_FAMILIES, 1.0, True)
            )
            cursor.insertText(b.text[b.lead :], cf)
        else:
            cursor.insertText(b.text, cf)
        for start, end, url in urls(b.text):
            link = QTextCursor(cursor.document())
            link.setPosition(pos + start)
            link.setPosition(pos + end, QTextCursor.MoveMode.KeepAnchor)
            fmt = QTextCharFormat()
            fmt.setAnchor(True)
            fmt.setAnchorHref(url)
            fmt.setForeground(QColor("#1a5fb4" if self.theme != "dark" else "#8ab4f8"))
            fmt.setFontUnderline(True)
            fmt.setToolTip(plain_tip(url))
            link.mergeCharFormat(fmt)

    def _column_widths(self, split: list[list[str]], small: QTextCharFormat) -> list[float]:
        """Pixel widths of a table's columns: what nine in ten of a column's cells need (a stray
        long cell does not widen it) plus a gap, at most 40 % of the page each, squeezed in
        proportion when the page is narrower. Measured with the font: Qt's automatic table
        widths lay every cell out twice, on the GUI thread."""
        metrics = QFontMetricsF(small.font())
        gap = metrics.horizontalAdvance("国")
        room = max(self.viewport().width() - 5 * self.font_pt, 300)
        natural = []
        for c in range(max(len(cells) for cells in split)):
            widths = sorted(metrics.horizontalAdvance(cells[c]) for cells in split if c < len(cells))
            typical = widths[int(len(widths) * 0.9)] if widths else 0
            natural.append(min(typical + gap, room * 0.4))
        scale = min(1.0, room / sum(natural))
        return [w * scale for w in natural]

    def _insert_table(self, cursor: QTextCursor, rows: list[Block]) -> None:
        split = [r.text.split("\t") for r in rows]
        cols = max(len(cells) for cells in split)
        small = self._char(BODY_FAMILIES, 0.85)
        widths = self._column_widths(split, small)
        if len(rows) * cols > BIG_TABLE_CELLS:
            self._insert_tab_rows(cursor, rows, widths, small)
            return
        tf = QTextTableFormat()
        tf.setBorder(0.5)
        tf.setCellPadding(3)
        tf.setCellSpacing(0)
        tf.setTopMargin(self.font_pt * 0.5)
        tf.setColumnWidthConstraints([QTextLength(QTextLength.Type.FixedLength, w) for w in widths])
        cursor.insertBlock(self._block(Qt.AlignmentFlag.AlignLeft), self._char(BODY_FAMILIES))
        table = cursor.insertTable(len(rows), cols, tf)
        for r, (row, cells) in enumerate(zip(rows, split, strict=True)):
            placed: list[tuple[int, int]] = []
            offset = row.start
            for c in range(cols):
                cell_cursor = table.cellAt(r, c).firstCursorPosition()
                text = cells[c] if c < len(cells) else ""
                placed.append((offset, cell_cursor.position()))
                cell_cursor.insertText(text, small)
                offset += len(text) + 1
            self._placed.append(_Placed(row.start, len(row.text), placed[0][1], placed))
        cursor.movePosition(QTextCursor.MoveOperation.End)

    def _insert_tab_rows(
        self, cursor: QTextCursor, rows: list[Block], widths: list[float], small: QTextCharFormat
    ) -> None:
        """A long table as one line per row with tab stops: Qt lays out a QTextTable of a few
        hundred cells in 50 ms and more (a 名单 of 500 cells took 70 ms), lines with tabs in a few."""
        stops, x = [], 0.0
        for w in widths[:-1]:
            x += w
            stops.append(QTextOption.Tab(x, QTextOption.TabType.LeftTab))
        for n, row in enumerate(rows):
            bf = self._block(Qt.AlignmentFlag.AlignLeft, top=0.6 if n == 0 else 0.1)
            bf.setTabPositions(stops)
            cursor.insertBlock(bf, small)
            self._placed.append(_Placed(row.start, len(row.text), cursor.position()))
            cursor.insertText(row.text, small)

    # -- offsets ↔ positions ------------------------------------------------------------------
    def _pieces(self) -> list[tuple[int, int, int]]:
        """(document position, canonical offset, length) of every paragraph and table cell."""
        out = []
        for p in self._placed:
            if p.cells:
                for k, (canon, pos) in enumerate(p.cells):
                    nxt = p.cells[k + 1][0] - 1 if k + 1 < len(p.cells) else p.start + p.length
                    out.append((pos, canon, max(nxt - canon, 0)))
            else:
                out.append((p.pos, p.start, p.length))
        return out

    def doc_position(self, offset: int) -> int:
        """QTextDocument position of canonical ``offset``."""
        pieces = self._by_canon
        if not pieces:
            return 0
        i = max(bisect_right([c for _, c, _ in pieces], offset) - 1, 0)
        pos, canon, length = pieces[i]
        return pos + min(max(offset - canon, 0), length)

    def canonical_offset(self, position: int) -> int:
        """Canonical offset of QTextDocument ``position`` (title and number map to 0)."""
        pieces = self._by_pos
        if not pieces:
            return 0
        i = bisect_right([p for p, _, _ in pieces], position) - 1
        if i < 0:
            return 0
        pos, canon, length = pieces[i]
        return canon + min(max(position - pos, 0), length)

    def position(self) -> int:
        """Canonical offset of the first character at the top of the view."""
        cursor = self.cursorForPosition(QPoint(4, 4))
        return self.canonical_offset(cursor.position())

    def set_position(self, offset: int) -> None:
        """Scroll so canonical ``offset`` is at the top of the view."""
        if self.doc is None:
            return
        cursor = QTextCursor(self.document())
        cursor.setPosition(min(self.doc_position(offset), self.document().characterCount() - 1))
        layout_ = self.document().documentLayout()
        block_rect = layout_.blockBoundingRect(cursor.block())
        line_y = block_rect.top()
        text_layout = cursor.block().layout()
        if text_layout is not None and text_layout.lineCount():
            line = text_layout.lineForTextPosition(cursor.positionInBlock())
            if line.isValid():
                line_y += line.y()
        self.verticalScrollBar().setValue(int(line_y))

    def select_range(self, start: int, end: int) -> None:
        cursor = QTextCursor(self.document())
        cursor.setPosition(self.doc_position(start))
        cursor.setPosition(self.doc_position(end), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)

    def selection_range(self) -> tuple[int, int] | None:
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return None
        return self.canonical_offset(cursor.selectionStart()), self.canonical_offset(cursor.selectionEnd())

    # -- find ---------------------------------------------------------------------------------
    def set_find_hits(self, hits: list[tuple[int, int]], current: int = -1) -> None:
        self._find_hits, self._find_current = hits, current
        self._apply_find()
        if 0 <= current < len(hits):
            start = hits[current][0]
            cursor = QTextCursor(self.document())
            cursor.setPosition(self.doc_position(start))
            self.setTextCursor(cursor)
            self.ensureCursorVisible()

    # -- highlights ---------------------------------------------------------------------------
    def set_highlights(self, marks: list[tuple[str, int, int, str]]) -> None:
        """Highlights to draw: (uuid, start, end, colour hex) in canonical offsets."""
        self._marks = list(marks)
        self._apply_find()

    def highlight_at(self, position: int) -> str:
        """uuid of the highlight covering QTextDocument ``position`` ("" if none)."""
        offset = self.canonical_offset(position)
        for uid, start, end, _ in self._marks:
            if start <= offset < end:
                return uid
        return ""

    def createMimeDataFromSelection(self) -> QMimeData:
        """What is copied is the text as printed: without the title's invisible word joiners."""
        data = QMimeData()
        data.setText(self.textCursor().selection().toPlainText().replace(WORD_JOINER, ""))
        return data

    def contextMenuEvent(self, event) -> None:
        position = self.cursorForPosition(event.pos()).position()
        if not self.textCursor().hasSelection():  # "split here" means where the click was
            self.setTextCursor(self.cursorForPosition(event.pos()))
        self.context_requested.emit(event.globalPos(), self.highlight_at(position))

    def _selection(self, start: int, end: int, fmt: QTextCharFormat) -> QTextEdit.ExtraSelection:
        sel = QTextEdit.ExtraSelection()
        cursor = QTextCursor(self.document())
        cursor.setPosition(self.doc_position(start))
        cursor.setPosition(self.doc_position(end), QTextCursor.MoveMode.KeepAnchor)
        sel.cursor = cursor
        sel.format = fmt
        return sel

    def _apply_find(self) -> None:
        selections = []
        for _uid, start, end, colour in self._marks:
            fmt = QTextCharFormat()
            background = QColor(colour)
            if self.theme == "dark":
                background = background.darker(220)
            fmt.setBackground(background)
            selections.append(self._selection(start, end, fmt))
        for n, (start, end) in enumerate(self._find_hits):
            fmt = QTextCharFormat()
            fmt.setBackground(QColor(255, 150, 0) if n == self._find_current else QColor(255, 235, 59))
            fmt.setForeground(QColor("#000000"))
            fmt.setFontUnderline(True)
            selections.append(self._selection(start, end, fmt))
        self.setExtraSelections(selections)
