"""The sorting of peer-suite misses into conventions (benchmarks/peer_conventions.py), on invented values: each
reading is told from the expected and the read values alone, and a plain misreading stays in scope."""

from __future__ import annotations

from typing import Any

import pytest

from benchmarks.peer_conventions import classify


def _date(start: str | None, end: str | None, at: tuple[int, int] = (0, 10)) -> dict[str, Any]:
    return {"kind": "date", "start": at[0], "end": at[1], "value": {"start": start, "end": end}}


def _case(suite: str, want: str, text: str = "x" * 40) -> tuple[dict[str, Any], dict[str, Any]]:
    return {"suite": suite, "text": text}, {"start": 0, "end": 10, "want": want}


CASES = [
    # one day past the suite's end, then a month and a year past a month's and a year's end
    ("rt-date", "a = [('2031-05-02', '2031-05-09')]", [_date("2031-05-02", "2031-05-10")], "exclusive-end"),
    ("rt-date", "a = [('2031-03-01', '2031-04-30')]", [_date("2031-03-01", "2031-05-31")], "exclusive-end"),
    ("rt-date", "a = [('2011-01-01', '2014-12-31')]", [_date("2011-01-01", "2015-12-31")], "exclusive-end"),
    ("rt-date", "a = [('2031-05-07', '2031-05-07')]", [_date("2031-05-14", "2031-05-14")], "week-apart"),
    ("rt-date", "a = [('2031-11-10', '2031-11-20')]", [_date("2031-11-11", "2031-11-20")], "period-edges"),
    ("rt-date", "a = [('not resolv', 'not resolv')]", [_date(None, None)], "unresolved-form"),
    # a wrong day, or a wrong start with the right end one unit on, is a misreading
    ("rt-date", "a = [('2031-05-07', '2031-05-07')]", [_date("2031-05-09", "2031-05-09")], "in scope"),
    ("rt-date", "a = [('2031-05-02', '2031-05-09')]", [_date("2031-05-03", "2031-05-11")], "in scope"),
    ("q3-quantity", "8 to 12 km = 10 kilometre",
     [{"kind": "quantity", "start": 0, "end": 10, "value": {"low": 8, "best": None, "high": 12, "unit": "km"}}],
     "range-midpoint"),
    ("q3-quantity", "8 to 12 km = 11 kilometre",
     [{"kind": "quantity", "start": 0, "end": 10, "value": {"low": 8, "best": None, "high": 12, "unit": "km"}}],
     "in scope"),
]


@pytest.mark.parametrize("suite,want,mentions,reading", CASES)
def test_a_miss_is_sorted_by_its_values(suite: str, want: str, mentions: list[dict[str, Any]], reading: str) -> None:
    case, item = _case(suite, want)
    assert classify(case, item, mentions) == reading


@pytest.mark.parametrize("text,reading", [("call 10.20.30.40 now", "number-in-code"),
                                          ("+7-495-1234 is the desk", "number-in-code"),
                                          ("some 10 of the 40 boats", "in scope")])
def test_a_count_inside_an_address_or_a_phone_is_no_count(text: str, reading: str) -> None:
    start = text.index("10") if "10" in text else text.index("7")
    case = {"suite": "rt-number", "text": text}
    item = {"start": start, "end": start + 2, "want": "10 = {}"}
    assert classify(case, item, []) == reading
