"""Which place each figure speaks of, and which figures of several places are one fact.

Every text is our own wording, with invented countries (Ostria, Valia, Norland)
and towns. A place written in the figure's own words wins over one written
elsewhere in its sentence or report; a sum over places ("in the two countries",
"130 in all") is a fact of its own, apart from each place's figure.
"""

from __future__ import annotations

import pytest
from conftest import claims_of, conflict_texts

from checker.extract import Extractor
from checker.models import CountClaim
from checker.read import read_text


def _places(text: str) -> list[tuple[float | None, list[str]]]:
    return [(c.value.best, [p for p in c.place if p != "*country"])
            for c in claims_of(text) if isinstance(c, CountClaim) and c.kind == "casualty"]


def _conflicts(*texts: str) -> list[tuple[str, str]]:
    return sorted(conflict_texts(*texts))


PLACE_CASES = [
    # the owner of the toll is its place
    ("Ostria's death toll rose to 4,120 on Monday.", [(4120, ["Ostria"])]),
    ("Ostria's toll from the floods stood at 812, officials said.", [(812, ["Ostria"])]),
    # a place that counts, where the report names it as a place
    ("Rescuers worked in Valia and Ostria. Officials said 300 people had died in Ostria, and Valia reported 95 deaths.",
     [(300, ["Ostria"]), (95, ["Valia"])]),
    # the place right after the figure beats the seat of whoever counted
    ("The ministry in Belvar and medics in the rebel-held east together reported 71 dead in Valia.", [(71, ["Valia"])]),
    # a sentence that opens on its place, after a sentence about another
    ("Officials said 300 people had died in Ostria. In Valia, 95 deaths had been counted.",
     [(300, ["Ostria"]), (95, ["Valia"])]),
    # each figure of a list takes its own place, and the sum takes both
    ("The storm killed more than 900 people in Ostria and some 120 in Valia, about 1,020 people in all.",
     [(900, ["Ostria"]), (120, ["Valia"]), (1020, ["*combined", "Ostria", "Valia"])]),
    # a total beside one place's figure in a report that counts in two countries is their sum ...
    (("Ostria's death toll rose to 900. Valian officials said at least 120 people have died in Valia, bringing the "
      "total to more than 1,000. Ostrian rescuers are helping."),
     [(900, ["Ostria"]), (120, ["Valia"]), (1000, ["*combined", "Ostria", "Valia"])]),
    # a place with a figure of its own in its ", where" clause is not the next figure's
    ("With Valia, where officials put the number of dead at nearly 400, more than 2,000 people have lost their lives.",
     [(400, ["Valia"]), (2000, [])]),
    # ... and where the report counts in one place only, the running total of that place
    ("Two more soldiers were killed in Belvar on Sunday, bringing the total to 54.", [(2, ["Belvar"]), (54, ["Belvar"])]),
    # "in all of X" is one whole area, not a sum
    ("Floods have killed 40 people in all of Norland.", [(40, ["*wide"])]),
    # a share of the dead with no place and no group is no toll (those identified are a count of their own)
    ("Officials said 300 of the dead have been buried in Norland.", [(300, ["Norland"])]),
    ("Officials said 300 of the dead lay in the hall.", []),
    # a town and the city it is a suburb of (or next to) are both the figure's places, and so related
    ("Gunmen killed 52 people at a stadium in Karn, a suburb of Belvar, on Friday.", [(52, ["Belvar", "Karn"])]),
    ("Militants killed 30 people at a market in Karn, on the northern edge of Belvar.", [(30, ["Belvar", "Karn"])]),
    # a span of time before "after" owns no place: the place of its clause is the toll's
    ("Three days after militants stormed a hotel outside Belvar, the number of dead stands at 61.",
     [(61, ["Belvar"])]),
]


@pytest.mark.parametrize("text,expected", PLACE_CASES, ids=[c[0][:45] for c in PLACE_CASES])
def test_each_figure_takes_the_place_of_its_own_words(text: str, expected: list[tuple[float, list[str]]]) -> None:
    assert _places(text) == expected


def test_a_toll_in_a_suburb_and_one_near_its_city_are_one_fact() -> None:
    assert _conflicts("Gunmen killed 52 people at a stadium in Karn, a suburb of Belvar, on Friday.",
                      "The toll from Friday's attack on a stadium near Belvar has risen to 70.") \
        == [("52 people", "70")]


def test_a_sum_over_two_countries_is_apart_from_each_country() -> None:
    found = _conflicts("The quake killed 1,400 people in the two countries, Ostria and Valia.",
                       "Ostria's toll stood at 1,100.",
                       "Valia had counted 310 dead, officials in Ostria and Valia said.")
    assert found == []


def test_two_sums_over_the_same_countries_disagree() -> None:
    found = _conflicts("The quake killed more than 900 people in Ostria and some 120 in Valia, about 1,020 people in all.",
                       "The combined death toll in Ostria and Valia climbed to 1,450.")
    assert ("1,450", "about 1,020 people") in found


def test_one_country_named_as_an_area_or_as_the_place_of_a_toll_is_one_fact() -> None:
    found = _conflicts("Floods swept across Ostria and Valia on Monday. Officials said 300 people had died in Ostria.",
                       "Ostria's death toll rose to 410.")
    assert found == [("300 people", "410")]


def test_a_placeless_toll_beside_tolls_of_two_countries_is_their_sum() -> None:
    """A report that gives each country's toll and one toll for no place gives the sum: it never meets one
    country's figure."""
    found = _conflicts("# Quake toll passes 1,600\n\nOstrian and Valian officials said 1,300 people had died in Ostria "
                       "and 300 in Valia.",
                       "Ostria's toll stood at 1,450.")
    assert found == [("1,300 people", "1,450")]


def test_a_list_of_places_after_in_is_their_sum() -> None:
    found = _conflicts("The number of dead in Ostria and Valia rose above 2,000 on Tuesday.",
                       "Officials said 1,700 people had died in Ostria.")
    assert found == []


def test_who_reports_the_dead_is_not_what_is_counted() -> None:
    report = read_text("The ministry in Belvar and medics in the rebel-held east together reported 71 dead in Valia.",
                       path="case.md", published="2024-03-04")
    assert [c.subject for c in Extractor().extract(report) if isinstance(c, CountClaim)] == ["people"]


def test_a_share_of_the_dead_located_in_a_place_is_that_place_toll() -> None:
    assert _places("More than 900 of the dead were in Ostria, the agency said, and 250 in Valia.") == \
        [(900, ["Ostria"]), (250, ["Valia"])]


def test_a_dateline_town_does_not_take_the_sum_of_two_countries() -> None:
    """A report filed from a town that counts the dead of two countries gives its placeless toll for both."""
    text = ("BELVAR, Ostria - The quake killed more than 1,600 people, officials said.\n\n"
            "Ostrian officials said 1,300 people had died in Ostria. Valian medics said 300 had died in Valia.")
    assert _places(text)[0] == (1600, ["*combined", "Ostria", "Valia"])


RANKING_CASES = [
    # the place a superlative ranks in is not the figure's
    ("The toll rose to 89, making the fire the deadliest in Norland in a century.", [(89, [])]),
    ("Officials said 89 people died, the worst disaster in Ostria's history.", [(89, [])]),
    # but a place named as the figure's own stays
    ("Officials said 89 people died in Belvar, the largest city in Ostria.", [(89, ["Belvar"])]),
]


@pytest.mark.parametrize("text,expected", RANKING_CASES, ids=[c[0][:45] for c in RANKING_CASES])
def test_a_place_a_superlative_ranks_in_is_not_the_figure_s(text: str, expected: list[tuple[float, list[str]]]) -> None:
    assert _places(text) == expected


def test_a_headline_ranking_does_not_place_the_report_s_tolls() -> None:
    found = _conflicts("---\ntitle: Brask fire toll climbs to 89, deadliest in Norland in a century\n---\n"
                       "The number of people killed by the Brask fire rose to 89.",
                       "The fire has killed 55 people on Brask.")
    assert ("55 people", "89") in found


def test_things_a_place_owns_or_has_are_that_place_s() -> None:
    """"Brask's 60 sirens" and "Norland has about 300 sirens" count two places' sirens; two counts for Brask meet."""
    found = _conflicts("None of Brask's 60 outdoor sirens was sounded.", "Norland has about 300 outdoor sirens.",
                       "Brask has 75 outdoor sirens.")
    assert found == [("60 outdoor sirens", "75 outdoor sirens")]


def test_where_onlookers_are_is_not_where_the_event_happened() -> None:
    """"Leaders across Norland condemned the shelling of X, which killed 30 on Monday": the date is X's shelling,
    not Norland's, so it meets another report's day of that shelling."""
    first = "Leaders across Norland condemned the shelling of the market in Karn, which killed 30 people on Sunday."
    second = "A shell hit the market in Karn on Saturday, killing 30 people."
    assert ("on Saturday", "on Sunday") in _conflicts(first, second)
    dates = [c for c in claims_of(first) if c.kind == "date"]
    assert [c.place for c in dates] == [["Karn"]]


BREAKDOWN_CASES = [
    # a toll broken down by place after a colon or a partitive opener: each part is that place's share, marked so
    ("The cyclone killed 61 people, the regional office said: 50 in Marlow and eleven in neighbouring Hollin.",
     [(61, []), (50, ["Marlow", "*part"]), (11, ["Hollin", "*part"])]),
    ("Of the dead, 38 were in Marlow and nine in Brenby.", [(38, ["Marlow", "*part"]), (9, ["Brenby", "*part"])]),
    ("The cyclone killed 61 people: 50 in Marlow and 11 in Hollin.",
     [(61, []), (50, ["Marlow", "*part"]), (11, ["Hollin", "*part"])]),
    # each place of a plain list is that place's own toll
    ("The floods killed 30 people in Marlow and 12 in Brenby.", [(30, ["Marlow"]), (12, ["Brenby"])]),
]


@pytest.mark.parametrize("text,expected", BREAKDOWN_CASES, ids=[c[0][:40] for c in BREAKDOWN_CASES])
def test_a_toll_broken_down_by_place_gives_parts(text: str, expected: list[tuple[float, list[str]]]) -> None:
    assert _places(text) == expected


def test_one_place_share_of_a_toll_is_never_a_toll_that_names_no_place_or_a_country() -> None:
    found = _conflicts("The cyclone killed 61 people: 50 in Marlow and eleven in Hollin.",
                       "MARLOW - The toll stands at 70 dead. Of the dead, 58 were in Marlow and twelve in Hollin.",
                       "The storm is now blamed for nearly 80 deaths in Ostria.")
    assert found == [("50", "58"), ("61 people", "70"), ("61 people", "nearly 80"), ("70", "nearly 80"),
                     ("eleven", "twelve")]


def test_a_place_named_as_beside_another_is_not_the_city() -> None:
    text = ("BELVAR - The storm killed 20 people in the region: 15 in Belvar and five in neighbouring Karn. "
            "Half the hotels in the city were damaged, and 40 percent of the homes in the city lost their roofs.")
    assert [c.place for c in claims_of(text) if c.measure == "share"] == [["Belvar"]]


def test_a_hyphenated_span_of_months_is_no_place() -> None:
    """"in the April-June quarter" names months; "in Baden-Baden" a town."""
    assert [c.place for c in claims_of("Arrivals fell 12% in the April-June quarter.") if c.kind != "date"] == [[]]
    assert [c.place for c in claims_of("Floods killed 40 people in Lenz-Marrow on Monday.")
            if c.kind != "date"] == [["Lenz-Marrow"]]
