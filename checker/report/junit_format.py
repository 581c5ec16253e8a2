"""JUnit XML: a FindingsDocument in, one ``<testsuite>`` with a test case per checked report out.

CI systems that show test results (GitLab, Jenkins) list each report as a
test: it fails with one ``<failure>`` per finding at or above ``fail_on``
whose primary claim is in that report, passes otherwise. Unreadable inputs
are ``<error>``s. ElementTree does the XML escaping.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import defaultdict

from ..models import Finding, FindingsDocument, Severity
from ._locate import all_findings, primary_and_related, reports_by_id, source_label


def render(document: FindingsDocument, fail_on: str = "error") -> str:
    claims = {c.id: c for c in document.claims}
    reports = reports_by_id(document)
    record = set(document.record)
    threshold = Severity(fail_on).rank if fail_on != "never" else 99
    by_report: dict[str, list[tuple[Finding, str]]] = defaultdict(list)
    for finding in all_findings(document):
        primary, related = primary_and_related(finding, claims, record)
        if primary is None or finding.severity.rank < threshold:
            continue
        where = f"{primary.source.path}:{primary.source.line}:{primary.source.column} \"{primary.text}\""
        others = "".join(f"\n  vs {source_label(c, reports, record)}: \"{c.text}\" at "
                         f"{c.source.path}:{c.source.line}:{c.source.column}" for c in related)
        by_report[primary.report].append((finding, where + others))
    checked = [m for m in document.reports if m.id not in record]
    failures = sum(1 for m in checked if by_report.get(m.id))  # failed test cases, as JUnit counts them
    suite = ET.Element("testsuite", name="checker", tests=str(len(checked) + len(document.errors)),
                       failures=str(failures), errors=str(len(document.errors)))
    for meta in checked:
        case = ET.SubElement(suite, "testcase", classname="checker", name=meta.path)
        for finding, detail in by_report.get(meta.id, []):
            failure = ET.SubElement(case, "failure", type=f"{finding.code} {finding.rule}", message=finding.message)
            failure.text = detail
    for error in document.errors:
        case = ET.SubElement(suite, "testcase", classname="checker", name=error.path)
        ET.SubElement(case, "error", type=error.code, message=error.message)
    ET.indent(suite)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suite, encoding="unicode") + "\n"
