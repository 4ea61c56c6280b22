"""The main window: the library's documents, a reading pane, and importing."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt, Signal, Slot
from PySide6.QtGui import QAction, QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMessageBox,
    QProgressDialog,
    QSplitter,
    QTableView,
    QTextBrowser,
    QWidget,
)

from reader.errors import ReaderError
from reader.gazette.kinds import label as kind_label
from reader.library import Library
from reader.library.records import DocumentRecord, ImportOutcome
from reader.models.documents import DocumentTableModel
from reader.models.tasks import ImportTask
from reader.resources import sample_issue
from reader.ui.render import document_html


class MainWindow(QMainWindow):
    """Lists documents; shows the selected one; imports files in the background."""

    import_finished = Signal(list)  # list[ImportOutcome], after the library view refreshed

    def __init__(self, library: Library, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.library = library
        self._task: ImportTask | None = None
        self._progress: QProgressDialog | None = None
        self.setWindowTitle(self.tr("Gongbao Reader"))
        self.setAcceptDrops(True)
        self.resize(1200, 780)

        self.model = DocumentTableModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("documents")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in range(1, self.model.columnCount()):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.table.activated.connect(self._current_changed)

        self.reader = QTextBrowser(self)
        self.reader.setObjectName("reader")
        self.reader.setOpenLinks(False)
        self.reader.setPlaceholderText(self.tr("Select a document to read it."))

        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.table)
        splitter.addWidget(self.reader)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        self.setCentralWidget(splitter)

        self.status = QLabel(self)
        self.statusBar().addPermanentWidget(self.status)
        self._build_menus()
        self.refresh()

    # -- construction -------------------------------------------------------------------------
    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.act_import_files = QAction(self.tr("Import &Files…"), self)
        self.act_import_files.setShortcut(QKeySequence.StandardKey.Open)
        self.act_import_files.triggered.connect(self.import_files_dialog)
        self.act_import_folder = QAction(self.tr("Import F&older…"), self)
        self.act_import_folder.setShortcut(QKeySequence("Ctrl+Shift+O"))
        self.act_import_folder.triggered.connect(self.import_folder_dialog)
        self.act_import_sample = QAction(self.tr("Import the &Sample Issue"), self)
        self.act_import_sample.triggered.connect(self.import_sample)
        self.act_import_sample.setEnabled(sample_issue() is not None)
        self.act_quit = QAction(self.tr("&Quit"), self)
        self.act_quit.setShortcut(QKeySequence.StandardKey.Quit)
        self.act_quit.triggered.connect(self.close)
        for act in (self.act_import_files, self.act_import_folder, self.act_import_sample):
            file_menu.addAction(act)
            act.setEnabled(act.isEnabled() and not self.library.readonly)
        file_menu.addSeparator()
        file_menu.addAction(self.act_quit)

    # -- library view -------------------------------------------------------------------------
    def refresh(self) -> None:
        """Reload the document list from the library, keeping the current document selected."""
        current = self.current_document_id()
        try:
            docs = self.library.documents()
        except ReaderError as exc:
            self._show_error(str(exc))
            docs = []
        self.model.set_documents(docs)
        counts = self.library.counts()
        text = self.tr("%n document(s)", "", counts["documents"])
        if self.library.readonly:
            text += " · " + self.tr("read-only library")
        self.status.setText(text)
        if current is not None:
            self.select_document(current)

    def current_document_id(self) -> int | None:
        idx = self.table.currentIndex()
        return self.model.document_id(idx.row()) if idx.isValid() else None

    def select_document(self, doc_id: int) -> bool:
        row = self.model.row_of(doc_id)
        if row is None:
            return False
        self.table.selectRow(row)
        self.table.setCurrentIndex(self.model.index(row, 0))
        return True

    @Slot(QModelIndex)
    def _current_changed(self, index: QModelIndex, _previous: QModelIndex | None = None) -> None:
        doc_id = self.model.document_id(index.row()) if index.isValid() else None
        if doc_id is None:
            self.reader.clear()
            return
        try:
            doc = self.library.document(doc_id)
        except ReaderError as exc:
            self._show_error(str(exc))
            return
        self.show_document(doc)

    def show_document(self, doc: DocumentRecord) -> None:
        char_px = self.reader.fontMetrics().horizontalAdvance("国")
        self.reader.setHtml(document_html(doc, kind_label(doc.kind), char_px))
        self.setWindowTitle(f"{doc.title} — {self.tr('Gongbao Reader')}")

    # -- importing ----------------------------------------------------------------------------
    def offer_sample(self) -> None:
        """On an empty library, offer to import the bundled sample issue."""
        sample = sample_issue()
        if sample is None or self.library.readonly or self.library.counts()["documents"]:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Welcome"),
            self.tr(
                "Your library is empty.\n\nImport the sample gazette issue to try the reader? "
                "You can import your own files any time from the File menu or by dropping them here."
            ),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.import_sample()

    @Slot()
    def import_sample(self) -> None:
        sample = sample_issue()
        if sample is not None:
            self.start_import([str(sample)])

    @Slot()
    def import_files_dialog(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Import Gazette Files"), "", self.tr("Gazettes (*.txt *.md *.pdf);;All files (*)")
        )
        if files:
            self.start_import(files)

    @Slot()
    def import_folder_dialog(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Import a Folder of Gazettes"))
        if folder:
            self.start_import([folder])

    def start_import(self, paths: list[str]) -> bool:
        """Import in the background with a cancellable progress dialog; False if one is running."""
        if self._task is not None or self.library.readonly:
            return False
        self._task = ImportTask(self.library.folder, paths, self)
        self._progress = QProgressDialog(self.tr("Importing…"), self.tr("Cancel"), 0, 0, self)
        self._progress.setWindowTitle(self.tr("Import"))
        self._progress.setWindowModality(Qt.WindowModality.WindowModal)
        self._progress.setMinimumDuration(300)
        self._progress.canceled.connect(self._task.cancel)
        self._task.progress.connect(self._on_progress)
        self._task.done.connect(self._on_import_done)
        self._task.start()
        return True

    def import_running(self) -> bool:
        return self._task is not None

    @Slot(int, int, str)
    def _on_progress(self, done: int, total: int, current: str) -> None:
        if self._progress is None:
            return
        self._progress.setMaximum(max(total, 1))
        self._progress.setValue(min(done, total))
        if current:
            self._progress.setLabelText(self.tr("Importing %1").replace("%1", Path(current).name))

    @Slot(list, str)
    def _on_import_done(self, outcomes: list[ImportOutcome], error: str) -> None:
        if self._progress is not None:
            self._progress.reset()
            self._progress.deleteLater()
            self._progress = None
        task, self._task = self._task, None
        if task is not None:
            task.deleteLater()
        self.refresh()
        imported = [o for o in outcomes if o.status == "imported"]
        if imported and imported[-1].issue_id is not None and self.current_document_id() is None:
            first = self.library.documents(issue_id=imported[-1].issue_id)
            if first:
                self.select_document(first[0].id)
        if error:
            self._show_error(error)
        else:
            self._report(outcomes)
        self.import_finished.emit(outcomes)

    def _report(self, outcomes: list[ImportOutcome]) -> None:
        imported = sum(o.status == "imported" for o in outcomes)
        present = sum(o.status == "present" for o in outcomes)
        failed = [o for o in outcomes if o.status == "failed"]
        summary = self.tr("Imported %1, already present %2, failed %3.")
        summary = (
            summary.replace("%1", str(imported)).replace("%2", str(present)).replace("%3", str(len(failed)))
        )
        self.statusBar().showMessage(summary, 10000)
        if failed:
            details = "\n".join(f"{Path(o.path).name}: {o.reason}" for o in failed[:30])
            box = QMessageBox(
                QMessageBox.Icon.Warning, self.tr("Some files were not imported"), summary, parent=self
            )
            box.setDetailedText(details)
            box.setInformativeText("\n".join(f"{Path(o.path).name}: {o.reason}" for o in failed[:5]))
            box.open()

    def _show_error(self, message: str) -> None:
        QMessageBox.warning(self, self.tr("Gongbao Reader"), message)

    # -- drag and drop ------------------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() and not self.library.readonly:
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            self.start_import(paths)
            event.acceptProposedAction()

    def closeEvent(self, event) -> None:
        if self._task is not None:
            self._task.cancel()
            self._task.wait()
        super().closeEvent(event)
