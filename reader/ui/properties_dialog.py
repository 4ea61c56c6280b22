"""The 属性 dialog: a document's metadata, corrected by the reader where the parser got it wrong.

Every value is checked by the core's rules as typed (``reader.corrections.clean_field``): a date
that is no date keeps the dialog open with the reason under the fields; a 发文字号 the parser
cannot read is accepted as typed and flagged. Only the fields that changed are handed back.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from reader.corrections import CorrectionError, clean_field
from reader.gazette.kinds import LABELS
from reader.library.records import DocumentRecord
from reader.models.labels import error_text, kind_name
from reader.ui.messages import plain_label


class PropertiesDialog(QDialog):
    def __init__(self, doc: DocumentRecord, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("propertiesDialog")
        self.setWindowTitle(self.tr("Document Properties"))
        self.doc = doc
        self.changes: dict[str, Any] = {}
        self.title_edit = QLineEdit(doc.title, self, objectName="titleEdit")
        self.number_edit = QLineEdit(doc.number or "", self, objectName="numberEdit")
        self.issuer_edit = QLineEdit(doc.issuer or "", self, objectName="issuerEdit")
        self.recipients_edit = QLineEdit(doc.recipients or "", self, objectName="recipientsEdit")
        self.date_edit = QLineEdit(doc.date or "", self, objectName="dateEdit")
        self.date_edit.setPlaceholderText("YYYY-MM-DD")
        self.kind_combo = QComboBox(self, objectName="kindCombo")
        for key in LABELS:
            self.kind_combo.addItem(kind_name(key), key)
        self.kind_combo.setCurrentIndex(max(0, self.kind_combo.findData(doc.kind or "other")))
        self.attachments_edit = QPlainTextEdit(self, objectName="attachmentsEdit")
        self.attachments_edit.setPlainText("\n".join(doc.attachments))
        self.attachments_edit.setPlaceholderText(self.tr("One attachment per line"))
        self.attachments_edit.setMaximumHeight(90)
        for edit in (self.title_edit, self.number_edit, self.issuer_edit, self.recipients_edit):
            edit.setMinimumWidth(420)
        form = QFormLayout()
        form.addRow(self.tr("Title"), self.title_edit)
        form.addRow(self.tr("Document number"), self.number_edit)
        form.addRow(self.tr("Issuer"), self.issuer_edit)
        form.addRow(self.tr("Addressees"), self.recipients_edit)
        form.addRow(self.tr("Date written"), self.date_edit)
        form.addRow(self.tr("Kind"), self.kind_combo)
        form.addRow(self.tr("Attachments"), self.attachments_edit)
        self.problem = plain_label(self)
        self.problem.setObjectName("propertiesProblem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b3261e")
        self.flag = plain_label(self)
        self.flag.setObjectName("numberFlag")
        self.flag.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(self.flag)
        lay.addWidget(self.problem)
        lay.addWidget(self.buttons)
        self.number_edit.textChanged.connect(self._flag_number)
        self._flag_number(self.number_edit.text())

    def values(self) -> dict[str, Any]:
        """What the fields hold now, as the core takes them."""
        return {
            "title": self.title_edit.text(),
            "number": self.number_edit.text(),
            "issuer": self.issuer_edit.text(),
            "recipients": self.recipients_edit.text(),
            "date": self.date_edit.text(),
            "kind": self.kind_combo.currentData(),
            "attachments": self.attachments_edit.toPlainText().splitlines(),
        }

    def _flag_number(self, text: str) -> None:
        """Said while typing, before anything is saved (the core's warning says 已按输入保存)."""
        try:
            _, warning = clean_field("number", text)
            if warning:
                warning = self.tr("“%1” cannot be read as a document number: it will be kept as typed.")
                warning = warning.replace("%1", text.strip())
        except CorrectionError as exc:
            warning = error_text(exc)
        self.flag.setText(warning or "")
        self.flag.setVisible(bool(warning))

    def accept(self) -> None:
        """Check every field; stay open and say why if one is refused."""
        current = {
            "title": self.doc.title,
            "number": self.doc.number,
            "issuer": self.doc.issuer,
            "recipients": self.doc.recipients,
            "date": self.doc.date,
            "kind": self.doc.kind or "other",
            "attachments": list(self.doc.attachments),
        }
        changes: dict[str, Any] = {}
        for name, value in self.values().items():
            try:
                cleaned, _ = clean_field(name, value)
            except CorrectionError as exc:
                self.problem.setText(error_text(exc))
                self.problem.show()
                return
            if cleaned != current[name]:
                changes[name] = cleaned
        self.changes = changes
        super().accept()
