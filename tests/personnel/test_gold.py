"""The 人事任免 and task extraction scored against the hand-written gold (tests/data/personnel,
tests/data/tasks), through a real import into a real library.

Floors (issue #18): 人事任免 precision ≥ 0.95, recall ≥ 0.90; tasks (due date, action and unit
all right) precision ≥ 0.90, recall ≥ 0.85."""

from __future__ import annotations

import json
import re

import pytest

from tests.personnel.gold import PERSONNEL, TASKS, flat, path_of, score


@pytest.fixture(scope="module")
def scores():
    return score()


def test_personnel_records_are_right_and_found(scores) -> None:
    p = scores[0]
    assert p.gold >= 170
    assert p.precision() >= 0.95, p.wrong
    assert p.recall() >= 0.90, p.misses
    assert p.negatives_hit == []


def test_tasks_are_right_and_found(scores) -> None:
    t = scores[1]
    assert t.gold >= 190
    assert t.precision() >= 0.90, t.wrong[:20]
    assert t.recall() >= 0.85, t.misses[:20]
    assert t.negatives_hit == []


@pytest.mark.parametrize(("base", "key"), [(PERSONNEL, "records"), (TASKS, "tasks")])
def test_every_gold_sentence_is_in_its_file(base, key) -> None:
    gold = json.loads((base / "gold.json").read_text("utf-8"))
    texts: dict = {}
    for item in gold[key] + gold["negatives"]:
        f = path_of(item["file"], base)
        if not f.exists():
            pytest.skip(f"{f} is not here (the shared corpus beside the checkout)")
        text = texts.setdefault(f, flat(f.read_text("utf-8")))
        # cells printed one per line are joined by a space in the gold
        assert flat(item["sentence"]) in text or all(
            flat(part) in text for part in re.split(r"\s+|\t| \| ", item["sentence"]) if part
        ), item["sentence"]
