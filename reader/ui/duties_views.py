"""The 人事 and 待办 views: what the documents ask of the reader, as tables one can act on.

Both are windows of their own beside the reading pane (a civil servant keeps the 待办 open while
reading). A row opens its document at the sentence it came from (double-click or Enter); the
lists are read from the library as they stand and again whenever the library changes.
"""

from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from reader.models.duties import (
    LATER,
    OVERDUE,
    SORT_ROLE,
    THIS_WEEK,
    UNDATED,
    PersonnelModel,
    TasksModel,
    bucket_name,
)
from reader.ui.messages import plain_label


def _table(parent: QWidget, model) -> tuple[QTableView, QSortFilterProxyModel]:
    proxy = QSortFilterProxyModel(parent)
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    view = QTableView(parent)
    view.setModel(proxy)
    view.setSortingEnabled(True)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setWordWrap(False)
    view.verticalHeader().hide()
    view.horizontalHeader().setStretchLastSection(True)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    return view, proxy


def _fit(view: QTableView, cap: int = 240) -> None:
    """Columns as wide as their contents, none wider than ``cap`` (long cells are elided; the
    whole sentence is the tooltip): every column stays on screen."""
    view.resizeColumnsToContents()
    header = view.horizontalHeader()
    for col in range(header.count()):
        if header.sectionSize(col) > cap:
            header.resizeSection(col, cap)


class PersonnelView(QDialog):
    """Who holds which post, by decision date; filters by name, post and organ; a person's
    history across the library. Emits ``open_requested(document_id, position)`` and
    ``export_requested()``."""

    open_requested = Signal(int, int)
    export_requested = Signal()
    refresh_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("personnelView")
        self.setWindowTitle(self.tr("Appointments and Removals"))
        self.resize(980, 560)
        self.name = QLineEdit(self, placeholderText=self.tr("Name"), objectName="personnelName")
        self.post = QLineEdit(self, placeholderText=self.tr("Post"), objectName="personnelPost")
        self.organ = QLineEdit(self, placeholderText=self.tr("Organ"), objectName="personnelOrgan")
        for field in (self.name, self.post, self.organ):
            field.setClearButtonEnabled(True)
        self.history = QPushButton(self.tr("This Person's History"), self, objectName="personHistory")
        self.export = QPushButton(self.tr("Export CSV…"), self, objectName="personnelExport")
        self.model = PersonnelModel(self)
        self.table, self.proxy = _table(self, self.model)
        self.count = plain_label(self)
        top = QHBoxLayout()
        for w in (self.name, self.post, self.organ, self.history, self.export):
            top.addWidget(w)
        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addWidget(self.table, 1)
        lay.addWidget(self.count)
        self._debounce = QTimer(self, singleShot=True, interval=200)
        self._debounce.timeout.connect(self.refresh_requested)
        for field in (self.name, self.post, self.organ):
            field.textChanged.connect(lambda _t: self._debounce.start())
        self.table.activated.connect(self._open)
        self.history.clicked.connect(self.show_history)
        self.export.clicked.connect(self.export_requested)
        self.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)

    def filters(self) -> dict[str, str | None]:
        return {
            k: (w.text().strip() or None)
            for k, w in (("name", self.name), ("post", self.post), ("organ", self.organ))
        }

    def show_records(self, records: list, pending: int = 0) -> None:
        self.model.set_records(records)
        _fit(self.table)
        text = self.tr("%n record(s)", "", len(records))
        if pending:
            text += " · " + self.tr("%n document(s) still being read", "", pending)
        self.count.setText(text)

    def current(self):
        idx = self.table.currentIndex()
        return self.model.records[self.proxy.mapToSource(idx).row()] if idx.isValid() else None

    def show_history(self) -> None:
        """Everything recorded of the selected person: filtered on the name, the post let go."""
        r = self.current()
        if r is None:
            return
        self.post.clear()
        self.organ.clear()
        self.name.setText(r.person)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)

    def _open(self, index) -> None:
        r = self.model.records[self.proxy.mapToSource(index).row()]
        self.open_requested.emit(r.document_id, r.position)

    def closeEvent(self, event) -> None:
        self._debounce.stop()
        super().closeEvent(event)


class TasksView(QDialog):
    """The 待办 across the library: overdue, this week, later, without a date, done; filtered
    by a unit (the user's own, remembered); mark done in the first column. Emits
    ``open_requested(document_id, position)``, ``toggle_requested(task_id, done)`` and
    ``export_requested(format)``."""

    open_requested = Signal(int, int)
    toggle_requested = Signal(str, bool)
    export_requested = Signal(str)
    refresh_requested = Signal()
    unit_changed = Signal(str)

    def __init__(self, unit: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tasksView")
        self.setWindowTitle(self.tr("To Do"))
        self.resize(1000, 580)
        self.unit = QLineEdit(
            unit, self, placeholderText=self.tr("Unit (e.g. your own)"), objectName="tasksUnit"
        )
        self.unit.setClearButtonEnabled(True)
        self.when = QComboBox(self, objectName="tasksWhen")
        self.when.addItem(self.tr("All dates"), None)
        for b in (OVERDUE, THIS_WEEK, LATER, UNDATED):
            self.when.addItem(bucket_name(b), b)
        self.show_done = QCheckBox(self.tr("Show done"), self, objectName="tasksShowDone")
        self.ics = QPushButton(self.tr("Export Calendar (.ics)…"), self, objectName="tasksIcs")
        self.csv = QPushButton(self.tr("Export CSV…"), self, objectName="tasksCsv")
        self.model = TasksModel(self)
        self.table, self.proxy = _table(self, self.model)
        self.count = plain_label(self)
        top = QHBoxLayout()
        for w in (self.unit, self.when, self.show_done, self.ics, self.csv):
            top.addWidget(w)
        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addWidget(self.table, 1)
        lay.addWidget(self.count)
        self._debounce = QTimer(self, singleShot=True, interval=250)
        self._debounce.timeout.connect(self._unit_settled)
        self.unit.textChanged.connect(lambda _t: self._debounce.start())
        self.when.currentIndexChanged.connect(self.refresh_requested)
        self.show_done.toggled.connect(self.refresh_requested)
        self.model.toggle_requested.connect(self.toggle_requested)
        self.table.activated.connect(self._open)
        self.ics.clicked.connect(lambda: self.export_requested.emit("ics"))
        self.csv.clicked.connect(lambda: self.export_requested.emit("csv"))

    def _unit_settled(self) -> None:
        self.unit_changed.emit(self.unit.text().strip())
        self.refresh_requested.emit()

    def filters(self) -> dict:
        return {
            "unit": self.unit.text().strip() or None,
            "state": None if self.show_done.isChecked() else "open",
        }

    def show_tasks(self, tasks: list, pending: int = 0, unplaced: int = 0, today=None) -> None:
        self.model.set_tasks(tasks, today, only=self.when.currentData())
        self.table.sortByColumn(2, Qt.SortOrder.AscendingOrder)
        _fit(self.table, 300)
        overdue = sum(1 for b in self.model.buckets if b[0] == OVERDUE)
        parts = [self.tr("%n task(s)", "", len(self.model.tasks)), self.tr("%n overdue", "", overdue)]
        if unplaced:
            parts.append(self.tr("%n done mark(s) whose task is no longer in the text (kept)", "", unplaced))
        if pending:
            parts.append(self.tr("%n document(s) still being read", "", pending))
        self.count.setText(" · ".join(parts))

    def _open(self, index) -> None:
        t = self.model.tasks[self.proxy.mapToSource(index).row()]
        self.open_requested.emit(t.document_id, t.position)

    def closeEvent(self, event) -> None:
        self._debounce.stop()
        super().closeEvent(event)
