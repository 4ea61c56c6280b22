"""The layering rule, whole, in one place:

- the core (``reader/*`` but ``ui``, ``models`` and the composition root ``app.py``) imports no
  Qt and nothing of ``reader.ui`` or ``reader.models``;
- ``reader.models`` imports nothing of ``reader.ui``;
- ``reader.ui`` imports no SQLite, search engine, segmenter or MuPDF (it asks the layers below);
- and the GUI process never loads MuPDF at all: PDF work runs in child processes.

Every import counts, at the top of a module or inside a function (a lazy import is still an
import), and ``from reader import x`` is resolved to the module it names.
"""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

PKG = ROOT / "reader"
ENGINES = {"sqlite3", "sqlite_utils", "whoosh", "jieba", "pymupdf", "fitz"}


def imports(path: Path) -> set[str]:
    """Every module ``path`` imports, as dotted names (``reader.ui.fonts``, ``pymupdf`` …)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
            names.update(f"{node.module}.{a.name}" for a in node.names)
    return names


def layer(path: Path) -> str:
    rel = path.relative_to(PKG)
    if rel.parts[0] in ("ui", "models"):
        return rel.parts[0]
    return "root" if rel.parts == ("app.py",) else "core"


def violations(path: Path) -> list[str]:
    """What ``path`` imports against the rule for its layer."""
    found = imports(path)
    top = {n.split(".")[0] for n in found}
    where = layer(path)
    bad = []
    if where == "core":
        bad += sorted(top & {"PySide6", "shiboken6"})
        bad += sorted(n for n in found if n.startswith(("reader.ui", "reader.models")))
    elif where == "models":
        bad += sorted(n for n in found if n.startswith("reader.ui"))
    elif where == "ui":
        bad += sorted(top & ENGINES)
    return bad


MODULES = sorted(PKG.rglob("*.py"))


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PKG)))
def test_every_module_keeps_to_its_layer(path: Path) -> None:
    assert violations(path) == [], f"{path.relative_to(PKG)} ({layer(path)}) imports {violations(path)}"


def test_the_rule_catches_a_widget_that_imports_mupdf(tmp_path: Path) -> None:
    """The test fails when it should: a ui module importing pymupdf inside a function is caught."""
    fake = PKG / "ui" / "_layer_probe.py"
    fake.write_text("def f():\n    import pymupdf\n    return pymupdf\n", encoding="utf-8")
    try:
        assert violations(fake) == ["pymupdf"]
    finally:
        fake.unlink()


def test_the_gui_process_never_loads_mupdf(tmp_path: Path) -> None:
    """A window that opens a PDF document, renders its pages and exports notes to PDF: MuPDF ran
    only in child processes."""
    script = tmp_path / "probe.py"
    script.write_text(
        """
import sys
from pathlib import Path
from PySide6.QtWidgets import QApplication
from reader.importer import import_file
from reader.library import Library
from reader.export import Scope
from reader.ui.export_dialog import ExportRequest
from reader.settings import Settings
from reader.ui.fonts import install_app_font
from reader.ui.main_window import MainWindow


def main():
    app = QApplication([])
    folder, pdf = Path(sys.argv[1]), Path(sys.argv[2])
    install_app_font(app)
    lib = Library(folder)
    print(import_file(lib, pdf).status)
    w = MainWindow(lib, Settings())
    w.show()
    doc = lib.documents()[0]
    lib.annotations.add_highlight(doc.id, 0, 5, "red")
    w.open_document(doc.id)
    job = w.exports.start(ExportRequest(Scope(everything=True), "pdf", folder / "out.pdf"))
    job.wait(120)
    app.processEvents()
    print("EXPORTED", (folder / "out.pdf").exists())
    print("MUPDF", "pymupdf" in sys.modules or "fitz" in sys.modules)
    w.close()
    lib.close()


if __name__ == "__main__":  # children spawn from this file too
    main()
""",
        encoding="utf-8",
    )
    from tests.helpers.pdfgen import gazette_pdf

    pdf = tmp_path / "公报.pdf"
    gazette_pdf((ROOT / "tests" / "data" / "yulin_like.txt").read_text(encoding="utf-8"), pdf)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    r = subprocess.run(
        [sys.executable, str(script), str(tmp_path / "lib"), str(pdf)],
        capture_output=True,
        text=True,
        timeout=180,
        env=env,
        cwd=ROOT,
    )
    assert "EXPORTED True" in r.stdout, r.stdout + r.stderr
    assert "MUPDF False" in r.stdout, r.stdout


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _reader_imports(path: Path, known: set[str]) -> set[str]:
    """The reader modules ``path`` imports anywhere: at module level, in functions (lazily) and for
    type checking (``from pkg import module`` counts as the module, not the package). One kind of
    edge is left out: a controller of the window naming ``MainWindow`` as its owner's type."""
    found: set[str] = set()
    tree = ast.parse(path.read_text(encoding="utf-8"))
    typing_only = {
        id(n)
        for block in ast.walk(tree)
        if isinstance(block, ast.If) and isinstance(block.test, ast.Name) and block.test.id == "TYPE_CHECKING"
        for n in ast.walk(block)
    }
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if id(node) in typing_only and node.module == "reader.ui.main_window":
                continue
            subs = {f"{node.module}.{a.name}" for a in node.names} & known
            found.update(subs or {node.module})
    return found & known


def test_no_two_modules_import_each_other() -> None:
    """An import cycle is two modules that cannot be understood (or loaded) one without the
    other; the library and its annotations were one, held together by a lazy import."""
    modules = {_module_name(p): p for p in MODULES}
    graph = {name: _reader_imports(path, set(modules)) - {name} for name, path in modules.items()}

    def reaches(start: str, goal: str) -> list[str] | None:
        stack, seen = [(start, [start])], {start}
        while stack:
            node, trail = stack.pop()
            for nxt in graph[node]:
                if nxt == goal:
                    return [*trail, goal]
                if nxt not in seen:
                    seen.add(nxt)
                    stack.append((nxt, [*trail, nxt]))
        return None

    cycles = [c for name in graph if (c := reaches(name, name))]
    assert cycles == [], " ; ".join(" → ".join(c) for c in cycles)
