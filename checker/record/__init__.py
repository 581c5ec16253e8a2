"""The claim record: put reports' claims on record, and check new reports against it.

- :func:`record_paths` reads and extracts reports (or takes claims files) and
  adds each to the record folder (``store.add``: idempotent by fingerprint,
  locked, atomic).
- :func:`check_against` checks new reports against each other and against the
  record: the record's claims that could be the same fact (found through the
  SQLite index, ``index.RecordIndex``) join the match stage; only findings
  that involve a new report are kept, since the record's own disagreements
  were reported when they were recorded.

Both give problems (unreadable reports, corrupt record files) as
``InputError``s beside the result, never raise for one bad file.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from ..errors import CheckerError
from ..models import Claim, ClaimsFile, FindingsDocument, InputError, Report, ReportMeta, Summary
from ..pipeline import CheckOptions, extract_claims, judge, read_all
from .index import RecordIndex, candidates
from .store import DEFAULT_RECORD, RecordChange, add, load_record, remove, set_status

__all__ = ["DEFAULT_RECORD", "RecordChange", "RecordIndex", "add", "candidates", "check_against",
           "load_record", "record_paths", "remove", "set_status"]


def _input_error(exc: CheckerError) -> InputError:
    return InputError(path=exc.path or "<input>", code=exc.code, message=exc.message, line=exc.line)


def _as_claims_file(item: Report | ClaimsFile, options: CheckOptions) -> ClaimsFile:
    if isinstance(item, ClaimsFile):
        return item
    _, claims = extract_claims([item], options.lexicon)
    return ClaimsFile(report=item.meta, claims=claims)


def record_paths(paths: Iterable[str], folder: str | Path = DEFAULT_RECORD,
                 options: CheckOptions | None = None) -> tuple[RecordChange, list[InputError]]:
    """Extract the reports of ``paths`` and put their claims on record in ``folder``."""
    options = options or CheckOptions()
    items, errors = read_all(paths, options)
    change = RecordChange()
    for done, item in enumerate(items):
        if options.progress is not None:
            options.progress(done, len(items))
        document = _as_claims_file(item, options)
        try:
            add(Path(folder), document, change)
        except CheckerError as exc:
            errors.append(_input_error(exc))
    if options.progress is not None:
        options.progress(len(items), len(items))
    return change, errors


def check_against(paths: Iterable[str], folder: str | Path = DEFAULT_RECORD,
                  options: CheckOptions | None = None, window_days: int = 30) -> FindingsDocument:
    """Check new reports against each other and against the claims on record in ``folder``."""
    options = options or CheckOptions()
    items, errors = read_all(paths, options)
    metas, claims = extract_claims(items, options.lexicon, options.progress)
    new_ids = {m.id for m in metas}
    record_claims: list[Claim] = []
    record_metas: list[ReportMeta] = []
    total_on_record: int | None = None
    if not Path(folder).is_dir():
        errors.append(InputError(path=str(folder), code="record",
                                 message="no such record folder (create one with `checker record`)"))
    else:
        try:
            with RecordIndex(folder, lexicon=options.lexicon, window_days=window_days,
                             match=options.match) as index:
                refreshed = index.refresh()
                errors.extend(_input_error(e) for e in refreshed.errors)
                by_id = {m.id: m for m in metas}
                record_claims = index.candidates_for(claims, by_id, exclude_reports=new_ids)
                record_metas = list(index.reports({c.report for c in record_claims}).values())
                total_on_record = index.count()
        except CheckerError as exc:
            errors.append(_input_error(exc))
    conflicts, others = judge(metas + record_metas, claims + record_claims, options)
    new_claim_ids = {c.id for c in claims}

    def involves_new(ids: list[str]) -> bool:
        return any(cid in new_claim_ids for cid in ids)

    conflicts = [f for f in conflicts if involves_new(f.claims)]
    others = [f for f in others if involves_new(f.claims)]
    cited = {cid for f in conflicts + others for cid in f.claims}
    shown_record = [c for c in record_claims if c.id in cited]
    shown_reports = {c.report for c in shown_record}
    by_sev = Counter(f.severity.value for f in conflicts + others)
    return FindingsDocument(
        reports=metas + [m for m in record_metas if m.id in shown_reports],
        claims=claims + shown_record, conflicts=conflicts, findings=others, errors=errors,
        record=sorted(shown_reports),
        summary=Summary(reports=len(metas), claims=len(claims), conflicts=len(conflicts), findings=len(others),
                        errors=len(errors), by_severity=dict(by_sev), record_claims=total_on_record),
    )
