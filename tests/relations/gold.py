"""Score the relations against the gold of ``tests/data/relations`` (used by the test and the bench).

Each gold set is imported whole into a fresh library (the documents of a set can resolve to one
another). A gold document is found by its file and title; statements are compared as unique
(document, kind, target) for 废止 / 修改 and (document, kind, value) for 施行 / 有效期; citation
links as (citing document, cited title or number) → the document named (another document of the
set, or none).
"""

from __future__ import annotations

import json
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from reader.gazette.numbers import number_key
from reader.importer import import_paths
from reader.library import Library
from reader.relations.keys import core_key, simplified, title_key, titles_agree

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data" / "relations"
SHARED = ROOT.parent / "shared"
SCORED = ("repeal", "amend", "effective", "expires")


@dataclass
class Score:
    found: dict[str, int] = field(default_factory=dict)  # per kind: gold statements found
    gold: dict[str, int] = field(default_factory=dict)
    claimed: dict[str, int] = field(default_factory=dict)  # our statements of the kind
    right: dict[str, int] = field(default_factory=dict)  # ours that are gold
    misses: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)
    links_made: int = 0
    links_right: int = 0
    links_gold: int = 0
    links_found: int = 0
    bad_links: list[str] = field(default_factory=list)
    missed_links: list[str] = field(default_factory=list)

    def recall(self) -> float:
        return sum(self.found.values()) / max(1, sum(self.gold.values()))

    def precision(self) -> float:
        return sum(self.right.values()) / max(1, sum(self.claimed.values()))

    def link_precision(self) -> float:
        return self.links_right / self.links_made if self.links_made else 1.0

    def link_recall(self) -> float:
        return self.links_found / self.links_gold if self.links_gold else 1.0


def _path(file: str, base: Path) -> Path:
    if file.startswith("shared:"):
        return SHARED / file[len("shared:") :]
    if file.startswith("repo:"):
        return ROOT / file[len("repo:") :]
    return base / file


def _same_target(title: str | None, number: str | None, t_title: str | None, t_number: str | None) -> bool:
    if number and t_number and number_key(number) and number_key(number) == number_key(t_number):
        return True
    if title and t_title:
        a, b = title_key(title), title_key(t_title)
        return a == b or core_key(a) == core_key(b) or titles_agree(title, t_title)
    return False


def _doc_of(
    lib: Library, issues: dict[str, int], file: str, title: str | None, number: str | None
) -> int | None:
    issue = issues.get(file)
    if issue is None:
        return None
    docs = lib.documents(issue_id=issue)
    if len(docs) == 1:
        return docs[0].id
    key = title_key(title)
    for d in docs:
        if key and title_key(d.title) == key:
            return d.id
    for d in docs:
        if number and d.number and number_key(d.number) == number_key(number):
            return d.id
    for d in docs:
        if key and (core_key(title_key(d.title)) == core_key(key) or key in (title_key(d.title) or "")):
            return d.id
    return None


def score(gold_path: Path) -> Score:
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    base = gold_path.parent
    out = Score()
    with tempfile.TemporaryDirectory() as tmp:
        lib = Library(Path(tmp) / "lib")
        files = sorted({d["file"] for d in gold["documents"]})
        issues: dict[str, int] = {}
        for f in files:
            [o] = import_paths(lib, [_path(f, base)])
            if o.issue_id is not None:
                issues[f] = o.issue_id
        # a gold document's library documents: every document of its file when the file holds
        # one gold document (the parser may cut a 令 from what it promulgates), else by title
        per_file: dict[str, list] = {}
        for d in gold["documents"]:
            per_file.setdefault(d["file"], []).append(d)
        doc_title: dict[tuple, list[int]] = {}
        for f, entries in per_file.items():
            if f not in issues:
                continue
            if len(entries) == 1:
                e = entries[0]
                ids = [x.id for x in lib.documents(issue_id=issues[f])]
                doc_title[(f, e.get("doc") or e.get("title"))] = ids
            else:
                for e in entries:
                    found = _doc_of(lib, issues, f, e.get("doc"), e.get("number"))
                    doc_title[(f, e.get("doc"))] = [found] if found else []

        def doc(entry) -> list[int]:
            key = (entry["file"], entry.get("doc") or entry.get("title"))
            if key in doc_title:
                return doc_title[key]
            if len(per_file.get(entry["file"], [])) == 1:
                e = per_file[entry["file"]][0]
                return doc_title.get((entry["file"], e.get("doc") or e.get("title")), [])
            found = _doc_of(lib, issues, entry["file"], entry.get("doc"), None)
            return [found] if found else []

        _statements(lib, gold, doc, out)
        _links(lib, gold, doc, out, issues)
        lib.close()
    return out


def _statements(lib: Library, gold: dict, doc, out: Score) -> None:
    wanted: dict[tuple, str] = {}
    for s in gold["statements"]:
        if s["kind"] not in SCORED or not s.get("done_by_this", True) or s.get("scope") == "article":
            continue
        ids = doc(s)
        if not ids:
            continue
        d = tuple(ids)
        if s["kind"] in ("repeal", "amend"):
            ident = (d, s["kind"], s.get("target_title"), s.get("target_number"))
        elif s["kind"] == "effective":
            ident = (d, "effective", s.get("date") or s.get("on"))
        else:
            ident = (d, "expires", s.get("years") or s.get("until"))
        wanted.setdefault(ident, s["sentence"][:60])
    groups = {tuple(doc(x)) for x in gold["documents"]} - {()}
    ours: list[tuple] = []
    for group in sorted(groups):
        for d in group:
            _ours_of(lib, d, group, ours)
    unique: dict[tuple, tuple] = {}
    for o in ours:  # one statement of a group once (a 令 and what it promulgates say it both)
        unique.setdefault(o[:4], o)
    ours = list(unique.values())

    def match(g: tuple, o: tuple) -> bool:
        if g[0] != o[0] or g[1] != o[1]:
            return False
        if g[1] in ("repeal", "amend"):
            if g[2] is None and g[3] is None:  # a repeal of what the text does not name
                return (o[2] is None and o[3] is None) or (o[4].id is None and not o[3])
            r = o[4]
            return _same_target(g[2], g[3], r.title, r.number) or _same_target(g[2], g[3], o[2], o[3])
        return str(g[2]) == str(o[2])

    for g in wanted:
        out.gold[g[1]] = out.gold.get(g[1], 0) + 1
        if any(match(g, o) for o in ours):
            out.found[g[1]] = out.found.get(g[1], 0) + 1
        else:
            out.misses.append(f"{g[1]} {g[2:]} «{wanted[g]}»")
    for o in ours:
        out.claimed[o[1]] = out.claimed.get(o[1], 0) + 1
        if any(match(g, o) for g in wanted):
            out.right[o[1]] = out.right.get(o[1], 0) + 1
        else:
            desc = o[2:4] if o[1] in ("repeal", "amend") else o[2:]
            out.wrong.append(f"{o[1]} {desc} in {lib.document(o[0][0]).title[:30]}")


def _ours_of(lib: Library, d: int, group: tuple, ours: list[tuple]) -> None:
    for r in lib.relations.outgoing(d):
        if r.kind in ("repeal", "amend"):
            row = lib.db.conn.execute(
                "SELECT title, number FROM relations WHERE source_id = ? AND position = ? AND kind = ?",
                (d, r.position, r.kind),
            ).fetchone()
            ours.append((group, r.kind, row[0] if row else r.title, row[1] if row else r.number, r))
    row = lib.db.conn.execute(
        "SELECT effective, effective_on, years, until FROM clauses WHERE document_id = ?", (d,)
    ).fetchone()
    if row:
        if row[0] or row[1]:
            ours.append((group, "effective", row[0] or row[1]))
        if row[2] or row[3]:
            ours.append((group, "expires", row[2] or row[3]))


def _label(title: str | None, number: str | None, keyed: bool = False) -> str:
    """A citation's identity in one document: its title and its number's key, as printed."""
    key = number if keyed else number_key(simplified(number)) if number else None
    return f"{title_key(title) or ''}|{key or ''}"


def _links(lib: Library, gold: dict, doc, out: Score, issues: dict) -> None:
    """Every link we make must be the gold's; every gold link to another document must be made.
    A gold document is the group of library documents its file was split into."""
    group_of: dict[int, tuple] = {}
    for x in gold["documents"]:
        ids = tuple(doc(x))
        for d in ids:
            group_of[d] = ids
    expected: dict[tuple[tuple, str], tuple | None] = {}
    for c in gold["citations"]:
        ids = tuple(doc(c))
        if not ids:
            continue
        to = c.get("resolves_to")
        target = None
        if to and not c.get("self"):
            f = to["file"] if isinstance(to, dict) else to
            t = _doc_of(lib, issues, f, to.get("doc") if isinstance(to, dict) else None, None)
            target = group_of.get(t, (t,)) if t else None
            if target == ids:
                target = None
        label = _label(c.get("cited_title"), c.get("cited_number"))
        if (ids, label) in expected and expected[(ids, label)] != target:
            target = "either"  # one name cited for two documents: no link is the right answer
        expected[(ids, label)] = target
    out.links_gold = sum(1 for t in expected.values() if t not in (None, "either"))
    made: dict[tuple[tuple, str], tuple] = {}
    for group in {g for g, _ in expected}:
        for d in group:
            for row in lib.db.conn.execute(
                "SELECT title, number_key, target_id FROM relations WHERE source_id = ? AND target_id IS NOT NULL",
                (d,),
            ):
                target = group_of.get(row[2], (row[2],))
                if target == group:
                    continue  # within one file: the text itself
                label = _label(row[0], row[1], keyed=True)
                made[(group, label)] = target
    for key, target in made.items():
        out.links_made += 1
        want = expected.get(key, "absent")
        if want == target or (
            want == "absent" and any(k[0] == key[0] and v == target for k, v in expected.items())
        ):
            out.links_right += 1  # (or the same link under another spelling of the cited name)
        else:
            out.bad_links.append(
                f"{lib.document(key[0][0]).title[:24]} → {lib.document(target[0]).title[:30]}"
            )
    for key, target in expected.items():
        if target in (None, "either"):
            continue
        if made.get(key) == target or any(k[0] == key[0] and v == target for k, v in made.items()):
            out.links_found += 1
        else:
            out.missed_links.append(
                f"{lib.document(key[0][0]).title[:24]} ↛ {lib.document(target[0]).title[:30]}"
            )


def sets() -> list[Path]:
    found = [DATA / "web" / "gold.json", DATA / "pairs" / "gold.json"]
    if SHARED.is_dir():
        found.insert(0, DATA / "shared-gold.json")
    return found


def _main() -> None:
    for path in sets():
        s = score(path)
        print(f"== {path.relative_to(ROOT)}")
        for k in SCORED:
            print(
                f"  {k:9} gold {s.gold.get(k, 0):3}  found {s.found.get(k, 0):3}  ours {s.claimed.get(k, 0):3}  right {s.right.get(k, 0):3}"
            )
        print(f"  statements: recall {s.recall():.3f}  precision {s.precision():.3f}")
        print(
            f"  links: made {s.links_made}, right {s.links_right} (precision {s.link_precision():.3f}); "
            f"gold {s.links_gold}, found {s.links_found} (recall {s.link_recall():.3f})"
        )
        for line in s.misses[:40]:
            print("  MISS", line)
        for line in s.wrong[:40]:
            print("  WRONG", line)
        for line in s.bad_links + s.missed_links:
            print("  LINK", line)


if __name__ == "__main__":
    _main()
