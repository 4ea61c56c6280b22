"""Table models of the 人事 and 待办 views: records and tasks as rows, sortable by column.

Cells are plain text (a document's words never become markup); the 待办 model sorts its tasks
into buckets (overdue, this week, later, no date, done) by their next due date against a day
given, so a test can hold the date still.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor

from reader.extracts.schedule import next_due
from reader.extracts.store import PersonRecord, TaskRecord

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
_OVERDUE_RED = QColor("#c0392b")  # readable on the light, sepia and dark themes' bases
_Index = QModelIndex | QPersistentModelIndex

OVERDUE, THIS_WEEK, LATER, UNDATED, DONE = range(5)


def bucket_name(b: int) -> str:
    return [
        QCoreApplication.translate("duties", "Overdue"),
        QCoreApplication.translate("duties", "This week"),
        QCoreApplication.translate("duties", "Later on"),
        QCoreApplication.translate("duties", "No date"),
        QCoreApplication.translate("duties", "Done"),
    ][b]


def bucket_of(t: TaskRecord, today: date) -> tuple[int, date | None]:
    """Which bucket a task is in today, and the date it is due next."""
    due = next_due(t.due, t.recurrence, today)
    if t.done:
        return DONE, due
    if due is None:
        return UNDATED, None
    if due < today:
        return OVERDUE, due
    if due <= today + timedelta(days=6 - today.weekday()):  # up to this Sunday
        return THIS_WEEK, due
    return LATER, due


class _Rows(QAbstractTableModel):
    """A table of ``COLUMNS`` over the list ``rows()`` gives, with ``headers()`` for names."""

    COLUMNS: tuple[str, ...] = ()

    def rows(self) -> list:
        raise NotImplementedError

    def headers(self) -> list[str]:
        raise NotImplementedError

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self.rows())

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section]
        return None


class PersonnelModel(_Rows):
    COLUMNS = ("decided", "person", "action", "post", "organ", "conditions", "number")

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.records: list[PersonRecord] = []

    def rows(self) -> list:
        return self.records

    def headers(self) -> list[str]:
        return [
            QCoreApplication.translate("duties", "Decided"),
            QCoreApplication.translate("duties", "Name"),
            QCoreApplication.translate("duties", "Appointed or removed"),
            QCoreApplication.translate("duties", "Post"),
            QCoreApplication.translate("duties", "Organ"),
            QCoreApplication.translate("duties", "Conditions"),
            QCoreApplication.translate("duties", "Document"),
        ]

    def set_records(self, records: list[PersonRecord]) -> None:
        self.beginResetModel()
        self.records = list(records)
        self.endResetModel()

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        r = self.records[index.row()]
        col = self.COLUMNS[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, SORT_ROLE):
            if col == "person":
                return r.person + (f"（{r.sex}）" if r.sex and role == Qt.ItemDataRole.DisplayRole else "")
            if col == "number":
                return r.number or r.title
            value = getattr(r, col)
            return value or (
                ""
                if role == SORT_ROLE or col != "decided"
                else QCoreApplication.translate("duties", "unknown")
            )
        if role == Qt.ItemDataRole.ToolTipRole:
            return r.sentence
        return None


class TasksModel(_Rows):
    """Checking a row's box asks for the mark (``toggle_requested(task_id, done)``): the library
    writes it, and the rows are read again."""

    COLUMNS = ("done", "due", "bucket", "action", "responsible", "document")
    toggle_requested = Signal(str, bool)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.tasks: list[TaskRecord] = []
        self.buckets: list[tuple[int, date | None]] = []
        self.today = date.today()

    def rows(self) -> list:
        return self.tasks

    def headers(self) -> list[str]:
        return [
            QCoreApplication.translate("duties", "Done"),
            QCoreApplication.translate("duties", "Due"),
            QCoreApplication.translate("duties", "When"),
            QCoreApplication.translate("duties", "Task"),
            QCoreApplication.translate("duties", "Responsible"),
            QCoreApplication.translate("duties", "Document"),
        ]

    def set_tasks(self, tasks: list[TaskRecord], today: date | None = None, only: int | None = None) -> None:
        """The tasks in bucket order (``only``: those of one bucket)."""
        self.beginResetModel()
        self.today = today or date.today()
        pairs = [(bucket_of(t, self.today), t) for t in tasks]
        if only is not None:
            pairs = [p for p in pairs if p[0][0] == only]
        pairs.sort(key=lambda p: (p[0][0], p[0][1] or date.max))
        self.tasks = [t for _b, t in pairs]
        self.buckets = [b for b, _t in pairs]
        self.endResetModel()

    def flags(self, index: _Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if index.isValid() and self.COLUMNS[index.column()] == "done":
            return base | Qt.ItemFlag.ItemIsUserCheckable
        return base

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or not index.isValid():
            return False
        checked = Qt.CheckState(value) == Qt.CheckState.Checked if not isinstance(value, bool) else value
        self.toggle_requested.emit(self.tasks[index.row()].id, checked)
        return False

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        t = self.tasks[index.row()]
        bucket, due = self.buckets[index.row()]
        col = self.COLUMNS[index.column()]
        if col == "done":
            if role == Qt.ItemDataRole.CheckStateRole:
                return Qt.CheckState.Checked if t.done else Qt.CheckState.Unchecked
            if role == SORT_ROLE:
                return int(t.done)
            return None
        if role == SORT_ROLE:
            if col == "due":
                return (due or date.max).isoformat()
            if col == "bucket":
                return bucket
        if role in (Qt.ItemDataRole.DisplayRole, SORT_ROLE):
            if col == "due":
                shown = due.isoformat() if due else ""
                return f"{shown}  {t.due_text}".strip() if t.due_kind in ("recurring", "relative") else shown
            if col == "bucket":
                return bucket_name(bucket)
            if col == "action":
                return t.action
            if col == "responsible":
                return t.responsible or ""
            if col == "document":
                return t.number or t.title
        if role == Qt.ItemDataRole.ToolTipRole:
            return t.sentence
        if role == Qt.ItemDataRole.ForegroundRole and bucket == OVERDUE and col in ("due", "bucket"):
            return _OVERDUE_RED
        return None
