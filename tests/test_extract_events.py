"""Which event a figure belongs to, and what it measures, on reports of events checker was not tuned on.

Every text is our own wording, about storms, floods, fires and quakes of our own
invention. Extraction cases give a sentence and what is read from it; matching
cases give short reports and whether their figures are flagged as disagreeing
(one fact) or kept apart (two facts).
"""

from __future__ import annotations

import pytest
from conftest import CASE_PUBLISHED, claims_of, conflict_texts

from checker import check
from checker.extract import Extractor
from checker.models import CountClaim, DateClaim
from checker.read import read_text


def _claims(text: str, published: str = CASE_PUBLISHED) -> list[CountClaim]:
    return [c for c in claims_of(text, published) if isinstance(c, CountClaim)]


def _dates(text: str, published: str = CASE_PUBLISHED) -> list[DateClaim]:
    return [c for c in claims_of(text, published) if isinstance(c, DateClaim)]


_conflicts = conflict_texts


# another occurrence of the event than the report's news: a past year, an ordinal, "another", "a new"
OCCASION_CASES = [
    ("The flood in 1987 killed more than 900 people in the delta.", "1987"),
    ("It was the worst storm since 1962, when the Harlow storm killed about 4,000 people.", "1962"),
    ("Many homes were built after the 2004 Velmar earthquake, which killed 2,100 people.", "2004"),
    # no event word, but the toll and the year long past share their clause: that year's disaster's
    ("The toll passed the 600 who died at Korvin in 1971.", "1971"),
    ("A second quake of magnitude 6.1 struck in the afternoon.", "another"),
    ("Another storm killed 14 people on the coast.", "another"),
    # a part of a past toll, told by a relative pronoun, is of that past too
    ("In 1998 a flood at Tarvel killed 40 people, six of whom were never found.", "1998"),
    ("A new flood swept the valley, killing 12 people.", "another"),
    ("The new storm has killed 40 people in the port.", None),
    ("The storm that hit on Monday has killed 40 people.", None),
    # a toll told as days or more before or after the news is of another event
    ("The crush came four weeks after 35 people died in a stampede at a stadium in Orlo.", "another"),
    ("Hours after the quake struck, 40 people were dead.", None),
    ("A year after the crush that killed 61, families demand answers.", None),
    ("Troops launched the offensive days after 34 soldiers were killed in an air strike.", None),
]


def test_a_year_named_alone_a_season_or_more_before_the_report_is_another_occurrence() -> None:
    claims = _claims("The crush was deadlier than the 2023 festival in Orlo, where 10 people died.",
                     published="2024-10-29")
    assert [(c.value.best, c.occasion) for c in claims] == [(10.0, "2023")]


@pytest.mark.parametrize("text,occasion", OCCASION_CASES, ids=[c[0][:40] for c in OCCASION_CASES])
def test_a_figure_of_another_occurrence_keeps_it(text: str, occasion: str | None) -> None:
    claims = _claims(text)
    assert claims and claims[-1].occasion == occasion


def test_an_old_toll_is_no_figure_of_the_news() -> None:
    """The toll of a past quake named beside this one's is a fact of its own; the two old tolls still meet."""
    first = "The quake has killed 3,100 people. The 1988 quake, which killed about 9,000 people, was worse."
    second = "The quake's toll stood at 4,200. In 1988 the old quake killed more than 8,500 people."
    found = _conflicts(first, second)
    assert ("3,100 people", "4,200") in found
    assert not any("9,000" in " ".join(pair) and ("3,100" in " ".join(pair) or "4,200" in " ".join(pair))
                   for pair in found)


def test_a_second_quake_s_magnitude_is_no_figure_of_the_first() -> None:
    found = _conflicts("The magnitude 6.8 earthquake struck at dawn. "
                       "A second earthquake of magnitude 5.9 struck at noon.",
                       "The magnitude 6.6 earthquake struck at dawn.")
    assert found == [("magnitude 6.6 earthquake struck", "magnitude 6.8 earthquake struck")]


def test_a_participle_takes_the_day_of_the_clause_it_continues() -> None:
    claims = _claims("A storm lashed the islands on Saturday, killing 11 people and injuring 40.")
    assert [(c.measure, c.event_date.start if c.event_date else None) for c in claims] == [
        ("killed", "2024-03-02"), ("injured", "2024-03-02")]


def test_a_magnitude_measures_its_quake() -> None:
    claims = _claims("The magnitude 5.4 quake rattled the valley at dawn.")
    assert [(c.measure, c.subject, c.event) for c in claims] == [("magnitude", "earthquake", "earthquake")]


def test_a_quake_dated_far_from_the_story_s_day_is_another() -> None:
    """Two reports date the story's quake to 1 March; a third tells of a smaller quake three weeks later, with
    its own toll and magnitude: none of its figures meets the story's."""
    first = "The magnitude 6.9 earthquake struck on 1 March. The quake has killed 2,400 people."
    second = "The earthquake hit on 1 March and has killed 3,000 people."
    third = ("The magnitude 5.2 earthquake shook the coast on 22 March, killing nine people. "
             "The quake of 1 March measured 6.9.")
    found = _conflicts(first, second, third, published="2024-03-23")
    assert found == [("2,400 people", "3,000 people")]


# a bare figure a verb of measuring puts a quake at is its magnitude
MAGNITUDE_CASES = [
    ("The quake shook the valley at dawn. The survey measured it at 6.3.", [(6.3, "current", None)]),
    ("The institute measured the main shock at 5.9.", [(5.9, "current", None)]),
    ("The agency first gave the magnitude as 6.0 before revising it to 6.2.",
     [(6.0, "earlier", None), (6.2, "current", None)]),
    ("It put the second quake, at 14:05 local time, at 5.1.", [(5.1, "current", "another")]),
    ("The council put the cost of the repairs at 4.5.", []),  # no quake is measured
    ("The survey measured the quake's depth at 300.", []),  # out of the scale
]


@pytest.mark.parametrize("text,expected", MAGNITUDE_CASES, ids=[c[0][:40] for c in MAGNITUDE_CASES])
def test_a_measured_figure_of_a_quake_is_its_magnitude(text: str, expected: list[tuple[float, str, str | None]]
                                                       ) -> None:
    claims = [c for c in _claims(text) if c.measure == "magnitude"]
    assert [(c.value.best, c.reference, c.occasion) for c in claims] == expected


# "struck" tells of the event its subject or agent names; only alone is it an attack
STRUCK_CASES = [
    ("Tuesday's storm struck the coast, killing 30 people.", "storm"),
    ("In the villages struck by the floods 40 people died.", "flood"),
    ("A missile struck the market, killing 30 people.", "attack"),
    ("The slides struck the valley at night. Forty people are still missing.", "collapse"),
]


@pytest.mark.parametrize("text,event", STRUCK_CASES, ids=[c[0][:40] for c in STRUCK_CASES])
def test_struck_is_the_event_of_its_subject_or_agent(text: str, event: str) -> None:
    assert [c.event for c in _claims(text) if c.kind == "casualty"] == [event]


def test_a_later_report_s_toll_of_the_story_s_incident_is_one_fact_with_the_first() -> None:
    # "in which ... died in March last year": the incident's victims (no running total over a month or a year),
    # and a past year that is the year the reports date the event in is the story's own occurrence
    later = "The trial opened on Monday over the bombing of the market in Dorvane, in which nearly 60 people died in March last year."
    assert [(c.scope, c.occasion) for c in _claims(later, "2025-08-04")] == [("incident", "2024")]
    assert _conflicts("Gunmen killed 40 people in a bombing at a market in Dorvane on 3 March 2024.", later,
                      published="2025-08-04") == [("40 people", "nearly 60 people")]


def test_a_distance_in_a_sentence_of_an_arrest_is_how_far_away_it_happened() -> None:
    assert _conflicts("Five men were detained about 120 km from Belvar.",
                      "The five were arrested on Sunday some 190 miles from the capital.") \
        == [("about 120 km", "some 190 miles")]


def test_a_conversion_in_brackets_gone_wrong_is_two_statements_that_disagree() -> None:
    assert _conflicts("Police detained five men 120 km (75 miles) from Belvar.") == []
    assert _conflicts("Police detained five men 120 km (roughly 190 miles) from Belvar.") \
        == [("120 km", "roughly 190 miles")]


def test_gunmen_who_opened_fire_attacked() -> None:
    # "opened" alone is a building's opening; "opened fire" is an attack, and its day the attack's
    text = "Gunmen opened fire on a wedding party in Dorvane on Tuesday evening, killing 14 people."
    assert [c.event for c in _claims(text) if c.kind == "casualty"] == ["attack"]
    assert [c.event for c in _dates(text)] == ["attack"]


def test_a_participle_with_its_agent_ends_what_is_counted() -> None:
    claims = _claims("A state of emergency covers the six districts hit by Monday's storm.")
    assert [(c.subject, c.reference) for c in claims if c.measure == "count"] == [("districts", "current")]


def test_a_date_after_a_tally_is_the_tally_s_moment() -> None:
    report = read_text("The storm struck on Sunday. The toll rose to 640 on Tuesday.", path="case.md",
                       published="2024-03-06")
    dates = [c for c in Extractor().extract(report) if c.kind == "date"]
    assert [c.value.start for c in dates] == ["2024-03-03"]


# what a sum is the value of: the object of a verb of valuing, or what it is "in"; an announcement names nothing
MONEY_CASES = [
    ("The ministry estimated the total cost of the storm at $9 billion.", "cost"),
    ("The bank put the direct damage in the province at $2.5 billion.", "damage"),
    ("The government announced $40 million in emergency aid.", "aid"),
    ("The government announced $40 million for the coast.", None),
]


@pytest.mark.parametrize("text,subject", MONEY_CASES, ids=[c[0][:40] for c in MONEY_CASES])
def test_what_a_sum_is_the_value_of(text: str, subject: str | None) -> None:
    assert [c.subject for c in _claims(text) if c.measure == "money"] == [subject]


def test_a_cost_and_a_damage_are_two_facts() -> None:
    assert _conflicts("The ministry estimated the total cost of the floods at $9 billion.",
                      "The bank put the direct damage from the floods at $2.5 billion.") == []


def test_warrants_are_no_arrests() -> None:
    first = "Prosecutors have issued arrest warrants for 60 people over the collapsed dam."
    second = "Police have detained 45 people over the collapsed dam."
    assert [c.measure for c in _claims(first)] == ["warrants"]
    assert _conflicts(first, second) == []


STATE_CASES = [
    ("Officials said 640 homes had collapsed.", "destroyed"),
    ("More than 9,000 homes were either destroyed or damaged beyond repair.", "damaged or destroyed"),
    ("The storm left 300 homes without power.", "without_power"),
    ("The utility said 80,000 homes and businesses lost power.", "without_power"),
    ("The town has 4,000 homes.", None),
]


@pytest.mark.parametrize("text,state", STATE_CASES, ids=[c[0][:40] for c in STATE_CASES])
def test_the_state_counted_things_are_in(text: str, state: str | None) -> None:
    assert [c.state for c in _claims(text) if c.measure == "count"] == [state]


def test_things_destroyed_and_things_destroyed_or_damaged_are_two_facts() -> None:
    assert _conflicts("Officials said 640 homes had collapsed.", "Officials said 700 homes had been destroyed.",
                      "Officials said 9,000 homes had collapsed or been damaged.") == [("640 homes", "700 homes")]


def test_the_dead_of_a_place_are_its_toll() -> None:
    claims = _claims("More than 1,200 of the dead were in Valmora, officials said.")
    assert [(c.measure, c.value.low, c.subject) for c in claims] == [("killed", 1200.0, "people")]


def test_a_country_of_so_many_people_is_a_population() -> None:
    assert [c.measure for c in _claims("Ostria is a country of 12 million people.")] == ["population"]


def test_a_date_before_its_event_noun_is_that_event_s_day() -> None:
    report = read_text("The toll from the 2 March floods reached 300.", path="case.md", published="2024-03-06")
    dates = [c for c in Extractor().extract(report) if c.kind == "date"]
    assert [(c.measure, c.event, c.value.start) for c in dates] == [("date", "flood", "2024-03-02")]


DEPTH_CASES = [
    "The quake struck at a depth of 12 kilometres, about 40 km from the port.",
    "The quake began about 7 miles below the surface, roughly 25 miles from the port.",
]


@pytest.mark.parametrize("text", DEPTH_CASES, ids=[c[:40] for c in DEPTH_CASES])
def test_a_quake_s_depth(text: str) -> None:
    claims = _claims(text)
    assert (claims[0].measure, claims[0].subject) == ("depth", "earthquake")
    assert claims[1].measure == "distance"


def test_time_elapsed_is_measured_to_the_report_s_day() -> None:
    """"Four days after the storm" on one day and "two weeks after the storm" on another count other spans."""
    first = read_text("Hopes faded four days after the storm.", path="a.md", published="2024-03-05")
    second = read_text("Two weeks after the storm, the roads were open.", path="b.md", published="2024-03-15")
    assert check([first, second]).conflicts == []
    claims = [c for c in Extractor().extract(first) if c.measure == "duration"]
    assert [c.event_date.start if c.event_date else None for c in claims] == ["2024-03-05"]


def test_a_figure_before_a_colon_and_its_parts_is_read() -> None:
    claims = _claims("In the north the toll reached 1,450: 600 in the hills and 850 on the coast.")
    assert [(c.measure, c.value.best) for c in claims][:1] == [("killed", 1450.0)]
    assert [c.value.best for c in _claims("The first quake struck at 10:32 and killed 40 people.")] == [40.0]


def test_a_verb_of_arriving_dates_the_event_it_follows() -> None:
    report = read_text("The first of the two storms, with winds of 150 km/h, hit on 2 March.", path="case.md",
                       published="2024-03-06")
    dates = [c for c in Extractor().extract(report) if c.kind == "date"]
    assert [(c.event, c.value.start) for c in dates] == [("storm", "2024-03-02")]


def test_an_increment_is_no_total() -> None:
    """"A further $20 million" adds to the $30 million given before; alone, "a further 900" is a count."""
    claims = _claims("The government gave $30 million in aid last week and announced a further $20 million in aid.")
    assert [(c.value.best, c.occasion) for c in claims if c.measure == "money"] == [
        (30e6, None), (20e6, "another")]
    assert [c.occasion for c in _claims("A further 900 people are reported missing.")] == [None]


def test_an_event_word_that_qualifies_another_noun_names_no_event() -> None:
    report = read_text("In the 24 hours to 08:00 on Monday, 300mm of rain fell, a new rainfall record.",
                       path="case.md", published="2024-03-06")
    claims = Extractor().extract(report)
    assert [c for c in claims if c.kind == "date"] == []
    assert all(c.occasion is None for c in claims)


def test_disaster_struck_is_no_attack() -> None:
    claims = _claims("The valley had 12,000 people when disaster struck, and 300 of them died.")
    assert all(c.event != "attack" for c in claims)


# a toll in a clause with a year long past, no other figure between, is that year's disaster's
PAST_DISASTER_CASES = [
    ("It overtook the Harrow Fire, which killed 41 people near Tollen, Norland, in 1991.", "1991"),
    ("The deadliest on record is still the 1903 Osk blaze, blamed for 260 deaths.", "1903"),
    ("The wave that struck Merrin in 1958 killed 37 people, a year after the port opened.", "1958"),
    # the year belongs to the figure beside it, not to the running toll before it
    ("The toll rose to 412, passing the roughly 300 who died at Osk in 1903.", None),
    # "since" a year with a when-clause names that year's disaster, not a period; what the clause counts on the
    # way ("two ferries") describes it
    ("It is the worst since 1987, when two ferries collided off Merrin, killing 212 people.", "1987"),
]


@pytest.mark.parametrize("text,occasion", PAST_DISASTER_CASES, ids=[c[0][:40] for c in PAST_DISASTER_CASES])
def test_a_toll_beside_a_year_long_past_is_that_year_s(text: str, occasion: str | None) -> None:
    claims = [c for c in _claims(text) if c.kind == "casualty"]
    assert claims and claims[0].occasion == occasion


def test_an_old_fire_s_toll_is_apart_from_the_story_s() -> None:
    found = _conflicts("The Tollen wildfire has killed 52 people.",
                       "The Tollen fire toll stood at 60. It passed the Harrow Fire, which killed 41 people in 1991.")
    assert found == [("52 people", "60")]


def test_the_day_a_tally_stood_is_not_the_event_s() -> None:
    """"The toll stood at 70 on Thursday" and "officials on Monday lowered the toll ... to 64" are one toll."""
    found = _conflicts("The death toll from the Tollen fire stood at 70 on Thursday.",
                       "Officials on Monday lowered the death toll from the Tollen fire to 64.",
                       published="2024-03-11")
    assert found == [("64", "70")]
    # however long the words between the verb and the level
    found = _conflicts("The ferry collision off Tollen killed 70 people on Thursday, officials said.",
                       "Officials on Monday lowered the death toll from Thursday's ferry collision off Tollen to 64.",
                       published="2024-03-11")
    assert found == [("64", "70 people")]


def test_buildings_and_structures_are_one_count() -> None:
    found = _conflicts("The governor said 900 buildings destroyed or damaged in Tollen.",
                       "More than 1,400 structures were destroyed or damaged.",
                       "Officials put the number of structures destroyed or damaged in Tollen at 1,423.")
    assert ("1,423", "900 buildings") in found and ("900 buildings", "More than 1,400 structures") in found
    assert all("homes" not in " ".join(pair) for pair in found)


FIRE_DATE_CASES = [
    ("The blaze broke out on Tuesday and spread fast.", True),
    ("Crews said the morning fire on March 5 started at dawn.", True),
    ("A patrol came under fire on Tuesday, and two men were killed.", False),
    ("Soldiers returned fire on Tuesday, killing two men.", False),
    ("The fire brigade arrived on Tuesday and two men were rescued.", False),
]


@pytest.mark.parametrize("text,fire", FIRE_DATE_CASES, ids=[c[0][:40] for c in FIRE_DATE_CASES])
def test_a_fire_is_dated_but_gunfire_is_no_fire(text: str, fire: bool) -> None:
    report = read_text(text, path="case.md", published="2024-03-07")
    dates = [c for c in Extractor().extract(report) if c.kind == "date"]
    assert all(c.value.start == "2024-03-05" for c in dates)
    assert any(c.event == "fire" for c in dates) == fire


def test_a_fire_dated_a_day_apart_disagrees() -> None:
    found = _conflicts("The Tollen fire broke out on Tuesday.", "The fire that destroyed Tollen last Wednesday burned "
                       "some 900 hectares.", published="2024-03-07")
    assert found == [("last Wednesday", "on Tuesday")]


def test_another_fire_s_place_keeps_its_figures_apart() -> None:
    """A report names a separate fire near Brask: a figure located there alone is that fire's."""
    found = _conflicts("The Tollen fire broke out on Tuesday. A separate fire near Brask began late on Monday.",
                       "The fire burned 2,100 acres. In Brask, the hill fire had burned 600 acres.",
                       "The Tollen fire consumed more than 2,000 hectares.", published="2024-03-07")
    assert all("600 acres" not in pair for pair in found)
    assert ("2,100 acres", "more than 2,000 hectares") in found


def test_the_missing_who_remain_are_a_count_of_the_missing() -> None:
    claims = _claims("Hundreds remain unaccounted for, and up to 900 remain missing.")
    assert [(c.measure, c.value.best) for c in claims] == [("missing", None), ("missing", 900.0)]


COUNT_WITHOUT_VERB_CASES = [
    ("Aid groups found some 3,200 people in need of shelter.", ("need_shelter", 3200.0)),
    ("So far only seven of the dead have been named.", ("identified", 7.0)),
    ("The flood reached the village, a community of about 900 people.", ("population", 900.0)),
]


@pytest.mark.parametrize("text,expected", COUNT_WITHOUT_VERB_CASES, ids=[c[0][:40] for c in COUNT_WITHOUT_VERB_CASES])
def test_counts_a_noun_phrase_measures(text: str, expected: tuple[str, float]) -> None:
    assert [(c.measure, c.value.best) for c in _claims(text)] == [expected]


def test_a_resignation_is_dated() -> None:
    report = read_text("The head of the relief agency resigned on Tuesday.", path="case.md", published="2024-03-07")
    assert [(c.event, c.value.start) for c in Extractor().extract(report) if c.kind == "date"] == [
        ("resignation", "2024-03-05")]


TOLL_SUBJECT_CASES = [
    # people before the casualty verb whose object the figure is acted or spoke; the figure counts the dead
    ("Police open an inquiry into the ferry sinking that killed 41.", [("killed", 41.0, "people")]),
    # a hospital named after a later figure of the sentence is that figure's, not the toll's
    ("The toll rose to 64 on Tuesday after three more of the injured died in hospital.",
     [("killed", 64.0, "people")]),
]


@pytest.mark.parametrize("text,expected", TOLL_SUBJECT_CASES, ids=[c[0][:40] for c in TOLL_SUBJECT_CASES])
def test_who_a_toll_counts(text: str, expected: list[tuple[str, float, str]]) -> None:
    assert [(c.measure, c.value.best, c.subject) for c in _claims(text) if c.measure == "killed"] == expected


def test_the_dead_of_one_origin_are_a_part_of_the_toll() -> None:
    """People counted by where they come from are that place's part of the toll, compared only with such parts."""
    found = _conflicts("The ferry sinking off Karn killed 212 people.",
                       "In Valia, the governor said 61 of the dead were residents of her state.",
                       "Seventy people from Valia died in the sinking, the state government said.")
    assert found == [("61 of the dead", "Seventy people")]


def test_the_unidentified_dead_are_a_count_of_their_own() -> None:
    """Bodies not yet identified are compared with each other, never with the toll or the identified."""
    found = _conflicts("The landslide at Osk killed 140 people. Of the dead, 37 have yet to be identified.",
                       "Only 90 of the dead had been identified, and 45 bodies were still unidentified.")
    assert found == [("37", "45 bodies")]


def test_a_possessive_day_names_its_event_s_day_whatever_precedes_it() -> None:
    """"from Friday's collision" looks back, and a day that names its event outright is tied to the report's toll
    of that event even with no toll beside it."""
    found = _conflicts("Divers searched the wreck of Saturday's ferry collision. The collision killed 40 people.",
                       "The toll from Friday's ferry collision off Karn rose to 41.")
    assert ("Friday's", "Saturday's") in found
    assert [c.value.start for c in _dates("The toll from Friday's ferry collision off Karn rose to 41.")] == [
        "2024-03-01"]


def test_the_day_a_tally_was_revised_is_tied_to_no_incident() -> None:
    """A toll that names no one in its sentence is a tally: the day beside it is not the incident's."""
    dates = _dates("Officials on Sunday lowered the toll from the ferry collision to 38.")
    assert all(c.subject is None for c in dates)  # (a tally's own moment makes no date claim at all)


FIGURE_OF_TOLL_CASES = [
    ("The flood killed 140 people, the ministry said, though the province has kept its own lower count of 120.",
     [("killed", 140.0, "current"), ("killed", 120.0, "current")]),
    ("The toll stood at 75 on Monday. Officials said the earlier figure of 80 had counted some dead twice.",
     [("killed", 75.0, "current"), ("killed", 80.0, "earlier")]),
    # a figure of things, or one with no toll before it, is no toll
    ("The flood killed 140 people and left a total of 300 homes under water.", [("killed", 140.0, "current")]),
    ("Officials gave a figure of 80 on Monday.", []),
]


@pytest.mark.parametrize("text,expected", FIGURE_OF_TOLL_CASES, ids=[c[0][:40] for c in FIGURE_OF_TOLL_CASES])
def test_a_count_of_n_is_a_figure_of_the_last_toll(text: str, expected: list[tuple[str, float, str]]) -> None:
    assert [(c.measure, c.value.best, c.reference) for c in _claims(text) if c.kind == "casualty"] == expected


def test_passengers_hurt_and_people_admitted_to_hospital_are_the_injured() -> None:
    found = _conflicts("Some 300 injured passengers were taken to clinics in Karn.",
                       "Of 410 people admitted to hospital, 150 had since gone home.")
    assert found == [("410 people", "Some 300")]
    claims = _claims("Of 410 people admitted to hospital, 150 had since gone home.")
    assert [(c.measure, c.value.best) for c in claims] == [("injured", 410.0), ("discharged", 150.0)]


def test_a_share_of_named_things_counts_those_things_whatever_verb_follows() -> None:
    found = _conflicts("The ferry listed and nine of its lifeboats came off their davits.",
                       "About 14 of its lifeboats broke loose, the coastguard said.")
    assert found == [("About 14 of its lifeboats", "nine of its lifeboats")]


def test_each_named_mover_keeps_its_own_speed() -> None:
    """Two vessels' speeds in one story are two facts: the name before the verb of moving tells them apart."""
    found = _conflicts("The Orla Star was sailing at 30 km/h when the Brask-Tollen ferry, moving at 12 km/h, hit it.",
                       "The Orla Star had been travelling at 22 km/h, the harbour master said.")
    assert found == [("22 km/h", "30 km/h")]


def test_a_crash_toll_in_a_report_about_a_country_is_the_crash_s_not_the_country_s() -> None:
    """A crash happens at one spot: a report about the country gives its toll for that spot, not as an area."""
    found = _conflicts("---\ntitle: Ostrian ferry disaster toll rises\n---\nThe ferry collision killed 212 people, the"
                       " government said.", "The ferry collision in Karn killed 190 people, officials said.")
    assert found == [("190 people", "212 people")]


def test_a_day_named_for_the_event_beside_another_count_is_the_event_s() -> None:
    """"arrested over Friday's collision": the day is the collision's, tied to its toll, not to the arrests."""
    found = _conflicts("The ferry collision off Karn killed 40 people. Police arrested three dock workers over"
                       " Friday's collision.", "Saturday's ferry collision off Karn killed 40 people.")
    assert found == [("Friday's", "Saturday's")]


# vessels, planes and buses of our own invention: the idioms of a sinking or a crash
def test_a_time_word_after_a_figure_is_never_what_is_counted() -> None:
    claims = _claims("The port authority raised the confirmed toll to 31 overnight.")
    assert [(c.measure, c.subject) for c in claims] == [("killed", "people")]


def test_people_aboard_are_a_fact_of_their_own() -> None:
    found = _conflicts("The ferry Marisol was carrying some 200 people when it capsized off Brenna.",
                       "About 350 people were aboard the ferry, the harbour office said.",
                       "Up to 400 people were on board.")
    assert found == [("About 350 people", "some 200 people")]


def test_a_bracketed_conversion_is_its_own_statement() -> None:
    found = _conflicts("The ferry sank 30 nautical miles (56 km) west of Brenna.",
                       "The ferry sank 45 km off the coast of Brenna.")
    assert sorted(found) == [("30 nautical miles", "45 km"), ("45 km", "56 km")]


def test_a_conversion_never_disagrees_with_its_own_figure() -> None:
    assert _conflicts("The bus was swept 60 metres (200 feet) down the slope.") == []


def test_a_demonym_before_a_coast_or_authority_is_no_place() -> None:
    found = _conflicts("Rescuers have so far recovered 40 bodies off the Thai coast.",
                       "Rescuers have recovered 44 bodies off Brenna.")
    assert found == [("40 bodies", "44 bodies")]


def test_bodies_in_a_corrected_count_are_bodies_and_its_day_is_the_tally_s() -> None:
    report = read_text("The harbour office corrected the number of bodies recovered to twenty-one on Friday, "
                       "saying one victim had been counted twice.", path="case.md", published="2024-03-09")
    claims = Extractor().extract(report)
    assert [(c.measure, c.subject) for c in claims if c.text == "twenty-one"] == [("bodies_recovered", "bodies")]
    assert [c for c in claims if c.kind == "date"] == []


SINKING_DATE_CASES = [
    # a date of another clause or of a relative clause's own event is not the sinking's
    (("The harbour office came under pressure on Thursday to explain why it did not act before the ferry "
      "capsized late on Tuesday."), [("crash", "2024-03-05")]),
    ("Two crew members of the ferry that sank on Tuesday were brought before a judge on Friday.",
     [("crash", "2024-03-05")]),
    # a departure has its day, apart from the sinking's
    ("The ferry left Brenna last Friday and sank on Tuesday.", [("departure", "2024-03-01"), ("crash", "2024-03-05")]),
    ("The ferry set sail from Brenna on 2 March.", [("departure", "2024-03-02")]),
    # "went down" sinks only a vessel or an aircraft
    ("The plane went down on Tuesday.", [("crash", "2024-03-05")]),
    ("Fuel prices went down on Tuesday.", []),
    # a court's day is its ruling's, not the day of the sinking it judges
    ("A court in Brenna on Tuesday threw out the case over last year's sinking.",
     [("ruling", "2024-03-05"), ("crash", "2023-01-01")]),
    # a possessively dated event has its day; a later date of the sentence is another event's
    ("Buses began running again past the site of Tuesday's crash late on Thursday.",
     [("crash", "2024-03-05"), ("launch", "2024-03-07")]),
]


@pytest.mark.parametrize("text,expected", SINKING_DATE_CASES, ids=[c[0][:40] for c in SINKING_DATE_CASES])
def test_each_date_takes_the_event_of_its_own_clause(text: str, expected: list[tuple[str, str]]) -> None:
    report = read_text(text, path="case.md", published="2024-03-08")
    dates = [c for c in Extractor().extract(report) if c.kind == "date"]
    assert [(c.event, c.value.start) for c in dates] == expected


def test_survivors_are_the_rescued() -> None:
    claims = _claims("There were 61 survivors. In all, 61 people survived.")
    assert [(c.measure, c.value.best) for c in claims] == [("rescued", 61.0), ("rescued", 61.0)]


def test_nationalities_after_an_opener_of_a_group_are_parts_of_it() -> None:
    found = _conflicts("Of the 61 survivors, 20 are Ostrian, 12 Valian and two Norlandic.",
                       "About 300 Valians were believed to have been on the ferry.")
    assert found == []
    claims = _claims("Of the 61 survivors, 20 are Ostrian, 12 Valian and two Norlandic.")
    assert [c.subject for c in claims if c.text == "12 Valian"] == ["survivors valian"]


def test_an_event_dated_by_a_possessive_with_modifiers_is_no_other_date_s() -> None:
    """"an inquiry on Tuesday into last week's ferry collision": the collision has its own date; Tuesday is
    the inquiry's, whatever words stand between the possessive and the event noun."""
    found = _conflicts("The ferry collision off Karn happened on 27 February.",
                       "Investigators will open an inquiry on Tuesday into last week's ferry collision off Karn.")
    assert found == []


def test_what_a_relative_clause_names_is_not_the_subject_that_began() -> None:
    """"The offensive that the truce was meant to halt began in June": June dates the offensive, not the truce."""
    dates = _dates("The army offensive that the truce was meant to halt began in June.")
    assert [(c.event, c.value.start) for c in dates] == [("offensive", "2023-06-01")]


def test_a_denied_event_is_dated_by_nothing() -> None:
    """"no shelling overnight" says when nothing happened: the night dates the clashes that did, not the shelling."""
    dates = _dates("Observers logged sporadic clashes but no shelling overnight.")
    assert [(d.event, d.text) for d in dates] == [("fighting", "overnight")]
    assert _dates("Observers logged no shelling overnight.") == []


# a weapon that hits is the attack: its day and toll are the attack's
WEAPON_CASES = [
    ("A rocket hit the bus depot in Marlow on Tuesday, killing 14 people.", "attack"),
    ("Two missiles slammed into a shopping centre on Friday, killing nine people.", "attack"),
]


@pytest.mark.parametrize("text,event", WEAPON_CASES, ids=[c[0][:40] for c in WEAPON_CASES])
def test_a_weapon_that_hits_is_the_attack(text: str, event: str) -> None:
    assert [c.event for c in _claims(text) if c.kind == "casualty"] == [event]
    assert [c.event for c in _dates(text)] == [event]


def test_a_definite_event_opening_its_clause_dates_the_report_s_incident() -> None:
    """"The strike came at 9:10 a.m.": no toll beside it, but "the" strike is the one the report told of, so its
    moment is compared with another report's day of that strike."""
    first = ("A rocket hit the bus depot in Marlow on Tuesday, killing 14 people. "
             "The strike came at 9:10 a.m. local time, as drivers changed shifts.")
    second = "A rocket hit the bus depot in Marlow on Wednesday, killing 14 people."
    pairs = _conflicts(first, second, published="2024-03-07")
    assert ("9:10 a.m. local time", "on Wednesday") in {(a.removeprefix("at "), b) for a, b in pairs}


def test_a_part_of_a_toll_takes_its_measure_however_far_the_verb() -> None:
    text = ("The number of people killed in Sunday's shelling of the central bus station in Marlow has risen to "
            "forty, among them six children, the governor said.")
    assert [(c.measure, c.subject, c.value.best) for c in _claims(text)] == [
        ("killed", "people", 40.0), ("killed", "children", 6.0)]


def test_a_weapon_asked_for_is_no_attack() -> None:
    assert [c.event for c in _dates("Late last month the navy asked its allies for a new missile system.")] \
        != ["attack"]


def test_a_range_is_its_own_measure_compared_across_units() -> None:
    assert [c.measure for c in _claims("The drone has a range of about 300 kilometres.")] == ["range"]
    pairs = _conflicts("The drone has a range of about 300 kilometres.", "The drone has a range of 300 miles.")
    assert pairs == [("300 miles", "about 300 kilometres")]


def test_a_part_of_a_toll_keeps_its_measure_before_another_measure_word() -> None:
    text = ("One month after the shelling that killed 40 people at the market, among them seven children, "
            "the town has lost half of its residents.")
    assert [(c.measure, c.subject) for c in _claims(text) if c.kind == "casualty"] == [
        ("killed", "people"), ("killed", "children")]


def test_a_crowd_at_a_place_is_a_count_of_its_own() -> None:
    """"3,000 people were at the stadium": the crowd's size, compared with other crowds, never with the toll."""
    first = "About 3,000 people were at the stadium when the stand collapsed, killing 12 people."
    second = "Some 6,000 people had been waiting at the stadium when the stand collapsed, killing 12 people."
    assert [c.measure for c in _claims(first)] == ["present", "killed"]
    assert _conflicts(first, second) == [("About 3,000 people", "Some 6,000 people")]


def test_a_lead_with_no_toll_dates_the_report_s_incident() -> None:
    """A recurring harmful event dated in the report's first sentence, with the toll only in the next one, is the
    incident the report is about; "exploded" tells of an attack."""
    first = "On Monday, a shell exploded over the square in front of the town hall in Marlow. Forty people were killed."
    second = "A shell hit the town hall in Marlow on Tuesday, killing forty people."
    assert ("On Monday", "on Tuesday") in _conflicts(first, second, published="2024-03-07")
    later = "Forty people were killed in Marlow last week. On Monday, a shell exploded near the bridge."
    assert not [p for p in _conflicts(later, second, published="2024-03-07") if "On Monday" in p]


def _conflicts_published(texts: list[str], published: list[str]) -> list[tuple[str, ...]]:
    reports = [read_text(t, path=f"r{k}.md", published=p) for k, (t, p) in enumerate(zip(texts, published, strict=True))]
    doc = check(reports)
    index = {c.id: c for c in doc.claims}
    return [tuple(sorted(index[i].text for i in f.claims)) for f in doc.conflicts]


def test_a_day_of_a_recurring_event_told_a_year_later_is_still_the_incident_s() -> None:
    """A strike's full date in a report over a year later is compared by the toll told with it; another strike's
    date, with its own toll, is not."""
    news = "A rocket hit the bus depot in Marlow on Tuesday, killing 14 people."
    later = "The deadliest attack of the war was the strike on the bus depot in Marlow on {}, which killed 14 people."
    published = ["2023-03-08", "2024-05-20"]
    assert _conflicts_published([news, later.format("6 March 2023")], published) == [("6 March 2023", "on Tuesday")]
    assert _conflicts_published([news, later.format("7 March 2023")], published) == []
    other = "Investigators compared it with the strike on a market in Dunmore on 3 June 2019, which killed 12 people."
    assert _conflicts_published([news, other], published) == []


def test_a_toll_right_after_a_harmful_event_counts_that_incident() -> None:
    """"A shell exploded ... Forty people were killed.": the toll is the explosion's, so a running total since the
    war began is another fact; a toll dated apart stays a tally of its moment."""
    text = "A shell exploded over the square in Marlow. Forty people were killed."
    assert [(c.event, c.scope) for c in _claims(text)] == [("attack", "incident")]
    total = "The United Nations has confirmed more than 2,000 civilian deaths in the country since the war began."
    assert _conflicts(text, total) == []
    dated = "A shell exploded over the square in Marlow. The toll passed forty on Friday night."
    assert [(c.event, c.scope) for c in _claims(dated)] == [(None, "unknown")]


def test_a_remembrance_is_dated_as_its_own_event() -> None:
    text = "Relatives laid flowers at the depot in Marlow on Sunday morning."
    assert [c.event for c in _dates(text)] == ["commemoration"]
    assert _conflicts(text, "A rocket hit the bus depot in Marlow on Tuesday, killing 14 people.") == []


CHANGE_CASES = [
    # the size of a change, after "by" behind a verb of change or after "of" behind a noun of one
    ("The typhoon's winds grew by 60 mph in a day before it hit the islands.", [("speed_change", 60.0)]),
    ("Its winds strengthened sharply by some 100 km/h overnight.", [("speed_change", 100.0)]),
    ("Forecasters logged an increase of 30 km/h in six hours.", [("speed_change", 30.0), ("change_window", 6.0)]),
    ("The river rose by 2 metres within just 12 hours.", [("distance_change", 2.0), ("change_window", 12.0)]),
    ("The storm lasted 12 hours.", [("duration", 12.0)]),
    # a level, and a figure after "by" that follows no change
    ("Winds of 140 mph battered the coast.", [("speed", 140.0)]),
    ("The harbour was hit by 90 mph gusts.", [("speed", 90.0)]),
]


@pytest.mark.parametrize("text,expected", CHANGE_CASES, ids=[c[0][:40] for c in CHANGE_CASES])
def test_a_figure_of_change_is_its_own_measure(text: str, expected: list[tuple[str, float]]) -> None:
    assert [(c.measure, c.value.best) for c in _claims(text)] == expected


def test_a_change_is_never_compared_with_the_level() -> None:
    found = _conflicts("The cyclone's winds grew by 70 mph in 24 hours.", "It came ashore with winds of 150 mph.",
                       "Its sustained winds were 240 km/h when it came ashore.")
    assert all("70 mph" not in pair for pair in found)


CLASS_CHANGE_CASES = [
    # the day a storm grew into another class is its intensification's, not the day it struck
    ("The depression became a typhoon on Sunday morning and struck the islands on Tuesday.",
     [("intensification", "2024-03-03"), ("storm", "2024-02-27")]),
    ("Kerra had only become a cyclone on Saturday evening. It made landfall on Monday.",
     [("intensification", "2024-03-02"), ("storm", "2024-03-04")]),
    ("The storm grew into a Category 4 hurricane on Friday.", [("intensification", "2024-03-01")]),
    ("The storm struck the coast on Tuesday.", [("storm", "2024-02-27")]),
]


@pytest.mark.parametrize("text,expected", CLASS_CHANGE_CASES, ids=[c[0][:40] for c in CLASS_CHANGE_CASES])
def test_a_storm_growing_into_another_class_is_dated_apart(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(c.event, c.value.start) for c in claims_of(text) if c.kind == "date"] == expected


def test_the_day_a_storm_became_a_hurricane_is_not_its_landfall() -> None:
    found = _conflicts("The typhoon had only become a typhoon on Friday. It came ashore on Sunday.",
                       "The typhoon made landfall on Sunday.", "The typhoon made landfall on Saturday.")
    assert all("on Friday" not in pair for pair in found) and ("on Saturday", "on Sunday") in found


MEASURE_WORD_CASES = [
    # troops or rescuers sent to an area are counted; things sent are not people
    ("The government sent 4,000 soldiers and police to clear roads.", [("deployed", 4000.0)]),
    ("More than 6,000 troops and rescuers were now in the region, the army said.", [("deployed", 6000.0)]),
    ("Some 7,000 soldiers are now deployed in the province.", [("deployed", 7000.0)]),
    ("Only 90 police officers had been assigned to the festival in Orlo.", [("deployed", 90.0)]),
    ("Some 2,000 officers were on duty at the match.", [("deployed", 2000.0)]),
    ("The army sent 300 tonnes of food.", [("mass", 300.0)]),
    # a storm's class names no count
    ("The Category 4 hurricane destroyed 300 homes.", [("count", 300.0)]),
    # the dead and the missing together are a count of their own
    ("Nearly 300 people are dead or missing, aid groups say.", [("dead_or_missing", 300.0)]),
    ("In the valley, 60 villagers are dead or unaccounted for.", [("dead_or_missing", 60.0)]),
    # "others" count more of what the figure before them counted
    ("Nine people were killed and three others are missing.", [("killed", 9.0), ("missing", 3.0)]),
]


@pytest.mark.parametrize("text,expected", MEASURE_WORD_CASES, ids=[c[0][:40] for c in MEASURE_WORD_CASES])
def test_what_a_figure_counts(text: str, expected: list[tuple[str, float]]) -> None:
    assert [(c.measure, c.value.best) for c in _claims(text)] == expected


def test_rain_that_fell_is_what_a_rainfall_measures() -> None:
    assert [(c.measure, c.subject) for c in _claims("Nearly 8 inches of rain fell on the town.")] == [("rainfall", "rain")]
    assert _conflicts("Nearly 8 inches of rain fell on the town.", "The storm poured about 14 inches of rain on the town.") \
        == [("Nearly 8 inches of rain", "about 14 inches of rain")]


EYE_CASES = [
    # the eye of a storm stands for it: a time it came ashore dates the storm of the sentence before, even where an
    # agency named for storms speaks
    "BELVAR - Cyclone Kerra slammed into Belvar shortly after midnight on Monday. The eye came ashore at 3:40 a.m. local time.",
    ("BELVAR - Cyclone Kerra slammed into Belvar shortly after midnight on Monday. The Regional Cyclone Centre said the "
     "eye came ashore at 3:40 a.m. local time with winds of 120 mph."),
]


@pytest.mark.parametrize("text", EYE_CASES, ids=[c[60:100] for c in EYE_CASES])
def test_the_eye_of_a_storm_coming_ashore_dates_the_storm(text: str) -> None:
    dates = [(c.event, c.value.start) for c in claims_of(text, published="2024-03-04T18:00:00-06:00") if c.kind == "date"]
    assert dates == [("storm", "2024-03-04"), ("storm", "2024-03-04T03:40:00-06:00")]


VISIT_CASES = [
    # a trip to a place is a visit, dated apart from the event it follows
    ("The president drove to Belvar on Tuesday after the storm.", [("visit", "2024-02-27")]),
    ("The storm hit Belvar on Tuesday. The minister flew to Belvar on Wednesday.",
     [("storm", "2024-02-27"), ("visit", "2024-02-28")]),
]


@pytest.mark.parametrize("text,expected", VISIT_CASES, ids=[c[0][:40] for c in VISIT_CASES])
def test_a_trip_is_a_visit(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(c.event, c.value.start) for c in claims_of(text) if c.kind == "date"] == expected


STORY_DISASTER_CASES = [
    # a general verb whose subject is a bare name dates the natural disaster a report is about, where it names no
    # event of people; in a report of an attack it stays an attack
    (("When Kerra struck Belvar just after midnight on March 2, forecasters had expected a tropical storm. "
      "The cyclone killed 12."), [("storm", "2024-03-02")]),
    ("Gunmen struck the village on Tuesday. The attack killed 12.", [("attack", "2024-02-27")]),
]


@pytest.mark.parametrize("text,expected", STORY_DISASTER_CASES, ids=[c[0][:40] for c in STORY_DISASTER_CASES])
def test_a_named_storm_that_struck_is_the_storm(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(c.event, c.value.start) for c in claims_of(text) if c.kind == "date"] == expected


# mines, slopes, roads and truces: the events of a cave-in, a landslide, a vehicle crash, an outbreak and a
# truce's breakdown
KIND_CASES = [
    ("The tunnel caved in on Tuesday, killing eight miners.", "collapse"),
    ("A landslide buried the hamlet of Orra on Tuesday.", "collapse"),
    ("A minibus plunged into a gorge on Tuesday, killing 11.", "crash"),
    ("A fuel tanker overturned on the ring road on Tuesday.", "crash"),
    ("The measles outbreak began on Tuesday.", "outbreak"),
    # a truce or talks that collapsed ended; no building fell
    ("Fighting flared again after the truce collapsed in October.", "breakdown"),
    ("Peace talks collapsed on Tuesday.", "breakdown"),
    ("The footbridge collapsed on Tuesday.", "collapse"),
    ("Divers searched the river after the collapse of the footbridge on Tuesday.", "collapse"),
]


@pytest.mark.parametrize("text,event", KIND_CASES, ids=[c[0][:40] for c in KIND_CASES])
def test_kinds_of_disaster_date_their_own_event(text: str, event: str) -> None:
    assert [d.event for d in _dates(text)] == [event]


def test_an_overturned_ruling_is_no_crash() -> None:
    assert [d.event for d in _dates("The appeals court overturned the ban on Tuesday.")] != ["crash"]


def test_people_trapped_are_neither_the_dead_nor_the_missing() -> None:
    claims = _claims("Nineteen miners were killed and six others remain trapped, the rescue service said.")
    assert [(c.measure, c.value.best) for c in claims] == [("killed", 19.0), ("trapped", 6.0)]


def test_those_down_a_mine_are_its_people() -> None:
    """"killed 12 miners" and a later toll of the same cave-in count one group, so a stale figure conflicts."""
    found = _conflicts("The cave-in at the Orra pit on Monday killed 12 miners.",
                       "The toll from Monday's cave-in at the Orra pit rose to 15 people.")
    assert found == [("12 miners", "15 people")]


# what befell people is measured before what their noun says they are, and a participle after them describes them
EVACUATION_CASES = [
    ("Nearly 2,600 residents were evacuated from the valley.", [("evacuated", 2600.0)]),
    ("Crews evacuated some 900 residents of the estate.", [("evacuated", 900.0)]),
    ("About 1,100 people living near the dyke were moved to shelters.", [("evacuated", 1100.0)]),
    ("The hill town of Sarn has 4,300 residents.", [("population", 4300.0)]),
]


@pytest.mark.parametrize("text,expected", EVACUATION_CASES, ids=[c[0][:40] for c in EVACUATION_CASES])
def test_residents_moved_are_evacuated_and_residents_alone_a_population(
        text: str, expected: list[tuple[str, float]]) -> None:
    assert [(c.measure, c.value.best) for c in claims_of(text) if c.kind != "date"] == expected


# the dead and a part of them named after "were": the total counts the dead, the part its own people
PART_CASES = [
    ("Of the 23 dead, four were paramedics.", [("people", 23.0), ("paramedics", 4.0)]),
    ("Among the 23 dead were four paramedics.", [("people", 23.0), ("paramedics", 4.0)]),
    ("The storm killed 23 people. Of the dead, four were paramedics.", [("people", 23.0), ("paramedics", 4.0)]),
]


@pytest.mark.parametrize("text,expected", PART_CASES, ids=[c[0][:40] for c in PART_CASES])
def test_a_part_of_the_dead_named_after_were_is_its_own_group(text: str, expected: list[tuple[str, float]]) -> None:
    claims = [c for c in claims_of(text) if c.kind == "casualty"]
    assert [(c.subject, c.value.best) for c in claims] == expected
    assert {c.measure for c in claims} == {"killed"}


# a crowd pressing people to death is an event of its own kind: its day is dated, its toll is an incident's
CRUSH_CASES = [
    ("Friday's stampede at the Varnell stadium killed 41 people.", "2024-03-01"),
    ("The crowd crush, late on Saturday, happened on a stairway near the Orlo station.", "2024-03-02"),
    ("Pilgrims were trampled to death on Sunday as the crowd surged towards the shrine.", "2024-03-03"),
]


@pytest.mark.parametrize("text,day", CRUSH_CASES, ids=[c[0][:40] for c in CRUSH_CASES])
def test_a_crowd_crush_is_an_event_with_its_day(text: str, day: str) -> None:
    assert [(c.event, c.value.start) for c in _dates(text)] == [("crush", day)]


def test_a_crush_s_tolls_disagree_and_a_festival_crowd_dates_nothing() -> None:
    assert _conflicts("The Easter crush in Varnell killed 41 people on Friday.",
                      "The stampede in Varnell on Friday killed 46 people.") == [("41 people", "46 people")]


def test_the_day_a_toll_was_said_is_not_the_event_s() -> None:
    """"said on Sunday night that 53 had died": the saying's day; the toll is the current one, compared with
    a toll dated by the event's own day."""
    assert _conflicts("The ministry said on Sunday that 53 people had died in the stampede in Varnell.",
                      "The stampede in Varnell on Saturday killed 61 people.") == [("53 people", "61 people")]


PRESENT_CASES = [
    ("An estimated 40,000 people came to the square.", [("present", 40000.0)]),
    # people who were in a named place are the crowd there; "in hospital" is no place of a crowd
    ("About 40,000 people were in Orlo for the festival, police estimated.", [("present", 40000.0)]),
    ("Twelve people were in hospital.", []),
]


@pytest.mark.parametrize("text,expected", PRESENT_CASES, ids=[c[0][:40] for c in PRESENT_CASES])
def test_people_who_came_to_or_were_in_a_place_are_a_crowd(text: str, expected: list[tuple[str, float]]) -> None:
    assert [(c.measure, c.value.best) for c in _claims(text)] == expected


def test_a_date_before_an_event_of_two_words_names_its_day() -> None:
    """"the toll from the 1 March crowd crush": the crush's day, no start of anything."""
    assert [(c.measure, c.event) for c in _dates("The toll from the 1 March crowd crush in Varnell rose to 61.")] \
        == [("date", "crush")]


def test_an_event_named_as_a_point_in_time_is_not_the_event_of_a_later_date() -> None:
    """"calls came before the crush, the first at 6 p.m.": 6 p.m. is the first call's time, not the crush's."""
    assert [c.event for c in _dates("Nine calls reached police before the crush, the first at 6 p.m.")] \
        != ["crush"]


def test_a_one_occurrence_event_in_a_place_and_in_the_place_that_holds_it_is_one() -> None:
    assert _conflicts("The crowd crush in Varnell's Orlo district happened on Saturday night.",
                      "The crowd crush in Varnell happened early on Sunday.",
                      published="2024-03-05") == [("early on Sunday", "on Saturday night")]


def test_a_day_of_dying_in_a_report_whose_headline_names_a_one_time_event_is_that_event_s() -> None:
    text = ("---\ntitle: Stampede at Varnell stadium kills 41\n---\n"
            "At least 41 people died when fans pushed towards the gates on Saturday night.")
    assert [(c.event, c.value.start) for c in _dates(text)] == [("crush", "2024-03-02")]


def test_a_day_a_toll_was_given_is_no_day_of_the_headline_s_event() -> None:
    text = ("---\ntitle: Quake in Orlo kills 300\n---\n"
            "The governor gave an updated toll on Wednesday: 300 deaths had been registered.")
    dates = _dates(text)
    assert dates and all(c.event != "earthquake" for c in dates)


def test_a_clock_time_after_a_colon_takes_the_day_before_it_and_its_restatement_s_zone() -> None:
    """"happened Saturday morning Eastern time: it began at 10:15 p.m. local time, or 8:15 a.m. ET": the times
    are on the day named, "it" is the crush, and the local time keeps the offset its restatement implies."""
    text = ("The crush happened Saturday morning Eastern time: it began at 10:15 p.m. local time, or 8:15 a.m. ET, "
            "as fans pressed into a passage in Orlo.")
    got = [(c.event, c.value.start) for c in _dates(text, published="2024-03-02T23:30:00-05:00")]
    assert got == [("crush", "2024-03-02"), ("crush", "2024-03-02T22:15:00+09:00"),
                   ("crush", "2024-03-02T08:15:00-05:00")]


def test_a_toll_that_is_its_verb_s_object_ties_the_sentence_s_date_to_the_incident() -> None:
    # "..., killing at least 30" names no one, yet is no tally: the day is the incident's, and meets other days
    assert _conflicts("Gunmen stormed a market in Dorvane on Friday evening, killing at least 30.",
                      "Gunmen stormed a market in Dorvane on Thursday, killing 30 people.") \
        == [("on Friday evening", "on Thursday")]


def test_one_moment_in_two_zones_after_a_comma_is_one_moment_twice() -> None:
    text = ("Gunmen stormed a market in Dorvane on Friday, killing 30 people. "
            "The attack began at 1 p.m. Eastern time, 6 p.m. in Lisbon, as the market filled.")
    dates = [d for d in _dates(text, "2024-03-24T09:00:00+00:00") if "p.m." in d.text]
    assert [d.text for d in dates] == ["at 1 p.m. Eastern time", "6 p.m. in Lisbon"]
    assert dates[0].subject is not None and dates[1].subject == dates[0].subject


@pytest.mark.parametrize("text", ["The stadium, which seats about 41,000 people, was full.",
                                  "Fire gutted the 41,000-seat stadium in Dorvane.",
                                  "The stadium in Dorvane has 41,000 seats."])
def test_the_seats_of_a_place_however_written(text: str) -> None:
    # a capacity verb's people and a hyphenated "N-seat" count the seats, as "N seats" does
    assert [(c.measure, c.subject, c.value.best) for c in _claims(text)] == [("count", "seats", 41000.0)]
