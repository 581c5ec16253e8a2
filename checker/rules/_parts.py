"""Totals and their parts, as one sentence states them: claims in, (total, parts, complete) out.

"The strike killed 15 people, including 9 women and 8 children": the total is
the count just before a part marker (``relations.yaml`` ``parts.markers``),
the parts are the counts of the same measure that follow it, joined only by
commas and joiners. ``complete`` says the marker presents the parts as the
whole total ("made up of"). Used by CT04 and CT05.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from functools import cache

from ..lexicon import phrase_pattern
from ..models import Claim, CountClaim
from ._common import claim_gap, rule_data


@dataclass(frozen=True)
class PartList:
    total: CountClaim
    parts: tuple[CountClaim, ...]
    complete: bool


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    parts = rule_data("relations")["parts"]
    filler = r"[\s,;:()\-–—]*"
    markers = phrase_pattern(parts["markers"] + parts["complete_markers"]).pattern
    marker = re.compile(rf"^{filler}(?:{markers}){filler}$", re.IGNORECASE)
    complete = phrase_pattern(parts["complete_markers"])
    joiner = re.compile(rf"^{filler}(?:(?:{phrase_pattern(parts['joiners']).pattern}){filler})?$", re.IGNORECASE)
    return marker, complete, joiner


def umbrella_subjects() -> frozenset[str]:
    return frozenset(str(s).lower() for s in rule_data("relations")["parts"]["umbrella_subjects"])


def part_lists(claims: list[Claim]) -> list[PartList]:
    """Every total with the parts a sentence lists right after it."""
    marker, complete_marker, joiner = _patterns()
    by_sentence: dict[tuple[str, str], list[CountClaim]] = defaultdict(list)
    for c in claims:
        if isinstance(c, CountClaim) and c.sentence and c.value.unit is None:
            by_sentence[(c.report, c.sentence)].append(c)
    out: list[PartList] = []
    for members in by_sentence.values():
        members.sort(key=lambda c: c.source.start)
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
