"""Suppressions and baselines: inline comments, the ignore file, --baseline, --show-suppressed, exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import WriteReports

from checker import CheckerError, CheckOptions, check_files
from checker.cli import main
from checker.suppress import inline_ignores, read_ignore_file

A = "At least 40 people died when an overloaded ferry capsized on Lake Kivu on Sunday."
B = "The capsizing of the ferry on Lake Kivu on Sunday killed 31 people, police said."


def codes(document: object, key: str = "conflicts") -> list[str]:
    return [f.code for f in getattr(document, key)]


def test_inline_scopes() -> None:
    text = ("line one <!-- checker: ignore CT01 -->\n<!-- checker: ignore count-mismatch, CT02 -->\n\n"
            "line four\n<!-- checker: ignore-file -->\n")
    found = inline_ignores(text)
    assert [(d.lines and sorted(d.lines), sorted(d.rules), d.line) for d in found] == [
        ([1], ["CT01"], 1), ([2, 4], ["CT02", "count-mismatch"], 2), (None, [], 5)]


@pytest.mark.parametrize(("a_text", "suppressed"), [
    (A + " <!-- checker: ignore CT01 -->", True),               # the same line
    ("<!-- checker: ignore count-mismatch -->\n\n" + A, True),  # the next non-blank line, by name
    (A + " <!-- checker: ignore CT03 -->", False),              # another rule
    ("<!-- checker: ignore CT01 -->\n" + A + "\n\nAnother paragraph.", True),
    ("Another paragraph.\n\n<!-- checker: ignore -->\nA third one.\n\n" + A, False),  # covers a third line only
    ("<!-- checker: ignore-file count-mismatch -->\n\nFirst.\n\n" + A, True),
])
def test_inline_comment_suppresses_the_pair(a_text: str, suppressed: bool, write_reports: WriteReports) -> None:
    document = check_files([str(p) for p in write_reports([a_text, B])])
    if suppressed:
        assert codes(document) == [] and codes(document, "suppressed") == ["CT01"]
        assert document.summary.suppressed == 1 and document.summary.conflicts == 0
        assert document.suppressed[0].suppressed_by.startswith("inline ignore")
    else:
        assert codes(document) == ["CT01"] and document.suppressed == []


def test_ignore_file_by_fingerprint_and_by_rule_and_glob(tmp_path: Path, write_reports: WriteReports) -> None:
    paths = [str(p) for p in write_reports([A, B])]
    fingerprint = check_files(paths).conflicts[0].fingerprint
    ignore = tmp_path / ".checkerignore"
    for entry in (fingerprint, "CT01 rA.md", "count-mismatch r?.md", f"* {tmp_path}/*.md"):
        ignore.write_text(f"# reviewed\n{entry}  # old\n", encoding="utf-8")
        document = check_files(paths, CheckOptions(ignore_file=ignore))
        assert codes(document) == [], entry
        assert document.suppressed[0].suppressed_by == f"ignore file {ignore}:2"
    ignore.write_text("CT02 *.md\n0123456789abcdef\n", encoding="utf-8")
    assert codes(check_files(paths, CheckOptions(ignore_file=ignore))) == ["CT01"]
    ignore.write_text("CT01 rA.md extra\n", encoding="utf-8")
    with pytest.raises(CheckerError) as info:
        read_ignore_file(ignore)
    assert (info.value.code, info.value.path, info.value.line) == ("ignore", str(ignore), 1)


def test_config_finds_the_ignore_file_beside_it(tmp_path: Path, write_reports: WriteReports,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    paths = [str(p) for p in write_reports([A, B])]
    (tmp_path / "checker.toml").write_text("fail_on = 'error'\n", encoding="utf-8")
    (tmp_path / ".checkerignore").write_text("CT01 *\n", encoding="utf-8")
    assert main(["check", *paths, "--config", str(tmp_path / "checker.toml")]) == 0  # suppressed: no failure
    out = capsys.readouterr().out
    assert out.strip().endswith("; 1 suppressed") and out.strip().startswith("0 conflicts in 2 reports")
    assert "== suppressed" not in out


def test_baseline_reports_only_new_findings(tmp_path: Path, write_reports: WriteReports,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    paths = [str(p) for p in write_reports([A, B])]
    assert main(["check", *paths, "--format", "json"]) == 1
    baseline = tmp_path / "baseline.json"
    baseline.write_text(capsys.readouterr().out, encoding="utf-8")

    assert main(["check", *paths, "--baseline", str(baseline), "--format", "json"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert document["conflicts"] == [] and document["suppressed"] == [] and document["summary"]["suppressed"] == 1

    assert main(["check", *paths, "--baseline", str(baseline), "--show-suppressed"]) == 0
    out = capsys.readouterr().out
    assert "== suppressed" in out and "CT01 count-mismatch" in out and "by baseline" in out

    # a new disagreement is reported even with the baseline
    third = write_reports([A, B, "Twelve people drowned when the ferry capsized on Lake Kivu on Sunday."])
    assert main(["check", *[str(p) for p in third], "--baseline", str(baseline), "--format", "json"]) == 1
    assert json.loads(capsys.readouterr().out)["conflicts"]

    baseline.write_text("[1, 2]", encoding="utf-8")
    assert main(["check", *paths, "--baseline", str(baseline)]) == 2
    assert "error [baseline]" in capsys.readouterr().err
