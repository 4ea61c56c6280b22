"""The window's docks declared as data: the next panel is one more entry."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QMainWindow, QWidget

LEFT = Qt.DockWidgetArea.LeftDockWidgetArea
RIGHT = Qt.DockWidgetArea.RightDockWidgetArea


@dataclass(frozen=True, slots=True)
class DockSpec:
    """A panel in a dock: its object name (saved window state refers to it), title and side.

    Docks on the same side are tabbed together, the first one in front."""

    name: str
    title: str
    widget: QWidget
    area: Qt.DockWidgetArea


def add_docks(window: QMainWindow, specs: list[DockSpec]) -> dict[str, QDockWidget]:
    docks: dict[str, QDockWidget] = {}
    first: dict[Qt.DockWidgetArea, QDockWidget] = {}
    for spec in specs:
        dock = QDockWidget(spec.title, window)
        dock.setObjectName(spec.name)
        dock.setWidget(spec.widget)
        dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetMovable | QDockWidget.DockWidgetFeature.DockWidgetClosable
        )
        window.addDockWidget(spec.area, dock)
        if spec.area in first:
            window.tabifyDockWidget(first[spec.area], dock)
        else:
            first[spec.area] = dock
        docks[spec.name] = dock
    for dock in first.values():
        dock.raise_()
    return docks


def show_dock(dock: QDockWidget) -> None:
    """Bring a dock forward (shown, its tab raised)."""
    dock.show()
    dock.raise_()
