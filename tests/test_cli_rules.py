"""`checker rules` and `checker explain`: the generated rule docs and the reading of one sentence."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.cli import main
from checker.rules import builtin_rules
from checker.rules.docs import SECTIONS, rule_page, sections_of


@pytest.mark.parametrize("rule", builtin_rules(), ids=lambda r: r.code)
def test_every_rule_page_has_every_section(rule: type) -> None:
    page = rule_page(rule)
    assert page.startswith(f"{rule.code} {rule.name}\n")
    for name in SECTIONS:
        assert f"\n{name}\n  " in page, f"{rule.code}: page lacks {name}"
    assert "(not documented)" not in page
    assert all(sections_of(rule.__doc__ or "").values())


def test_rules_lists_every_rule(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split()[0] for line in lines] == [r.code for r in builtin_rules()]
    ct01 = next(line for line in lines if line.startswith("CT01"))
    assert ct01.split()[1:4] == ["count-mismatch", "error", "conflicts"]
    assert ct01.endswith("Counts of one fact that cannot both be true.")
    assert next(line for line in lines if line.startswith("CT08")).split()[2:4] == ["info", "findings"]


def test_rules_id_by_code_or_name_and_unknown(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules", "ct03"]) == 0
    by_code = capsys.readouterr().out
    assert main(["rules", "date-mismatch"]) == 0
    assert capsys.readouterr().out == by_code
    assert by_code.startswith("CT03 date-mismatch\n")
    assert main(["rules", "CT99"]) == 2
    assert "error [usage]: no rule 'CT99'" in capsys.readouterr().err


def test_explain_shows_how_a_sentence_is_read(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["explain", "At least 34 Turkish soldiers were killed in the strike on Thursday.",
                 "--published", "2020-03-05"]) == 0
    out = capsys.readouterr().out
    assert "claim 1: 'At least 34 Turkish soldiers' at 0-28" in out
    for line in ("measure     killed", "subject     soldiers", "actors      ['Turkish']", "hedge       at_least",
                 "event_date  {'start': '2020-03-05', 'end': '2020-03-05'}"):
        assert f"  {line}" in out
    assert main(["explain", "The weather was fine."]) == 0
    assert "no checkable claim found" in capsys.readouterr().out


def test_explain_several_sentences_shows_matches_and_findings(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["explain", "A regime air strike on the market in Ariha killed 15 people on Monday.",
                 "A Russian air strike on the market in Ariha killed 21 people on Monday.",
                 "The ferry capsized on Sunday, killing 12 people.", "--published", "2020-03-05"]) == 0
    out = capsys.readouterr().out
    assert "s1:1 ~ s2:1: one fact, exact 100 (place: Ariha; event: attack; subject: people)" in out
    assert "s1:1 ~ s3:1: different facts" in out
    assert "error CT01 count-mismatch: 15 (s1: \"15 people\") disagrees with 21 (s2: \"21 people\")" in out
    assert "warning CT06 blame-mismatch: s1 blames government" in out


def test_rules_as_json_for_tools(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    import json

    config = tmp_path / "checker.toml"
    config.write_text("[rules.CT01]\nseverity = 'warning'\noptions = { hedge_scale = 0.5 }\n", encoding="utf-8")
    assert main(["rules", "--format", "json", "--config", str(config)]) == 0
    records = json.loads(capsys.readouterr().out)
    assert [r["code"] for r in records] == [r.code for r in builtin_rules()]
    ct01 = records[0]
    assert (ct01["name"], ct01["severity"], ct01["list"], ct01["enabled"]) == ("count-mismatch", "warning", "conflicts", True)
    assert ct01["options"]["hedge_scale"] == 0.5 and ct01["options"]["label_updates"] is True
    assert all(r["doc"][name] for r in records for name in SECTIONS)
    assert main(["rules", "CT08", "--format", "json"]) == 0
    assert [r["list"] for r in json.loads(capsys.readouterr().out)] == ["findings"]
