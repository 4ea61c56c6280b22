"""Make CJK render on any machine: load the bundled Droid Sans Fallback into Qt.

Registering it as an application font and appending it to the default font's family list makes
Qt fall back to it where the platform has no CJK font (:mod:`reader.fontfile` provides the file).
"""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from reader.fontfile import cjk_font_file

_loaded: str | None = None


def load_cjk_font() -> str | None:
    """Register the bundled CJK font once; return its family name (None if unavailable)."""
    global _loaded
    if _loaded is not None:
        return _loaded
    path = cjk_font_file()
    if path is None:  # no font could be had: Qt's own fallbacks are all there is
        return None
    font_id = QFontDatabase.addApplicationFont(str(path))
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
