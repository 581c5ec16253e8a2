"""Rule cases: every named case of every ``tests/rules/cases/CTxx.yml``, one parametrised test.

A case file names its rule and holds ``fail_*`` cases (the rule must give
exactly the findings in ``expect``) and ``pass_*`` cases (the rule must give
none). Each report text is written as ``rA.md``, ``rB.md``... with front matter
(``published`` from the case, 2020-03-05 by default) and the files are run
through ``checker.check_files``, so a case exercises read, extract, match and
the rule together. ``pytest -k CT01`` runs one rule's cases.

Case keys: ``reports`` (list of texts), ``published`` (one date, or one per
report), ``expect`` (list of ``{rule, label?, severity?}``), ``xfail`` (why the
pipeline does not get it right yet: the case still runs, strict=False),
``note``. Any other key is an error naming the file and the key.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import WriteReports

from checker import check_files
from checker.rules import builtin_rules

CASES_DIR = Path(__file__).parent / "rules" / "cases"
CASE_KEYS = {"reports", "published", "expect", "xfail", "note"}
EXPECT_KEYS = {"rule", "label", "severity"}


def _problems(path: Path, name: str, case: Any) -> list[str]:
    where = f"{path.name}: case {name!r}"
    if not name.startswith(("fail_", "pass_")):
        return [f"{where}: case names start with fail_ or pass_"]
    if not isinstance(case, dict):
        return [f"{where}: a case is a mapping with at least 'reports'"]
    problems = [f"{where}: unknown key {key!r} (known: {', '.join(sorted(CASE_KEYS))})" for key in case
                if key not in CASE_KEYS]
    reports = case.get("reports")
    if not isinstance(reports, list) or not reports or not all(isinstance(r, str) for r in reports):
        problems.append(f"{where}: 'reports' must be a non-empty list of texts")
    expect = case.get("expect") or []
    if not isinstance(expect, list) or not all(isinstance(e, dict) and "rule" in e for e in expect):
        problems.append(f"{where}: 'expect' must be a list of mappings with a 'rule' key")
    else:
        problems += [f"{where}: unknown key {key!r} in expect" for e in expect for key in e if key not in EXPECT_KEYS]
    if name.startswith("fail_") and not expect:
        problems.append(f"{where}: a fail_ case needs a non-empty 'expect'")
    if name.startswith("pass_") and expect:
        problems.append(f"{where}: a pass_ case expects nothing from its rule; leave 'expect' out")
    return problems


def load_case_files() -> dict[str, dict[str, Any]]:
    """Rule code -> {case name: case} for every case file; bad files are reported as problems."""
    files: dict[str, dict[str, Any]] = {}
    for path in sorted(CASES_DIR.glob("*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert isinstance(data, dict) and isinstance(data.get("rule"), str), f"{path.name}: needs 'rule: CTxx'"
        assert data["rule"] == path.stem, f"{path.name}: 'rule: {data['rule']}' differs from the file name"
        files[data["rule"]] = {name: case for name, case in data.items() if name != "rule"}
    return files


def _params() -> list[Any]:
    params = []
    for rule, cases in load_case_files().items():
        for name, case in cases.items():
            marks = []
            if isinstance(case, dict) and case.get("xfail"):
                marks.append(pytest.mark.xfail(reason=str(case["xfail"]), strict=False))
            path = CASES_DIR / f"{rule}.yml"
            params.append(pytest.param(path, rule, name, case, id=f"{rule}-{name}", marks=marks))
    return params


def _projection(finding: dict[str, Any], keys: set[str]) -> tuple[tuple[str, Any], ...]:
    return tuple(sorted((key, finding[key]) for key in keys))


@pytest.mark.parametrize(("path", "rule", "name", "case"), _params())
def test_rule_case(path: Path, rule: str, name: str, case: Any, write_reports: WriteReports) -> None:
    problems = _problems(path, name, case)
    assert not problems, "\n".join(problems)
    paths = write_reports(case["reports"], case.get("published", "2020-03-05"))
    document = check_files([str(p) for p in paths])
    assert document.errors == [], f"the case's reports must all be readable: {document.errors}"

    found = document.conflicts + document.findings
    crashed = [f.message for f in found if f.code == "CT00"]
    assert not crashed, f"a rule raised: {crashed}"
    from_rule = [
        {"rule": f.code, "label": f.label, "severity": f.severity.value, "message": f.message}
        for f in found if rule in (f.code, f.rule)
    ]
    expect = case.get("expect") or []
    keys = set().union(*(e.keys() for e in expect)) if expect else {"rule"}
    got = Counter(_projection(f, keys) for f in from_rule)
    want = Counter(_projection({"label": None, "severity": None, **e}, keys) for e in expect)
    claims = [(c.report, c.kind, c.measure, c.subject, c.text, c.value.model_dump()) for c in document.claims]
    assert got == want, (
        f"{rule} {name}: expected {sorted(want.elements())}, got {sorted(got.elements())}\n"
        f"messages: {[f['message'] for f in from_rule]}\nclaims: {claims}"
    )


def test_every_builtin_rule_has_enough_cases() -> None:
    files = load_case_files()
    for rule in builtin_rules():
        cases = files.get(rule.code)
        assert cases is not None, f"no case file tests/rules/cases/{rule.code}.yml"
        fails = [name for name in cases if name.startswith("fail_")]
        passes = [name for name in cases if name.startswith("pass_")]
        assert len(fails) >= 3 and len(passes) >= 3, f"{rule.code}: {len(fails)} fail and {len(passes)} pass cases"


def test_case_checker_rejects_unknown_keys() -> None:
    problems = _problems(Path("CT99.yml"), "fail_x", {"reports": ["a"], "expect": [{"rule": "CT99"}], "expcet": []})
    assert problems == ["CT99.yml: case 'fail_x': unknown key 'expcet' (known: expect, note, published, reports, xfail)"]
    assert _problems(Path("CT99.yml"), "pass_x", {"reports": ["a"], "expect": [{"rule": "CT99"}]})
    assert _problems(Path("CT99.yml"), "fail_x", {"reports": ["a"]})
    assert _problems(Path("CT99.yml"), "other", {"reports": ["a"]})
