"""Backups from the window: the daily one and Back Up Now (SQLite's online backup, on the read
pool: work goes on meanwhile), the backups dialog, and a restore chosen there (the window closes;
the app restores with the library closed and opens it again)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt

from reader.library.backup import make_backup
from reader.models.runner import Task
from reader.ui.backup_dialog import BackupDialog

if TYPE_CHECKING:
    from reader.ui.main_window import MainWindow


class BackupController(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.task: Task | None = None  # the backup being written (daily or from the dialog)
        self.dialog: BackupDialog | None = None
        self.restore_request: Path | None = None  # a backup to restore once the window has closed

    def start(
        self,
        reason: str,
        done: Callable[[object], object] | None = None,
        failed: Callable[[str], object] | None = None,
    ) -> Task | None:
        """Back the library up in the background; None if one is already being written."""
        if self.task is not None and self.task.running():
            return None
        folder = self.window.library.folder
        status = self.window.statusBar()
        self.task = self.window.runner.read(
            "backup",
            lambda _task: make_backup(folder, reason),
            done=done,
            failed=failed or (lambda message: status.showMessage(message, 10000)),
            doing="备份",
        )
        return self.task

    def open_dialog(self) -> BackupDialog:
        w = self.window
        dialog = BackupDialog(w.library.folder, w.library.readonly, self.start, w)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.restore_chosen.connect(self.request_restore)
        dialog.destroyed.connect(lambda: setattr(self, "dialog", None))
        dialog.open()
        self.dialog = dialog
        return dialog

    def request_restore(self, backup: Path) -> None:
        """Close; the app restores ``backup`` with the library closed and opens it again."""
        self.restore_request = Path(backup)
        self.window.close()
