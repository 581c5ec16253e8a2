"""Declarative rules: a user's YAML or JSON rule fires, and mistakes name the file, the rule and the field."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml
from conftest import ROOT, SCHEMAS, WriteReports

from checker import CheckerError, check_files
from checker.config import build_options, load_config
from checker.lexicon import default_lexicon
from checker.rules.declarative import load_rules_file, parse_rules

EXAMPLE_RULES = ROOT / "examples" / "rules" / "displacement.yml"
FLED = ["Some 120,000 people have fled their homes since the floods began in July, the United Nations said.",
        "The floods have displaced 80,000 people since July, according to the United Nations."]
CLOSE = ["Some 100,000 people have fled their homes since the floods began in July, the United Nations said.",
         "The floods have displaced 85,000 people since July, according to the United Nations."]


def rule(**changes: object) -> dict[str, object]:
    base: dict[str, object] = {
        "id": "UR07", "name": "test-rule", "kind": "compare", "summary": "A test rule.", "message": "{a} vs {b}",
        "doc": {"what": "w", "why": "y", "example_fires": "f", "example_passes": "p"}}
    base.update(changes)
    return base


def config_with_rules(tmp_path: Path, rules_path: Path) -> Path:
    config = tmp_path / "checker.toml"
    config.write_text(f"rule_files = ['{rules_path}']\n", encoding="utf-8")
    return config


def test_rules_files_validate_against_the_schema() -> None:
    schema = json.loads((SCHEMAS / "rules.schema.json").read_text(encoding="utf-8"))
    for path in (EXAMPLE_RULES, ROOT / "checker" / "data" / "rules.yaml"):
        jsonschema.validate(yaml.safe_load(path.read_text(encoding="utf-8")), schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"rules": [rule(colour="red")]}, schema)


def test_yaml_rule_fires_beyond_its_tolerance_only(tmp_path: Path, write_reports: WriteReports) -> None:
    options = build_options(load_config(config_with_rules(tmp_path, EXAMPLE_RULES)))
    document = check_files([str(p) for p in write_reports(FLED)], options)
    found = [f for f in document.conflicts if f.code == "UR01"]
    assert len(found) == 1
    assert found[0].severity.value == "warning" and found[0].rule == "displacement-far-apart"
    assert found[0].threshold == "tolerance_abs=0.0, tolerance_rel=0.1, hedges=True"
    assert "120,000" in found[0].message and "rA.md:5:1" in found[0].message
    assert found[0].match is not None  # why the two were judged one fact
    close = check_files([str(p) for p in write_reports(CLOSE)], options)
    assert [f.code for f in close.conflicts] == ["CT01"]  # CT01 has no tolerance; UR01 does


def test_json_rules_file_and_phrase_kind(tmp_path: Path, write_reports: WriteReports) -> None:
    path = tmp_path / "rules.json"
    path.write_text(json.dumps({"rules": [rule(
        id="UR02", name="fled-wording", kind="phrase", pattern=r"\bhave fled\b", severity="info",
        message="{matched!r} at {where}: say displaced", select={"kind": ["displacement"]})]}), encoding="utf-8")
    options = build_options(load_config(config_with_rules(tmp_path, path)))
    document = check_files([str(p) for p in write_reports(FLED)], options)
    where = f"{document.claims[0].source.path}:5:1"
    assert [(f.code, f.message) for f in document.findings] == [("UR02", f"'have fled' at {where}: say displaced")]
    assert all(f.code != "UR02" for f in document.conflicts)


@pytest.mark.parametrize(("data", "message"), [
    ({"rules": [rule(colour="red")]}, "rule UR07: colour: unknown key"),
    ({"rules": [rule(select={"measure": ["killed"], "subjct": "x"})]}, "rule UR07: select.subjct: unknown key"),
    ({"rules": [rule(kind="regex")]}, "rule UR07: kind: Input should be 'compare' or 'phrase'"),
    ({"rules": [rule(name="NoKebab")]}, "rule UR07: name: String should match pattern"),
    ({"rules": [rule(message="{a} vs {c}")]}, "rule UR07: message: unknown placeholder {c}"),
    ({"rules": [rule(kind="phrase", message="{quote}")]}, "rule UR07: pattern: a phrase rule needs a pattern"),
    ({"rules": [rule(kind="phrase", pattern="(", message="{quote}")]}, "rule UR07: pattern: not a regular expression"),
    ({"rules": [rule(select={"subject": "["})]}, "rule UR07: select.subject: not a regular expression"),
    ({"rules": [rule(), rule()]}, "rule UR07: id: defined twice"),
    ({"rules": [{"name": "x-y"}]}, "rule #1: id: Field required"),
    ({"rulez": []}, "rulez: unknown key"),
])
def test_mistakes_name_file_rule_and_field(data: dict[str, object], message: str) -> None:
    with pytest.raises(CheckerError) as info:
        parse_rules(data, "my-rules.yml", default_lexicon())
    assert info.value.code == "rules"
    assert info.value.path == "my-rules.yml"
    assert message in info.value.message, info.value.message


def test_unreadable_rules_files(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yml"
    bad.write_text("rules: [\n", encoding="utf-8")
    with pytest.raises(CheckerError, match="not valid YAML"):
        load_rules_file(bad, default_lexicon())
    with pytest.raises(CheckerError, match="cannot read rules file"):
        load_rules_file(tmp_path / "none.yml", default_lexicon())


def test_builtin_declarative_rule_can_be_overridden_not_python_ones(tmp_path: Path,
                                                                    write_reports: WriteReports) -> None:
    builtin = yaml.safe_load((ROOT / "checker" / "data" / "rules.yaml").read_text(encoding="utf-8"))["rules"][0]
    builtin["severity"] = "error"
    path = tmp_path / "override.yml"
    path.write_text(yaml.safe_dump({"rules": [builtin]}), encoding="utf-8")
    options = build_options(load_config(config_with_rules(tmp_path, path)))
    reports = write_reports(["The truce between the two armies takes effect at midnight Friday, officials said."])
    assert [(f.code, f.severity.value) for f in check_files([str(p) for p in reports], options).findings] == \
        [("CT08", "error")]
    path.write_text(yaml.safe_dump({"rules": [rule(id="CT01")]}), encoding="utf-8")
    with pytest.raises(CheckerError, match="rule CT01: id: already taken by builtin rule count-mismatch"):
        build_options(load_config(config_with_rules(tmp_path, path)))


def rules_options(tmp_path: Path, *definitions: dict[str, object]) -> object:
    path = tmp_path / "rules.yml"
    path.write_text(yaml.safe_dump({"rules": list(definitions)}), encoding="utf-8")
    return build_options(load_config(config_with_rules(tmp_path, path)))


@pytest.mark.parametrize(("days", "fires"), [(0, True), (1, False)])
def test_date_compare_with_slack_in_days(tmp_path: Path, write_reports: WriteReports, days: int, fires: bool) -> None:
    options = rules_options(tmp_path, rule(id="UR03", name="truce-day", select={"kind": ["date"]},
                                           compare={"days": days}, message="{a_value} vs {b_value}"))
    paths = write_reports(["The ceasefire begins on Saturday.", "The ceasefire will begin on Friday."])
    found = [f for f in check_files([str(p) for p in paths], options).conflicts if f.code == "UR03"]
    assert [f.message for f in found] == (["2020-03-07 vs 2020-03-06"] if fires else [])


@pytest.mark.parametrize(("convert", "fires"), [(True, True), (False, False)])
def test_quantity_compare_converts_units(tmp_path: Path, write_reports: WriteReports, convert: bool,
                                         fires: bool) -> None:
    options = rules_options(tmp_path, rule(id="UR04", name="width-off", select={"kind": ["quantity"],
                                           "measure": ["width"]}, compare={"convert_units": convert}))
    paths = write_reports(["The security corridor will extend six miles to the north and south of the railway.",
                           "The security corridor will extend 6 km north and 6 km south of the railway."])
    found = [f for f in check_files([str(p) for p in paths], options).conflicts if f.code == "UR04"]
    assert len(found) == (1 if fires else 0)


# both reports place the capsizing "on Lake Kivu": the same place
@pytest.mark.parametrize(("match", "fires"), [({}, True), ({"reports": "same"}, False), ({"min_score": 100}, True),
                                              ({"same_place": True}, True)])
def test_match_conditions(tmp_path: Path, write_reports: WriteReports, match: dict[str, object], fires: bool) -> None:
    options = rules_options(tmp_path, rule(id="UR05", name="toll-off", select={"kind": ["casualty"]}, match=match))
    paths = write_reports(["At least 40 people died when an overloaded ferry capsized on Lake Kivu on Sunday.",
                           "The capsizing of the ferry on Lake Kivu on Sunday killed 31 people, police said."])
    found = [f for f in check_files([str(p) for p in paths], options).conflicts if f.code == "UR05"]
    assert len(found) == (1 if fires else 0)


@pytest.mark.parametrize(("updates", "expected"), [(True, ("info", "superseded")), (False, ("warning", None))])
def test_compare_can_label_updates_like_ct01(tmp_path: Path, write_reports: WriteReports, updates: bool,
                                             expected: tuple[str, str | None]) -> None:
    options = rules_options(tmp_path, rule(id="UR06", name="toll-rose", severity="warning",
                                           select={"kind": ["casualty"]}, compare={"updates": updates}))
    paths = write_reports(["Forty people died when an overloaded ferry capsized on Lake Kivu on Sunday, police said.",
                           "The capsizing of the ferry on Lake Kivu on Sunday killed 52 people, police said."],
                          ["2020-03-05", "2020-03-06"])
    found = [f for f in check_files([str(p) for p in paths], options).conflicts if f.code == "UR06"]
    assert [(f.severity.value, f.label) for f in found] == [expected]
    assert found[0].message.endswith("; the later report has 52") == updates
