"""Score the extracted 人事任免 records and tasks against the hand-written gold (used by the tests).

Every gold file is imported into a fresh library (the real import, so the stored tables are
what is scored). 人事任免: a record is right when person, action and post all match the gold's
(post compared without spaces and with the organ as printed). Tasks: right when the due date
(or, for a recurring or relative one, its printed limit) agrees, the action overlaps the gold's
(half of the shorter one's character pairs shared) and the responsible unit agrees (both
absent, or sharing a unit name). Negatives: no record or task may come from their sentence.
Run ``python -m tests.personnel.gold`` for the figures and the misses.
"""

from __future__ import annotations

import json
import os
import re
import sys
import tempfile
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from reader.relations.keys import simplified

ROOT = Path(__file__).resolve().parents[2]
SHARED = Path(os.environ.get("GONGBAO_SHARED") or ROOT.parent / "shared")
PERSONNEL = ROOT / "tests" / "data" / "personnel"
TASKS = ROOT / "tests" / "data" / "tasks"


def path_of(file: str, base: Path) -> Path:
    if file.startswith("shared:"):
        return SHARED / file[len("shared:") :]
    if file.startswith("repo:"):
        return ROOT / file[len("repo:") :]
    return base / file


def flat(s: str | None) -> str:
    return re.sub(r"\s+", "", s or "")


@dataclass
class Score:
    gold: int = 0
    found: int = 0
    claimed: int = 0
    right: int = 0
    negatives_hit: list[str] = field(default_factory=list)
    misses: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)

    def precision(self) -> float:
        return self.right / self.claimed if self.claimed else 1.0

    def recall(self) -> float:
        return self.found / self.gold if self.gold else 1.0

    def line(self, name: str) -> str:
        return (
            f"{name}: precision {self.precision():.3f} ({self.right}/{self.claimed}) "
            f"recall {self.recall():.3f} ({self.found}/{self.gold}) negatives hit {len(self.negatives_hit)}"
        )


def _imported(files: list[Path], work: Path):
    """A library holding every file, and each file's issue id."""
    from reader.importer import import_paths
    from reader.library import Library

    lib = Library(work / "lib")
    issues: dict[Path, int] = {}
    for f in files:
        for r in import_paths(lib, [f]):
            if r.issue_id is not None:
                issues[f] = r.issue_id
    from reader.extracts.store import catch_up

    catch_up(lib.db)
    return lib, issues


def score_personnel(lib, issues: dict[Path, int]) -> Score:
    gold = json.loads((PERSONNEL / "gold.json").read_text("utf-8"))
    s = Score()
    ours_by_file: dict[Path, list] = defaultdict(list)
    ex = lib.extracts
    for f, issue in issues.items():
        ours_by_file[f] = ex.personnel(issue_id=issue)
    want: dict[Path, list[dict]] = defaultdict(list)
    for g in gold["records"]:
        want[path_of(g["file"], PERSONNEL)].append(g)
    for f in set(want) | set(ours_by_file):
        if f not in want and f not in {path_of(x["file"], PERSONNEL) for x in gold["sources"]}:
            continue
        golds = [(g["person"], g["action"], flat(g["post"])) for g in want[f]]
        ours = [(r.person, r.action, flat(r.post)) for r in ours_by_file.get(f, [])]
        s.gold += len(golds)
        s.claimed += len(ours)
        left = list(ours)
        for g in golds:
            if g in left:
                left.remove(g)
                s.found += 1
            else:
                s.misses.append(f"{f.name}: {g}")
        s.right += len(ours) - len(left)
        s.wrong.extend(f"{f.name}: {o}" for o in left)
    for n in gold["negatives"]:
        f = path_of(n["file"], PERSONNEL)
        sent = flat(n["sentence"])
        for r in ours_by_file.get(f, []):
            if flat(r.sentence) and (flat(r.sentence) in sent or sent in flat(r.sentence)) and len(sent) > 6:
                s.negatives_hit.append(f"{f.name}: {n['sentence'][:60]} ← {r.person} {r.action}")
    return s


def _pairs(s: str) -> set[str]:
    s = simplified(s)
    s = re.sub(r"[\s，、。；：“”《》（）()]", "", s)
    return {s[i : i + 2] for i in range(len(s) - 1)}


def _action_agrees(ours: str, gold: str) -> bool:
    a, b = _pairs(ours), _pairs(gold)
    return bool(a and b) and len(a & b) >= 0.5 * min(len(a), len(b))


_UNIT_SPLIT = re.compile(r"[，、；,;/和及与\s]|牵头|配合|负责|责任单位|牵头单位|配合单位")


def _units(s: str | None) -> set[str]:
    return {u for u in _UNIT_SPLIT.split(simplified(flat(s))) if len(u) >= 2}


def _unit_agrees(ours: str | None, gold: str | None) -> bool:
    """Both name a unit in common (市发改委 in 市发改委、市商务局), one names the other, or the two
    say the same words (the gold's 已提供排他性…的银行业金融机构 for 已经在…提供排他性…的银行业金融机构)."""
    if not gold:
        return True  # the gold names nobody: a unit we read from context is no error
    a, b = _units(ours), _units(gold)
    if a & b or any(x in y or y in x for x in a for y in b):
        return True
    return bool(ours) and _action_agrees(ours, gold)


def _due_agrees(t, g: dict) -> bool:
    if g["due_kind"] in ("absolute", "period"):
        return t.due == g["due"]
    if g["due_kind"] == "recurring":
        return t.due_kind == "recurring"
    return (
        t.due_kind == "relative"
        and flat(t.due_text)
        and (flat(t.due_text) in flat(g["due_text"]) or flat(g["due_text"]) in flat(t.due_text))
    )


def _matching(agree: list[list[int]]) -> dict[int, int]:
    """gold index → ours index, a maximum matching (augmenting paths): a task of ours that
    agrees with two gold tasks is not spent on the first when the second has no other."""
    match: dict[int, int] = {}  # ours -> gold

    def place(g: int, seen: set[int]) -> bool:
        for o in agree[g]:
            if o in seen:
                continue
            seen.add(o)
            if o not in match or place(match[o], seen):
                match[o] = g
                return True
        return False

    for g in range(len(agree)):
        place(g, set())
    return {g: o for o, g in match.items()}


def score_tasks(lib, issues: dict[Path, int]) -> Score:
    gold = json.loads((TASKS / "gold.json").read_text("utf-8"))
    s = Score()
    ex = lib.extracts
    ours_by_file = {f: ex.tasks(issue_id=issue) for f, issue in issues.items()}
    want: dict[Path, list[dict]] = defaultdict(list)
    for g in gold["tasks"]:
        want[path_of(g["file"], TASKS)].append(g)
    sources = {path_of(x["file"], TASKS) for x in gold["sources"]}
    for f in sources:
        ours = list(ours_by_file.get(f, []))
        s.gold += len(want[f])
        s.claimed += len(ours)
        agree = [
            [
                i
                for i, t in enumerate(ours)
                if _due_agrees(t, g)
                and _action_agrees(t.action, g["action"])
                and _unit_agrees(t.responsible, g["responsible"])
            ]
            for g in want[f]
        ]
        pairs = _matching(agree)  # one of ours for one gold task, as many as can be paired
        used = set(pairs.values())
        for k, g in enumerate(want[f]):
            if k in pairs:
                s.found += 1
                continue
            near = next((t for t in ours if _due_agrees(t, g)), None)
            why = f" ~ ours: {near.action[:40]} | {near.responsible}" if near is not None else ""
            s.misses.append(
                f"{f.name}: [{g['due_kind']} {g['due']} {g['due_text']}] {g['action']} | {g['responsible']}{why}"
            )
        s.right += len(used)
        s.wrong.extend(
            f"{f.name}: [{t.due_kind} {t.due} {t.due_text}] {t.action} | {t.responsible}"
            for i, t in enumerate(ours)
            if i not in used
        )
    for n in gold["negatives"]:
        f = path_of(n["file"], TASKS)
        sent = flat(n["sentence"])
        for t in ours_by_file.get(f, []):
            if len(sent) > 6 and (flat(t.sentence) in sent or sent in flat(t.sentence)):
                s.negatives_hit.append(f"{f.name}: {n['sentence'][:60]} ← {t.due_text} {t.action[:30]}")
    return s


def gold_files(base: Path) -> list[Path]:
    g = json.loads((base / "gold.json").read_text("utf-8"))
    return list(dict.fromkeys(path_of(src["file"], base) for src in g["sources"]))


def score() -> tuple[Score, Score]:
    """Each gold set in a library of its own (a file re-imported under the same name is the
    same issue updated: 008.txt of one set would replace the other's)."""
    out = []
    for base, scorer in ((PERSONNEL, score_personnel), (TASKS, score_tasks)):
        with tempfile.TemporaryDirectory() as tmp:
            lib, issues = _imported([f for f in gold_files(base) if f.exists()], Path(tmp))
            try:
                out.append(scorer(lib, issues))
            finally:
                lib.close()
    return out[0], out[1]


def main(argv: list[str]) -> int:
    p, t = score()
    for name, s in (("personnel", p), ("tasks", t)):
        print(s.line(name))
        if "-v" in argv:
            for m in s.misses:
                print("  MISS", m)
            for w in s.wrong:
                print("  WRONG", w)
            for n in s.negatives_hit:
                print("  NEG", n)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
