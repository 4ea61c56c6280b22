"""Notes out and in: the export dialog and its export (in a child process: MuPDF writes the PDF),
and importing a notes file (checked whole first, then all or nothing, on the write lane)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox

from reader.export import scope_counts
from reader.library import Library
from reader.models.runner import Task
from reader.ui.export_dialog import ExportDialog, ExportRequest
from reader.ui.messages import message_box

if TYPE_CHECKING:
    from reader.ui.main_window import MainWindow


class ExportController(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.last_export = None  # the report of the last export that finished
        self.export_task: Task | None = None
        self.notes_task: Task | None = None
        self.offered: QMessageBox | None = None  # the "open it?" box after the last export

    def open_dialog(self) -> ExportDialog:
        w = self.window
        doc = w.pane.doc
        results = w.search_panel.last_results
        dialog = ExportDialog(
            current=(doc.id, doc.title) if doc else None,
            selected=w.library_panel.selected_document_ids(),
            results=[h.doc_id for h in results.hits] if results else None,
            query=results.query if results else "",
            tags=[t.name for t in w.library.annotations.tag_counts()],
            colours=w.colours(),
            folder=self.folder(),
            count=lambda scope: scope_counts(w.library, scope),
            parent=w,
        )
        dialog.accepted.connect(lambda: self._remember(dialog.request()))
        dialog.accepted.connect(lambda: self.start(dialog.request()))
        dialog.open()
        return dialog

    def folder(self) -> Path:
        """Where the last export went, else 文档 (Documents), else the home folder."""
        last = self.window.settings.extra.get("export_folder")
        if isinstance(last, str) and Path(last).is_dir():
            return Path(last)
        docs = Path.home() / "Documents"
        return docs if docs.is_dir() else Path.home()

    def _remember(self, request: ExportRequest) -> None:
        self.window.settings.extra["export_folder"] = str(request.path.parent)

    def start(self, request: ExportRequest) -> Task:
        """Export while the window stays usable; the window waits for it before closing."""
        from reader.export import export_folder
        from reader.workers import run_in_child

        folder, meanings = self.window.library.folder, dict(self.window.settings.palette)

        def work(_task: Task):
            return run_in_child(
                export_folder, folder, request.scope, request.format, request.path, meanings, name="export"
            )

        self.window.statusBar().showMessage(self.tr("Exporting…"))
        self.export_task = self.window.runner.read(
            "export", work, done=self._exported, failed=self.window.show_error, doing="导出"
        )
        return self.export_task

    def _exported(self, report) -> None:
        self.last_export = report
        text = self.tr("Exported %1 highlights to %2").replace("%1", str(report.highlights))
        self.window.statusBar().showMessage(text.replace("%2", str(report.path)), 10000)
        self.offer_open(Path(report.path))

    def offer_open(self, path: Path) -> QMessageBox:
        """Open the file just written, or its folder (not modal: the window stays usable)."""
        box = message_box(
            self.window,
            QMessageBox.Icon.Information,
            self.tr("Export notes"),
            self.tr("Exported to %1").replace("%1", str(path)),
        )
        box.setObjectName("exportDone")
        open_file = box.addButton(self.tr("Open"), QMessageBox.ButtonRole.AcceptRole)
        open_folder = box.addButton(self.tr("Open Folder"), QMessageBox.ButtonRole.ActionRole)
        box.addButton(QMessageBox.StandardButton.Close)

        def chosen(button) -> None:
            if button is open_file:
                QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
            elif button is open_folder:
                QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.parent)))

        box.buttonClicked.connect(chosen)
        box.setModal(False)
        box.show()
        self.offered = box
        return box

    def import_notes_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self.window, self.tr("Import notes"), "", "JSON (*.json)")
        if path:
            self.import_notes(Path(path))

    def import_notes(self, path: Path) -> Task:
        """Import a notes file in the background (checked whole first, then all or nothing)."""
        from reader.export.envelope import import_annotations

        folder = self.window.library.folder

        def work(_task: Task):
            with Library(folder) as lib:
                return import_annotations(lib, path)

        self.window.statusBar().showMessage(self.tr("Importing notes…"))
        self.notes_task = self.window.runner.write(
            "import notes", work, done=self._notes_imported, failed=self.window.show_error, doing="导入批注"
        )
        return self.notes_task

    def _notes_imported(self, report) -> None:
        w = self.window
        w.annotations.stack.clear()  # imported highlights are not undoable edits
        if w.pane.doc is not None:
            w.show_highlights(w.pane.doc.id)
        w.start_indexing()
        text = self.tr("Imported notes: %1 added, %2 restored, %3 already here")
        for k, n in enumerate((report.added, report.restored, report.unchanged), start=1):
            text = text.replace(f"%{k}", str(n))
        w.statusBar().showMessage(text, 10000)
        w.last_notice = text
