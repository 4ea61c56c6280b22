"""Backups and restore: the library's backups, newest first; back up now; go back to one.

Restoring cannot happen under an open window (its connections, its indexer, its undo history all
describe the current database), so choosing a backup asks the window to close; the app then
restores it, keeping the current database aside, and opens the library again
(:func:`reader.app.main`).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reader.library.backup import BACKUP_DIR, KEEP_DAYS, BackupInfo, backups
from reader.models.runner import Task
from reader.ui.messages import ask, plain_label


class BackupDialog(QDialog):
    restore_chosen = Signal(Path)  # a backup the user confirmed to restore

    def __init__(
        self,
        folder: Path,
        readonly: bool,
        start_backup: Callable[..., Task | None],
        parent: QWidget | None = None,
    ) -> None:
        """``start_backup(reason, done, failed)`` runs a backup in the background (the window owns
        it and waits for it before closing), or returns None if one is already being written."""
        super().__init__(parent)
        self._start_backup = start_backup
        self.setObjectName("backupDialog")
        self.setWindowTitle(self.tr("Backups"))
        self.resize(560, 420)
        self.folder = Path(folder)
        self.readonly = readonly
        self.job: Task | None = None
        self.found: list[BackupInfo] = []
        intro = QLabel(
            self.tr(
                "A backup of the library is made every day the app is used (the last %1 days are"
                " kept) and before every upgrade of its format. Highlights, notes and tags are all"
                " in it; imported files are kept separately and are not affected."
            ).replace("%1", str(KEEP_DAYS)),
            self,
        )
        intro.setWordWrap(True)
        self.table = QTableWidget(0, 3, self)
        self.table.setHorizontalHeaderLabels([self.tr("Made"), self.tr("Type"), self.tr("Size")])
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.status = plain_label(self)
        self.status.setWordWrap(True)
        self.backup_btn = QPushButton(self.tr("Back Up Now"), self)
        self.restore_btn = QPushButton(self.tr("Restore This Backup…"), self)
        self.folder_btn = QPushButton(self.tr("Open Backup Folder"), self)
        self.backup_btn.clicked.connect(self.back_up_now)
        self.restore_btn.clicked.connect(self.restore_selected)
        self.folder_btn.clicked.connect(
            lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.folder / BACKUP_DIR)))
        )
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        for b in (self.backup_btn, self.restore_btn, self.folder_btn):
            row.addWidget(b)
        row.addStretch(1)
        lay = QVBoxLayout(self)
        lay.addWidget(intro)
        lay.addWidget(self.table)
        lay.addWidget(self.status)
        lay.addLayout(row)
        lay.addWidget(buttons)
        self.refresh()

    def _kind(self, reason: str) -> str:
        names = {
            "daily": self.tr("Daily"),
            "manual": self.tr("Manual"),
            "pre-migration": self.tr("Before upgrade"),
        }
        return names.get(reason, reason)

    def refresh(self) -> None:
        self.found = backups(self.folder)
        self.table.setRowCount(len(self.found))
        for r, b in enumerate(self.found):
            size = b.path.stat().st_size if b.path.exists() else 0
            cells = (f"{b.when:%Y-%m-%d %H:%M:%S}", self._kind(b.reason), f"{size / 1024 / 1024:.1f} MB")
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if c == 2:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(r, c, item)
        if self.found and self.table.currentRow() < 0:
            self.table.selectRow(0)
        if not self.found:
            self.status.setText(self.tr("No backups yet."))
        self._update_buttons()

    def _update_buttons(self) -> None:
        busy = self.job is not None and self.job.running()
        self.backup_btn.setEnabled(not self.readonly and not busy)
        self.restore_btn.setEnabled(not self.readonly and not busy and self.selected() is not None)

    def selected(self) -> BackupInfo | None:
        row = self.table.currentRow()
        return self.found[row] if 0 <= row < len(self.found) else None

    def back_up_now(self) -> None:
        """A manual backup, in the background (the online backup API lets the app keep writing)."""
        self.job = self._start_backup("manual", self._backed_up, self._backup_failed)
        if self.job is None:  # the day's backup is being written right now: that one will do
            self.status.setText(self.tr("A backup is being made; try again in a moment."))
            return
        self.status.setText(self.tr("Backing up…"))
        self._update_buttons()

    def _backed_up(self, made: BackupInfo) -> None:
        self.job = None
        self.refresh()
        self.status.setText(self.tr("Backed up: %1").replace("%1", str(made.path)))

    def _backup_failed(self, message: str) -> None:
        self.job = None
        self.status.setText(self.tr("The backup failed: %1").replace("%1", message))
        self._update_buttons()

    def restore_selected(self) -> None:
        chosen = self.selected()
        if chosen is None:
            return
        text = (
            self.tr(
                "Go back to the library as it was at %1?\n\nHighlights, notes and tags made since"
                " then will not be in it. The current library is kept in the library folder"
                " (replaced-…), not deleted. The window closes and opens again."
            ).replace("%1", f"{chosen.when:%Y-%m-%d %H:%M:%S}"),
        )
        if not ask(self, self.tr("Restore a backup"), text):
            return
        self.restore_chosen.emit(chosen.path)
        self.accept()
