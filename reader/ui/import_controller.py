"""Importing from the window: the welcome offer, file and folder dialogs, drops, progress with
Cancel, the report, passwords for encrypted PDFs. The work runs on the runner's write lane with a
library connection of its own."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressDialog

from reader.importer import import_paths
from reader.library import Library
from reader.library.records import ImportOutcome, ImportStatus
from reader.models.labels import refusal
from reader.models.runner import Task
from reader.resources import sample_issue
from reader.ui.messages import ask_text, message_box

if TYPE_CHECKING:
    from reader.ui.main_window import MainWindow


class ImportController(QObject):
    finished = Signal(list)  # list[ImportOutcome], after the library view refreshed

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.task: Task | None = None
        self.progress: QProgressDialog | None = None
        self.welcome: QMessageBox | None = None

    def offer_sample(self) -> QMessageBox | None:
        """First run (an empty library): welcome, offering the bundled sample issue or a folder.

        Not modal to the application: the window behind it is already usable."""
        w = self.window
        if w.library.readonly or w.library.counts()["documents"]:
            return None
        box = message_box(w, QMessageBox.Icon.Information, self.tr("Welcome"), "")
        box.setObjectName("welcome")
        box.setText(
            self.tr(
                "Your library is empty.\n\nImport the sample gazette issue to try the reader, or a folder "
                "of your own gazettes? You can import files any time from the File menu or by dropping "
                "them here."
            )
        )
        sample = box.addButton(self.tr("Import the sample issue"), QMessageBox.ButtonRole.AcceptRole)
        sample.setEnabled(sample_issue() is not None)
        folder = box.addButton(self.tr("Import a folder…"), QMessageBox.ButtonRole.ActionRole)
        box.addButton(self.tr("Later"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(sample)

        def chosen(button) -> None:
            if button is sample:
                self.import_sample()
            elif button is folder:
                self.folder_dialog()

        box.buttonClicked.connect(chosen)
        box.open()
        self.welcome = box
        return box

    def import_sample(self) -> None:
        sample = sample_issue()
        if sample is not None:
            self.start([str(sample)])

    def files_dialog(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(
            self.window,
            self.tr("Import Gazette Files"),
            "",
            self.tr("Gazettes (*.txt *.md *.pdf *.ofd *.docx *.html *.htm *.mht);;All files (*)"),
        )
        if files:
            self.start(files)

    def folder_dialog(self) -> None:
        folder = QFileDialog.getExistingDirectory(self.window, self.tr("Import a Folder of Gazettes"))
        if folder:
            self.start([folder])

    def running(self) -> bool:
        return self.task is not None

    def start(self, paths: list[str], passwords: dict[str, str] | None = None) -> bool:
        """Import in the background with a cancellable progress dialog; False if one is running."""
        w = self.window
        if self.task is not None or w.library.readonly:
            return False
        folder = w.library.folder

        def work(task: Task) -> list[ImportOutcome]:
            with Library(folder) as lib:
                return import_paths(
                    lib, paths, passwords=passwords, progress=task.progress, cancelled=task.cancelled
                )

        self.progress = QProgressDialog(self.tr("Importing…"), self.tr("Cancel"), 0, 0, w)
        self.progress.setWindowTitle(self.tr("Import"))
        self.progress.setWindowModality(Qt.WindowModality.WindowModal)
        self.progress.setMinimumDuration(300)
        self.progress.setMinimumWidth(460)  # room for the title and a file's name
        self.task = w.runner.write(
            "import",
            work,
            done=self._done,
            failed=lambda message: self._done([], message),
            progress=self._progress,
            doing="导入",
        )
        self.progress.canceled.connect(self.task.cancel)
        return True

    def _progress(self, done: int, total: int, current: str) -> None:
        if self.progress is None:
            return
        if total <= 1:  # one file: how far MuPDF or the parser is inside it is not known
            self.progress.setRange(0, 0)
        else:
            self.progress.setRange(0, total)
            self.progress.setValue(min(done, total))
        if current:
            text = self.tr("Importing %1").replace("%1", Path(current).name)
            if total > 1:
                text += f"（{min(done + 1, total)} / {total}）"
            self.progress.setLabelText(text)

    def _done(self, outcomes: list[ImportOutcome], error: str = "") -> None:
        w = self.window
        if self.progress is not None:
            self.progress.reset()
            self.progress.deleteLater()
            self.progress = None
        self.task = None
        w.refresh()
        landed = [o for o in outcomes if o.status in (ImportStatus.IMPORTED, ImportStatus.UPDATED)]
        if landed and landed[-1].issue_id is not None:
            first = w.library.documents(issue_id=landed[-1].issue_id)
            if first and w.pane.doc is None:
                w.open_document(first[0].id)
            elif first:  # the new issue is shown in the library, the open document stays
                w.library_panel.select(first[0].id)
        locked = [o for o in outcomes if o.category == "encrypted"]
        if error:
            w.show_error(error)
        elif not locked:  # with passwords to ask, the report waits for the import they start
            self._report(outcomes)
        self.finished.emit(outcomes)
        if any(o.status in (ImportStatus.IMPORTED, ImportStatus.UPDATED) for o in outcomes):
            w.start_indexing()
        if locked:
            self._ask_passwords(locked)
        trashed = [o.in_trash for o in outcomes if o.status == ImportStatus.PRESENT and o.in_trash]
        if trashed:
            w.trashing.offer_restore(list(dict.fromkeys(trashed)))

    def _ask_passwords(self, locked: list[ImportOutcome]) -> None:
        """Ask for each encrypted PDF's password and import those given (never stored)."""
        passwords: dict[str, str] = {}
        for o in locked:
            wrong = "密码不正确" in (o.reason or "")
            prompt = (
                self.tr("The password for %1 is wrong. Enter it again:")
                if wrong
                else self.tr("%1 is encrypted. Enter its password to import it:")
            )
            pw, ok = ask_text(
                self.window,
                self.tr("Password required"),
                prompt.replace("%1", Path(o.path).name),
                password=True,
            )
            if ok and pw:
                passwords[o.path] = pw
        if passwords:
            self.start(list(passwords), passwords=passwords)

    def _report(self, outcomes: list[ImportOutcome]) -> None:
        imported = sum(o.status == ImportStatus.IMPORTED for o in outcomes)
        present = sum(o.status == ImportStatus.PRESENT for o in outcomes)
        failed = [o for o in outcomes if o.status == ImportStatus.FAILED and o.category != "encrypted"]
        summary = self.tr("Imported %1, already present %2, failed %3.")
        for k, n in enumerate((imported, present, len(failed)), start=1):
            summary = summary.replace(f"%{k}", str(n))
        self.window.statusBar().showMessage(summary, 10000)
        if failed:
            box = message_box(
                self.window,
                QMessageBox.Icon.Warning,
                self.tr("Some files were not imported"),
                summary,
                informative="\n".join(
                    f"{Path(o.path).name}: {refusal(o.category, o.reason)}" for o in failed[:5]
                ),
                detailed="\n".join(f"{o.path}: {refusal(o.category, o.reason)}" for o in failed),
            )
            box.open()
