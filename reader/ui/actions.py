"""User actions declared as data: each bound to the callable it runs.

A menu item, its shortcut and a toolbar button are one ``QAction`` (toolbar buttons take it with
``setDefaultAction``), so whichever the reader uses, the same code runs with the same side
effects, and enabled state and tooltip are the same everywhere.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QWidget

Shortcut = str | QKeySequence.StandardKey | None


@dataclass(frozen=True, slots=True)
class ActionSpec:
    """One user action: where it is in the menus, what it says, what it runs."""

    name: str
    menu: str
    text: str
    shortcut: Shortcut
    run: Callable[[], object]
    button: str = ""  # its short text on a toolbar button ("+"), when it has one
    tip: str = ""
    checkable: bool = False


def make_actions(parent: QWidget, specs: list[ActionSpec], menus: dict[str, QMenu]) -> dict[str, QAction]:
    """The actions of ``specs``, added to their menus in order; by name."""
    actions: dict[str, QAction] = {}
    for spec in specs:
        act = QAction(spec.text, parent)
        act.setObjectName(spec.name)
        if spec.shortcut is not None:
            act.setShortcut(QKeySequence(spec.shortcut))
        if spec.button:
            act.setIconText(spec.button)
        if spec.tip:
            act.setToolTip(spec.tip)
        act.setCheckable(spec.checkable)
        act.triggered.connect(lambda _checked=False, run=spec.run: run())
        menus[spec.menu].addAction(act)
        actions[spec.name] = act
    return actions
