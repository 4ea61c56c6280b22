"""A seeded mutation fuzzer for imports: byte flips, truncation and duplication of real inputs.

Every mutant must import or be refused with a category — no exception out of the importer, no
hang past the PDF time limit, nothing half-imported, the database intact.
"""

from __future__ import annotations

import random
import time
from dataclasses import dataclass, field
from pathlib import Path

ALLOWED = {
    "corrupt",
    "encrypted",
    "empty",
    "no_text",
    "encoding",
    "timeout",
    "unsupported",
    "missing",
    "too_large",
}


def mutate(data: bytes, rng: random.Random) -> tuple[bytes, str]:
    kind = rng.choice(["flip", "flip", "truncate", "duplicate", "flip+truncate"])
    buf = bytearray(data)
    if "flip" in kind:
        for _ in range(rng.randint(1, max(1, len(buf) // 2000))):
            i = rng.randrange(len(buf))
            buf[i] ^= 1 << rng.randrange(8)
    if "truncate" in kind:
        buf = buf[: rng.randrange(1, len(buf))]
    if kind == "duplicate":
        a = rng.randrange(len(buf))
        b = min(len(buf), a + rng.randint(1, 4096))
        at = rng.randrange(len(buf))
        buf[at:at] = buf[a:b]
    return bytes(buf), kind


@dataclass(slots=True)
class FuzzReport:
    inputs: int = 0
    imported: int = 0
    refused: dict[str, int] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)
    slowest: float = 0.0


def run(seeds: list[Path], work: Path, count: int, seed: int = 1, pdf_timeout: float = 10.0) -> FuzzReport:
    """Import ``count`` mutants one by one into one library; then check the library."""
    from reader.importer import import_paths
    from reader.library import Library

    rng = random.Random(seed)
    report = FuzzReport()
    lib = Library(work / "lib")
    inputs = work / "inputs"
    inputs.mkdir(exist_ok=True)
    originals = [(p, p.read_bytes()) for p in seeds]
    try:
        for n in range(count):
            src, data = rng.choice(originals)
            mutant, kind = mutate(data, rng)
            path = inputs / f"{n:04d}-{kind}{src.suffix}"
            path.write_bytes(mutant)
            started = time.perf_counter()
            try:
                (outcome,) = import_paths(lib, [path], pdf_timeout=pdf_timeout)
            except Exception as exc:  # any exception out of the importer is a finding
                report.problems.append(f"{path.name}: {type(exc).__name__}: {exc}")
                continue
            report.slowest = max(report.slowest, time.perf_counter() - started)
            report.inputs += 1
            if outcome.status == "failed":
                if outcome.category not in ALLOWED or not outcome.reason:
                    report.problems.append(f"{path.name}: refused without a clear reason: {outcome}")
                report.refused[outcome.category or "?"] = report.refused.get(outcome.category or "?", 0) + 1
            else:
                report.imported += 1
                if outcome.status == "imported" and outcome.documents < 1:
                    report.problems.append(f"{path.name}: imported with no documents")
        if lib.db.conn.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
            report.problems.append("library integrity_check failed")
        for issue in lib.issues():
            if issue.document_count < 1:
                report.problems.append(f"half-imported issue {issue.id} ({issue.source_name})")
    finally:
        lib.close()
    return report
