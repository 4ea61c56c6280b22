"""Choose what to export (scope, filters), the format and where to: the export dialog.

The dialog only describes the export (:meth:`ExportDialog.request`); the main window runs it
in the background, so a large export never freezes the window.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from reader.errors import ReaderError
from reader.export import FORMATS, Scope
from reader.models.labels import error_text
from reader.palette import Colour
from reader.ui.messages import plain_label
from reader.ui.widgets import fill_combo, swatch

SUFFIX = {"docx": ".docx", "md": ".md", "html": ".html", "pdf": ".pdf", "csv": ".csv", "json": ".json"}


@dataclass(slots=True)
class ExportRequest:
    scope: Scope
    format: str
    path: Path


class ExportDialog(QDialog):
    """Scope: the open document, the selected documents, a tag, the search results, everything."""

    def __init__(
        self,
        *,
        current: tuple[int, str] | None,
        selected: list[int],
        results: list[int] | None,
        query: str,
        tags: list[str],
        colours: list[Colour],
        folder: Path,
        count: Callable[[Scope], tuple[int, int]] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """``count(scope)`` says how many highlights and document notes the scope holds, shown
        before the export runs (nothing in scope: nothing to export)."""
        super().__init__(parent)
        self.setObjectName("exportDialog")
        self.setWindowTitle(self.tr("Export notes"))
        self._current, self._selected, self._results, self._query = current, selected, results, query
        self._folder = folder
        lay = QVBoxLayout(self)
        form = QFormLayout()
        lay.addLayout(form)

        self.group = QButtonGroup(self)
        scopes = QVBoxLayout()
        self.scope_buttons: dict[str, QRadioButton] = {}
        title = current[1] if current else ""
        short = title if len(title) <= 24 else title[:23] + "…"
        for key, label, enabled in (
            ("current", self.tr("The open document") + (f"：{short}" if short else ""), current is not None),
            (
                "selected",
                self.tr("The selected documents (%1)").replace("%1", str(len(selected))),
                bool(selected),
            ),
            ("tag", self.tr("Documents and highlights with the tag"), bool(tags)),
            (
                "results",
                self.tr("The current search results (%1)").replace("%1", str(len(results or []))),
                bool(results),
            ),
            ("all", self.tr("The whole library"), True),
        ):
            button = QRadioButton(label, self)
            button.setEnabled(enabled)
            self.group.addButton(button)
            self.scope_buttons[key] = button
            if key == "tag":
                row = QHBoxLayout()
                row.addWidget(button)
                self.scope_tag = QComboBox(self)
                self.scope_tag.addItems(tags)
                self.scope_tag.setEnabled(bool(tags))
                row.addWidget(self.scope_tag, 1)
                scopes.addLayout(row)
            else:
                scopes.addWidget(button)
        first = next(
            k for k in ("current", "selected", "results", "all") if self.scope_buttons[k].isEnabled()
        )
        self.scope_buttons[first].setChecked(True)
        form.addRow(self.tr("Export"), scopes)

        self.colour = QComboBox(self, objectName="exportColour")
        fill_combo(self.colour, self.tr("All colours"), [c.key for c in colours])
        for i, c in enumerate(colours, start=1):
            self.colour.setItemText(i, c.meaning)
            self.colour.setItemIcon(i, swatch(c.hex))
        form.addRow(self.tr("Colour"), self.colour)
        self.tag = QComboBox(self, objectName="exportTag")
        fill_combo(self.tag, self.tr("All tags"), tags)
        form.addRow(self.tr("Highlight tag"), self.tag)
        dates = QHBoxLayout()
        self.use_dates = QCheckBox(self.tr("Only highlights made from"), self)
        self.date_from = QDateEdit(QDate.currentDate().addMonths(-1), self)
        self.date_to = QDateEdit(QDate.currentDate(), self)
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        dates.addWidget(self.use_dates)
        dates.addWidget(self.date_from)
        dates.addWidget(self.date_to)
        form.addRow(self.tr("Dates"), dates)

        self.format = QComboBox(self, objectName="exportFormat")
        for key, label in FORMATS.items():
            self.format.addItem(label, key)
        self.format.currentIndexChanged.connect(self._format_changed)
        form.addRow(self.tr("Format"), self.format)
        where = QHBoxLayout()
        self.path = QLineEdit(str(folder / "批注摘录.docx"), self)
        browse = QPushButton(self.tr("Browse…"), self)
        browse.clicked.connect(self._browse)
        where.addWidget(self.path, 1)
        where.addWidget(browse)
        form.addRow(self.tr("Save to"), where)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Export"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.summary = plain_label(self)
        self.summary.setObjectName("exportSummary")
        lay.addWidget(self.summary)
        lay.addWidget(self.buttons)
        self._count = count
        for button in self.scope_buttons.values():
            button.toggled.connect(self.update_summary)
        for combo in (self.scope_tag, self.colour, self.tag):
            combo.currentIndexChanged.connect(self.update_summary)
        self.use_dates.toggled.connect(self.update_summary)
        self.date_from.dateChanged.connect(self.update_summary)
        self.date_to.dateChanged.connect(self.update_summary)
        self.update_summary()
        self.resize(560, self.sizeHint().height())

    def update_summary(self) -> None:
        """Say what the export will hold; Export is enabled only when it holds something."""
        if self._count is None:
            return
        try:
            highlights, notes = self._count(self.request().scope)
        except ReaderError as exc:
            self.summary.setText(error_text(exc))
            return
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(highlights or notes))
        if highlights or notes:
            text = self.tr("%n highlight(s)", "", highlights)
            if notes:
                text += self.tr(", ") + self.tr("%n document note(s)", "", notes)
            self.summary.setText(self.tr("To export: %1").replace("%1", text))
        else:
            self.summary.setText(self.tr("Nothing to export in this scope: no highlights or notes."))

    def _format_changed(self) -> None:
        path = Path(self.path.text() or str(self._folder / "批注摘录"))
        self.path.setText(str(path.with_suffix(SUFFIX[self.format.currentData()])))

    def _browse(self) -> None:
        fmt = self.format.currentData()
        chosen, _ = QFileDialog.getSaveFileName(self, self.tr("Export notes"), self.path.text(), FORMATS[fmt])
        if chosen:
            self.path.setText(str(Path(chosen).with_suffix(SUFFIX[fmt])))

    def choose(self, scope: str, fmt: str | None = None) -> None:
        """Select a scope (and format) as a user would; used by tests and menu shortcuts."""
        self.scope_buttons[scope].setChecked(True)
        if fmt is not None:
            self.format.setCurrentIndex(self.format.findData(fmt))

    def request(self) -> ExportRequest:
        checked = next(k for k, b in self.scope_buttons.items() if b.isChecked())
        scope = Scope()
        if checked == "current" and self._current:
            scope.doc_ids = [self._current[0]]
        elif checked == "selected":
            scope.doc_ids = list(self._selected)
        elif checked == "tag":
            scope.tag = self.scope_tag.currentText()
        elif checked == "results":
            scope.doc_ids = list(self._results or [])
            scope.query = None  # resolved already: the hits the user is looking at
        else:
            scope.everything = True
        scope.color = self.colour.currentData()
        scope.highlight_tag = self.tag.currentData()
        if self.use_dates.isChecked():
            scope.date_from = self.date_from.date().toString("yyyy-MM-dd")
            scope.date_to = self.date_to.date().toString("yyyy-MM-dd")
        fmt = self.format.currentData()
        path = Path(self.path.text().strip()).expanduser()
        if path.suffix.lower() != SUFFIX[fmt]:
            path = path.with_name(path.name + SUFFIX[fmt])
        return ExportRequest(scope, fmt, path)
