"""Notes out and in: the export dialog and its export (in a child process: MuPDF writes the PDF),
and importing a notes file (checked whole first, then all or nothing, on the write lane)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog

from reader.library import Library
from reader.models.runner import Task
from reader.ui.export_dialog import ExportDialog, ExportRequest

if TYPE_CHECKING:
    from reader.ui.main_window import MainWindow


class ExportController(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.last_export = None  # the report of the last export that finished
        self.export_task: Task | None = None
        self.notes_task: Task | None = None

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
            folder=Path.home(),
            parent=w,
        )
        dialog.accepted.connect(lambda: self.start(dialog.request()))
        dialog.open()
        return dialog

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
