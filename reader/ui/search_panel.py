"""The search panel: search as you type, filters, results with snippets and facet counts."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QStringListModel, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QGridLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QSpinBox,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from reader.models.labels import kind_name as kind_label
from reader.models.search_controller import SearchController
from reader.search.index import Filters, Results
from reader.ui.flow_layout import FlowLayout
from reader.ui.marked_delegate import MARKED_ROLE, MarkedDelegate
from reader.ui.messages import plain_label
from reader.ui.widgets import fill_combo

HIT_ROLE = Qt.ItemDataRole.UserRole + 1
DEBOUNCE_MS = 250
HISTORY = 30
# chips drawn from the palette, so every theme has them (a filled chip is the filter in force)
CHIP_CSS = """
QToolButton#facetChip {
    background: palette(button); border: 1px solid palette(mid); border-radius: 9px; padding: 1px 8px;
}
QToolButton#facetChip:hover { border-color: palette(highlight); }
QToolButton#facetChip:checked { background: palette(highlight); color: palette(highlighted-text); }
"""


class SearchPanel(QWidget):
    """Emits ``open_requested(doc_id, offset, query)`` when a result is opened."""

    open_requested = Signal(int, int, str)

    def __init__(self, controller: SearchController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("searchPanel")
        self.controller = controller
        self.history: list[str] = []
        self._req = 0
        self.last_results: Results | None = None
        self.edit = QLineEdit(self, objectName="searchEdit")
        self.edit.setPlaceholderText(self.tr('Search: words, "phrase", -word, 文号:, 机关:, 年份:2019'))
        self.edit.setClearButtonEnabled(True)
        self._history_model = QStringListModel(self)
        completer = QCompleter(self._history_model, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        # completed in the box itself: a pop-up list would cover the filters under it while typing
        completer.setCompletionMode(QCompleter.CompletionMode.InlineCompletion)
        self.edit.setCompleter(completer)
        # earlier searches on demand: the clock at the box's start, or Alt+Down
        self.history_menu = QMenu(self)
        fallback = self.style().standardIcon(QStyle.StandardPixmap.SP_ArrowDown)
        self.history_action = self.edit.addAction(
            QIcon.fromTheme("document-open-recent", fallback), QLineEdit.ActionPosition.LeadingPosition
        )
        self.history_action.setToolTip(self.tr("Recent searches (Alt+Down)"))
        self.history_action.triggered.connect(self.show_history)
        self.city = QComboBox(self, objectName="searchCity")
        self.kind = QComboBox(self, objectName="searchKind")
        self.issuer = QLineEdit(self, objectName="searchIssuer", placeholderText=self.tr("Issuer"))
        self.tag = QLineEdit(self, objectName="searchTag", placeholderText=self.tr("Tag"))
        self.year_from = QSpinBox(self, objectName="yearFrom")
        self.year_to = QSpinBox(self, objectName="yearTo")
        for box in (self.year_from, self.year_to):
            box.setRange(0, 2100)
            box.setSpecialValueText(self.tr("any year"))
        self.notes = QCheckBox(self.tr("Has my notes"), self)
        self.valid = QCheckBox(self.tr("In force only"), self, objectName="searchValid")
        self.sort = QComboBox(self, objectName="searchSort")
        self.sort.addItem(self.tr("Relevance"), "relevance")
        self.sort.addItem(self.tr("Newest first"), "date")
        self.sort.addItem(self.tr("Oldest first"), "date_asc")
        self.status = plain_label(self, object_name="searchStatus")
        self.status.setWordWrap(True)
        # facet chips: 通知 12 · 2019 5 — a click filters by it, a second click lets go
        self.facets = QWidget(self, objectName="searchFacets")
        self.facets.setStyleSheet(CHIP_CSS)
        self._facet_flow = FlowLayout(self.facets)
        self.list = QListWidget(self, objectName="searchResults")
        self.list.setItemDelegate(MarkedDelegate(self.list))  # matched words marked, not bracketed
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        grid = QGridLayout()
        grid.addWidget(self.city, 0, 0)
        grid.addWidget(self.kind, 0, 1)
        grid.addWidget(self.issuer, 1, 0)
        grid.addWidget(self.tag, 1, 1)
        grid.addWidget(self.year_from, 2, 0)
        grid.addWidget(self.year_to, 2, 1)
        grid.addWidget(self.notes, 3, 0)
        grid.addWidget(self.sort, 3, 1)
        grid.addWidget(self.valid, 4, 0)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addWidget(self.edit)
        lay.addLayout(grid)
        lay.addWidget(self.status)
        lay.addWidget(self.facets)
        lay.addWidget(self.list, 1)

        self._debounce = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._debounce.timeout.connect(self.run)
        self.edit.textChanged.connect(lambda _t: self._debounce.start())
        self.edit.returnPressed.connect(self._enter)
        for w in (self.city, self.kind, self.sort):
            w.currentIndexChanged.connect(self._debounce.start)
        for w in (self.issuer, self.tag):
            w.textChanged.connect(lambda _t: self._debounce.start())
        for box in (self.year_from, self.year_to):
            box.valueChanged.connect(self._debounce.start)
        self.notes.toggled.connect(self._debounce.start)
        self.valid.toggled.connect(self._debounce.start)
        self.list.itemActivated.connect(self._open)
        self.edit.installEventFilter(self)
        controller.results_ready.connect(self._show)
        controller.failed.connect(self.status.setText)

    def set_choices(self, cities: list[str], kinds: list[str]) -> None:
        fill_combo(self.city, self.tr("All cities"), cities)
        fill_combo(self.kind, self.tr("All kinds"), kinds, kind_label)

    def set_history(self, history: list[str]) -> None:
        self.history = list(history)[:HISTORY]
        self._history_model.setStringList(self.history)

    def filters(self) -> Filters:
        return Filters(
            city=self.city.currentData(),
            year_from=self.year_from.value() or None,
            year_to=self.year_to.value() or None,
            kind=self.kind.currentData(),
            issuer=self.issuer.text().strip() or None,
            tag=self.tag.text().strip() or None,
            has_notes=self.notes.isChecked(),
            valid=self.valid.isChecked(),
        )

    @Slot()
    def run(self) -> None:
        text = self.edit.text().strip()
        filters = self.filters()
        if not text and filters == Filters():
            self.list.clear()
            self.status.setText("")
            self._clear_facets()
            return
        self._req = self.controller.search(text, filters, self.sort.currentData())
        self.status.setText(self.tr("Searching…"))

    @Slot(int)
    def _show(self, req: int) -> None:
        results = self.controller.results.get(req)
        if results is None or req != self._req:
            return
        self.last_results = results
        self.list.clear()
        for h in results.hits:
            head = f"{h.title}\n  {' · '.join(x for x in (h.number, h.date, h.issue) if x)}"
            marked = [head] + ["  " + s.text for s in h.snippets[:4]]
            if len(h.snippets) > 4:
                marked.append("  " + self.tr("… %1 more passages").replace("%1", str(len(h.snippets) - 4)))
            lines = [
                ln.replace("⟦", "【").replace("⟧", "】") for ln in marked
            ]  # as text: copy, accessibility
            item = QListWidgetItem("\n".join(lines))
            item.setData(MARKED_ROLE, "\n".join(marked))  # drawn with the matched words marked
            offset = h.snippets[0].start if h.snippets else 0
            item.setData(HIT_ROLE, (h.doc_id, offset))
            self.list.addItem(item)
        ms = round(results.seconds * 1000)
        self.status.setText(self.tr("%n document(s)", "", results.total) + f" · {ms} ms")
        self._show_facets(results)
        if self.list.count():
            self.list.setCurrentRow(0)

    # -- facets -------------------------------------------------------------------------------
    def _clear_facets(self) -> None:
        while (item := self._facet_flow.takeAt(0)) is not None:
            if item.widget() is not None:
                item.widget().deleteLater()

    def _show_facets(self, results: Results) -> None:
        self._clear_facets()
        kinds = results.facets.get("kind", {})
        years = {y: n for y, n in results.facets.get("year", {}).items() if y not in ("0", "")}
        kind_now = self.kind.currentData()
        year_now = str(self.year_from.value()) if self.year_from.value() == self.year_to.value() else None
        for k, n in sorted(kinds.items(), key=lambda kv: (-kv[1], kv[0])):
            self._chip(f"{kind_label(k)} {n}", k == kind_now, lambda _c=False, k=k: self.facet_kind(k))
        for y, n in sorted(years.items(), reverse=True):
            self._chip(f"{y} {n}", y == year_now, lambda _c=False, y=y: self.facet_year(int(y)))

    def _chip(self, text: str, on: bool, clicked) -> QToolButton:
        chip = QToolButton(self.facets, objectName="facetChip")
        chip.setText(text)  # kinds and years: our own labels and digits, never document text
        chip.setCheckable(True)
        chip.setChecked(on)
        chip.setAutoRaise(True)
        chip.setToolTip(self.tr("Click to show only these; click again to show all"))
        chip.clicked.connect(clicked)
        self._facet_flow.addWidget(chip)
        return chip

    def facet_chips(self) -> list[QToolButton]:
        return [self._facet_flow.itemAt(i).widget() for i in range(self._facet_flow.count())]

    def facet_kind(self, kind: str) -> None:
        """Filter by this 文种, or stop filtering by it when it is the filter already."""
        index = 0 if self.kind.currentData() == kind else max(0, self.kind.findData(kind))
        self.kind.setCurrentIndex(index)

    def facet_year(self, year: int) -> None:
        same = self.year_from.value() == self.year_to.value() == year
        self.year_from.setValue(0 if same else year)
        self.year_to.setValue(0 if same else year)

    # -- history ------------------------------------------------------------------------------
    @Slot()
    def show_history(self) -> QMenu:
        """The recent searches as a menu under the box; choosing one searches it again."""
        self.history_menu.clear()
        if not self.history:
            self.history_menu.addAction(self.tr("No recent searches")).setEnabled(False)
        for text in self.history:
            action = self.history_menu.addAction(text.replace("&", "&&"))  # a shortcut mark is text here
            action.triggered.connect(lambda _c=False, t=text: self.edit.setText(t))
        self.history_menu.popup(self.edit.mapToGlobal(self.edit.rect().bottomLeft()))
        return self.history_menu

    def _remember(self, text: str) -> None:
        if not text:
            return
        if text in self.history:
            self.history.remove(text)
        self.history.insert(0, text)
        del self.history[HISTORY:]
        self._history_model.setStringList(self.history)

    @Slot()
    def _enter(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self._open(item)

    @Slot(QListWidgetItem)
    def _open(self, item: QListWidgetItem) -> None:
        doc_id, offset = item.data(HIT_ROLE)
        self._remember(self.edit.text().strip())
        self.open_requested.emit(int(doc_id), int(offset), self.edit.text().strip())

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        """Up/Down in the search box move through the results; Enter opens one."""
        if (
            obj is self.edit
            and event.type() == QEvent.Type.KeyPress
            and (self.list.count() or event.modifiers() & Qt.KeyboardModifier.AltModifier)
        ):
            key = event.key()
            if key == Qt.Key.Key_Down and event.modifiers() & Qt.KeyboardModifier.AltModifier:
                self.show_history()
                return True
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up):
                row = self.list.currentRow() + (1 if key == Qt.Key.Key_Down else -1)
                self.list.setCurrentRow(max(0, min(self.list.count() - 1, row)))
                return True
        return super().eventFilter(obj, event)
