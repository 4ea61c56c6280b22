"""A large queue is indexed by the app's background indexer with its worker processes.

The indexer was a daemonic process, which may not start children: the first import of more
than a thousand documents was never indexed in the app (the CLI and the tests ran it in-process).
"""

from __future__ import annotations

import sys
from pathlib import Path

from reader.library import Library
from reader.models.search_controller import SearchController
from reader.search.index import SearchIndex
from reader.search.indexer import SEGMENT_DOCS, index_folder, queued
from tests.conftest import ROOT, requires_shared

sys.path.insert(0, str(ROOT / "bench"))

pytestmark = requires_shared


def test_a_big_first_import_is_indexed_in_the_background(qtbot, tmp_path: Path) -> None:
    from bench_search import build_library

    n = SEGMENT_DOCS + 200  # enough for the parallel path (more than half a segment per worker)
    build_library(tmp_path / "lib", n)
    lib = Library(tmp_path / "lib")
    assert queued(lib) == n
    controller = SearchController(lib.folder)
    failures: list[str] = []
    controller.failed.connect(failures.append)
    controller.index_now()
    qtbot.waitUntil(lambda: not controller.busy and queued(lib) == 0, timeout=240000)
    controller.shutdown()
    assert failures == []
    index = SearchIndex(index_folder(lib))
    assert index.doc_count() == n
    index.close()
    lib.close()
