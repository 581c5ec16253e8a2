"""Claims and matching on disaster reporting: what is counted, where, and which figures are one fact.

Every text is our own wording. Extraction cases give a sentence and the claim
read from it; matching cases give short reports and whether their figures are
flagged as disagreeing (one fact) or kept apart (two facts).
"""

from __future__ import annotations

import pytest
from conftest import claims_of, conflict_texts

from checker import check
from checker.extract import Extractor
from checker.models import CountClaim
from checker.read import read_text


def _claims(text: str) -> list[CountClaim]:
    return [c for c in claims_of(text) if isinstance(c, CountClaim)]


_conflicts = conflict_texts


# a hedged or modal verb keeps the measure, and a verb is never what is counted
MODAL_CASES = [
    ("Officials said between 300 and 400 people may have died in the valley.", "killed", "people"),
    ("Between 50 and 60 fishermen could be missing off the cape.", "missing", "fishermen"),
    ("Rescuers fear that 80 villagers might have drowned.", "killed", "villagers"),
    ("About 65 villagers elsewhere in the province lost their lives.", "killed", "villagers"),
]


@pytest.mark.parametrize("text,measure,subject", MODAL_CASES, ids=[c[0][:40] for c in MODAL_CASES])
def test_modal_verbs_keep_the_measure(text: str, measure: str, subject: str) -> None:
    claims = _claims(text)
    assert [(c.measure, c.subject) for c in claims] == [(measure, subject)]


# "N of the dead": the dead are what is counted, the verb after says how; a share with no measuring verb is no toll
PARTITIVE_CASES = [
    ("Hundreds of the dead have been laid to rest in the valley.", [("buried", "people")]),
    ("At least 40 of the dead were children.", [("killed", "children")]),
    # the dead identified are a count of their own (not the toll)
    ("Officials said 300 of the dead have been identified.", [("identified", "people")]),
    ("Officials said 300 of the dead lay in the valley.", []),
]


@pytest.mark.parametrize("text,expected", PARTITIVE_CASES, ids=[c[0][:40] for c in PARTITIVE_CASES])
def test_share_of_the_dead(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(c.measure, c.subject) for c in _claims(text)] == expected


def test_share_of_the_dead_is_no_antecedent() -> None:
    """A later toll with no subject of its own does not take the subgroup of a share ("tourists")."""
    text = ("At least 40 of the dead were tourists, the ministry said. "
            "The mayor put the death toll at 900.")
    claims = _claims(text)
    assert [(c.value.best, c.subject) for c in claims] == [(40.0, "tourists"), (900.0, "people")]


# a settlement the report introduces is what "the city" and a population later refer to
LOCALITY_CASES = [
    ("Floods hit the port city of Norvik on Monday. More than 300 deaths were recorded in the city.",
     [("killed", ["Norvik"])]),
    ("Norvik, a coastal town, was hit. At least 20 people died in the town.", [("killed", ["Norvik"])]),
    ("Norvik is a mountain town of 8,000 inhabitants.", [("population", ["Norvik"])]),
    ("Floods hit the port city of Norvik. The city had a population of 50,000.", [("population", ["Norvik"])]),
    # no settlement introduced: "the city" names nothing
    ("More than 300 deaths were recorded in the city.", [("killed", [])]),
    # a sentence that opens on another place: its figures are not the report's place
    ("Floods hit the port city of Norvik. Across the border, 12 people died.", [("killed", ["*other"])]),
]


@pytest.mark.parametrize("text,expected", LOCALITY_CASES, ids=[c[0][:40] for c in LOCALITY_CASES])
def test_report_locality(text: str, expected: list[tuple[str, list[str]]]) -> None:
    assert [(c.measure, c.place) for c in _claims(text)] == expected


def test_populations_of_one_city_are_one_fact() -> None:
    found = _conflicts("Norvik is a coastal city of about 120,000 inhabitants.",
                       "Floods swept the port city of Norvik. The city had a population of 75,000.")
    assert found == [("75,000", "about 120,000")]


def test_things_beside_a_population_are_no_population() -> None:
    claims = _claims("Mud buried Norvik, a town of 30,000 people, after three levees and six bridges gave out.")
    assert [c.measure for c in claims if c.measure == "population"] == ["population"]


def test_figures_from_another_place_are_another_fact() -> None:
    found = _conflicts("Floods hit the port city of Norvik; at least 300 people were killed.",
                       "Floods hit the port city of Norvik. Across the sea, 9 people were killed by the storm.")
    assert found == []


def test_the_city_is_the_last_place_named_that_is_no_country() -> None:
    """"Ostrian" makes Ostria a country: "the city" is Norvik, named before it."""
    claims = _claims("Rescuers worked in Norvik and in Ostria on Monday. Ostrian officials said 40 people died in the city.")
    assert [(c.value.best, c.place) for c in claims] == [(40.0, ["Norvik"])]


def test_population_of_the_sentence_subject() -> None:
    claims = _claims("Storms hit the coast. Norvik is estimated to have at least 50,000 inhabitants.")
    assert [(c.measure, c.place) for c in claims] == [("population", ["Norvik"])]


def test_elsewhere_is_another_place() -> None:
    claims = _claims("About 65 people elsewhere in the country lost their lives.")
    assert [c.place for c in claims] == [["*other"]]


def test_across_a_common_noun_is_no_wide_area() -> None:
    """"across the river" says where a dam stands; "across Ostria" is a whole country."""
    claims = _claims("Officials said 30 people died across Ostria. A 45-metre dam was built across the river.")
    assert [c.place for c in claims] == [["*wide", "Ostria"], []]


def test_share_is_of_what_follows_of() -> None:
    """"a third of the hill town of X" is a share of the town, and "30% of it" of the same town."""
    claims = _claims("Roughly a third of the hill town of Norvik was buried when the slope gave way. "
                     "Engineers said 30% of it was lost.")
    assert [(c.measure, c.subject) for c in claims] == [("share", "town"), ("share", "town")]


def test_shares_of_one_city_disagree() -> None:
    found = _conflicts("Roughly a third of the hill town of Norvik was buried when the slope gave way.",
                       "The mud covered half of the town of Norvik, a farmer said.")
    assert found == [("Roughly a third of the hill", "half")]


def test_length_before_a_structure_is_its_height() -> None:
    claims = _claims("Engineers inspected a 45-metre dam built across the valley.")
    assert [(c.measure, c.subject) for c in claims] == [("height", "dam")]
    found = _conflicts("Engineers inspected a 45-metre dam built across the valley.",
                       "The upper dam stood 51 meters high.")
    assert len(found) == 1


def _dates(text: str, published: str = "2024-03-04") -> list[tuple[str | None, str | None, str | None]]:
    report = read_text(text, path="case.md", published=published)
    return [(c.event, c.subject, c.value.start) for c in Extractor().extract(report) if c.kind == "date"]


def test_a_general_verb_dates_the_event_that_is_its_subject() -> None:
    """"struck" alone is an attack; "the storm, which struck on Sunday" dates the storm."""
    assert _dates("The cyclone, which struck on Saturday, drowned the delta.") == [("storm", "storm", "2024-03-02")]


def test_a_pronoun_subject_continues_the_event_of_the_sentence_before() -> None:
    text = "Forecasters followed the cyclone for a week at sea. It reached the islands on Friday."
    assert _dates(text) == [("storm", "storm", "2024-03-01")]
    # "It took ..." names no arrival: the date is no date of the storm
    assert _dates("Forecasters followed the cyclone for a week at sea. It took until Friday to restore power.") == []


def test_a_dam_burst_and_its_flood_are_one_moment() -> None:
    found = _conflicts("The three levees above Norvik collapsed on Saturday evening.",
                       "The flood poured into Norvik on Monday, farmers said.", published="2024-03-05")
    assert found == [("on Monday", "on Saturday evening")]


def test_an_old_flood_is_not_the_flood_reported() -> None:
    """A flood years before the report is an earlier event: no pair with the one reported."""
    assert _dates("A flood in 1961 badly damaged the levee.") == [("flood", "1961", "1961-01-01")]
    found = _conflicts("A flood in 1961 badly damaged the levee.", "The flood poured into Norvik on Saturday.")
    assert found == []


def test_a_measure_of_it_is_of_the_thing_named_before() -> None:
    """"It runs 4 km east of the canal": the corridor of the sentence before, not "it" or "road"."""
    claims = _claims("The accord creates a buffer zone along the canal. "
                     "It runs 4km east of the canal and 4km west of it.")
    assert [(c.measure, c.subject, c.value.best) for c in claims] == [("width", "corridor", 8.0)]
    claims = _claims("The sides drew a buffer zone around the canal, which links the two ports, "
                     "reaching 6km to the north and 6km to the south of the road.")
    assert [(c.measure, c.subject) for c in claims if c.measure == "width"] == [("width", "corridor")]


def test_the_upper_and_the_second_dam_are_two_things() -> None:
    found = _conflicts("The upper dam lies about 20km from the town.",
                       "The second dam lies some three kilometres from the town.")
    assert found == []


def test_a_toll_belongs_to_no_ceasefire() -> None:
    """A ceasefire named beside a displacement figure did not displace anyone: no event for the figure."""
    claims = _claims("The envoy said the truce must hold for more than 300,000 displaced people.")
    assert [(c.measure, c.event) for c in claims] == [("displaced", None)]


def test_flee_and_a_direction_after_the_people() -> None:
    claims = _claims("Since the push began in April, more than 250,000 people have had to flee their homes.")
    assert [(c.measure, c.value.best) for c in claims] == [("displaced", 250000.0)]
    claims = _claims("The shelling sent nearly 80,000 civilians toward the hills.")
    assert [c.subject for c in claims] != ["toward"]


def test_alone_narrows_a_place_and_makes_no_total() -> None:
    """"in the city alone" says where, not over what period: it is the incident's toll."""
    claims = _claims("At least 700 deaths were logged in the river town of Norvik alone.")
    assert [c.scope for c in claims] != ["aggregate"]
    found = _conflicts("At least 700 deaths were logged in the river town of Norvik alone.",
                       "The flood killed 350 people in Norvik, officials said.")
    assert len(found) == 1


def test_launching_an_offensive_dates_the_offensive() -> None:
    assert _dates("In April, the militia launched an offensive with drone support.", published="2024-06-10") == \
        [("offensive", "offensive", "2024-04-01")]
    found = _conflicts("In April, the militia launched an offensive with drone support.",
                       "The militia had launched a broad offensive there in June.")
    assert len(found) == 1


def test_an_old_agreement_or_attack_is_another_event() -> None:
    """The 2015 deal is not the one agreed this week; a 2013 attack is not Thursday's."""
    found = _conflicts("The ceasefire agreed this week holds.",
                       "The offensive broke its 2015 agreement with the neighbour.", published="2020-03-06")
    assert found == []
    found = _conflicts("A drone strike killed 14 soldiers on Thursday.",
                       "It was the worst loss of soldiers killed in one attack since 2013.", published="2020-03-06")
    assert found == []


def test_a_date_beside_a_speech_verb_dates_the_speech() -> None:
    """"told reporters at the ministry on Thursday that ... the operation": no date of the operation."""
    assert _dates("The general told reporters at the army headquarters on Thursday that his government regarded "
                  "the neighbour's operation as legitimate.", published="2020-03-06") == []


def test_a_duration_does_not_take_a_thing_from_the_start_of_its_clause() -> None:
    """Only a length belongs to a zone or structure named earlier in its clause; "in three months" is no meeting's."""
    claims = _claims("After long talks in the capital, the leaders agreed to a truce in a war that has driven people "
                     "from their homes in three months.")
    assert [c.subject for c in claims if c.measure == "duration"] != ["meeting"]


def test_a_count_by_a_named_moment_is_a_fact_of_its_own() -> None:
    """"buried by Thursday morning" ties the count to that moment (CODING 3): no pair with the current count."""
    claims = _claims("The mayor said more than 900 bodies had been buried by Friday evening.")
    assert [c.reference for c in claims] == ["earlier"]
    found = _conflicts("The mayor said more than 900 bodies had been buried by Friday evening.",
                       "So far 400 bodies have been buried, officials said.", published="2024-03-08")
    assert found == []


def test_a_count_in_hospitals_is_no_toll() -> None:
    claims = _claims("The tally includes 1,250 deaths recorded in hospitals.")
    assert [(c.measure, c.subject) for c in claims] == [("killed", "hospital count")]
    found = _conflicts("The tally includes 1,250 deaths recorded in hospitals.",
                       "At least 800 people were killed in the flood, officials said.")
    assert found == []


def test_a_part_of_another_count_is_no_population() -> None:
    claims = _claims("Schools are home to only 600 of the 9,000 people displaced by the storm.")
    assert [(c.measure, c.subject) for c in claims] == [("count", None), ("displaced", "people")]


def test_where_after_a_name_places_the_clause() -> None:
    claims = _claims("Mudslides wrecked Norvik, where there are at least 130 dead.")
    assert [c.place for c in claims] == [["Norvik"]]


def test_mass_graves_are_a_measure_of_their_own() -> None:
    found = _conflicts("Dozens of the dead were placed in a common grave.",
                       "Officials said 450 bodies had already been buried.")
    assert found == []


def test_a_report_about_one_settlement_gives_its_tolls_there() -> None:
    """A toll that names no place, in a report that introduced the port city of Norvik, is Norvik's; one the
    report itself gives for the whole country stays country-wide."""
    claims = _claims("Mudslides have hit the hill town of Norvik. Some 140 people are confirmed dead. "
                     "Across the country, 260 people died.")
    assert [(c.value.best, c.place) for c in claims] == [(140.0, ["Norvik"]), (260.0, ["*wide"])]


def test_a_toll_that_names_no_group_counts_people() -> None:
    """With no group named before it, "the death toll at 640" counts people, so it does not meet a count of
    one kind of place or of one group."""
    claims = _claims("The fire brigade put the latest death toll at 640.")
    assert [c.subject for c in claims] == ["people"]
    found = _conflicts("The fire brigade put the latest death toll at 640.",
                       "The tally includes 1,250 deaths recorded in hospitals.")
    assert found == []


def _report(title: str, body: str, path: str = "case.md") -> list[CountClaim]:
    text = f"---\ntitle: \"{title}\"\npublished: 2024-03-04\n---\n{body}\n"
    report = read_text(text, path=path)
    return [c for c in Extractor().extract(report) if isinstance(c, CountClaim)]


def test_the_headline_names_the_report_s_place() -> None:
    """A headline that names a settlement gives the report's placeless tolls that place; one that names only a
    country makes them country-wide; "in Ostria" for one incident is a location, not the whole country."""
    body = "Rescuers searched the ruins in Norvik and in Ostria. Some 310 people were killed."
    claims = _report("Norvik counts its dead after the Ostrian floods", body)
    assert [c.place for c in claims if c.measure == "killed"] == [["Norvik"]]
    claims = _report("Ostrian floods: aid groups rush in", body)
    assert [c.place for c in claims if c.measure == "killed"] == [["*wide"]]
    claims = _report("Flood-hit Ostrian city faces long recovery", body)
    assert [c.place for c in claims if c.measure == "killed"] == [[]]


def test_a_country_locates_nothing_apart_and_across_names_an_area() -> None:
    """"in Ostria" (a country: the report says "Ostrian") is marked a country: apart from another country,
    not from a city it may hold; "the city" after "dams across Ostria" is not Ostria; "on Norvik" is a place."""
    claims = _claims("The Ostrian army said 40 people were killed in Ostria.")
    assert [c.place for c in claims] == [["*country", "Ostria"]]
    assert _conflicts("The Ostrian army said 40 people were killed in Ostria.",
                      "The Valian army said 90 people were killed in Valia.") == []
    assert len(_conflicts("The Ostrian army said 40 people were killed in Ostria.",
                          "Medics said 90 people were killed in Norvik.")) == 1
    claims = _claims("A wave fell on Norvik. Dams across Ostria are old. A 45-metre dam stands above the city.")
    assert [c.place for c in claims if c.measure == "height"] == [["Norvik"]]


def test_a_line_of_key_figures_is_read_cell_by_cell() -> None:
    claims = _claims("In brief: 1,200 deaths | more than 300 people missing | 9,000 internally displaced")
    assert [(c.measure, c.value.best) for c in claims] == [("killed", 1200.0), ("missing", 300.0),
                                                           ("displaced", 9000.0)]
    # a byline with bars stays unread
    assert _claims("By Jane Roe | Newswire | 2 May 2022") == []


def test_a_name_given_as_a_whole_area_is_an_area_in_every_report() -> None:
    """"across Ostria" in one report makes "in Ostria" (or a headline "Ostria: ...") wide in the others, so the
    country's tolls meet each other and not a city's."""
    country = ("---\ntitle: \"Ostria: flood response update\"\npublished: 2024-03-04\n---\n"
               "In brief: 1,200 deaths | 300 people missing\n")
    reports = [
        read_text("Officials said 1,040 people have died across Ostria.", path="r1.md", published="2024-03-03"),
        read_text(country, path="r2.md"),
        read_text("Floods hit the port city of Norvik. More than 2,600 people were killed there.", path="r3.md",
                  published="2024-03-03"),
    ]
    doc = check(reports)
    index = {c.id: c for c in doc.claims}
    pairs = sorted(tuple(sorted(index[i].text for i in f.claims)) for f in doc.conflicts)
    assert pairs == [("1,040 people", "1,200")]


def test_across_a_governorate_is_no_whole_country() -> None:
    claims = _claims("Between 7,000 and 8,000 displaced people live in tents across Norvik governorate.")
    assert all("*wide" not in c.place for c in claims)


def test_the_town_of_a_headline() -> None:
    """"the town" in a report whose headline names "Valmora's mayor" is Valmora; a headline label
    ("Kestria: ...") names a whole country for the report's tolls."""
    claims = _report("Valmora's mayor asks for help", "The death toll in the town has climbed to 540.")
    assert [c.place for c in claims] == [["Valmora"]]
    claims = _report("Kestria: earthquake response update", "Key figures: 700 deaths | 3,000 people displaced")
    assert [c.place for c in claims] == [["*wide", "Kestria"], ["*wide", "Kestria"]]


def test_people_who_depend_on_camps_are_a_camp_count() -> None:
    claims = _claims("Between 7,000 and 8,000 people displaced by the storm now rely on packed camps.")
    assert [(c.measure, c.subject) for c in claims] == [("displaced", "camp count")]


def test_tolls_of_a_storm_and_the_dam_it_broke_are_one_toll() -> None:
    found = _conflicts("After the cyclone, hundreds were missing in Norvik alone.",
                       "With 2,500 people still missing in Norvik after the levee collapsed, fears grew.")
    assert len(found) == 1


def test_a_start_word_gives_its_date_to_its_subject_only_when_no_event_comes_between() -> None:
    assert _dates("Joint patrols will get under way on May 3.", published="2020-03-06") == \
        [("patrol", "patrol", "2020-05-03")]
    dated = _dates("The operation got under way as gunners shot down a drone on Friday.", published="2020-03-06")
    assert [e for e, _, _ in dated] == ["shootdown"]


def test_a_group_of_its_country_takes_the_demonym() -> None:
    claims = _claims("Ostria said three of its soldiers had died in clashes. Ostrian units struck back, killing 17 Valian troops.")
    assert [(c.value.best, c.actors) for c in claims] == [(3.0, ["Ostrian"]), (17.0, ["Valian"])]
    found = _conflicts("Ostria said three of its soldiers had died in clashes. Ostrian units struck back, killing 17 Valian troops.")
    assert found == []


def test_the_source_of_a_figure_is_not_what_it_counts() -> None:
    """"wounding 40, police said": the police are who said it."""
    claims = _claims("A car bomb exploded in the market, killing at least 12 and wounding 40, police said.")
    assert [(c.measure, c.subject) for c in claims] == [("killed", "people"), ("injured", "people")]


def test_a_settlement_met_in_passing_is_not_the_report_s_topic() -> None:
    """Tolls that say nowhere go to the settlement of the headline or lead, not to one named further down."""
    body = ("The earthquake shook the whole region on Monday. Officials said more than 20,000 people were killed. "
            "Rescue teams worked through the night. In the mountain town of Karsa, rescuers pulled a girl from the rubble.")
    claims = _report("Quake toll keeps rising", body)
    assert [c.place for c in claims if c.measure == "killed"] == [[]]


def test_it_keeps_the_name_of_the_thing_before() -> None:
    """"The Norvik dam ... It lies 9 kilometres from the town" is the Norvik dam, not any dam."""
    claims = _claims("The Norvik dam was the first to fail. It lies 9 kilometres from the town.")
    assert [(c.measure, c.subject) for c in claims] == [("distance", "norvik dam")]


def test_a_when_clause_says_what_a_date_dates() -> None:
    assert _dates("Shelling grew heavier after 3 April, when the militia began its offensive.",
                  published="2020-03-06") == [("offensive", "offensive", "2020-04-03")]


def test_deaths_in_one_country_and_in_both_are_two_facts() -> None:
    """CODING 3: deaths in one country, in another, or in both combined are three facts."""
    found = _conflicts("The Ostrian and Valian governments said the quake killed 9,000 people in Ostria and Valia.",
                       "Ostrian officials said 7,000 people were killed in Ostria.",
                       "Officials said 2,500 people were killed in Valia, where Ostrian teams helped.")
    assert found == []


def test_a_share_destroyed_and_a_share_under_water_are_two_facts() -> None:
    found = _conflicts("Half of the town of Norvik was razed, a farmer said.",
                       "A fifth of the town of Norvik is still under water, engineers said.")
    assert found == []
    found = _conflicts("Half of the town of Norvik was razed, a farmer said.",
                       "A fifth of the town of Norvik was flattened, engineers said.")
    assert len(found) == 1
