"""A piece of work's progress in the status bar: what it is, a meter and Cancel, while the
window stays usable (re-splitting issues, recognising a scan)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import QHBoxLayout, QLabel, QMainWindow, QProgressBar, QPushButton, QWidget


@dataclass
class StatusProgress:
    bar: QWidget
    meter: QProgressBar
    cancel: QPushButton

    def remove(self, window: QMainWindow) -> None:
        window.statusBar().removeWidget(self.bar)
        self.bar.deleteLater()


def status_progress(window: QMainWindow, name: str, label: str, maximum: int, cancel: str) -> StatusProgress:
    """Put ``label``, a meter up to ``maximum`` and a ``cancel`` button in the status bar."""
    bar = QWidget(window, objectName=name)
    row = QHBoxLayout(bar)
    row.setContentsMargins(0, 0, 0, 0)
    row.addWidget(QLabel(label, bar))
    meter = QProgressBar(bar, maximum=maximum)
    meter.setMaximumWidth(160)
    row.addWidget(meter)
    button = QPushButton(cancel, bar)
    row.addWidget(button)
    window.statusBar().addWidget(bar)
    return StatusProgress(bar, meter, button)
