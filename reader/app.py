"""Composition root of the desktop app: QApplication, language, fonts, library, main window."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from reader import __version__
from reader.errors import ReaderError
from reader.library import Library
from reader.library.lock import LibraryLock
from reader.locations import library_dir
from reader.settings import Settings


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="gongbao", description="公报阅读器 Gongbao Reader")
    p.add_argument("--library", metavar="DIR", help="资料库文件夹")
    p.add_argument("--lang", choices=["zh_CN", "en"], help="界面语言")
    p.add_argument("--no-welcome", action="store_true", help="空资料库时不提示导入示例")
    p.add_argument("--version", action="version", version=f"gongbao {__version__}")
    p.add_argument("link", nargs="?", help="打开一个 gongbao:// 链接（导出的批注中的链接）")
    args, _qt_args = p.parse_known_args(list(argv))
    return args


def _exit_after_first_paint(window) -> None:
    """Print the wall-clock time of the first paint of the window's central area, then quit."""
    import time

    from PySide6.QtCore import QEvent, QObject, QTimer

    class _Probe(QObject):
        def eventFilter(self, obj, event):
            if event.type() == QEvent.Type.Paint:
                print(f"FIRST_PAINT {time.time():.6f}", flush=True)
                print(f"WINDOW {window.windowTitle()}", flush=True)
                obj.removeEventFilter(self)
                QTimer.singleShot(0, window.close)
            return False

    probe = _Probe(window)
    window.pane.text_view.viewport().installEventFilter(probe)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    from PySide6.QtWidgets import QApplication, QMessageBox

    from reader.ui.fonts import install_app_font
    from reader.ui.i18n import choose_language, install_translators
    from reader.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication([sys.argv[0]])
    app.setApplicationName("GongbaoReader")
    app.setApplicationDisplayName("公报阅读器")
    app.setApplicationVersion(__version__)
    conf = Settings.load()
    language = choose_language(conf.language, args.lang)
    app._translators = install_translators(app, language)  # type: ignore[attr-defined]
    install_app_font(app)

    choice = library_dir(args.library, conf.library or None)
    folder = choice.path
    lock = LibraryLock(folder)
    readonly = False
    if not lock.acquire():  # another app (or a writing command) has this library
        from reader.ui.single_instance import notify_running

        if notify_running(folder, {"link": args.link}):
            return 0  # the running window came forward (and opened the link)
        readonly = True
    try:
        library = Library(folder, readonly=readonly)
    except ReaderError as exc:
        QMessageBox.critical(None, "公报阅读器", f"{exc}\n\n{folder}")
        return 1
    if not library.readonly:  # tombstones a crash left behind: no undo history refers to them now
        library.annotations.purge_deleted()
    window = MainWindow(library, conf)
    window.library_source = choice.source  # the settings dialog explains where the library is
    if readonly:
        window.say_open_elsewhere()
    else:
        from reader.ui.single_instance import InstanceServer

        window.instance_server = InstanceServer(folder, window)  # later starts come here
    if os.environ.get("GONGBAO_EXIT_AFTER_PAINT"):
        _exit_after_first_paint(window)  # diagnostics: bench/bench_reader.py measures cold start
    window.show()
    from PySide6.QtCore import QTimer as _Timer

    _Timer.singleShot(300, window.start_indexing)  # a missing or stale index is rebuilt in the background
    from reader.ui.url_scheme import register

    _Timer.singleShot(1000, register)  # links in exported notes open this app (frozen app only)
    if args.link:
        _Timer.singleShot(0, lambda: window.open_link(args.link))
    elif not args.no_welcome:
        _Timer.singleShot(0, window.offer_sample)
    code = app.exec()
    library.close()
    lock.release()
    return code
