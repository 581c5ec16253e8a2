"""Property tests: a number written in words reads the same as the number written in digits.

The words come from num2words, an independent spelling of numbers (its commas
between groups are dropped: news copy writes "one million two hundred
thousand"), so a bug in checker's number lexicon or grammar cannot hide behind
a test that spells numbers the same way it reads them.
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.normalize import normalize_text

num2words = pytest.importorskip("num2words").num2words

INTEGERS = st.integers(min_value=0, max_value=999_999_999_999)


def _only_amount(text: str) -> dict[str, Any]:
    amounts = [m for m in normalize_text(text) if m["kind"] != "date"]
    assert len(amounts) == 1, f"{text!r}: expected one amount, got {amounts}"
    return amounts[0]


def _words(n: int) -> str:
    return num2words(n).replace(",", "")


@settings(max_examples=150, deadline=None)
@given(INTEGERS)
def test_words_read_as_digits(n: int) -> None:
    words = _words(n)
    in_words = _only_amount(f"Officials counted {words} tents.")
    in_digits = _only_amount(f"Officials counted {n:,} tents.")
    assert in_words["value"]["best"] == n, f"{words!r} read as {in_words['value']}"
    assert in_digits["value"] == in_words["value"]
    assert in_words["text"] == words


@settings(max_examples=100, deadline=None)
@given(st.integers(min_value=1, max_value=9_999_999), st.sampled_from(["at least", "nearly", "about", "up to"]))
def test_hedges_treat_words_and_digits_alike(n: int, hedge: str) -> None:
    words = _only_amount(f"The agency said {hedge} {_words(n)} people had fled.")
    digits = _only_amount(f"The agency said {hedge} {n:,} people had fled.")
    assert words["value"] == digits["value"]
    assert words["text"].startswith(hedge)


@settings(max_examples=100, deadline=None)
@given(st.integers(min_value=0, max_value=999), st.integers(min_value=0, max_value=99))
def test_decimals_in_words(whole: int, hundredths: int) -> None:
    digits = f"{hundredths:02d}"
    spoken = " ".join(num2words(int(d)) for d in digits)
    text = f"The river rose {_words(whole)} point {spoken} metres."
    got = _only_amount(text)
    assert got["value"]["best"] == pytest.approx(float(f"{whole}.{digits}"))
    assert got["value"]["unit"] == "m"


@settings(max_examples=100, deadline=None)
@given(st.integers(min_value=2, max_value=9_999), st.integers(min_value=1, max_value=9_999))
def test_ranges_in_words_and_digits(a: int, extra: int) -> None:
    b = a + extra
    # "between X and Y" is ambiguous in words ("between one hundred and one and ..."); "X to Y" is not
    words = _only_amount(f"Some {_words(a)} to {_words(b)} homes were damaged.")
    digits = _only_amount(f"Some {a:,} to {b:,} homes were damaged.")
    # "some" is a hedge (about): it widens both ends
    assert words["value"] == digits["value"]
    assert words["value"]["low"] == pytest.approx(a * 0.9) and words["value"]["high"] == pytest.approx(b * 1.1)
    assert words["value"]["best"] is None


@settings(max_examples=100, deadline=None)
@given(st.integers(min_value=100, max_value=999_999_999), st.integers(min_value=1, max_value=9))
def test_whole_ordinal_after_a_numerator_is_its_denominator(n: int, numerator: int) -> None:
    # "one one hundred and fifth", "three two thousand and tenths": a spelt-out ordinal under a numerator
    ordinal = num2words(n, to="ordinal").replace(",", "")
    plural = "" if numerator == 1 else "s"
    text = f"They kept {num2words(numerator)} {ordinal}{plural} of the grain."
    got = _only_amount(text)
    assert got["value"]["best"] == pytest.approx(numerator / n), f"{text!r} read as {got['value']}"
