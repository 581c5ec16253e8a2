"""CT02 quantity-mismatch."""

from __future__ import annotations

import math
from collections.abc import Iterator
from typing import ClassVar

from ...match import Group, interval
from ...models import CountClaim, Finding, Severity
from .. import Rule, RuleContext
from .._common import describe, pairs_of


def _power_of_ten_apart(x: float | None, y: float | None) -> bool:
    """3.5 million against 3.5 billion: one figure with a slipped scale word."""
    if not x or not y or x == y:
        return False
    exponent = math.log10(max(x, y) / min(x, y))
    return abs(exponent - round(exponent)) < 1e-9


def _too_far_apart(x: float | None, y: float | None, fx: float, fy: float, max_ratio: float) -> bool:
    """Best values (in base units) more than max_ratio apart; unknown best values are never too far."""
    if not max_ratio or not x or not y:
        return False
    bx, by = abs(x * fx), abs(y * fy)
    return max(bx, by) / min(bx, by) > max_ratio


class CT02(Rule):
    """Measured quantities of one fact that disagree, in the same unit or after conversion.

    What it flags: two claims about the same measure (a width, a distance, a
    duration, a sum of money) whose values cannot both be true. Values in
    different units of one dimension are converted first, each widened by
    half a unit of its last written digit (CODING.md 4), so "seven-mile" is
    6.5-7.5 mi and agrees with 12 km. Where the figures are equal but the
    units differ ("6 km" against "6 miles") the message names a likely unit
    slip.

    Why it matters: unit slips and halved widths are the commonest errors in
    translated copy.

    Example: fires on "a 6 km corridor" against "a 12-kilometre corridor", and
    on "six miles to the north and south" against "6 km north and 6 km
    south"; does not fire on "a seven-mile (12km) corridor" against "12 km
    wide".

    Far apart: two measures more than ``max_ratio`` times apart ("12 km"
    against "about one kilometre", "a 70-metre dam" against "33 km") are
    read as two quantities the matcher could not tell apart (the upper and
    the lower dam), not one quantity misreported. Slips still fire however
    far apart: the same figure in other units ("6 km" against "6 miles")
    and a figure off by a power of ten in one unit ("$3.5 billion" against
    "$3.5 million"), each named as a likely slip.

    Options: ``max_ratio`` (default 10): the largest ratio between two
    measures still read as one quantity; 0 turns the limit off.
    """

    code = "CT02"
    name = "quantity-mismatch"
    severity = Severity.error
    default_options: ClassVar[dict[str, float | int | str | bool]] = {"max_ratio": 10.0}

    def evaluate(self, group: Group, context: RuleContext) -> Iterator[Finding]:
        units = context.lexicon.unit_info
        max_ratio = float(context.options.get("max_ratio", 0))
        for a, b, match in pairs_of(group):
            if not (isinstance(a, CountClaim) and isinstance(b, CountClaim)):
                continue
            ua, ub = a.value.unit, b.value.unit
            if not ua or not ub:
                continue
            lo_a, hi_a = interval(a.value)
            lo_b, hi_b = interval(b.value)
            if ua == ub:
                if lo_a <= hi_b and lo_b <= hi_a:
                    continue
                message = f"{describe(a, context)} disagrees with {describe(b, context)}"
                if _power_of_ten_apart(a.value.best, b.value.best):
                    message += ": likely scale slip (a power of ten apart)"
                elif _too_far_apart(a.value.best, b.value.best, 1.0, 1.0, max_ratio):
                    continue
                yield self.finding(context, group, [a, b], message, match,
                                   threshold=f"intervals do not overlap (same unit); max_ratio={max_ratio:g}")
                continue
            ia, ib = units.get(ua), units.get(ub)
            if ia is None or ib is None or ia["dimension"] != ib["dimension"]:
                continue
            fa, fb = ia["to_base"], ib["to_base"]
            oa, ob = ia.get("offset", 0.0), ib.get("offset", 0.0)
            pa, pb = a.precision or 0.0, b.precision or 0.0
            lo_a, hi_a = (lo_a - pa) * fa + oa, (hi_a + pa) * fa + oa
            lo_b, hi_b = (lo_b - pb) * fb + ob, (hi_b + pb) * fb + ob
            if lo_a <= hi_b and lo_b <= hi_a:
                continue
            message = f"{describe(a, context)} disagrees with {describe(b, context)} after conversion"
            if a.value.best is not None and a.value.best == b.value.best:
                message += f": likely unit slip ({ua} for {ub} or the reverse)"
            elif _too_far_apart(a.value.best, b.value.best, fa, fb, max_ratio):
                continue
            yield self.finding(context, group, [a, b], message, match,
                               threshold=f"converted to base units, each widened by half a unit of its last digit "
                                         f"({pa:g} {ua}, {pb:g} {ub}); max_ratio={max_ratio:g}")
