"""The pipeline: paths or reports in, a FindingsDocument out.

``check_files`` composes the stages: read (each file on its own, so one bad
file costs only itself), extract, match, rules. ``check`` does the same for
reports already read, ``extract_claims`` stops after extraction. No output
formatting here: the formatters under ``checker/report`` render documents.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from .errors import CheckerError
from .lexicon import Lexicon, default_lexicon
from .match import Matcher, MatchSettings
from .models import Claim, ClaimsFile, Finding, FindingsDocument, InputError, Report, ReportMeta, RuleSetting, Summary
from .parallel import extract_each
from .read import DEFAULT_MAX_BYTES, expand_paths, read_report, read_text
from .rules import Rule, RuleEngine
from .suppress import Suppressor, read_baseline


@dataclass
class CheckOptions:
    """How a run reads and judges: fill-in publication date, size limit, rule settings."""

    published: str | None = None
    max_bytes: int = DEFAULT_MAX_BYTES
    rule_settings: dict[str, RuleSetting] = field(default_factory=dict)
    match: MatchSettings = field(default_factory=MatchSettings)
    lexicon: Lexicon | None = None
    stdin_text: str | None = None
    rules: list[type[Rule]] | None = None  # None: the built-in rules
    setup_errors: list[InputError] = field(default_factory=list)  # plugins that failed to load
    ignore_file: Path | None = None
    baseline: Path | None = None
    record: list[Path] = field(default_factory=list)  # the claim record's files (config ``record``), kept for its stage
    # called with (reports done, reports in all) as extraction goes: the CLI's progress bar
    progress: Callable[[int, int], None] | None = None
    jobs: int = 1  # processes for extraction (the CLI defaults to all cores)
    engine: str = "local"  # or "dask": checker/engine/dask_engine.py
    scheduler: str | None = None  # Dask scheduler address; None starts a local cluster


def _error(exc: CheckerError) -> InputError:
    return InputError(path=exc.path or "<input>", code=exc.code, message=exc.message, line=exc.line)


def read_all(paths: Iterable[str], options: CheckOptions) -> tuple[list[Report | ClaimsFile], list[InputError]]:
    """Every readable report of the paths (folders expanded), and one error per unreadable one."""
    files, problems = expand_paths(list(paths))
    errors = [_error(p) for p in problems]
    items: list[Report | ClaimsFile] = []
    for path in files:
        try:
            if path == "-":
                items.append(read_text(options.stdin_text or "", published=options.published))
            else:
                items.append(read_report(path, published=options.published, max_bytes=options.max_bytes))
        except CheckerError as exc:
            errors.append(_error(exc))
    return items, errors


def _unique_ids(items: list[Report | ClaimsFile]) -> list[Report | ClaimsFile]:
    """Two files with one report id (r01.md in two folders) get distinct ids."""
    seen: Counter[str] = Counter()
    out: list[Report | ClaimsFile] = []
    for item in items:
        meta = item.meta if isinstance(item, Report) else item.report
        seen[meta.id] += 1
        if seen[meta.id] > 1:
            new_meta = meta.model_copy(update={"id": f"{meta.id}#{seen[meta.id]}"})
            if isinstance(item, Report):
                item = item.model_copy(update={"meta": new_meta})
            else:
                item = item.model_copy(update={
                    "report": new_meta,
                    "claims": [c.model_copy(update={"report": new_meta.id, "id": f"{new_meta.id}:{c.id}"}) for c in item.claims],
                })
        out.append(item)
    return out


def extract_claims(items: list[Report | ClaimsFile], lexicon: Lexicon | None = None,
                   progress: Callable[[int, int], None] | None = None, jobs: int = 1,
                   ) -> tuple[list[ReportMeta], list[Claim]]:
    """Reports' metadata and claims in input order; ``jobs`` > 1 extracts in that many processes."""
    unique = _unique_ids(items)
    metas = [item.report if isinstance(item, ClaimsFile) else item.meta for item in unique]
    claims = [c for found in extract_each(unique, lexicon, jobs, progress=progress) for c in found]
    return metas, claims


def judge(metas: list[ReportMeta], claims: list[Claim], options: CheckOptions) -> tuple[list[Finding], list[Finding]]:
    lexicon = options.lexicon or default_lexicon()
    groups = Matcher(lexicon, options.match).groups(claims)
    engine = RuleEngine(rules=options.rules, settings=options.rule_settings, lexicon=lexicon)
    return engine.run(groups, {m.id: m for m in metas}, claims)


def _run(items: list[Report | ClaimsFile], options: CheckOptions, judging: bool
         ) -> tuple[list[ReportMeta], list[Claim], list[Finding], list[Finding]]:
    """Extract and, when judging, match and judge: here, or on the engine the options name."""
    if options.engine == "dask":
        from .engine import dask_engine

        return dask_engine.run(items, options, judging)
    metas, claims = extract_claims(items, options.lexicon, options.progress, options.jobs)
    conflicts, others = judge(metas, claims, options) if judging else ([], [])
    return metas, claims, conflicts, others


def _document(metas: list[ReportMeta], claims: list[Claim], conflicts: list[Finding], others: list[Finding],
              errors: list[InputError], suppressed: list[Finding] | None = None) -> FindingsDocument:
    suppressed = suppressed or []
    by_sev = Counter(f.severity.value for f in conflicts + others)
    return FindingsDocument(
        reports=metas, claims=claims, conflicts=conflicts, findings=others, errors=errors, suppressed=suppressed,
        summary=Summary(reports=len(metas), claims=len(claims), conflicts=len(conflicts), findings=len(others),
                        errors=len(errors), suppressed=len(suppressed), by_severity=dict(by_sev)),
    )


def _suppress(items: list[Report | ClaimsFile], claims: list[Claim], conflicts: list[Finding], others: list[Finding],
              options: CheckOptions) -> tuple[list[Finding], list[Finding], list[Finding]]:
    """(conflicts, findings, suppressed) after inline comments, the ignore file and the baseline."""
    texts = {item.meta.path: item.raw or item.text for item in items if isinstance(item, Report)}
    baseline = read_baseline(options.baseline) if options.baseline else set()
    suppressor = Suppressor(texts=texts, ignore_file=options.ignore_file, baseline=baseline)
    index = {c.id: c for c in claims}
    conflicts, silenced_conflicts = suppressor.split(conflicts, index)
    others, silenced_others = suppressor.split(others, index)
    return conflicts, others, silenced_conflicts + silenced_others


def check(reports: list[Report | ClaimsFile], options: CheckOptions | None = None) -> FindingsDocument:
    """Extract, match and judge reports already read."""
    options = options or CheckOptions()
    metas, claims, conflicts, others = _run(reports, options, judging=True)
    conflicts, others, suppressed = _suppress(reports, claims, conflicts, others, options)
    return _document(metas, claims, conflicts, others, list(options.setup_errors), suppressed)


def check_files(paths: Iterable[str], options: CheckOptions | None = None) -> FindingsDocument:
    """Read, extract, match and judge files and folders; unreadable ones become errors, the rest are checked."""
    options = options or CheckOptions()
    items, errors = read_all(paths, options)
    metas, claims, conflicts, others = _run(items, options, judging=True)
    conflicts, others, suppressed = _suppress(items, claims, conflicts, others, options)
    return _document(metas, claims, conflicts, others, list(options.setup_errors) + errors, suppressed)


def extract_files(paths: Iterable[str], options: CheckOptions | None = None) -> FindingsDocument:
    """Read and extract only: the same document with no conflicts."""
    options = options or CheckOptions()
    items, errors = read_all(paths, options)
    metas, claims, _, _ = _run(items, options, judging=False)
    return _document(metas, claims, [], [], errors)
