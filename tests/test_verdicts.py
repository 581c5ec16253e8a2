"""CT01's documented judgements: the rounding threshold is configurable and reported with the finding."""

from __future__ import annotations

import pytest
from conftest import WriteReports

from checker import CheckOptions, RuleEngine, RuleSetting, check_files, extract_files
from checker.match import Group
from checker.models import Amount, MatchInfo
from checker.rules.builtin.CT01 import judged_interval

NEARLY = "Nearly a million people have been displaced by the fighting in the province since December."


def other(figure: str) -> str:
    return f"The fighting in the province has displaced {figure} people since December, aid agencies say."


@pytest.mark.parametrize(("figure", "options", "fires"), [
    ("900,000", {}, False),                                   # CODING.md: "nearly N" reaches down to 0.9 N
    ("900,000", {"hedge_scale": 0.5}, True),                  # a stricter reading of "nearly"
    ("950,000", {"hedge_scale": 0.5}, False),
    ("850,000", {}, True),
    ("850,000", {"tolerance_rel": 0.05}, False),              # rounding slack in the copy
    ("850,000", {"tolerance_abs": 5000}, True),
])
def test_rounding_judgement_is_configurable(figure: str, options: dict[str, float], fires: bool,
                                            write_reports: WriteReports) -> None:
    paths = [str(p) for p in write_reports([NEARLY, other(figure)])]
    settings = {"CT01": RuleSetting(options=options)} if options else {}
    found = [f for f in check_files(paths, CheckOptions(rule_settings=settings)).conflicts if f.code == "CT01"]
    assert bool(found) == fires
    if found:
        scale = options.get("hedge_scale", 1)
        assert found[0].threshold is not None and found[0].threshold.startswith(f"hedge_scale={scale:g}")


def test_judged_interval_keeps_open_ends_open() -> None:
    assert judged_interval(Amount(low=34, best=34, high=None), 1.0, 0.1, 2) == (28.6, float("inf"))
    assert judged_interval(Amount(low=None, best=50, high=50), 0.5, 0.0, 0) == (float("-inf"), 50)
    assert judged_interval(Amount(low=900, best=1000, high=1000), 0.5, 0.0, 0) == (950, 1000)


def test_every_conflict_explains_itself(write_reports: WriteReports) -> None:
    paths = [str(p) for p in write_reports([
        "The talks between the two foreign ministers in Geneva lasted three hours.",
        "The two foreign ministers emerged from more than eight hours of talks in Geneva."])]
    conflict = check_files(paths).conflicts[0]
    assert conflict.code == "CT02" and conflict.threshold == "intervals do not overlap (same unit); max_ratio=10"
    assert [(e.quote, e.where.rsplit("/", 1)[1]) for e in conflict.evidence] == [
        ("three hours", "rA.md:5:62"), ("more than eight hours of talks", "rB.md:5:40")]
    assert [e.value.model_dump() for e in conflict.evidence] == [
        {"low": 3.0, "best": 3.0, "high": 3.0, "unit": "h"}, {"low": 8.0, "best": 8.0, "high": None, "unit": "h"}]
    assert conflict.match is not None and conflict.match.level == "exact" and conflict.match.reasons


def test_one_report_contradicting_itself_is_said_so(write_reports: WriteReports) -> None:
    paths = [str(p) for p in write_reports([
        ("The capsizing of the ferry on Lake Kivu on Sunday killed 31 people, police said.\n\n"
         "The ferry disaster on Lake Kivu on Sunday killed 52 people, the governor said.")])]
    conflicts = [f for f in check_files(paths).conflicts if f.code == "CT01"]
    assert len(conflicts) == 1
    assert conflicts[0].message.endswith("(both in rA: the report contradicts itself)")


def _judged_as_one_fact(texts: list[str], code: str, options: dict[str, object], write_reports: WriteReports
                        ) -> list[object]:
    """Extract one claim per report and hand the pair to one rule as a single fact, whatever the matcher says:
    the rule's own limit is what is under test."""
    document = extract_files([str(p) for p in write_reports(texts)])
    claims = [next(c for c in document.claims if c.report == meta.id) for meta in document.reports]
    group = Group("g1", claims, {(claims[0].id, claims[1].id): MatchInfo(level="exact", score=100.0, reasons=[])})
    engine = RuleEngine(settings={code: RuleSetting(options=options)} if options else {})
    conflicts, _ = engine.run([group], {m.id: m for m in document.reports})
    return [f for f in conflicts if f.code == code]


@pytest.mark.parametrize(("max_gap", "fires"), [(None, False), (0, True), (5000, True)])
def test_dates_years_apart_are_two_events_unless_the_limit_is_lifted(max_gap: int | None, fires: bool,
                                                                     write_reports: WriteReports) -> None:
    texts = ["The offensive began in 2016.", "The offensive began on Monday."]
    found = _judged_as_one_fact(texts, "CT03", {"max_gap_days": max_gap} if max_gap is not None else {},
                                write_reports)
    assert bool(found) == fires


@pytest.mark.parametrize(("max_ratio", "fires"), [(None, False), (0, True), (20, True)])
def test_measures_tenfold_apart_are_two_quantities_unless_the_limit_is_lifted(
        max_ratio: float | None, fires: bool, write_reports: WriteReports) -> None:
    texts = ["The dam stands 12 km from the city.", "The dam stands about one kilometre from the city."]
    found = _judged_as_one_fact(texts, "CT02", {"max_ratio": max_ratio} if max_ratio is not None else {},
                                write_reports)
    assert bool(found) == fires
