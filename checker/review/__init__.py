"""The editor's pre-publication review: a draft and a record in, a verdict per draft claim out.

Takes one draft (a path, or text pasted into ``checker serve``) and the claim
record; gives a :class:`Review`: the draft as read, its claims, and for each
claim what the record says about the same fact, each with a verdict:

- ``conflict``: a rule fired and the figures cannot both stand;
- ``superseded``: a rule fired but one figure is an update of the other
  (a toll that rose; a confirmed figure that replaces a reported one);
- ``consistent``: the matcher judged it the same fact and no rule fired.

A draft without a publication date is read as of ``published`` (default:
today), so "on Tuesday" resolves to the days before the draft goes out.
The HTML view is ``checker/report/html_format.py``; this module does no I/O
beyond reading the draft and the record.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Literal

from ..errors import CheckerError
from ..lexicon import default_lexicon
from ..match import Matcher
from ..models import Claim, ClaimsFile, Finding, InputError, Report, ReportMeta
from ..pipeline import CheckOptions, extract_claims
from ..read import read_report, read_text
from ..record.index import RecordIndex
from ..rules import RuleEngine

Verdict = Literal["conflict", "superseded", "consistent"]
_RANK = {"conflict": 0, "superseded": 1, "consistent": 2}


@dataclass
class Comparison:
    """One other claim about the same fact as a draft claim, what its report is, and the verdict."""

    other: Claim
    report: ReportMeta | None
    verdict: Verdict
    finding: Finding | None = None


@dataclass
class ReviewedClaim:
    claim: Claim
    comparisons: list[Comparison] = field(default_factory=list)

    @property
    def verdict(self) -> Verdict | None:
        """The worst verdict over the comparisons; None when the record says nothing of this fact."""
        if not self.comparisons:
            return None
        return min((c.verdict for c in self.comparisons), key=_RANK.__getitem__)


@dataclass
class Review:
    draft: Report
    claims: list[ReviewedClaim]
    errors: list[InputError]
    record: str
    record_claims: int = 0

    def count(self, verdict: Verdict) -> int:
        return sum(1 for c in self.claims if c.verdict == verdict)


def _error(exc: CheckerError) -> InputError:
    return InputError(path=exc.path or "<input>", code=exc.code, message=exc.message, line=exc.line)


def read_draft(path: str | None = None, text: str | None = None, *, published: str | None = None,
               name: str = "draft.md", max_bytes: int = 5_000_000) -> Report:
    """The draft as a Report, dated ``published`` or today when it carries no date of its own."""
    when = published or date.today().isoformat()
    if text is not None:
        suffix = Path(name).suffix or ".md"
        return read_text(text, path=name, published=when, suffix=suffix)
    if path is None:
        raise CheckerError("usage", "give a draft path or text")
    item = read_report(path, published=when, max_bytes=max_bytes)
    if isinstance(item, ClaimsFile):
        raise CheckerError("usage", "a claims file is not a draft: review a report", path)
    return item


def review_report(draft: Report, record: str | Path, options: CheckOptions | None = None,
                  window_days: int = 30) -> Review:
    """Compare every claim of the draft with the claims on record about the same fact."""
    options = options or CheckOptions()
    lexicon = options.lexicon or default_lexicon()
    metas, claims = extract_claims([draft], lexicon)
    errors: list[InputError] = []
    others: list[Claim] = []
    other_metas: dict[str, ReportMeta] = {}
    total = 0
    if not Path(record).is_dir():
        errors.append(InputError(path=str(record), code="record",
                                 message="no such record folder (create one with `checker record`)"))
    else:
        try:
            with RecordIndex(record, lexicon=lexicon, window_days=window_days, match=options.match) as index:
                errors.extend(_error(e) for e in index.refresh().errors)
                others = index.candidates_for(claims, {m.id: m for m in metas}, exclude_reports={draft.meta.id})
                other_metas = index.reports({c.report for c in others})
                total = index.count()
        except CheckerError as exc:
            errors.append(_error(exc))
    reports = {**other_metas, **{m.id: m for m in metas}}
    groups = Matcher(lexicon, options.match).groups(claims + others)
    conflicts, observations = RuleEngine(settings=options.rule_settings, lexicon=lexicon).run(groups, reports)
    by_pair: dict[frozenset[str], Finding] = {}
    for finding in conflicts + observations:
        if len(finding.claims) == 2:
            by_pair.setdefault(frozenset(finding.claims), finding)
    index_of = {c.id: c for c in claims + others}
    draft_ids = {c.id for c in claims}
    reviewed = {c.id: ReviewedClaim(c) for c in claims}
    for group in groups:
        for a, b in group.pairs:
            if (a in draft_ids) == (b in draft_ids):
                continue  # draft against itself is `checker check`'s business; record against record is history
            mine, theirs = (a, b) if a in draft_ids else (b, a)
            found = by_pair.get(frozenset((a, b)))
            verdict: Verdict = "consistent"
            if found is not None:
                verdict = "superseded" if found.label == "superseded" else "conflict"
            other = index_of[theirs]
            reviewed[mine].comparisons.append(Comparison(other, reports.get(other.report), verdict, found))
    for item in reviewed.values():
        item.comparisons.sort(key=lambda c: (_RANK[c.verdict], c.report.published or "" if c.report else ""))
    return Review(draft=draft, claims=list(reviewed.values()), errors=errors, record=str(record),
                  record_claims=total)
