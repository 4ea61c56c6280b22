"""Is a document still in force, as of a day, and why (no Qt).

Computed from what the texts say, never guessed: a repeal stated by another document in the
library (its sentence is the evidence), this document's own 施行 date and 有效期, an amendment.
Nothing said is 未知, the default. Computed when asked (the day moves on; the facts are stored).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date, timedelta

from reader.relations.phrases import add_years

VALID, REPEALED, AMENDED, EXPIRED, PENDING, UNKNOWN = (
    "valid",
    "repealed",
    "amended",
    "expired",
    "pending",
    "unknown",
)
# what the CLI and the exports print; the window says it in its own language
LABELS = {
    VALID: "现行有效",
    REPEALED: "已废止",
    AMENDED: "已被修改",
    EXPIRED: "已过有效期",
    PENDING: "尚未施行",
    UNKNOWN: "未知",
}
IN_FORCE = (VALID, AMENDED)  # what "仅现行有效" keeps


@dataclass(slots=True)
class Source:
    """A document that repeals or amends this one."""

    id: int | None
    title: str | None
    number: str | None
    date: str | None  # when it acts: its 施行 date if it states one, else its 成文日期
    evidence: str


@dataclass(slots=True)
class Validity:
    status: str
    since: str | None = None  # ISO date the status holds from, when known
    by: Source | None = None
    evidence: str = ""
    until: str | None = None  # last day in force, when the document states a 有效期
    amended_by: list[Source] = field(default_factory=list)

    @property
    def label(self) -> str:
        return LABELS[self.status]

    def to_dict(self) -> dict:
        d = asdict(self)
        d["label"] = self.label
        return d


def last_day(effective: str | None, own_date: str | None, years: int | None, until: str | None) -> str | None:
    """The last day in force: 有效期至 as stated, or N years from 施行 (else from the 成文日期)."""
    if until:
        return until
    start = effective or own_date
    if not years or not start:
        return None
    try:
        first = date.fromisoformat(start)
    except ValueError:
        return None
    return (add_years(first, years) - timedelta(days=1)).isoformat()


def compute(
    today: date,
    *,
    own_date: str | None,
    effective: str | None,
    effective_on: str | None,
    years: int | None,
    until: str | None,
    own_evidence: str = "",
    repealed_by: list[Source] = (),  # type: ignore[assignment]
    amended_by: list[Source] = (),  # type: ignore[assignment]
) -> Validity:
    """The document's status on ``today``: repealed, expired, not yet in force, amended, in force
    (it says when it took effect or how long it runs), or unknown (it says nothing)."""
    iso = today.isoformat()
    acting = [s for s in repealed_by if not s.date or s.date <= iso]
    if acting:
        first = min(acting, key=lambda s: s.date or "")
        return Validity(REPEALED, first.date, first, first.evidence, amended_by=list(amended_by))
    end = last_day(effective, own_date, years, until)
    if end and end < iso:
        after = (date.fromisoformat(end) + timedelta(days=1)).isoformat()
        return Validity(EXPIRED, after, None, own_evidence, until=end, amended_by=list(amended_by))
    start = effective or (own_date if effective_on else None)
    if start and start > iso:
        return Validity(PENDING, start, None, own_evidence, until=end, amended_by=list(amended_by))
    if amended_by:
        last = max(amended_by, key=lambda s: s.date or "")
        return Validity(AMENDED, last.date, last, last.evidence, until=end, amended_by=list(amended_by))
    if start or end:
        return Validity(VALID, start, None, own_evidence, until=end)
    return Validity(UNKNOWN)
