"""Property tests for the date reader: one day written in any common news format reads as that day,
relative dates land where the calendar says, and Easter by the computus keeps its known bounds."""

from __future__ import annotations

import calendar
from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from checker.normalize import normalize_text
from checker.normalize.dates import easter

DAYS = st.dates(min_value=date(1900, 1, 1), max_value=date(2099, 12, 31))
REFERENCES = st.dates(min_value=date(1990, 1, 1), max_value=date(2060, 12, 31))


def _first_date(text: str, reference: date | None = None) -> tuple[str | None, str | None]:
    dates = [m for m in normalize_text(text, reference) if m["kind"] == "date"]
    assert dates, f"no date in {text!r}"
    return dates[0]["value"]["start"], dates[0]["value"]["end"]


@settings(max_examples=150, deadline=None)
@given(DAYS)
def test_one_day_in_every_format_reads_the_same(day: date) -> None:
    month = calendar.month_name[day.month]
    abbr = calendar.month_abbr[day.month]
    written = [
        f"The blast came on {month} {day.day}, {day.year}.",
        f"The blast came on {day.day} {month} {day.year}.",
        f"The blast came on {abbr}{'' if abbr == month else '.'} {day.day}, {day.year}.",  # "May" takes no dot
        f"The blast came on {day.isoformat()}.",
        f"The blast came on {day.month}/{day.day}/{day.year}.",
        f"The blast came on {day.day:02d}.{day.month:02d}.{day.year}.",
        f"The blast came on {day.day:02d}-{abbr}-{day.year}.",
    ]
    want = (day.isoformat(), day.isoformat())
    for text in written:
        assert _first_date(text) == want, text


@settings(max_examples=100, deadline=None)
@given(REFERENCES, st.integers(min_value=1, max_value=40))
def test_days_ago_and_days_ahead(reference: date, n: int) -> None:
    assert _first_date(f"The bridge collapsed {n} days ago.", reference) == ((reference - timedelta(days=n)).isoformat(),) * 2
    ahead = (reference + timedelta(days=n)).isoformat()
    assert _first_date(f"The talks will resume in {n} days.", reference) == (ahead, ahead)


@settings(max_examples=100, deadline=None)
@given(REFERENCES, st.sampled_from(list(calendar.day_name)))
def test_last_weekday_is_the_latest_before_the_report(reference: date, weekday: str) -> None:
    start, end = _first_date(f"Troops withdrew last {weekday}.", reference)
    assert start == end and start is not None
    got = date.fromisoformat(start)
    assert calendar.day_name[got.weekday()] == weekday
    assert 1 <= (reference - got).days <= 7


@settings(max_examples=100, deadline=None)
@given(REFERENCES, st.integers(min_value=1, max_value=12))
def test_a_bare_month_in_a_past_clause_is_not_after_the_report(reference: date, month: int) -> None:
    start, end = _first_date(f"The dam was repaired in {calendar.month_name[month]}.", reference)
    assert start is not None and end is not None
    first = date.fromisoformat(start)
    assert first.month == month and first.day == 1
    assert first <= reference and (reference - first).days < 366


@given(st.integers(min_value=1583, max_value=4099))
def test_easter_is_a_sunday_between_22_march_and_25_april(year: int) -> None:
    day = easter(year)
    assert day.weekday() == 6
    assert date(year, 3, 22) <= day <= date(year, 4, 25)


def test_easter_on_known_years() -> None:
    known = {1943: (4, 25), 1961: (4, 2), 2000: (4, 23), 2008: (3, 23), 2019: (4, 21), 2020: (4, 12),
             2021: (4, 4), 2024: (3, 31), 2025: (4, 20), 2038: (4, 25), 2285: (3, 22)}
    for year, (month, day) in known.items():
        assert easter(year) == date(year, month, day), year


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=0, max_value=5_000_000), st.sampled_from(["people", "residents", "troops", "homes"]),
       st.booleans())
def test_counts_are_no_dates(n: int, noun: str, commas: bool) -> None:
    figure = f"{n:,}" if commas else str(n)
    text = f"Officials said {figure} {noun} were affected, up {n % 100}.{n % 10}% on the week before."
    dates = [m for m in normalize_text(text, date(2020, 3, 5)) if m["kind"] == "date"]
    assert dates == [], text  # "the week before" is anaphoric: no date of its own either
