"""Give a windowed Windows build a console for the CLI and ``--selftest``.

The Windows bundle is built without a console (no black window behind the app), so there
``sys.stdout`` is None and a command run from ``cmd`` or PowerShell would print nothing. When a
command (not the GUI) runs that way, attach to the console of the shell that started it.
"""

from __future__ import annotations

import sys


def attach_parent_console() -> None:
    if sys.platform != "win32" or sys.stdout is not None:
        return
    import ctypes

    if not ctypes.windll.kernel32.AttachConsole(-1):  # ATTACH_PARENT_PROCESS; fails from Explorer
        return
    sys.stdout = open("CONOUT$", "w", encoding="utf-8", errors="replace")  # noqa: SIM115
    sys.stderr = open("CONOUT$", "w", encoding="utf-8", errors="replace")  # noqa: SIM115
