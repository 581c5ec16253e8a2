"""CT05 parts-sum-mismatch."""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from ...match import Group, interval
from ...models import Claim, Finding, Severity
from .. import Rule, RuleContext
from .._common import describe, format_amount
from .._parts import incident_totals, listed_parts, part_lists, same_incident


class CT05(Rule):
    """Parts listed after a total that do not add up to it.

    What it flags: a total followed by two or more of its parts in one
    sentence whose sum exceeds the total ("15 people, including 9 women and
    8 children"), or, where the marker says the parts make up the whole
    ("15 people, made up of 9 women and 4 children"), whose sum falls short
    of it. Sums add the parts' low bounds (and high bounds for a shortfall);
    a single part larger than the total is CT04's.

    Across reports (``across_reports``): parts one report lists without a
    total ("9 women and 8 children were killed in the strike on Monday")
    whose sum exceeds the total another report gives for everyone in the
    same event on the same day ("the strike on Monday killed 15 people").

    Why it matters: parts that overshoot their total mean a figure was
    miscopied or a part was counted twice.

    Example: fires on "The strike killed 15 people, among them 9 women and 8
    children"; does not fire on "The strike killed 15 people, among them 6
    women and 8 children".

    Options: ``tolerance_abs`` (default 0): how far the sum may overshoot or
    fall short before the rule fires. ``across_reports`` (default true):
    also compare parts listed in one report with another report's total. Markers are data in
    ``checker/data/relations.yaml``.
    """

    code = "CT05"
    name = "parts-sum-mismatch"
    severity = Severity.warning
    pairwise = False
    default_options: ClassVar[dict[str, float | int | str | bool]] = {"tolerance_abs": 0, "across_reports": True}

    def evaluate_claims(self, claims: list[Claim], groups: list[Group], context: RuleContext) -> Iterator[Finding]:
        slack = float(context.options.get("tolerance_abs", 0))
        for plist in part_lists(claims):
            if len(plist.parts) < 2:
                continue
            lo_total, hi_total = interval(plist.total.value)
            lows = [interval(p.value)[0] for p in plist.parts]
            highs = [interval(p.value)[1] for p in plist.parts]
            low_sum, high_sum = sum(lows), sum(highs)
            names = " + ".join(format_amount(p.value) for p in plist.parts)
            involved = [plist.total, *plist.parts]
            if low_sum > hi_total + slack:
                yield self.finding(context, None, involved,
                                   f"the parts {names} add up to more than the total {describe(plist.total, context)}",
                                   threshold=f"sum of parts > total.high + {slack:g}")
            elif plist.complete and high_sum < lo_total - slack:
                yield self.finding(context, None, involved,
                                   f"the parts {names} add up to less than the total {describe(plist.total, context)}",
                                   threshold=f"complete list: sum of parts < total.low - {slack:g}")
        if context.options.get("across_reports"):
            totals = incident_totals(claims)
            for parts in listed_parts(claims):
                low_sum = sum(interval(p.value)[0] for p in parts)
                names = " + ".join(format_amount(p.value) for p in parts)
                for total in totals:
                    if not all(same_incident(total, p) for p in parts):
                        continue
                    if low_sum > interval(total.value)[1] + slack:
                        yield self.finding(context, None, [total, *parts],
                                           f"the parts {names} of {parts[0].report} add up to more than the total "
                                           f"{describe(total, context)} of another report",
                                           threshold=f"sum of parts > total.high + {slack:g}; same event and day")
