"""Finding bundled resources from a source checkout, an installed wheel or a PyInstaller bundle."""

from __future__ import annotations

import sys
from pathlib import Path


def resources_dir() -> Path:
    """The ``resources/`` folder.

    PyInstaller unpacks data under ``sys._MEIPASS``; a source checkout or editable install has it
    beside the package; a wheel carries it as ``reader/_resources`` (see pyproject).
    """
    candidates = []
    meipass = getattr(sys, "_MEIPASS", None)
    if meipass:
        candidates.append(Path(meipass) / "resources")
    here = Path(__file__).resolve().parent
    candidates += [here.parent / "resources", here / "_resources"]
    for c in candidates:
        if c.is_dir():
            return c
    return candidates[-1]


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)


def sample_issue() -> Path | None:
    """The sample gazette an empty library offers to import."""
    samples = resource("samples")
    if not samples.is_dir():
        return None
    files = sorted(p for p in samples.iterdir() if p.suffix.lower() in (".txt", ".md", ".pdf"))
    return files[0] if files else None
