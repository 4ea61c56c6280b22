"""Guard against a Qt binding that over-releases None (PySide6 6.12.0 on Python 3.11).

A long reading session calls void Qt methods millions of times; a binding that drops a reference
to ``None`` on each call aborts the interpreter. See docs/adr/0004-pyside6-pin.md.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QRect, QSignalBlocker
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QAbstractScrollArea, QSpinBox


def test_void_calls_keep_none_alive(qapp) -> None:
    img = QImage(64, 64, QImage.Format.Format_RGB888)
    area = QAbstractScrollArea()
    area.verticalScrollBar().setRange(0, 100)
    spin = QSpinBox()

    def calls() -> None:
        p = QPainter(img)
        p.fillRect(QRect(0, 0, 8, 8), QColor("white"))
        p.setPen(QColor("black"))
        p.end()
        area.verticalScrollBar().setValue(5)
        with QSignalBlocker(spin):
            pass

    calls()
    before = sys.getrefcount(None)
    for _ in range(300):
        calls()
    assert sys.getrefcount(None) - before > -50, "the Qt binding leaks references to None"
