"""Layering: the core imports no Qt; widgets touch no SQL, PDF or search engine directly."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.conftest import ROOT

PKG = ROOT / "reader"
QT_LAYERS = {"ui", "models"}
GUI_ROOT_MODULES = {"app.py"}  # the composition root may build the QApplication


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(a.name.split(".")[0] for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module.split(".")[0])
    return names


CORE = [
    p
    for p in PKG.rglob("*.py")
    if p.relative_to(PKG).parts[0] not in QT_LAYERS and p.name not in GUI_ROOT_MODULES
]
WIDGETS = list((PKG / "ui").rglob("*.py"))


@pytest.mark.parametrize("path", CORE, ids=lambda p: str(p.relative_to(PKG)))
def test_core_imports_no_qt(path: Path) -> None:
    assert "PySide6" not in _imports(path)


@pytest.mark.parametrize("path", WIDGETS, ids=lambda p: str(p.relative_to(PKG)))
def test_widgets_use_no_sql_or_engines(path: Path) -> None:
    forbidden = {"sqlite3", "sqlite_utils", "whoosh", "jieba"} & _imports(path)
    assert not forbidden
