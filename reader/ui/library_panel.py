"""The library panel: filters (city, year, kind, issuer), grouping, and the document tree."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPoint, QSignalBlocker, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QHeaderView,
    QMenu,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from reader.errors import ReaderError
from reader.library import Library
from reader.models.labels import error_text, validity_name
from reader.models.labels import kind_name as kind_label
from reader.models.library_tree import DOC_ID_ROLE, ISSUE_ID_ROLE, LibraryTreeModel
from reader.ui.widgets import fill_combo


class LibraryPanel(QWidget):
    """Emits ``document_activated(id)`` when the reader picks a document."""

    document_activated = Signal(int)
    error = Signal(str)
    remove_requested = Signal()  # Delete, or 移到回收站 in the context menu

    def __init__(self, library: Library, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("libraryPanel")
        self.library = library
        self._statuses: dict[int, str] = {}
        self.city = QComboBox(self, objectName="cityFilter")
        self.year = QComboBox(self, objectName="yearFilter")
        self.kind = QComboBox(self, objectName="kindFilter")
        self.issuer = QComboBox(self, objectName="issuerFilter")
        self.issuer.setEditable(False)
        self.tag = QComboBox(self, objectName="tagFilter")
        self.validity = QComboBox(self, objectName="validityFilter")  # 时效, with its counts
        self.grouping = QComboBox(self, objectName="grouping")
        self.grouping.addItem(self.tr("By issue"), "issue")
        self.grouping.addItem(self.tr("By date, newest first"), "date")
        self.grouping.addItem(self.tr("By date, oldest first"), "date_asc")
        self.model = LibraryTreeModel(self)
        self.tree = QTreeView(self, objectName="libraryTree")
        self._selecting = False  # select() moves the current row: that is not the reader moving
        self._selection_connected = None
        self.tree.setModel(self.model)
        self.tree.setUniformRowHeights(True)
        self.tree.setMinimumWidth(300)
        # the start (关于印发…) and the end (…的通知) of a title tell documents apart: elide the middle
        self.tree.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.tree.setAlternatingRowColors(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)  # for export
        self.tree.activated.connect(self._activated)
        self.tree.clicked.connect(self._activated)
        # moving through the list with the keyboard opens what it lands on, once it rests there
        self._keyboard = QTimer(self, singleShot=True, interval=250)
        self._keyboard.timeout.connect(self._open_current)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(self._context_menu)
        delete = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.tree)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete.activated.connect(self.remove_requested.emit)
        grid = QGridLayout()
        grid.setContentsMargins(4, 4, 4, 4)
        grid.addWidget(self.city, 0, 0)
        grid.addWidget(self.year, 0, 1)
        grid.addWidget(self.kind, 1, 0)
        grid.addWidget(self.issuer, 1, 1)
        grid.addWidget(self.tag, 2, 0)
        grid.addWidget(self.validity, 2, 1)
        grid.addWidget(self.grouping, 3, 0, 1, 2)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addLayout(grid)
        lay.addWidget(self.tree, 1)
        for combo in (self.city, self.year, self.kind, self.issuer, self.tag, self.validity, self.grouping):
            combo.currentIndexChanged.connect(self.reload)
        self.refresh()

    def refresh(self) -> None:
        """Refill the filter choices from the library (keeping selections), then the tree."""
        try:
            facets = self.library.facets()
        except ReaderError as exc:
            self.error.emit(error_text(exc))
            return
        fill_combo(self.city, self.tr("All cities"), facets["city"])
        fill_combo(self.year, self.tr("All years"), facets["year"])
        fill_combo(self.kind, self.tr("All kinds"), facets["kind"], kind_label)
        fill_combo(self.issuer, self.tr("All issuers"), facets["issuer"])
        fill_combo(self.tag, self.tr("All tags"), facets["tag"], lambda t: f"#{t}")
        self.refresh_validity()
        self.reload()

    def refresh_validity(self) -> None:
        """The 时效 filter as a facet: each status with how many documents are in it today."""
        try:
            self._statuses = self.library.relations.statuses()
        except ReaderError as exc:
            self.error.emit(error_text(exc))
            return
        counts: dict[str, int] = {}
        for status in self._statuses.values():
            counts[status] = counts.get(status, 0) + 1
        in_force = counts.get("valid", 0) + counts.get("amended", 0)
        current = self.validity.currentData()
        with QSignalBlocker(self.validity):
            self.validity.clear()
            self.validity.addItem(self.tr("Any validity"), None)
            self.validity.addItem(self.tr("In force only (%1)").replace("%1", str(in_force)), "in_force")
            for status in ("repealed", "expired", "pending", "amended"):
                if counts.get(status):
                    self.validity.addItem(f"{validity_name(status)} ({counts[status]})", status)
            self.validity.setCurrentIndex(max(0, self.validity.findData(current)))

    def refresh_tags(self) -> None:
        """After an annotation edit only the tag filter can change: refill it, and rebuild the
        tree only if it is filtering (rebuilding 10,000 rows took half a second per edit)."""
        try:
            tags = self.library.facets()["tag"]
        except ReaderError as exc:
            self.error.emit(error_text(exc))
            return
        filtering = self.tag.currentData() is not None
        fill_combo(self.tag, self.tr("All tags"), tags, lambda t: f"#{t}")
        if filtering:
            self.reload()

    @Slot()
    def reload(self) -> None:
        mode = self.grouping.currentData() or "issue"
        try:
            docs = self.library.documents(
                city=self.city.currentData(),
                year=self.year.currentData(),
                kind=self.kind.currentData(),
                issuer=self.issuer.currentData(),
                tag=self.tag.currentData(),
                sort=mode if mode != "issue" else "issue",
            )
            wanted = self.validity.currentData()
            if wanted is not None:
                keep = ("valid", "amended") if wanted == "in_force" else (wanted,)
                docs = [d for d in docs if self._statuses.get(d.id, "unknown") in keep]
            if mode == "issue":
                self.model.by_issue(self.library.issues(), docs, self._statuses)
            else:
                self.model.by_date(docs, self._statuses)
        except ReaderError as exc:
            self.error.emit(error_text(exc))
            return
        self.tree.expandAll()
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)  # the reader may widen it
        header.resizeSection(
            1, max(96, self.tree.fontMetrics().horizontalAdvance("钦政办规〔2019〕14号") // 2)
        )
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.setColumnHidden(3, True)  # 文种 is in the tooltip and the filter
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.ResizeToContents)  # 时效
        for row in range(self.model.rowCount()):  # an issue's name runs over the columns
            if self.model.item(row).data(DOC_ID_ROLE) is None:
                self.tree.setFirstColumnSpanned(row, QModelIndex(), True)
        if self._selection_connected is not self.tree.selectionModel():
            self._selection_connected = self.tree.selectionModel()
            self.tree.selectionModel().currentChanged.connect(self._current_moved)

    def document_count(self) -> int:
        """Documents currently listed (after filters)."""
        n = 0
        for r in range(self.model.rowCount()):
            item = self.model.item(r)
            n += item.rowCount() if item.hasChildren() else (1 if item.data(DOC_ID_ROLE) is not None else 0)
        return n

    def document_ids(self) -> list[int]:
        out = []
        for r in range(self.model.rowCount()):
            item = self.model.item(r)
            if item.hasChildren():
                out.extend(item.child(k).data(DOC_ID_ROLE) for k in range(item.rowCount()))
            elif item.data(DOC_ID_ROLE) is not None:
                out.append(item.data(DOC_ID_ROLE))
        return out

    def selected_document_ids(self, expand_issues: bool = True) -> list[int]:
        """Documents selected in the tree (an issue row stands for all its documents, unless
        ``expand_issues`` is False)."""
        out: list[int] = []
        for index in self.tree.selectionModel().selectedRows(0):
            item = self.model.itemFromIndex(index)
            if item is None:
                continue
            if item.data(DOC_ID_ROLE) is not None:
                out.append(int(item.data(DOC_ID_ROLE)))
            elif expand_issues:
                out.extend(int(item.child(k).data(DOC_ID_ROLE)) for k in range(item.rowCount()))
        return list(dict.fromkeys(out))

    def selected_issue_ids(self) -> list[int]:
        """Issue rows selected in the tree (grouped by issue)."""
        out = []
        for index in self.tree.selectionModel().selectedRows(0):
            item = self.model.itemFromIndex(index)
            if item is not None and item.data(DOC_ID_ROLE) is None and item.data(ISSUE_ID_ROLE) is not None:
                out.append(int(item.data(ISSUE_ID_ROLE)))
        return out

    @Slot(QPoint)
    def _context_menu(self, pos: QPoint) -> None:
        index = self.tree.indexAt(pos)
        if not index.isValid():
            return
        if not self.tree.selectionModel().isSelected(index):
            self.tree.setCurrentIndex(index)
        menu = QMenu(self)
        act = menu.addAction(self.tr("Move to &Trash"), self.remove_requested.emit)
        act.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        act.setEnabled(not self.library.readonly)
        menu.exec(self.tree.viewport().mapToGlobal(pos))

    def select(self, doc_id: int) -> None:
        """Highlight ``doc_id`` in the tree without emitting activation."""
        matches = self.model.match(self.model.index(0, 0), DOC_ID_ROLE, doc_id, 1, self._match_flags())
        if matches:
            self._selecting = True
            try:
                self.tree.setCurrentIndex(matches[0])
            finally:
                self._selecting = False
            self.tree.scrollTo(matches[0])

    @staticmethod
    def _match_flags():
        from PySide6.QtCore import Qt

        return Qt.MatchFlag.MatchRecursive | Qt.MatchFlag.MatchExactly

    @Slot(QModelIndex, QModelIndex)
    def _current_moved(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid() and self.tree.hasFocus() and not self._selecting:
            self._keyboard.start()

    @Slot()
    def _open_current(self) -> None:
        index = self.tree.currentIndex()
        if index.isValid():
            self._activated(index)

    @Slot(QModelIndex)
    def _activated(self, index: QModelIndex) -> None:
        doc_id = index.data(DOC_ID_ROLE)
        if doc_id is None:
            doc_id = index.sibling(index.row(), 0).data(DOC_ID_ROLE)
        if doc_id is not None:
            self.document_activated.emit(int(doc_id))
