"""Normaliser cases: ``checker.normalize.normalize_text`` on the data in ``tests/cases/``.

``amounts.yml``: text -> the value of the first number or quantity mention (or the one at ``index``).
``dates.yml``: text and reference date -> the span of the first date mention (null: no date at all).
Every case also checks the mention's span: ``text[start:end]`` is its quoted text.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import ROOT

from checker.lexicon import verb_inflections, verb_phrase_forms
from checker.normalize import normalize_text

CASES = Path(__file__).parent / "cases"
AMOUNT_KEYS = ("low", "best", "high", "unit")
CASE_KEYS = {"text", "reference", "value", "xfail", "note", "index", "quote"}


def _cases(name: str) -> list[Any]:
    loaded = yaml.safe_load((CASES / name).read_text(encoding="utf-8"))
    assert isinstance(loaded, list), f"{name}: a list of cases"
    params = []
    for index, case in enumerate(loaded):
        assert isinstance(case, dict) and "text" in case and "value" in case, f"{name}[{index}]: needs text and value"
        unknown = set(case) - CASE_KEYS
        assert not unknown, f"{name}[{index}]: unknown keys {sorted(unknown)}"
        marks = [pytest.mark.xfail(reason=str(case["xfail"]), strict=False)] if case.get("xfail") else []
        params.append(pytest.param(case, id=case["text"], marks=marks))
    return params


def _reference(case: dict[str, Any]) -> date | None:
    return date.fromisoformat(case["reference"]) if case.get("reference") else None


def _check_spans(text: str, mentions: list[dict[str, Any]]) -> None:
    for m in mentions:
        assert set(m) >= {"kind", "text", "start", "end", "value"}, m
        assert 0 <= m["start"] < m["end"] <= len(text), m
        assert text[m["start"]:m["end"]] == m["text"], m


@pytest.mark.parametrize("case", _cases("amounts.yml"))
def test_amount(case: dict[str, Any]) -> None:
    text = case["text"]
    mentions = normalize_text(text, _reference(case))
    _check_spans(text, mentions)
    amounts = [m for m in mentions if m["kind"] != "date"]
    if case["value"] is None:
        assert amounts == [], f"{text!r} holds no number, yet gave {amounts}"
        return
    index = int(case.get("index", 0))
    assert len(amounts) > index, f"no number or quantity mention #{index} in {text!r} (mentions: {mentions})"
    got = {key: amounts[index]["value"].get(key) for key in AMOUNT_KEYS}
    want = {key: case["value"].get(key) for key in AMOUNT_KEYS}
    assert got["unit"] == want["unit"], f"{text!r}: unit {got['unit']!r}, expected {want['unit']!r}"
    for key in ("low", "best", "high"):
        if want[key] is None:
            assert got[key] is None, f"{text!r}: {key} is {got[key]}, expected an open end (null)"
        else:
            assert got[key] == pytest.approx(float(want[key]), rel=1e-9), f"{text!r}: {key} {got[key]}, expected {want[key]}"


@pytest.mark.parametrize("case", _cases("dates.yml"))
def test_date(case: dict[str, Any]) -> None:
    text = case["text"]
    mentions = normalize_text(text, _reference(case))
    _check_spans(text, mentions)
    dates = [m for m in mentions if m["kind"] == "date"]
    if case["value"] is None:
        assert dates == [], f"{text!r} holds no date, yet gave {dates}"
        return
    assert dates, f"no date mention in {text!r} (mentions: {mentions})"
    got = {"start": dates[0]["value"].get("start"), "end": dates[0]["value"].get("end")}
    assert got == case["value"], f"{text!r} (reference {case.get('reference')}): {got}, expected {case['value']}"
    if "quote" in case:
        assert dates[0]["text"] == case["quote"], f"{text!r}: quoted {dates[0]['text']!r}, expected {case['quote']!r}"


def test_mentions_come_in_text_order() -> None:
    text = "On 27 February an air strike killed 33 soldiers; 32 more were wounded."
    mentions = normalize_text(text, date(2020, 2, 28))
    _check_spans(text, mentions)
    dates = [m for m in mentions if m["kind"] == "date"]
    assert [d["value"] for d in dates] == [{"start": "2020-02-27", "end": "2020-02-27"}]
    starts = [m["start"] for m in mentions]
    assert starts == sorted(starts)
    numbers = [m["value"]["best"] for m in mentions if m["kind"] != "date"]
    assert numbers == [33, 32]


def test_a_day_that_does_not_exist_is_no_count() -> None:
    # "Feb 30" is an unresolvable date, not the number 30
    kinds = [(m["kind"], m["text"]) for m in normalize_text("The form was dated Feb 30.", date(2020, 3, 5))]
    assert kinds == [("date", "Feb 30")]


def test_a_count_after_a_month_is_still_a_count() -> None:
    # the number goes on to a noun: a count of people, whatever the month before it
    counts = [m["text"] for m in normalize_text("In February 30 people died.", date(2020, 3, 5)) if m["kind"] == "number"]
    assert counts == ["30"]


@pytest.mark.parametrize(("verb", "forms"), [
    ("pass", ("pass", "passes", "passed", "passing")),
    ("top", ("top", "tops", "topped", "topping")),
    ("exceed", ("exceed", "exceeds", "exceeded", "exceeding")),
    ("edge", ("edge", "edges", "edged", "edging")),
    ("inch", ("inch", "inches", "inched", "inching")),
    ("carry", ("carry", "carries", "carried", "carrying")),
    ("soar", ("soar", "soars", "soared", "soaring")),
])
def test_hedge_verbs_are_inflected_by_the_spelling_rules(verb: str, forms: tuple[str, ...]) -> None:
    assert verb_inflections(verb) == forms


def test_a_verb_phrase_keeps_its_particle_and_takes_irregular_forms() -> None:
    assert verb_phrase_forms("rise past", {"rise": ["rises", "rose", "risen", "rising"]}) == [
        "rise past", "rises past", "rose past", "risen past", "rising past"]
    assert verb_phrase_forms("climb past", {}) == ["climb past", "climbs past", "climbed past", "climbing past"]


def test_date_patterns_skipped_for_want_of_a_month_or_digit_would_have_found_nothing() -> None:
    """The date reader tries a pattern that needs a month name or a digit only where the sentence has one; on
    every sentence of the bundled examples and of the date cases it reads what it reads with no such check."""
    from datetime import date as day

    from checker.lexicon import default_lexicon
    from checker.normalize.dates import DateReader
    from checker.textutil import sentences

    gated, plain = DateReader(default_lexicon()), DateReader(default_lexicon())
    plain.needs = {}
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "examples").rglob("r*.md"))]
    texts += [str(c["text"]) for c in yaml.safe_load((ROOT / "tests" / "cases" / "dates.yml").read_text("utf-8"))]
    read = 0
    for text in texts:
        for sentence in sentences(text):
            got = [(d.start, d.end, d.first, d.last) for d in gated.read(sentence.text, 0, day(2020, 3, 5))]
            assert got == [(d.start, d.end, d.first, d.last) for d in plain.read(sentence.text, 0, day(2020, 3, 5))]
            read += bool(got)
    assert read > 100
