"""Make CJK render on any machine: load PyMuPDF's bundled Droid Sans Fallback into Qt.

A bare Windows image, a CI container or the offscreen platform may have no CJK font at all and
would draw empty boxes. PyMuPDF ships ``china-s`` (Droid Sans Fallback); registering it as an
application font and appending it to the default font's family list makes Qt fall back to it.
"""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

_loaded: str | None = None


def load_cjk_font() -> str | None:
    """Register the bundled CJK font once; return its family name (None if unavailable)."""
    global _loaded
    if _loaded is not None:
        return _loaded
    try:
        import pymupdf

        data = pymupdf.Font("china-s").buffer
    except Exception:  # pymupdf without its CJK font: Qt's own fallbacks are all we have
        return None
    font_id = QFontDatabase.addApplicationFontFromData(bytes(data))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    _loaded = families[0] if families else None
    return _loaded


def install_app_font(app: QApplication, point_size: float | None = None) -> QFont:
    """Give the application font the CJK family as a fallback after the platform's default."""
    family = load_cjk_font()
    font = app.font()
    families = list(font.families()) or [font.family()]
    if family and family not in families:
        families.append(family)
    font.setFamilies(families)
    if point_size:
        font.setPointSizeF(point_size)
    app.setFont(font)
    return font
