"""The CI formats (SARIF, GitHub annotations, JUnit), the summary line and the progress bar.

One shared run: three example reports on record, the other four checked
against them, so every finding has a new report's claim and a related one.
"""

from __future__ import annotations

import io
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
from conftest import EXAMPLES, ROOT

from checker.cli import main
from checker.models import FindingsDocument
from checker.record import check_against, record_paths
from checker.report import github_format, junit_format, sarif_format, text_format
from checker.report.github_format import escape_property
from checker.report.progress import ProgressBar

SARIF_SCHEMA = ROOT.parent / "shared" / "external" / "sarif" / "sarif-schema-2.1.0.json"
OLD = [str(EXAMPLES / f"r{i}.md") for i in (1, 2, 3)]
NEW = [str(EXAMPLES / f"r{i}.md") for i in (4, 5, 6)] + [str(EXAMPLES / "r7.txt")]


@pytest.fixture(scope="module")
def document(tmp_path_factory: pytest.TempPathFactory) -> FindingsDocument:
    folder = tmp_path_factory.mktemp("record") / "claims"
    record_paths(OLD, folder)
    doc = check_against(NEW, folder)
    assert doc.conflicts and doc.record
    return doc


def _sarif(document: FindingsDocument) -> dict[str, Any]:
    return json.loads(sarif_format.render(document))


def test_sarif_validates_against_the_official_schema(document: FindingsDocument) -> None:
    if not SARIF_SCHEMA.exists():
        pytest.skip("../shared/external (the SARIF 2.1.0 schema) is not here")
    import jsonschema

    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    validator = jsonschema.Draft4Validator(schema)
    log = _sarif(document)
    errors = sorted(validator.iter_errors(log), key=lambda e: list(e.path))
    assert errors == [], [f"{list(e.path)}: {e.message}" for e in errors[:5]]
    # a broken log must fail, or the check above proves nothing
    log["runs"][0]["results"][0]["level"] = "fatal"
    assert not validator.is_valid(log)


def test_sarif_points_at_the_new_article_with_the_record_as_related(document: FindingsDocument) -> None:
    log = _sarif(document)
    assert log["version"] == "2.1.0"
    run = log["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert {"CT01", "CT02", "CT03"} <= {r["id"] for r in rules}
    assert all(r["shortDescription"]["text"] for r in rules)
    results = run["results"]
    assert len(results) == len(document.conflicts) + len(document.findings)
    new_paths = {Path(p).as_posix() for p in NEW}
    record_paths_ = {Path(p).as_posix() for p in OLD}
    places = {(Path(c.source.path).as_posix(), c.source.line, c.source.column, c.text) for c in document.claims}
    seen_record = False
    for result in results:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
        assert result["level"] in {"error", "warning", "note"}
        location = result["locations"][0]["physicalLocation"]
        # file:// URIs for absolute paths
        assert location["artifactLocation"]["uri"].removeprefix("file://") in new_paths
        region = location["region"]
        uri = location["artifactLocation"]["uri"].removeprefix("file://")
        assert (uri, region["startLine"], region["startColumn"], region["snippet"]["text"]) in places
        for related in result["relatedLocations"]:
            uri = related["physicalLocation"]["artifactLocation"]["uri"].removeprefix("file://")
            if uri in record_paths_:
                seen_record = True
                assert "on record" in related["message"]["text"]
        assert result["partialFingerprints"]["checkerFinding/v1"]
    assert seen_record
    levels = {r["level"] for r in results}
    assert "note" in levels and "error" in levels  # superseded tolls are info -> note


def test_sarif_reports_unreadable_inputs_as_notifications(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = str(tmp_path / "gone.md")
    assert main(["check", str(EXAMPLES / "r1.md"), missing, "--format", "sarif"]) == 2
    log = json.loads(capsys.readouterr().out)
    invocation = log["runs"][0]["invocations"][0]
    assert invocation["executionSuccessful"] is False
    assert "gone.md" in invocation["toolExecutionNotifications"][0]["locations"][0]["physicalLocation"][
        "artifactLocation"]["uri"]


def test_github_annotations(document: FindingsDocument) -> None:
    lines = github_format.render(document).splitlines()
    assert len(lines) == len(document.conflicts) + len(document.findings)
    pattern = re.compile(r"^::(error|warning|notice) file=([^,]+),line=(\d+),col=(\d+),endColumn=\d+,title=(CT\d\d) [a-z-]+::")
    for line in lines:
        match = pattern.match(line)
        assert match, line
        assert match.group(2) in {str(p) for p in NEW}
        assert "\n" not in line and "%0A  vs " in line  # the other claims, on escaped lines
    assert any(line.startswith("::notice ") for line in lines)
    assert escape_property("a,b:c%\n") == "a%2Cb%3Ac%25%0A"


def test_junit_one_case_per_checked_report(document: FindingsDocument) -> None:
    suite = ET.fromstring(junit_format.render(document, fail_on="info"))
    cases = suite.findall("testcase")
    assert [c.get("name") for c in cases] == NEW
    failed = [c for c in cases if c.find("failure") is not None]
    assert suite.get("failures") == str(len(failed)) and failed
    assert sum(len(c.findall("failure")) for c in cases) == len(document.conflicts) + len(document.findings)
    errors_only = ET.fromstring(junit_format.render(document, fail_on="error"))
    n_errors = sum(1 for f in document.conflicts + document.findings if f.severity.value == "error")
    assert sum(len(c.findall("failure")) for c in errors_only.findall("testcase")) == n_errors


def test_text_ends_with_the_summary_line_naming_the_record(document: FindingsDocument) -> None:
    last = text_format.render(document).splitlines()[-1]
    s = document.summary
    assert last.startswith(f"{s.conflicts} conflicts (")
    assert f"in 4 reports, {s.claims} claims" in last
    assert last.endswith(f"checked against {s.record_claims} claims on record")
    assert "[on record]" in text_format.render(document)


def test_cli_formats_end_to_end(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "claims"
    assert main(["record", *OLD, "--record", str(folder)]) == 0
    capsys.readouterr()
    for fmt in ("sarif", "github", "junit", "text"):
        code = main(["check", *NEW, "--against", str(folder), "--format", fmt])
        out, err = capsys.readouterr()
        assert code == 1 and err == ""
        assert out.strip()


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_bar_only_on_a_terminal_and_only_for_many_files() -> None:
    tty = _Terminal()
    bar = ProgressBar(tty, min_total=10)
    for done in range(21):
        bar(done, 20)
    shown = tty.getvalue()
    assert "20/20 reports" in shown and shown.endswith("\n") and shown.count("\r") == 21
    few = _Terminal()
    ProgressBar(few, min_total=10)(1, 3)
    assert few.getvalue() == ""
    pipe = io.StringIO()
    ProgressBar(pipe, min_total=1)(5, 20)
    assert pipe.getvalue() == ""


def test_json_of_a_run_against_the_record_validates_against_the_findings_schema(document: FindingsDocument) -> None:
    import jsonschema
    from conftest import SCHEMAS

    from checker.report import json_format

    schema = json.loads((SCHEMAS / "findings.schema.json").read_text(encoding="utf-8"))
    data = json.loads(json_format.render(document))
    jsonschema.Draft202012Validator(schema).validate(data)
    record_claims = [c for c in data["claims"] if c["report"] in data["record"]]
    assert record_claims, "the record's claims cited by findings travel with the document"
    cited = {cid for f in data["conflicts"] + data["findings"] for cid in f["claims"]}
    assert {c["id"] for c in record_claims} <= cited


def test_sarif_uris_are_encoded() -> None:
    assert sarif_format._uri("news/a b#1.md") == "news/a%20b%231.md"
    assert sarif_format._uri("/tmp/a b.md") == "file:///tmp/a%20b.md"
