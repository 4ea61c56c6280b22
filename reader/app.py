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
    """Check the library before opening it; offer the newest sound backup if it is damaged, or,
    without one, a fresh library with the damaged file kept aside.

    Returns False only when the user declines and the library cannot be opened."""
    from reader.library.backup import backups, check_at_start, check_file, restore, set_aside
    from reader.ui.messages import ask, inform

    health = check_at_start(folder)
    if health.ok:
        return True
    good = [b for b in backups(folder) if check_file(b.path) is None]
    if not good:  # still a way to start: the damaged file kept aside, a new empty library
        if not ask(
            None,
            "公报阅读器",
            f"资料库已损坏，且没有可用的备份：\n{folder}\n\n（{health.problem}）\n\n"
            "把损坏的文件移到一旁（不会删除），以一个新的空资料库启动吗？\n"
            "导入过的原文件仍在资料库的 files 文件夹中，可以重新导入。",
        ):
            return False
        aside = set_aside(folder)
        inform(None, "公报阅读器", f"已新建空资料库。损坏的文件保存在：\n{aside}")
        return True
    if not ask(
        None,
        "公报阅读器",
        f"资料库已损坏（{health.problem}）。\n\n从最新的完好备份恢复吗？\n{good[0].label}\n\n"
        "损坏的文件会保留在资料库文件夹中，不会删除。",
    ):
        return False
    aside = restore(folder, good[0].path)
    inform(None, "公报阅读器", f"已从备份恢复。损坏的文件保存在：\n{aside}")
    return True


def _daily_backup(window) -> None:
    """The day's backup, if none was made today (the window runs it in the background)."""
    from reader.library.backup import daily_due

    if daily_due(window.library.folder):
        window.backups.start("daily")


def _report_uncaught(kind, exc, tb) -> None:
    """A bug in a slot (Qt would print it and carry on): logged with its traceback, and the
    reader told that something went wrong inside the program and where the log is."""
    from PySide6.QtWidgets import QApplication, QMessageBox

    from reader.logfile import internal_error
    from reader.ui.messages import message_box

    if not isinstance(exc, Exception):
        sys.__excepthook__(kind, exc, tb)
        return
    message = internal_error(exc.with_traceback(tb), "操作")
    sys.stderr.write(message + "\n")
    app = QApplication.instance()
    box = message_box(QApplication.activeWindow(), QMessageBox.Icon.Warning, "公报阅读器", message)
    if app is not None:
        app._internal_error_box = box  # type: ignore[attr-defined]  # a box without a parent needs an owner
    box.open()


def main(argv: Sequence[str] | None = None) -> int:
    from reader.logfile import ensure_log

    ensure_log()
    previous, sys.excepthook = sys.excepthook, _report_uncaught
    try:
        return _main(parse_args(sys.argv[1:] if argv is None else argv))
    finally:
        sys.excepthook = previous


NO_DISPLAY = (
    "没有找到图形显示（未设置 DISPLAY 或 WAYLAND_DISPLAY），无法打开窗口。\n"
    "命令行功能无需显示即可使用，例如：python -m reader --help、python -m reader list\n"
    "（远程登录时可用 ssh -X，或在 xvfb-run 下运行。）"
)


def display_missing(env: dict[str, str] | None = None, platform: str | None = None) -> bool:
    """On Linux and the BSDs, is there no display for a window? (Qt would abort with exit 134
    and a message about xcb plugins; the user should hear that there is no display, in Chinese.)"""
    env = dict(os.environ) if env is None else env
    platform = sys.platform if platform is None else platform
    if not platform.startswith(("linux", "freebsd", "openbsd")):
        return False
    if env.get("QT_QPA_PLATFORM"):  # offscreen, vnc, wayland…: chosen on purpose
        return False
    return not (env.get("DISPLAY") or env.get("WAYLAND_DISPLAY"))


def _main(args: argparse.Namespace) -> int:
    from PySide6.QtWidgets import QApplication

    if QApplication.instance() is None and display_missing():
        sys.stderr.write(f"gongbao: {NO_DISPLAY}\n")
        return 1

    from reader.models.labels import app_name
    from reader.ui.fonts import install_app_font
    from reader.ui.i18n import choose_language, install_translators
    from reader.ui.title_fit import install_title_fitter

    app = QApplication.instance() or QApplication([sys.argv[0]])
    app.setApplicationName("GongbaoReader")
    app.setApplicationVersion(__version__)
    conf = Settings.load()
    language = choose_language(conf.language, args.lang)
    app._translators = install_translators(app, language)  # type: ignore[attr-defined]
    app.setApplicationDisplayName(app_name())  # Qt adds it to every window title: in their language
    install_app_font(app)
    install_title_fitter(app)

    choice = library_dir(args.library, conf.library or None)
    folder = choice.path
    lock = LibraryLock(folder)
    readonly = False
    if not lock.acquire():  # another app (or a writing command) has this library
        from reader.ui.single_instance import notify_running

        if notify_running(folder, {"link": args.link}):
            return 0  # the running window came forward (and opened the link)
        readonly = not lock.acquire(wait=3.0)  # a crashed app's last processes may be exiting
    try:
        link, notice = args.link, ""
        while True:
            if not readonly and not _healthy_or_restored(folder):
                return 1
            code, chosen = _session(app, conf, choice, readonly, link, not args.no_welcome, notice)
            if chosen is None:
                return code
            link, notice = None, ""
            if chosen == RESTART:  # a new language: the window opens again in it
                for old in app._translators:  # type: ignore[attr-defined]
                    app.removeTranslator(old)
                app._translators = install_translators(app, choose_language(conf.language, None))  # type: ignore[attr-defined]
                app.setApplicationDisplayName(app_name())
                continue
            notice = _restore_chosen(folder, chosen)  # then the library opens again, restored
    finally:
        lock.release()


RESTART = "restart"  # what a session returns when the window asked to open again (a new language)


def _restore_chosen(folder: Path, backup: Path) -> str:
    """Restore the backup the user chose in the window that just closed; what to tell them."""
    from reader.library.backup import restore

    try:
        aside = restore(folder, backup, kept_as="replaced")
    except ReaderError as exc:
        return f"未能恢复：{exc}"
    except OSError as exc:  # a file held open by another program (antivirus), a full disk
        return f"未能恢复：{exc.strerror or exc}（资料库保持原样）"
    return f"已从备份恢复（{backup.name}）。原来的资料库保存在：{aside}"


def _session(app, conf: Settings, choice, readonly: bool, link: str | None, welcome: bool, notice: str):
    """Open the library in a main window until it closes: (exit code, backup chosen to restore).

    ``link`` is a gongbao:// link to open, ``welcome`` offers the sample to an empty library,
    ``notice`` is said first (the result of a restore)."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QMessageBox

    from reader.ui.main_window import MainWindow
    from reader.ui.messages import message_box
    from reader.ui.url_scheme import register

    folder = choice.path
    if not readonly:
        mark_open(folder)  # removed on a clean exit: its presence next time means "check fully"
    try:
        library = Library(folder, readonly=readonly)
    except ReaderError as exc:
        message_box(None, QMessageBox.Icon.Critical, "公报阅读器", f"{exc}\n\n{folder}").exec()
        return 1, None
    if not library.readonly:  # tombstones a crash left behind: no undo history refers to them now
        library.annotations.purge_deleted()
    window = MainWindow(library, conf)
    window.library_source = choice.source  # the settings dialog explains where the library is
    server = None
    if readonly:
        window.say_open_elsewhere()
    else:
        from reader.ui.single_instance import InstanceServer

        server = window.instance_server = InstanceServer(folder, window)  # later starts come here
        if not server.listening:  # a later start will not find this window: say so, once
            sys.stderr.write(f"gongbao: 无法监听程序间连接（{server.error}），再次启动将以只读方式打开\n")
            window.statusBar().showMessage(
                "无法建立程序间连接：再次启动本程序时，新窗口将以只读方式打开资料库。", 30000
            )
    if os.environ.get("GONGBAO_EXIT_AFTER_PAINT"):
        _exit_after_first_paint(window)  # diagnostics: bench/bench_reader.py measures cold start
    window.show()
    # (timers with the window as context die with it: nothing starts on a closed window)
    QTimer.singleShot(300, window, window.start_indexing)  # a stale index is rebuilt in the background
    QTimer.singleShot(1000, window, register)  # links in exported notes open this app (frozen app only)
    if notice:
        QTimer.singleShot(0, window, lambda: window.tell(notice))
    elif link:
        QTimer.singleShot(0, window, lambda: window.open_link(link))
    elif welcome and not library.counts()["documents"]:
        QTimer.singleShot(0, window, window.imports.offer_sample)
    else:
        QTimer.singleShot(0, window, window.reopen_last)
    if not library.readonly:
        QTimer.singleShot(2000, window, lambda: _daily_backup(window))
        QTimer.singleShot(2500, window, window.reparse.offer_once)  # issues split by an older parser
        QTimer.singleShot(3000, window, window.trashing.purge_old)  # 回收站 entries past 30 days
    code = app.exec()
    chosen = window.backups.restore_request or (RESTART if window.preferences.restart_requested else None)
    if server is not None:
        server.server.close()  # the next window (after a restore) listens under the same name
    window.deleteLater()
    library.close()
    if not library.readonly:
        mark_closed(folder)
    return code, chosen
