"""UI language: Simplified Chinese by default, English by setting, command line or locale."""

from __future__ import annotations

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from reader.resources import resource

LANGUAGES = {"zh_CN": "简体中文", "en": "English"}
DEFAULT_LANGUAGE = "zh_CN"


def choose_language(setting: str | None, cli: str | None = None) -> str:
    """The command line wins, then the saved setting, then an English system locale, else zh_CN."""
    for choice in (cli, setting):
        if choice in LANGUAGES:
            return choice
    if QLocale.system().language() == QLocale.Language.English:
        return "en"
    return DEFAULT_LANGUAGE


def install_translators(app: QApplication, language: str) -> list[QTranslator]:
    """Load our translation and Qt's own (dialog buttons) for ``language``; keep the references."""
    translators: list[QTranslator] = []
    if language == "en":  # the source strings are English; the catalogue holds their plurals
        plurals = QTranslator(app)
        if plurals.load(str(resource("translations", "gongbao_en.qm"))):
            app.installTranslator(plurals)
            translators.append(plurals)
        return translators
    ours = QTranslator(app)
    if ours.load(str(resource("translations", f"gongbao_{language}.qm"))):
        app.installTranslator(ours)
        translators.append(ours)
    qt = QTranslator(app)
    if qt.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        translators.append(qt)
    return translators
