"""Where the library, settings and caches live, and why.

Precedence for the library: ``--library`` on the command line, then a ``portable`` marker file
next to the executable (everything then lives in ``GongbaoData`` beside it: a USB stick carries
the app and its data together), then the folder chosen in the settings dialog, then the per-user
data folder (platformdirs: ``%LOCALAPPDATA%\\GongbaoReader\\library`` on Windows). Settings and
caches follow the same portable rule. ``GONGBAO_CONFIG_DIR`` / ``GONGBAO_CACHE_DIR`` /
``GONGBAO_APP_DIR`` override for tests and unusual installs.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP_NAME = "GongbaoReader"
PORTABLE_MARKERS = ("portable", "portable.txt")
PORTABLE_DATA = "GongbaoData"
WINDOWS_PATH_LIMIT = 240  # MAX_PATH is 260; leave room for the files inside the folder


def app_dir() -> Path | None:
    """The folder of the executable (the frozen app); None when run from source."""
    env = os.environ.get("GONGBAO_APP_DIR")
    if env:
        return Path(env)
    if getattr(sys, "frozen", False):
        return Path(sys.executable).resolve().parent
    return None


def portable_root() -> Path | None:
    """``<app>/GongbaoData`` when a ``portable`` marker sits next to the executable."""
    base = app_dir()
    if base is None or not any((base / m).is_file() for m in PORTABLE_MARKERS):
        return None
    return base / PORTABLE_DATA


@dataclass(frozen=True, slots=True)
class LibraryChoice:
    path: Path
    source: str  # "--library" | "portable" | "settings" | "default"


def library_dir(cli: str | None = None, chosen: str | None = None) -> LibraryChoice:
    if cli:
        return LibraryChoice(long_path(Path(cli).expanduser()), "--library")
    portable = portable_root()
    if portable is not None:
        return LibraryChoice(long_path(portable / "library"), "portable")
    if chosen:
        return LibraryChoice(long_path(Path(chosen).expanduser()), "settings")
    return LibraryChoice(long_path(default_library_dir()), "default")


def default_library_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / "library"


def _user_dir(env: str, portable_name: str, per_user) -> Path:
    """The environment override, else beside the app in portable mode, else the per-user one."""
    if os.environ.get(env):
        return Path(os.environ[env])
    portable = portable_root()
    if portable is not None:
        return portable / portable_name
    return Path(per_user(APP_NAME, appauthor=False))


def config_dir() -> Path:
    return _user_dir("GONGBAO_CONFIG_DIR", "config", platformdirs.user_config_dir)


def cache_dir() -> Path:
    return _user_dir("GONGBAO_CACHE_DIR", "cache", platformdirs.user_cache_dir)


def long_path(path: Path) -> Path:
    """On Windows, a folder whose path is near MAX_PATH gets the ``\\\\?\\`` prefix, which lifts
    the limit for every file opened below it (SQLite, whoosh and Python pass it through)."""
    if sys.platform != "win32":
        return path
    return Path(extended_windows_path(os.path.abspath(path)))


def extended_windows_path(text: str) -> str:
    """For long paths: ``C:\\…`` → ``\\\\?\\C:\\…``, ``\\\\server\\share`` → ``\\\\?\\UNC\\server\\share``."""
    if len(text) < WINDOWS_PATH_LIMIT or text.startswith("\\\\?\\"):
        return text
    if text.startswith("\\\\"):
        return "\\\\?\\UNC\\" + text[2:]
    return "\\\\?\\" + text
