"""SIGKILL of the headless app at random moments (imports, indexing, edits, repairs, backups): 0 losses."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from tests.conftest import BADINPUT, CORPUS, requires_shared
from tests.crash.harness import run
from tests.helpers.pdfgen import gazette_pdf

pytestmark = [
    requires_shared,
    pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL of a process group"),
]


def workload_files(tmp_path: Path) -> list[Path]:
    pdf = tmp_path / "钦州 2019-09.pdf"
    gazette_pdf((CORPUS / "qinzhou-2019-09.txt").read_text(encoding="utf-8"), pdf)
    files = [*sorted(CORPUS.glob("*.txt")), pdf]
    bad = []
    for kind in ("malformed", "encrypted", "scanned", "cjk"):  # refused, or imported as pages only
        found = sorted(p for p in (BADINPUT / "pdf" / kind).glob("*") if p.is_file())
        bad += found[:2]
    return files + bad


@pytest.mark.timeout(400)
def test_fifty_kills_lose_nothing(tmp_path: Path) -> None:
    outcome = run(tmp_path, workload_files(tmp_path), kills=50, seed=7, max_delay=0.8)
    assert outcome.losses == []
    assert outcome.kills == 50
    assert outcome.checked_highlights > 50, outcome  # the workload really wrote between the kills
    assert outcome.checked_marks > 0, outcome  # and marked tasks of the 待办 done
    assert outcome.checked_corrections > 50, (
        outcome
    )  # and repaired documents: edits, splits, merges, removals
