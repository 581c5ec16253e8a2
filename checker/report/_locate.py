"""Where a finding points, for the formatters: the new report's claim first, the others as related.

A finding of ``check --against`` pairs a claim of a new report with claims of
the record (``FindingsDocument.record`` names the record's reports); CI
annotations belong on the new article, so its claim is the primary location.
Without a record the first claim of the finding is primary.
"""

from __future__ import annotations

from ..models import Claim, Finding, FindingsDocument, ReportMeta


def primary_and_related(finding: Finding, claims: dict[str, Claim], record: set[str]) -> tuple[Claim | None, list[Claim]]:
    """The claim a finding is reported at, and the claims it is related to."""
    found = [claims[cid] for cid in finding.claims if cid in claims]
    if not found:
        return None, []
    primary = next((c for c in found if c.report not in record), found[0])
    return primary, [c for c in found if c is not primary]


def reports_by_id(document: FindingsDocument) -> dict[str, ReportMeta]:
    return {m.id: m for m in document.reports}


def source_label(claim: Claim, reports: dict[str, ReportMeta], record: set[str]) -> str:
    """"Outlet, 2020-03-05, on record, confirmed": who said it, when, and the record status when it matters."""
    meta = reports.get(claim.report)
    parts = [meta.outlet if meta and meta.outlet else claim.report]
    if meta and meta.published:
        parts.append(meta.published[:10])
    if claim.report in record:
        parts.append("on record")
    if claim.status.value != "reported":
        parts.append(claim.status.value)
    return ", ".join(parts)


def all_findings(document: FindingsDocument) -> list[Finding]:
    return list(document.conflicts) + list(document.findings)
