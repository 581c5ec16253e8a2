"""CT07 source-mismatch."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...match import Group
from ...models import Amount, CountClaim, Finding, Severity
from .. import Rule, RuleContext
from .._common import describe, pairs_of

_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)


def source_key(attribution: str) -> str:
    """A source name for comparison: no article, case-folded, space-normalised."""
    name = _ARTICLE.sub("", attribution.strip().strip(".,;:!?\"'’ "))
    return " ".join(name.casefold().split())


def same_source(a: str, b: str) -> bool:
    """Two attributions name one source: equal once normalised, one within the other, or one the other's acronym."""
    ka, kb = source_key(a), source_key(b)
    if not ka or not kb:
        return True
    if ka == kb or f" {ka} " in f" {kb} " or f" {kb} " in f" {ka} ":
        return True

    def initials(key: str) -> str:
        return "".join(w[0] for w in key.split() if w not in ("of", "for", "and", "the"))

    short, long_ = sorted((ka, kb), key=len)
    return " " not in short and short.replace(".", "") == initials(long_)


def _direction(v: Amount) -> str:
    """Which way a hedge points from the figure: "nearly N" below, "more than N" above, else around."""
    if v.best is not None and v.high == v.best and (v.low is None or v.low < v.best):
        return "below"
    if v.best is not None and v.low == v.best and (v.high is None or v.high > v.best):
        return "above"
    return "around"


class CT07(Rule):
    """The same figure credited to different sources.

    What it flags: two claims of one fact with the same figure (the same
    best value and unit, with hedges that do not point opposite ways) whose reports credit it to
    different sources: "48,000
    displaced, the UN said" against "48,000 displaced, according to the Norland
    Monitoring Group". Sources are compared without articles and case; an acronym
    matches its full name ("UN" and "United Nations").

    Why it matters: a figure has one origin; when two outlets credit it to
    different bodies, one of them has likely misattributed it, and the copy
    should cite the right one.

    Example: fires on "The United Nations said 900,000 people had fled" against
    "900,000 people had fled, the Red Cross said"; does not fire on "The
    United Nations said 900,000 people had fled" against "900,000 people had
    fled, according to the UN".

    Options: none.
    """

    code = "CT07"
    name = "source-mismatch"
    severity = Severity.info
    pairwise = False

    def evaluate(self, group: Group, context: RuleContext) -> Iterator[Finding]:
        for a, b, match in pairs_of(group):
            if not (isinstance(a, CountClaim) and isinstance(b, CountClaim)) or a.report == b.report:
                continue
            if not a.attribution or not b.attribution or a.value.best is None or \
                    (a.value.best, a.value.unit) != (b.value.best, b.value.unit):
                continue
            if {_direction(a.value), _direction(b.value)} == {"below", "above"}:
                continue  # "nearly a million" and "more than a million" are two figures, not one
            if same_source(a.attribution, b.attribution):
                continue
            yield self.finding(context, group, [a, b],
                               f"the same figure is credited to {a.attribution!r} in {describe(a, context)} and to "
                               f"{b.attribution!r} in {describe(b, context)}", match,
                               threshold="equal best values, different sources")
