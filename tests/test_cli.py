"""The command line end to end: output formats, exit codes, bad input, stdin, normalize.

Most tests call ``checker.cli.main`` in-process (fast; a traceback would fail the
test as an exception); a few run ``python -m checker.cli`` in a subprocess to
cover the real entry point, stdin and stderr.
"""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from conftest import EXAMPLES, ROOT

from checker.cli import main

GOOD_REPORT = (
    "---\nid: good\npublished: 2020-03-05\n---\n"
    "At least 12 people were killed when a bus was bombed near Aleppo on Tuesday.\n"
)
SUMMARY = re.compile(r"^\d+ conflicts? .* in \d+ reports?, \d+ claims")


def run(args: list[str], capsys: pytest.CaptureFixture[str], stdin: str | None = None,
        monkeypatch: pytest.MonkeyPatch | None = None) -> tuple[int, str, str]:
    if stdin is not None:
        assert monkeypatch is not None
        monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


def run_process(args: list[str], stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "checker.cli", *args], input=stdin, capture_output=True, check=False,
                          text=True, cwd=ROOT, timeout=60)


# -- check and extract on the examples ---------------------------------------


def test_check_json_has_claims_and_conflicts_and_exits_1(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(["check", str(EXAMPLES), "--format", "json"], capsys)
    document = json.loads(out)  # one JSON document, nothing else on stdout
    assert code == 1
    assert err == ""
    assert len(document["reports"]) == 7
    assert document["claims"] and document["conflicts"]
    assert any(c["severity"] == "error" for c in document["conflicts"])
    assert document["summary"]["conflicts"] == len(document["conflicts"])
    assert document["summary"]["claims"] == len(document["claims"])
    texts = {c["text"] for c in document["claims"]}
    assert "33 Turkish soldiers" in texts


def test_fail_on_never_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["check", str(EXAMPLES), "--format", "json", "--fail-on", "never"], capsys)
    assert code == 0
    assert json.loads(out)["conflicts"]


def test_text_format_ends_with_summary(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["check", str(EXAMPLES)], capsys)
    assert code == 1
    last = out.rstrip("\n").splitlines()[-1]
    assert SUMMARY.match(last), last
    assert " in 7 reports, " in last
    assert "CT01 count-mismatch" in out


def test_extract_json_has_claims_and_no_conflicts(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["extract", str(EXAMPLES), "--format", "json"], capsys)
    document = json.loads(out)
    assert code == 0
    assert document["conflicts"] == [] and document["findings"] == []
    assert len(document["claims"]) > 10


# -- bad input ----------------------------------------------------------------


def _bad_inputs(tmp: Path) -> dict[str, tuple[str, list[str]]]:
    """kind -> (path, extra arguments); each path is one bad input."""
    empty_folder = tmp / "no-reports"
    empty_folder.mkdir()
    (empty_folder / "notes.yaml").write_text("facts: []\n", encoding="utf-8")
    (tmp / "latin1.txt").write_bytes(b"Twelve people died in the caf\xe9 fire.\n")
    (tmp / "blob.txt").write_bytes(b"Twelve\x00people")
    (tmp / "front.md").write_text("---\nid: x\ntitle: [unclosed\n---\nTwelve people died.\n", encoding="utf-8")
    claims = {"report": {"id": "c", "path": "c.md"},
              "claims": [{"id": "c1", "kind": "casualty", "measure": "killed", "value": {"low": "x"}}]}
    (tmp / "claims.json").write_text(json.dumps(claims), encoding="utf-8")
    (tmp / "empty.md").write_text("---\nid: e\n---\n\n  \n", encoding="utf-8")
    (tmp / "big.txt").write_text("Twelve people died in the fire. " * 40, encoding="utf-8")
    return {
        "missing": (str(tmp / "missing.md"), []),
        "no-reports": (str(empty_folder), []),
        "encoding": (str(tmp / "latin1.txt"), []),
        "binary": (str(tmp / "blob.txt"), []),
        "front-matter": (str(tmp / "front.md"), []),
        "schema": (str(tmp / "claims.json"), []),
        "empty": (str(tmp / "empty.md"), []),
        "too-large": (str(tmp / "big.txt"), ["--max-bytes", "1000"]),
    }


BAD_KINDS = ["missing", "no-reports", "encoding", "binary", "front-matter", "schema", "empty", "too-large"]


def _good(tmp: Path) -> str:
    path = tmp / "good.md"
    path.write_text(GOOD_REPORT, encoding="utf-8")
    return str(path)


def _assert_good_report_checked(document: dict[str, Any]) -> None:
    assert [r["id"] for r in document["reports"]] == ["good"]
    good = [c for c in document["claims"] if c["report"] == "good"]
    assert any(c["value"].get("low") == 12 and c["measure"] == "killed" for c in good), good


@pytest.mark.parametrize("kind", BAD_KINDS)
def test_bad_input_is_one_line_and_the_good_report_is_still_checked(
    kind: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad, extra = _bad_inputs(tmp_path)[kind]
    good = _good(tmp_path)
    code, out, err = run(["check", good, bad, "--format", "json", *extra], capsys)
    assert code == 2
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith(bad), lines[0]
    assert f"[{kind if kind != 'missing' else 'not-found'}]" in lines[0]
    assert "Traceback" not in err
    document = json.loads(out)
    _assert_good_report_checked(document)
    assert [e["path"] for e in document["errors"]] == [bad]


def test_all_bad_inputs_at_once_in_a_subprocess(tmp_path: Path) -> None:
    bad = _bad_inputs(tmp_path)
    paths = [path for path, _ in bad.values()]
    result = run_process(["check", _good(tmp_path), *paths, "--format", "json", "--max-bytes", "1000"])
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == len(paths), result.stderr
    for path, line in zip(paths, lines, strict=True):
        assert line.startswith(path), (path, line)
    _assert_good_report_checked(json.loads(result.stdout))


# -- stdin ----------------------------------------------------------------------


def test_dash_reads_stdin_with_published_date() -> None:
    text = "Twelve people were killed when a bus was bombed near Aleppo on Tuesday.\n"
    result = run_process(["check", "-", "--published", "2020-03-05", "--format", "json"], stdin=text)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    document = json.loads(result.stdout)
    assert document["reports"][0]["published"] == "2020-03-05"
    claim = next(c for c in document["claims"] if c["measure"] == "killed")
    assert claim["value"]["best"] == 12
    assert claim["text"] in text
    # "on Tuesday" resolves against the given date: Tuesday 3 March 2020
    assert claim["event_date"] == {"start": "2020-03-03", "end": "2020-03-03"}


def test_published_must_be_a_date(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["check", "-", "--published", "last week"])
    assert caught.value.code == 2
    assert "not an ISO date" in capsys.readouterr().err


# -- normalize ----------------------------------------------------------------


def test_normalize_prints_a_mention(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(["normalize", "nearly a million people"], capsys)
    assert code == 0, err
    lines = out.splitlines()
    assert len(lines) == 1, out
    assert "'nearly a million'" in lines[0]
    assert "900000" in lines[0] and "1000000" in lines[0]


def test_normalize_batch_one_json_line_per_input_line_in_order() -> None:
    inputs: list[dict[str, Any]] = [
        {"text": "at least 34 soldiers were killed", "reference": None},
        {"text": "a corridor six miles either side of the road", "reference": "2020-03-05"},
        {"text": "no figures here", "reference": None},
        {"text": "the truce began last Thursday", "reference": "2020-03-05"},
    ]
    stdin = "".join(json.dumps(item) + "\n" for item in inputs)
    result = run_process(["normalize"], stdin=stdin)
    assert result.returncode == 0, result.stderr
    outputs = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(outputs) == len(inputs)
    for item, output in zip(inputs, outputs, strict=True):
        for mention in output["mentions"]:
            assert set(mention) >= {"kind", "text", "start", "end", "value"}
            assert item["text"][mention["start"]:mention["end"]] == mention["text"]
    assert outputs[0]["mentions"][0]["value"] == {"low": 34, "best": 34, "high": None, "unit": None}
    assert outputs[1]["mentions"][0]["value"]["unit"] == "mi"
    assert outputs[2]["mentions"] == []
    assert outputs[3]["mentions"][0]["kind"] == "date"
    assert outputs[3]["mentions"][0]["value"] == {"start": "2020-02-27", "end": "2020-02-27"}


def test_python_dash_m_runs_the_same_command_line() -> None:
    result = subprocess.run([sys.executable, "-m", "checker", "normalize", "a dozen boats"],
                            capture_output=True, text=True, cwd=ROOT, check=False)
    assert result.returncode == 0, result.stderr
    assert '"best": 12.0' in result.stdout


def test_the_readme_quotes_the_summary_the_bundled_example_gives(capsys: pytest.CaptureFixture[str]) -> None:
    """The README's example summary line is what `checker check examples/idlib-2020` prints: a finding the
    example's README does not list (a distractor flagged) changes the count and fails here."""
    _, out, _ = run(["check", str(EXAMPLES)], capsys)
    last = out.rstrip("\n").splitlines()[-1]
    assert f"(`{last}`)" in (ROOT / "README.md").read_text(encoding="utf-8"), last
