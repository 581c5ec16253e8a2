"""Totals and their parts, as one sentence states them: claims in, (total, parts, complete) out.

"The strike killed 15 people, including 9 women and 8 children": the total is
the count just before a part marker (``relations.yaml`` ``parts.markers``),
the parts are the counts of the same measure that follow it, joined only by
commas and joiners. ``complete`` says the marker presents the parts as the
whole total ("made up of"). ``listed_parts`` finds lists of parts with no
total ("9 women and 8 children were killed"), and ``same_incident`` says
whether a total of one report and a part of another count one incident.
Used by CT04 and CT05.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from functools import cache

from ..lexicon import data_file, phrase_pattern
from ..match import span_days
from ..models import Claim, CountClaim
from ._common import claim_gap


@dataclass(frozen=True)
class PartList:
    total: CountClaim
    parts: tuple[CountClaim, ...]
    complete: bool


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    parts = data_file("relations")["parts"]
    filler = r"[\s,;:()\-–—]*"
    markers = phrase_pattern(parts["markers"] + parts["complete_markers"]).pattern
    marker = re.compile(rf"^{filler}(?:{markers}){filler}$", re.IGNORECASE)
    complete = phrase_pattern(parts["complete_markers"])
    joiner = re.compile(rf"^{filler}(?:(?:{phrase_pattern(parts['joiners']).pattern}){filler})?$", re.IGNORECASE)
    return marker, complete, joiner


def umbrella_subjects() -> frozenset[str]:
    return frozenset(str(s).lower() for s in data_file("relations")["parts"]["umbrella_subjects"])


def _by_sentence(claims: list[Claim]) -> list[list[CountClaim]]:
    """Unitless counts grouped by sentence, in text order."""
    groups: dict[tuple[str, str], list[CountClaim]] = defaultdict(list)
    for c in claims:
        if isinstance(c, CountClaim) and c.sentence and c.value.unit is None:
            groups[(c.report, c.sentence)].append(c)
    return [sorted(members, key=lambda c: c.source.start) for members in groups.values()]


def listed_parts(claims: list[Claim]) -> list[tuple[CountClaim, ...]]:
    """Lists of two or more counts of one measure and distinct subjects joined only by commas and joiners,
    none of them a subject that covers others and none following a total: "9 women and 8 children"."""
    marker, _, joiner = _patterns()
    umbrella = umbrella_subjects()
    out: list[tuple[CountClaim, ...]] = []
    for members in _by_sentence(claims):
        run: list[CountClaim] = []
        for i, c in enumerate(members):
            after_total = i > 0 and (gap := claim_gap(members[i - 1], c)) is not None and bool(marker.match(gap))
            joined = bool(run) and c.measure == run[-1].measure and \
                (between := claim_gap(run[-1], c)) is not None and bool(joiner.match(between))
            if not joined:
                if len(run) >= 2:
                    out.append(tuple(run))
                run = []
            if after_total or not c.subject or c.subject.lower() in umbrella:
                run = []  # a part list after a total is CT04/CT05's in-sentence business
                continue
            run.append(c)
        if len(run) >= 2:
            out.append(tuple(run))
    return [r for r in out if len({c.subject for c in r}) == len(r)]


def incident_totals(claims: list[Claim]) -> list[CountClaim]:
    """Casualty counts of everyone in an incident: a covering subject, no named group, a current figure."""
    umbrella = umbrella_subjects()
    return [c for c in claims if isinstance(c, CountClaim) and c.kind == "casualty" and c.value.unit is None
            and c.reference == "current" and c.scope != "aggregate" and c.event
            and (c.subject or "").lower() in umbrella and not c.actors]


def same_incident(total: CountClaim, part: CountClaim) -> bool:
    """A total of one report and a part of another count one incident: the same measure and event on
    overlapping days, and places that do not differ. The day is what ties two reports' figures together."""
    if part.report == total.report or part.measure != total.measure or part.event != total.event:
        return False
    if part.reference != "current" or part.scope == "aggregate":
        return False
    days_total, days_part = span_days(total.event_date), span_days(part.event_date)
    if days_total is None or days_part is None or days_part[0] > days_total[1] or days_total[0] > days_part[1]:
        return False
    return not (total.place and part.place and not set(total.place) & set(part.place))


def part_lists(claims: list[Claim]) -> list[PartList]:
    """Every total with the parts a sentence lists right after it."""
    marker, complete_marker, joiner = _patterns()
    out: list[PartList] = []
    for members in _by_sentence(claims):
        for i, total in enumerate(members[:-1]):
            first = members[i + 1]
            gap = claim_gap(total, first)
            if gap is None or first.measure != total.measure or not marker.match(gap):
                continue
            parts = [first]
            for nxt in members[i + 2:]:
                between = claim_gap(parts[-1], nxt)
                if between is None or nxt.measure != total.measure or not joiner.match(between):
                    break
                parts.append(nxt)
            out.append(PartList(total, tuple(parts), bool(complete_marker.search(gap))))
    return out
