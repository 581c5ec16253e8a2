"""The JSON Schemas in ``schemas/``: in step with the models, and true of real output.

(a) the files on disk are exactly what ``python -m checker.schema`` writes;
(b) what checker produces (the examples' findings document, each claim, a
report, a rules file) validates with a draft 2020-12 validator;
(c) a document that breaks the contract (a claim value that is not a number)
does not.
"""

from __future__ import annotations

import copy
import json
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from conftest import EXAMPLES, SCHEMAS
from jsonschema import Draft202012Validator

from checker import check_files, read_report
from checker.models import ClaimsFile, RulesConfig
from checker.schema import SCHEMA_DIALECT, check_schemas, generate_schemas, main

SCHEMA_FILES = [
    "report.schema.json", "claim.schema.json", "finding.schema.json", "findings.schema.json",
    "claims-file.schema.json", "rules.schema.json",
]


@cache
def validator(name: str) -> Draft202012Validator:
    schema = json.loads((SCHEMAS / name).read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def errors_of(name: str, instance: Any) -> list[str]:
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator(name).iter_errors(instance)]


@cache
def examples_document() -> dict[str, Any]:
    document = check_files([str(EXAMPLES)])
    return json.loads(document.model_dump_json())  # type: ignore[no-any-return]


# -- (a) drift ------------------------------------------------------------------


@pytest.mark.parametrize("name", SCHEMA_FILES)
def test_schema_on_disk_matches_models(name: str) -> None:
    generated = generate_schemas()
    assert sorted(generated) == sorted(SCHEMA_FILES)
    path = SCHEMAS / name
    assert path.exists(), f"{path} is missing: run `python -m checker.schema`"
    assert path.read_text(encoding="utf-8") == generated[name], (
        f"{path} has drifted from checker/models.py: run `python -m checker.schema` and commit the result"
    )


def test_schemas_are_draft_2020_12_with_ids() -> None:
    ids = set()
    for name in SCHEMA_FILES:
        schema = json.loads((SCHEMAS / name).read_text(encoding="utf-8"))
        assert schema["$schema"] == SCHEMA_DIALECT == "https://json-schema.org/draft/2020-12/schema"
        assert schema["$id"].endswith(name)
        assert schema["title"]
        ids.add(schema["$id"])
    assert len(ids) == len(SCHEMA_FILES)


def test_check_mode_names_stale_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--dir", str(tmp_path)]) == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(SCHEMA_FILES)
    assert main(["--check", "--dir", str(tmp_path)]) == 0
    (tmp_path / "finding.schema.json").write_text("{}\n", encoding="utf-8")
    (tmp_path / "rules.schema.json").unlink()
    capsys.readouterr()
    assert check_schemas(tmp_path) == ["finding.schema.json", "rules.schema.json"]
    assert main(["--check", "--dir", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert "finding.schema.json" in err and "rules.schema.json" in err and "report.schema.json" not in err


# -- (b) real output validates ------------------------------------------------


def test_examples_findings_document_validates() -> None:
    document = examples_document()
    assert document["claims"] and document["conflicts"]
    assert errors_of("findings.schema.json", document) == []


def test_each_claim_and_finding_validates() -> None:
    document = examples_document()
    kinds = set()
    for claim in document["claims"]:
        assert errors_of("claim.schema.json", claim) == [], claim["id"]
        kinds.add(claim["kind"])
    assert {"casualty", "quantity", "date"} <= kinds
    for finding in document["conflicts"] + document["findings"]:
        assert errors_of("finding.schema.json", finding) == [], finding["fingerprint"]


def test_report_claims_file_and_rules_validate() -> None:
    report = read_report(EXAMPLES / "r1.md")
    assert errors_of("report.schema.json", json.loads(report.model_dump_json())) == []
    document = examples_document()
    r1 = next(r for r in document["reports"] if r["id"] == "r1")
    claims_file = {"version": "1.0", "report": r1, "claims": [c for c in document["claims"] if c["report"] == "r1"]}
    assert claims_file["claims"]
    assert errors_of("claims-file.schema.json", claims_file) == []
    ClaimsFile.model_validate(claims_file)  # and the models agree
    rules = {"settings": {"CT01": {"severity": "warning", "options": {"label_updates": False}},
                          "date-mismatch": {"enabled": False}},
             "rules": [{"id": "UR01", "name": "displaced-far-apart", "kind": "compare", "summary": "Far apart.",
                        "message": "{a} against {b}", "compare": {"tolerance_rel": 0.2},
                        "doc": {"what": "w", "why": "y", "example_fires": "f", "example_passes": "p"}}]}
    assert errors_of("rules.schema.json", rules) == []
    RulesConfig.model_validate(rules)


# -- (c) broken documents do not validate ----------------------------------------


def test_bad_claim_value_fails_validation() -> None:
    document = copy.deepcopy(examples_document())
    index = next(i for i, c in enumerate(document["claims"]) if c["kind"] != "date")
    document["claims"][index]["value"]["low"] = "x"
    errors = errors_of("findings.schema.json", document)
    assert errors and all(e.startswith(f"claims/{index}") for e in errors), errors
    assert errors_of("claim.schema.json", document["claims"][index])


@pytest.mark.parametrize(
    ("name", "breakage"),
    [
        ("claim.schema.json", lambda c: c.update(kind="rumour")),
        ("claim.schema.json", lambda c: c.update(surprise=1)),
        ("claim.schema.json", lambda c: c.pop("source")),
        ("finding.schema.json", lambda f: f.update(severity="fatal")),
        ("findings.schema.json", lambda d: d.pop("summary")),
    ],
    ids=["unknown-kind", "unknown-field", "missing-source", "bad-severity", "missing-summary"],
)
def test_other_breakages_fail_validation(name: str, breakage: Any) -> None:
    document = copy.deepcopy(examples_document())
    target = {"claim.schema.json": document["claims"][0], "finding.schema.json": document["conflicts"][0],
              "findings.schema.json": document}[name]
    assert errors_of(name, target) == []
    breakage(target)
    assert errors_of(name, target) != []


def test_claims_on_record_validate() -> None:
    """The record that ships in claims/ is schema-valid JSON, readable as claims files."""
    record = SCHEMAS.parent / "claims"
    files = sorted(record.glob("*.json"))
    assert files, "claims/ ships with a record"
    for path in files:
        data = json.loads(path.read_text(encoding="utf-8"))
        errors = errors_of("claims-file.schema.json", data)
        assert not errors, f"{path.name}: {errors[:3]}"
        assert ClaimsFile.model_validate(data).claims
