"""Date claims out of ``checker extract``: which dates become claims, and of which event.

Reports are written with ``write_reports`` (published Thursday 2020-03-05 unless given).
"""

from __future__ import annotations

import pytest

from checker import DateClaim, extract_files

from conftest import WriteReports


def _dates(write_reports: WriteReports, text: str, published: str = "2020-03-05") -> list[DateClaim]:
    document = extract_files([str(p) for p in write_reports([text], published)])
    return [c for c in document.claims if isinstance(c, DateClaim)]


def test_a_date_beside_people_detained_dates_that_incident(write_reports: WriteReports) -> None:
    dates = _dates(write_reports, "Security forces detained five suspected smugglers near the border crossing yesterday.")
    assert [(c.text, c.value.start, c.value.end, c.event) for c in dates] == [
        ("yesterday", "2020-03-04", "2020-03-04", "incident")]


def test_a_long_clause_still_reaches_back_to_its_casualty_word(write_reports: WriteReports) -> None:
    text = ("Troops killed two gunmen while searching a cluster of farm buildings for a wanted arms dealer "
            "in the hills above the river valley late on Tuesday.")
    assert [(c.value.start, c.event) for c in _dates(write_reports, text)] == [("2020-03-03", "incident")]


def test_an_arrest_with_no_count_is_dated(write_reports: WriteReports) -> None:
    dates = _dates(write_reports, "Today, in the northern district, police apprehended a senior smuggling boss.")
    assert [(c.value.start, c.event) for c in dates] == [("2020-03-05", "incident")]


def test_a_date_of_a_statement_is_not_the_incident_date(write_reports: WriteReports) -> None:
    text = "In a bulletin issued on Monday, the agency had said at least 300 people were dead."
    assert _dates(write_reports, text) == []


def test_a_deadline_is_not_an_incident_date(write_reports: WriteReports) -> None:
    assert _dates(write_reports, "More than 2,000 bodies had been buried by Wednesday morning.") == []


def test_a_date_with_no_event_and_no_casualty_stays_out(write_reports: WriteReports) -> None:
    assert _dates(write_reports, "The minister arrived in the capital on Tuesday.") == []


def test_a_list_of_dates_for_one_event_word_names_several_events(write_reports: WriteReports) -> None:
    dates = _dates(write_reports, "The valley suffered floods in 1938 and 1954.")
    assert [(c.value.start, c.event) for c in dates] == [("1938-01-01", "flood"), ("1954-01-01", "flood")]
    # two events of one kind: their subjects keep them apart (an old event keeps its year)
    assert dates[0].subject != dates[1].subject


def test_two_dates_of_one_storm_stay_one_event(write_reports: WriteReports) -> None:
    dates = _dates(write_reports, "The storm hit the islands last week, then crossed the sea on Sunday.")
    assert {c.subject for c in dates} == {"storm"}


def test_a_dateline_dates_the_report_not_the_incident(write_reports: WriteReports) -> None:
    text = "HERAT, Afghanistan (March 5, 2020) - Border police detained four smugglers near the crossing yesterday."
    assert [(c.text, c.value.start) for c in _dates(write_reports, text)] == [("yesterday", "2020-03-04")]


def test_a_date_closing_a_long_sentence_dates_the_event_it_opened_on(write_reports: WriteReports) -> None:
    text = ("Government jets carried out an air strike against a column of armed smugglers crossing the dry "
            "riverbed below the old customs post in the far south of the province yesterday.")
    assert [(c.value.start, c.event) for c in _dates(write_reports, text)] == [("2020-03-04", "attack")]


def test_a_date_opening_a_sentence_dates_its_arrest_however_far(write_reports: WriteReports) -> None:
    text = ("On March 1, a joint team of border guards, customs officers and regional police from three "
            "neighbouring districts in the southern hill country detained a wanted arms broker.")
    assert [(c.value.start, c.event) for c in _dates(write_reports, text)] == [("2020-03-01", "incident")]


def test_an_opening_date_is_not_the_date_of_a_disaster_named_later(write_reports: WriteReports) -> None:
    text = ("On Saturday, the fourth day of the search, volunteers walked the shore and counted what "
            "the flood had taken from them.")
    assert _dates(write_reports, text) == []


def test_a_seizure_is_an_incident_that_a_date_can_date(write_reports: WriteReports) -> None:
    text = "Also in the port district yesterday, customs officers seized 300 kilograms of cocaine."
    assert [(c.value.start, c.event) for c in _dates(write_reports, text)] == [("2020-03-04", "incident")]


INSTANT_CASES = [
    # a zone written after the time
    ("The quake struck at 4:17 a.m. GMT on Tuesday.", "2020-03-05T09:00:00+02:00",
     ("2020-03-03T04:17:00+00:00", "2020-03-03T04:17:59+00:00")),
    # a zone named by its place, across a verb from the day
    ("The storm of March 3 struck at 6:30 p.m. Tokyo time.", "2020-03-05T09:00:00+02:00",
     ("2020-03-03T18:30:00+09:00", "2020-03-03T18:30:59+09:00")),
    # "local time", or no zone: the zone the report is published in
    ("The blaze was first reported at 6.37am local time on Tuesday.", "2020-03-05T09:00:00-07:00",
     ("2020-03-03T06:37:00-07:00", "2020-03-03T06:37:59-07:00")),
    ("The blaze was first reported at 6:37 a.m. on Tuesday.", "2020-03-05T09:00:00-07:00",
     ("2020-03-03T06:37:00-07:00", "2020-03-03T06:37:59-07:00")),
    # no zone and none published: a day
    ("The blaze was first reported at 6:37 a.m. on Tuesday.", "2020-03-05", ("2020-03-03", "2020-03-03")),
    # a zone spelled out in full, which says its offset
    ("The ferry sank at 3:15 a.m. Eastern European Summer Time on Tuesday.", "2020-03-05T09:00:00+01:00",
     ("2020-03-03T03:15:00+03:00", "2020-03-03T03:15:59+03:00")),
]


def test_a_time_of_day_with_a_known_zone_is_an_instant(write_reports: WriteReports) -> None:
    for text, published, value in INSTANT_CASES:
        dates = _dates(write_reports, text, published)
        assert [(c.value.start, c.value.end) for c in dates] == [value], text


def test_a_time_restated_in_another_zone_is_two_statements_of_one_instant(write_reports: WriteReports) -> None:
    text = "The blaze was first reported at 6.37am local time (3.37pm CET) on Tuesday."
    dates = _dates(write_reports, text, "2020-03-05T09:00:00-08:00")
    assert [(c.value.start, c.value.end) for c in dates] == [
        ("2020-03-03T06:37:00-08:00", "2020-03-03T06:37:59-08:00"),
        ("2020-03-03T15:37:00+01:00", "2020-03-03T15:37:59+01:00")]


def test_a_bracket_that_restates_the_whole_date_is_no_second_statement(write_reports: WriteReports) -> None:
    text = "The quake struck at 03:10 on Wednesday, local time (23:10 GMT on Tuesday)."
    dates = _dates(write_reports, text, "2020-03-05T09:00:00+04:00")
    assert [c.value.start for c in dates] == ["2020-03-04T03:10:00+04:00"]


BARE_TIME_CASES = [
    # a clock time with no day of its own is on the day the report last dated
    ("The ferry sank off Karn on Friday evening, killing 40 people. The sinking happened at 7.20pm.",
     "2020-03-07T09:00:00+02:00", [("2020-03-06", "2020-03-06"),
                                    ("2020-03-06T19:20:00+02:00", "2020-03-06T19:20:59+02:00")]),
    # "local time" restated in a known zone in brackets keeps the offset the two clocks differ by
    ("The ferry sank off Karn on Friday evening. The sinking happened at 6.55pm local time (4.55pm GMT).",
     "2020-03-07T09:00:00+00:00", [("2020-03-06", "2020-03-06"),
                                    ("2020-03-06T18:55:00+02:00", "2020-03-06T18:55:59+02:00"),
                                    ("2020-03-06T16:55:00+00:00", "2020-03-06T16:55:59+00:00")]),
    # a pronoun continues the event of the sentence before
    ("The ferry sank off Karn on Friday evening. It happened at 11.25pm Tokyo time.",
     "2020-03-07T09:00:00+02:00", [("2020-03-06", "2020-03-06"),
                                    ("2020-03-06T23:25:00+09:00", "2020-03-06T23:25:59+09:00")]),
    # with no day before it the time dates nothing
    ("The sinking happened at 7.20pm.", "2020-03-07T09:00:00+02:00", []),
    # a zone whose offset changes with the season: that of the month
    ("The sinking occurred at 9:25 a.m. Eastern time on Friday.", "2020-07-11T09:00:00+02:00",
     [("2020-07-10T09:25:00-04:00", "2020-07-10T09:25:59-04:00")]),
    ("The sinking occurred at 9:25 a.m. Eastern time on Friday.", "2020-01-11T09:00:00+02:00",
     [("2020-01-10T09:25:00-05:00", "2020-01-10T09:25:59-05:00")]),
    # summer time starts on a day, not with a month: the second Sunday of March in the US (14 March 2021)
    ("The sinking occurred at 9:25 a.m. Pacific time on Friday.", "2021-03-20T09:00:00+02:00",
     [("2021-03-19T09:25:00-07:00", "2021-03-19T09:25:59-07:00")]),
    ("The sinking occurred at 9:25 a.m. Pacific time on Friday.", "2021-03-13T09:00:00+02:00",
     [("2021-03-12T09:25:00-08:00", "2021-03-12T09:25:59-08:00")]),
    # a time tied to a city of the IANA database is in that city's zone, whatever zone the report is in
    ("The blast came at 9 a.m. in Lisbon on Friday.", "2020-07-11T09:00:00-04:00",
     [("2020-07-10T09:00:00+01:00", "2020-07-10T09:00:59+01:00")]),
    ("The ferry capsized off Brenna on Friday. It happened at 6:40 p.m. Nairobi time.", "2020-03-07T09:00:00+00:00",
     [("2020-03-06", "2020-03-06"), ("2020-03-06T18:40:00+03:00", "2020-03-06T18:40:59+03:00")]),
    # another place than a zone's city leaves the time to the report's zone
    ("The blast came on Friday at 9 a.m. in Lisbon Harbour.", "2020-07-11T09:00:00-04:00",
     [("2020-07-10T09:00:00-04:00", "2020-07-10T09:00:59-04:00")]),
    # a clock time with no day is on the day the report gave its own event, not another event's later day
    (("The ferry capsized off Brenna on Friday, killing 30. Police arrested its owner late on Sunday. "
      "The ferry sank at about 6 p.m. GMT."), "2020-03-09T09:00:00+00:00",
     [("2020-03-06", "2020-03-06"), ("2020-03-08", "2020-03-08"),
      ("2020-03-06T18:00:00+00:00", "2020-03-06T18:00:59+00:00")]),
]


@pytest.mark.parametrize("text,published,values", BARE_TIME_CASES, ids=[c[0][-40:] for c in BARE_TIME_CASES])
def test_a_clock_time_with_no_day_takes_the_report_s_last_day(
        write_reports: WriteReports, text: str, published: str, values: list[tuple[str, str]]) -> None:
    dates = _dates(write_reports, text, published)
    assert [(c.value.start, c.value.end) for c in dates] == values


def test_a_dotted_clock_time_is_no_count(write_reports: WriteReports) -> None:
    document = extract_files([str(p) for p in write_reports(["The sinking happened at 7.20pm."], "2020-03-07")])
    assert document.claims == []


def test_a_bare_time_is_of_the_day_the_report_gave_its_event(write_reports: WriteReports) -> None:
    text = "The ferry capsized early on Tuesday off Brenna. The ferry went down at 2:10 a.m., far from the shore."
    dates = _dates(write_reports, text, "2020-03-05T09:00:00+02:00")
    assert [(c.text, c.value.start) for c in dates] == [
        ("early on Tuesday", "2020-03-03"), ("at 2:10 a.m.", "2020-03-03T02:10:00+02:00")]


def test_a_bare_time_of_an_event_the_report_never_dated_is_no_claim(write_reports: WriteReports) -> None:
    assert _dates(write_reports, "The ferry went down at 2:10 a.m., far from the shore.") == []
