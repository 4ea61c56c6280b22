"""Composition root of the desktop app: QApplication, language, fonts, library, main window."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from reader import __version__
from reader.errors import ReaderError
from reader.library import Library
from reader.library.backup import mark_closed, mark_open
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


def _healthy_or_restored(folder: Path) -> bool:
    """Check the library before opening it; offer the newest sound backup if it is damaged.

    Returns False only when the user declines and the library cannot be opened."""
    from PySide6.QtWidgets import QMessageBox

    from reader.library.backup import backups, check_at_start, check_file, restore

    health = check_at_start(folder)
    if health.ok:
        return True
    good = [b for b in backups(folder) if check_file(b.path) is None]
    if not good:
        QMessageBox.critical(
            None,
            "公报阅读器",
            f"资料库已损坏，且没有可用的备份：\n{folder}\n\n（{health.problem}）",
        )
        return False
    answer = QMessageBox.question(
        None,
        "公报阅读器",
        f"资料库已损坏（{health.problem}）。\n\n从最新的完好备份恢复吗？\n{good[0].label}\n\n"
        "损坏的文件会保留在资料库文件夹中，不会删除。",
    )
    if answer != QMessageBox.StandardButton.Yes:
        return False
    aside = restore(folder, good[0].path)
    QMessageBox.information(None, "公报阅读器", f"已从备份恢复。损坏的文件保存在：\n{aside}")
    return True


def _daily_backup(window, folder: Path) -> None:
    """The day's backup, in the background (the online backup API lets the app keep writing)."""
    from reader.library.backup import daily_due, make_backup
    from reader.models.jobs import Job

    if not daily_due(folder):
        return
    job = Job(lambda: make_backup(folder, "daily"), window)
    job.failed.connect(window.statusBar().showMessage)
    window._backup_job = job
    job.start()


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
        readonly = not lock.acquire(wait=3.0)  # a crashed app's last processes may be exiting
    if not readonly and not _healthy_or_restored(folder):
        return 1
    if not readonly:
        mark_open(folder)  # removed on a clean exit: its presence next time means "check fully"
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
    if not library.readonly:
        _Timer.singleShot(2000, lambda: _daily_backup(window, folder))
    code = app.exec()
    library.close()
    if not library.readonly:
        mark_closed(folder)
    lock.release()
    return code
