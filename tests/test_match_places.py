"""The place pre-filter the record index applies (``places_never_compatible``) never refuses a pair the
matcher could accept, whatever other claims the matcher sees; and it does refuse what is plainly two places."""

from __future__ import annotations

from itertools import combinations
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.lexicon import default_lexicon
from checker.match import (
    Matcher,
    lexicon_countries,
    place_names,
    places_never_compatible,
    related_places,
)
from checker.models import Amount, Claim, CountClaim, DateClaim, DateSpan, Source

# a country the lexicon knows: a country to the matcher though no claim says so
LEXICON_COUNTRY = min(lexicon_countries(default_lexicon()))
NAMES = ["Ardenby", "Ostria", "Valia", LEXICON_COUNTRY]
MARKERS = ["*wide", "*country", "*other", "*combined"]


def claim(place: list[str], strict: bool = False, n: int = 1) -> Claim:
    common: dict[str, Any] = {"id": f"r{n}:1", "fingerprint": f"r{n}", "measure": "killed", "subject": "people",
                              "text": "x", "report": f"r{n}", "place": place,
                              "source": Source(path=f"r{n}.md", start=0, end=1, line=1, column=1)}
    if strict:
        return DateClaim(kind="date", value=DateSpan(start="2024-05-01", end="2024-05-01"), event="flood", **common)
    return CountClaim(kind="casualty", value=Amount(low=3, best=3, high=3), **common)


def bounds(claims: list[Claim]) -> tuple[set[str], set[frozenset[str]]]:
    """What the index keeps of the claims it could hand the matcher: names called countries (and the lexicon's
    countries), pairs named together."""
    countries = {x for c in claims if "*country" in c.place for x in place_names(c.place)} | lexicon_countries(
        default_lexicon())
    related = {frozenset(pair) for c in claims for pair in related_places(c)}
    return countries, related


def never(a: Claim, b: Claim, seen: list[Claim]) -> bool:
    countries, related = bounds([a, b, *seen])
    return places_never_compatible(a.place, b.place, isinstance(a, DateClaim), countries, related)


places = st.lists(st.sampled_from(NAMES + MARKERS), max_size=3, unique=True)


@settings(max_examples=400, deadline=None)
@given(places, places, st.lists(places, max_size=4), st.booleans())
def test_a_refused_pair_is_refused_by_the_matcher_whatever_it_sees(
        pa: list[str], pb: list[str], others: list[list[str]], strict: bool) -> None:
    a, b = claim(pa, strict, 1), claim(pb, strict, 2)
    seen = [claim(p, strict, 3 + k) for k, p in enumerate(others)]
    if not never(a, b, seen):
        return
    # the matcher sees the two claims and any part of the others (the candidates the index hands it)
    for size in range(len(seen) + 1):
        for subset in combinations(seen, size):
            matcher = Matcher()
            matcher.prepare([a, b, *subset])
            assert not matcher._places_compatible(a, b, [], strict=strict)
            assert not matcher._places_compatible(b, a, [], strict=strict)


@pytest.mark.parametrize(("pa", "pb", "seen", "strict", "refused"), [
    (["Ardenby"], ["Ardenby"], [], False, False),  # same town
    (["Ardenby"], ["Valia"], [], False, True),  # two towns no claim relates
    (["Ardenby"], ["Valia"], [["Ardenby", "Valia"]], False, False),  # "Valia's Ardenby": related places
    (["Ardenby"], ["*country", "Ostria"], [], False, False),  # a town against its country, said "in Ostria"
    (["Ardenby"], ["Ostria"], [["*country", "Ostria"]], False, False),  # a name some claim calls a country
    (["*country", "Valia"], ["*country", "Ostria"], [], False, True),  # two countries
    (["Ardenby"], ["*wide"], [], False, False),  # nationwide: the matcher decides
    (["*wide", "Ostria"], ["Ardenby"], [], False, True),  # across a country against an unrelated town
    (["Ardenby"], [], [], False, False),  # no place named
    (["Ardenby"], [LEXICON_COUNTRY], [], False, False),  # a town against a country of the lexicon
    (["Ardenby"], ["*other"], [], False, True),  # "elsewhere": another place, unnamed
    (["Ardenby"], ["Valia"], [], True, True),  # dates: two names no claim relates are two places
    # dates: one may hold the other, so a one-occurrence event's day there is one (the matcher asks the event)
    (["Ardenby"], ["Valia"], [["Ardenby", "Valia"]], True, False),
    (["Ardenby"], ["*country", "Ostria"], [], True, True),
])
def test_place_cases(pa: list[str], pb: list[str], seen: list[list[str]], strict: bool, refused: bool) -> None:
    a, b = claim(pa, strict, 1), claim(pb, strict, 2)
    assert never(a, b, [claim(p, strict, 3 + k) for k, p in enumerate(seen)]) is refused
