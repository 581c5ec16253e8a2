"""Text: findings grouped by fact, each with both quotes at path:line:column, then a summary line."""

from __future__ import annotations

from collections import defaultdict

from ..models import Claim, Finding, FindingsDocument


def _where(c: Claim) -> str:
    return f"{c.source.path}:{c.source.line}:{c.source.column}"


def _standing(c: Claim, record: set[str]) -> str:
    """" [on record, disputed]": where a claim comes from the record or an editor gave it a status."""
    marks = (["on record"] if c.report in record else []) + ([c.status.value] if c.status.value != "reported" else [])
    return f"  [{', '.join(marks)}]" if marks else ""


def summary_line(document: FindingsDocument) -> str:
    s = document.summary
    sev = s.by_severity
    parts = ", ".join(f"{sev[k]} {k}{'s' if sev[k] != 1 and k != 'info' else ''}" for k in ("error", "warning", "info") if sev.get(k))
    conflicts = f"{s.conflicts} conflict{'s' if s.conflicts != 1 else ''}"
    if parts:
        conflicts += f" ({parts})"
    line = f"{conflicts} in {s.reports} report{'s' if s.reports != 1 else ''}, {s.claims} claims"
    if s.findings:
        line += f"; {s.findings} other finding{'s' if s.findings != 1 else ''}"
    if s.errors:
        line += f"; {s.errors} unreadable input{'s' if s.errors != 1 else ''}"
    if s.suppressed:
        line += f"; {s.suppressed} suppressed"
    if s.record_claims is not None:
        line += f"; checked against {s.record_claims:,} claim{'s' if s.record_claims != 1 else ''} on record"
    return line


def render(document: FindingsDocument, show_claims: bool = False) -> str:
    claims = {c.id: c for c in document.claims}
    record = set(document.record)
    out: list[str] = []
    if show_claims:
        for c in document.claims:
            v = c.value.model_dump()
            out.append(f"{_where(c)}: {c.kind}/{c.measure} {c.subject or '-'} {v}  \"{c.text}\"")
        out.append("")
    by_fact: dict[str, list[Finding]] = defaultdict(list)
    for f in document.conflicts + document.findings:
        by_fact[f.fact or "-"].append(f)
    for fact, findings in by_fact.items():
        first = claims.get(findings[0].claims[0])
        title = f"{first.kind}/{first.measure}" + (f" of {first.subject}" if first and first.subject else "") if first else fact
        out.append(f"== {title} [{fact}]")
        for f in findings:
            label = f" ({f.label})" if f.label else ""
            out.append(f"  {f.severity.value}{label} {f.code} {f.rule}: {f.message}")
            for cid in f.claims:
                c = claims.get(cid)
                if c is not None:
                    out.append(f"    {_where(c)}  \"{c.text}\"{_standing(c, record)}")
            if f.match is not None:
                out.append(f"    matched: {f.match.level} {f.match.score:.0f} ({'; '.join(f.match.reasons)})")
            if f.threshold:
                out.append(f"    threshold: {f.threshold}")
        out.append("")
    if document.suppressed:
        out.append("== suppressed")
        for f in document.suppressed:
            quotes = "; ".join(f"{_where(claims[c])} \"{claims[c].text}\"" for c in f.claims if c in claims)
            out.append(f"  {f.severity.value} {f.code} {f.rule} [{f.fingerprint}] by {f.suppressed_by}: {quotes}")
        out.append("")
    out.append(summary_line(document))
    return "\n".join(out) + "\n"
