"""Mutated gazettes (text and PDF) import or are refused with a category: the CI-sized run."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import CORPUS, requires_shared
from tests.fuzz.mutate import run
from tests.helpers.pdfgen import gazette_pdf

pytestmark = requires_shared


def seed_files(folder: Path) -> list[Path]:
    text = (CORPUS / "qinzhou-2019-01.txt").read_text(encoding="utf-8")
    folder.mkdir(parents=True, exist_ok=True)
    utf8, gb, pdf = folder / "utf8.txt", folder / "gb18030.txt", folder / "gazette.pdf"
    utf8.write_text(text, encoding="utf-8")
    gb.write_bytes(text.encode("gb18030"))
    gazette_pdf(text, pdf, max_pages=3)
    return [utf8, gb, pdf]


@pytest.mark.timeout(300)
def test_forty_mutants_import_or_are_refused_cleanly(tmp_path: Path) -> None:
    report = run(seed_files(tmp_path / "seeds"), tmp_path, count=40, seed=11)
    assert report.problems == []
    assert report.inputs == 40
    assert report.imported > 0 and sum(report.refused.values()) > 0  # both paths were exercised
