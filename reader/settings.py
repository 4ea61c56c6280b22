"""User settings: one dataclass with defaults, stored as JSON in the config folder.

The config folder is the platform's (``%APPDATA%\\GongbaoReader`` on Windows) unless
``GONGBAO_CONFIG_DIR`` points elsewhere (tests, portable use). A damaged file falls back to the
defaults instead of stopping the app.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path

from reader.locations import config_dir

THEMES = ("light", "sepia", "dark")


@dataclass(slots=True)
class Settings:
    language: str | None = None  # None: Simplified Chinese unless the system locale is English
    theme: str = "light"
    font_pt: float = 14.0
    window_geometry: str = ""  # base64 of QMainWindow.saveGeometry()
    window_state: str = ""
    palette: dict = field(default_factory=dict)  # colour key -> the user's meaning (重点, 时限 …)
    last_colour: str = "yellow"
    library: str = ""  # a library folder chosen in the settings dialog ("" = the default one)
    extra: dict = field(default_factory=dict)

    @classmethod
    def load(cls, path: Path | None = None) -> Settings:
        path = path or config_dir() / "settings.json"
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return cls()
        known = {f.name for f in fields(cls)}
        s = cls(**{k: v for k, v in raw.items() if k in known})
        if s.theme not in THEMES:
            s.theme = "light"
        return s

    def save(self, path: Path | None = None) -> None:
        """Write atomically (temp file + rename); a read-only config folder keeps the old file."""
        path = path or config_dir() / "settings.json"
        with contextlib.suppress(OSError):
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".settings-")
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump(asdict(self), fh, ensure_ascii=False, indent=1)
            os.replace(tmp, path)
