"""Extract: a Report in, its checkable claims out.

Takes a ``Report`` and the lexicon; gives ``Claim``s (casualty, displacement,
quantity, date) each with what is measured, of whom, in which event, where,
per whom, the exact source text and its place in the file.

Per sentence (the headline counts as one): dates are read first, so their
digits are not counts; then amounts; each amount is classified by the words
around it (``checker/data/claims.yaml``): a measure word ("killed",
"displaced", "wide"), the counted noun phrase, event words, markers of an
aggregate ("total", "since") or of another moment ("initially", "expected").
Within a report, a figure the report itself replaces ("rose from 9 to 22")
becomes an earlier figure, and a claim that names no subject ("the death toll
rose to 22") takes the subject of the report's previous claim of that measure
(people when there is none). A line of key figures ("1,200 deaths | ...") is
read cell by cell. A conversion in brackets ("47 nautical miles (87 km)") is a
statement of its own; the figures after "Of the 104 survivors," are parts of
that group.

People are also counted without a figure: one person by an article, a title, a
bare name after a verb of harm or a pronoun ("killed an insurgent", "killing
Tomas Brenner", "He was shot and killed"); a definite plural beside a casualty
verb ("the gunmen were all killed") as many as the report's last count of those
people. Objects joined to one casualty verb share it ("killed a leader and one
gunman"), and "and two other fighters" adds to the first; a measure word in a
disjunction ("captured or killed") measures nothing.

Each figure takes the place written nearest it: after it ("71 dead in Valia"), as
its owner ("Valia's toll") or as a place that counts it ("Valia reported 71"),
in its comma-delimited stretch, its clause, an opening "In Valia," and only then
anywhere in its sentence (a place that another figure of the sentence holds is
that figure's). A figure "in the two countries", "combined", or a total beside
other places' figures ("130 in all") is a sum over places (``*combined``), a
fact apart from each place's; so is a placeless toll in a report that gives
that measure for several countries. A place a superlative ranks in ("the
deadliest fire in X", "in X's history") is no figure's place; a name that owns
or has counted things ("X's 80 sirens", "X has 400 sirens") is theirs. Country
names are a lexicon.

Places are then filled in for the whole report: the settlement it introduces
("the port city of X") or its headline names is what "the city" means and where
its placeless current tolls are; a headline that names only a country (or a
label "X: ...") makes them country-wide; a name the report gives as a demonym
or as "across X" is an area, which locates nothing apart; a sentence that opens
"Elsewhere," or "Across the sea," is another place.

Which occurrence of its event a figure is of is kept where the words say it is
not the report's news (``occasion``): a year long past tied to the event ("the
1999 quake, which killed"), or standing in a toll's clause with no other figure
between ("the Alder Fire, which killed 40 people in 1990"), "a second/another/a
new" quake, an increment ("a further $20 million" after a sum of its measure).
A day named with a tally's level ("the toll stood at 90 on Thursday") is when
the tally stood there, not the event's day. Counted things keep the state
the predicate puts them in (``state``: "collapsed" against "collapsed or
damaged"). A bare figure a verb of measuring puts a quake at ("measured it at
7.1") is its magnitude; a magnitude, and a quake's depth, measure the quake.
"Struck", "broke out", "began" are the event their subject or agent names ("the
provinces struck by the quakes", "the blaze broke out"); time elapsed ("eight
days after") is measured to the report's day. A guarded event word ("fire")
names its event only away from its guard words ("opened fire", "fire crews"),
or only beside the words it needs ("left Karn" departs, "the boat went down"
sank).

A date becomes a claim when an event word stands near it, or, failing one, a
casualty or arrest word ("detained ... yesterday" dates that incident); a date
that closes a long sentence reaches back to the event it opened on, one that
opens its sentence to its casualty or arrest verb; a dateline's date dates the
report and makes no claim. An event word that has its own date ("Saturday's
crash", "the boat that sank on Wednesday") or stands in another clause after
the date ("... on Thursday to explain why the boat capsized") is not the date's.
A day with a clock time is an instant one minute wide where its zone is known:
written after the time ("GMT", "Hawaii time", "Central European Summer Time",
"Eastern time" and a city's zone, "in Lisbon", by the IANA rules on that day), else ("local time", or none) the zone
of the report's publication time, or the offset a bracketed restatement in a
known zone implies ("6.55pm local time (2.25pm BST)"). A clock time with no
day ("it happened at 7.20pm", "at 2:04 a.m.") is on the day the report last
dated. A date of a recurring event is tied to its sentence's toll once the
report knows who that toll counts; one that names its event outright
("Saturday's crash", "the collision occurred at ...") to the report's toll of
the dead.

Parts of a toll are not the toll: the dead counted by origin ("people from X",
"N of the dead were residents of X") share one subject apart from it; the dead
not yet identified count bodies; "Of N admitted, M had gone home" counts M by
its own verb. A figure after "count of"/"figure of" with no noun of its own is
a figure of the report's last toll; a speed is its named mover's.
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from itertools import pairwise

from .lexicon import Lexicon, default_lexicon, phrase_pattern
from .models import Amount, Claim, CountClaim, DateClaim, DateSpan, Report, Source
from .normalize.amounts import AmountMention, AmountReader
from .normalize.dates import DateMention, DateReader
from .normalize.zones import WrittenZones
from .read import file_offset
from .textutil import LineIndex, Span, Token, sentences, tokenize

_FUNCTION_WORDS = frozenset(
    "were was are is have has had been be being in on at from to by with and or but who which that as after "
    "before during for said says say according than since when while where into over under across near "
    "among between the a an its their his her our this these those it they them we he she there here more "
    "most least still already also now so far just only some other another further additional".split()
)
_PRONOUNS = frozenset("them those these it its their our us you whom which".split())
_DIMENSION_DEFAULT_MEASURE = {
    "length": "distance", "area": "area", "volume": "volume", "duration": "duration", "mass": "mass",
    "ratio": "share", "speed": "speed", "temperature": "temperature", "magnitude": "magnitude",
}
# "Norvik is ...", "Norvik has ...": a name that opens a sentence as its subject
_SENTENCE_SUBJECT = re.compile(r"^\W*([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)\s+(?:is|was|has|had)\b")
# a sentence whose subject is a pronoun continues the one before ("It reached the coast on Sunday")
_PRONOUN_OPENING = re.compile(r"^\W*(?:it|they|this|then it|it then)\b", re.IGNORECASE)
# (a colon between digits is a clock time, "at 13:24", not a break)
_CLAUSE_BREAK = re.compile(r";|(?<!\d):|:(?!\d)|\s[–—-]{1,2}\s")
# how near a figure its place is written, nearest first: "300 died in Valia" (after it), "Valia's toll rose to 300"
# (its owner), its comma-delimited stretch, its clause, the sentence's opening "In Valia, ...", the sentence
_AFTER_FIGURE, _OWNER, _SEGMENT, _CLAUSE_WIDE, _OPENER, _SENTENCE_WIDE = range(6)


@dataclass
class _Draft:
    kind: str
    measure: str
    start: int
    end: int
    sentence: Span
    value: Amount | DateSpan
    subject: str | None = None
    actors: list[str] = field(default_factory=list)
    event: str | None = None
    place: list[str] = field(default_factory=list)
    attribution: str | None = None
    scope: str = "unknown"
    period: str | None = None
    reference: str = "current"
    hedge: str | None = None
    note: str | None = None
    previous: float | None = None
    period_span: tuple[str | None, str | None] | None = None
    event_date: tuple[str | None, str | None] | None = None
    precision: float = 0.5
    alternates: list[tuple[float, str]] = field(default_factory=list)
    event_at: int = -1  # where the event word of a date claim stands
    share_state: str | None = None  # what a share is in: destroyed, under water ...
    owner: str | None = None  # "Ostria said two of its soldiers ...": whose group, named by the country
    pronoun: bool = False  # "30% of it": the subject is that of the report's previous claim of the measure
    subgroup: bool = False  # "40 of the dead were children": a part of a toll, never the antecedent of one
    measure_at: int = -1  # where the measure word of a count stands
    place_level: int = _SENTENCE_WIDE  # how near the figure its place is named (see _figure_places)
    subject_place: str | None = None  # "Valia reported 300 deaths": a name that counts, a place if the report names it so
    combined: bool = False  # "in the two countries", "the combined toll": the sum over several places
    total: set[str] | None = None  # "40 in Valia, bringing the total to 130": the places of the figures it adds up
    sum_not_period: bool = False  # its only marker of an aggregate is one of a sum ("in all"), no period
    increment: bool = False  # "a further $100 million": what adds to a figure given before, if one was
    state: str | None = None  # the state counted things are in ("destroyed", "damaged or destroyed")
    occasion: str | None = None  # another occurrence of the event than the report's news: a past year, "another"
    # a date of a recurring event: the counts of its sentence, whose first toll (once the report resolves who it
    # counts) names the incident dated; None where it needs no such tie
    anchors: list[_Draft] | None = None
    attributive: bool = False  # a date that names its event's day before the event noun ("Friday's crash")
    zone: str | None = None  # the zone written after a date's clock time ("GMT", "local time")
    own_subject: bool = False  # a count that names who it counts in its own sentence (not "the toll rose to 90")


class Extractor:
    """Reads claims out of reports with one lexicon; build once, call per report."""

    def __init__(self, lex: Lexicon | None = None) -> None:
        self.lex = lex or default_lexicon()
        c = self.lex.claims
        self.amounts = AmountReader(self.lex)
        self.dates = DateReader(self.lex)
        self.measure_re = phrase_pattern(list(self.lex.word_measures))
        self.event_re = _EventPattern(self.lex.event_words, self.lex.claims.get("guarded_event_words", {}))
        self.singular_people = {w.lower() for w in c["singular_people_nouns"]}
        self.people = {w.lower() for w in c["people_nouns"]} | self.singular_people
        self.population_nouns = frozenset(w.lower() for w in c["population_nouns"])
        self.singular_markers = {w.lower() for w in c["singular_markers"]}
        self.object_markers = {w.lower() for w in c["object_markers"]}
        self.death_nouns = {w.lower() for w in c["death_nouns"]}
        self.named_victim_measures = frozenset(c["named_victim_measures"])
        self.figure_noun_re = re.compile(
            r"\b(?:" + "|".join(map(re.escape, c["figure_nouns"])) + r")\s+of\s+(?:about\s+|some\s+|around\s+)?$",
            re.IGNORECASE)
        # "the derailment happened at 7.20pm": the event named as the subject of a verb of happening, dated outright
        self.occurrence_re = re.compile(
            r"\b(?:" + "|".join(sorted((re.escape(w) for w in self.lex.event_words), key=len, reverse=True))
            + r")\s+(?:" + "|".join(map(re.escape, c["occurrence_verbs"])) + r")\s+(?:at|on|in)?\s*$",
            re.IGNORECASE)
        self.pronoun_occurrence_re = re.compile(
            r"\W*(?:it|this)\s+(?:" + "|".join(map(re.escape, c["occurrence_verbs"])) + r")\s+(?:at|on|in)?\s*$",
            re.IGNORECASE)
        self.point_events = frozenset(c["point_events"])
        self.mover_measures = frozenset(c["mover_measures"])
        self.motion_verb_re = phrase_pattern(c["motion_verbs"])
        self.zone_phrases = frozenset(self.lex.calendar.get("zone_phrases", []))
        self.origin_subject = c["origin_subject"]
        markers = "|".join(sorted((re.escape(w) for w in c["origin_markers"]), key=len, reverse=True))
        # "people from West Valia": the name after the marker is where they come from
        self.origin_after_people_re = re.compile(r"\s+(?:" + markers + r")\s+((?:[A-Z][\w'’-]*\s?){1,3})")
        # "40 of the dead were residents of ...", "... were from ...": the dead counted by origin
        self.origin_after_dead_re = re.compile(r"\s+(?:were|are|was)\s+(?:all\s+)?(?:" + markers + r")\b",
                                               re.IGNORECASE)
        self.subgroup_opener_re = re.compile(
            r"\b(?:" + "|".join(re.escape(w) for w in c["subgroup_openers"]) + r")\s*,?\s*$", re.IGNORECASE)
        self.partitive_pronouns = frozenset(w.lower() for w in c["partitive_pronouns"])
        self.relative_partitive_pronouns = frozenset(w.lower() for w in c["relative_partitive_pronouns"])
        self.counted_people_openers = frozenset(w.lower() for w in c["counted_people_openers"])
        self.capacity_nouns = frozenset(w.lower() for w in c["capacity_nouns"])
        self.seating_re = re.compile(r"\b(?:" + "|".join(map(re.escape, c["seating_verbs"])) + r")\s+(?:[a-z]+\s+)?$",
                                     re.IGNORECASE)
        self.distance_of_measures: dict[str, str] = {str(k): str(v) for k, v in c["distance_of_measures"].items()}
        self.mourned_re = re.compile(
            r"\b(?:" + "|".join(map(re.escape, c["mourning_verbs"])) + r")\s+(?:the\s+)?$", re.IGNORECASE)
        self.place_appositive_re = re.compile(
            r"\s*,\s+(?i:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(
                c["place_appositives"], key=len, reverse=True)) + r")\s+(?:the\s+)?([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2})")
        self.attributive_heads = frozenset(w.lower() for w in c["attributive_heads"])
        # a people word after a part opener ("among them five children", "six of them children") names a part
        # of the toll, never who another figure counts
        self.part_before_re = re.compile(
            r"\b(?:" + "|".join(re.escape(w) for w in [*c["subgroup_openers"], "of them"]) + r")(?:\s+[\w-]+){0,2}\s*$",
            re.IGNORECASE)
        # a clause that opens on its event with a definite article, at most two words before the event word
        self.definite_opening_re = re.compile(r"[\W_]*(?:the|this)\s+(?:[\w-]+\s+){0,2}", re.IGNORECASE)
        self.numbered_names = frozenset(w.lower() for w in c["numbered_names"])
        self.person_ordinals = frozenset(w.lower() for w in c["person_ordinals"])
        self.singular_possessives = frozenset(w.lower() for w in c["singular_possessives"])
        self.owner_before_re = re.compile(
            r"\b(?:" + "|".join(re.escape(w) for w in c["singular_possessives"]) + r")\s+$", re.IGNORECASE)
        joiners = "|".join(re.escape(w) for w in c["conjunct_joiners"])
        # between two objects of one verb: maybe the first one's name, then the joiner
        self.conjunct_re = re.compile(rf"(?:\s+[A-Z][\w'’.-]*){{0,4}}\s*,?\s+(?:{joiners})\s+")
        self.new_predicate_re = re.compile(rf"\s*,?\s*(?:{joiners})\b")
        self.additive_re = re.compile(r"(?:" + "|".join(re.escape(w) for w in c["additive_words"]) + r")\b", re.IGNORECASE)
        self.passive_links = {w.lower() for w in c["passive_links"]}
        # one or more auxiliaries after a figure, before its own verb ("33 were injured", "12 had been hurt")
        self.own_predicate_re = re.compile(
            r"\s+(?:(?:" + "|".join(re.escape(w) for w in c["passive_links"]) + r")\s+)+", re.IGNORECASE)
        self.object_pronouns = {w.lower() for w in c["person_pronouns"]["object"]}
        self.subject_pronouns = {w.lower() for w in c["person_pronouns"]["subject"]}
        self.body_nouns = {w.lower() for w in c["body_nouns"]}
        self.dead_partitive = {w.lower() for w in c["dead_partitive_nouns"]}
        self.body_measures = frozenset(c["body_measures"])
        self.earlier_re = phrase_pattern(c["reference_markers"]["earlier"])
        self.revision_re = phrase_pattern(c["reference_markers"]["revision"])
        self.tally_verb_re = re.compile(
            r"\b(?:" + "|".join(re.escape(w) for w in c["tally_verbs"]) + r")\s+(?:to\s+|at\s+)?$", re.IGNORECASE)
        self.tally_object_re = re.compile(
            r"\b(?:" + "|".join(re.escape(w) for w in c["tally_verbs"]) + r")\b[^,;.\d]{0,80}\b(?:to|at)\s+$",
            re.IGNORECASE)
        self.projected_re = phrase_pattern(c["reference_markers"]["projected"])
        self.clause_opener_re = phrase_pattern(c["clause_openers"])
        self.subject_clause_openers = frozenset(w.lower() for w in c["subject_clause_openers"])
        # "the trawler that sank": an event word in a relative clause, which ends before the sentence's own verb
        self.relative_before_re = re.compile(r"\b(?:that|which|who)\s+(?:(?:had|has|was|were)\s+)?$", re.IGNORECASE)
        self.aggregate_re = phrase_pattern(c["aggregate_markers"])
        self.wide_scope_re = phrase_pattern(c["wide_scope_markers"])
        self.dimension_res = {k: phrase_pattern(v) for k, v in c["dimension_measures"].items()}
        self.role_res = {k: phrase_pattern(v) for k, v in c["date_roles"].items()}
        self.month_weekday = set(self.lex.month_names) | set(self.lex.weekday_names)
        self.speech_re = phrase_pattern(c["speech_verbs"])
        # an event named as the object of a preposition of time ("before the crush"): a point others are set by
        self.time_object_re = re.compile(r"\b(?:before|after|since|until)\s+(?:the\s+|a\s+|an\s+|this\s+)?$",
                                         re.IGNORECASE)
        # "four weeks after", "two days before" right before a toll's clause: the toll is of an event then, not now
        # (days or more, and only a hedge between: "hours after the quake, 40 died" and "a year after the crush that
        # killed 159" are the news)
        units = "|".join(sorted((re.escape(str(u)) for u, size in self.lex.calendar["calendar_units"].items()
                                 if "hours" not in size), key=len, reverse=True))
        self.span_apart_re = re.compile(rf"\b(?:{units})\s+(?:after|before)\s+(?:[a-z]+\s+){{0,2}}$")
        self.said_on_re = re.compile(
            r"\b(?:" + "|".join(re.escape(w) for w in c["speech_verbs"]) + r")(?:\s+reporters)?\s+(?:late\s+|early\s+)?"
            r"(?:on|at|in)?\s*$", re.IGNORECASE)
        self.detection_re = phrase_pattern(c["detection_phrases"])
        self.written_zones = WrittenZones(self.lex.calendar)
        self._report_offset: float | None = None  # the zone of the report being read, from its publication time
        self.demonym_suffixes = tuple(c["demonym_suffixes"])
        self.event_rank = {e: n for n, e in enumerate(c["event_priority"])}
        self.starting_events = frozenset(c["starting_events"])
        self.recurring_events = frozenset(c["recurring_events"])
        self.incident_scoped_events = frozenset(c["incident_scoped_events"])
        self.onlooker_place_re = re.compile(
            r"\b(?:" + "|".join(re.escape(w) for w in c["onlooker_nouns"]) + r")\s+(?:in|across|throughout|from)\s+"
            r"(?:the\s+)?$", re.IGNORECASE)
        self.undated_events = frozenset(c["undated_events"])
        self.denied_event_re = re.compile(
            r"\b(?:" + "|".join(re.escape(w) for w in c["event_denials"]) + r")\s+(?:[\w'-]+\s+){0,2}$",
            re.IGNORECASE)
        self.incident_event = str(c["incident_event"])
        self.toll_nouns = frozenset(w.lower() for w in c["toll_nouns"])
        self.present_at_name_re = re.compile(
            r"\s+(?:" + "|".join(re.escape(w) for w in c["present_at_name"]) + r")\s+(?:the\s+)?[A-Z]")
        self.incident_re = phrase_pattern(list(self.lex.word_measures) + list(c["incident_words"]))
        people_aliases = {w for w, canon in self.lex.subject_alias.items() if canon in ("people", "soldiers", "fighters")}
        self.thing_re = phrase_pattern([w for w in self.lex.subject_alias if w not in people_aliases])
        self.directions = {w.lower() for w in c["directions"]}
        self.np_stops = {w.lower() for w in c["noun_phrase_stops"]}
        self.people_measures = frozenset(c["people_measures"])
        self.general_event_verbs = frozenset(w.lower() for w in c["general_event_verbs"])
        self.disaster_events = frozenset(c["disaster_events"])
        self.human_events = frozenset(c["human_events"])
        self._story_disaster: str | None = None  # set per report by extract()
        self._place_cache: dict[str, list[tuple[int, str]]] = {}  # the places of each sentence, emptied per report
        self.arrival_re = phrase_pattern(c["arrival_verbs"])
        self.news_events = frozenset(c["news_events"])
        self.harmful_events = frozenset(c["harmful_events"])
        self.object_events = frozenset(c["object_events"])
        # "a rainfall record", "a flood warning": the event word qualifies another noun and names no event
        self.compound_head_re = re.compile(
            r"\s+(?:" + "|".join(re.escape(w) for w in c["event_compound_heads"]) + r")\b", re.IGNORECASE)
        self.increment_re = re.compile(
            r"\b(?:" + "|".join(re.escape(w) for w in c["increment_words"]) + r")\s+(?:[$€£¥]\s*)?$", re.IGNORECASE)
        # "grew by 50 mph", "an increase of 12": the figure that follows is the size of a change
        change = (r"(?:\b(?:" + "|".join(re.escape(w) for w in c["change_verbs"]) + r")\b(?:\s+[\w'-]+){0,3}?\s+by"
                  r"|\b(?:" + "|".join(re.escape(w) for w in c["change_nouns"]) + r")\s+of)\s+")
        self.change_re = re.compile(change + "$", re.IGNORECASE)
        # "grew by 60 mph in 24 hours": the time after a change's figure is the window it was measured over
        self.change_window_re = re.compile(change + r"[^,;]{1,30}?\s+(?:in|within|over)\s+(?:just\s+|only\s+|the\s+)?$",
                                           re.IGNORECASE)
        change = c["class_change"]
        self.class_change_event = str(change["event"])
        self.class_change_events = frozenset(change["events"])
        # "became a hurricane", "grew into a Category 4 typhoon": up to two words between the article and the noun
        self.class_change_re = re.compile(
            r"\b(?:" + "|".join(re.escape(w) for w in change["verbs"]) + r")\s+(?:an?\s+)?(?:[\w-]+\s+){0,2}$",
            re.IGNORECASE)
        # "45 were in Belvar", "five in neighbouring Karn": a figure a place follows (up to two words before it)
        self.located_part_re = re.compile(r"\s+(?:(?:were|was|died)\s+)?in\s+(?:[a-z]+\s+){0,2}[A-Z]")
        self.place_adjective_re = r"(?:(?:" + "|".join(re.escape(w) for w in c["place_adjectives"]) + r")\s+)?"
        # a figure (up to three words) and "in" before a place: "some 40 in Valia", "45 were in nearby Karn"
        self.figure_place_re = re.compile(r"(?:[\w,.-]+\s+){0,2}[\w,.-]+\s+(?:(?:were|was|died)\s+)?(?:in|at)\s+"
                                          r"(?:the\s+)?" + self.place_adjective_re)
        self.beside_place_re = re.compile(
            r"\b(?:" + "|".join(re.escape(w) for w in c["neighbour_words"]) + r")\s+$", re.IGNORECASE)
        self.anaphoric_nouns = frozenset(c["anaphoric_nouns"])
        self.event_part_re = re.compile(
            r"\b(?:the|its)\s+(?:" + "|".join(re.escape(w) for w in c["event_part_nouns"]) + r")\b", re.IGNORECASE)
        self.story_nouns = tuple(c["story_event_nouns"]["words"])
        self.story_event = str(c["story_event_nouns"]["event"])
        self.event_measures: dict[str, object] = {
            k: v if v == "*" else frozenset(v) for k, v in c["event_measures"].items()}
        magnitudes = c["measured_magnitudes"]
        self.magnitude_events = frozenset(magnitudes["events"])
        self.magnitude_unit = str(magnitudes["unit"])
        self.magnitude_range = (float(magnitudes["range"][0]), float(magnitudes["range"][1]))
        verbs = "|".join(re.escape(w) for w in magnitudes["verbs"])
        # the verb, what it measures (not across a sentence's end), "at"/"to"/"as" right before the figure
        self.measuring_re = re.compile(
            rf"\b(?:{verbs})\b(?P<what>(?:[^.;:]|(?<=\d)[.:](?=\d)){{0,70}}?)\b(?:at|to|as)\s+$", re.IGNORECASE)
        self.other_occurrence = frozenset(w.lower() for w in c["other_occurrence_words"]["any"])
        self.indefinite_other_occurrence = frozenset(w.lower() for w in c["other_occurrence_words"]["indefinite"])
        # a story's news is one occurrence of these (one quake, one storm); events that recur within a story
        # (strikes, meetings) are told apart by their days instead
        self.single_events = self.news_events - self.recurring_events
        self.institution_re = re.compile(
            r"\b(?:in|at|on)\s+(?:the\s+)?(?:[a-z-]+\s+)?(" + "|".join(re.escape(w) for w in c["institutions"]) + r")\b", re.IGNORECASE)
        self.thing_qualifiers = frozenset(w.lower() for w in c["thing_qualifiers"])
        self.tall_structures = frozenset(w.lower() for w in c["tall_structures"])
        self.share_states = {str(w).lower(): state for state, words in c["share_states"].items() for w in words}
        self.share_state_re = phrase_pattern(list(self.share_states))
        loc = "|".join(sorted((re.escape(w) for w in c["locality_nouns"]), key=len, reverse=True))
        name = r"([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2})"
        self.locality_intro_res = [
            re.compile(rf"\b(?:{loc})\s+of\s+{name}"),                                   # "the city of X"
            re.compile(rf"\b{name},\s+(?:a|an|the)\s+(?:[\w-]+\s+){{0,3}}?(?:{loc})\b"),  # "X, a port city"
            re.compile(rf"\b{name}\s+is\s+(?:a|an)\s+(?:[\w-]+\s+){{0,3}}?(?:{loc})\b"),  # "X is a city"
        ]
        self.locality_noun_re = re.compile(rf"\b(?:{loc})\b", re.IGNORECASE)
        # "the city", "this coastal town": the settlement the report introduced (not "the city of Y")
        self.the_locality_re = re.compile(
            rf"\b(?:the|this|that)\s+(?:[a-z-]+\s+){{0,2}}?(?:{loc})\b(?!\s+of\s+[A-Z])(?!['’]s\s+[A-Z])")
        self.other_place_re_near = phrase_pattern(c["other_place_markers"])
        # "across Ostria", "throughout Ontario": a whole named area ("across the street" is none, and "across X
        # governorate" is the governorate, not the whole of X)
        admin = "|".join(re.escape(w) for w in c["admin_area_nouns"])
        self.across_name_re = re.compile(rf"\b(?:across|throughout)\s+(?:the\s+)?([A-Z][\w'’-]*)\b(?!\s+(?:{admin})\b)")
        self.other_place_re = re.compile(
            r"^\W*(?:" + "|".join(re.escape(w) for w in c["other_place_openers"]) + r")\b[^,;]{0,40}[,;]", re.IGNORECASE)
        self.country_names = frozenset(c["country_names"])
        self.comparison_before_re = re.compile(
            r"\b(?:" + "|".join(re.escape(w) for w in c["comparison_superlatives"]) + r")\b(?:\s+[\w'’-]+){0,4}?\s+"
            r"(?:in|across|on|throughout)\s+(?:the\s+)?$", re.IGNORECASE)
        self.comparison_after_re = re.compile(
            r"['’]s\s+(?:" + "|".join(re.escape(w) for w in c["comparison_frames"]) + r")\b", re.IGNORECASE)
        self.combined_re = phrase_pattern(c["combined_place_markers"])
        self.combined_total_re = phrase_pattern(c["combined_total_markers"])
        verbs = "|".join(sorted((re.escape(w) for w in c["place_subject_verbs"]), key=len, reverse=True))
        # "..., and Valia reported 300 deaths": a name that opens its stretch and counts (the hedge may follow)
        self.place_subject_re = re.compile(
            rf"(?:^\W*|\b(?:and|while|but|whereas)\s+)([A-Z][\w'’-]+)\s+(?:{verbs})\s+(?:[a-z]+\s+){{0,3}}$")

    # ------------------------------------------------------------------
    def extract(self, report: Report) -> list[Claim]:
        ref = _reference_date(report.meta.published)
        self._place_cache = {}
        self._report_offset = _published_offset(report.meta.published)
        lines = LineIndex(_file_text(report))
        drafts: list[_Draft] = []
        segments: list[Span] = []
        if report.title_span and report.title_span[0] < report.body_start:
            a, b = report.title_span
            segments.append(Span(a, b, report.text[a:b]))
        segments.extend(sentences(report.text, report.body_start))
        previous_event: str | None = None
        previous_thing: str | None = None  # the last known thing named: what "It reaches 6 km" measures
        previous_toll: str | None = None  # the measure of the last casualty figure: what "a count of 90" counts
        previous_day: date | None = None  # the last day an event was dated: what "at 7.20pm" is on
        event_days: dict[str, date] = {}  # the last day each event was dated: what "the attack began at 5pm" is on
        groups: dict[str, AmountMention] = {}  # the last count of each kind of people: what "the fighters" are
        segments = [cell for sent in segments for cell in _cells(sent)]
        last_event: str | None = None  # the event the sentence just before named, if any
        self._story_disaster = self._disaster_of(segments)
        for sent in segments:
            if "|" in sent.text or not re.search(r"[a-z]{4,}", sent.text):
                continue  # bylines and datelines date the report, not an event
            found_drafts = self._sentence(sent, ref, previous_event, previous_thing, groups, previous_toll,
                                          self._day_of_sentence(sent, event_days, previous_day))
            self._continue_event(found_drafts, last_event)
            drafts.extend(found_drafts)
            previous_day = next((day for day in map(_one_day, reversed(found_drafts)) if day is not None), previous_day)
            event_days.update({d.event: day for d in found_drafts if d.event and (day := _one_day(d)) is not None})
            previous_toll = next((d.measure for d in reversed(found_drafts) if d.kind == "casualty"), previous_toll)
            found = self._event_of(sent.text, sent.start, sent.start, sent.end, sent.end, sent.end)
            previous_event = found or previous_event
            last_event = found
            things = [self._qualified_thing(sent.text, mm, -1, -1) for mm in self.thing_re.finditer(sent.text)]
            previous_thing = things[-1] if things else previous_thing
        self._subject_places(drafts, segments)
        _resolve_within_report(drafts)
        _lead_dates_name_the_news(drafts, segments, report.body_start, self.harmful_events)
        title = segments[0].text if report.title_span and report.title_span[0] < report.body_start else None
        self._incidents_of_the_headline(drafts, title)
        _anchor_dates(drafts)
        self._owners(drafts, " ".join(sent.text for sent in segments))
        self._report_places(drafts, segments, title)
        claims: list[Claim] = []
        seen: dict[str, int] = {}
        for k, d in enumerate(drafts):
            claims.append(self._claim(report, d, k, lines, seen))
        return claims

    def _incidents_of_the_headline(self, drafts: list[_Draft], title: str | None) -> None:
        """A headline that names a harmful event that happens once (a quake, a crush) tells the report's news: a
        date of people killed that names no event ("120 died ... on Saturday night", "a year ago today, ... 159
        never went home") is that event's day, where the toll beside it is of no other event."""
        named = [self.lex.event_words.get(re.sub(r"\s+", " ", mm.group().lower()))
                 for mm in self.event_re.finditer(title)] if title else []
        news = next((e for e in named if e in self.single_events and e in self.harmful_events), None)
        if news is None:
            return
        for d in drafts:
            if d.kind != "date" or d.event != self.incident_event or d.anchors is None or d.event_at < 0:
                continue
            word = self.measure_re.match(d.sentence.text, d.event_at - d.sentence.start)
            if word is None or re.sub(r"\s+", " ", word.group().lower()) in self.toll_nouns:
                continue
            toll = next((c for c in d.anchors if _is_toll(c)), None)
            if toll is not None and toll.measure == "killed" and toll.event in (None, news) and toll.occasion is None \
                    and toll.reference == "current":
                d.event = d.subject = news
                d.anchors = None

    def _day_of_sentence(self, sent: Span, event_days: dict[str, date], previous_day: date | None) -> date | None:
        """The day a clock time with no day of its own is on: that of the sentence's event where the report has
        dated it ("Friday's attack ... court on Sunday ... The gunmen opened fire at 5pm": Friday), else the
        last day the report dated."""
        event = self._event_of(sent.text, sent.start, sent.start, sent.end, sent.end, sent.end)
        return event_days.get(event, previous_day) if event is not None else previous_day

    def _disaster_of(self, segments: list[Span]) -> str | None:
        """The natural disaster a report is about, where its event words name one (most often) and no event of
        people (an attack, fighting): what a general verb with a bare name as subject ("Kerra struck") means."""
        named: list[str] = []
        for sent in segments:
            for mm in self.event_re.finditer(sent.text):
                word = re.sub(r"\s+", " ", mm.group().lower())
                event = self.lex.event_words.get(word)
                if event is not None and word not in self.general_event_verbs:
                    named.append(event)
        if not named or set(named) & self.human_events:
            return None
        disasters = [e for e in named if e in self.disaster_events]
        return max(disasters, key=disasters.count) if disasters else None

    # ------------------------------------------------------------------
    def _sentence(self, sent: Span, ref: date | None, previous_event: str | None,
                  previous_thing: str | None = None, groups: dict[str, AmountMention] | None = None,
                  previous_toll: str | None = None, previous_day: date | None = None) -> list[_Draft]:
        text = sent.text
        dates = self.dates.read(text, sent.start, ref)
        taken = [(d.start, d.end) for d in dates]
        # "It happened at 7.20pm": a clock time with no day is on the day the report last dated; with none, it
        # dates nothing (but is still no count)
        days = [dm for dm in dates if dm.first is not None and dm.first == dm.last and dm.role_hint != "bare_time"]
        day_named = bool(days)
        # "The crush happened Saturday morning: it began at 10:15 p.m. local time": a clause after a colon goes
        # on about the one day the sentence's first clause named
        colon_day = days[0].first if len(days) == 1 and ":" in text[days[0].end - sent.start:] else None
        for dm in dates:
            if dm.role_hint == "bare_time" and previous_day is not None and not day_named:
                dm.first = dm.last = previous_day  # (a day of its own sentence may be another's: leave it)
            elif dm.role_hint == "bare_time" and colon_day is not None and dm.first is None \
                    and 0 <= text.find(":", days[0].end - sent.start) < dm.start - sent.start:
                dm.first = dm.last = colon_day
        dates = [dm for dm in dates if dm.first is not None or dm.role_hint != "bare_time"]
        toks = tokenize(text, sent.start)
        amounts = self.amounts.read(text, sent.start, taken, toks)
        amounts = [m for m in amounts if not self._numbered_name(toks, m)]
        amounts = [self._measured_magnitude(text, sent.start, m, previous_event) for m in amounts]
        singles = self._singular_people(toks, amounts)
        if groups is not None:
            singles += self._definite_groups(toks, amounts, groups)
            self._remember_groups(toks, amounts, groups, taken)
        if singles:
            amounts = sorted(amounts + singles, key=lambda m: m.start)
        out: list[_Draft] = []
        used_dates: set[int] = set()
        for k, m in enumerate(amounts):
            d = self._count_claim(m, k, amounts, dates, toks, sent, used_dates, previous_thing, ref, previous_toll)
            if d is not None:
                out.append(d)
                out.extend(self._conversion_drafts(d, m))
                if d.kind == "casualty":
                    previous_toll = d.measure
        out = self._conjoined(out, sent)
        self._agents_of_tolls(out, sent)
        self._shares_of_opener(out, text, sent.start)
        counts = list(out)
        for d in counts:
            d.own_subject = d.subject is not None
        dated: list[_Draft] = []
        restated: set[int] = set()  # "at 6.40pm local time (1.10pm GMT)": one moment twice, no list of events
        for k, dm in enumerate(dates):
            if k in used_dates or self._tally_moment(text, sent.start, dm, out):
                continue
            d2 = self._date_claim(dm, toks, sent, ref, previous_event)
            if d2 is not None:
                gap = text[dated[-1].end - sent.start:d2.start - sent.start] if dated else ""
                if dated and (re.fullmatch(r"\s*(?:\(|,\s*or)\s*", gap) or (
                        re.fullmatch(r"\s*,\s*", gap) and d2.zone and dated[-1].zone and d2.zone != dated[-1].zone)):
                    # "at 6.40pm local time (1.10pm GMT)", "at 1 p.m. Eastern time, 8 p.m. in Lisbon", ", or 9:15 a.m.
                    # ET": one moment twice
                    d2.attributive = dated[-1].attributive
                    restated |= {id(d2), id(dated[-1])}
                    if dated[-1].zone in self.zone_phrases:
                        dated[-1].value = _local_from_restatement(dated[-1].value, d2.value)
                dated.append(d2)
        # one event word with a list of dates ("floods in 1938 and 1954") names several events of its kind
        listed = {id(d) for a, b in zip(dated, dated[1:]) if a.event_at == b.event_at >= 0 and id(b) not in restated
                  and re.fullmatch(r"\s*(?:,|,?\s*and|,?\s*or)\s*", self._between(sent, a, b)) for d in (a, b)}
        for d2 in dated:
            # (an old event keeps the year its subject names)
            if (d2.event in self.recurring_events or id(d2) in listed) and d2.subject == d2.event:
                d2.anchors = counts  # the subject is set once the report's tolls know who they count
            out.append(d2)
        return out

    def _continue_event(self, drafts: list[_Draft], last_event: str | None) -> None:
        """"A shell exploded over the square. Forty people were killed.": a toll that names no event, right after
        a sentence that told of a harmful one, counts that event's victims (an incident, never a running total)."""
        if last_event not in self.harmful_events:
            return
        for d in drafts:
            if d.kind in ("casualty", "displacement") and d.event is None and d.scope == "unknown" \
                    and d.reference == "current" and d.event_date is None:
                # (a toll dated apart, "passed 50,000 on Friday night", is a tally of its own moment)
                d.event = last_event
                if last_event in self.incident_scoped_events:
                    d.scope = "incident"

    @staticmethod
    def _shares_of_opener(drafts: list[_Draft], text: str, base: int) -> None:
        """"Of the 104 survivors, 43 are Ostrian, 47 Valian": the figures after such an opener count parts of
        that group, whose subject names it ("survivors valian"), apart from all Valians."""
        opener = _PARTITIVE_OPENER.match(text)
        if opener is None:
            return
        for d in drafts:
            if d.start - base >= opener.end() and d.kind == "quantity" and d.subject \
                    and d.subject != opener.group(1).lower():
                d.subject = f"{opener.group(1).lower()} {d.subject}"
                d.subgroup = True

    @staticmethod
    def _conversion_drafts(d: _Draft, m: AmountMention) -> list[_Draft]:
        """A conversion in brackets ("47 nautical miles (87 km)") is a statement of its own, with its own
        rounding, of the fact the figure before it states; that figure's words end at the bracket."""
        if not m.conversions or m.per_side or not isinstance(d.value, Amount):
            return []  # (a width given per side is stated once, whole, with its conversion as an alternate)
        opening = d.sentence.text.rfind("(", 0, m.conversions[0].start - d.sentence.start + 1)
        if opening > 0:
            d.end = d.sentence.start + len(d.sentence.text[:opening].rstrip())
        return [dataclasses.replace(
            d, start=c.start, end=c.end, value=Amount(low=c.low, best=c.best, high=c.high, unit=c.unit),
            hedge=c.hedge, precision=c.precision,
            alternates=[(m.best, m.unit)] if m.best is not None and m.unit else [])
            for c in m.conversions]

    def _tally_moment(self, text: str, base: int, dm: DateMention, drafts: list[_Draft]) -> bool:
        """A date right after a tally's figure ("the toll rose to 640 on Tuesday", "stood at 90 by Friday"), or
        right before the verb that set it ("on Monday lowered the toll ... to 64"), says when the tally stood
        there, not when the event happened ("killed 12 people on Tuesday" still dates it)."""
        for d in drafts:
            if d.kind in ("casualty", "displacement") and dm.end <= d.start:
                verb = self.tally_object_re.search(text, dm.end - base, d.start - base)
                if verb is not None and not text[dm.end - base:verb.start()].strip():
                    return True  # "Officials on Monday lowered the toll from the crash to 64": when it was set
            if d.kind not in ("casualty", "displacement") or not 0 <= dm.start - d.end <= 12 \
                    or not re.fullmatch(r"[\s,]*(?:on|by|as of|at)?\s*", text[d.end - base:dm.start - base]):
                continue
            if self._tally_figure(text, base, base, d.start):
                return True  # (also "corrected the number of bodies to 78 on Friday": the verb's object's level)
        return False

    def _tally_figure(self, text: str, base: int, lo: int, at: int) -> bool:
        """Whether the figure at ``at`` is a tally's level: right after a tally verb ("rose to 90", "stood at 90")
        or the "to"/"at" of one earlier in its clause ("lowered the death toll from the fire to 90")."""
        return bool(self.tally_verb_re.search(text, max(lo - base, at - base - 30), at - base)
                    or self.tally_object_re.search(text, max(lo - base, at - base - 100), at - base))

    def _conjoined(self, drafts: list[_Draft], sent: Span) -> list[_Draft]:
        """Objects joined to a casualty verb's object share its verb: "killed a commander and one fighter" counts
        the fighter killed, though "detained" follows ("... and one fighter and detained two others"); one with a
        verb of its own stays ("killed two soldiers and three civilians were hurt"). "And one other fighter" adds
        to the first: the two make one toll of two."""
        out: list[_Draft] = []
        for d in drafts:
            p = out[-1] if out else None
            if p is None or p.kind != "casualty" or d.kind != "casualty" or not 0 <= p.measure_at < p.start \
                    or not isinstance(p.value, Amount) or not isinstance(d.value, Amount):
                out.append(d)
                continue
            gap = sent.text[p.end - sent.start:d.start - sent.start]
            after = sent.text[d.end - sent.start:d.measure_at - sent.start] if d.measure_at > d.end else ""
            if not self.conjunct_re.fullmatch(gap) or (d.measure_at > d.end and not self.new_predicate_re.match(after)):
                out.append(d)
                continue
            d.measure, d.measure_at = p.measure, p.measure_at
            figure_end = sent.text[d.start - sent.start:].split(None, 1)
            rest = figure_end[1] if len(figure_end) > 1 else ""
            if self.additive_re.match(rest) and None not in (p.value.best, d.value.best) and not p.value.unit:
                p.value = Amount(low=(p.value.low or 0) + (d.value.low or 0), best=p.value.best + d.value.best,
                                 high=None if p.value.high is None or d.value.high is None
                                 else p.value.high + d.value.high, unit=None)
                p.end = d.end
                continue
            out.append(d)
        return out

    @staticmethod
    def _agents_of_tolls(drafts: list[_Draft], sent: Span) -> None:
        """"Four gunmen killed 145 people": a figure right before the active casualty verb of the toll after it
        counts who did it, not whom it hit; a count of those people, never a toll."""
        for d, nxt in pairwise(drafts):
            if d.kind == "casualty" and nxt.kind == "casualty" and d.measure == nxt.measure \
                    and d.end <= nxt.measure_at < nxt.start and d.measure_at == nxt.measure_at \
                    and re.fullmatch(r"\s+", sent.text[d.end - sent.start:nxt.measure_at - sent.start]) \
                    and re.fullmatch(r"[a-z]+(?:\s+(?!(?:were|was|are|is)\b)[a-z]+){0,3}\s+",
                                     sent.text[nxt.measure_at - sent.start:nxt.start - sent.start]):
                # (the toll is the verb's object, "killed at least 145"; "the 137 people killed, three of them
                # children" has a participle and a part; "Among the 23 dead were four nurses" a copula, no agent)
                d.kind, d.measure = "quantity", "count"

    @staticmethod
    def _between(sent: Span, a: _Draft, b: _Draft) -> str:
        return sent.text[a.end - sent.start:b.start - sent.start]

    # ---- counts and quantities ------------------------------------------------------------
    def _singular_people(self, toks: list[Token], amounts: list[AmountMention]) -> list[AmountMention]:
        """One person named with an article next to a casualty word: "killed an insurgent leader",
        "a soldier was killed". The article is the figure: one."""
        out: list[AmountMention] = []
        taken = [(m.start, m.end) for m in amounts]
        n = len(toks)
        for i, t in enumerate(toks):
            if any(a <= t.start < b for a, b in taken):
                continue
            named = self._named_person_after(toks, i)
            if named is not None:
                first = i + 2 if toks[i + 1].low == "of" else i + 1
                out.append(self._person(toks, first, named))
                continue
            if self._casualty_word(t.low) and i + 1 < n and toks[i + 1].low in self.object_pronouns:
                out.append(self._person(toks, i + 1, i + 1))  # "killing him"
                continue
            if t.low in self.subject_pronouns and i == 0 or (t.low in self.subject_pronouns and toks[i - 1].text in ",;"):
                after = [x.low for x in toks[i + 1:i + 5] if x.is_word]
                while after and after[0] in self.passive_links:
                    after.pop(0)
                if len(after) >= 3 and after[1] == "and" and after[0] not in _FUNCTION_WORDS:
                    after = after[2:]  # "He was engaged and killed"
                if after and self._casualty_word(after[0]) and toks[i + 1].low in ("was", "is", "has", "had"):
                    out.append(self._person(toks, i, i))  # "He was killed"
                continue
            if t.low in self.singular_markers | self.object_markers and i + 1 < n \
                    and toks[i + 1].low in self.person_ordinals:
                after = [x.low for x in toks[i + 2:i + 6] if x.is_word]
                while after and after[0] in self.passive_links:
                    after.pop(0)
                if after and self._casualty_word(after[0]):
                    out.append(self._person(toks, i, i + 1))  # "... and a third died": one more person
                    continue
            joined = self._joined_possessive(toks, i)
            if t.low not in self.singular_markers and not joined and not (
                t.low in self.object_markers and (i == 0 or toks[i - 1].text == "," or self._casualty_word(toks[i - 1].low))
            ):
                continue
            k = i + 1
            noun = None
            while k < n and k <= i + 4 and (toks[k].is_word or toks[k].text == "-"):
                if toks[k].low in self.people and toks[k].low not in _FUNCTION_WORDS:
                    noun = k
                    nxt = toks[k + 1].low if k + 1 < n else ""
                    if nxt not in self.people:
                        break
                elif noun is not None or toks[k].low in _FUNCTION_WORDS or toks[k].low == "of":
                    break
                k += 1
            if noun is None or toks[noun].low not in self.singular_people:
                continue
            if noun + 1 < n and toks[noun + 1].low in self.attributive_heads:
                continue  # "a heavy civilian toll": the person word describes the toll, nobody is counted
            before = toks[i - 1].low if i > 0 else ""
            after = [x.low for x in toks[noun + 1:noun + 5] if x.is_word]
            while after and after[0] in self.passive_links:
                after.pop(0)
            is_object = self._casualty_word(before) or joined
            is_subject = bool(after) and self._casualty_word(after[0])
            if t.low in self.object_markers and not is_object:
                # "The gunman refused, fired at the officers and was shot and killed": only a subject that opens
                # its sentence or clause, with a casualty verb of its own further on
                is_subject = (i == 0 or toks[i - 1].text == ",") and self._coordinated_casualty(toks, noun)
            if not is_object and not is_subject and i >= 2 and toks[i - 1].text == "," \
                    and toks[i - 2].text[:1].isupper():
                is_subject = self._appositive_then_casualty(toks, noun)
            if is_object or is_subject:
                out.append(self._person(toks, i, noun))
        return out

    def _things_state(self, text: str, base: int, end: int, hi: int) -> str | None:
        """The state the predicate after counted things puts them in: "6,000 buildings collapsed" (destroyed);
        two states joined by "or" ("collapsed or were damaged so badly ...") make a count of either, another
        fact than a count of one."""
        stretch = text[end - base:min(hi, end + 80) - base]
        found = [(mm.start(), self.share_states[re.sub(r"\s+", " ", mm.group().lower())])
                 for mm in self.share_state_re.finditer(stretch)]
        if not found:
            return None
        first_at, first = found[0]
        joined = next((state for at, state in found[1:] if state != first
                       and re.search(r"\bor\b", stretch[first_at:at])), None)
        return " or ".join(sorted((first, joined))) if joined else first

    def _valued_thing(self, text: str, base: int, lo: int, m: AmountMention) -> str | None:
        """What a sum is the value of, named as the object of a verb of valuing or as what it is in: "put the
        direct damage at $3 billion" (damage), "estimated the total cost of the storm at $9 billion" (cost),
        "$5 million in emergency aid" (aid)."""
        found = self.measuring_re.search(text[max(lo - base, m.start - base - 90):m.start - base])
        words: list[str] = []
        if found is not None:
            obj = re.match(r"\s+(?:the|its|their|a|an)\s+((?:[a-z-]+\s+){0,3}?[a-z-]+)\b"
                           r"(?:\s+(?:of|in|for|from)\b|\s*$)", found.group("what"))
            words = obj.group(1).split() if obj is not None else []
        else:
            after = re.match(r"\s+(?:in|of)\s+((?:[a-z-]+\s*){1,3})", text[m.end - base:])
            for word in (after.group(1).split() if after is not None else []):
                if word in _FUNCTION_WORDS:
                    break
                words.append(word)
        if not words or words[-1] in _FUNCTION_WORDS or words[-1] in self.lex.event_words:
            return None
        return self.lex.subject_alias.get(words[-1], words[-1])

    def _measured_magnitude(self, text: str, base: int, m: AmountMention, previous_event: str | None
                            ) -> AmountMention:
        """A bare figure a verb of measuring puts a quake at is its magnitude: "measured it at 7.1", "revised
        the main shock to 7.1", "gave the magnitude as 7.1". What is measured must be the quake itself (its word,
        "magnitude", or "it" after a sentence about the quake), and the figure one of the scale's."""
        if m.unit or m.best is None or m.vague or not self.magnitude_range[0] <= m.best < self.magnitude_range[1]:
            return m
        lo = max(0, m.start - base - 90)
        found = self.measuring_re.search(text[lo:m.start - base])
        if found is None:
            return m
        measured = found.group("what")
        events = {self.lex.event_words.get(re.sub(r"\s+", " ", mm.group().lower()))
                  for mm in self.event_re.finditer(measured)}
        pronoun = re.match(r"\s*(?:it|its magnitude)\b", measured, re.IGNORECASE) is not None
        # "it": the quake of the sentence before, or of this one before the verb ("gave the quake's magnitude as
        # 7.0 before revising it to 7.1")
        earlier = text[:lo + found.start()]
        told = previous_event in self.magnitude_events or re.search(r"\bmagnitude\b", earlier, re.IGNORECASE) \
            or any(self.lex.event_words.get(re.sub(r"\s+", " ", mm.group().lower())) in self.magnitude_events
                   for mm in self.event_re.finditer(earlier))
        if events & self.magnitude_events or re.search(r"\bmagnitude\b", measured, re.IGNORECASE) or (
                pronoun and told):
            return dataclasses.replace(m, unit=self.magnitude_unit)
        return m

    def _numbered_name(self, toks: list[Token], m: AmountMention) -> bool:
        """"Highway 1", "Gate 3": a bare number after a capitalised noun of things that are numbered names one."""
        k = next((j for j, t in enumerate(toks) if t.start == m.start), None)
        return k is not None and k > 0 and m.text.isdigit() and toks[k - 1].text[:1].isupper() \
            and toks[k - 1].low in self.numbered_names

    def _remember_groups(self, toks: list[Token], amounts: list[AmountMention], groups: dict[str, AmountMention],
                         taken: list[tuple[int, int]]) -> None:
        """Each count of people a sentence gives ("several armed fighters"), whatever its verb: what a later "the
        fighters" counts."""
        stops = frozenset(a for a, _ in taken)
        for m in amounts:
            if m.unit or m.person:
                continue
            np, _ = self._noun_phrase(toks, m, stops)
            cut = self._participle_after_people(np)
            np = np[:cut] if cut is not None else np
            if np and np[-1].low in self.people and np[-1].low not in self.singular_people:
                groups[np[-1].low] = m

    def _definite_groups(self, toks: list[Token], amounts: list[AmountMention], groups: dict[str, AmountMention]
                         ) -> list[AmountMention]:
        """"Several armed fighters threatened the patrol ... The armed fighters were all killed": a definite plural
        beside a casualty verb counts as many as the report's last count of those people (none: no claim)."""
        out: list[AmountMention] = []
        taken = [(m.start, m.end) for m in amounts]
        n = len(toks)
        for i, t in enumerate(toks):
            if t.low != "the" or any(a <= t.start < b for a, b in taken):
                continue
            noun = next((k for k in range(i + 1, min(n, i + 5)) if toks[k].low in self.people), None)
            if noun is None or toks[noun].low in self.singular_people or any(
                    not x.is_word or x.low in _FUNCTION_WORDS for x in toks[i + 1:noun]):
                continue
            before = toks[i - 1] if i > 0 else None
            is_object = before is not None and self._casualty_word(before.low) and before.low.endswith(("ed", "ing"))
            after = [x.low for x in toks[noun + 1:noun + 5] if x.is_word]
            linked = bool(after) and after[0] in self.passive_links
            while after and after[0] in self.passive_links:
                after.pop(0)
            is_subject = linked and bool(after) and self._casualty_word(after[0]) or \
                (noun + 1 < n and toks[noun + 1].text == "," and self._appositive_then_casualty(toks, noun + 1)) or \
                ((i == 0 or toks[i - 1].text == ",") and self._coordinated_casualty(toks, noun))
            ante = groups.get(toks[noun].low)
            if ante is None or not (is_object or is_subject):
                continue
            text = " ".join(x.text for x in toks[i:noun + 1])
            out.append(AmountMention(start=t.start, end=toks[noun].end, text=text, low=ante.low, best=ante.best,
                                     high=ante.high, vague=ante.vague, person=True))
        return out

    def _coordinated_casualty(self, toks: list[Token], noun: int) -> bool:
        """The subject's own casualty verb, after other verbs joined by "and": "... refused, fired at the officers
        and was shot and killed". Another person named between is the subject of what follows: no."""
        n = len(toks)
        for k in range(noun + 1, min(n - 1, noun + 25)):
            word = toks[k]
            if word.text in ".;:" or word.low in self.people or word.low in self.subject_pronouns \
                    or word.low in self.singular_possessives or self.speech_re.fullmatch(word.low) \
                    or word.low in ("who", "which", "that", "when", "while", "as", "after", "before"):
                return False
            if word.low == "and":
                after = [x.low for x in toks[k + 1:k + 7] if x.is_word]
                if not after or after[0] not in ("was", "were"):
                    continue
                while after and after[0] in self.passive_links:
                    after.pop(0)
                if len(after) >= 3 and after[1] == "and" and not self._casualty_word(after[0]):
                    after = after[2:]  # "was shot and killed"
                return bool(after) and self._casualty_word(after[0])
        return False

    def _joined_possessive(self, toks: list[Token], i: int) -> bool:
        """"killed Tomas Brenner and his deputy": one more person, joined to the object of a casualty verb
        standing a few words before."""
        if toks[i].low not in self.singular_possessives or i < 2 or toks[i - 1].low != "and":
            return False
        verb = next((j for j in range(i - 2, max(-1, i - 8), -1) if self._casualty_word(toks[j].low)), None)
        return verb is not None and toks[verb].low.endswith(("ed", "ing")) \
            and all(x.is_word for x in toks[verb + 1:i - 1])

    def _appositive_then_casualty(self, toks: list[Token], noun: int) -> bool:
        """"Karim Nazari, a senior commander in the valley, was killed": after the appositive that describes
        the named person, its closing comma, the casualty verb."""
        close = next((j for j in range(noun + 1, min(len(toks), noun + 12)) if toks[j].text in ",;."), None)
        if close is None or toks[close].text != ",":
            return False
        after = [x.low for x in toks[close + 1:close + 5] if x.is_word]
        if not after or after[0] not in self.passive_links:
            return False  # only a verb of the sentence's subject closes the appositive: "was killed"
        while after and after[0] in self.passive_links:
            after.pop(0)
        return bool(after) and self._casualty_word(after[0])

    def _person(self, toks: list[Token], first: int, last: int) -> AmountMention:
        a, b = toks[first].start, toks[last].end
        text = " ".join(t.text for t in toks[first:last + 1])
        return AmountMention(start=a, end=b, text=text, low=1.0, best=1.0, high=1.0, person=True)

    def _named_person_after(self, toks: list[Token], i: int) -> int | None:
        """After a casualty verb, one named person with no article: "killed rebel commander Tomas Brenner",
        "killed senior commander, Brenner, in", "the death of Tomas Brenner". Gives the index of the title
        noun, or of the name where none stands before it."""
        n = len(toks)
        if toks[i].low in self.death_nouns and i + 1 < n and toks[i + 1].low == "of":
            i += 1  # "confirmed the death of militia leader Brenner": titles follow "of" as they follow a verb
            first = i + 1
            if first < n and toks[first].text[:1].isupper() and toks[first].low not in self.people \
                    and toks[first].low not in self.singular_markers:
                k = first
                while k < n and toks[k].is_word and toks[k].text[:1].isupper() and toks[k].low not in self.singular_people:
                    k += 1
                if k >= n or toks[k].low not in self.singular_people:
                    # a name alone: "the death of Tomas Brenner, a local commander"
                    return first if k >= n or not toks[k].is_word or toks[k].low in _FUNCTION_WORDS else None
        elif not self._casualty_word(toks[i].low) or not toks[i].low.endswith(("ed", "ing")):
            return None
        else:
            bare = self._bare_name_after(toks, i)
            if bare is not None:
                return bare
        n = len(toks)
        k = i + 1
        while k < n and k <= i + 7 and (toks[k].is_word or toks[k].text == "-") \
                and toks[k].low not in _FUNCTION_WORDS and toks[k].low not in self.singular_markers:
            if toks[k].low in self.singular_people:
                nxt = toks[k + 1] if k + 1 < n else None
                if nxt is not None and nxt.text == ",":
                    nxt = toks[k + 2] if k + 2 < n else None
                if nxt is not None and nxt.is_word and nxt.text[0].isupper() and nxt.low not in self.people:
                    return k
                return None
            k += 1
        return None

    def _bare_name_after(self, toks: list[Token], i: int) -> int | None:
        """A name with no title right after a verb of harm: "killing Tomas Brenner, the rebel governor", "killed
        Brenner and his deputy". Gives the index of the name's last word. A capitalised word that qualifies
        people ("killed Ostrian soldiers"), a day, an owner ("killed Brenner's driver") or a place taken (only
        verbs of ``named_victim_measures`` count: "captured Saraqeb" is a town) is no one named."""
        if self.lex.word_measures.get(toks[i].low) not in self.named_victim_measures:
            return None
        n = len(toks)
        k, last = i + 1, None
        while k < n and k <= i + 4 and toks[k].is_word and toks[k].text[0].isupper():
            word = toks[k].low
            if word in self.people or word in self.month_weekday or word in _FUNCTION_WORDS \
                    or word.endswith((*self.demonym_suffixes, "'s", "’s")):
                return None
            last, k = k, k + 1
        if last is None:
            return None
        after = toks[k] if k < n else None
        if after is None or after.text in (",", ".", ";", ")") or (after.is_word and after.low in _FUNCTION_WORDS):
            return last
        return None

    def _casualty_word(self, word: str) -> bool:
        measure = self.lex.word_measures.get(word)
        return measure is not None and self.lex.measure_kinds.get(measure) == "casualty"

    def _clause(self, sent: Span, pos: int) -> tuple[int, int]:
        """The part of the sentence between clause breaks (; : dashes) holding pos."""
        rel = pos - sent.start
        a, b = 0, len(sent.text)
        for m in _CLAUSE_BREAK.finditer(sent.text):
            if m.end() <= rel:
                a = m.end()
            elif m.start() >= rel:
                b = m.start()
                break
        return sent.start + a, sent.start + b

    def _segment(self, sent: Span, start: int, end: int) -> tuple[int, int]:
        """The comma-delimited stretch around [start, end): where scope and time markers apply."""
        text = sent.text
        rel_a, rel_b = start - sent.start, end - sent.start
        a = max(text.rfind(",", 0, rel_a), text.rfind(";", 0, rel_a), text.rfind("(", 0, rel_a)) + 1
        candidates = [i for i in (text.find(",", rel_b), text.find(";", rel_b), text.find(")", rel_b)) if i >= 0]
        b = min(candidates) if candidates else len(text)
        return sent.start + a, sent.start + b

    def _noun_phrase(self, toks: list[Token], m: AmountMention, stops: frozenset[int] = frozenset()
                     ) -> tuple[list[Token], int]:
        """The words right after the figure that name what is counted ("Ostrian soldiers")."""
        i = next((k for k, t in enumerate(toks) if t.start >= m.end), len(toks))
        np: list[Token] = []
        partitive = False
        if i < len(toks) and toks[i].low == "of":
            i += 1
            if i < len(toks) and toks[i].low in ("the", "its", "their", "his", "her", "our"):
                i += 1
                partitive = True  # "17 of its coaches": a share of things named, not "dozens of troops"
            if i < len(toks) and toks[i].low in _PRONOUNS:
                if toks[i].low in self.partitive_pronouns and i + 1 < len(toks) and toks[i + 1].low in self.people:
                    return [toks[i + 1]], i + 2  # "six of them children": the children are counted
                return [toks[i]], i + 1
            if i < len(toks) and toks[i].low in self.dead_partitive:
                return [toks[i]], i + 1  # "hundreds of the dead": the dead are counted, the verb says how
        while i < len(toks) and len(np) < 5:
            t = toks[i]
            if not t.is_word and t.text not in ("-",):
                break
            if t.start in stops or t.low in _FUNCTION_WORDS or t.low in self.directions or t.low in self.np_stops or (
                t.low in self.lex.word_measures and t.low not in self.people
            ):
                break
            if np and i + 1 < len(toks) and toks[i + 1].low == "by" and t.text.islower():
                break  # "ten provinces struck by the quake": a participle with its agent describes what is counted
            if np and t.low in self.share_states:
                break  # "1,700 buildings destroyed": the state the things are in, not what they are
            if np and np[-1].low in self.people and self._event_noun(t.low):
                break  # "750 people sank": people are what is counted, what happened to them is no part of it
            if t.text != "-" and not (m.unit and t.low in ("wide", "long", "high", "deep", "tall")):
                np.append(t)
            i += 1
            if partitive and len(t.low) > 3 and t.low.endswith("s") and t.text.islower():
                break  # "17 of its coaches came off the rails": the plural ends what is counted, a verb follows
        return np, i

    def _named_mover(self, text: str, base: int, lo: int, at: int) -> str | None:
        """Who moves at a speed: the name before the verb of moving that leads to the figure ("the Orla Express
        was travelling at 90 km/h", "the Brask-Tollen train, moving at 60 km/h"); None without such a verb."""
        verbs = list(self.motion_verb_re.finditer(text, max(lo - base, at - base - 160), at - base))
        if not verbs:
            return None
        word = r"[A-Z][\w'’]*(?:-[A-Z][\w'’]*)*"
        names = list(re.finditer(rf"\b{word}(?:\s+{word})*", text[max(0, lo - base):verbs[-1].start()]))
        for mm in reversed(names):
            words = [w for w in mm.group().split() if w.lower() not in _FUNCTION_WORDS]
            if words:
                return " ".join(words).lower()
        return None

    def _number_of_thing(self, toks: list[Token], lo: int, m: AmountMention) -> Token | None:
        """The things a figure counts when its clause names them before it as "the number of <things>" and the
        figure is that number's level ("put the number of houses destroyed in Belvar at 900", "the number of
        shelters rose to 40"); None when the clause says no such thing."""
        before = [t for t in toks if lo <= t.start < m.start]
        if not before or before[-1].low not in ("at", "to", "was", "is", "reached", "hit", "topped"):
            return None
        for k in range(len(before) - 3, -1, -1):
            if before[k].low == "number" and before[k + 1].low == "of":
                j = k + 2 + (before[k + 2].low in ("the", "its", "their"))
                thing = before[j] if j < len(before) else None
                if thing is None or not thing.is_word or thing.low in self.people or thing.low in _FUNCTION_WORDS \
                        or any(t.text in ".;:" for t in before[k:]):
                    return None
                return thing
        return None

    def _either_measure(self, text: str, word: str, at: int, measure: str) -> bool:
        """A measure word in a disjunction with another measure ("captured or killed", "dead or missing")."""
        joined = [re.match(r"\s+or\s+([a-z]+)", text[at + len(word):]), re.search(r"([a-z]+)\s+or\s+$", text[:at])]
        return any(mm is not None and self.lex.word_measures.get(mm.group(1).lower(), measure) != measure
                   for mm in joined)

    def _people_after_copula(self, toks: list[Token], m: AmountMention) -> str | None:
        """The people a bare figure is said to be: "five were firefighters", "two are children"."""
        i = next((k for k, t in enumerate(toks) if t.start >= m.end), len(toks))
        if i >= len(toks) or toks[i].low not in ("were", "are", "was"):
            return None
        return next((t.low for t in toks[i + 1:i + 3] if t.low in self.people), None)

    def _participle_after_people(self, np: list[Token]) -> int | None:
        """Where a participle follows the counted people in a noun phrase ("fighters armed", "men engaged",
        "people living nearby"); a verb of report ("troops reported dead") is the hedge of the toll, not a
        description, and stays, as does a measure word ("people missing")."""
        for j in range(1, len(np)):
            word = np[j]
            if np[j - 1].low in self.people and word.low not in self.people and word.text.islower() \
                    and (word.low.endswith("ed") or word.low.endswith("ing") and word.low not in self.lex.word_measures) \
                    and not self.speech_re.fullmatch(word.low):
                return j
        return None

    def _share_owner(self, toks: list[Token], m: AmountMention) -> str | None:
        """The head of the "of" phrase after a share: "a quarter of the coastal city of X" -> city."""
        i = next((k for k, t in enumerate(toks) if t.start >= m.end), len(toks))
        if i >= len(toks) or toks[i].low != "of":
            return None
        i += 1
        while i < len(toks) and toks[i].low in ("the", "its", "their", "this", "that", "a", "an"):
            i += 1
        words: list[str] = []
        while i < len(toks) and len(words) < 4 and toks[i].is_word and \
                toks[i].low != "of" and (toks[i].low not in _FUNCTION_WORDS or toks[i].low in _PRONOUNS):
            words.append(toks[i].low)
            if toks[i].low in _PRONOUNS:
                break
            i += 1
        return words[-1] if words else None

    def _own_predicate(self, text: str, base: int, end: int, hi: int) -> tuple[str, int] | None:
        """The measure word of the figure's own predicate, right after it with only auxiliaries between ("and 33
        were injured", "12 had been hurt"): it wins over a nearer verb of the clause before ("53 people died and
        33 were injured" counts 33 injured), which belongs to another figure."""
        links = self.own_predicate_re.match(text, end - base, hi - base)
        if links is None:
            return None
        word = self.measure_re.match(text, links.end(), hi - base)
        return (word.group().lower(), word.start() + base) if word is not None else None

    def _verb_after_partitive(self, text: str, found: tuple[str, int] | None, figure_end: int, hi: int, base: int
                              ) -> tuple[str, int] | None:
        """"Nearly 70 of the injured are still in hospital": a measure word right after "of (the)" names whom the
        figure is a part of; a measure word after it in the clause, its verb, says what that part is."""
        if found is None or found[1] < figure_end \
                or not _PARTITIVE_OF.fullmatch(text, figure_end - base, found[1] - base):
            return found
        after = self.measure_re.search(text, found[1] - base + len(found[0]), max(hi - base, 0))
        return (after.group().lower(), after.start() + base) if after else found

    def _nearest(self, pattern: re.Pattern[str], text: str, lo: int, hi: int, anchor_a: int, anchor_b: int,
                 base: int, skip: frozenset[int] = frozenset()) -> tuple[str, int] | None:
        best: tuple[str, int] | None = None
        best_dist = 10**9
        for mm in pattern.finditer(text, lo - base, hi - base):
            s, e = mm.start() + base, mm.end() + base
            if (s < anchor_b and e > anchor_a) or s in skip:
                continue
            dist = anchor_a - e if e <= anchor_a else s - anchor_b
            # a word after the figure reads as its verb ("33 soldiers were killed"): a small preference
            dist = dist * 1.2 if e <= anchor_a else dist
            if dist < best_dist:
                best, best_dist = (mm.group().lower(), s), dist
        return best

    def _count_claim(
        self, m: AmountMention, k: int, amounts: list[AmountMention], dates: list[DateMention],
        toks: list[Token], sent: Span, used_dates: set[int], previous_thing: str | None = None,
        ref: date | None = None, previous_toll: str | None = None,
    ) -> _Draft | None:
        text = sent.text
        base = sent.start
        c_lo, c_hi = self._clause(sent, m.start)
        s_lo, s_hi = self._segment(sent, m.start, m.end)
        # a measure word or a date ends the counted noun phrase ("killed several fighters today")
        stops = frozenset([mm.start() + base for mm in self.measure_re.finditer(text)] + [dm.start for dm in dates])
        np, np_end = self._noun_phrase(toks, m, stops)
        if m.person:
            np = [t for t in toks if m.start <= t.start < m.end and t.low not in self.singular_markers]
            np_end = next((k for k, t in enumerate(toks) if t.start >= m.end), len(toks))
            if np and np[-1].low not in self.people:
                np = []  # "him", "he": one person, nobody named
        head = np[-1].low if np else None
        if head in self.anaphoric_nouns and k > 0:
            # "nine people died and three others are missing": the others are more of what the figure before counts
            before, _ = self._noun_phrase(toks, amounts[k - 1], stops)
            if before and before[-1].low not in self.anaphoric_nouns:
                np, head = before, before[-1].low
        pronoun = head in _PRONOUNS if head else False
        unit_dim = self.lex.unit_info.get(m.unit or "", {}).get("dimension")
        claim_end = toks[np_end - 1].end if np and np_end - 1 < len(toks) and not pronoun else m.end
        claim_end = max(claim_end, m.end)
        kind: str
        measure: str
        share_of_toll = False  # "hundreds of the dead" with no verb of its own
        named_part: str | None = None  # "Of the 17 dead, five were firefighters": the people a part is
        next_word = next((t.low for t in toks if t.start >= m.end), None)
        mourned = False  # "Ostria mourns 40"
        seated = False  # "a hall that seats 6,000 people"
        share_state: str | None = None
        subgroup = False
        breakdown: str | None = None
        if m.unit:
            kind = "quantity"
            measure = self._dimension_measure(unit_dim or "", m, text, base, c_lo, c_hi, s_lo, s_hi)
            if m.unit in self.lex.units["currency"]["codes"] or m.unit in self.lex.units["currency"]["symbols_before"].values():
                measure = "money"
        else:
            window_lo = max(c_lo, m.start - 90)
            # a person is only read beside a casualty verb, which may stand after other verbs of theirs
            window_hi = min(c_hi, claim_end + (150 if m.person else 70))
            # a measure word in the figure's own comma-delimited stretch wins over one across a comma
            # ("Three were killed, 13 men were detained")
            # "prior to his death, X planned the abduction of several officers": one person's death measures
            # no other figure
            owned = frozenset(mm.start() + base for mm in self.measure_re.finditer(text)
                              if self.owner_before_re.search(text, max(0, mm.start() - 8), mm.start()))
            found = self._own_predicate(text, base, claim_end, c_hi) \
                or self._nearest(self.measure_re, text, max(window_lo, s_lo), min(window_hi, s_hi), m.start,
                                 claim_end, base, owned) \
                or self._nearest(self.measure_re, text, window_lo, window_hi, m.start, claim_end, base, owned)
            if found is not None and found[1] > m.start and self._tally_figure(text, base, c_lo, m.start):
                # "the death toll ... has risen to 158 after two more who were injured died": a tally's level is
                # measured by the tally's own noun before it, not by a verb of the clause that explains the rise
                found = self._nearest(self.measure_re, text, window_lo, m.start, m.start, claim_end, base, owned) \
                    or found
            if found is None and self.tally_verb_re.search(text, max(c_lo - base, m.start - base - 30), m.start - base):
                # "the death toll from the floods of 12 May in Tarvel, in the province of Osk, has risen to 215": a
                # tally's noun may stand far before its verb, past places and dates that describe the event
                found = self._nearest(self.measure_re, text, max(c_lo, m.start - 200), m.start, m.start, claim_end,
                                      base, owned)
            found = self._verb_after_partitive(text, found, m.end, window_hi, base)
            measure_word = found[0] if found else None
            measure = self.lex.word_measures.get(re.sub(r"\s+", " ", measure_word), "") if measure_word else ""
            if measure == "population" and found is not None and found[0] in self.population_nouns:
                # "evacuated some 3,000 residents", "4,000 residents were evacuated": what befell the residents is
                # measured, and their noun says a population only where nothing did
                verb = self._nearest(self.measure_re, text, max(window_lo, s_lo), min(window_hi, s_hi), m.start,
                                     claim_end, base, owned | {found[1]})
                verb_measure = self.lex.word_measures.get(re.sub(r"\s+", " ", verb[0]), "") if verb else ""
                if verb is not None and self.lex.measure_kinds.get(verb_measure) in ("casualty", "displacement"):
                    found, measure = verb, verb_measure
            if found is None and head in self.people and head not in self.dead_partitive \
                    and self.present_at_name_re.match(text, claim_end - base):
                measure = "present"  # "About 100,000 people were in Orlo": the crowd there
            if found is not None and self._either_measure(text, found[0], found[1] - base, measure):
                measure = ""  # "captured or killed 80 leaders": how many of either, the figure does not say
            if found is not None and found[1] < m.start and re.fullmatch(
                    r"\W*of\s+(?:[^,;]|(?<=\d),(?=\d))+,\s*", text[c_lo - base:m.start - base], re.IGNORECASE):
                # "Of 1,175 people admitted to hospital, 793 had gone home": a part of the figure before, counted
                # by its own verb, not by that figure's; but "Of the 17 dead, five were firefighters" has no verb
                # of its own: a part of those, named by the people after "were"
                named_part = self._people_after_copula(toks, m) if not np else None
                if named_part is None:
                    measure = ""
            cut = self._participle_after_people(np) \
                if measure and self.lex.measure_kinds.get(measure) in ("casualty", "displacement") else None
            if cut is not None and found is not None and not (
                    found[1] >= np[cut].end or text[found[1] + len(found[0]) - base:m.start - base].isspace()):
                cut = None  # "two bombers killed and ten hostages freed": the participle is the hostages' own verb
            if cut is not None:
                # "killed 15 fighters armed with rifles": the fighters are counted, the participle describes them
                np = np[:cut]
                head = np[-1].low
                claim_end = max(np[-1].end, m.end)
            dead_share = head in self.dead_partitive and bool(np) and np_end >= 2 and toks[np_end - 2].low in ("the", "of")
            # "six Ostrians being killed": a capitalised plural beside a casualty word is a people (nationality,
            # community), not a thing
            group_name = bool(np) and len(np[-1].text) > 3 and np[-1].text[0].isupper() \
                and np[-1].text[1:].isalpha() and np[-1].text[1:].islower() and np[-1].low.endswith("s") \
                and self.lex.measure_kinds.get(measure) == "casualty"
            thing = head is not None and not pronoun and head not in self.people and head not in self.body_nouns \
                and head not in self.lex.word_measures and not dead_share and not group_name
            share_of_toll = dead_share and not measure
            if share_of_toll:
                measure = "killed"
            if measure and (self.lex.measure_kinds.get(measure) in ("casualty", "displacement")
                            or measure in self.people_measures) and thing:
                measure = ""  # "three bridges" beside "a city of 60,000": things are no toll and no population
            if measure in ("bodies_recovered",) and head not in self.body_nouns and not (found and "bodies" in found[0]):
                measure = "" if head not in self.people else measure
            mourned = self.mourned_re.search(text, max(0, m.start - base - 20), m.start - base) is not None
            if mourned:
                measure = "killed"  # "Ostria mourns 40": the dead a country mourns, a headline's toll
            if not measure and head in self.dead_partitive and head not in self.lex.word_measures \
                    and previous_toll == "killed":
                measure = "killed"  # "the crush killed 159 ... among the 26 foreign victims": the dead, as before
            if not measure and not np and previous_toll and self.figure_noun_re.search(
                    text, max(c_lo - base, m.start - base - 30), m.start - base):
                measure = previous_toll  # "the railways' 288 against the state's lower count of 278"
            if previous_toll and (head is None or head in self.people) \
                    and self.subgroup_opener_re.search(text, max(0, m.start - base - 20), m.start - base):
                # "... has risen to 52, among them five children": a part of the toll just given, counted by its
                # measure however far back the verb stands, and whatever measure word follows ("..., among them
                # seven children, the town has lost half its residents")
                measure = previous_toll
            counted = self._number_of_thing(toks, c_lo, m) if not measure and not np else None
            if counted is not None:
                np, head = [counted], counted.low  # "put the number of houses destroyed at 900": houses counted
            breakdown = self._place_breakdown(text, base, c_lo, m)
            if breakdown is not None and not np:
                measure = breakdown  # "killed 48: 43 in Belvar and five in Karn": the parts count the dead too
            if measure:
                kind = self.lex.measure_kinds[measure]
            elif head and not pronoun and head not in self.people:
                kind = "quantity"  # a count of things; a bare count of people says nothing checkable
                measure = "count"
            elif self.seating_re.search(text, max(0, m.start - base - 25), m.start - base):
                kind, measure, seated = "quantity", "count", True  # "a hall that seats 6,000 people": its seats
            else:
                return None
        subject, actors = self._subject(np, pronoun)
        if named_part is not None:
            subject, subgroup = self.lex.subject_alias.get(named_part, named_part), True
        elif subject is None and kind in ("casualty", "displacement") and next_word in self.dead_partitive:
            subject = "people"  # "the 17 dead", "Of the 17 dead, five were firefighters": the dead, whoever else
        if seated:
            subject = self.lex.subject_alias.get("seats", "seats")
        if measure == "count" and len(np) >= 2 and np[0].low in self.capacity_nouns and np[0].start == m.end + 1 \
                and text[m.end - base:m.end - base + 1] == "-":
            # "a 6,200-seat hall", "a 500-bed hospital": seats and beds are counted, the hall has them
            subject = self.lex.subject_alias.get(np[0].low + "s", np[0].low + "s")
        if pronoun and k > 0:
            prev = amounts[k - 1]
            prev_np, _ = self._noun_phrase(toks, prev, stops)
            subject, actors = self._subject(prev_np, False)
        elif subject is None and mourned:
            subject = self.lex.subject_alias.get("people", "people")  # the dead mourned are people, whoever follows
        elif subject is None and kind in ("casualty", "displacement"):
            subject, actors = self._nearby_people(toks, c_lo, c_hi, m)
        if m.unit:
            valued = self._valued_thing(text, base, c_lo, m) if measure == "money" else None
            subject = valued or self._measured_thing(text, base, c_lo, c_hi, m, toks, stops, previous_thing) or subject
            if measure == "money" and subject in self.undated_events:
                subject = None  # "announced $5 million": an announcement says nothing of what the money is
            if measure == "share":
                owner = self._share_owner(toks, m)
                if owner is not None:
                    # "a third of the town", "30% of it": the share is of what follows "of"
                    pronoun = owner in _PRONOUNS
                    subject = None if pronoun else self.lex.subject_alias.get(owner, owner)
                state = self._nearest(self.share_state_re, text, c_lo, c_hi, m.start, claim_end, base)
                if state is not None:  # "wiped out" against "under water": shares of two facts
                    share_state = self.share_states[re.sub(r"\s+", " ", state[0])]
        if measure == "distance" and subject is None:
            subject = self._distance_of(text)
        if measure in self.mover_measures:
            subject = self._named_mover(text, base, c_lo, m.start) or subject
        if head in self.body_nouns and measure == "killed" or measure in self.body_measures and not m.unit \
                and (head is None or head in self.people or head in self.body_nouns or head in self.dead_partitive) \
                or (measure == "bodies_recovered" and not np and found and any(w in found[0] for w in self.body_nouns)):
            subject = "bodies"  # "corrected the number of bodies recovered to 78": the bodies, whoever is named near
        owner = None
        k_after = next((k2 for k2, t in enumerate(toks) if t.start >= m.end), len(toks))
        if not actors and k_after + 1 < len(toks) and toks[k_after].low == "of" and toks[k_after + 1].low in ("its", "their"):
            # "Ostria said two of its soldiers had died": the group belongs to the sentence's subject
            first = toks[0] if toks else None
            if first is not None and first.text[:1].isupper() and first.low not in _FUNCTION_WORDS and first.start < m.start:
                owner = first.text
        # "rose to 278 after two more died in hospital": the hospital belongs to the next figure, not this one
        inst_end = min([a.start for a in amounts if a.start > m.start] + [s_hi])
        inst = self.institution_re.search(text, m.start - base, inst_end - base) if not m.unit else None
        if inst is not None and kind in ("casualty", "displacement"):
            # "1,250 deaths registered in hospitals": the count of one kind of place, not the whole toll
            subject = f"{inst.group(1).lower().rstrip('s')} count"
        origin_name = None
        if not m.unit and head in self.dead_partitive and self.origin_after_dead_re.match(text, claim_end - base):
            # "61 of the dead were residents of Valia": a part of the toll by origin (the place is read after it)
            kind, measure, subject, subgroup = "casualty", "killed", self.origin_subject, True
        elif kind == "casualty" and not m.unit and subject == "people" and head in self.people:
            origin = self.origin_after_people_re.match(text, claim_end - base)
            if origin is not None:
                origin_name = origin.group(1).strip()  # "103 people from West Valia died": Valia's own
                subject, subgroup = self.origin_subject, True
        if subject != self.origin_subject and not m.unit and head in self.dead_partitive and measure == "killed":
            # "40 of the dead were children": the group named after the verb is what is counted;
            # "90 of the dead were identified" names none: a share of the toll, not a toll
            named = None
            located = False
            if np_end < len(toks) and toks[np_end].low in ("were", "are", "was"):
                after = [t for t in toks[np_end + 1:np_end + 4] if t.is_word]
                named = next((t for t in after if t.low in self.people), None)
                # "8,000 of the dead were inside Ostria": the toll of that place
                located = len(after) >= 2 and after[0].low in ("in", "inside") and after[-1].text[:1].isupper()
            if named is not None:
                subject = self.lex.subject_alias.get(named.low, named.low)
                subgroup = True
            elif located:
                subject = "people"  # "900 of the dead were in Ostria": Ostria's toll (the place is read after it)
            elif share_of_toll:
                return None
        if kind == "casualty" and np and np_end >= 3 and toks[np_end - 2].low in self.partitive_pronouns \
                and toks[np_end - 3].low == "of":
            subgroup = True  # "40 people, six of them children": a part of that toll
        after_figure = re.match(r"\s+of\s+(\w+)\b", text[m.end - base:])
        if kind == "casualty" and after_figure is not None \
                and after_figure.group(1).lower() in self.relative_partitive_pronouns:
            subgroup = True  # "killed 17 people, five of whom were never found": a part of that toll
        if kind == "casualty" and self.subgroup_opener_re.search(text, max(0, m.start - base - 20), m.start - base):
            subgroup = True  # "1,300 were killed, among them a number of foreigners": a part of that toll
        if m.vague and not np and not m.unit and measure in ("count", ""):
            return None
        next_token = next((t for t in toks if t.start >= m.end), None)
        if measure == "population" and next_token is not None and next_token.low == "of" and not np:
            # "home to only 600 of the 9,000 displaced": a part of another count, no population; kept as a
            # count that names nothing, so it is read but compared with nothing
            kind, measure, subject = "quantity", "count", None
        value = Amount(low=m.low, best=m.best, high=m.high, unit=m.unit)
        seg_text = text[s_lo - base:s_hi - base]
        clause_text = text[c_lo - base:c_hi - base]
        reference = "current"
        if self.projected_re.search(clause_text[max(0, m.start - c_lo - 60):m.end - c_lo + 30]):
            reference = "projected"
        elif self._earlier_marked(seg_text, m.start - s_lo) or self._earlier_marked(
                clause_text[max(0, m.start - c_lo - 70):m.start - c_lo], len(clause_text)):
            reference = "earlier"
        elif any(s_lo <= dm.start < s_hi and not re.search(r"['’]s$", dm.text)  # "struck by Monday's quake": whose
                 and self.role_res["by"].search(text[max(s_lo, dm.start - 8) - base:dm.start - base])
                 for dm in dates):
            reference = "earlier"  # "900 bodies had been buried by Friday evening": tied to that moment (CODING 3)
        scope, period, period_span = self._scope(seg_text, s_lo, s_hi, dates, used_dates,
                                                 self._incident_relative(text[:s_lo - base], seg_text))
        # a measure's own noun phrase may name its event ("a magnitude 6.1 quake"); a count's never does
        event = self._event_of(text, base, c_lo, c_hi, m.start, m.end if m.unit else claim_end,
                               harmful=kind in ("casualty", "displacement"))
        if m.unit and (self.event_measures.get(measure) == "*" or event in self.event_measures.get(measure, ())):
            subject = event  # "a magnitude 6.1 quake", "the quake began 11 miles below the surface": the quake's
        if scope == "unknown" and event in self.incident_scoped_events:
            scope = "incident"
        # a day or a week named beside an incident dates it; a month or more is a period (see _scope)
        # "the ministry said on Sunday night that 153 had died": the day of the saying, not of the event
        event_date = self._day_of([dm for dm in dates if not self._said_on(text, base, dm)], s_lo, s_hi)
        if event_date is None and re.match(r"\s*[a-z]+ing\b", text[s_lo - base:m.start - base]):
            # "a quake shook the town on Monday, killing six": a participle continues the clause before it
            p_lo, p_hi = self._segment(sent, s_lo - 1, s_lo - 1)
            event_date = self._day_of(dates, p_lo, p_hi)
        if event_date is not None and kind in ("casualty", "displacement") \
                and self._tally_figure(text, base, c_lo, m.start):
            event_date = None  # "the toll stood at 90 on Thursday": the day the tally stood there, not the event's
        if measure == "duration" and ref is not None and re.match(r"\s*(?:after|since|on)\b", text[m.end - base:]):
            # "eight days after the quake", "three weeks on": time elapsed to the report's own day, which is what
            # it is measured on (reports of other days count other spans)
            event_date = (ref.isoformat(), ref.isoformat())
        # (a span of time before "after"/"before" dates the clause and owns no place: in "Two weeks after gunmen
        # stormed a hall outside Belvar, the toll stands at 90" the 90 are Belvar's)
        others = tuple(o.start - base for o in amounts if o is not m and not o.person and not self._time_offset(text, base, o))
        place, place_level = self._figure_places(text, base, (m.start, claim_end), (s_lo, s_hi), (c_lo, c_hi), others)
        owner_place = self._owner_of_figure(text[s_lo - base:m.start - base]) if measure == "count" else None
        if owner_place is not None and place_level > _OWNER:
            place, place_level = [owner_place], _OWNER  # "Belvar's 80 sirens": things of that place
        if origin_name is not None:
            place, place_level = [origin_name], _AFTER_FIGURE  # where the counted come from, not where they died
        if breakdown is not None and measure == breakdown and place_level == _AFTER_FIGURE:
            # one place's share of a toll broken down by place: never the toll of a report that names no place
            place, subgroup = [*place, "*part"], True
        if self.change_re.search(text, max(c_lo - base, m.start - base - 60), m.start - base):
            measure = f"{measure}_change"  # "winds grew by 50 mph": how much a level changed, not the level
        elif measure in ("duration", "deadline") and self.change_window_re.search(text, max(c_lo - base, m.start - base - 90),
                                                                    m.start - base):
            measure = "change_window"  # "grew by 60 mph in 24 hours": not how long anything lasted
        d = _Draft(
            kind=kind, measure=measure, start=m.start, end=claim_end, sentence=sent, value=value,
            subject=subject, actors=actors, event=event, place=place, place_level=place_level,
            attribution=self._attribution(sent), scope=scope, period=period, reference=reference,
            hedge=m.hedge, previous=m.previous, period_span=period_span, event_date=event_date,
            precision=m.precision, alternates=list(m.alternates), subgroup=subgroup, pronoun=pronoun, owner=owner,
            share_state=share_state, measure_at=found[1] if not m.unit and found else -1,
            occasion=self._occasion(text, base, c_lo, c_hi, m.start, m.end, dates, ref, (s_lo, s_hi), event,
                                    harmful=kind in ("casualty", "displacement"), others=others),
            state=self._things_state(text, base, m.end, c_hi) if measure == "count" else None,
            increment=self.increment_re.search(text, max(c_lo - base, m.start - base - 25), m.start - base) is not None,
        )
        subject_place = self.place_subject_re.search(text, s_lo - base, m.start - base)
        if subject_place is not None and place_level >= _SEGMENT:
            d.subject_place = subject_place.group(1)
        d.combined = self._combined(seg_text) or (place_level <= _SEGMENT and self._joined_list(text, place))
        d.total = self._total_beside_places(text, base, seg_text, place_level, amounts, m)
        # "100 in all" sums places, not a period
        d.sum_not_period = d.scope == "aggregate" and period_span is None \
            and not self.aggregate_re.search(self._without_sum_markers(seg_text))
        if d.combined:
            d.place = ["*combined"] + (place if len(place) >= 2 else [])
            if d.sum_not_period:
                d.scope, d.period = "unknown", None
        if self.other_place_re_near.search(seg_text):
            d.place = ["*other"]  # "60 people elsewhere in the country": not the place the report is about
        elif self.across_name_re.search(seg_text):
            d.place = sorted(set(d.place) | {"*wide"})  # "across Ostria": the named area as a whole
        elif not d.place and self.wide_scope_re.search(seg_text):
            d.place = ["*wide"]
        return d

    def _place_breakdown(self, text: str, base: int, c_lo: int, m: AmountMention) -> str | None:
        """The casualty measure of a toll a figure is one place's share of: a figure followed by "in <Place>" in
        a list after a colon that ends a toll ("killed 48: 43 in Belvar and five in Karn") or after a partitive
        opener ("Of the dead, 45 were in Belvar and seven in Karn"). None for any other figure."""
        if not self.located_part_re.match(text, m.end - base):
            return None
        opener = _TOLL_PARTITIVE.match(text)
        if opener is not None and opener.end() <= m.start - base:
            word = opener.group(1).lower()
            measure = "killed" if word in self.dead_partitive else self.lex.word_measures.get(word)
        elif c_lo - base > 0 and text[:c_lo - base].rstrip().endswith(":"):
            found = list(self.measure_re.finditer(text, 0, c_lo - base))
            measure = self.lex.word_measures.get(re.sub(r"\s+", " ", found[-1].group().lower())) if found else None
        else:
            return None
        return measure if measure and self.lex.measure_kinds.get(measure) == "casualty" else None

    def _combined(self, seg_text: str) -> bool:
        """Whether a figure is the sum over several places by its own words: "in the two countries", "combined"."""
        return self.combined_re.search(seg_text) is not None

    def _total_beside_places(self, text: str, base: int, seg_text: str, place_level: int,
                             amounts: list[AmountMention], m: AmountMention) -> set[str] | None:
        """A total ("in all", "bringing the total to") that names no place of its own in a sentence that gives
        other figures one ("90 died in Ostria and 40 in Valia, 130 in all"; "40 died in Valia, bringing the total
        to 130"): the places of those figures, or None. It is a sum over places where they are several or the
        report counts in several countries; else it is a running total of its place."""
        total = next((mm for mm in self.combined_total_re.finditer(seg_text)
                      if not re.match(r"\s+of\b", seg_text[mm.end():])), None)  # "in all of Ostria" is one area
        if total is None or place_level <= _SEGMENT:
            return None
        mentions = self._place_mentions(text)
        named = {n for o in amounts if o is not m and o.end <= m.start
                 for pos, n in mentions if o.end - base <= pos < o.end - base + 60
                 and not re.search(r"\d", text[o.end - base:pos])}
        return named or None

    def _without_sum_markers(self, seg_text: str) -> str:
        return self.combined_total_re.sub(" ", self.combined_re.sub(" ", seg_text))

    def _event_of(self, text: str, base: int, lo: int, hi: int, a: int, b: int, harmful: bool = False) -> str | None:
        """The event a figure belongs to: of the event words in its clause, the most specific, then the nearest.
        A toll or a displacement only belongs to an event that can kill or drive people out (not a ceasefire)."""
        best: tuple[int, float, str] | None = None
        for mm in self.event_re.finditer(text, lo - base, hi - base):
            s, e = mm.start() + base, mm.end() + base
            if self.compound_head_re.match(text, mm.end()):
                continue
            word = re.sub(r"\s+", " ", mm.group().lower())
            event = self.lex.event_words.get(word)
            general = word in self.general_event_verbs
            if general:
                # "the quake struck", "the provinces struck by the quakes": the event its subject or agent names
                told = self._general_verb_event(text, base, lo, hi, s, e)
                event = told[0] if told is not None else event
            if event is None or (s < b and e > a) or (harmful and event not in self.harmful_events):
                continue
            # a general verb yields to any event noun of the clause
            rank = self.event_rank.get(event, len(self.event_rank)) + (len(self.event_rank) + 1 if general else 0)
            dist = a - e if e <= a else s - b
            if best is None or (rank, dist) < (best[0], best[1]):
                best = (rank, dist, event)
        return best[2] if best else None

    def _earlier_marked(self, stretch: str, figure_at: int) -> bool:
        """A marker of an earlier figure in the stretch ("initially", "had put"), unless the figure comes after
        a revision that follows the last one: "had first given 7.0 before revising it to 7.1" makes 7.0 the
        earlier figure and 7.1 the current one."""
        marks = list(self.earlier_re.finditer(stretch))
        if not marks:
            return False
        before = [mk for mk in marks if mk.end() <= figure_at]
        after = [mk for mk in marks if mk.start() >= figure_at]
        return not (before and not after and self.revision_re.search(stretch, before[-1].start(), figure_at))

    def _said_on(self, text: str, base: int, dm: DateMention) -> bool:
        """Whether a date stands right after a verb of speech ("said on Sunday", "told reporters on Monday"),
        which it dates, then a clause of what was said."""
        return bool(self.said_on_re.search(text, max(0, dm.start - base - 40), dm.start - base)) \
            and bool(re.match(r"\s*(?:that\b|,)", text[dm.end - base:]))

    @staticmethod
    def _day_of(dates: list[DateMention], lo: int, hi: int) -> tuple[str, str] | None:
        """The day or week named in [lo, hi), which dates an incident there; a month or more is a period."""
        return next(((dm.first.isoformat(), dm.last.isoformat()) for dm in dates
                     if lo <= dm.start < hi and dm.first and dm.last and (dm.last - dm.first).days < 28), None)

    def _occasion(self, text: str, base: int, lo: int, hi: int, a: int, b: int, dates: list[DateMention],
                  ref: date | None, segment: tuple[int, int], event: str | None, harmful: bool = False,
                  others: tuple[int, ...] = ()) -> str | None:
        """Which occurrence of its event a figure is of, where the words say it is another than the report's
        news: the event noun nearest the figure is "a second quake", "another storm", or tied to a year long
        before the report ("the 1999 quake, which killed", "since 1939, when the quake killed"); or a year long
        past stands in the figure's own stretch ("the 33,000 who died there in 1939"). None: the report's own."""
        past = [dm for dm in dates if ref is not None and dm.last is not None and (
            (ref - dm.last).days > 366 or self._earlier_year(dm, ref))]
        apart = self.span_apart_re.search(text, max(lo - base, a - base - 60), a - base) if harmful else None
        if apart is not None and event is not None and event in {
                self.lex.event_words.get(re.sub(r"\s+", " ", mm.group().lower()))
                for mm in self.event_re.finditer(text, lo - base, apart.start())}:
            # "the crush came four weeks after 135 people died in a stampede": an event of the same kind as the
            # clause's own, days or more apart, is another ("launched the offensive days after 34 were killed in
            # an airstrike" names two kinds: the airstrike is the news)
            return "another"
        bound = self._nearest_single_event(text, base, lo, hi, a, b)
        if bound is not None:
            found = self._occurrence_of(text, base, lo, bound[0], bound[1], past)
            if found is not None:
                return found
        if event in self.single_events:
            seg_past = next((dm for dm in past if segment[0] <= dm.start < segment[1]), None)
            if seg_past is not None and seg_past.last is not None:
                return str(seg_past.last.year)
        if harmful:
            # a toll in a clause that names a year long past, with no other figure between them, is that year's
            # disaster's ("the Alder Fire, which killed 40 people in 1990", "the tsunami that struck Nesby in 1960
            # killed 12"), unless the year opens a period the toll is counted over ("since 1990": an aggregate,
            # kept apart by its scope); "rose to 900, passing the 700 who died in 1990" gives 1990 to the 700;
            # "since 1990, when two ferries collided, killing 40" names one occasion, no period, and what its
            # when-clause counts on the way describes that occasion
            clause_past = next((dm for dm in past if lo <= dm.start < hi and dm.last is not None
                                and (self._opens_when_clause(text, base, dm) and dm.end <= a
                                     or not any(min(dm.start, a) - base < o < max(dm.start, a) - base
                                                for o in others))
                                and (not self.aggregate_re.search(text, max(lo, dm.start - 12) - base,
                                                                  dm.start - base)
                                     or self._opens_when_clause(text, base, dm))), None)
            if clause_past is not None and clause_past.last is not None:
                return str(clause_past.last.year)
        return None

    @staticmethod
    def _earlier_year(dm: DateMention, ref: date) -> bool:
        """A year named alone that ended a season or more before the report ("the 2021 concert, where 10 died", in
        a report of October 2022): not the year of news days old."""
        whole_year = dm.first is not None and dm.last is not None and dm.first.year == dm.last.year \
            and (dm.first.month, dm.first.day, dm.last.month, dm.last.day) == (1, 1, 12, 31)
        return whole_year and dm.last is not None and (ref - dm.last).days > 90

    @staticmethod
    def _opens_when_clause(text: str, base: int, dm: DateMention) -> bool:
        """Whether a when-clause follows the date: "in 1990, when ..." tells what happened then."""
        return re.match(r"\s*,?\s+when\b", text[dm.end - base:]) is not None

    def _nearest_single_event(self, text: str, base: int, lo: int, hi: int, a: int, b: int) -> tuple[int, int] | None:
        """Where the word of a one-occurrence event nearest the figure stands (start, end), in its clause."""
        best: tuple[int, int, int] | None = None
        # a plural names the event too ("the provinces hit by the quakes"): no occurrence is told apart by it
        plurals = (mm for mm in re.finditer(r"\b([a-z]+)s\b", text[:hi - base]) if mm.start() >= lo - base
                   and mm.group(1) in self.lex.event_words)
        for mm in [*self.event_re.finditer(text, lo - base, hi - base), *plurals]:
            s, e = mm.start() + base, mm.end() + base
            word = re.sub(r"\s+", " ", mm.group().lower())
            if (s < b and e > a) or self.lex.event_words.get(word, self.lex.event_words.get(word[:-1])) \
                    not in self.single_events:
                continue
            dist = a - e if e <= a else s - b
            if best is None or dist < best[0]:
                best = (dist, s, e)
        return (best[1], best[2]) if best else None

    def _occurrence_of(self, text: str, base: int, lo: int, s: int, e: int, past: list[DateMention]) -> str | None:
        """The occurrence an event noun at [s, e) names: "another" after an ordinal or "another" ("a second
        quake"), a year long past before it ("the 1999 quake"), after it ("the quake in 1939", "of 1939") or
        in a when-clause it opens ("in 1939, when the quake ..."); None for the report's own."""
        if self.compound_head_re.match(text, e - base):
            return None  # "a new rainfall record": the record is new, not the rain
        before = text[max(lo, s - 40) - base:s - base]
        mods = re.search(r"\b(?:the|a|an|its|this|that|their|another)\s+((?:[\w'’.-]+\s+){0,3})$", before,
                         re.IGNORECASE)
        words = mods.group(0).lower().split() if mods is not None else []
        if any(w in self.other_occurrence for w in words) or (words and words[0] in ("a", "an") and any(
                w in self.indefinite_other_occurrence for w in words)):
            return "another"  # "a second quake", "another storm", "a new quake" (but "the new ceasefire" is the news)
        np_start = s - len(mods.group(1)) if mods is not None else s
        for dm in past:
            if dm.last is None:
                continue
            after = text[e - base:dm.start - base] if dm.start >= e else None
            when = text[dm.end - base:s - base] if dm.end <= s else ""
            if np_start <= dm.start and dm.end <= s \
                    or after is not None and re.fullmatch(r"\s+(?:in|of)\s+(?:the\s+year\s+)?", after) \
                    or re.fullmatch(r"\s*,?\s+when\s+[^,;]{0,30}", when):
                return str(dm.last.year)
        return None

    def _event_noun(self, word: str) -> str | None:
        """The event a single word names, in the singular or the plural ("quakes")."""
        word = word.lower()
        return self.lex.event_words.get(word) or (self.lex.event_words.get(word[:-1]) if word.endswith("s") else None)

    def _general_verb_event(self, text: str, base: int, lo: int, hi: int, s: int, e: int
                            ) -> tuple[str, int, int] | None:
        """The event a general verb ("struck") at [s, e) tells of: its subject, the event noun just before it in
        the clause ("Monday's quake struck"), or its agent after "by", a plural too ("the provinces struck by
        the quakes"); None when neither names an event. Gives the event, where its word stands and its length."""
        if re.search(r"\b(?:" + "|".join(map(re.escape, self.story_nouns)) + r")\s+$", text[max(0, lo - base):s - base],
                     re.IGNORECASE):
            return (self.story_event, s, e - s)  # "when disaster struck": the story's own event, whatever it is
        subject = self._event_subject(text, base, max(lo, s - 45), s)
        if subject is not None:
            return subject
        agent = re.match(r"\s+by\s+((?:[\w'’-]+\s+){0,3}?)([a-z]+)\b", text[e - base:hi - base])
        if agent is None:
            return None
        word = agent.group(2).lower()
        event = self.lex.event_words.get(word, self.lex.event_words.get(word[:-1]) if word.endswith("s") else None)
        return (event, e + agent.start(2), len(word)) if event is not None else None

    def _agent_of_event(self, toks: list[Token], k: int) -> bool:
        """People right before an event verb of theirs ("gunmen stormed", "militants opened fire"): who acted."""
        following = [t.low for t in toks[k + 1:k + 3] if t.is_word]
        return any(" ".join(following[:n]) in self.lex.event_words for n in (1, 2) if len(following) >= n)

    def _nearby_people(self, toks: list[Token], lo: int, hi: int, m: AmountMention) -> tuple[str | None, list[str]]:
        """"The number of Ostrian soldiers killed ... has climbed to 41": the people named nearest the figure."""
        best: tuple[int, int] | None = None
        before = [t for t in toks if t.end <= m.start and t.is_word]
        # the people named before the figure after "the number of" (an adjective between): those counted
        named = next((k for k, t in enumerate(toks) if lo <= t.start and t.end <= m.start and t.low in self.people
                      and any(toks[j].low == "of" and toks[j - 1].low in self.counted_people_openers
                              for j in range(max(1, k - 3), k))), None)
        # "police open a case into the crash that killed 278": a figure that is the object of an active casualty
        # verb counts its victims; people named before that verb are who acted or spoke, never the counted
        object_of_verb = bool(before) and self._casualty_word(before[-1].low)
        # "a woman among 153 killed": who stands before "among" is one of the counted, never all of them
        one_among = bool(before) and before[-1].low == "among"
        # "the crush that killed 159, families demand answers": people after the object's comma are another
        # clause's subject
        comma_after = next((t.start for t in toks if t.start >= m.end and t.text in ",;"), hi)
        # "toll climbs to 80 as soldiers reach the town": people after a conjunction are its clause's subject
        opener_after = next((t.start for t in toks if t.start >= m.end and t.low in self.subject_clause_openers), hi)
        skipped_clause = False
        for k, t in enumerate(toks):
            if (object_of_verb or one_among) and t.start < m.start:
                continue
            if object_of_verb and t.start > comma_after:
                continue
            if t.start > opener_after:
                skipped_clause = skipped_clause or (lo <= t.start < hi and t.low in self.people)
                continue
            if lo <= t.start < hi and t.low in self.people and not (m.start <= t.start < m.end) \
                    and not self.part_before_re.search(" ".join(x.low for x in toks[max(0, k - 4):k])):
                said = " ".join(x.low for x in toks[k + 1:k + 3])
                if self.speech_re.match(said):
                    continue  # "wounding 40, police said": the police are the source, not the counted
                if t.start < m.start and self._reporter(toks[k + 1:], m.start):
                    continue  # "medics in the east reported 71 dead": who reports the dead is not them
                if k + 1 < len(toks) and toks[k + 1].text == "-" and toks[k + 1].start == t.end:
                    continue  # "rebel-held": a word of a compound adjective, no people
                if self._agent_of_event(toks, k):
                    continue  # "after gunmen stormed the hall, the number of dead ...": who attacked, not the dead
                dist = abs(t.start - m.start)
                if best is None or dist < best[0]:
                    best = (dist, k)
        if named is not None:
            best = (0, named)
        if best is None and skipped_clause:
            # the figure names no group, but the clause after it does: people, never a group inherited from an
            # earlier figure of the report
            return self.lex.subject_alias.get("people", "people"), []
        if best is None:
            return None, []
        k = best[1]
        j = k
        while j > 0 and toks[j - 1].is_word and toks[j - 1].low not in _FUNCTION_WORDS and k - j < 3 \
                and toks[j - 1].low not in self.lex.word_measures:
            j -= 1
        return self._subject(toks[j:k + 1], False)

    def _reporter(self, after: list[Token], fig: int) -> bool:
        """Whether people named before a figure report it: a speech verb follows them before the figure, with no
        measure word first ("medics reported 71 dead", but not "the soldiers killed, officials said, rose to 29")."""
        between = " ".join(x.low for x in after if x.end <= fig)
        said = self.speech_re.search(between)
        return said is not None and not self.measure_re.search(between, 0, said.start())

    def _measured_thing(self, text: str, base: int, lo: int, hi: int, m: AmountMention, toks: list[Token],
                        stops: frozenset[int], previous_thing: str | None = None) -> str | None:
        """What a measure belongs to: a known thing named near it (corridor, talks), else one named earlier in
        its clause (for a length: a zone or a structure), else the noun after it; "it" is the thing the sentence
        before named."""
        best: tuple[int, str] | None = None
        for mm in self.thing_re.finditer(text, max(lo, m.start - 80) - base, min(hi, m.end + 60) - base):
            s, e = mm.start() + base, mm.end() + base
            if s < m.end and e > m.start:
                continue
            if s >= m.end and re.search(r",|\band\b", text[m.end - base:s - base]):
                continue  # "burned 880 hectares and levelled 2,200 structures": the structures are another figure's
            dist = m.start - e if e <= m.start else s - m.end
            if best is None or dist < best[0]:
                best = (dist, self._qualified_thing(text, mm, m.start - base, m.end - base))
        if best is not None:
            return best[1]
        length = self.lex.unit_info.get(m.unit or "", {}).get("dimension") == "length"
        earlier = [mm for mm in self.thing_re.finditer(text, lo - base, m.start - base)] if length else []
        if earlier:  # "a security corridor around the highway, ..., reaching 6 km to the north and 6 km to the south"
            return self._qualified_thing(text, earlier[-1], m.start - base, m.end - base)
        np, _ = self._noun_phrase(toks, m, stops)
        if np and np[-1].low in _PRONOUNS or _PRONOUN_OPENING.match(text[lo - base:m.start - base]):
            # "It reaches 6 km north of the road and 6 km south of it"; "It sank 40 km off X": the event, where
            # the sentence before named no thing
            return previous_thing or self._event_of(text, base, lo, hi, m.start, m.end)
        if np and np[-1].low not in self.directions:
            return self.lex.subject_alias.get(np[-1].low, np[-1].low)
        return self._event_of(text, base, lo, hi, m.start, m.end)

    def _qualified_thing(self, text: str, mm: re.Match[str], fig_a: int, fig_b: int) -> str:
        """A known thing with the word that tells it from another of its kind: "upper dam", "Gattara dam"."""
        thing = self.lex.subject_alias[re.sub(r"\s+", " ", mm.group().lower())]
        before = re.search(r"([\w-]+)\s+$", text[max(0, mm.start() - 30):mm.start()])
        if before is None or (mm.start() - len(before.group(0)) < fig_b and mm.start() > fig_a):
            return thing
        word = before.group(1)
        if word.lower() in self.thing_qualifiers or (word[0].isupper() and word.lower() not in _FUNCTION_WORDS
                                                      and not word.lower().endswith(self.demonym_suffixes)):
            return f"{word.lower()} {thing}"
        return thing

    def _dimension_measure(self, dim: str, m: AmountMention, text: str, base: int, c_lo: int, c_hi: int,
                           s_lo: int, s_hi: int) -> str:
        if dim == "length":
            if m.per_side:
                return "width"
            near = text[max(c_lo, m.start - 40) - base:min(c_hi, m.end + 40) - base]
            after = text[m.end - base:min(c_hi, m.end + 30) - base]
            # "at a depth of 10 km", "the width of 3 km": the dimension named just before, with "of"
            named = re.search(r"\b([a-z]+)\s+of\s+(?:about|some|around|roughly|nearly|almost|just|over|under)?\s*$",
                              text[max(c_lo, m.start - 30) - base:m.start - base])
            for measure in ("width", "height", "depth", "length", "range"):
                if self.dimension_res[measure].search(after[:14]) or (
                        named is not None and self.dimension_res[measure].fullmatch(named.group(1))):
                    return measure
            if self.dimension_res["depth"].search(after[:22]):
                return "depth"  # "11 miles below the surface"
            first = re.match(r"\W*([A-Za-z-]+)", after)
            if first and first.group(1).lower() in self.tall_structures:
                return "height"  # "a 45-metre dam", "a 30 m wall": the size of a standing structure is its height
            if self.dimension_res["distance"].search(after[:30]):
                return "distance"
            for measure in ("width", "height", "depth", "length"):
                if self.dimension_res[measure].search(near):
                    return measure
            if self.dimension_res["rainfall"].search(near):
                return "rainfall"
            return "distance"
        if dim == "volume" and self.dimension_res["capacity"].search(text[max(c_lo, m.start - 40) - base:m.end - base + 20]):
            return "capacity"
        if dim == "duration":
            before = text[max(c_lo, m.start - 25) - base:m.start - base]
            if self.dimension_res["deadline"].search(before):
                return "deadline"
            return "duration"
        return _DIMENSION_DEFAULT_MEASURE.get(dim, dim or "amount")

    def _subject(self, np: list[Token], pronoun: bool) -> tuple[str | None, list[str]]:
        if not np or pronoun:
            return None, []
        words = [t for t in np if t.low not in self.month_weekday]
        actors = sorted({self.lex.actor_alias.get(t.low, t.text) for t in words[:-1] if t.text[0].isupper() or t.low in self.lex.actor_alias})
        head = words[-1].low if words else np[-1].low
        # a two-word alias names its people whole ("foreign nationals" are foreigners, not any nationals)
        pair = " ".join(t.low for t in words[-2:]) if len(words) >= 2 else ""
        subject = self.lex.subject_alias.get(pair) or self.lex.subject_alias.get(head, head)
        return subject, actors

    def _incident_relative(self, before: str, seg_text: str) -> bool:
        """"... the attack on the hall, in which 150 people died in March": a stretch that opens a relative clause
        on an incident's noun counts that incident's victims, and its date is the incident's, not a period."""
        if not re.match(r"\W*(?:in|during)\s+which\b", seg_text, re.IGNORECASE):
            return False
        nouns = [self.lex.event_words.get(re.sub(r"\s+", " ", mm.group().lower()))
                 for mm in self.event_re.finditer(before)]
        return bool(nouns) and nouns[-1] in self.incident_scoped_events

    def _scope(self, seg_text: str, s_lo: int, s_hi: int, dates: list[DateMention], used_dates: set[int],
               incident: bool = False) -> tuple[str, str | None, tuple[str | None, str | None] | None]:
        agg = self.aggregate_re.search(seg_text)
        if agg and any(dm.start <= s_lo + agg.start() < dm.end and dm.first and dm.last
                       and (dm.last - dm.first).days < 300 for dm in dates):
            agg = None  # "in March last year" names a month, no running total over a year
        if agg and re.fullmatch(r"total", agg.group(), re.IGNORECASE) \
                and re.match(r"\s+of\b", seg_text[agg.end():]) and re.search(r"\ba\s+$", seg_text[:agg.start()], re.IGNORECASE):
            agg = self.aggregate_re.search(seg_text, agg.end())  # "a total of 182 people were hurt": just the count
        span_date = None
        for j, dm in enumerate(dates):
            if s_lo <= dm.start < s_hi and dm.first and dm.last and (dm.last - dm.first).days >= 27:
                span_date = (j, dm)
                break
        single = re.search(r"\b(?:single|one|an?)\s+(?:attack|strike|raid|blast|incident|bombing|air strike|airstrike)\b",
                           seg_text, re.IGNORECASE)
        if (agg or span_date) and not ((single or incident) and not agg):
            period = agg.group() if agg else None
            pspan = None
            if span_date:
                used_dates.add(span_date[0])
                dm = span_date[1]
                period = dm.text
                pspan = (dm.first.isoformat() if dm.first else None, dm.last.isoformat() if dm.last else None)
            return "aggregate", period, pspan
        return "unknown", None, None

    def _owners(self, drafts: list[_Draft], text: str) -> None:
        """A group owned by a country ("two of its soldiers", Ostria) takes the country's demonym as its actor,
        as the report writes it elsewhere ("Ostrian"), so it meets and parts from groups named by demonym."""
        demonyms = {w for w in re.findall(r"\b[A-Z][a-z]+\b", text) if w.lower().endswith(self.demonym_suffixes)}
        for d in drafts:
            if d.owner is None or d.actors:
                continue
            match = next((dem for dem in sorted(demonyms) if dem != d.owner
                          and len(os.path.commonprefix([d.owner.lower(), dem.lower()])) >= max(4, len(d.owner) - 2)),
                         None)
            if match is not None:
                d.actors = [self.lex.actor_alias.get(match.lower(), match)]

    def _locality(self, segments: list[Span]) -> str | None:
        """The settlement a report introduces first ("the port city of X", "X, a coastal town"), if any."""
        best: tuple[int, str] | None = None
        for sent in segments:
            for pattern in self.locality_intro_res:
                for mm in pattern.finditer(sent.text):
                    name = re.sub(r"['’]s$", "", mm.group(1))
                    words = name.split()
                    if words[0].lower() in self.month_weekday or words[0].lower() in _FUNCTION_WORDS:
                        continue
                    if len(words) == 1 and name.lower().endswith(self.demonym_suffixes):
                        continue
                    pos = sent.start + mm.start(1)
                    if best is None or pos < best[0]:
                        best = (pos, name)
            if best is not None:
                return best[1]
        return None

    def _subject_places(self, drafts: list[_Draft], segments: list[Span]) -> None:
        """"..., and Valia reported 300 deaths": the name that counts is the figure's place when the report names
        it as a place somewhere ("in Valia"); an agency or a person that reports is no place."""
        names = {n for sent in segments for _, n in self._place_mentions(sent.text)}
        for d in drafts:
            if d.subject_place in names and not d.combined:
                d.place, d.place_level = [d.subject_place], _OWNER

    def _report_places(self, drafts: list[_Draft], segments: list[Span], title: str | None = None) -> None:
        """Places the report gives once for all: its settlement for "in the city", for a population and for a
        toll that says nowhere; the whole country for such a toll when the report is about a country; another
        place for figures of a sentence that opens "Elsewhere," or "Across the sea,".

        The settlement is the one the report introduces ("the port city of X") or its headline names, else (for
        "the city") the last place named before the figure that the report does not call a country (a name it
        also gives as a demonym: "Ostrian" for Ostria)."""
        mentions = sorted((sent.start + pos, name) for sent in segments for pos, name in self._place_mentions(sent.text))
        names = {n for _, n in mentions}
        # places named as beside another ("in neighbouring Karn"): never the settlement "the city" means
        beside = {n for sent in segments for pos, n in self._place_mentions(sent.text)
                  if self.beside_place_re.search(sent.text, max(0, pos - 20), pos)}
        names |= {p for d in drafts for p in d.place if not p.startswith("*")}  # owners too: "Ostria's toll"
        countries = _countries(names, " ".join(sent.text for sent in segments), self.demonym_suffixes) | {
            mm.group(1) for sent in segments for mm in self.across_name_re.finditer(sent.text)} | (  # "across Ostria": an area
            names & self.country_names)
        locality = self._locality(segments)
        # tolls that say nowhere are the settlement's only when the report opens on it (headline or lead): one
        # met in passing further down ("rescuers in the city of X pulled a girl out") is not the report's topic
        lead_locality = self._locality(segments[:3])
        topic_country = False
        label_area: str | None = None
        title_name = None  # a name in the headline: what "the town" means when the body names none
        if title:
            # a place after a preposition ("in Valmora") or an owner of something ("Valmora's mayor")
            candidates = [n for _, n in self._place_mentions(title)] + re.findall(r"\b([A-Z][\w-]+)['’]s\b", title)
            title_name = next((w for w in candidates if w not in countries and w.lower() not in self.month_weekday
                               and not w.lower().endswith(self.demonym_suffixes)), None)
        if title and locality is None:
            words = [w for w in re.findall(r"[A-Z][\w-]+", title)]
            label = re.match(r"\W*([A-Z][\w'’-]+)\s*:", title)  # "Ostria: flood response update"
            locality = next((w for w in words if w in names and w not in countries), None)
            lead_locality = locality
            if locality is None and label and label.group(1) not in countries:
                label_area = label.group(1)  # "Ostria: flood response update": a country or region, as a whole
            national = {w.lower()[:4] for w in words if w in countries or w.lower().endswith(self.demonym_suffixes)}
            # a headline of two nations ("Ostria mourns citizens lost in Valian shipwreck") makes neither the
            # report's topic
            topic_country = locality is None and not self.locality_noun_re.search(title) and len(national) == 1
        counted_in: dict[str, set[str]] = {}  # measure -> the countries the report gives such counts for
        for d in drafts:
            if d.kind in ("casualty", "displacement") and not d.total:
                counted_in.setdefault(d.measure, set()).update(p for p in d.place if p in countries)
        # measures the report breaks down by place ("43 in Belvar and five in Karn"): its toll that says nowhere
        # is the whole the parts add up to, not its dateline town's
        broken_down = {d.measure for d in drafts if "*part" in d.place}
        for d in drafts:
            if d.kind == "date":
                continue
            if d.total and not d.combined and (len(d.total) >= 2 or len(counted_in.get(d.measure, ())) >= 2):
                d.place = ["*combined", *sorted(d.total)] if len(d.total) >= 2 else ["*combined"]
                if d.sum_not_period:
                    d.scope, d.period = "unknown", None
            if "*combined" in d.place:
                summed_over = counted_in.get(d.measure, set()) if len(counted_in.get(d.measure, ())) >= 2 else countries
                if len(d.place) < 3 and len(summed_over) >= 2:
                    d.place = ["*combined"] + sorted(summed_over)  # "the combined toll": over the report's countries
                summed = set(d.place) - {"*combined", "*wide"}
                if summed and summed <= countries:
                    d.place = sorted(set(d.place) | {"*country"})  # (so that each is known as a country to matching)
                continue
            if "*wide" not in d.place and set(d.place) & countries:
                # "in Ostria" locates a figure in a country, which holds its cities: with a city named too the
                # city says where; alone it is marked a country, apart from other countries but not from cities
                # (only "across Ostria" is a scope, marked wide)
                cities = [p for p in d.place if p not in countries]
                d.place = cities or sorted(set(d.place) | {"*country"})
            if self.other_place_re.search(d.sentence.text) and not d.place:
                d.place = ["*other"]
                continue
            opener = re.match(r"[^,;]{0,40}[,;]", d.sentence.text)
            if opener and not d.place and (self.wide_scope_re.search(opener.group()) or self.across_name_re.search(opener.group())):
                d.place = ["*wide"]  # "Across the country, 900 people died"
                continue
            if d.place:
                continue
            c_lo, c_hi = self._clause(d.sentence, d.start)
            clause = d.sentence.text[c_lo - d.sentence.start:c_hi - d.sentence.start]
            toll = d.kind in ("casualty", "displacement") and d.reference == "current"
            if d.measure == "population":
                named = _SENTENCE_SUBJECT.match(d.sentence.text)  # "X is estimated to have 60,000 inhabitants"
                if named and named.group(1).split()[0].lower() not in _FUNCTION_WORDS | self.month_weekday:
                    d.place = [named.group(1)]
                    continue
            elif not self.the_locality_re.search(clause):
                if toll and len(counted_in.get(d.measure, ())) >= 2:
                    # a report that gives tolls for several countries and one toll for none gives the sum of them
                    # ("90 died in Ostria and 40 in Valia ... the quake toll passed 130"), even from a dateline town
                    d.place = ["*combined", *sorted(counted_in[d.measure])]
                elif toll and d.measure in broken_down:
                    pass
                elif toll and lead_locality:
                    d.place = [lead_locality]  # a report about one settlement gives its tolls there unless it says where
                elif toll and label_area:
                    d.place = ["*wide", label_area]
                elif toll and topic_country and d.event not in self.point_events:
                    d.place = ["*wide"]  # a report about a country gives its tolls for the country
                continue
            before = [n for pos, n in mentions if pos < d.start and n not in countries and n not in beside]
            place = locality or (before[-1] if before else None) or title_name
            if place:
                d.place = [place]

    def _figure_places(self, text: str, base: int, fig: tuple[int, int], seg: tuple[int, int],
                       clause: tuple[int, int], others: tuple[int, ...] = ()) -> tuple[list[str], int]:
        """The places a figure speaks of, and how near it they are named (``_AFTER_FIGURE`` ... ``_SENTENCE_WIDE``).

        A place written in the figure's own words wins over one written elsewhere in its sentence: in "The
        ministry in Ostra and medics in the north reported 40 dead in Valia" the 40 are Valia's, and in "90 died
        in Ostria and some 40 in Valia" each figure has its own place."""
        mentions = self._place_mentions(text)
        fig_a, fig_b = fig[0] - base, fig[1] - base
        seg_a, seg_b = seg[0] - base, seg[1] - base
        after = [(pos, n) for pos, n in mentions if fig_b <= pos < min(seg_b, fig_b + 60)
                 and not re.search(r"\d", text[fig_b:pos])]
        if after:
            first, first_name = after[0]
            # "in Ostria and Valia": the names joined to the first one are the figure's too, as is the place that
            # holds it, after the comma that ends the figure's stretch ("in Karn, a suburb of Belvar")
            held = self.place_appositive_re.match(text, first + len(first_name))
            return sorted({n for pos, n in after if pos == first or self._joined_to(text, first, pos)}
                          | ({held.group(1)} if held else set())), _AFTER_FIGURE
        owner = self._owner_place(text[seg_a:fig_a])
        if owner is not None:
            return [owner], _OWNER
        # "killed 61 people: 50 in Belvar and 11 in Karn": a place right after another figure is that figure's
        inside = sorted({n for pos, n in mentions if seg_a <= pos < seg_b
                         and not any(o < pos and self.figure_place_re.fullmatch(text, o, pos) for o in others)})
        if inside:
            return inside, _SEGMENT
        if not self.combined_total_re.search(text, seg_a, seg_b):
            # beyond its own stretch, a place whose stretch (or ", where" clause) holds another figure is that
            # figure's: in "With Valia, where 40 died, 900 people have lost their lives" the 900 are not Valia's
            # (a total's is not: "40 died in Belvar, bringing the total to 90" is Belvar's running total)
            mentions = [(pos, n) for pos, n in mentions if not self._owned_by_another(text, pos, n, others)]
        inside = sorted({n for pos, n in mentions if clause[0] - base <= pos < clause[1] - base})
        if inside:
            return inside, _CLAUSE_WIDE
        opening = re.match(r"\W*(?:in|across|throughout)\b[^,;]{0,40}[,;]", text, re.IGNORECASE)
        if opening:
            opened = sorted({n for pos, n in mentions if pos < opening.end()})
            if opened:
                return opened, _OPENER
        return sorted({n for _, n in mentions}), _SENTENCE_WIDE

    def _joined_list(self, text: str, names: list[str]) -> bool:
        """Whether two of these places are named as a list ("in Ostria and Valia"): the figure is their sum."""
        at = [(pos, n) for pos, n in self._place_mentions(text) if n in names]
        return any(self._joined_to(text, p1, p2) for (p1, n1), (p2, n2) in pairwise(at) if n1 != n2)

    def _distance_of(self, text: str) -> str | None:
        """"Four men were detained 300 km from Belvar": a distance with no thing of its own in a sentence that
        counts an arrest is how far from the place it happened; None where the sentence counts no such thing."""
        for mm in self.measure_re.finditer(text):
            of = self.distance_of_measures.get(self.lex.word_measures.get(re.sub(r"\s+", " ", mm.group().lower()), ""))
            if of is not None:
                return of
        return None

    def _time_offset(self, text: str, base: int, o: AmountMention) -> bool:
        """A span of time that places a moment ("two weeks after", "three days before", "a month ago")."""
        return self.lex.unit_info.get(o.unit or "", {}).get("dimension") == "duration" \
            and re.match(r"\s*(?:after|before|ago|later|earlier)\b", text[o.end - base:]) is not None

    @staticmethod
    def _owned_by_another(text: str, pos: int, name: str, others: tuple[int, ...]) -> bool:
        """Whether the place named at pos is another figure's: that figure stands in its comma-delimited stretch,
        or in the ", where ..." clause that follows it."""
        lo, hi = _stretch(text, pos)
        if any(lo <= o < hi for o in others):
            return True
        if re.match(r",\s+where\b", text[pos + len(name):]):
            lo, hi = _stretch(text, pos + len(name) + 1)
            return any(lo <= o < hi for o in others)
        return False

    @staticmethod
    def _joined_to(text: str, first: int, pos: int) -> bool:
        """Whether the place at pos is joined to the one named at first ("in Ostria and Valia")."""
        return re.fullmatch(r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*\s*,?\s+and\s+(?:in\s+)?", text[first:pos]) is not None

    def _owner_place(self, before: str) -> str | None:
        """"Valia's toll rose to", "Valia's death toll from the quake reached": a name that owns the count."""
        for mm in re.finditer(r"\b([A-Z][\w-]+)['’]s\s+((?:[a-z-]+\s+){0,2})", before):
            if mm.group(1).lower() in _FUNCTION_WORDS or mm.group(1).lower().endswith(self.demonym_suffixes):
                continue
            if self.measure_re.match(before, mm.start(2)) or self.measure_re.match(before, mm.end()):
                return mm.group(1)
        return None

    def _owner_of_figure(self, before: str) -> str | None:
        """"Belvar's 80 sirens", "Norland has about 400 sirens": the name that owns or has counted things, right
        before the figure (whose hedge is part of it)."""
        mm = re.search(r"\b([A-Z][\w-]+)(?:['’]s|\s+(?:has|had|have))\s+$", before)
        if mm is None or mm.group(1).lower() in _FUNCTION_WORDS | self.month_weekday \
                or mm.group(1).lower().endswith(self.demonym_suffixes):
            return None
        return mm.group(1)

    def _places(self, text: str, base: int) -> list[str]:
        """Capitalised names after a preposition of place: "in Belvar", "across Ostria", "of Karn"; not where
        onlookers are ("leaders across Ostria condemned the strike")."""
        return sorted({name for at, name in self._place_mentions(text)
                       if not self.onlooker_place_re.search(text, max(0, at - 40), at)})

    def _place_mentions(self, text: str) -> list[tuple[int, str]]:
        """Each place named in a text, with where (relative to the text) it is named (read once per report: every
        figure of a sentence and the report-wide place rules ask of the same sentences)."""
        found = self._place_cache.get(text)
        if found is None:
            found = self._place_cache[text] = self._read_place_mentions(text)
        return found

    def _read_place_mentions(self, text: str) -> list[tuple[int, str]]:
        places: list[tuple[int, str]] = []
        for mm in re.finditer(
            # (a preposition may open the sentence: "In Valia, 300 died")
            r"\b(?:(?:[Ii]n|[Aa]cross|near|[Tt]hroughout|outside|inside|above|below|off|around|beyond|on)\s+(?:the\s+)?"
            + self.place_adjective_re +
            r"|(?:city|town|province|village|region|governorate|district|port)\s+of\s+)"
            r"((?:[A-Z][\w'’-]+)(?:\s+[A-Z][\w'’-]+){0,2})"
            r"|\b((?:[A-Z][\w'’-]+)(?:\s+[A-Z][\w'’-]+){0,2}),\s+where\b", text  # "the destruction of X, where ..."
        ):
            if mm.group(1) is None:
                # "With Valia, where ...": the words before the name are no part of it
                words = mm.group(2).split()
                while words and words[0].lower() in _FUNCTION_WORDS:
                    words.pop(0)
                if words and words[0].lower() not in self.month_weekday:
                    name = " ".join(words)
                    places.append((mm.end(2) - len(name), name))
                continue
            name = mm.group(1)
            owner = re.match(r"^([A-Z][\w-]+)['’]s\s+([A-Z][\w'’-]+)", name)
            if owner:  # "Ostria's Karn": both, and so the two are related
                places.extend((mm.start(1), g) for g in owner.groups())
                continue
            if self._ranking_frame(text, mm.start(1), mm.end(1)):
                continue
            name = re.sub(r"['’]s$", "", name)
            first = re.split(r"[\s-]+", name)[0].lower()  # ("in the July-September quarter" names no place)
            if first in self.month_weekday or first in ("the", "president", "prime", "minister", "mr", "mrs"):
                continue
            if len(name.split()) == 1 and name.lower().endswith(self.demonym_suffixes):
                continue  # demonyms ("Ostrian", "Valian") say whose, not where
            places.append((mm.start(1), name))
            joined = re.match(r"\s+and\s+(?:in\s+)?([A-Z][\w'’-]+)\b", text[mm.end():])
            if joined and joined.group(1).lower() not in _FUNCTION_WORDS | self.month_weekday:
                places.append((mm.end() + joined.start(1), joined.group(1)))  # "in Ostria and Valia": both
            held = self.place_appositive_re.match(text, mm.end())
            if held:  # "in Karn, a suburb of Belvar": the place that holds it or stands next to it, too
                places.append((held.start(1), held.group(1)))
        return places

    def _ranking_frame(self, text: str, start: int, end: int) -> bool:
        """Whether the place named at [start, end) is the frame a superlative ranks in ("the deadliest fire in
        Ostria", "the worst disaster in Ostria's history"): the ranking's place, not the figure's."""
        before = re.split(r"[,;:]", text[max(0, start - 60):start])[-1]
        if self.comparison_before_re.search(before) and not self.locality_noun_re.search(before):
            return True  # (but "the largest city in Ostria" names a city there: no superlative of ranking)
        return self.comparison_after_re.match(text, end - 2 if text[end - 2:end] in ("'s", "’s") else end) is not None

    def _attribution(self, sent: Span) -> str | None:
        mm = re.search(r"\baccording to ((?:the\s+)?(?:[A-Z][\w.'’-]*\s*){1,5})", sent.text)
        if mm:
            return mm.group(1).strip()
        mm = re.search(r"((?:the\s+)?(?:[A-Z][\w.'’-]*\s+){1,4})(?:said|says|estimated|estimates|reported|told)\b", sent.text)
        if mm:
            return mm.group(1).strip()
        mm = re.search(r"\bwith the ((?:[A-Z][\w.'’-]*\s*){1,4}) estimating\b", sent.text)
        return mm.group(1).strip() if mm else None

    # ---- dates ------------------------------------------------------------------------------
    def _possessive_of_event(self, text: str, base: int, dm: DateMention) -> bool:
        """"Friday's rail disaster", "last Friday's train collision": a possessive day names its event's day
        (what comes "from" it starts nothing)."""
        if not re.search(r"['’]s$", dm.text):
            return False
        words = re.match(r"\s*((?:[\w-]+\s+){0,2}[\w-]+)", text[dm.end - base:])
        return words is not None and any(self._event_noun(w) is not None or w in self.story_nouns
                                         for w in re.split(r"[\s-]+", words.group(1).lower()))

    def _date_claim(self, dm: DateMention, toks: list[Token], sent: Span, ref: date | None,
                    previous_event: str | None) -> _Draft | None:
        text, base = sent.text, sent.start
        if _in_dateline(text, dm.start - base, dm.end - base):
            return None  # "KABUL, Afghanistan (May 12, 2011)": the dateline dates the report
        c_lo, c_hi = self._clause(sent, dm.start)
        before = text[max(c_lo, dm.start - 30) - base:dm.start - base].lower()
        # "the toll from the 6 March storm": a date before its event noun names that event's day, starts nothing
        noun = re.match(r"\s*([a-z]+)", text[dm.end - base:])
        # (an event of two words counts: "the Oct. 29 crowd crush")
        at = dm.end - base + noun.start(1) if noun else 0
        phrase = self.event_re.search(text, at, min(len(text), at + 40)) if noun else None
        attributive = noun is not None and (self._event_noun(noun.group(1)) is not None
                                            or (phrase is not None and phrase.start() == at)) \
            and (dm.text.lower().startswith("the ") or before.endswith("the ")) \
            or self._possessive_of_event(text, base, dm) \
            or self.occurrence_re.search(text, max(c_lo, dm.start - 40) - base, dm.start - base) is not None
        start_word = self.role_res["start"].search(before)
        # "set sail from Karn on 10 June": a place after the word says where from, and the date is another's
        from_place = start_word is not None and re.search(
            r"\b[A-Z]", text[dm.start - base - len(before) + start_word.end():dm.start - base]) is not None
        starts = start_word is not None and not attributive and not from_place
        ev = self._date_event(text, base, max(c_lo, dm.start - 110), min(c_hi, dm.end + 80), dm)
        # a date that opens its sentence ("On 3 May, a patrol ... detained ...") dates the sentence's casualty or
        # arrest verb, however far (not its last event noun: "On Saturday, ... what the flood had cost them")
        opens = bool(re.fullmatch(r"[\W_]*(?:on|in)?\s*", text[c_lo - base:dm.start - base], re.IGNORECASE)) \
            and text[dm.end - base:].startswith(",")
        reach = 220 if opens else 80
        if ev is None and re.match(r"\s*(?:[.;]|$)", text[dm.end - base:]):
            # a date that closes its sentence dates the event the sentence opened on, however long the words
            # between ("conducted an air strike against a group of fighters near a camp in the far valley yesterday")
            ev = self._date_event(text, base, max(c_lo, dm.start - 220), dm.end, dm)
        if ev is None and starts and previous_event:
            ev = (previous_event, dm.start, 0)  # "It will start at midnight": the event of the sentence before
        elif ev is None and previous_event and (
                _PRONOUN_OPENING.match(text) or self.event_part_re.search(text, c_lo - base, dm.start - base)) and (
                self.arrival_re.search(text, c_lo - base, dm.start - base)
                or self.pronoun_occurrence_re.match(text, c_lo - base, dm.start - base)):
            # "The cyclone formed ... It reached the islands on Friday"; "The collision ... It happened at 6pm"
            ev = (previous_event, dm.start, 0)
            attributive = attributive or \
                self.pronoun_occurrence_re.match(text, c_lo - base, dm.start - base) is not None
        elif ev is None and re.search(r"\s$", text[max(c_lo, dm.start - 12) - base:dm.start - base]):
            # "the first of the two quakes, of magnitude 7.8, hit on 6 March": a verb of arriving dates its subject
            verb = self.arrival_re.search(text, max(c_lo, dm.start - 12) - base, dm.start - base)
            if verb is not None:
                ev = self._event_subject(text, base, max(c_lo, verb.start() + base - 80), verb.start() + base)
        if ev is not None and ev[0] not in self.undated_events:
            # "the cyclone, which struck on Tuesday": a general verb ("struck", "hit") is the event its subject names
            verb = re.sub(r"\s+", " ", text[ev[1] - base:ev[1] - base + ev[2]].lower())
            head = self._general_verb_event(text, base, c_lo, c_hi, ev[1], ev[1] + ev[2]) \
                if verb in self.general_event_verbs else None
            before_clause = [self.lex.event_words.get(re.sub(r"\s+", " ", mm.group().lower()))
                             for mm in self.event_re.finditer(text, 0, c_lo - base)]
            before_clause = [e for e in before_clause if e is not None and e not in self.undated_events]
            if head is not None:
                ev = head
            elif verb in self.general_event_verbs and (before_clause or previous_event) and re.fullmatch(
                    r"\W*(?:it|this)\s+", text[c_lo - base:ev[1] - base], re.IGNORECASE):
                # "The crush happened on Saturday: it began at 10:15 p.m.": "it" is the event told just before
                ev = (before_clause[-1] if before_clause else previous_event or ev[0], ev[1], ev[2])
            elif verb in self.general_event_verbs and ev[0] not in self.disaster_events and self._story_disaster:
                # "When Kerra struck Belvar on Monday", in a report of a storm that names no attack: the storm
                ev = (self._story_disaster, ev[1], ev[2])
            elif ev[0] in self.object_events:
                # "launched an offensive in April": the date is the offensive's, the verb only starts it
                obj = next((mm for mm in self.event_re.finditer(text, ev[1] + ev[2] - base,
                                                                 min(c_hi, ev[1] + ev[2] + 40) - base)
                            if self.lex.event_words.get(re.sub(r"\s+", " ", mm.group().lower())) not in
                            (None, *self.object_events)), None)
                if obj is not None:
                    ev = (self.lex.event_words[re.sub(r"\s+", " ", obj.group().lower())], obj.start() + base,
                          obj.end() - obj.start())
        if ev is None and not self.role_res["by"].search(before[-12:]):
            # a press release puts the day at the end of a long clause: "detained ... while searching for
            # a rebel commander in the hill villages of the eastern district yesterday"
            ev = self._incident(text, base, max(c_lo, dm.start - 200), min(c_hi, dm.end + max(reach, 120)), dm)
        if ev is None:
            return None
        event, ev_start, ev_len = ev
        if ev_len and event != self.incident_event and c_lo <= ev_start < dm.start and self.definite_opening_re.fullmatch(text, c_lo - base, ev_start - base):
            # "The strike came at 10:30 a.m.", "The missile struck the depot at dawn": an event the clause opens
            # on with "the" is the one the report has told of, so the day is that incident's, toll or none beside
            attributive = True
        said = self._nearest(self.speech_re, text, max(c_lo, dm.start - 50), dm.start, dm.start, dm.end, base)
        if said is not None and self.detection_re.match(text, max(0, said[1] - base - 6)) is not None:
            said = None  # "the fire was first reported at dawn": when the fire was noticed, not a statement's day
        if said is not None and _distance(said[1], len(said[0]), dm) < _distance(ev_start, ev_len, dm) and not starts:
            return None  # "said on Friday": the date says when something was said, not when the event happened
        role = "occurred"
        if starts or dm.text.lower().startswith(("from ", "starting ")):
            role = "start"
        elif self.role_res["by"].search(before[-12:]):
            role = "by"
        value = DateSpan(start=dm.first.isoformat() if dm.first else None, end=dm.last.isoformat() if dm.last else None)
        if role == "occurred":
            value = self._instant(dm) or value
        if role == "by" and dm.first and ref and dm.first >= ref:
            value = DateSpan(start=ref.isoformat(), end=value.end)
        # a ceasefire "at midnight" binds from then: the time of day makes it a start
        measure = "start" if role == "start" or (dm.time and event in self.starting_events) else "date"
        subject = event
        if event in self.news_events and ref and dm.last and (ref - dm.last).days > 366 \
                and not (event in self.recurring_events and dm.first == dm.last):
            # "a flood in 1961": an earlier flood; but one day of an event that recurs ("the strike of 8 April
            # 2022" in a report of the year after) is anchored like any other, by the toll it is told with
            subject = str(dm.first.year if dm.first else dm.last.year)
        occasion = None
        if ev_len and event in self.single_events:
            occasion = self._occurrence_of(text, base, c_lo, ev_start, ev_start + ev_len, [])
        return _Draft(
            kind="date", measure=measure, start=dm.start, end=dm.end, sentence=sent, value=value,
            subject=subject, event=event, place=self._places(text, base), attribution=self._attribution(sent),
            note=dm.note, event_at=ev_start if ev_len else -1, occasion=occasion, attributive=attributive, zone=dm.zone,
        )

    def _instant(self, dm: DateMention) -> DateSpan | None:
        """A day with a clock time and a known zone is an instant, one minute wide (CODING.md 2): the zone written
        after the time ("GMT", "Hawaii time"), else, for "local time" or none, the zone the report is published
        in, which is where its dateline puts it. None for a bare day, midnight or noon, or no zone known."""
        clock = _clock(dm.time or "")
        if clock is None or dm.first is None or dm.first != dm.last:
            return None
        hours = self.written_zones.offset_hours(dm.zone or "", dm.first, clock[0], clock[1])
        if hours is None:
            hours = self._report_offset
        if hours is None:
            return None
        minutes = round(float(hours) * 60)
        sign = "-" if minutes < 0 else "+"
        offset = f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"
        at = f"{dm.first.isoformat()}T{clock[0]:02d}:{clock[1]:02d}"
        return DateSpan(start=f"{at}:00{offset}", end=f"{at}:59{offset}")

    def _event_subject(self, text: str, base: int, lo: int, hi: int) -> tuple[str, int, int] | None:
        """The last event noun before a general verb, in the same clause: "the cyclone, which struck", "the
        first of the quakes, ..., hit"."""
        found = None
        # "the offensive that the deal is meant to freeze began": what a relative clause names is not the subject
        relative = [mm.start() for mm in re.finditer(r"\b(?:that|which|who)\b", text[lo - base:hi - base])]
        cut = lo - base + relative[-1] if relative else None
        plurals = (mm for mm in re.finditer(r"\b[a-z]+s\b", text[:hi - base]) if mm.start() >= lo - base
                   and mm.group() not in self.lex.event_words and self._event_noun(mm.group()) is not None)
        for mm in sorted([*self.event_re.finditer(text, lo - base, hi - base), *plurals], key=lambda x: x.start()):
            word = re.sub(r"\s+", " ", mm.group().lower())
            event = self._event_noun(word) if " " not in word else self.lex.event_words.get(word)
            if event is not None and word not in self.general_event_verbs:
                if cut is not None and found is not None and mm.start() > cut:
                    break
                found = (event, mm.start() + base, mm.end() - mm.start())
        return found

    def _date_event(self, text: str, base: int, lo: int, hi: int, dm: DateMention) -> tuple[str, int, int] | None:
        """The event a date belongs to: the nearest event word, those before the date (its subject) preferred."""
        best: tuple[float, str, int, int] | None = None
        for mm in self.event_re.finditer(text, lo - base, hi - base):
            s, e = mm.start() + base, mm.end() + base
            if (s < dm.end and e > dm.start) or self.compound_head_re.match(text, mm.end()):
                continue
            event = self.lex.event_words.get(re.sub(r"\s+", " ", mm.group().lower()))
            if event is None or self.denied_event_re.search(text, max(0, s - base - 40), s - base):
                continue
            if event in self.class_change_events and self.class_change_re.search(text, max(0, s - base - 60), s - base):
                event = self.class_change_event  # "became a hurricane on Tuesday": not the day it struck
            if e <= dm.start and self.time_object_re.search(text, max(0, s - base - 30), s - base) \
                    and re.search(r"[,;]", text[e - base:dm.start - base]):
                continue  # "calls came before the crush, the first at 6:34 p.m.": the crush is when they were not
            if self._dated_by_possessive(text, base, s, dm) or (
                    self._date_between(text, base, e, dm) and self.relative_before_re.search(text, 0, s - base)
                    if e <= dm.start else self.clause_opener_re.search(text, dm.end - base, s - base)):
                # "the trawler that sank on Wednesday was brought before a judge on Friday": the event has its
                # own date; "came under pressure on Thursday to explain why the boat capsized": another clause's
                continue
            dist = float(dm.start - e) if e <= dm.start else (s - dm.end) * 3.0
            started = self.role_res["start"].search(text, e - base, dm.start - base) if e <= dm.start else None
            if started and not self.event_re.search(text, started.end(), dm.start - base):
                # "patrols ... will get under way on May 3": the subject of the start (unless another event
                # comes between: "got under way as gunners shot down a drone on Friday" dates the shooting)
                dist = dist / 4
            if s >= dm.end and re.match(r",?\s+when\b", text[dm.end - base:]) and \
                    not re.search(r"[,;]", text[dm.end - base + 2:s - base]):
                dist = 0.0  # "after 3 April, when the army began its push": the when-clause says what it dates
            if best is None or dist < best[0]:
                best = (dist, event, s, e - s)
        if best is None or best[1] in self.undated_events:
            return None
        return best[1], best[2], best[3]

    def _dated_by_possessive(self, text: str, base: int, event_start: int, dm: DateMention) -> bool:
        """Whether an event word has another date than dm right before it ("Saturday's crash", "last week's
        train collision"), so that dm, elsewhere in its sentence, is not its date."""
        lo = max(base, event_start - 60)
        before = text[lo - base:event_start - base]
        # up to two lower-case modifiers may stand between ("last week's train collision")
        possessive = re.search(r"['’]s(?:\s+[a-z][\w-]*){0,2}\s+$", before)
        if possessive is None or dm.start < lo + possessive.start() <= dm.end:
            return False  # (no possessive, or dm is the possessive's own date)
        own = self.dates.read(before[:possessive.start()], 0, None)
        return bool(own) and not before[own[-1].end:possessive.start()].strip()

    def _date_between(self, text: str, base: int, event_end: int, dm: DateMention) -> bool:
        """Whether another date stands between an event word and the date after it, other than as a list
        ("floods in 1938 and 1954", "13 to 14 June")."""
        between = text[event_end - base:dm.start - base]
        others = list(self.dates.read(between, event_end, None))
        if not others:
            return False
        joint = text[others[-1].end - base:dm.start - base]
        return re.fullmatch(r"\s*(?:,|,?\s*and|,?\s*or|to|-|–)?\s*", joint) is None

    def _incident(self, text: str, base: int, lo: int, hi: int, dm: DateMention) -> tuple[str, int, int] | None:
        """No event word, but people killed, detained or displaced beside the date (or an arrest, a detention:
        ``incident_words``): it dates that incident."""
        best: tuple[int, int, int] | None = None
        for mm in self.incident_re.finditer(text, lo - base, hi - base):
            measure = self.lex.word_measures.get(re.sub(r"\s+", " ", mm.group().lower()))
            if measure is not None and self.lex.measure_kinds.get(measure) not in ("casualty", "displacement"):
                continue
            s, e = mm.start() + base, mm.end() + base
            dist = dm.start - e if e <= dm.start else s - dm.end
            between = text[min(e, dm.end) - base:max(s, dm.start) - base]
            if self.speech_re.search(between):
                continue  # "issued on Saturday, the agency had said ... were dead": the date is the statement's
            if dist >= 0 and (best is None or dist < best[0]):
                best = (dist, s, e - s)
        return (self.incident_event, best[1], best[2]) if best else None

    # ---- assembling ---------------------------------------------------------------------------
    def _claim(self, report: Report, d: _Draft, k: int, lines: LineIndex, seen: dict[str, int]) -> Claim:
        """The public claim: offsets into the file, a fingerprint that ignores positions."""
        start = file_offset(report, d.start)
        end = file_offset(report, d.end - 1) + 1 if d.end > d.start else start
        line, col = lines.line_col(start)
        src = Source(path=report.meta.path, start=start, end=end, line=line, column=col)
        key = "|".join([report.meta.id, d.kind, d.measure, d.subject or "", _value_key(d.value)])
        n = seen.get(key, 0)
        seen[key] = n + 1
        fingerprint = hashlib.sha1(f"{key}|{n}".encode()).hexdigest()[:16]
        common: dict[str, object] = dict(
            id=f"{report.meta.id}:{k + 1}", fingerprint=fingerprint, measure=d.measure, subject=d.subject,
            actors=d.actors, event=d.event, occasion=d.occasion, state=d.state, place=d.place,
            attribution=d.attribution,
            text=report.text[d.start:d.end], sentence=d.sentence.text, source=src, report=report.meta.id,
            note=d.note, scope=d.scope, period=d.period, reference=d.reference, hedge=d.hedge,
        )
        common["event_date"] = DateSpan(start=d.event_date[0], end=d.event_date[1]) if d.event_date else None
        common["period_span"] = DateSpan(start=d.period_span[0], end=d.period_span[1]) if d.period_span else None
        if d.kind == "date":
            assert isinstance(d.value, DateSpan)
            return DateClaim(kind="date", value=d.value, **common)  # type: ignore[arg-type]
        assert isinstance(d.value, Amount)
        return CountClaim(
            kind=d.kind, value=d.value, precision=d.precision,  # type: ignore[arg-type]
            alternates=[Amount(low=v, best=v, high=v, unit=u) for v, u in d.alternates], **common,
        )


# a dateline: a place (or nothing) at the start of a line, the date, maybe "(Reuters)", then a dash or the line's end
_DATELINE_BEFORE = re.compile(r"(?:^|\n|\u2028)\s*(?:[A-Z][\w .,'’/-]{0,60}[,(]\s*\(?)?$")
_DATELINE_AFTER = re.compile(r"\s*\)?\s*(?:\([^()\n]{1,40}\))?\s*(?:--|[-–—:]|\n|\u2028|$)")


# "Of the 104 survivors, ...": the group the sentence's figures are parts of
# "Of the dead,", "Among those killed,": a sentence that breaks down the group it names
_TOLL_PARTITIVE = re.compile(r"\W*(?:Of|Among)\s+(?:the|those)\s+(?:[\w.-]+\s+){0,2}?([a-z]+)\s*,", re.IGNORECASE)
_PARTITIVE_OPENER = re.compile(r"\W*Of\s+(?:the|its|their|those)\s+[\w,.-]+\s+(?:[a-z-]+\s+)?([a-z]+)\s*,")


class _EventPattern:
    """Event words as whole words (``finditer``/``search`` as a compiled pattern's), a guarded word ("fire") only
    where no word of its guard stands right before or after it ("opened fire", "the fire brigade" name no fire),
    and, if its guard says what must follow or precede it, only there ("left Karn" is a departure, "left 20
    dead" none; "the boat went down" sank).

    One alternation with every guard would try each guard's lookbehinds at every character of every clause,
    which made it the slowest pattern of extraction; the words are found by a plain alternation first and a
    guarded word's guard is tried only where that word stands. The matches are those of the alternation: the
    plain words first, then each guarded word in turn, at the leftmost position."""

    def __init__(self, event_words: dict[str, str], guarded: dict[str, dict[str, list[str]]]) -> None:
        self.plain = phrase_pattern([w for w in event_words if w not in guarded])
        self.guarded = [_guarded_event_word(word, guard) for word, guard in guarded.items()]
        words = "|".join(re.escape(word) for word in guarded)
        self.any = re.compile(self.plain.pattern + (rf"|\b(?:{words})\b" if words else ""), re.IGNORECASE)

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None) -> Iterator[re.Match[str]]:
        endpos = len(text) if endpos is None else endpos
        while pos <= endpos:
            found = self.any.search(text, pos, endpos)
            if found is None:
                return
            at = found.start()
            match = self.plain.match(text, at, endpos) or next(
                (m for m in (g.match(text, at, endpos) for g in self.guarded) if m is not None), None)
            if match is None:
                pos = at + 1
                continue
            yield match
            pos = match.end() if match.end() > at else at + 1

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
        return next(self.finditer(text, pos, endpos), None)


def _guarded_event_word(word: str, guard: dict[str, list[str]]) -> re.Pattern[str]:
    """One guarded event word with its guard, as a pattern to match where the word stands."""
    before = "".join(rf"(?<!\b{re.escape(str(w))}\s)" for w in guard.get("not_after", []))
    after = "|".join(re.escape(str(w)) for w in guard.get("not_before", []))
    needed = [str(w) for w in guard.get("only_before", [])]
    # ("*name": a capitalised name; a place noun may follow an article and a capitalised word)
    nouns = "|".join(re.escape(w) for w in needed if w != "*name")
    only = [rf"\s+(?:(?:the|a|an)\s+)?(?:(?-i:[A-Z])[\w'’-]*\s+)?(?:{nouns})\b"] if nouns else []
    only += [r"\s+(?-i:[A-Z])"] if "*name" in needed else []
    # ("only_after": the word names its event only after one of these, or their relative clause: "the
    # trawler went down", "the boat that went down")
    owners = [str(w) for w in guard.get("only_after", [])]
    behind = "|".join(rf"(?<=\b{re.escape(w)}{rel}\s)" for w in owners for rel in ("", " that", " which"))
    return re.compile((rf"(?:{behind})" if behind else "")
                      + rf"{before}\b{re.escape(word)}\b" + (rf"(?!\s+(?:{after})\b)" if after else "")
                      + (rf"(?=(?:{'|'.join(only)}))" if only else ""), re.IGNORECASE)


def _clock(time: str) -> tuple[int, int] | None:
    """Hours and minutes of a clock time as written ("6:37 a.m.", "5.37pm", "17:37", "9 pm"); None for
    midnight and noon, whose day the date rules settle, and for anything else."""
    mm = re.fullmatch(r"(\d{1,2})(?:[:.](\d{2}))?\s*(?:([ap])\.?m\.?)?", time.strip().lower())
    if mm is None or (mm.group(2) is None and mm.group(3) is None):
        return None
    hour, minute = int(mm.group(1)), int(mm.group(2) or 0)
    if mm.group(3):
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if mm.group(3) == "p" else 0)
    return (hour, minute) if hour < 24 and minute < 60 else None


def _published_offset(published: str | None) -> float | None:
    """The UTC offset in hours of a publication time that gives one ("2023-08-09T15:00:00-10:00")."""
    if not published or "T" not in published:
        return None
    try:
        offset = datetime.fromisoformat(published).utcoffset()
    except ValueError:
        return None
    return offset.total_seconds() / 3600 if offset is not None else None


def _in_dateline(text: str, start: int, end: int) -> bool:
    # a dateline's place is short: look no further back than it can reach
    return bool(_DATELINE_AFTER.match(text, end)) and bool(_DATELINE_BEFORE.search(text, max(0, start - 80), start))


def _distance(start: int, length: int, dm: DateMention) -> int:
    return dm.start - (start + length) if start + length <= dm.start else start - dm.end


def _cells(sent: Span) -> list[Span]:
    """A line of key figures ("1,200 deaths | 9,000 displaced | ..."): each cell that holds a figure and a word
    is a statement of its own; other lines with bars (bylines, datelines) stay whole and are skipped."""
    if "|" not in sent.text:
        return [sent]
    cells: list[Span] = []
    pos = 0
    for part in sent.text.split("|"):
        lead = len(part) - len(part.lstrip())
        text = part.strip()
        if re.search(r"\d", text) and re.search(r"\b[a-z]{4,}\b", text):
            a = sent.start + pos + lead
            cells.append(Span(a, a + len(text), text))
        pos += len(part) + 1
    return cells if len(cells) >= 2 else [sent]


def _countries(names: set[str], text: str, demonym_suffixes: tuple[str, ...]) -> set[str]:
    """Names the text also gives as a demonym ("Ostria" beside "Ostrian", "Norway" beside "Norwegian"): countries
    or regions, the container of a city rather than a place beside it."""
    demonyms = {w for w in re.findall(r"\b[A-Z][a-z]+\b", text) if w.lower().endswith(demonym_suffixes)}
    out: set[str] = set()
    for name in names:
        if " " in name:
            continue
        for dem in demonyms:
            common = len(os.path.commonprefix([name.lower(), dem.lower()]))
            if dem != name and common >= 4 and common >= len(name) - 2:
                out.add(name)
                break
    return out


def _stretch(text: str, pos: int) -> tuple[int, int]:
    """The comma-delimited stretch of a text around pos (as ``Extractor._segment`` cuts a sentence)."""
    a = max(text.rfind(",", 0, pos), text.rfind(";", 0, pos), text.rfind("(", 0, pos)) + 1
    ends = [i for i in (text.find(",", pos), text.find(";", pos), text.find(")", pos)) if i >= 0]
    return a, min(ends) if ends else len(text)


def _value_key(v: Amount | DateSpan) -> str:
    if isinstance(v, Amount):
        return f"{v.low}/{v.best}/{v.high}/{v.unit}"
    return f"{v.start}/{v.end}"


def _local_from_restatement(local: Amount | DateSpan, restated: Amount | DateSpan) -> Amount | DateSpan:
    """"6.40pm local time (1.10pm GMT)": the bracketed time in a known zone says what offset the local clock
    keeps; the local time is that same instant, written with it. Unchanged where either is no instant."""
    if not isinstance(local, DateSpan) or not isinstance(restated, DateSpan) or not local.start \
            or not restated.start or "T" not in local.start or "T" not in restated.start:
        return local
    try:
        clock = datetime.fromisoformat(local.start[:19])
        instant = datetime.fromisoformat(restated.start)
    except ValueError:
        return local
    utc = instant.replace(tzinfo=None) - (instant.utcoffset() or timedelta(0))
    minutes = round((clock - utc).total_seconds() / 60)
    minutes = (minutes + 720) % 1440 - 720  # (the local day may be the next or the one before)
    if abs(minutes) > 14 * 60:
        return local
    sign = "-" if minutes < 0 else "+"
    offset = f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"
    moment = (utc + timedelta(minutes=minutes)).isoformat(timespec="minutes")
    return DateSpan(start=f"{moment}:00{offset}", end=f"{moment}:59{offset}")


# "... were killed and 45 were wounded": what opens a clause of its own between a verb and the figure after it
# "70 of the injured": what stands between a figure and the group it is a part of
_PARTITIVE_OF = re.compile(r"\s+of\s+(?:the\s+)?", re.IGNORECASE)


def _one_day(d: _Draft) -> date | None:
    """The day a date claim names, where it names one day (a clock time on it included)."""
    if d.kind != "date" or not isinstance(d.value, DateSpan) or not d.value.start or not d.value.end \
            or d.value.start[:10] != d.value.end[:10]:
        return None
    try:
        return date.fromisoformat(d.value.start[:10])
    except ValueError:
        return None


def _reference_date(published: str | None) -> date | None:
    if not published:
        return None
    try:
        return date.fromisoformat(published[:10])
    except ValueError:
        return None


def _file_text(report: Report) -> str:
    return report.raw if report.raw is not None else report.text


def _resolve_within_report(drafts: list[_Draft]) -> None:
    """A report's own updates and anaphora: "rose from 9 to 22" retires its earlier 9; "the toll" names no one."""
    for i, d in enumerate(drafts):
        if d.previous is None or not isinstance(d.value, Amount):
            continue
        for e in drafts[:i]:
            if e.measure == d.measure and isinstance(e.value, Amount) and e.value.best == d.previous:
                e.reference = "earlier"
    for i, d in enumerate(drafts):
        whole = next((e for e in reversed(drafts[:i]) if e.kind == "casualty" and e.sentence == d.sentence), None)
        if d.subgroup and d.occasion is None and whole is not None and whole.occasion is not None:
            # "killed 17 people in 1990, five of whom were never found": a part of a past toll is of that past too
            d.occasion = whole.occasion
    for i, d in enumerate(drafts):
        if d.increment and d.occasion is None and any(e.measure == d.measure for e in drafts[:i]):
            d.occasion = "another"  # "pledged $85 million ... a further $100 million": an increment, not the total
    last: dict[str, _Draft] = {}
    for d in drafts:
        if d.kind == "quantity" and isinstance(d.value, Amount) and d.value.unit:
            prev = last.get(d.measure)
            if d.pronoun and d.subject is None and prev is not None:
                d.subject = prev.subject  # "a third of the town ... 30% of it"
                d.place = d.place or list(prev.place)
            if d.subject is not None:
                last[d.measure] = d
        if d.kind in ("casualty", "displacement"):
            prev = last.get(d.measure)
            if prev is not None and d.subject is None:
                d.subject = prev.subject
                d.actors = list(prev.actors)
                if d.event is None:
                    d.event = prev.event
                if d.scope == "unknown":
                    d.scope = prev.scope
                if not d.place:
                    d.place = list(prev.place)
            if d.subject is not None and not d.subgroup:
                last[d.measure] = d
    for d in drafts:
        if d.kind in ("casualty", "displacement") and d.subject is None and not d.pronoun:
            d.subject = "people"  # "the death toll rose to 640" with no group named before: people
        if d.share_state and d.subject:
            d.subject = f"{d.subject} {d.share_state}"  # "a third of the town destroyed", "... under water"


def _toll_anchor(d: _Draft) -> str:
    return f"{d.measure} {' '.join(d.actors)} {d.subject}".strip()


def _is_toll(d: _Draft) -> bool:
    """A count of the incident's own casualties (a part, "103 of them from Valia", dates no incident of its own)."""
    return d.kind in ("casualty", "displacement") and bool(d.subject) and not d.subgroup


def _lead_dates_name_the_news(drafts: list[_Draft], segments: list[Span], body_start: int,
                              harmful: frozenset[str]) -> None:
    """The report's first sentence tells its news: a date there of a harmful event that recurs, in a lead that
    gives no toll ("A year ago today, a shell hit the market"), is the day of the incident the report is about.
    (A lead with a toll dates what that toll counts; one of a meeting or a protest tells of no incident.)"""
    lead = next((s for s in segments if s.start >= body_start and "|" not in s.text
                 and re.search(r"[a-z]{4,}", s.text)), None)
    if lead is None or any(d.kind in ("casualty", "displacement") and d.sentence.start == lead.start for d in drafts):
        return
    for d in drafts:
        if d.kind == "date" and d.anchors is not None and d.sentence.start == lead.start and d.event in harmful:
            d.attributive = True


def _verb_object(c: _Draft) -> bool:
    """"..., killing at least 60": a toll that is the object of its casualty verb counts an incident's victims,
    though it names no one (no tally: "the toll climbed to 900")."""
    return 0 <= c.measure_at < c.start and re.fullmatch(
        r"[a-z]+\s+", c.sentence.text[c.measure_at - c.sentence.start:c.start - c.sentence.start]) is not None


def _anchor_dates(drafts: list[_Draft]) -> None:
    """A date of an event that recurs in a story (a strike, a crash) is compared only with dates tied to the
    same count: its sentence's first toll ("34 soldiers killed on Thursday"). A date that names its event's day
    outright ("Saturday's crash") with no toll of the dead beside it ("arrested over the 2 June crash") takes
    the report's first toll of that event, which is the incident the report is about."""
    for d in drafts:
        if d.anchors is None:
            continue
        # a toll that names no one ("the toll climbed to 900 on Friday") is a tally, whose day is not the
        # incident's, unless the date names the event outright ("the toll from Friday's crash")
        toll = next((c for c in d.anchors if _is_toll(c) and (c.own_subject or d.attributive or _verb_object(c))), None)
        if d.attributive and (toll is None or toll.measure != "killed"):
            # (the report's toll of that event, else its first toll of no event named: the news it reports; its
            # dead before any other count)
            tolls = [c for c in drafts if _is_toll(c) and c.occasion is None and c.reference == "current"
                     and c.event in (d.event, None)]
            toll = min(tolls, key=lambda c: (c.event != d.event, c.measure != "killed"), default=toll)
        if toll is None:
            d.subject = None
        else:  # a toll of another occasion ("killed 80 in 1977") dates that occasion, not the report's incident
            d.subject = f"{d.event}{' ' + toll.occasion if toll.occasion else ''}: {_toll_anchor(toll)}"


def extract(report: Report, lex: Lexicon | None = None) -> list[Claim]:
    """The claims of one report."""
    return Extractor(lex).extract(report)
