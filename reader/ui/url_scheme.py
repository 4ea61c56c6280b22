"""Register ``gongbao://`` links with the desktop, so links in exported notes open the app.

Windows: per-user keys under ``HKEY_CURRENT_USER\\Software\\Classes\\gongbao`` (no admin rights
needed). Linux: a ``.desktop`` entry for ``x-scheme-handler/gongbao`` in the user's data folder.
Done at start by the frozen app only: from a source checkout the "executable" is whatever
Python happens to run, which is not worth registering.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
from pathlib import Path

SCHEME = "gongbao"


def register(executable: str | None = None) -> Path | str | None:
    """Register the scheme for ``executable`` (default: the frozen app); returns where."""
    exe = executable or (sys.executable if getattr(sys, "frozen", False) else None)
    if exe is None:
        return None
    if sys.platform == "win32":
        return _register_windows(exe)
    if sys.platform.startswith("linux"):
        return _register_linux(exe)
    return None


def _register_windows(exe: str) -> str:
    from PySide6.QtCore import QSettings

    key = rf"HKEY_CURRENT_USER\Software\Classes\{SCHEME}"
    reg = QSettings(key, QSettings.Format.NativeFormat)
    reg.setValue("Default", "URL:公报阅读器")
    reg.setValue("URL Protocol", "")
    reg.setValue("shell/open/command/Default", f'"{exe}" "%1"')
    reg.sync()
    return key


def _register_linux(exe: str) -> Path:
    data = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    apps = data / "applications"
    apps.mkdir(parents=True, exist_ok=True)
    entry = apps / "gongbao-reader.desktop"
    entry.write_text(
        "[Desktop Entry]\nType=Application\nName=公报阅读器\nName[en]=Gongbao Reader\n"
        f'Exec="{exe}" %u\nTerminal=false\nCategories=Office;Viewer;\n'
        f"MimeType=x-scheme-handler/{SCHEME};\n",
        encoding="utf-8",
    )
    # best effort: make it the handler; desktops without xdg-utils still read the entry
    with contextlib.suppress(OSError, subprocess.SubprocessError):
        subprocess.run(
            ["xdg-mime", "default", entry.name, f"x-scheme-handler/{SCHEME}"], timeout=5, capture_output=True
        )
    return entry
