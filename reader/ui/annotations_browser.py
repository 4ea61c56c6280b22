"""Every highlight and note in the library: search, filter, and open at the passage."""

from __future__ import annotations

from PySide6.QtCore import QDate, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QGridLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reader.errors import ReaderError
from reader.library import Library
from reader.models.labels import error_text
from reader.ui.messages import plain_label
from reader.ui.widgets import swatch

UID_ROLE = Qt.ItemDataRole.UserRole + 1


class AnnotationsBrowser(QDialog):
    """Emits ``open_requested(document_id, start)`` on double-click."""

    open_requested = Signal(int, int)

    def __init__(self, library: Library, palette: list, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("annotationsBrowser")
        self.setWindowTitle(self.tr("All highlights and notes"))
        self.resize(760, 560)
        self.library = library
        self.palette = palette
        self.query = QLineEdit(self, placeholderText=self.tr("Search quotes and notes"))
        self.query.setClearButtonEnabled(True)
        self.colour = QComboBox(self)
        self.colour.addItem(self.tr("All colours"), None)
        for c in palette:
            self.colour.addItem(swatch(c.hex), c.meaning, c.key)
        self.tag = QComboBox(self)
        self.issue = QComboBox(self)
        self.use_dates = QCheckBox(self.tr("Made between"), self)
        self.date_from = QDateEdit(QDate.currentDate().addMonths(-1), self, calendarPopup=True)
        self.date_to = QDateEdit(QDate.currentDate(), self, calendarPopup=True)
        for d in (self.date_from, self.date_to):
            d.setDisplayFormat("yyyy-MM-dd")
        self.list = QListWidget(self)
        self.list.setWordWrap(True)
        self.count = plain_label(self)
        grid = QGridLayout()
        grid.addWidget(self.query, 0, 0, 1, 4)
        grid.addWidget(self.colour, 1, 0)
        grid.addWidget(self.tag, 1, 1)
        grid.addWidget(self.issue, 1, 2, 1, 2)
        grid.addWidget(self.use_dates, 2, 0)
        grid.addWidget(self.date_from, 2, 1)
        grid.addWidget(self.date_to, 2, 2)
        lay = QVBoxLayout(self)
        lay.addLayout(grid)
        lay.addWidget(self.list, 1)
        lay.addWidget(self.count)
        self._debounce = QTimer(self, singleShot=True, interval=200)
        self._debounce.timeout.connect(self.refresh)
        self.query.textChanged.connect(lambda _t: self._debounce.start())
        for combo in (self.colour, self.tag, self.issue):
            combo.currentIndexChanged.connect(self.refresh)
        for w in (self.date_from, self.date_to):
            w.dateChanged.connect(self.refresh)
        self.use_dates.toggled.connect(self.refresh)
        self.list.itemActivated.connect(self._open)
        self._fill_choices()
        self.refresh()

    def _fill_choices(self) -> None:
        self.tag.blockSignals(True)
        self.tag.addItem(self.tr("All tags"), None)
        for t in self.library.annotations.tag_counts():
            self.tag.addItem(f"#{t.name}", t.name)
        self.tag.blockSignals(False)
        self.issue.blockSignals(True)
        self.issue.addItem(self.tr("All issues"), None)
        for iss in self.library.issues():
            self.issue.addItem(iss.label, iss.id)
        self.issue.blockSignals(False)

    def closeEvent(self, event) -> None:
        self._debounce.stop()
        super().closeEvent(event)

    def refresh(self) -> None:
        dates = (self.date_from.date().toString("yyyy-MM-dd"), self.date_to.date().toString("yyyy-MM-dd"))
        try:
            found = self.library.annotations.highlights(
                color=self.colour.currentData(),
                tag=self.tag.currentData(),
                issue_id=self.issue.currentData(),
                query=self.query.text().strip() or None,
                date_from=dates[0] if self.use_dates.isChecked() else None,
                date_to=dates[1] if self.use_dates.isChecked() else None,
            )
        except ReaderError as exc:
            self.count.setText(error_text(exc))
            return
        hexes = {c.key: c.hex for c in self.palette}
        self.list.clear()
        for h in found:
            head = ("【" + self.tr("cannot be placed") + "】" if h.orphan else "") + f"“{h.quote[:90]}”"
            lines = [head, f"  {h.document_title}"]
            if h.note:
                lines.append("  ✎ " + h.note.replace("\n", " ")[:100])
            if h.tags:
                lines.append("  " + " ".join(f"#{t}" for t in h.tags))
            item = QListWidgetItem(swatch(hexes.get(h.color, "#ffe066")), "\n".join(lines))
            item.setData(UID_ROLE, (h.document_id, h.start))
            self.list.addItem(item)
        self.count.setText(self.tr("%n highlight(s)", "", len(found)))

    def _open(self, item: QListWidgetItem) -> None:
        doc_id, start = item.data(UID_ROLE)
        self.open_requested.emit(int(doc_id), int(start))
