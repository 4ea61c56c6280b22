"""A document's 人事任免 records and tasks as table rows (pure: a worker process imports this
and nothing of the library)."""

from __future__ import annotations

import re
from datetime import date

from reader.extracts.personnel import read_personnel, with_decisions
from reader.extracts.tasks import read_tasks


def _base(iso: str | None, number: str | None = None, text: str = "") -> date | None:
    """The date a limit without its year is read against: the document's date, else the year
    of its 发文字号 (〔2019〕), else the latest year its text names (a page saved without its
    date still says 2005年环保专项行动)."""
    try:
        if iso:
            return date.fromisoformat(iso)
    except ValueError:
        pass
    m = re.search(r"[〔\[［(（]((?:19|20)\d\d)[〕\]］)）]", number or "")
    if m:
        return date(int(m[1]), 1, 1)
    # a document is no older than the years it names, nor than the documents it cites (〔2006〕)
    found = re.findall(r"(?<!\d)((?:19|20)\d\d)\s*年|[〔\[［]((?:19|20)\d\d)[〕\]］]", text)
    years = [int(y) for pair in found for y in pair if y]
    years = [y for y in years if y <= date.today().year + 1]
    return date(max(years), 1, 1) if years else None


def _locate(text: str, sentence: str, hint: int) -> int:
    """Where ``sentence`` (spaces removed or not) begins in ``text``: near ``hint`` first."""
    probe = re.sub(r"\s+", "", sentence)[:12]
    if not probe:
        return max(0, min(hint, len(text)))
    pattern = re.compile(r"\s*".join(re.escape(c) for c in probe))
    m = pattern.search(text, max(0, hint - 400)) or pattern.search(text)
    return m.start() if m else max(0, min(hint, len(text)))


def read_document(
    text: str, doc_date: str | None, number: str | None = None, recipients: str | None = None
) -> tuple[list, list]:
    """The records and tasks of one document's text (what a worker of a rebuild runs)."""
    people = with_decisions(text, read_personnel(text))
    tasks = read_tasks(text, _base(doc_date, number, text), (recipients or "").rstrip("：:") or None)
    return people, tasks


def rows_for(docs: list[tuple]) -> tuple[list[tuple], list[tuple]]:
    """The ``personnel`` and ``tasks`` rows of documents given as (id, text, date, number,
    recipients): pure, so a worker process can run it."""
    people_rows, task_rows = [], []
    for doc_id, text, doc_date, number, recipients in docs:
        text = text or ""
        people, tasks = read_document(text, doc_date, number, recipients)
        for r in people:
            at = _locate(text, r.sentence, r.start)
            people_rows.append(
                (doc_id, r.person, r.sex, r.action, r.post, r.organ, r.conditions, r.decided, r.number, at,
                 r.sentence)
            )  # fmt: skip
        for t in tasks:
            at = _locate(text, t.sentence, t.start)
            task_rows.append(
                (doc_id, t.key, t.due, t.due_kind, t.due_text, t.recurrence, t.action, t.responsible,
                 t.recipient, at, t.sentence)
            )  # fmt: skip
    return people_rows, task_rows
