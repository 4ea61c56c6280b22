"""The window's colours for a theme: dark is the whole window, not only the reading pane.

calibre and Zotero 7 darken docks, lists, menus and dialogs with the page; so does this. Dark
uses Qt's Fusion style (the one style that follows a palette everywhere, on Windows too) with a
dark palette; light and sepia give the platform its own style and palette back.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory

_DARK = {
    QPalette.ColorRole.Window: "#2b2b2b",
    QPalette.ColorRole.WindowText: "#e6e6e6",
    QPalette.ColorRole.Base: "#1f1f1f",
    QPalette.ColorRole.AlternateBase: "#262626",
    QPalette.ColorRole.ToolTipBase: "#353535",
    QPalette.ColorRole.ToolTipText: "#f0f0f0",
    QPalette.ColorRole.PlaceholderText: "#8c8c8c",
    QPalette.ColorRole.Text: "#e6e6e6",
    QPalette.ColorRole.Button: "#333333",
    QPalette.ColorRole.ButtonText: "#e6e6e6",
    QPalette.ColorRole.BrightText: "#ff6b6b",
    QPalette.ColorRole.Light: "#4a4a4a",
    QPalette.ColorRole.Midlight: "#3d3d3d",
    QPalette.ColorRole.Mid: "#2f2f2f",
    QPalette.ColorRole.Dark: "#1a1a1a",
    QPalette.ColorRole.Shadow: "#000000",
    QPalette.ColorRole.Highlight: "#3d6fb4",
    QPalette.ColorRole.HighlightedText: "#ffffff",
    QPalette.ColorRole.Link: "#7fb0ff",
    QPalette.ColorRole.LinkVisited: "#c59bff",
}

_native: dict[str, object] = {}


def apply_window_theme(app: QApplication, theme: str) -> None:
    """Colour the whole application for ``theme`` (what the platform gave comes back for light)."""
    if not _native:
        _native["style"] = app.style().name()
        _native["palette"] = QPalette(app.palette())
    if theme == "dark":
        app.setStyle(QStyleFactory.create("Fusion"))
        pal = QPalette()
        for role, hex_colour in _DARK.items():
            pal.setColor(role, QColor(hex_colour))
        for role in (QPalette.ColorRole.Text, QPalette.ColorRole.WindowText, QPalette.ColorRole.ButtonText):
            pal.setColor(QPalette.ColorGroup.Disabled, role, QColor("#7a7a7a"))
        app.setPalette(pal)
    else:
        if app.style().name() != _native["style"]:
            app.setStyle(QStyleFactory.create(str(_native["style"])))
        app.setPalette(_native["palette"])  # type: ignore[arg-type]
