"""Dialogs at least as wide as their title: a window manager cuts a title longer than its window
(导入进度 and the English titles were cut to "Some files were n…").

Qt sizes a dialog by its contents only. One application-wide event filter widens every dialog
as it is shown, Qt's own included (message boxes, file and colour dialogs), to fit its title plus
the room a title bar takes for its icon and buttons.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QApplication, QDialog, QGridLayout, QMessageBox, QSpacerItem

TITLE_BAR_ROOM = 160  # icon, close/maximise buttons and padding of common title bars, in pixels


def title_width(dialog: QDialog) -> int:
    """How wide ``dialog`` must be for its whole title to show."""
    metrics = QFontMetrics(QApplication.font("QMdiSubWindowTitleBar"))
    title = dialog.windowTitle().replace("[*]", "")
    shown = (
        f"{title} — {QApplication.applicationDisplayName()}"
        if QApplication.applicationDisplayName()
        else title
    )
    return metrics.horizontalAdvance(shown) + TITLE_BAR_ROOM


class TitleFitter(QObject):
    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and isinstance(obj, QDialog) and obj.isWindow():
            fit(obj)
        return False


def fit(dialog: QDialog) -> None:
    """Widen ``dialog`` to its title (before it is shown: this runs ahead of its own showEvent)."""
    need = title_width(dialog)
    screen = dialog.screen().availableGeometry().width() if dialog.screen() else need
    need = min(need, int(screen * 0.9))
    if isinstance(dialog, QMessageBox):
        # a message box fixes its own size from its layout as it shows: widen the layout
        grid = dialog.layout()
        if isinstance(grid, QGridLayout) and dialog.property("titleFit") != need:
            dialog.setProperty("titleFit", need)
            m = grid.contentsMargins()
            width = need - m.left() - m.right()
            grid.addItem(QSpacerItem(width, 0), grid.rowCount(), 0, 1, grid.columnCount())
        return
    if dialog.width() < need:
        dialog.setMinimumWidth(max(dialog.minimumWidth(), need))
        dialog.resize(need, dialog.height())


def install_title_fitter(app: QApplication) -> TitleFitter:
    fitter = TitleFitter(app)
    app.installEventFilter(fitter)
    return fitter
