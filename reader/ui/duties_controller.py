"""Opens the 人事 and 待办 views and does what they ask: reads, marks done, exports.

Reading the lists is a query (the GUI thread may ask it); reading documents still queued for
their records, marking a task done and writing an export run on the window's runner, each with
a library of its own. When the indexing process has read what changed (it catches up the
records and tasks before the search index), open views are read again.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QFileDialog

from reader.errors import ReaderError
from reader.library import Library
from reader.models.labels import error_text
from reader.ui.duties_views import PersonnelView, TasksView

if TYPE_CHECKING:
    from reader.ui.main_window import MainWindow

MY_UNIT = "my_unit"  # the user's own unit, remembered for the 待办 filter (settings.extra)


class DutiesController(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.personnel_view: PersonnelView | None = None
        self.tasks_view: TasksView | None = None
        self.today: date | None = None  # None: the real today (tests hold a date still)
        self._catching_up = False
        window.search.indexed.connect(self.refresh)

    # -- opening ------------------------------------------------------------------------------
    def open_personnel(self) -> PersonnelView:
        if self.personnel_view is None:
            view = self.personnel_view = PersonnelView(self.window)
            view.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            view.destroyed.connect(lambda *_: setattr(self, "personnel_view", None))
            view.open_requested.connect(self.window.annotating.open_at)
            view.refresh_requested.connect(self.refresh_personnel)
            view.export_requested.connect(self.export_personnel)
        self.refresh_personnel()
        self._catch_up()
        self.personnel_view.show()
        self.personnel_view.raise_()
        return self.personnel_view

    def open_tasks(self) -> TasksView:
        if self.tasks_view is None:
            view = self.tasks_view = TasksView(str(self.window.settings.extra.get(MY_UNIT, "")), self.window)
            view.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            view.destroyed.connect(lambda *_: setattr(self, "tasks_view", None))
            view.open_requested.connect(self.window.annotating.open_at)
            view.refresh_requested.connect(self.refresh_tasks)
            view.toggle_requested.connect(self.set_done)
            view.export_requested.connect(self.export_tasks)
            view.unit_changed.connect(self._remember_unit)
        self.refresh_tasks()
        self._catch_up()
        self.tasks_view.show()
        self.tasks_view.raise_()
        return self.tasks_view

    # -- reading ------------------------------------------------------------------------------
    def _pending(self) -> int:
        from reader.extracts.store import pending

        return pending(self.window.library.db.conn)

    def refresh(self) -> None:
        self.refresh_personnel()
        self.refresh_tasks()

    def refresh_personnel(self) -> None:
        view = self.personnel_view
        if view is None:
            return
        try:
            view.show_records(self.window.library.extracts.personnel(**view.filters()), self._pending())
        except ReaderError as exc:
            view.count.setText(error_text(exc))

    def refresh_tasks(self) -> None:
        view = self.tasks_view
        if view is None:
            return
        ex = self.window.library.extracts
        try:
            view.show_tasks(ex.tasks(**view.filters()), self._pending(), len(ex.unplaced()), self.today)
        except ReaderError as exc:
            view.count.setText(error_text(exc))

    def _catch_up(self):
        """Documents still queued are read in the background, then the views again."""
        if self._catching_up or self.window.library.readonly or not self._pending():
            return None
        folder = self.window.library.folder
        self._catching_up = True

        def work(_task):
            from reader.extracts.store import catch_up

            with Library(folder) as lib:
                return catch_up(lib.db)

        def finished(*_a) -> None:
            self._catching_up = False
            self.refresh()

        return self.window.runner.write(
            "read records and tasks",
            work,
            done=finished,
            failed=lambda m: (finished(), self.window.show_error(m)),
        )

    # -- acting -------------------------------------------------------------------------------
    def set_done(self, task_id: str, done: bool):
        """The mark is written on the write lane, its own transaction; the views follow."""
        if self.window.library.readonly:
            self.window.show_error(self.tr("The library is read-only: tasks cannot be marked."))
            self.refresh_tasks()
            return None
        folder = self.window.library.folder

        def work(_task):
            with Library(folder) as lib:
                return lib.extracts.set_done(task_id, done)

        return self.window.runner.write(
            "mark task", work, done=lambda _r: self.refresh_tasks(), failed=self.window.show_error
        )

    def _remember_unit(self, unit: str) -> None:
        self.window.settings.extra[MY_UNIT] = unit
        self.window.settings.save()

    def _save_path(self, title: str, name: str, filters: str) -> Path | None:
        chosen, _ = QFileDialog.getSaveFileName(self.window, title, str(Path.home() / name), filters)
        return Path(chosen) if chosen else None

    def export_tasks(self, fmt: str, path: Path | None = None):
        view = self.tasks_view
        filters = view.filters() if view is not None else {}
        if path is None:
            if fmt == "ics":
                path = self._save_path(
                    self.tr("Export to-do as calendar"), "公报待办.ics", self.tr("Calendar (*.ics)")
                )
            else:
                path = self._save_path(
                    self.tr("Export to-do as table"), "公报待办.csv", self.tr("CSV table (*.csv)")
                )
        if path is None:
            return None
        folder = self.window.library.folder

        def work(_task):
            from reader.export.tasks import tasks_csv, tasks_ics

            with Library(folder, readonly=True) as lib:
                tasks = lib.extracts.tasks(**filters)
            if fmt == "ics":
                return tasks_ics(tasks, path)
            return tasks_csv(tasks, path), 0

        def done(result) -> None:
            written, skipped = result
            text = self.tr("Exported %1 task(s) to %2").replace("%1", str(written)).replace("%2", str(path))
            if skipped:
                text += " " + self.tr("(%1 done or without a date left out)").replace("%1", str(skipped))
            self.window.statusBar().showMessage(text, 8000)
            self.window.last_notice = text

        return self.window.runner.read("export tasks", work, done=done, failed=self.window.show_error)

    def export_personnel(self, path: Path | None = None):
        view = self.personnel_view
        filters = view.filters() if view is not None else {}
        path = path or self._save_path(
            self.tr("Export appointments and removals"), "人事任免.csv", self.tr("CSV table (*.csv)")
        )
        if path is None:
            return None
        folder = self.window.library.folder

        def work(_task):
            from reader.export.tasks import personnel_csv

            with Library(folder, readonly=True) as lib:
                return personnel_csv(lib.extracts.personnel(**filters), path)

        def done(written: int) -> None:
            text = self.tr("Exported %1 record(s) to %2").replace("%1", str(written)).replace("%2", str(path))
            self.window.statusBar().showMessage(text, 8000)
            self.window.last_notice = text

        return self.window.runner.read("export personnel", work, done=done, failed=self.window.show_error)
