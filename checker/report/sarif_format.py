"""SARIF 2.1.0: a FindingsDocument in, one SARIF log (JSON text) out, for code-scanning uploads.

Each finding is a ``result`` at its new report's claim (``startLine``,
``startColumn``, the quote as ``snippet``), with the other claims, on record
or in other reports, as ``relatedLocations`` whose message says who said it.
Rules are described from their docstrings (summary as ``shortDescription``);
severities map to levels (error, warning, info -> note). Unreadable inputs
become ``toolExecutionNotifications`` of the invocation. The finding's
fingerprint is kept in ``partialFingerprints`` so code scanning can follow a
finding across runs. The output validates against the official SARIF 2.1.0
schema (tests check it against ``../shared/external/sarif``).
"""

from __future__ import annotations

import inspect
import json
from pathlib import PurePath
from urllib.parse import quote
from typing import Any

from .. import __version__
from ..models import Claim, Finding, FindingsDocument
from ..rules import builtin_rules
from ._locate import all_findings, primary_and_related, reports_by_id, source_label

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def _uri(path: str) -> str:
    pure = PurePath(path)
    # a URI reference: spaces and other reserved characters in file names are percent-encoded
    return pure.as_uri() if pure.is_absolute() else quote(pure.as_posix(), safe="/")


def _region(claim: Claim) -> dict[str, Any]:
    region: dict[str, Any] = {"startLine": claim.source.line, "startColumn": claim.source.column,
                              "snippet": {"text": claim.text}}
    if "\n" not in claim.text:
        region["endColumn"] = claim.source.column + len(claim.text)
    return region


def _location(claim: Claim) -> dict[str, Any]:
    return {"physicalLocation": {"artifactLocation": {"uri": _uri(claim.source.path)}, "region": _region(claim)}}


def _rule_descriptors(findings: list[Finding]) -> list[dict[str, Any]]:
    known = {rule.code: rule for rule in builtin_rules()}
    descriptors: list[dict[str, Any]] = []
    for code in sorted({f.code for f in findings} | set(known)):
        rule = known.get(code)
        name = rule.name if rule else next(f.rule for f in findings if f.code == code)
        doc = inspect.cleandoc(rule.__doc__ or "") if rule else ""
        descriptor: dict[str, Any] = {"id": code, "name": name,
                                      "shortDescription": {"text": rule.summary() if rule else name}}
        if doc:
            descriptor["fullDescription"] = {"text": doc}
            descriptor["defaultConfiguration"] = {"level": _LEVEL[rule.severity.value]}  # type: ignore[union-attr]
        descriptors.append(descriptor)
    return descriptors


def to_sarif(document: FindingsDocument) -> dict[str, Any]:
    """The SARIF log as a JSON-ready dict."""
    claims = {c.id: c for c in document.claims}
    reports = reports_by_id(document)
    record = set(document.record)
    findings = all_findings(document)
    rules = _rule_descriptors(findings)
    rule_index = {r["id"]: i for i, r in enumerate(rules)}
    results: list[dict[str, Any]] = []
    for finding in findings:
        primary, related = primary_and_related(finding, claims, record)
        result: dict[str, Any] = {
            "ruleId": finding.code, "ruleIndex": rule_index[finding.code], "level": _LEVEL[finding.severity.value],
            "message": {"text": finding.message},
            "partialFingerprints": {"checkerFinding/v1": finding.fingerprint},
            "properties": {"rule": finding.rule, **({"label": finding.label} if finding.label else {}),
                           **({"fact": finding.fact} if finding.fact else {})},
        }
        if primary is not None:
            result["locations"] = [_location(primary)]
        result["relatedLocations"] = [
            {"id": n + 1, **_location(c), "message": {"text": f"{source_label(c, reports, record)}: \"{c.text}\""}}
            for n, c in enumerate(related)
        ]
        results.append(result)
    notifications = [
        {"level": "error", "message": {"text": f"[{e.code}] {e.message}"},
         "locations": [{"physicalLocation": {"artifactLocation": {"uri": _uri(e.path)},
                                             **({"region": {"startLine": e.line}} if e.line else {})}}]}
        for e in document.errors
    ]
    return {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "checker", "version": __version__, "rules": rules}},
            "invocations": [{"executionSuccessful": not document.errors,
                             "toolExecutionNotifications": notifications}],
            "results": results,
            "columnKind": "unicodeCodePoints",  # our columns count Python characters, not UTF-16 units
        }],
    }


def render(document: FindingsDocument) -> str:
    return json.dumps(to_sarif(document), indent=2, ensure_ascii=False) + "\n"
