"""Small widget helpers shared by several panels."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import QComboBox


def swatch(hex_colour: str) -> QIcon:
    """A small square of a highlight colour, for menus and lists."""
    pix = QPixmap(14, 14)
    pix.fill(QColor(hex_colour))
    return QIcon(pix)


def fill_combo(
    combo: QComboBox, all_label: str, values: Iterable[object], show: Callable[[object], str] = str
) -> None:
    """Refill a filter combo ("all" first), keeping the current choice when it still exists."""
    current = combo.currentData()
    combo.blockSignals(True)
    combo.clear()
    combo.addItem(all_label, None)
    for value in values:
        combo.addItem(show(value), value)
    combo.setCurrentIndex(max(0, combo.findData(current)) if current is not None else 0)
    combo.blockSignals(False)
