"""The annotations panel for the open document: its note and tags, its highlights, an editor.

Edits go to the :class:`AnnotationController` (undoable, committed at once). Typing in a note is
committed after a short pause; an input method's uncommitted composition (拼音 being typed)
never reaches ``textChanged``, so half-typed syllables are not saved.
"""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reader.library.annotation_store import Highlight
from reader.models.annotation_controller import AnnotationController
from reader.models.plaintext import plain_tip
from reader.ui.widgets import swatch

UID_ROLE = Qt.ItemDataRole.UserRole + 1
NOTE_DELAY_MS = 600


def split_tags(text: str) -> list[str]:
    """Tags typed as ``a, b；c`` (half- or full-width separators)."""
    for sep in "，；;、":
        text = text.replace(sep, ",")
    return [t.strip() for t in text.split(",") if t.strip()]


class AnnotationsPanel(QWidget):
    """Shows and edits the annotations of one document; emits ``jump_requested(uuid)``."""

    jump_requested = Signal(str)

    def __init__(self, controller: AnnotationController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("annotationsPanel")
        self.controller = controller
        self.doc_id: int | None = None
        self.palette: list = []
        self._highlights: list[Highlight] = []
        self._editing: str | None = None

        self.doc_note = QPlainTextEdit(self, objectName="documentNote")
        self.doc_note.setPlaceholderText(self.tr("A note on the whole document"))
        self.doc_note.setMaximumHeight(90)
        self.doc_tags = QLineEdit(self, objectName="documentTags")
        self.doc_tags.setPlaceholderText(self.tr("Tags, separated by commas"))
        doc_box = QGroupBox(self.tr("Document"), self)
        form = QFormLayout(doc_box)
        form.addRow(self.tr("Note"), self.doc_note)
        form.addRow(self.tr("Tags"), self.doc_tags)

        self.colour_filter = QComboBox(self, objectName="colourFilter")
        self.tag_filter = QComboBox(self, objectName="tagFilter")
        self.tag_filter.addItem(self.tr("All tags"), None)  # before any document is open too
        filters = QHBoxLayout()
        filters.addWidget(self.colour_filter)
        filters.addWidget(self.tag_filter)
        self.list = QListWidget(self, objectName="highlightList")
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)

        self.editor = QGroupBox(self.tr("Selected highlight"), self)
        self.note = QPlainTextEdit(self.editor, objectName="highlightNote")
        self.note.setPlaceholderText(self.tr("Why this matters (line breaks and - lists are kept)"))
        self.tags = QLineEdit(self.editor, objectName="highlightTags")
        self.tags.setPlaceholderText(self.tr("Tags, separated by commas"))
        self.colour = QComboBox(self.editor, objectName="highlightColour")
        self.delete = QPushButton(self.tr("Delete highlight"), self.editor)
        ed = QFormLayout(self.editor)
        ed.addRow(self.tr("Note"), self.note)
        ed.addRow(self.tr("Tags"), self.tags)
        row = QHBoxLayout()
        row.addWidget(self.colour, 1)
        row.addWidget(self.delete)
        ed.addRow(self.tr("Colour"), row)
        self.editor.setEnabled(False)
        self.empty = QLabel(self.tr("Select text and press Ctrl+H to highlight it."), self)
        self.empty.setWordWrap(True)

        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addWidget(doc_box)
        lay.addLayout(filters)
        lay.addWidget(self.list, 1)
        lay.addWidget(self.empty)
        lay.addWidget(self.editor)

        self._note_timer = QTimer(self, singleShot=True, interval=NOTE_DELAY_MS)
        self._note_timer.timeout.connect(self._commit_note)
        self._doc_note_timer = QTimer(self, singleShot=True, interval=NOTE_DELAY_MS)
        self._doc_note_timer.timeout.connect(self._commit_doc_note)
        self.note.textChanged.connect(self._note_timer.start)
        self.doc_note.textChanged.connect(self._doc_note_timer.start)
        self.tags.editingFinished.connect(self._commit_tags)
        self.doc_tags.editingFinished.connect(self._commit_doc_tags)
        self.colour.activated.connect(self._commit_colour)
        self.delete.clicked.connect(self._delete)
        self.list.currentItemChanged.connect(self._selected)
        self.list.itemActivated.connect(self._jump)
        self.list.itemClicked.connect(self._jump)
        self.colour_filter.currentIndexChanged.connect(self._fill)
        self.tag_filter.currentIndexChanged.connect(self._fill)

    # -- content ------------------------------------------------------------------------------
    def set_palette(self, palette: list) -> None:
        self.palette = palette
        with QSignalBlocker(self.colour_filter):
            current = self.colour_filter.currentData()
            self.colour_filter.clear()
            self.colour_filter.addItem(self.tr("All colours"), None)
            for c in palette:
                self.colour_filter.addItem(swatch(c.hex), c.meaning, c.key)
            self.colour_filter.setCurrentIndex(max(0, self.colour_filter.findData(current)))
        with QSignalBlocker(self.colour):
            self.colour.clear()
            for c in palette:
                self.colour.addItem(swatch(c.hex), c.meaning, c.key)

    def show_document(self, doc_id: int | None) -> None:
        """Load the annotations of ``doc_id`` (None: nothing open)."""
        self.flush()
        self.doc_id = doc_id
        self._editing = None
        self.refresh()

    def flush(self) -> None:
        """Commit pending typing now (before switching documents or quitting)."""
        if self._note_timer.isActive():
            self._note_timer.stop()
            self._commit_note()
        if self._doc_note_timer.isActive():
            self._doc_note_timer.stop()
            self._commit_doc_note()

    def refresh(self) -> None:
        ann = self.controller.ann
        if self.doc_id is None:
            self._highlights = []
            with QSignalBlocker(self.doc_note):
                self.doc_note.setPlainText("")
            self.doc_tags.setText("")
        else:
            self._highlights = ann.highlights(self.doc_id)
            if not self.doc_note.hasFocus():
                with QSignalBlocker(self.doc_note):
                    self.doc_note.setPlainText(ann.document_note(self.doc_id))
            if not self.doc_tags.hasFocus():
                self.doc_tags.setText("，".join(ann.document_tags(self.doc_id)))
        tags = sorted({t for h in self._highlights for t in h.tags})
        with QSignalBlocker(self.tag_filter):
            current = self.tag_filter.currentData()
            self.tag_filter.clear()
            self.tag_filter.addItem(self.tr("All tags"), None)
            for t in tags:
                self.tag_filter.addItem(f"#{t}", t)
            self.tag_filter.setCurrentIndex(max(0, self.tag_filter.findData(current)))
        self._fill()

    def _fill(self) -> None:
        colour, tag = self.colour_filter.currentData(), self.tag_filter.currentData()
        hexes = {c.key: c.hex for c in self.palette}
        meanings = {c.key: c.meaning for c in self.palette}
        keep = self._editing
        with QSignalBlocker(self.list):
            self.list.clear()
            for h in self._highlights:
                if (colour and h.color != colour) or (tag and tag not in h.tags):
                    continue
                lines = [("【" + self.tr("cannot be placed") + "】" if h.orphan else "") + h.quote[:80]]
                if h.note:
                    lines.append("  ✎ " + h.note.replace("\n", " ")[:80])
                meta = [meanings.get(h.color, h.color), h.created_at[:10]] + [f"#{t}" for t in h.tags]
                lines.append("  " + " · ".join(meta))
                item = QListWidgetItem(swatch(hexes.get(h.color, "#ffe066")), "\n".join(lines))
                item.setData(UID_ROLE, h.uuid)
                item.setToolTip(plain_tip(h.quote + ("\n\n" + h.note if h.note else "")))
                self.list.addItem(item)
                if h.uuid == keep:
                    self.list.setCurrentItem(item)
        self.empty.setVisible(not self._highlights)
        if keep is None or not any(h.uuid == keep for h in self._highlights):
            self._load_editor(None)

    def select(self, uid: str) -> None:
        """Select ``uid`` in the list and load it into the editor."""
        for i in range(self.list.count()):
            if self.list.item(i).data(UID_ROLE) == uid:
                self.list.setCurrentRow(i)
                return

    def current_uuid(self) -> str | None:
        return self._editing

    # -- editor -------------------------------------------------------------------------------
    @Slot(QListWidgetItem, QListWidgetItem)
    def _selected(self, current: QListWidgetItem | None, _previous: QListWidgetItem | None) -> None:
        self.flush()
        self._load_editor(current.data(UID_ROLE) if current is not None else None)

    def _load_editor(self, uid: str | None) -> None:
        self._editing = uid
        h = next((x for x in self._highlights if x.uuid == uid), None)
        self.editor.setEnabled(h is not None)
        with QSignalBlocker(self.note):
            self.note.setPlainText(h.note if h else "")
        self.tags.setText("，".join(h.tags) if h else "")
        with QSignalBlocker(self.colour):
            self.colour.setCurrentIndex(max(0, self.colour.findData(h.color)) if h else 0)

    def _commit_note(self) -> None:
        if self._editing:
            self.controller.set_note(self._editing, self.note.toPlainText())

    def _commit_doc_note(self) -> None:
        if self.doc_id is not None:
            self.controller.set_document_note(self.doc_id, self.doc_note.toPlainText())

    def _commit_tags(self) -> None:
        if self._editing:
            self.controller.set_highlight_tags(self._editing, split_tags(self.tags.text()))

    def _commit_doc_tags(self) -> None:
        if self.doc_id is not None:
            self.controller.set_document_tags(self.doc_id, split_tags(self.doc_tags.text()))

    def _commit_colour(self, index: int) -> None:
        if self._editing:
            self.controller.set_colour(self._editing, self.colour.itemData(index))

    def _delete(self) -> None:
        if self._editing:
            uid, self._editing = self._editing, None
            self.controller.delete_highlight(uid)

    @Slot(QListWidgetItem)
    def _jump(self, item: QListWidgetItem) -> None:
        self.jump_requested.emit(item.data(UID_ROLE))

    def edit_note(self, uid: str) -> None:
        """Select ``uid`` and put the cursor in its note."""
        self.select(uid)
        self.note.setFocus()
